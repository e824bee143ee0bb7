//! The partisan-tone model: a logistic regression over the words, word pairs and word
//! classes of a post and the rules' own findings, trained on the development corpus
//! (`tools/train_tone.py`, weights in `data/tone-model.tsv`).
//!
//! The rules decide what a finding is and where it is; the model only weighs the whole
//! post. It lifts a post the rules found worth a look, or that names a candidate without a
//! cue the rules know, to a violation when its wording is clearly partisan (the rule
//! `tone.partisan`, with its message and legal basis, on the name). It never lowers what a
//! rule found: a rule's violation stays one.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::lexicon::{class::*, class_names};
use super::matcher::{Fx, Unit};
use super::normalize::{Normalized, TokenKind};

/// A post whose rules found no violation becomes one at or above this probability, the
/// finding on the candidate, party or number it names.
pub const LIFT: f32 = 0.75;

/// The weights file: `bias<TAB>w` then `feature<TAB>weight` lines (comments with `#`).
const MODEL_TSV: &str = include_str!("data/tone-model.tsv");

/// Classes whose co-occurrence in a sentence is a feature of its own.
const PAIRED: &[(Classes, &str)] = &[
    (SUPPORT, "SUPPORT"),
    (SUPPORT_STRONG, "SUPPORT_STRONG"),
    (SUPPORT_WEAK, "SUPPORT_WEAK"),
    (ATTACK, "ATTACK"),
    (ATTACK_WEAK, "ATTACK_WEAK"),
    (VOTE, "VOTE"),
    (VOTE_STRONG, "VOTE_STRONG"),
    (CONTESTANT, "CONTESTANT"),
    (CONTESTANT_AMBIG, "CONTESTANT_AMBIG"),
    (CAND, "CAND"),
    (PARTY, "PARTY"),
    (BALLOT_NUM, "BALLOT_NUM"),
    (NEWS, "NEWS"),
    (WARN, "WARN"),
    (CIVIC, "CIVIC"),
    (QUESTION, "QUESTION"),
    (PASSIVE, "PASSIVE"),
    (EMO_PRAISE, "EMO_PRAISE"),
    (EMO_SCORN, "EMO_SCORN"),
    (EMO_HINT, "EMO_HINT"),
    (INVITE, "INVITE"),
    (MONEY, "MONEY"),
    (STATE_FAC, "STATE_FAC"),
    (CAMPAIGN, "CAMPAIGN"),
    (FIRST_PERSON, "FIRST_PERSON"),
    (CHOICE, "CHOICE"),
    (EVERYDAY, "EVERYDAY"),
];

/// The features of a post: `w:word`, `b:word_word` (pairs within a sentence), `c:CLASS`
/// (classes present), `p:CLASS+CLASS` (classes together in a sentence) and `r:rule` (the
/// rules' findings), each passed to `visit`.
pub fn features(norm: &Normalized, units: &[Unit], rules: &[&str], mut visit: impl FnMut(&[&str])) {
    let tokens = norm.tokens();
    // Names stand for their kind, so that what is learnt of one election holds for another.
    let mut kind_of: Vec<&str> = vec![""; tokens.len()];
    for u in units {
        let k = if u.has(CONTESTANT | CONTESTANT_AMBIG | SLOGAN | SLOGAN_AMBIG | PACK_HASHTAG) {
            "<contestant>"
        } else if u.has(PARTY | PARTY_AMBIG) {
            "<party>"
        } else if u.has(VOTING_DAY) {
            "<votingday>"
        } else {
            continue;
        };
        for slot in kind_of.iter_mut().take(u.last + 1).skip(u.first) {
            *slot = k;
        }
    }
    let mut prev: Option<&str> = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.boundary_before {
            prev = None;
        }
        let named = kind_of.get(i).copied().unwrap_or("");
        if !named.is_empty() && prev == Some(named) {
            continue; // one placeholder for a whole name
        }
        let w = if !named.is_empty() {
            named
        } else {
            match t.kind {
                TokenKind::Word | TokenKind::Symbol => norm.token_text(i),
                TokenKind::Number => {
                    if t.leading_zero {
                        "<code>"
                    } else {
                        "<num>"
                    }
                }
                TokenKind::Hashtag => "<hashtag>",
                TokenKind::Mention => "<mention>",
            }
        };
        visit(&["w:", w]);
        if let Some(p) = prev {
            visit(&["b:", p, "_", w]);
        }
        prev = Some(w);
    }
    let mut all: Classes = 0;
    let mut sentence: Classes = 0;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let flush = |sentence: Classes, pairs: &mut Vec<(usize, usize)>| {
        for (a, (ca, _)) in PAIRED.iter().enumerate() {
            if sentence & ca == 0 {
                continue;
            }
            for (b, (cb, _)) in PAIRED.iter().enumerate().skip(a + 1) {
                if sentence & cb != 0 && !pairs.contains(&(a, b)) {
                    pairs.push((a, b));
                }
            }
        }
    };
    for (i, u) in units.iter().enumerate() {
        if i > 0 && u.boundary_before {
            flush(sentence, &mut pairs);
            sentence = 0;
        }
        sentence |= u.classes;
        all |= u.classes;
    }
    flush(sentence, &mut pairs);
    for name in class_names(all) {
        visit(&["c:", name]);
    }
    for (a, b) in pairs {
        visit(&["p:", PAIRED[a].1, "+", PAIRED[b].1]);
    }
    for r in rules {
        visit(&["r:", r]);
    }
    visit(&[if units.len() <= 30 {
        "len:short"
    } else {
        "len:long"
    }]);
}

/// The trained weights, keyed by a hash of the feature.
pub struct Model {
    bias: f32,
    weights: HashMap<u64, f32, BuildHasherDefault<Fx>>,
}

/// FNV-1a over the bytes of a feature given in pieces (the same key as for the pieces
/// joined).
fn key(pieces: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in pieces {
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

impl Model {
    fn parse(tsv: &str) -> Model {
        let mut m = Model {
            bias: 0.0,
            weights: HashMap::default(),
        };
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((f, w)) = line.rsplit_once('\t') else {
                continue;
            };
            let Ok(w) = w.trim().parse::<f32>() else {
                continue;
            };
            if f == "bias" {
                m.bias = w;
            } else {
                m.weights.insert(key(&[f]), w);
            }
        }
        m
    }

    /// The built-in model.
    pub fn get() -> &'static Model {
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| Model::parse(MODEL_TSV))
    }

    /// Does the model hold any weights? (An empty file disables it.)
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The probability that the post breaches the rules, from 0 to 1.
    pub fn probability(&self, norm: &Normalized, units: &[Unit], rules: &[&str]) -> f32 {
        let mut z = self.bias;
        // Each feature counts once (presence, as in training).
        let mut seen: HashSet<u64, BuildHasherDefault<Fx>> = HashSet::default();
        features(norm, units, rules, |f| {
            let k = key(f);
            if let Some(w) = self.weights.get(&k) {
                if seen.insert(k) {
                    z += w;
                }
            }
        });
        1.0 / (1.0 + (-z).exp())
    }
}
