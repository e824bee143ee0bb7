//! The keys of `kb/roles.toml`, `kb/activities.toml` and `kb/facts.toml`, for the compilers
//! of other files in `kb/` (the quiz stories, the question box's vocabulary) to check theirs
//! against. Problems are pushed to `errors` as `kb/FILE: ...`.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

pub struct KbKeys {
    pub roles: BTreeSet<String>,
    /// In the file's order.
    pub activities: Vec<String>,
    /// Each fact with its values.
    pub facts: BTreeMap<String, BTreeSet<String>>,
}

/// Reads a file of `kb/`, recording it for cargo's rerun check.
pub fn read(dir: &Path, name: &str, files: &mut Vec<PathBuf>) -> Result<String, String> {
    let p = dir.join(name);
    files.push(p.clone());
    std::fs::read_to_string(&p).map_err(|e| format!("kb/{name}: {e}"))
}

/// The keys, or None with the problems in `errors`.
pub fn load(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<String>) -> Option<KbKeys> {
    let mut keyed = |name: &str| -> Option<Keyed> {
        match read(dir, name, files)
            .and_then(|t| toml::from_str(&t).map_err(|e| format!("kb/{name}: {e}")))
        {
            Ok(k) => Some(k),
            Err(e) => {
                errors.push(e);
                None
            }
        }
    };
    let (roles, activities, facts) = (
        keyed("roles.toml"),
        keyed("activities.toml"),
        keyed("facts.toml"),
    );
    let (roles, activities, facts) = (roles?, activities?, facts?);
    Some(KbKeys {
        roles: roles.role.into_iter().map(|r| r.key).collect(),
        activities: activities.activity.into_iter().map(|a| a.key).collect(),
        facts: facts
            .fact
            .into_iter()
            .map(|f| (f.key, f.value.into_iter().map(|v| v.key).collect()))
            .collect(),
    })
}
