//! The lexicon compiler: reads the scanner's vocabulary in `lexicon/` and writes it as Rust
//! statics. Every problem is collected (file, line and what is wrong) so that a reviewer
//! who added a word sees all their mistakes at once; the build stops when there are any.
//!
//! - `lexicon/*.txt`: one phrase per line in lower case, then its classes in capitals
//!   (`coblos   VOTE VOTE_STRONG`). A class must be one the lexicon may set
//!   ([`class::LEXICON`]); a phrase may be listed once in all the files.
//! - `lexicon/hashtags/stems.txt`: the same format, for words found inside hashtags.
//! - `lexicon/words/*.txt`: one word per line; written out normalised (a run of one letter
//!   is one letter, as the scanner's normaliser writes words) and sorted.
//!
//! Lines starting with `#` and empty lines are ignored everywhere.

#[allow(dead_code)]
#[path = "../src/scanner/lexicon/class.rs"]
mod class;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The hashtag stems, in `lexicon/`.
const STEMS: &str = "hashtags/stems.txt";

/// The word lists: (file in `lexicon/words/`, generated constant, what it holds).
const WORD_LISTS: &[(&str, &str, &str)] = &[
    (
        "honorifics.txt",
        "HONORIFICS",
        "Honorifics, titles and name particles.",
    ),
    (
        "common-names.txt",
        "COMMON_NAMES",
        "Common given names and surnames.",
    ),
    (
        "everyday.txt",
        "EVERYDAY_WORDS",
        "Everyday words of Indonesian and the regional languages.",
    ),
    (
        "name-titles.txt",
        "NAME_TITLES",
        "Titles put before a candidate's name.",
    ),
];

struct Line<'a> {
    number: usize,
    text: &'a str,
}

/// The lines of a file that are neither empty nor comments.
fn content(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let t = l.trim();
        (!t.is_empty() && !t.starts_with('#')).then_some(Line {
            number: i + 1,
            text: t,
        })
    })
}

fn class_token(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
}

/// A word as the scanner's normaliser writes it: lower case, a run of one letter as one.
fn collapse(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars().flat_map(char::to_lowercase) {
        if !(out.ends_with(c) && c.is_alphabetic()) {
            out.push(c);
        }
    }
    out
}

/// The phrases as one string of `classes in hex<TAB>phrase|phrase|...` lines, one line per
/// set of classes in the order the sets first appear. (An array of pairs would cost 24 bytes
/// of pointer, length and bits per phrase in the wasm; one line per phrase repeated the
/// classes 2,900 times, 1.8 KB more after brotli.)
fn grouped(entries: &[(String, class::Classes)]) -> String {
    let mut order: Vec<class::Classes> = Vec::new();
    let mut by_classes: HashMap<class::Classes, Vec<&str>> = HashMap::new();
    for (phrase, bits) in entries {
        let list = by_classes.entry(*bits).or_insert_with(|| {
            order.push(*bits);
            Vec::new()
        });
        list.push(phrase);
    }
    let lines: Vec<String> = order
        .iter()
        .map(|bits| {
            let list = by_classes.get(bits).map_or(String::new(), |l| l.join("|"));
            format!("{bits:x}\t{list}")
        })
        .collect();
    lines.join("\n")
}

/// Parses a phrase file: `(phrase, classes)` with the line each came from.
fn phrases(
    file: &str,
    text: &str,
    allowed: class::Classes,
    errors: &mut Vec<String>,
) -> Vec<(String, class::Classes, usize)> {
    let mut out = Vec::new();
    for line in content(text) {
        let tokens: Vec<&str> = line.text.split_whitespace().collect();
        let split = tokens
            .iter()
            .rposition(|t| !class_token(t))
            .map_or(0, |i| i + 1);
        let (words, classes) = tokens.split_at(split);
        let at = format!("{file}:{}", line.number);
        if words.is_empty() {
            errors.push(format!("{at}: no phrase before the classes"));
            continue;
        }
        if classes.is_empty() {
            errors.push(format!(
                "{at}: `{}` has no class; write its classes in capitals after it, e.g. `coblos   VOTE VOTE_STRONG`",
                line.text
            ));
            continue;
        }
        let phrase = words.join(" ");
        if phrase.contains('|') {
            errors.push(format!(
                "{at}: `|` cannot be part of a phrase (it separates phrases in the compiled list)"
            ));
            continue;
        }
        if phrase.chars().any(char::is_uppercase) {
            errors.push(format!(
                "{at}: write the phrase `{phrase}` in lower case (or a class name is misspelt)"
            ));
            continue;
        }
        let mut bits: class::Classes = 0;
        for c in classes {
            match class::by_name(c) {
                None => errors.push(format!(
                    "{at}: unknown class `{c}` (the classes are listed in lexicon/README.md)"
                )),
                Some(b) if b & allowed == 0 => errors.push(format!(
                    "{at}: class `{c}` cannot be set here (it comes from the packs, the tokeniser, or another file)"
                )),
                Some(b) => bits |= b,
            }
        }
        if bits != 0 {
            out.push((phrase, bits, line.number));
        }
    }
    out
}

fn words(file: &str, text: &str, errors: &mut Vec<String>) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for line in content(text) {
        let at = format!("{file}:{}", line.number);
        if line.text.contains(char::is_whitespace) {
            errors.push(format!("{at}: one word per line, found `{}`", line.text));
        } else if !line.text.chars().all(|c| c.is_ascii_alphanumeric()) {
            errors.push(format!(
                "{at}: `{}`: use lower-case letters a-z and digits only",
                line.text
            ));
        } else if line.text.chars().any(|c| c.is_ascii_uppercase()) {
            errors.push(format!("{at}: write `{}` in lower case", line.text));
        } else {
            out.push((collapse(line.text), line.number));
        }
    }
    out
}

/// Reads every file of `lexicon/` the compiler uses: `(path relative to the repository,
/// text)`, phrase files first (sorted), then the hashtag stems, then the word lists.
pub fn read_sources(
    dir: &Path,
    read: &mut Vec<PathBuf>,
) -> Result<Vec<(String, String)>, Vec<String>> {
    let root = dir.parent().unwrap_or(dir);
    let mut errors = Vec::new();
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            return Err(vec![format!(
                "{}: cannot read the folder: {e}",
                dir.display()
            )]);
        }
    };
    paths.sort();
    paths.push(dir.join(STEMS));
    paths.extend(WORD_LISTS.iter().map(|(f, _, _)| dir.join("words").join(f)));
    let mut out = Vec::new();
    for path in paths {
        read.push(path.clone());
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        match std::fs::read_to_string(&path) {
            Ok(t) => out.push((name, t)),
            Err(e) => errors.push(format!("{name}: cannot read: {e}")),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Compiles `lexicon/` into Rust source, or lists every problem found.
pub fn compile_dir(dir: &Path, read: &mut Vec<PathBuf>) -> Result<String, Vec<String>> {
    compile_sources(&read_sources(dir, read)?)
}

/// Compiles the files [`read_sources`] returns.
pub fn compile_sources(files: &[(String, String)]) -> Result<String, Vec<String>> {
    let mut errors = Vec::new();
    let mut code = String::from("// Generated by build/lexc.rs from lexicon/. Do not edit.\n");
    let stems_name = format!("lexicon/{STEMS}");
    let list_name = |f: &str| format!("lexicon/words/{f}");
    let is_list = |n: &str| WORD_LISTS.iter().any(|(f, _, _)| list_name(f) == n);

    // Phrases: a phrase listed twice anywhere is an error naming both places.
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut entries = Vec::new();
    for (name, text) in files
        .iter()
        .filter(|(n, _)| *n != stems_name && !is_list(n))
    {
        for (phrase, bits, line) in phrases(name, text, class::LEXICON, &mut errors) {
            let here = format!("{name}:{line}");
            if let Some(first) = seen.get(&phrase) {
                errors.push(format!(
                    "{here}: `{phrase}` is already listed at {first}; give one line all its classes"
                ));
                continue;
            }
            seen.insert(phrase.clone(), here);
            entries.push((phrase, bits));
        }
    }
    if entries.is_empty() {
        errors.push("lexicon/: no phrases found".to_string());
    }
    let _ = writeln!(
        code,
        "/// The phrases of `lexicon/*.txt` with their classes.\npub static ENTRIES: Phrases = Phrases::new({:?});",
        grouped(&entries)
    );

    let mut stems = Vec::new();
    match files.iter().find(|(n, _)| *n == stems_name) {
        None => errors.push(format!("{stems_name}: missing")),
        Some((name, text)) => {
            let allowed = class::CAMPAIGN_HASHTAG | class::ELECTION | class::REPORT | class::WARN;
            let mut stem_seen: HashMap<String, usize> = HashMap::new();
            for (stem, bits, line) in phrases(name, text, allowed, &mut errors) {
                if stem.contains(' ') {
                    errors.push(format!("{name}:{line}: a stem is one word without spaces"));
                } else if let Some(first) = stem_seen.insert(stem.clone(), line) {
                    errors.push(format!(
                        "{name}:{line}: `{stem}` is already listed at line {first}"
                    ));
                } else {
                    stems.push((stem, bits));
                }
            }
        }
    }
    let _ = writeln!(
        code,
        "/// The stems of `lexicon/hashtags/stems.txt` with their classes.\npub static HASHTAG_STEMS: Phrases = Phrases::new({:?});",
        grouped(&stems)
    );

    for (file, constant, doc) in WORD_LISTS {
        let name = list_name(file);
        let mut list = Vec::new();
        match files.iter().find(|(n, _)| *n == name) {
            None => errors.push(format!("{name}: missing")),
            Some((_, text)) => {
                let mut first: HashMap<String, usize> = HashMap::new();
                for (w, line) in words(&name, text, &mut errors) {
                    if let Some(earlier) = first.insert(w.clone(), line) {
                        errors.push(format!(
                            "{name}:{line}: `{w}` is already listed at line {earlier} (words are compared as the scanner normalises them)"
                        ));
                    } else {
                        list.push(w);
                    }
                }
            }
        }
        list.sort_unstable();
        // One string of sorted lines, indexed on first use (an array of `&str` would cost 8
        // bytes of pointer and length per word in the wasm).
        let _ = writeln!(
            code,
            "/// {doc} (`lexicon/words/{file}`)\npub static {constant}: WordList = WordList::new({:?});",
            list.join("\n")
        );
    }
    if errors.is_empty() {
        Ok(code)
    } else {
        Err(errors)
    }
}
