//! "Tulis pertanyaan Anda": a question typed the way people talk ("bolehkah saya like
//! postingan caleg?") read into the checker's terms: the role, the activity and the facts
//! it states, with a score that says which words gave it.
//!
//! The words live in `kb/ask.toml` (reviewable data). A question and each phrase are
//! normalised by the scanner's normaliser and stemmed with a light Indonesian affix
//! stripper ([`stem`]); a phrase matches when all its words are in the question, close
//! together, a long word also with one typo. A question that says nothing of elections, or
//! whose best activity scores below the threshold, gets no answer rather than a guess.

use std::sync::OnceLock;

use crate::checker::Facts;
use crate::kb::{kb, ActivityId, RoleId};
use crate::scanner::normalize::normalize;

mod data {
    include!(concat!(env!("OUT_DIR"), "/ask_generated.rs"));
}

/// Questions longer than this are read up to here (a question, not an essay).
pub const MAX_QUESTION_CHARS: usize = 1000;

/// Strips Indonesian affixes from a normalised word: particles (-lah, -kah, -pun),
/// possessives (-nya, -ku, -mu), suffixes (-kan, -an, -i, and the colloquial -in), then one
/// prefix (meN-, peN-, ber-, ter-, di-, ke-, se-, per-, nge-, ng-) with the sound change of
/// meN-/peN- undone (menulis -> tulis, memilih -> pilih, menyukai -> suka, mengirim ->
/// kirim). A root shorter than four letters is not accepted (menjadi stays jadi, not jad).
/// Words of four letters or fewer are left alone.
pub fn stem(word: &str) -> String {
    let w: String = word.to_lowercase();
    if w.chars().count() <= 4 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return w;
    }
    let with_suffix = stem_with(&w, true);
    if with_suffix.len() >= 4 {
        with_suffix
    } else {
        stem_with(&w, false)
    }
}

fn stem_with(word: &str, derivational: bool) -> String {
    let mut w = word.to_string();
    let strip = |w: &mut String, ends: &[&str], keep: usize| {
        for e in ends {
            if w.len() > e.len() + keep && w.ends_with(e) {
                w.truncate(w.len() - e.len());
                return true;
            }
        }
        false
    };
    strip(&mut w, &["lah", "kah", "pun", "tah"], 3);
    strip(&mut w, &["nya", "ku", "mu"], 3);
    if derivational {
        strip(&mut w, &["kan", "an", "in", "i"], 3);
    }
    let vowel = |c: Option<char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u'));
    let rest = |w: &str, p: &str| w[p.len()..].to_string();
    let first_after = |w: &str, p: &str| w[p.len()..].chars().next();
    let out = if w.starts_with("meng") || w.starts_with("peng") {
        let r = rest(&w, "meng");
        if vowel(r.chars().next()) {
            format!("k{r}")
        } else {
            r
        }
    } else if (w.starts_with("meny") || w.starts_with("peny")) && vowel(first_after(&w, "meny")) {
        format!("s{}", rest(&w, "meny"))
    } else if w.starts_with("mem") || w.starts_with("pem") {
        let r = rest(&w, "mem");
        if vowel(r.chars().next()) {
            format!("p{r}")
        } else {
            r
        }
    } else if w.starts_with("men") || w.starts_with("pen") {
        let r = rest(&w, "men");
        if vowel(r.chars().next()) {
            format!("t{r}")
        } else {
            r
        }
    } else if w.starts_with("me") || w.starts_with("pe") && !w.starts_with("per") {
        rest(&w, "me")
    } else if let Some(p) = ["ber", "ter", "per", "nge", "di", "ke", "se"]
        .iter()
        .find(|p| w.starts_with(**p) && w.len() > p.len() + 3)
    {
        rest(&w, p)
    } else if w.starts_with("ng") && vowel(first_after(&w, "ng")) {
        rest(&w, "ng")
    } else {
        w.clone()
    };
    if out.len() >= 3 {
        out
    } else {
        w
    }
}

/// The words of a text: normalised by the scanner's normaliser (short words, acronyms such as
/// PPPK and KPPS, as written), stemmed, and read through the `[words]` table of
/// `kb/ask.toml` (parpol -> partai).
pub fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let norm = normalize(&lower);
    (0..norm.tokens().len())
        .map(|i| {
            let original = lower.get(norm.original_range_of_tokens(i, i)).unwrap_or("");
            if original.chars().count() <= 5 && original.chars().all(|c| c.is_ascii_alphanumeric())
            {
                original.to_string()
            } else {
                norm.token_text(i).to_string()
            }
        })
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .flat_map(|t| {
            // A variant of the [words] table is its word; otherwise the stem, and for meN-
            // or peN- before a vowel also the other root (mengajak: ajak or kajak).
            let s = stem(&t);
            if let Some(c) = variant_of(&t).or_else(|| variant_of(&s)) {
                return vec![c];
            }
            let mut out = vec![variant_of(&stem(&s)).unwrap_or(s)];
            if let Some(alt) = vowel_root(&t) {
                if !out.contains(&alt) {
                    out.push(alt);
                }
            }
            out
        })
        .collect()
}

/// The root of meN-/peN- before a vowel without the restored consonant (mengajak -> ajak,
/// memilih -> ilih), the stemmer's other reading of such a word.
fn vowel_root(word: &str) -> Option<String> {
    let w = word.to_lowercase();
    let prefix = ["meng", "peng", "meny", "peny", "mem", "pem", "men", "pen"]
        .iter()
        .find(|p| w.starts_with(**p))?;
    let rest = &w[prefix.len()..];
    if !matches!(rest.chars().next(), Some('a' | 'e' | 'i' | 'o' | 'u')) || rest.len() < 4 {
        return None;
    }
    let s = stem(rest);
    (s.len() >= 3).then_some(s)
}

/// The word (stemmed) that a variant of the `[words]` table stands for, looked up as written
/// or as stemmed.
fn variant_of(w: &str) -> Option<String> {
    static TABLE: OnceLock<std::collections::HashMap<String, String>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = std::collections::HashMap::new();
        for (canon, variants) in data::WORDS {
            for v in *variants {
                t.entry((*v).to_string()).or_insert_with(|| stem(canon));
                t.entry(stem(v)).or_insert_with(|| stem(canon));
            }
        }
        t
    });
    table.get(w).cloned()
}

/// One phrase of the vocabulary, ready to match.
#[derive(Debug)]
struct Phrase {
    text: &'static str,
    words: Vec<String>,
    weight: f32,
}

struct Vocabulary {
    election: Vec<Phrase>,
    roles: Vec<(&'static str, Vec<Phrase>)>,
    activities: Vec<(ActivityId, Vec<Phrase>, Vec<ActivityId>)>,
    role_not_after: Vec<String>,
    negators: Vec<String>,
    facts: Vec<(&'static str, &'static str, Vec<Phrase>)>,
}

/// The phrases of a list, stemmed; two phrases that read as the same words count once.
fn phrases(list: &[(&'static str, f32)]) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::with_capacity(list.len());
    for (text, w) in list {
        let words = words(text);
        if words.is_empty() || out.iter().any(|p| p.words == words) {
            continue;
        }
        let weight = if *w > 0.0 {
            *w
        } else {
            words.len().max(1) as f32
        };
        out.push(Phrase {
            text,
            words,
            weight,
        });
    }
    out
}

fn vocabulary() -> &'static Vocabulary {
    static V: OnceLock<Vocabulary> = OnceLock::new();
    V.get_or_init(|| Vocabulary {
        election: phrases(data::ELECTION),
        roles: data::ROLES.iter().map(|(k, p)| (*k, phrases(p))).collect(),
        activities: data::ACTIVITIES
            .iter()
            .filter_map(|(k, p, over)| {
                let over = over.iter().filter_map(|o| kb().activity_id(o)).collect();
                Some((kb().activity_id(k)?, phrases(p), over))
            })
            .collect(),
        role_not_after: data::ROLE_NOT_AFTER.iter().flat_map(|w| words(w)).collect(),
        negators: data::NEGATORS.iter().flat_map(|w| words(w)).collect(),
        facts: data::FACTS
            .iter()
            .map(|(k, v, p)| (*k, *v, phrases(p)))
            .collect(),
    })
}

/// One edit (insert, delete, replace, swap of neighbours) or none, for words of six
/// letters or more.
fn near(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len().min(b.len()) < 6 || a.len().abs_diff(b.len()) > 1 || !a.is_ascii() || !b.is_ascii() {
        // (The vocabulary and the words it is compared with are ASCII letters; anything
        // else only matches exactly.)
        return false;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[start..], &b[start..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra[1..] == *rb,
        std::cmp::Ordering::Less => *ra == rb[1..],
    }
}

/// Where a phrase matches in the question's words (the position of its first word): all its
/// words found, the first and last at most four words beyond the phrase's own length apart.
fn find(phrase: &Phrase, q: &[String]) -> Option<usize> {
    let mut positions = Vec::with_capacity(phrase.words.len());
    for w in &phrase.words {
        positions.push(
            q.iter()
                .position(|x| x == w)
                .or_else(|| q.iter().position(|x| near(x, w)))?,
        );
    }
    let (lo, hi) = (
        positions.iter().min().copied().unwrap_or(0),
        positions.iter().max().copied().unwrap_or(0),
    );
    (hi - lo < phrase.words.len() + 4).then_some(positions[0])
}

fn matches(phrase: &Phrase, q: &[String]) -> bool {
    find(phrase, q).is_some()
}

/// Does the phrase match at a position `ok` accepts? Tries each match from the left.
fn found_where(phrase: &Phrase, q: &[String], ok: impl Fn(usize) -> bool) -> bool {
    let mut start = 0;
    while start < q.len() {
        let Some(at) = find(phrase, &q[start..]) else {
            return false;
        };
        if ok(start + at) {
            return true;
        }
        start += at + 1;
    }
    false
}

/// An activity with its score and the phrases that gave it.
type Scored = (ActivityId, f32, Vec<(&'static str, f32)>);

/// One reading of a question.
#[derive(Debug, Clone)]
pub struct Interpretation {
    /// None when the question names no role: the checker asks it first.
    pub role: Option<RoleId>,
    pub activity: ActivityId,
    /// The facts the question states that matter for the role and activity.
    pub facts: Facts,
    pub score: f32,
    /// The phrases that gave the activity its score, with their weights.
    pub because: Vec<(&'static str, f32)>,
}

impl Interpretation {
    /// "PNS (termasuk CPNS) · Menyukai (like) unggahan ...": the role's and the activity's
    /// labels, or a note that the role is still to be chosen.
    pub fn label(&self, lang: crate::kb::Lang) -> String {
        let kb = kb();
        let role = match (self.role, lang) {
            (Some(r), _) => kb.role(r).label.get(lang),
            (None, crate::kb::Lang::Id) => "Peran dipilih berikutnya",
            (None, crate::kb::Lang::En) => "Role chosen next",
        };
        format!("{role} · {}", kb.activity(self.activity).label.get(lang))
    }

    /// The stated facts as keys (`stage` = `calon`).
    pub fn fact_keys(&self) -> Vec<(&'static str, &'static str)> {
        self.facts
            .iter()
            .filter_map(|(f, v)| {
                let fact = kb().fact(f);
                Some((fact.key, fact.values.get(usize::from(v))?.key))
            })
            .collect()
    }
}

/// What a question was read as.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// Up to three interpretations, best first; empty when the knowledge base does not
    /// cover the question.
    pub interpretations: Vec<Interpretation>,
    /// Did the question say anything of elections?
    pub election: bool,
    /// The roles the question names.
    pub roles: Vec<RoleId>,
}

/// Reads a question (see the module's description).
pub fn ask(question: &str) -> Reading {
    let question: String = question.chars().take(MAX_QUESTION_CHARS).collect();
    let q = words(&question);
    let v = vocabulary();
    let kb = kb();
    let election = v.election.iter().any(|p| matches(p, &q));
    // The roles named, skipping a role word that names the office sought or a relative.
    let asker = |p: &Phrase| {
        found_where(p, &q, |pos| {
            pos == 0 || !v.role_not_after.contains(&q[pos - 1])
        })
    };
    let mut named: Vec<&str> = Vec::new();
    for (key, list) in &v.roles {
        if list.iter().any(&asker) {
            named.push(key);
        }
    }
    // "ASN" stands for PNS and PPPK unless the question names one of them.
    let general = named.contains(&"asn");
    named.retain(|k| *k != "asn");
    if general && !named.iter().any(|k| *k == "pns" || *k == "pppk") {
        named.splice(0..0, ["pns", "pppk"]);
    }
    let roles: Vec<RoleId> = named.iter().filter_map(|k| kb.role_id(k)).collect();
    let mut scored: Vec<Scored> = v
        .activities
        .iter()
        .map(|(a, list, _)| {
            // A phrase right after a negator ("tanpa atribut") does not count.
            let said = |p: &Phrase| {
                found_where(p, &q, |pos| pos == 0 || !v.negators.contains(&q[pos - 1]))
            };
            let because: Vec<(&'static str, f32)> = list
                .iter()
                .filter(|p| said(p))
                .map(|p| (p.text, p.weight))
                .collect();
            (*a, because.iter().map(|(_, w)| w).sum(), because)
        })
        .filter(|(_, s, _)| *s > 0.0)
        .collect();
    // An activity that includes another ("mobilising colleagues" includes attending) puts
    // it behind itself when both match.
    let found: Vec<ActivityId> = scored
        .iter()
        .filter(|s| s.1 >= data::MIN_SCORE)
        .map(|s| s.0)
        .collect();
    let covered: Vec<ActivityId> = v
        .activities
        .iter()
        .filter(|(a, _, _)| found.contains(a))
        .flat_map(|(_, _, over)| over.iter().copied())
        .collect();
    let weak = |s: f32| s < data::MIN_SCORE;
    scored.sort_by(|a, b| {
        weak(a.1)
            .cmp(&weak(b.1))
            .then(covered.contains(&a.0).cmp(&covered.contains(&b.0)))
            .then(b.1.total_cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
    let mut stated = Facts::default();
    let mut seen: Vec<&str> = Vec::new();
    for (key, value, list) in &v.facts {
        if list.iter().any(|p| matches(p, &q)) {
            if seen.contains(key) {
                // Two values of one fact: the question does not settle it.
                stated = {
                    let mut f = Facts::default();
                    for (fid, val) in stated.iter() {
                        if kb.fact(fid).key != *key {
                            f.set(fid, val);
                        }
                    }
                    f
                };
                continue;
            }
            seen.push(key);
            let _ = stated.set_keys(key, value);
        }
    }
    let best = scored.first().map_or(0.0, |s| s.1);
    let mut reading = Reading {
        interpretations: Vec::new(),
        election,
        roles: roles.clone(),
    };
    if !election || best < data::MIN_SCORE {
        return reading;
    }
    let role_options: Vec<Option<RoleId>> = if roles.is_empty() {
        vec![None]
    } else {
        roles.iter().map(|r| Some(*r)).collect()
    };
    for (a, score, because) in scored.iter().filter(|s| s.1 >= data::MIN_SCORE) {
        for r in &role_options {
            if reading.interpretations.len() == 3 {
                return reading;
            }
            let mut facts = Facts::default();
            for (f, val) in stated.iter() {
                let relevant = match r {
                    Some(r) => kb.facts_for(*r, *a).contains(&f),
                    None => kb.role_ids().any(|r| kb.facts_for(r, *a).contains(&f)),
                };
                if relevant {
                    facts.set(f, val);
                }
            }
            reading.interpretations.push(Interpretation {
                role: *r,
                activity: *a,
                facts,
                score: *score,
                because: because.clone(),
            });
        }
    }
    reading
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stemmer_strips_the_affixes_people_use() {
        for (w, s) in [
            ("menyukai", "suka"),
            ("disukai", "suka"),
            ("memilih", "pilih"),
            ("menulis", "tulis"),
            ("membagikan", "bagi"),
            ("berkomentar", "komentar"),
            ("dukungan", "dukung"),
            ("postingannya", "posting"),
            ("menjadi", "jadi"),
            ("kampanyein", "kampanye"),
            ("bolehkah", "boleh"),
            ("pns", "pns"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
        // meN- before a vowel is read both ways.
        let w = words("mengajak");
        assert!(
            w.contains(&"ajak".to_string()) && w.contains(&"kajak".to_string()),
            "{w:?}"
        );
    }

    #[test]
    fn one_typo_in_a_long_word_is_forgiven_but_not_in_a_short_one() {
        assert!(near("kampanye", "kampanya"));
        assert!(near("komentar", "komentra"));
        assert!(!near("kades", "kadus"));
        assert!(!near("kampanye", "kampungan"));
    }

    #[test]
    fn a_question_is_read_into_role_activity_and_facts_with_its_reasons() {
        let r = ask("Bolehkah saya PNS like postingan caleg yang sudah ditetapkan KPU?");
        let first = &r.interpretations[0];
        assert_eq!(first.role.map(|x| kb().role(x).key), Some("pns"));
        assert_eq!(kb().activity(first.activity).key, "social_like");
        assert!(
            first.because.iter().any(|(p, _)| *p == "like"),
            "{:?}",
            first.because
        );
        let stage = kb().fact_id("stage").expect("stage");
        assert_eq!(
            first.facts.get(stage),
            Some(1),
            "the stage 'calon' is stated"
        );
        // No role named: the role question comes first.
        let r = ask("boleh gak pasang twibbon capres di foto profil?");
        assert_eq!(r.interpretations[0].role, None);
        assert_eq!(
            kb().activity(r.interpretations[0].activity).key,
            "profile_picture_support"
        );
        // "ASN" offers PNS and PPPK.
        let r = ask("asn boleh jadi saksi partai di tps?");
        let roles: Vec<_> = r
            .interpretations
            .iter()
            .filter_map(|i| i.role.map(|x| kb().role(x).key))
            .collect();
        assert!(roles.starts_with(&["pns", "pppk"]), "{roles:?}");
        // The office sought is not the asker's role; a relative's role is not either.
        let r = ask("sy pns mau nyalon kades, bisa gk?");
        assert_eq!(
            r.roles
                .iter()
                .map(|x| kb().role(*x).key)
                .collect::<Vec<_>>(),
            vec!["pns"]
        );
    }

    #[test]
    fn questions_outside_the_knowledge_base_get_no_answer() {
        for q in [
            "bolehkah ASN berjualan online?",
            "cuti melahirkan PNS berapa bulan",
            "",
            "???",
            "🙂🙂🙂",
        ] {
            assert!(ask(q).interpretations.is_empty(), "{q}");
        }
        // A very long question is read up to its limit, without trouble.
        let long = "kampanye ".repeat(10_000);
        assert!(ask(&long).interpretations.len() <= 3);
    }
}
