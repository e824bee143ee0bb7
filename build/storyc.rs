//! The quiz stories' compiler: reads `kb/stories.toml` (with the keys of `kb/roles.toml`,
//! `kb/activities.toml` and `kb/facts.toml`) and writes the stories, names, regions and role
//! phrases as Rust statics. Every problem is listed, naming the story; the build stops when
//! there is any. The answers are not here: the quiz asks the checker.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stories {
    names: Vec<String>,
    regions: Vec<String>,
    #[serde(default)]
    role: Vec<RolePhrases>,
    #[serde(default)]
    story: Vec<Story>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolePhrases {
    key: String,
    #[serde(rename = "as")]
    phrases: Vec<Bilingual>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bilingual {
    id: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Story {
    activity: String,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    facts: BTreeMap<String, String>,
    id: String,
    en: String,
}

const PLACEHOLDERS: &[&str] = &["name", "role", "region"];

fn placeholders(s: &str) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err("has a `{` without its `}`".into());
        };
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            return Err(format!(
                "has the unknown placeholder {{{name}}} (known: {{name}}, {{role}}, {{region}})"
            ));
        }
        out.insert(name.to_string());
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err("has a `}` without its `{`".into());
    }
    Ok(out)
}

pub fn compile_dir(dir: &Path, files: &mut Vec<PathBuf>) -> Result<String, Vec<String>> {
    let mut errors = Vec::new();
    let keys = crate::kbkeys::load(dir, files, &mut errors);
    let stories: Option<Stories> = match crate::kbkeys::read(dir, "stories.toml", files)
        .and_then(|t| toml::from_str(&t).map_err(|e| format!("kb/stories.toml: {e}")))
    {
        Ok(s) => Some(s),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let (Some(keys), Some(s)) = (keys, stories) else {
        return Err(errors);
    };
    let role_keys: BTreeSet<&str> = keys.roles.iter().map(String::as_str).collect();
    let activity_keys: Vec<&str> = keys.activities.iter().map(String::as_str).collect();
    let fact_values: BTreeMap<&str, BTreeSet<&str>> = keys
        .facts
        .iter()
        .map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect()))
        .collect();
    if s.names.is_empty() || s.names.iter().any(|n| n.trim().is_empty()) {
        errors.push("kb/stories.toml: `names` needs names, none empty".into());
    }
    if s.regions.is_empty() || s.regions.iter().any(|n| n.trim().is_empty()) {
        errors.push("kb/stories.toml: `regions` needs regions, none empty".into());
    }
    let mut phrased = BTreeSet::new();
    for r in &s.role {
        if !role_keys.contains(r.key.as_str()) {
            errors.push(format!(
                "kb/stories.toml: [[role]] `{}` is not a role of roles.toml",
                r.key
            ));
        }
        if !phrased.insert(r.key.as_str()) {
            errors.push(format!(
                "kb/stories.toml: [[role]] `{}` is given twice",
                r.key
            ));
        }
        if r.phrases.is_empty()
            || r.phrases
                .iter()
                .any(|p| p.id.trim().is_empty() || p.en.trim().is_empty())
        {
            errors.push(format!(
                "kb/stories.toml: [[role]] `{}` needs phrases in both languages",
                r.key
            ));
        }
    }
    for k in &role_keys {
        if !phrased.contains(k) {
            errors.push(format!(
                "kb/stories.toml: the role `{k}` has no [[role]] phrases"
            ));
        }
    }
    let mut told = BTreeSet::new();
    for (i, st) in s.story.iter().enumerate() {
        let at = format!("kb/stories.toml: story {} ({})", i + 1, st.activity);
        if !activity_keys.contains(&st.activity.as_str()) {
            errors.push(format!(
                "{at}: `{}` is not an activity of activities.toml",
                st.activity
            ));
        }
        told.insert(st.activity.as_str());
        for r in &st.roles {
            if !role_keys.contains(r.as_str()) {
                errors.push(format!("{at}: `{r}` in `roles` is not a role"));
            }
        }
        for (f, v) in &st.facts {
            match fact_values.get(f.as_str()) {
                None => errors.push(format!("{at}: `{f}` is not a fact of facts.toml")),
                Some(vals) if !vals.contains(v.as_str()) => errors.push(format!(
                    "{at}: `{v}` is not a value of the fact `{f}` (values: {})",
                    vals.iter().copied().collect::<Vec<_>>().join(", ")
                )),
                _ => {}
            }
        }
        let mut sets = Vec::new();
        for (lang, text) in [("id", &st.id), ("en", &st.en)] {
            if text.trim().is_empty() {
                errors.push(format!("{at}: the `{lang}` text is empty"));
            }
            if !text.trim_end().ends_with('?') {
                errors.push(format!(
                    "{at}: the `{lang}` text must end with the question (`?`)"
                ));
            }
            match placeholders(text) {
                Ok(p) => {
                    if !p.contains("name") || !p.contains("role") {
                        errors.push(format!(
                            "{at}: the `{lang}` text must name the person: {{name}} and {{role}}"
                        ));
                    }
                    sets.push(p);
                }
                Err(e) => errors.push(format!("{at}: the `{lang}` text {e}")),
            }
        }
        if sets.len() == 2 && sets[0] != sets[1] {
            errors.push(format!(
                "{at}: the two languages use different placeholders"
            ));
        }
    }
    for a in &activity_keys {
        if !told.contains(a) {
            errors.push(format!(
                "kb/stories.toml: the activity `{a}` has no story (every activity needs one)"
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out =
        String::from("// Generated by build/storyc.rs from kb/stories.toml. Do not edit.\n");
    let _ = writeln!(out, "pub static NAMES: &[&str] = &{:?};", s.names);
    let _ = writeln!(out, "pub static REGIONS: &[&str] = &{:?};", s.regions);
    out.push_str("pub static ROLE_PHRASES: &[(&str, &[(&str, &str)])] = &[\n");
    for r in &s.role {
        let phrases: Vec<(&str, &str)> = r
            .phrases
            .iter()
            .map(|p| (p.id.as_str(), p.en.as_str()))
            .collect();
        let _ = writeln!(out, "    ({:?}, &{:?}),", r.key, phrases);
    }
    out.push_str("];\npub static STORIES: &[StoryData] = &[\n");
    for st in &s.story {
        let facts: Vec<(&str, &str)> = st
            .facts
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "    StoryData {{ activity: {:?}, roles: &{:?}, facts: &{:?}, id: {:?}, en: {:?} }},",
            st.activity, st.roles, facts, st.id, st.en
        );
    }
    out.push_str("];\n");
    Ok(out)
}
