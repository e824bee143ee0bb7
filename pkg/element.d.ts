// `import "ceknetral/element"` registers <cek-netral>; mount() renders the widget into any
// element (for single-page apps that manage their own DOM).
import type { CheckResult, RoleId, ScanResult } from "./types.js";

export type * from "./types.js";

/** "quiz": the training quiz ("Latihan") alone; "all": checker, scanner and quiz in tabs (since 0.2). */
export type WidgetMode = "checker" | "scanner" | "both" | "quiz" | "all";

export interface MountOptions {
  /** Which tools to show; "both" when left out. */
  mode?: WidgetMode;
  /** "id" (the default) or "en"; any value starting with "en" means English. */
  lang?: string;
  /** URLs of election data packs to load, or one comma-separated string. */
  packs?: string[] | string;
  /** Keep the checker's answers in the URL fragment (one widget per page). */
  urlState?: boolean;
  /**
   * The user's role when the host knows it (a portal for village officials sets
   * "kepala_desa"): the scanner's findings cite the basis for that role, and "Apakah ini
   * boleh untuk saya?" opens the checker with it. The `role` attribute of `<cek-netral>`
   * does the same. Since 0.2.
   */
  role?: RoleId;
  /**
   * Where a false-alarm report ("Laporkan salah deteksi") may be e-mailed:
   * "mailto:address". Without it the user can only copy the report. The widget sends
   * nothing itself. The `report-to` attribute does the same. Since 0.2.
   */
  reportTo?: string;
  /**
   * Start the quiz in presenter mode: large type, one question per screen, the answer shown
   * on a key press, no score. The `presenter` attribute does the same. Since 0.2.
   */
  presenter?: boolean;
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

/**
 * `detail` of the `cek-netral:result` event (bubbling, composed). The last event a host has
 * received always describes what the widget shows now:
 * - scanner: sent when typing pauses (150 ms) after every edit, a suggestion applied, a pack
 *   switched or the language changed, even when the result equals the previous one. An
 *   emptied editor sends `{ tool: "scanner", result: { risk: "safe", findings: [] }, empty: true }`;
 *   nothing is sent while the editor is still empty on first display.
 * - checker: sent with each answer shown (and again after a change of language); when Back
 *   or Restart takes the answer away, `{ tool: "checker", result: null }`.
 */
export type CekNetralResultDetail =
  | { tool: "scanner"; result: ScanResult; empty?: true }
  | { tool: "checker"; result: CheckResult | null };

/** `detail` of the `cek-netral:error` event, fired when a pack cannot load. */
export interface CekNetralErrorDetail {
  message: string;
}

/**
 * <cek-netral mode="checker|scanner|both|quiz|all" lang="id|en" packs="URL,URL" url-state="off" presenter>:
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
