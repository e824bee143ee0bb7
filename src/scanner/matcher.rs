//! The phrase matcher: the generic lexicon and the loaded packs compiled into one token
//! trie, and a byte trie for names inside hashtags. Tagging a post costs a hash look-up
//! per token and a few trie steps, whatever the number of contestants and entries.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::hashtag;
use super::lexicon::{
    class::*, is_common_name, is_everyday_word, is_honorific, ENTRIES, HASHTAG_STEMS, NAME_TITLES,
};
use super::normalize::{normalize, Caps, Normalized, Source, TokenKind};
use super::pack::{Date, HashtagKind, Pack};

/// A small, fast hasher for short keys (the FxHash mix).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// Which contestant or party of which pack a match refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityRef {
    pub pack: u16,
    pub party: bool,
    pub index: u16,
}

#[derive(Debug, Clone, Copy, Default)]
struct Term {
    classes: Classes,
    entity: Option<EntityRef>,
}

/// A byte trie for finding names inside hashtags (`#tetapprabowo`).
#[derive(Debug, Clone, Default)]
struct ByteTrie {
    /// (node, byte) -> node
    edges: FxMap<(u32, u8), u32>,
    terms: Vec<Term>,
}

impl ByteTrie {
    fn new() -> ByteTrie {
        ByteTrie {
            edges: FxMap::default(),
            terms: vec![Term::default()],
        }
    }

    fn insert(&mut self, word: &str, classes: Classes, entity: Option<EntityRef>) {
        let mut node = 0u32;
        for b in word.bytes() {
            node = match self.edges.get(&(node, b)) {
                Some(n) => *n,
                None => {
                    let n = self.terms.len() as u32;
                    self.terms.push(Term::default());
                    self.edges.insert((node, b), n);
                    n
                }
            };
        }
        if let Some(t) = self.terms.get_mut(node as usize) {
            t.classes |= classes;
            if t.entity.is_none() {
                t.entity = entity;
            }
        }
    }

    /// Every entry found inside `text`: OR of classes, the first entity.
    fn search(&self, text: &[u8]) -> Term {
        let mut found = Term::default();
        for start in 0..text.len() {
            let mut node = 0u32;
            for b in &text[start..] {
                match self.edges.get(&(node, *b)) {
                    Some(n) => node = *n,
                    None => break,
                }
                if let Some(t) = self.terms.get(node as usize) {
                    if t.classes != 0 {
                        found.classes |= t.classes;
                        if found.entity.is_none() {
                            found.entity = t.entity;
                        }
                    }
                }
            }
        }
        found
    }
}

/// A run of tokens that matched one entry (or a single token), with its classes.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub first: usize,
    pub last: usize,
    pub classes: Classes,
    pub entity: Option<EntityRef>,
    pub boundary_before: bool,
    /// The number's value for number units.
    pub value: Option<u32>,
    /// Inside quotation marks, or after a speaker's name and a colon until the sentence
    /// ends (`Prabowo: "Kita menang"`): someone else's words, reported.
    pub quoted: bool,
}

impl Unit {
    pub fn has(&self, c: Classes) -> bool {
        self.classes & c != 0
    }
}

/// The compiled lexicon and packs.
#[derive(Debug, Clone)]
pub struct Matcher {
    vocab: FxMap<Box<str>, u32>,
    edges: FxMap<(u32, u32), u32>,
    terms: Vec<Term>,
    hashtags: FxMap<Box<str>, Term>,
    in_hashtags: ByteTrie,
    /// The one-word entries of the generic lexicon (normalised).
    lexicon_words: WordSet,
    /// What the packs added, when asked for (see [`derived_terms`]).
    log: Option<Vec<DerivedTerm>>,
    /// Every word of a contestant's names, however common (`budi`), for reading hashtags:
    /// written with a capital inside a hashtag (`#AsalBukanBudi`) it names the contestant.
    name_words: FxMap<Box<str>, EntityRef>,
}

/// One phrase the scanner matches for a pack, and how it treats it: what a pack's author
/// reviews (`ceknetral pack FILE`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DerivedTerm {
    /// The phrase as matched (normalised).
    pub phrase: String,
    /// `name`, `name_part`, `pair`, `alias`, `slogan`, `hashtag`, `symbol`, `party`,
    /// `voting_day`.
    pub kind: &'static str,
    /// An everyday word or common name: counts only in capitals or an election context.
    pub ambiguous: bool,
    /// The contestant's or party's number in the pack, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
}

/// Every phrase the scanner derives from `pack`: names, distinctive name parts, pair names,
/// aliases, slogans, hashtags, symbols, parties and the voting day.
pub fn derived_terms(pack: &Pack) -> Vec<DerivedTerm> {
    let mut m = Matcher::empty();
    m.log = Some(Vec::new());
    m.add_pack(0, pack);
    let mut terms = m.log.take().unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    terms.retain(|t| seen.insert((t.phrase.clone(), t.kind, t.number)));
    terms
}

/// The vocabulary's reading of the pieces of a hashtag: classes, whether each piece is a
/// known word, and the contestant or camp each names.
struct PieceTerms {
    classes: Vec<Classes>,
    known: Vec<bool>,
    entities: Vec<Option<EntityRef>>,
}

/// Endings that make a contestant's name the name of their supporters (`Ahoker`,
/// `Jokowers` is not derived: people shorten names as they like; packs list such names).
const CAMP_ENDINGS: &[&str] = &[
    "er", "ers", "lovers", "mania", "ist", "ista", "isti", "ian", "ians",
];

/// Written in camel case: two or more capitalised runs of letters (`BudiRini`,
/// `AhokPastiTumbang`), not `iPhone` or `McD`.
/// The reading of `tag` from `seen`, or from `read_tag` (and then kept in `seen`).
fn read_once<'t>(
    seen: &mut Vec<(&'t str, (hashtag::Reading, Option<EntityRef>))>,
    tag: &'t str,
    read_tag: impl FnOnce(&str) -> (hashtag::Reading, Option<EntityRef>),
) -> (hashtag::Reading, Option<EntityRef>) {
    if let Some((_, r)) = seen.iter().find(|(t, _)| *t == tag) {
        return *r;
    }
    let r = read_tag(tag);
    seen.push((tag, r));
    r
}

/// A number written as a measure, not a ballot number: a decimal (`41,2`, the `2` and the
/// `41`), a percentage (`35%`) or a clock time (`02.00`). `range` is the number's place in
/// `text`, the original.
fn measurement(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = text.get(..range.start).unwrap_or("");
    let after = text.get(range.end..).unwrap_or("");
    let digit_before = |s: &str| s.chars().next_back().is_some_and(|c| c.is_ascii_digit());
    let fraction = before.strip_suffix([',', '.']).is_some_and(digit_before);
    let decimal = after
        .strip_prefix([',', '.'])
        .is_some_and(|s| s.starts_with(|c: char| c.is_ascii_digit()));
    let percent = after.trim_start_matches(' ').starts_with('%');
    fraction || decimal || percent
}

const WEEKDAYS: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "mingu",
];

/// What follows a weekday in a news report's dateline: ` (6/10)` or `, 6/10/2029`.
fn dateline(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', ',']);
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let mut parts = rest.splitn(2, '/');
    let day = parts.next().unwrap_or("");
    let month = parts.next().unwrap_or("");
    (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && month.starts_with(|c: char| c.is_ascii_digit())
}

fn camel(w: &str) -> bool {
    let b = w.as_bytes();
    let humps = b
        .windows(2)
        .filter(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
        .count();
    w.is_ascii() && b.first().is_some_and(u8::is_ascii_uppercase) && humps >= 1 && w.len() >= 6
}

/// A word of laughter however long it runs (`wkwkwk`, `hahaha`, `wkwkwkw`, `awokawok`,
/// `xixixi`): two or more syllables of the same few letters.
fn is_laughter(w: &str) -> bool {
    let b = w.as_bytes();
    let only = |set: &[u8]| b.iter().all(|c| set.contains(c));
    b.len() >= 4
        && (only(b"wk")
            || (only(b"hae") && b.contains(&b'h') && b.len() >= 4)
            || (only(b"hi") && b.starts_with(b"hi"))
            || (only(b"awok") && b.starts_with(b"awok"))
            || (only(b"xi") && b.starts_with(b"xi")))
}

/// An everyday word (`lexicon/words/everyday.txt`), a number, or a word of the generic
/// lexicon.
fn is_everyday(word: &str, lexicon_words: &WordSet) -> bool {
    is_everyday_word(word)
        || word.bytes().all(|b| b.is_ascii_digit())
        || lexicon_words.contains(word)
}

type WordSet = std::collections::HashSet<String, BuildHasherDefault<Fx>>;

fn is_common(word: &str) -> bool {
    is_everyday_word(word) || is_common_name(word) || is_honorific(word)
}

/// Parts of a name that point to the person on their own: not an honorific, not a common
/// word or given name, at least four letters.
pub fn distinctive_parts(name: &str) -> Vec<String> {
    name_words(name)
        .into_iter()
        .filter(|w| w.len() >= 4 && !is_common(w))
        .collect()
}

/// Parts of a name that are common names but no everyday words ("Mahfud", "Slamet"): they
/// point to the candidate only in capitals, next to a cue or in an election context.
pub fn common_name_parts(name: &str) -> Vec<String> {
    name_words(name)
        .into_iter()
        .filter(|w| w.len() >= 4 && is_common_name(w) && !is_everyday_word(w) && !is_honorific(w))
        .collect()
}

fn name_words(name: &str) -> Vec<String> {
    let n = normalize(name);
    n.tokens()
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Word)
        .map(|(i, _)| n.token_text(i).to_string())
        .collect()
}

/// Parts usable in a pair name (`Budi-Rahayu`): the distinctive ones plus the first and
/// last non-honorific parts.
fn pair_parts(name: &str) -> Vec<String> {
    let n = normalize(name);
    let words: Vec<String> = n
        .tokens()
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Word)
        .map(|(i, _)| n.token_text(i).to_string())
        .filter(|w| !is_honorific(w) && w.len() >= 3)
        .collect();
    let mut out = distinctive_parts(name);
    for w in [words.first(), words.last()].into_iter().flatten() {
        if !out.contains(w) {
            out.push(w.clone());
        }
    }
    out
}

/// How people write a voting day: `14 Februari`, `14 feb`, `14/2`, `tgl 14`, `tanggal 14`.
fn voting_day_phrases(day: Date) -> Vec<String> {
    const MONTHS: [&[&str]; 12] = [
        &["januari", "jan", "january"],
        &["februari", "feb", "pebruari", "february"],
        &["maret", "mar", "march"],
        &["april", "apr"],
        &["mei", "may"],
        &["juni", "jun", "june"],
        &["juli", "jul", "july"],
        &["agustus", "agu", "agt", "ags", "august"],
        &["september", "sep", "sept"],
        &["oktober", "okt", "october", "oct"],
        &["november", "nov"],
        &["desember", "des", "december", "dec"],
    ];
    let d = day.day;
    let mut out = vec![
        format!("tgl {d}"),
        format!("tanggal {d}"),
        format!("{d} {}", day.month),
    ];
    for m in MONTHS
        .get(usize::from(day.month).saturating_sub(1))
        .copied()
        .unwrap_or(&[])
    {
        out.push(format!("{d} {m}"));
        out.push(format!("tgl {d} {m}"));
        out.push(format!("tanggal {d} {m}"));
    }
    out
}

impl Matcher {
    fn empty() -> Matcher {
        let mut m = Matcher {
            vocab: FxMap::default(),
            edges: FxMap::default(),
            terms: vec![Term::default()],
            hashtags: FxMap::default(),
            in_hashtags: ByteTrie::new(),
            lexicon_words: Default::default(),
            log: None,
            name_words: FxMap::default(),
        };
        for (phrase, _) in ENTRIES.iter() {
            if !phrase.contains(' ') {
                m.lexicon_words.insert(normalize(phrase).text().to_string());
            }
        }
        m
    }

    fn note(&mut self, phrase: &str, kind: &'static str, classes: Classes, number: Option<u32>) {
        if let Some(log) = self.log.as_mut() {
            let text = normalize(phrase).text().to_string();
            if !text.is_empty() {
                log.push(DerivedTerm {
                    phrase: text,
                    kind,
                    ambiguous: classes & (CONTESTANT_AMBIG | SLOGAN_AMBIG | PARTY_AMBIG) != 0,
                    number,
                });
            }
        }
    }

    /// Compiles the generic lexicon and the packs.
    pub fn new(packs: &[Pack]) -> Matcher {
        let mut m = Matcher::empty();
        for (phrase, classes) in ENTRIES.iter() {
            m.add(phrase, classes, None);
        }
        for (stem, classes) in HASHTAG_STEMS.iter() {
            m.in_hashtags.insert(stem, classes, None);
        }
        for (pi, pack) in packs.iter().enumerate() {
            m.add_pack(pi as u16, pack);
        }
        m
    }

    fn add_pack(&mut self, pi: u16, pack: &Pack) {
        let ambiguous: Vec<String> = pack
            .ambiguous_aliases
            .iter()
            .map(|a| normalize(a).text().to_string())
            .collect();
        let lexicon_words = std::mem::take(&mut self.lexicon_words);
        // The words of the region's name ("Gianyar", "Padang"): a slogan of the region's name
        // and everyday words ("Gianyar Makin Bagus") is said every day too.
        let region: Vec<String> = pack
            .region
            .iter()
            .map(|r| normalize(r).text().to_string())
            .flat_map(|t| t.split(' ').map(str::to_string).collect::<Vec<_>>())
            .filter(|w| w.len() >= 3)
            .collect();
        let is_ambiguous = |phrase: &str| -> bool {
            let norm = normalize(phrase);
            let text = norm.text();
            if ambiguous.iter().any(|a| a == text) {
                return true;
            }
            let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
            if words.len() == 1 && words[0].len() < 4 {
                return true;
            }
            // "Waktunya Perubahan", "Kerja Nyata": made only of everyday words, it is said
            // every day without the contestant; so is a title with a common name ("Bu Sri",
            // "Mas Sugeng"). A common name alone ("Mahfud") was the pack author's choice.
            let everyday =
                |w: &&str| is_everyday(w, &lexicon_words) || region.iter().any(|r| r == *w);
            let titled = words.iter().any(|w| is_honorific(w))
                && words
                    .iter()
                    .all(|w| is_honorific(w) || is_common_name(w) || everyday(w));
            words.iter().all(everyday) || titled
        };
        // "Sri-Dadang": a pair joined by a hyphen names the pair, however common its names.
        let pair = |alias: &str| {
            alias
                .split('-')
                .filter(|p| p.chars().any(char::is_alphabetic))
                .count()
                >= 2
        };
        for (ci, c) in pack.contestants.iter().enumerate() {
            let entity = Some(EntityRef {
                pack: pi,
                party: false,
                index: ci as u16,
            });
            let no = c.number;
            for name in &c.names {
                self.add(name, CONTESTANT, entity);
                self.note(name, "name", CONTESTANT, no);
                for part in common_name_parts(name) {
                    self.add(&part, CONTESTANT_AMBIG, entity);
                    self.note(&part, "name_part", CONTESTANT_AMBIG, no);
                }
                for part in distinctive_parts(name) {
                    self.add(&part, CONTESTANT, entity);
                    self.note(&part, "name_part", CONTESTANT, no);
                    if part.len() >= 5 {
                        self.in_hashtags.insert(&part, PACK_HASHTAG, entity);
                    }
                }
            }
            // "Pak Sugeng", "Bu Intan": a title with any word of the name.
            for name in &c.names {
                for w in name_words(name) {
                    if w.len() >= 3 && !is_honorific(&w) {
                        if let Some(e) = entity {
                            self.name_words.entry(w.clone().into()).or_insert(e);
                        }
                        let cls = if is_common(&w) || w.len() < 4 {
                            CONTESTANT_AMBIG
                        } else {
                            CONTESTANT
                        };
                        for t in NAME_TITLES.words() {
                            self.add(&format!("{t} {w}"), cls, entity);
                        }
                    }
                }
            }
            if let [a, b, ..] = c.names.as_slice() {
                for x in pair_parts(a) {
                    for y in pair_parts(b) {
                        self.add(&format!("{x} {y}"), CONTESTANT, entity);
                        self.note(&format!("{x} {y}"), "pair", CONTESTANT, no);
                        self.in_hashtags
                            .insert(&format!("{x}{y}"), PACK_HASHTAG, entity);
                    }
                }
            }
            for alias in &c.aliases {
                // A camp's nickname listed as an alias ("cebong" for Jokowi): what the
                // supporters are called, not the contestant.
                let camp = self.phrase_classes(alias) & (CAMP | CAMP_SLUR | CAMP_AMBIG);
                if camp & CAMP != 0 {
                    self.add(alias, camp, entity);
                    self.note(alias, "camp", camp, no);
                    continue;
                }
                let cls = if is_ambiguous(alias) && !pair(alias) {
                    CONTESTANT_AMBIG
                } else {
                    CONTESTANT
                };
                self.add(alias, cls, entity);
                self.note(alias, "alias", cls, no);
                let joined = normalize(alias).text().replace(' ', "");
                if cls == CONTESTANT && joined.len() >= 6 {
                    self.in_hashtags.insert(&joined, PACK_HASHTAG, entity);
                } else if !joined.is_empty() {
                    // #AMIN: the hashtag of an everyday word counts when written in capitals.
                    self.hashtags.entry(joined.into()).or_insert(Term {
                        classes: CONTESTANT_AMBIG,
                        entity,
                    });
                }
            }
            for slogan in &c.slogans {
                // Three words or more make a phrase nobody says by chance.
                let words = normalize(slogan).tokens().len();
                let listed = ambiguous.contains(&normalize(slogan).text().to_string());
                // A slogan made only of everyday words and the region's name ("Gianyar Makin
                // Bagus") is said every day, however long; written as a name, in capitals, it
                // is still the campaign's (`detect_slogan`).
                let cls = if listed {
                    SLOGAN_AMBIG | STRICT
                } else if is_ambiguous(slogan) {
                    SLOGAN_AMBIG
                } else {
                    SLOGAN
                };
                self.add(slogan, cls, entity);
                self.note(slogan, "slogan", cls, no);
                // As a hashtag (#WaktunyaPerubahan) even a slogan of everyday words is the
                // campaign's, once it is long enough not to be a word.
                let joined = normalize(slogan).text().replace(' ', "");
                if joined.len() >= 8 && cls == SLOGAN {
                    self.in_hashtags
                        .insert(&joined, PACK_HASHTAG | SLOGAN, entity);
                } else if joined.len() >= 8 && words >= 2 {
                    self.in_hashtags.insert(&joined, SLOGAN_AMBIG, entity);
                }
            }
            for h in &c.hashtags {
                let body = normalize(&h.tag)
                    .text()
                    .trim_start_matches('#')
                    .replace(' ', "");
                if body.is_empty() {
                    continue;
                }
                // A pack's hashtag names the contestant only when the pack says so, or when
                // every word in it is a word of the contestant's names (`#SuryawanAyu`);
                // anything else the campaign chose carries it (`#ContohBangkit`).
                let kind = match h.kind {
                    Some(HashtagKind::Name) => NAME_TAG,
                    Some(HashtagKind::Slogan) => STANCE_TAG,
                    None if self.names_only(&h.tag, entity) => NAME_TAG,
                    None => STANCE_TAG,
                };
                self.note(
                    &h.tag,
                    if kind == NAME_TAG {
                        "hashtag_name"
                    } else {
                        "hashtag_slogan"
                    },
                    PACK_HASHTAG,
                    no,
                );
                self.hashtags.insert(
                    body.into(),
                    Term {
                        classes: PACK_HASHTAG | kind,
                        entity,
                    },
                );
            }
            // What the contestant's supporters are called. An everyday word (`bebek`) is a
            // camp only with a cue or an insult near it, or politics in the post.
            for term in &c.camp {
                // "Relawan BISA", "Laskar Berkah": a band of supporters by its first word,
                // however everyday the rest.
                let first = normalize(term)
                    .text()
                    .split(' ')
                    .next()
                    .map(|w| self.phrase_classes(w))
                    .unwrap_or(0);
                let band = first & (CAMPAIGN | CAMPAIGN_STRONG | CAMP_CUE) != 0;
                let cls = if is_ambiguous(term) && !pair(term) && !band {
                    CAMP | CAMP_AMBIG
                } else {
                    CAMP
                };
                self.add(term, cls, entity);
                self.note(term, "camp", cls, no);
                let joined = normalize(term).text().replace(' ', "");
                if cls == CAMP && joined.len() >= 6 {
                    self.in_hashtags.insert(&joined, CAMP, entity);
                }
            }
            // `Ahoker`, `Suryawanlovers`, `Suryawanmania`: a distinctive name with the
            // endings that make supporters of it.
            let mut stems: Vec<String> =
                c.names.iter().flat_map(|n| distinctive_parts(n)).collect();
            stems.extend(
                c.aliases
                    .iter()
                    .map(|a| normalize(a).text().to_string())
                    .filter(|a| !a.contains(' ') && a.len() >= 4 && !is_ambiguous(a)),
            );
            for stem in stems {
                for end in CAMP_ENDINGS {
                    self.add(&format!("{stem}{end}"), CAMP, entity);
                }
            }
            for s in &c.symbols {
                // A keycap (`1️⃣`) is a number once normalised: the scanner reads ballot
                // numbers itself, and every plain "1" is no sign.
                let n = normalize(s);
                if matches!(n.tokens(), [t] if t.kind == TokenKind::Number) || n.tokens().is_empty()
                {
                    continue;
                }
                self.add(s, PACK_SYMBOL | SYMBOL, entity);
                self.note(s, "symbol", SYMBOL, no);
            }
        }
        if let Some(day) = pack.voting_day {
            for phrase in voting_day_phrases(day) {
                self.add(&phrase, VOTING_DAY | ELECTION, None);
                self.note(&phrase, "voting_day", VOTING_DAY, None);
            }
        }
        for (pj, p) in pack.parties.iter().enumerate() {
            let entity = Some(EntityRef {
                pack: pi,
                party: true,
                index: pj as u16,
            });
            self.add(&p.name, PARTY, entity);
            self.note(&p.name, "party", PARTY, p.number);
            let joined = normalize(&p.name).text().replace(' ', "");
            self.in_hashtags.insert(&joined, PARTY, entity);
            for alias in &p.aliases {
                let norm = normalize(alias);
                if norm.text().len() < 2 {
                    continue;
                }
                let text = norm.text().to_string();
                let single = norm.tokens().len() == 1;
                // An alias that is also a word ("PAS", "Garuda") is a party only in capitals
                // or with a cue (STRICT); a short acronym that is no word ("pks") also in
                // lower case next to a cue.
                let word = is_common(&text) || lexicon_words.contains(text.as_str());
                let cls = if ambiguous.contains(&text) || (single && word) {
                    PARTY_AMBIG | STRICT
                } else if single && text.len() <= 3 {
                    PARTY_AMBIG
                } else {
                    PARTY
                };
                self.add(alias, cls, entity);
                self.note(alias, "party", cls, p.number);
                let joined = text.replace(' ', "");
                if cls == PARTY && joined.len() >= 5 {
                    self.in_hashtags.insert(&joined, PARTY, entity);
                } else {
                    self.hashtags.entry(joined.into()).or_insert(Term {
                        classes: PARTY_AMBIG,
                        entity,
                    });
                }
            }
        }
        self.lexicon_words = lexicon_words;
    }

    fn token_id(&mut self, word: &str) -> u32 {
        if let Some(id) = self.vocab.get(word) {
            return *id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(word.into(), id);
        id
    }

    /// The classes the vocabulary gives `phrase` (normalised here) as a whole, so far.
    fn phrase_classes(&self, phrase: &str) -> Classes {
        let norm = normalize(phrase);
        let mut node = 0u32;
        for i in 0..norm.tokens().len() {
            let Some(id) = self.vocab.get(norm.token_text(i)) else {
                return 0;
            };
            let Some(next) = self.edges.get(&(node, *id)) else {
                return 0;
            };
            node = *next;
        }
        self.terms.get(node as usize).map_or(0, |t| t.classes)
    }

    /// Adds a phrase (normalised here) with its classes.
    fn add(&mut self, phrase: &str, classes: Classes, entity: Option<EntityRef>) {
        let norm = normalize(phrase);
        let words: Vec<String> = (0..norm.tokens().len())
            .map(|i| norm.token_text(i).to_string())
            .collect();
        if words.is_empty() {
            return;
        }
        let mut node = 0u32;
        for w in &words {
            let tok = self.token_id(w);
            node = match self.edges.get(&(node, tok)) {
                Some(n) => *n,
                None => {
                    let n = self.terms.len() as u32;
                    self.terms.push(Term::default());
                    self.edges.insert((node, tok), n);
                    n
                }
            };
        }
        if let Some(t) = self.terms.get_mut(node as usize) {
            t.classes |= classes;
            if t.entity.is_none() {
                t.entity = entity;
            }
        }
    }

    /// Is `w` (normalised) a word the scanner knows: a word of the lexicon or a pack, an
    /// everyday word, a common name or a title?
    fn knows(&self, w: &str) -> bool {
        self.vocab.contains_key(w) || is_everyday_word(w) || is_common_name(w) || is_honorific(w)
    }

    /// The classes and entity of each piece of a hashtag, by the longest phrases of the
    /// vocabulary over the pieces, and whether the vocabulary knows each piece.
    fn piece_terms(&self, pieces: &[hashtag::Piece]) -> PieceTerms {
        let ids: Vec<Option<u32>> = pieces
            .iter()
            .map(|p| self.vocab.get(p.text.as_str()).copied())
            .collect();
        let mut classes = vec![0; pieces.len()];
        let mut entities = vec![None; pieces.len()];
        let mut i = 0;
        while i < pieces.len() {
            let mut node = 0u32;
            let mut best: Option<(usize, Term)> = None;
            for (j, id) in ids.iter().enumerate().skip(i) {
                let Some(next) = id.and_then(|id| self.edges.get(&(node, id))) else {
                    break;
                };
                node = *next;
                if let Some(term) = self.terms.get(node as usize).filter(|t| t.classes != 0) {
                    best = Some((j, *term));
                }
            }
            let Some((last, term)) = best else {
                i += 1;
                continue;
            };
            for k in i..=last {
                classes[k] |= term.classes;
                if term.classes & (CONTESTANT | CONTESTANT_AMBIG | CAMP) != 0 {
                    entities[k] = term.entity;
                }
            }
            i = last + 1;
        }
        // A capitalised word of a contestant's names (`Budi` in `#AsalBukanBudi`).
        for (k, p) in pieces.iter().enumerate() {
            if p.capitalised && classes[k] & (CONTESTANT | CONTESTANT_AMBIG) == 0 {
                if let Some(e) = self.name_words.get(p.text.as_str()) {
                    classes[k] |= CONTESTANT_AMBIG;
                    entities[k] = Some(*e);
                }
            }
        }
        let known = pieces
            .iter()
            .map(|p| p.number.is_some() || self.knows(&p.text))
            .collect();
        PieceTerms {
            classes,
            known,
            entities,
        }
    }

    /// Is every word of `tag` a word of the names or aliases of `entity` (or a title)?
    fn names_only(&self, tag: &str, entity: Option<EntityRef>) -> bool {
        let pieces = hashtag::pieces(tag, |w| self.knows(w));
        let t = self.piece_terms(&pieces);
        !pieces.is_empty()
            && pieces.iter().enumerate().all(|(k, p)| {
                (t.classes[k] & (CONTESTANT | CONTESTANT_AMBIG) != 0 && t.entities[k] == entity)
                    || is_honorific(&p.text)
            })
    }

    /// How a hashtag found in a post reads (see [`hashtag`]), and the contestant it names.
    fn read_hashtag(&self, tag: &str) -> (hashtag::Reading, Option<EntityRef>) {
        let pieces = hashtag::pieces(tag, |w| self.knows(w));
        let t = self.piece_terms(&pieces);
        let entity = t.entities.iter().flatten().next().copied();
        (hashtag::read(&pieces, &t.classes, &t.known), entity)
    }

    /// Splits a normalised post into units, longest match first. `text` is the post as
    /// written, which `norm` was made from (hashtags are read in their original case).
    pub fn units(&self, text: &str, norm: &Normalized) -> Vec<Unit> {
        let tokens = norm.tokens();
        // One vocabulary look-up per token; the trie walks use the ids.
        const UNKNOWN: u32 = u32::MAX;
        let ids: Vec<u32> = (0..tokens.len())
            .map(|j| {
                self.vocab
                    .get(norm.token_text(j))
                    .copied()
                    .unwrap_or(UNKNOWN)
            })
            .collect();
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        let source = text;
        // Hashtags already read in this post (a tag repeated is read once).
        let mut read: Vec<(&str, (hashtag::Reading, Option<EntityRef>))> = Vec::new();
        while i < tokens.len() {
            let t = &tokens[i];
            let original = text.get(t.orig.clone()).unwrap_or("");
            let text = norm.token_text(i);
            let mut unit = Unit {
                first: i,
                last: i,
                classes: 0,
                entity: None,
                boundary_before: t.boundary_before,
                value: None,
                quoted: false,
            };
            if t.caps == Caps::Upper {
                unit.classes |= UPPER;
            }
            if t.caps == Caps::Title {
                unit.classes |= TITLE;
            }
            match t.kind {
                TokenKind::Hashtag => {
                    let body = text.get(1..).unwrap_or("");
                    unit.classes |= HASHTAG;
                    // #AMIN2024: a tag with a year or a number after it.
                    let stem = body.trim_end_matches(|c: char| c.is_ascii_digit());
                    let exact = self
                        .hashtags
                        .get(body)
                        .or_else(|| (stem.len() >= 3).then(|| self.hashtags.get(stem)).flatten());
                    if let Some(term) = exact {
                        unit.classes |= term.classes;
                        unit.entity = term.entity;
                    } else {
                        let found = self.in_hashtags.search(body.as_bytes());
                        unit.classes |= found.classes & !PACK_HASHTAG;
                        // Read by the words inside: a name only, or a stance.
                        let (reading, entity) =
                            read_once(&mut read, original, |t| self.read_hashtag(t));
                        unit.entity = entity.or(found.entity);
                        let named = found.classes & PACK_HASHTAG != 0 || entity.is_some();
                        let slogan = found.classes & SLOGAN != 0;
                        match reading {
                            hashtag::Reading::Stance => unit.classes |= STANCE_TAG,
                            hashtag::Reading::StanceIfElection => {
                                unit.classes |= STANCE_TAG | STRICT;
                            }
                            _ if slogan => unit.classes |= STANCE_TAG,
                            hashtag::Reading::Name => unit.classes |= NAME_TAG,
                            hashtag::Reading::Other if named => unit.classes |= NAME_TAG,
                            hashtag::Reading::Other => {}
                        }
                        if named && unit.entity.is_some_and(|e| !e.party) {
                            unit.classes |= PACK_HASHTAG;
                        }
                    }
                    out.push(unit);
                    i += 1;
                    continue;
                }
                TokenKind::Symbol => {
                    unit.classes |= match text {
                        "emjpraise" => EMO_PRAISE,
                        "emjscorn" => EMO_SCORN,
                        "emjhint" => EMO_HINT,
                        "emjlaugh" => VOICE | LAUGH,
                        "emjpray" => VOICE,
                        "url" => LINK | REPORT,
                        _ => FINGER,
                    };
                    out.push(unit);
                    i += 1;
                    continue;
                }
                TokenKind::Mention => {
                    // An account named after a contestant (`@suryawanayu.official`).
                    let found = self
                        .in_hashtags
                        .search(text.as_bytes().get(1..).unwrap_or(&[]));
                    if found.classes & PACK_HASHTAG != 0 {
                        unit.classes |= PACK_HASHTAG;
                        unit.entity = found.entity;
                    }
                    // A newsroom's account (`@detikcom`), the watchdog's (`@bawaslu_ri`).
                    unit.classes |= found.classes & (REPORT | WARN);
                    out.push(unit);
                    i += 1;
                    continue;
                }
                TokenKind::Number => {
                    unit.classes |= NUM;
                    if let Ok(v) = text.parse::<u32>() {
                        unit.value = Some(v);
                        let measure = measurement(source, t.orig.clone())
                            || tokens.get(i + 1).is_some_and(|_| {
                                matches!(norm.token_text(i + 1), "persen" | "pct")
                            });
                        if measure {
                            // A measure is a number and nothing else ("nol" as "nothing",
                            // a ballot, a phrase).
                            out.push(unit);
                            i += 1;
                            continue;
                        }
                        if (1..=30).contains(&v) {
                            unit.classes |= BALLOT_NUM;
                        }
                    }
                    if t.leading_zero {
                        unit.classes |= LEADING_ZERO;
                    }
                    if t.source == Source::Keycap {
                        unit.classes |= KEYCAP;
                    }
                }
                TokenKind::Word => {
                    // "Minggu (6/10)": a news report's dateline.
                    if (4..=6).contains(&text.len())
                        && WEEKDAYS.contains(&text)
                        && dateline(source.get(t.orig.end..).unwrap_or(""))
                    {
                        unit.classes |= NEWS;
                    }
                    // wkwkwk, hahaha, awokawok: the writer laughing.
                    if ids[i] == UNKNOWN && is_laughter(text) {
                        unit.classes |= VOICE | LAUGH;
                    }
                    // `BudiRini`, `AhokPastiTumbang`: a hashtag written without its `#`.
                    if ids[i] == UNKNOWN && t.caps == Caps::Mixed && camel(original) {
                        let (reading, entity) =
                            read_once(&mut read, original, |t| self.read_hashtag(t));
                        match reading {
                            hashtag::Reading::Stance => {
                                unit.classes |= STANCE_TAG | HASHTAG;
                            }
                            hashtag::Reading::Name if entity.is_some() => {
                                unit.classes |= NAME_TAG | PACK_HASHTAG;
                            }
                            _ => {}
                        }
                        if unit.classes & (STANCE_TAG | NAME_TAG) != 0 {
                            unit.entity = entity;
                        }
                    }
                }
            }
            // Longest phrase from here.
            let mut node = 0u32;
            let mut best: Option<(usize, Term)> = None;
            let mut j = i;
            while j < tokens.len() {
                if j > i && tokens[j].boundary_before {
                    break;
                }
                let tok = ids[j];
                if tok == UNKNOWN {
                    break;
                }
                let Some(next) = self.edges.get(&(node, tok)) else {
                    break;
                };
                node = *next;
                if let Some(term) = self.terms.get(node as usize) {
                    if term.classes != 0 {
                        best = Some((j, *term));
                    }
                }
                j += 1;
            }
            if let Some((last, term)) = best {
                unit.last = last;
                unit.classes |= term.classes;
                unit.entity = term.entity;
                if last > i {
                    // A phrase is not a bare number.
                    unit.classes &= !(NUM | BALLOT_NUM | LEADING_ZERO);
                    unit.value = None;
                    // A phrase is in capitals, or capitalised, when all its words are
                    // ("Hajatan Rakyat" is a name; "hajatan rakyat" may not be).
                    let words = &tokens[i..=last];
                    unit.classes &= !(UPPER | TITLE);
                    if words.iter().all(|t| t.caps == Caps::Upper) {
                        unit.classes |= UPPER;
                    }
                    if words
                        .iter()
                        .all(|t| matches!(t.caps, Caps::Upper | Caps::Title | Caps::None))
                    {
                        unit.classes |= TITLE;
                    }
                }
            }
            i = unit.last + 1;
            out.push(unit);
        }
        mark_quotes(text, norm, &mut out);
        out
    }
}

/// Marks the units inside quotation marks, and those after a speaker's name and a colon
/// at the start of a sentence (`Prabowo: kita menang`), until the sentence ends. Straight
/// double quotes count only when they pair up.
fn mark_quotes(text: &str, norm: &Normalized, units: &mut [Unit]) {
    let tokens = norm.tokens();
    let paired = text.matches('"').count() % 2 == 0;
    let (mut inside, mut speaker) = (false, false);
    let mut prev_end = 0;
    let mut in_sentence = 0usize;
    for k in 0..units.len() {
        let (first, last) = (units[k].first, units[k].last);
        let (Some(a), Some(b)) = (tokens.get(first), tokens.get(last)) else {
            continue;
        };
        if units[k].boundary_before {
            speaker = false;
            in_sentence = 0;
        }
        for c in text.get(prev_end..a.orig.start).unwrap_or("").chars() {
            match c {
                '"' if paired => inside = !inside,
                '\u{201C}' | '\u{00AB}' => inside = true,
                '\u{201D}' | '\u{00BB}' => inside = false,
                ':' if k > 0 && in_sentence <= 4 => {
                    // The speaker is a name: a contestant, or a capitalised word the lexicon
                    // does not know ("Habibie:", not "Pesan dari Om:" or "Pengumuman:").
                    let who = &units[k - 1];
                    let word = norm.token_text(who.last);
                    let name = who.has(CONTESTANT | CONTESTANT_AMBIG | PARTY)
                        || (who.has(TITLE | UPPER)
                            && who.classes & !(TITLE | UPPER) == 0
                            && word.len() >= 3
                            && !is_everyday_word(word));
                    // `RT @akun:` (or `RT USER:`) shares a post; it quotes nobody.
                    let retweet = k > 1
                        && tokens.get(units[k - 2].first).is_some_and(|t| {
                            norm.token_text(units[k - 2].first) == "rt" && t.kind == TokenKind::Word
                        });
                    speaker |= name && !who.has(NUM | HASHTAG) && !retweet;
                }
                _ => {}
            }
        }
        units[k].quoted = inside || speaker;
        prev_end = b.orig.end;
        in_sentence += 1;
    }
    // A term in quotation marks ("uang bensin", 'program') is no one's speech: a quotation
    // runs four units or more, or follows a verb of saying (`dijuluki "jenderal kardus"`).
    let mut k = 0;
    while k < units.len() {
        if !units[k].quoted {
            k += 1;
            continue;
        }
        let start = k;
        while k < units.len() && units[k].quoted {
            k += 1;
        }
        let said = start > 0 && units[start - 1].has(REPORT) && !units[start - 1].has(LINK);
        if k - start < 4 && !said {
            for u in &mut units[start..k] {
                u.quoted = false;
            }
        }
    }
}
