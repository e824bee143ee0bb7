// The data that goes in and out of CekNetral's API: plain JSON-compatible objects shaped
// like the command-line tool's JSON (`ceknetral scan --jsonl`, `ceknetral check --json`).
// Fields marked optional are left out when empty. tests/pkg checks these declarations
// against the values the wasm returns and compiles a strict consumer against them.

/** The two languages every text is written in. Indonesian is the default. */
export type Lang = "id" | "en";

/** Options of scan() and check(). */
export interface LangOptions {
  /** Language of messages, explanations and advice; "id" when left out. */
  lang?: Lang;
}

// ---------------------------------------------------------------------------------------
// Scanner

/** Risk of a whole post: nothing to flag, worth a second look, or a likely breach. */
export type Risk = "safe" | "review" | "violation";

/** Severity of one finding. */
export type Severity = "review" | "violation";

/** What a finding is about. */
export type Category =
  | "call_to_vote"
  | "support"
  | "attack"
  | "hashtag_slogan"
  | "symbol"
  | "party_promotion"
  | "campaign_mobilisation"
  | "group_invite"
  | "state_facilities"
  | "ktp_collection"
  | "money_politics"
  | "relative_candidate"
  | "mention";

/** A provision a finding rests on: `{ instrument: "PP 94/2021", provision: "Pasal 5 huruf n" }`. */
export interface Citation {
  instrument: string;
  provision: string;
}

/** One thing to fix in a post. */
export interface Finding {
  /** Start of the span, in UTF-16 code units of the text given (what String.prototype.slice uses). */
  start: number;
  /** End of the span (exclusive), in UTF-16 code units. */
  end: number;
  /** The span as written: `text.slice(start, end)`. */
  text: string;
  /** Id of the scanner rule, such as "vote.call" or "hashtag.campaign". */
  rule: string;
  category: Category;
  severity: Severity;
  /** Why this would breach neutrality, in the language asked for. */
  message: string;
  /** At least one provision of an instrument in force. */
  basis: Citation[];
  /** A neutral rewording that can replace the span, where one makes sense. */
  suggestion?: string;
}

/** What scan() returns. */
export interface ScanResult {
  risk: Risk;
  /** In the order of the text. */
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------
// Election data packs

/** A date written as YYYY-MM-DD. */
export type IsoDate = string;

/** One candidate, pair of candidates or list in a pack. */
export interface PackContestant {
  /** Ballot number. */
  number?: number;
  /** Full names (at least one); the scanner finds the distinctive parts itself. */
  names: string[];
  aliases?: string[];
  slogans?: string[];
  /**
   * Hashtags, such as "#SuryawanAyu". Mark one as a plain name (`kind: "name"`: a mention,
   * worth a look, as news uses it) or as carrying the campaign (`kind: "slogan"`: spreading
   * it takes a side); without a mark the scanner reads the words inside it.
   */
  hashtags?: (string | PackHashtag)[];
  /** Gestures and symbols, such as "salam satu jari". */
  symbols?: string[];
  /**
   * What the contestant's supporters are called, by friends and foes ("Sedulur Suryawan",
   * "laskar biru"): an insult at them is an attack, pride in them is support.
   */
  camp?: string[];
}

/** A hashtag with its kind, in `PackContestant.hashtags`. */
export interface PackHashtag {
  tag: string;
  kind?: "name" | "slogan";
}

export interface PackParty {
  number?: number;
  name: string;
  aliases?: string[];
}

/**
 * An election data pack, as loadPack() takes it (design.md, "Election data packs"). Only
 * `id`, `title` and `contestants[].names` are required; unknown fields are refused.
 */
export interface Pack {
  /** Letters, digits, `-`, `_` and `.`. Loading a pack with the id of a loaded one replaces it. */
  id: string;
  title: string;
  kind?: "pilpres" | "pileg" | "pilkada" | "pilkades";
  region?: string;
  voting_day?: IsoDate;
  campaign?: { start: IsoDate; end: IsoDate };
  contestants: PackContestant[];
  parties?: PackParty[];
  /** Aliases that are also everyday words: matched only next to election words. */
  ambiguous_aliases?: string[];
}

/** A loaded pack, as loadPack() and packs() describe it. */
export interface PackInfo {
  id: string;
  title: string;
  /** False when the widget's pack choice has switched it off. */
  enabled: boolean;
}

/** What version() returns. */
export interface VersionInfo {
  /** The package's version (semantic versioning), the same as the Rust crate's. */
  version: string;
  /** The date the knowledge base was last reviewed, YYYY-MM-DD. */
  knowledge_base_reviewed: IsoDate;
}

/** Options of ready(). */
export interface ReadyOptions {
  /**
   * Where to fetch the wasm from when it is not served next to the module (a CDN or a
   * static folder). Relative URLs resolve against the page. Only the first call's value
   * counts: the wasm is loaded once.
   */
  wasmUrl?: string | URL;
}

// ---------------------------------------------------------------------------------------
// Checker

/** The roles the checker knows (`roles()` describes them). */
export type RoleId =
  | "pns"
  | "pppk"
  | "ppnpn"
  | "kepala_desa"
  | "perangkat_desa"
  | "bpd"
  | "tni"
  | "polri";

/** The activities the checker knows (`activities()` describes them). */
export type ActivityId =
  | "social_post_support"
  | "social_like"
  | "social_comment"
  | "social_share"
  | "social_follow_or_join"
  | "social_photo_with_candidate"
  | "social_symbol_gesture"
  | "profile_picture_support"
  | "share_official_election_info"
  | "encourage_turnout"
  | "attend_campaign"
  | "attend_campaign_with_attributes"
  | "mobilize_colleagues"
  | "partisan_gathering_or_appeal"
  | "install_campaign_props"
  | "speak_at_party_event"
  | "party_membership"
  | "run_for_office"
  | "campaign_team"
  | "ktp_support"
  | "use_state_facilities"
  | "official_decision_favoring"
  | "accompany_spouse_candidate"
  | "promote_relative_candidate"
  | "vote"
  | "election_worker"
  | "party_witness";

/** The facts that can change an answer, and their values. */
export interface FactValues {
  /** Whether the person supported is a prospective candidate or an officially registered one. */
  stage: "bakal_calon" | "calon";
  /** A national election (pemilu) or a regional one (pilkada). */
  election: "pemilu" | "pilkada";
  /** Whether the civil servant is on unpaid leave outside the state's responsibility (CLTN). */
  on_cltn: "yes" | "no";
  /** A party's ordinary member or one of its officers. */
  party_position: "anggota" | "pengurus";
  /** The office someone runs for (asked for `run_for_office` where it changes the answer). Since 0.2. */
  office: "presiden_wapres" | "dpr_dpd" | "dprd" | "kepala_daerah" | "kepala_desa";
}

export type FactKey = keyof FactValues;

/**
 * The facts given to check(): an object (`{ stage: "calon" }`) or "key=value" strings
 * (`["stage=calon"]`, as the CLI's --fact takes them). Facts left out are covered by
 * `variants` in the answer.
 */
export type Facts = Partial<FactValues> | string[];

export type Verdict = "allowed" | "conditional" | "prohibited";

/** How far a statement is backed: read in the instrument itself, quoted by guidance, inferred, or not confirmed. */
export type Confidence = "verified" | "secondary" | "inference" | "unverified";

/** A fact's value that an item of the answer depends on: `{ stage: "calon" }`. */
export type When = Partial<Record<FactKey, string>>;

/** A provision of the legal basis, with what it says. */
export interface BasisItem extends Citation {
  /** "repealed" only in `history`. */
  status: "in_force" | "repealed";
  summary: string;
  confidence: Confidence;
  /** Key of the provision in the knowledge base, such as "pp94_2021:p5n". */
  key: string;
  /** Present when the item applies only for some values of a fact not given. */
  when?: When;
}

export interface SanctionItem {
  kind: "ethics" | "discipline" | "dismissal" | "contract" | "administrative" | "criminal";
  /** For discipline: "light", "medium" or "heavy"; empty otherwise. */
  level: "light" | "medium" | "heavy" | "";
  detail: string;
  basis: BasisItem[];
  confidence: Confidence;
  when?: When;
}

/** The parts of an answer that every outcome has. */
export interface OutcomeFields {
  verdict: Verdict;
  basis: BasisItem[];
  sanctions: SanctionItem[];
  /** The conditions of a "conditional" verdict. */
  conditions: string[];
  explanation: string;
  /** What to do instead. */
  advice: string;
  /** True when the point is disputed ("diperdebatkan"): read disputed_reason. */
  disputed: boolean;
  disputed_reason?: string;
  confidence: Confidence;
  sanction_note?: string;
  /** Repealed provisions on the same point, shown as history only. */
  history: BasisItem[];
}

/** One outcome among several, when a fact that matters was not given. */
export interface Variant extends OutcomeFields {
  when: When;
  /** Key of the outcome in the knowledge base. */
  outcome: string;
  /** Where the research dossier discusses it. */
  dossier: string;
}

/** What check() returns. */
export interface CheckResult extends OutcomeFields {
  role: RoleId;
  activity: ActivityId;
  /** The facts that matter and were given. */
  facts: Partial<FactValues>;
  /** Facts that matter and were not given: `variants` covers each of their values. */
  missing_facts: FactKey[];
  /** Present when the outcome depends on a missing fact: one entry per value. */
  variants?: Variant[];
  lang: Lang;
  /** The date the knowledge base was last reviewed, YYYY-MM-DD. */
  last_reviewed: IsoDate;
  /**
   * Where someone in this role asks, and where a breach by them is reported and
   * sanctioned, with the instrument (for example Bawaslu, then BKN and the agency's PPK for
   * ASN; Propam for Polri), in the answer's language. Since 0.2.
   */
  report_to: string;
}

/** A text in both languages. */
export interface Bilingual {
  id: string;
  en: string;
}

export interface RoleEntry {
  id: RoleId;
  label: Bilingual;
  description: Bilingual;
}

export interface ActivityEntry {
  id: ActivityId;
  group: string;
  group_label: Bilingual;
  label: Bilingual;
  description: Bilingual;
  /** Facts that change the answer for at least one role. */
  facts: FactKey[];
}

/** The decision tree (`tree()`): questions down to outcomes. */
export type TreeNode = TreeQuestion | TreeOutcome;

export interface TreeQuestion {
  kind: "question";
  /** "role", "group", "activity" or a fact key. */
  step: string;
  question: Bilingual;
  options: TreeEdge[];
}

export interface TreeEdge {
  answer: string;
  label: Bilingual;
  next: TreeNode;
}

export interface TreeOutcome {
  kind: "outcome";
  outcome: string;
  verdict: Verdict;
  /** The answers that lead here, as the widget's URL fragment. */
  path: string;
  /** The legal basis, one "instrument provision" string per item. */
  basis: string[];
}

/** One reading of a typed question (ask()). Since 0.2. */
export interface AskInterpretation {
  /** The role the question names; null when it names none (ask the user first). */
  role: RoleId | null;
  activity: ActivityId;
  /** The facts the question states that matter for the role and activity. */
  facts: Facts;
  /** The sum of the weights of the phrases that matched. */
  score: number;
  /** The phrases of the knowledge base's vocabulary that matched. */
  because: string[];
  /** "PNS (termasuk CPNS) · Menyukai (like) unggahan calon atau tim pemenangan". */
  label: string;
}
