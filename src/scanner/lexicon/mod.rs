//! The generic lexicon: words and phrases the rules reason about, each with its classes,
//! and the word lists that tell everyday words and common names from distinctive ones.
//!
//! The lexicon is data a reviewer can read and extend without touching Rust: the files in
//! `lexicon/` (see `lexicon/README.md`), compiled into this module when the crate builds
//! (`build/lexc.rs`; the build stops on an unknown class or a duplicate entry, naming the
//! file and line). Entries are written as people write them; they go through the same
//! normaliser as the post, so `nyoblos`, `nyobloss` and `ny0bl0s` are one entry. A phrase
//! beats the words inside it (`hak pilih` is civic, not a call to vote). Election data
//! packs add the contestants, parties, slogans, hashtags and symbols at run time.

pub mod class;

use class::*;

/// The names of the classes in `c`, for debugging and for the tone model's features.
pub fn class_names(c: Classes) -> Vec<&'static str> {
    class::NAMES
        .iter()
        .filter(|(b, _)| c & b != 0)
        .map(|(_, n)| *n)
        .collect()
}

/// A sorted list of words compiled from `lexicon/words/`: one string of lines, indexed on
/// first use, searched by bisection.
pub struct WordList {
    text: &'static str,
    index: std::sync::OnceLock<Vec<&'static str>>,
}

impl WordList {
    const fn new(text: &'static str) -> WordList {
        WordList {
            text,
            index: std::sync::OnceLock::new(),
        }
    }

    /// The words, sorted.
    pub fn words(&self) -> &[&'static str] {
        self.index.get_or_init(|| self.text.lines().collect())
    }

    /// Is `w` (normalised) in the list?
    pub fn contains(&self, w: &str) -> bool {
        self.words().binary_search(&w).is_ok()
    }
}

/// Phrases with their classes compiled from `lexicon/`: one string of
/// `classes<TAB>phrase|phrase|...` lines (the classes in hex, one line per set of classes),
/// read when the matcher is built.
pub struct Phrases {
    text: &'static str,
}

impl Phrases {
    const fn new(text: &'static str) -> Phrases {
        Phrases { text }
    }

    /// Each phrase and its classes. (The build wrote every line; one it could not have
    /// written is skipped.)
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Classes)> {
        self.text.lines().flat_map(|l| {
            let (bits, list) = l.split_once('\t').unwrap_or(("", ""));
            let classes = Classes::from_str_radix(bits, 16).unwrap_or(0);
            list.split('|')
                .filter(move |p| classes != 0 && !p.is_empty())
                .map(move |p| (p, classes))
        })
    }
}

// Generated from `lexicon/` by `build/lexc.rs`:
// - `ENTRIES` ([`Phrases`]), the phrases of `lexicon/*.txt` with their classes;
// - `HASHTAG_STEMS` ([`Phrases`]), the stems of `lexicon/hashtags/stems.txt`;
// - `HONORIFICS`, `COMMON_NAMES`, `EVERYDAY_WORDS`, `NAME_TITLES` ([`WordList`]), the word
//   lists of `lexicon/words/`, normalised as the scanner writes words (a run of one letter
//   is one letter) and sorted.
include!(concat!(env!("OUT_DIR"), "/lexicon_generated.rs"));

/// An everyday word of Indonesian or a regional language (normalised form):
/// `lexicon/words/everyday.txt`.
pub fn is_everyday_word(w: &str) -> bool {
    EVERYDAY_WORDS.contains(w)
}

/// A common given name or surname (normalised form): `lexicon/words/common-names.txt`.
pub fn is_common_name(w: &str) -> bool {
    COMMON_NAMES.contains(w)
}

/// A title, honorific or name particle: `lexicon/words/honorifics.txt`.
pub fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scanner::normalize::normalize;

    /// The build refuses a phrase written twice; this catches two spellings the normaliser
    /// makes one (`satu2nya` and `satu satunya`), which would silently share their classes.
    #[test]
    fn no_two_entries_normalise_alike() {
        let mut seen = std::collections::HashMap::new();
        let mut twice = Vec::new();
        for (phrase, _) in ENTRIES.iter() {
            let n = normalize(phrase).text().to_string();
            assert!(!n.is_empty(), "`{phrase}` normalises to nothing");
            if let Some(first) = seen.insert(n.clone(), phrase) {
                twice.push(format!("`{first}` and `{phrase}` are both `{n}`"));
            }
        }
        assert!(twice.is_empty(), "merge these lines:\n{}", twice.join("\n"));
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [&HONORIFICS, &COMMON_NAMES, &EVERYDAY_WORDS, &NAME_TITLES] {
            assert!(list.words().windows(2).all(|w| w[0] < w[1]));
        }
        assert!(is_everyday_word("amin") && is_common_name("siti") && is_honorific("daeng"));
    }
}
