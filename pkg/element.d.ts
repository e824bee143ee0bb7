// `import "ceknetral/element"` registers <cek-netral>; mount() renders the widget into any
// element (for single-page apps that manage their own DOM).
import type { CheckResult, ScanResult } from "./types.js";

export type * from "./types.js";

export type WidgetMode = "checker" | "scanner" | "both";

export interface MountOptions {
  /** Which tools to show; "both" when left out. */
  mode?: WidgetMode;
  /** "id" (the default) or "en"; any value starting with "en" means English. */
  lang?: string;
  /** URLs of election data packs to load, or one comma-separated string. */
  packs?: string[] | string;
  /** Keep the checker's answers in the URL fragment (one widget per page). */
  urlState?: boolean;
}

export interface MountedWidget {
  /** Removes the widget and frees what it holds. */
  unmount(): void;
}

/**
 * Renders the widget inside a shadow root of `element`. Rejects when the wasm cannot load
 * (the element then shows what a site admin can do about it).
 */
export function mount(element: Element, options?: MountOptions): Promise<MountedWidget>;

/** Same as `mounted.unmount()`. */
export function unmount(mounted: MountedWidget): void;

/** `detail` of the `cek-netral:result` event, fired (bubbling, composed) whenever a result changes. */
export type CekNetralResultDetail =
  | { tool: "scanner"; result: ScanResult }
  | { tool: "checker"; result: CheckResult };

/** `detail` of the `cek-netral:error` event, fired when a pack cannot load. */
export interface CekNetralErrorDetail {
  message: string;
}

/**
 * <cek-netral mode="checker|scanner|both" lang="id|en" packs="URL,URL" url-state="off">:
 * its attributes are its whole interface.
 */
export type CekNetralElement = HTMLElement;

declare global {
  interface HTMLElementTagNameMap {
    "cek-netral": CekNetralElement;
  }
  interface HTMLElementEventMap {
    "cek-netral:result": CustomEvent<CekNetralResultDetail>;
    "cek-netral:error": CustomEvent<CekNetralErrorDetail>;
  }
}
