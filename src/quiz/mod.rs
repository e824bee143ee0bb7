//! "Latihan": training quizzes made from the knowledge base, for sosialisasi sessions and
//! self-study.
//!
//! Two kinds of item:
//! - **Scenarios**: a story from `kb/stories.toml` told for a role ("Bu Rina, guru PNS di
//!   sebuah SMP negeri, menyukai unggahan ..."), answered Boleh / Boleh dengan syarat /
//!   Dilarang. The answer key is the checker's verdict for that role, activity and the
//!   story's facts; a story is used for a role only where those facts decide a single
//!   outcome, and disputed outcomes only when asked for.
//! - **Posts** ("Mana yang aman diunggah?"): three drafts from the scanner's own rule
//!   examples, one that a rule must leave alone and the scanner finds safe, two that rules
//!   must flag and the scanner finds violations. The scanner decides; nothing is hand-keyed.
//!
//! The same [`Spec`] (seed, count, role groups, topics) gives the same items in the same
//! order, so a facilitator can share one link (`#kuis=...`) or print the same quiz.

use crate::checker::{check, Answer, Facts};
use crate::kb::{kb, ActivityId, Lang, RoleId, Verdict};
use crate::scanner::{rules::RULES, Risk, Scanner};

/// A story as compiled from `kb/stories.toml`.
#[derive(Debug)]
pub struct StoryData {
    pub activity: &'static str,
    pub roles: &'static [&'static str],
    pub facts: &'static [(&'static str, &'static str)],
    pub id: &'static str,
    pub en: &'static str,
}

mod data {
    use super::StoryData;
    include!(concat!(env!("OUT_DIR"), "/stories_generated.rs"));
}
pub use data::{NAMES, REGIONS, ROLE_PHRASES, STORIES};

/// Groups of roles a quiz can be limited to.
pub const ROLE_GROUPS: &[(&str, &[&str])] = &[
    ("asn", &["pns", "pppk"]),
    ("non_asn", &["ppnpn"]),
    ("desa", &["kepala_desa", "perangkat_desa", "bpd"]),
    ("tni_polri", &["tni", "polri"]),
];

/// Labels of the role groups, (key, Indonesian, English).
pub const ROLE_GROUP_LABELS: &[(&str, &str, &str)] = &[
    ("asn", "ASN (PNS dan PPPK)", "ASN (PNS and PPPK)"),
    ("non_asn", "Pegawai non-ASN", "Non-ASN staff"),
    (
        "desa",
        "Kepala desa, perangkat desa, BPD",
        "Village heads, officials, BPD",
    ),
    ("tni_polri", "TNI dan Polri", "Armed forces and police"),
];

/// The counts a quiz offers.
pub const COUNTS: &[usize] = &[5, 10, 20];

/// What a quiz is made of. Empty `roles` or `topics` means all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub seed: u64,
    pub count: usize,
    /// Role group keys ([`ROLE_GROUPS`]).
    pub roles: Vec<String>,
    /// Activity group keys (`kb/activities.toml`).
    pub topics: Vec<String>,
    /// Include outcomes the knowledge base marks as disputed (every defensible answer is
    /// then accepted).
    pub disputed: bool,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec {
            seed: 1,
            count: 10,
            roles: Vec::new(),
            topics: Vec::new(),
            disputed: false,
        }
    }
}

/// Why a spec was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError(pub String);

impl std::fmt::Display for SpecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SpecError {}

impl Spec {
    /// Checks the role groups, topics and count, naming the valid values.
    pub fn validate(&self) -> Result<(), SpecError> {
        if self.count == 0 || self.count > 50 {
            return Err(SpecError(format!(
                "count must be from 1 to 50, not {}",
                self.count
            )));
        }
        for r in &self.roles {
            if !ROLE_GROUPS.iter().any(|(k, _)| k == r) {
                let valid: Vec<&str> = ROLE_GROUPS.iter().map(|(k, _)| *k).collect();
                return Err(SpecError(format!(
                    "unknown role group '{r}'; valid: {}",
                    valid.join(", ")
                )));
            }
        }
        for t in &self.topics {
            if kb().group_id(t).is_none() {
                let valid: Vec<&str> = kb().group_ids().map(|g| kb().group(g).key).collect();
                return Err(SpecError(format!(
                    "unknown topic '{t}'; valid: {}",
                    valid.join(", ")
                )));
            }
        }
        Ok(())
    }

    /// The fragment that reproduces this quiz: `SEED-COUNT-ROLES-TOPICS[-d]`, with the seed
    /// in base 36 and `semua` for all roles or topics (`kuis=` is the caller's).
    pub fn to_fragment(&self) -> String {
        let list = |v: &[String]| {
            if v.is_empty() {
                "semua".to_string()
            } else {
                v.join(".")
            }
        };
        let mut s = format!(
            "{}-{}-{}-{}",
            base36(self.seed),
            self.count,
            list(&self.roles),
            list(&self.topics)
        );
        if self.disputed {
            s.push_str("-d");
        }
        s
    }

    /// Reads [`Spec::to_fragment`]'s form; errors name what is wrong.
    pub fn from_fragment(s: &str) -> Result<Spec, SpecError> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        if !(4..=5).contains(&parts.len()) {
            return Err(SpecError(format!(
                "a quiz link looks like 'k3x9-10-asn-semua', not '{s}'"
            )));
        }
        let seed = u64::from_str_radix(parts[0], 36)
            .map_err(|_| SpecError(format!("'{}' is not a quiz number", parts[0])))?;
        let count = parts[1]
            .parse::<usize>()
            .map_err(|_| SpecError(format!("'{}' is not a number of questions", parts[1])))?;
        let list = |p: &str| -> Vec<String> {
            if p == "semua" || p.is_empty() {
                Vec::new()
            } else {
                p.split('.').map(str::to_string).collect()
            }
        };
        let disputed = match parts.get(4) {
            None => false,
            Some(&"d") => true,
            Some(other) => return Err(SpecError(format!("unknown quiz option '{other}'"))),
        };
        let spec = Spec {
            seed,
            count,
            roles: list(parts[2]),
            topics: list(parts[3]),
            disputed,
        };
        spec.validate()?;
        Ok(spec)
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// SplitMix64: small, fast and the same on every platform (the quiz must be the same in the
/// CLI and the browser).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// A scenario the generator can ask: a story for a role whose facts decide the answer.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub story: &'static StoryData,
    pub role: RoleId,
    pub activity: ActivityId,
    pub facts: Facts,
    pub answer: Answer,
}

impl Candidate {
    /// The answer key: the checker's verdict.
    pub fn verdict(&self) -> Verdict {
        self.answer.verdict()
    }

    /// The verdicts accepted as right: the key, and for a disputed outcome every verdict
    /// (the dispute is explained after answering).
    pub fn accepted(&self) -> Vec<Verdict> {
        if self.disputed() {
            vec![Verdict::Allowed, Verdict::Conditional, Verdict::Prohibited]
        } else {
            vec![self.verdict()]
        }
    }

    pub fn disputed(&self) -> bool {
        self.answer
            .variants
            .iter()
            .any(|v| v.outcome.disputed.is_some())
    }
}

/// Every scenario the stories give for the spec's roles and topics, in the stories' order
/// then the roles' order.
pub fn candidates(spec: &Spec) -> Vec<Candidate> {
    let kb = kb();
    let roles: Vec<&str> = if spec.roles.is_empty() {
        kb.role_ids().map(|r| kb.role(r).key).collect()
    } else {
        ROLE_GROUPS
            .iter()
            .filter(|(k, _)| spec.roles.iter().any(|r| r == k))
            .flat_map(|(_, rs)| rs.iter().copied())
            .collect()
    };
    let mut out = Vec::new();
    for story in STORIES {
        let Some(activity) = kb.activity_id(story.activity) else {
            continue;
        };
        let group = kb.group(kb.activity(activity).group).key;
        if !spec.topics.is_empty() && !spec.topics.iter().any(|t| t == group) {
            continue;
        }
        let mut facts = Facts::default();
        if story
            .facts
            .iter()
            .any(|(f, v)| facts.set_keys(f, v).is_err())
        {
            continue;
        }
        for key in &roles {
            if !story.roles.is_empty() && !story.roles.contains(key) {
                continue;
            }
            let Some(role) = kb.role_id(key) else {
                continue;
            };
            let answer = check(role, activity, &facts);
            if !answer.is_decided() {
                continue;
            }
            let c = Candidate {
                story,
                role,
                activity,
                facts: facts.clone(),
                answer,
            };
            if c.disputed() && !spec.disputed {
                continue;
            }
            out.push(c);
        }
    }
    out
}

/// One question of a quiz.
#[derive(Debug, Clone)]
pub enum Item {
    Scenario {
        candidate: Candidate,
        /// The story told, in the quiz's language.
        text: String,
        /// The person's name (for reading aloud and the summary).
        name: &'static str,
    },
    Post {
        /// The drafts, in the order shown.
        drafts: Vec<&'static str>,
        /// Which one is safe to post.
        safe: usize,
        /// The rule whose example is the safe draft, and the rules of the others.
        rules: Vec<&'static str>,
    },
}

/// A quiz: its spec and its items.
#[derive(Debug, Clone)]
pub struct Quiz {
    pub spec: Spec,
    pub items: Vec<Item>,
}

/// Tells a story for a role: the placeholders filled from the seeded choices, with a name
/// not in `used` while there are others.
pub fn tell(
    story: &StoryData,
    role: &str,
    lang: Lang,
    rng: &mut Rng,
    used: &mut Vec<&'static str>,
) -> (String, &'static str) {
    let fresh: Vec<&'static str> = NAMES
        .iter()
        .copied()
        .filter(|n| !used.contains(n))
        .collect();
    let name = if fresh.is_empty() {
        NAMES[rng.below(NAMES.len())]
    } else {
        fresh[rng.below(fresh.len())]
    };
    used.push(name);
    let region = REGIONS[rng.below(REGIONS.len())];
    let phrases = ROLE_PHRASES
        .iter()
        .find(|(k, _)| *k == role)
        .map(|(_, p)| *p)
        .unwrap_or(&[]);
    let phrase = if phrases.is_empty() {
        ("", "")
    } else {
        phrases[rng.below(phrases.len())]
    };
    let (text, phrase) = match lang {
        Lang::Id => (story.id, phrase.0),
        Lang::En => (story.en, phrase.1),
    };
    let told = text
        .replace("{name}", name)
        .replace("{role}", phrase)
        .replace("{region}", region);
    (told, name)
}

/// How often a post item comes: every `POST_EVERY`th item, when the topics include social
/// media.
const POST_EVERY: usize = 4;

/// Makes the quiz of a spec. The same spec (and the same knowledge base and scanner) gives
/// the same items in the same order.
pub fn generate(spec: &Spec, lang: Lang, scanner: &Scanner) -> Result<Quiz, SpecError> {
    spec.validate()?;
    let mut rng = Rng::new(spec.seed);
    let mut pool = candidates(spec);
    rng.shuffle(&mut pool);
    // Variety first: one scenario per activity, in the shuffled order, then the rest.
    let mut seen = Vec::new();
    let (mut first, mut rest): (Vec<Candidate>, Vec<Candidate>) = (Vec::new(), Vec::new());
    for c in pool {
        if seen.contains(&c.activity) {
            rest.push(c);
        } else {
            seen.push(c.activity);
            first.push(c);
        }
    }
    let mut scenarios = first.into_iter().chain(rest);
    let posts_allowed = spec.topics.is_empty() || spec.topics.iter().any(|t| t == "media_sosial");
    let mut items = Vec::with_capacity(spec.count);
    let mut used_drafts: Vec<&'static str> = Vec::new();
    let mut used_names: Vec<&'static str> = Vec::new();
    while items.len() < spec.count {
        let want_post = posts_allowed && items.len() % POST_EVERY == POST_EVERY - 1;
        let post = if want_post {
            post_item(&mut rng, scanner, &mut used_drafts)
        } else {
            None
        };
        if let Some(p) = post {
            items.push(p);
            continue;
        }
        match scenarios.next() {
            Some(c) => {
                let (text, name) = tell(
                    c.story,
                    kb().role(c.role).key,
                    lang,
                    &mut rng,
                    &mut used_names,
                );
                items.push(Item::Scenario {
                    candidate: c,
                    text,
                    name,
                });
            }
            None => {
                // The stories ran out for this filter: fill with posts if allowed, else stop.
                match posts_allowed
                    .then(|| post_item(&mut rng, scanner, &mut used_drafts))
                    .flatten()
                {
                    Some(p) => items.push(p),
                    None => break,
                }
            }
        }
    }
    Ok(Quiz {
        spec: spec.clone(),
        items,
    })
}

/// A post item: one safe example and two flagged ones from different rules, each checked by
/// the scanner (the safe one must scan safe, the others as violations). None when the
/// examples run out.
fn post_item(rng: &mut Rng, scanner: &Scanner, used: &mut Vec<&'static str>) -> Option<Item> {
    let scan = |t: &str| scanner.scan(t, Lang::Id).risk;
    let mut rules: Vec<usize> = (0..RULES.len()).collect();
    rng.shuffle(&mut rules);
    let mut safe: Option<(&'static str, &'static str)> = None;
    let mut risky: Vec<(&'static str, &'static str)> = Vec::new();
    for &r in &rules {
        let rule = &RULES[r];
        if safe.is_none() {
            let mut texts: Vec<&'static str> = rule.must_not_flag.to_vec();
            rng.shuffle(&mut texts);
            safe = texts
                .into_iter()
                .filter(|t| !used.contains(t))
                .find(|t| scan(t) == Risk::Safe)
                .map(|t| (t, rule.id));
            if safe.is_some() {
                continue;
            }
        }
        if risky.len() < 2 && !risky.iter().any(|(_, id)| *id == rule.id) {
            let mut texts: Vec<&'static str> = rule.must_flag.to_vec();
            rng.shuffle(&mut texts);
            if let Some(t) = texts
                .into_iter()
                .filter(|t| !used.contains(t))
                .find(|t| scan(t) == Risk::Violation)
            {
                risky.push((t, rule.id));
            }
        }
        if safe.is_some() && risky.len() == 2 {
            break;
        }
    }
    let safe = safe?;
    if risky.len() < 2 {
        return None;
    }
    let mut drafts = vec![safe, risky[0], risky[1]];
    rng.shuffle(&mut drafts);
    let at = drafts.iter().position(|d| d.0 == safe.0)?;
    used.extend(drafts.iter().map(|d| d.0));
    Some(Item::Post {
        safe: at,
        rules: drafts.iter().map(|d| d.1).collect(),
        drafts: drafts.into_iter().map(|d| d.0).collect(),
    })
}
