// CekNetral's scanner alone (no checker, no user interface): half the download of "ceknetral".
import type { LangOptions, Pack, PackInfo, ReadyOptions, ScanResult, VersionInfo } from "./types.js";

export type * from "./types.js";

/** Loads and compiles the scanner's wasm once, however often it is called. */
export function ready(options?: ReadyOptions): Promise<void>;

/** Scans a draft post; throws a TypeError when `text` is not a string, an Error before ready(). */
export function scan(text: string, options?: LangOptions): ScanResult;

/** Loads an election data pack; an invalid pack is refused whole with an Error naming the field. */
export function loadPack(pack: string | Pack): PackInfo;

/** Removes a loaded pack by id; true if it was loaded. */
export function unloadPack(id: string): boolean;

/** The loaded packs. */
export function packs(): PackInfo[];

/** The package's version and the date the knowledge base was last reviewed. */
export function version(): VersionInfo;
