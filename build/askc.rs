//! The question box's vocabulary compiler: reads `kb/ask.toml` and writes its phrases as Rust
//! statics, checking every key against `kb/roles.toml`, `kb/activities.toml` and
//! `kb/facts.toml`. Problems are listed, each naming the entry; the build stops when there
//! is any. The phrases stay as written: they are normalised and stemmed when first used,
//! by the same code that reads the questions.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ask {
    min_score: f32,
    #[serde(default)]
    role_not_after: Vec<String>,
    #[serde(default)]
    negators: Vec<String>,
    #[serde(default)]
    words: BTreeMap<String, Vec<String>>,
    election: Vec<String>,
    #[serde(default)]
    role: Vec<Entry>,
    #[serde(default)]
    activity: Vec<Entry>,
    #[serde(default)]
    fact: Vec<FactEntry>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Phrase {
    Plain(String),
    Weighted { p: String, weight: f32 },
}

impl Phrase {
    fn parts(&self) -> (&str, Option<f32>) {
        match self {
            Phrase::Plain(p) => (p, None),
            Phrase::Weighted { p, weight } => (p, Some(*weight)),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    key: String,
    phrases: Vec<Phrase>,
    #[serde(default)]
    over: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactEntry {
    key: String,
    value: String,
    phrases: Vec<Phrase>,
}

#[derive(Deserialize)]
struct Keyed {
    #[serde(default)]
    role: Vec<Key>,
    #[serde(default)]
    activity: Vec<Key>,
    #[serde(default)]
    fact: Vec<FactKeys>,
}

#[derive(Deserialize)]
struct Key {
    key: String,
}

#[derive(Deserialize)]
struct FactKeys {
    key: String,
    #[serde(default)]
    value: Vec<Key>,
}

fn phrases_code(at: &str, phrases: &[Phrase], errors: &mut Vec<String>) -> String {
    let mut out = String::from("&[");
    let mut seen = BTreeSet::new();
    if phrases.is_empty() {
        errors.push(format!("{at}: needs phrases"));
    }
    for ph in phrases {
        let (text, weight) = ph.parts();
        let t = text.trim();
        if t.is_empty() || t.chars().any(char::is_control) {
            errors.push(format!("{at}: an empty or unreadable phrase"));
            continue;
        }
        if !seen.insert(t.to_lowercase()) {
            errors.push(format!("{at}: the phrase `{t}` is listed twice"));
        }
        if let Some(w) = weight {
            if w.is_nan() || w <= 0.0 || w > 10.0 {
                errors.push(format!(
                    "{at}: the weight of `{t}` must be above 0 and at most 10"
                ));
            }
        }
        let _ = write!(out, "({:?}, {:?}), ", t, weight.unwrap_or(0.0));
    }
    out.push(']');
    out
}

pub fn compile_dir(dir: &Path, files: &mut Vec<PathBuf>) -> Result<String, Vec<String>> {
    let mut errors = Vec::new();
    let mut read = |name: &str| -> Option<String> {
        let p = dir.join(name);
        files.push(p.clone());
        match std::fs::read_to_string(&p) {
            Ok(t) => Some(t),
            Err(e) => {
                errors.push(format!("kb/{name}: {e}"));
                None
            }
        }
    };
    let texts: Vec<Option<String>> = ["roles.toml", "activities.toml", "facts.toml", "ask.toml"]
        .iter()
        .map(|n| read(n))
        .collect();
    let mut keyed = Vec::new();
    for (name, t) in ["roles.toml", "activities.toml", "facts.toml"]
        .iter()
        .zip(&texts)
    {
        if let Some(t) = t {
            match toml::from_str::<Keyed>(t) {
                Ok(k) => keyed.push(k),
                Err(e) => errors.push(format!("kb/{name}: {e}")),
            }
        }
    }
    let ask: Option<Ask> = texts[3].as_ref().and_then(|t| match toml::from_str(t) {
        Ok(a) => Some(a),
        Err(e) => {
            errors.push(format!("kb/ask.toml: {e}"));
            None
        }
    });
    let (Some(ask), 3) = (ask, keyed.len()) else {
        return Err(errors);
    };
    let roles: BTreeSet<&str> = keyed[0].role.iter().map(|r| r.key.as_str()).collect();
    let activities: Vec<&str> = keyed[1].activity.iter().map(|a| a.key.as_str()).collect();
    let facts: BTreeMap<&str, BTreeSet<&str>> = keyed[2]
        .fact
        .iter()
        .map(|f| {
            (
                f.key.as_str(),
                f.value.iter().map(|v| v.key.as_str()).collect(),
            )
        })
        .collect();
    if ask.min_score.is_nan() || ask.min_score <= 0.0 {
        errors.push("kb/ask.toml: `min_score` must be above 0".into());
    }
    let election: Vec<Phrase> = ask
        .election
        .iter()
        .map(|s| Phrase::Plain(s.clone()))
        .collect();
    let election_code = phrases_code("kb/ask.toml: election", &election, &mut errors);
    let mut out = String::from(
        "// Generated by build/askc.rs from kb/ask.toml. Do not edit.\n\
         /// A phrase as written, and its weight (0: its number of words).\n\
         pub type Phrases = &'static [(&'static str, f32)];\n",
    );
    let _ = writeln!(out, "pub static MIN_SCORE: f32 = {:?};", ask.min_score);
    let _ = writeln!(out, "pub static ELECTION: Phrases = {election_code};");
    let _ = writeln!(
        out,
        "pub static ROLE_NOT_AFTER: &[&str] = &{:?};",
        ask.role_not_after
    );
    let _ = writeln!(out, "pub static NEGATORS: &[&str] = &{:?};", ask.negators);
    out.push_str("pub static WORDS: &[(&str, &[&str])] = &[\n");
    let mut variants = BTreeSet::new();
    for (canon, vs) in &ask.words {
        if canon.trim().is_empty() || vs.is_empty() || vs.iter().any(|v| v.trim().is_empty()) {
            errors.push(format!(
                "kb/ask.toml: [words] `{canon}` needs its variants, none empty"
            ));
        }
        for v in vs {
            if !variants.insert(v.clone()) {
                errors.push(format!(
                    "kb/ask.toml: [words] the variant `{v}` is given twice"
                ));
            }
        }
        let _ = writeln!(out, "    ({canon:?}, &{vs:?}),");
    }
    out.push_str("];\n");
    out.push_str("pub static ROLES: &[(&str, Phrases)] = &[\n");
    let mut told = BTreeSet::new();
    for r in &ask.role {
        let at = format!("kb/ask.toml: [[role]] `{}`", r.key);
        if !r.over.is_empty() {
            errors.push(format!("{at}: `over` is for activities"));
        }
        if r.key != "asn" && !roles.contains(r.key.as_str()) {
            errors.push(format!("{at}: not a role of roles.toml (nor `asn`)"));
        }
        if !told.insert(r.key.clone()) {
            errors.push(format!("{at}: given twice"));
        }
        let _ = writeln!(
            out,
            "    ({:?}, {}),",
            r.key,
            phrases_code(&at, &r.phrases, &mut errors)
        );
    }
    for k in &roles {
        if !told.contains(*k) {
            errors.push(format!("kb/ask.toml: the role `{k}` has no phrases"));
        }
    }
    out.push_str("];\npub static ACTIVITIES: &[(&str, Phrases, &[&str])] = &[\n");
    let mut told = BTreeSet::new();
    for a in &ask.activity {
        let at = format!("kb/ask.toml: [[activity]] `{}`", a.key);
        if !activities.contains(&a.key.as_str()) {
            errors.push(format!("{at}: not an activity of activities.toml"));
        }
        if !told.insert(a.key.clone()) {
            errors.push(format!("{at}: given twice"));
        }
        for o in &a.over {
            if !activities.contains(&o.as_str()) || *o == a.key {
                errors.push(format!("{at}: `over` names `{o}`, not another activity"));
            }
        }
        let _ = writeln!(
            out,
            "    ({:?}, {}, &{:?}),",
            a.key,
            phrases_code(&at, &a.phrases, &mut errors),
            a.over
        );
    }
    for k in &activities {
        if !told.contains(*k) {
            errors.push(format!("kb/ask.toml: the activity `{k}` has no phrases"));
        }
    }
    out.push_str("];\npub static FACTS: &[(&str, &str, Phrases)] = &[\n");
    for f in &ask.fact {
        let at = format!("kb/ask.toml: [[fact]] `{} = {}`", f.key, f.value);
        match facts.get(f.key.as_str()) {
            None => errors.push(format!("{at}: `{}` is not a fact of facts.toml", f.key)),
            Some(v) if !v.contains(f.value.as_str()) => {
                errors.push(format!("{at}: `{}` is not a value of `{}`", f.value, f.key))
            }
            _ => {}
        }
        let _ = writeln!(
            out,
            "    ({:?}, {:?}, {}),",
            f.key,
            f.value,
            phrases_code(&at, &f.phrases, &mut errors)
        );
    }
    out.push_str("];\n");
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
