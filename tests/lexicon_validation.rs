//! The lexicon compiler refuses bad data with a message that names the file, the line and
//! what is wrong. Each test breaks the real `lexicon/` in one way.

#[allow(dead_code)]
#[path = "../build/lexc.rs"]
mod lexc;

use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicon");
    lexc::read_sources(&dir, &mut Vec::new()).expect("read lexicon/")
}

/// Appends `line` to `file` and returns the compiler's errors.
fn errors_after_adding(file: &str, line: &str) -> Vec<String> {
    let mut files = sources();
    let entry = files
        .iter_mut()
        .find(|(n, _)| n == file)
        .unwrap_or_else(|| panic!("{file} exists"));
    entry.1.push_str(line);
    entry.1.push('\n');
    match lexc::compile_sources(&files) {
        Ok(_) => Vec::new(),
        Err(e) => e,
    }
}

fn assert_error(errors: &[String], needles: &[&str]) {
    assert!(
        errors.iter().any(|e| needles.iter().all(|n| e.contains(n))),
        "expected an error containing {needles:?}, got:\n{}",
        errors.join("\n")
    );
}

fn last_line(file: &str) -> usize {
    sources()
        .iter()
        .find(|(n, _)| n == file)
        .map_or(0, |(_, t)| t.lines().count())
        + 1
}

#[test]
fn the_real_data_compiles() {
    let code = lexc::compile_sources(&sources()).expect("the shipped lexicon/ is consistent");
    assert!(code.contains("pub static ENTRIES: Phrases"));
    // One line per set of classes: `3<TAB>coblos|mencoblos|...` (VOTE | VOTE_STRONG).
    let line = code
        .split("\\n")
        .flat_map(|l| l.split('"'))
        .find(|l| l.starts_with("3\\t"))
        .expect("a line for VOTE | VOTE_STRONG");
    assert!(
        line.trim_start_matches("3\\t")
            .split('|')
            .any(|p| p == "mencoblos"),
        "mencoblos is VOTE | VOTE_STRONG: {line}"
    );
    assert!(code.contains("pub static EVERYDAY_WORDS: WordList"));
}

#[test]
fn unknown_class() {
    let e = errors_after_adding("lexicon/attack.txt", "nyungsep   ATTAK");
    let at = format!("lexicon/attack.txt:{}", last_line("lexicon/attack.txt"));
    assert_error(&e, &[&at, "unknown class `ATTAK`"]);
}

#[test]
fn phrase_without_class() {
    let e = errors_after_adding("lexicon/attack.txt", "nyungsep");
    assert_error(&e, &["lexicon/attack.txt", "`nyungsep` has no class"]);
}

#[test]
fn duplicate_phrase_in_another_file() {
    // `coblos` is in vote.txt, which is read after attack.txt.
    let e = errors_after_adding("lexicon/attack.txt", "coblos   ATTACK");
    let at = format!("lexicon/attack.txt:{}", last_line("lexicon/attack.txt"));
    assert_error(
        &e,
        &["lexicon/vote.txt:", "`coblos` is already listed at", &at],
    );
}

#[test]
fn class_reserved_for_packs() {
    let e = errors_after_adding("lexicon/support.txt", "jokowi   CONTESTANT");
    assert_error(
        &e,
        &["lexicon/support.txt", "`CONTESTANT` cannot be set here"],
    );
}

#[test]
fn phrase_in_capitals() {
    let e = errors_after_adding("lexicon/civic.txt", "Pemilu Damai Banget   CIVIC");
    assert_error(&e, &["lexicon/civic.txt", "lower case"]);
}

#[test]
fn duplicate_word_in_a_list_as_normalised() {
    // `amin` is listed; `aamiin` normalises to it.
    let e = errors_after_adding("lexicon/words/everyday.txt", "aaminn");
    assert_error(
        &e,
        &["lexicon/words/everyday.txt", "`amin` is already listed"],
    );
}

#[test]
fn word_list_takes_one_word_per_line() {
    let e = errors_after_adding("lexicon/words/common-names.txt", "siti aminah");
    assert_error(&e, &["lexicon/words/common-names.txt", "one word per line"]);
}

#[test]
fn hashtag_stem_takes_hashtag_classes_only() {
    let e = errors_after_adding("lexicon/hashtags/stems.txt", "dukung   SUPPORT");
    assert_error(
        &e,
        &["lexicon/hashtags/stems.txt", "`SUPPORT` cannot be set here"],
    );
}

#[test]
fn every_class_is_documented_in_the_readme() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicon/README.md"))
            .expect("lexicon/README.md");
    for (_, name) in ceknetral::scanner::lexicon::class::NAMES {
        assert!(
            readme.contains(&format!("`{name}`")),
            "lexicon/README.md does not describe `{name}`"
        );
    }
}

#[test]
fn phrase_with_a_bar() {
    let e = errors_after_adding("lexicon/attack.txt", "nyungsep|ambyar   ATTACK");
    let at = format!("lexicon/attack.txt:{}", last_line("lexicon/attack.txt"));
    assert_error(&e, &[&at, "`|` cannot be part of a phrase"]);
}
