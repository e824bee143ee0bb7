// CekNetral's API: the scanner and the checker, without the user interface.
import type {
  ActivityEntry,
  ActivityId,
  AskInterpretation,
  CheckResult,
  Facts,
  LangOptions,
  Pack,
  PackInfo,
  ReadyOptions,
  RoleEntry,
  RoleId,
  ScanResult,
  TreeNode,
  VersionInfo,
} from "./types.js";

export type * from "./types.js";

/**
 * Loads and compiles the wasm. Call it (and await it) before anything else. It may be
 * called many times and concurrently: the wasm is fetched and compiled once. In a browser
 * the wasm is fetched from next to this module (bundlers emit it as an asset); in Node it
 * is read from disk. Rejects with an Error when the wasm cannot be loaded.
 */
export function ready(options?: ReadyOptions): Promise<void>;

/**
 * Scans a draft post. Throws a TypeError when `text` is not a string, an Error before
 * ready() has finished or when the text is longer than 4 MiB.
 */
export function scan(text: string, options?: LangOptions): ScanResult;

/**
 * The checker's answer: may this role do this activity? Throws a TypeError for arguments
 * of the wrong type and an Error naming the valid values for an unknown role, activity or
 * fact.
 */
export function check(role: RoleId, activity: ActivityId, facts?: Facts, options?: LangOptions): CheckResult;

/**
 * "Tulis pertanyaan Anda": a question as people type it ("bolehkah PNS like postingan
 * caleg?") read into up to three interpretations, best first; an empty array when the
 * knowledge base does not cover it. Pass `role`, `activity` and `facts` of one to check().
 * Throws a TypeError when `question` is not a string. Since 0.2.
 */
export function ask(question: string, options?: LangOptions): AskInterpretation[];

/** The whole decision tree, from the first question to every outcome. */
export function tree(): TreeNode;

/** The roles, with Indonesian and English labels. */
export function roles(): RoleEntry[];

/** The activities by group, with the facts that can change an answer. */
export function activities(): ActivityEntry[];

/**
 * Loads an election data pack (a JSON string or an object). An invalid pack is refused
 * whole with an Error that names the field; a pack with the id of a loaded one replaces it.
 */
export function loadPack(pack: string | Pack): PackInfo;

/** Removes a loaded pack by id (the built-in one too); true if it was loaded. */
export function unloadPack(id: string): boolean;

/** The loaded packs; the national 2024 pack is loaded from the start. */
export function packs(): PackInfo[];

/** The package's version and the date the knowledge base was last reviewed. */
export function version(): VersionInfo;
