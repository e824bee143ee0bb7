//! The roles and activities as plain data with both languages: what `ceknetral roles
//! --json` and `ceknetral activities --json` print and what the web API returns.

use serde::Serialize;

use crate::kb::{kb, ActivityId, Text};

/// A text in Indonesian and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bilingual {
    pub id: &'static str,
    pub en: &'static str,
}

impl From<Text> for Bilingual {
    fn from(t: Text) -> Bilingual {
        Bilingual { id: t.id, en: t.en }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleEntry {
    pub id: &'static str,
    pub label: Bilingual,
    pub description: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityEntry {
    pub id: &'static str,
    pub group: &'static str,
    pub group_label: Bilingual,
    pub label: Bilingual,
    pub description: Bilingual,
    /// Facts that change the answer for at least one role.
    pub facts: Vec<&'static str>,
}

/// Every role, in the knowledge base's order.
pub fn roles() -> Vec<RoleEntry> {
    kb().roles
        .iter()
        .map(|r| RoleEntry {
            id: r.key,
            label: r.label.into(),
            description: r.description.into(),
        })
        .collect()
}

/// The facts that change the answer to `a` for at least one role.
pub fn facts_of(a: ActivityId) -> Vec<&'static str> {
    let kb = kb();
    let mut f: Vec<&'static str> = Vec::new();
    for r in kb.role_ids() {
        for fid in kb.facts_for(r, a) {
            let key = kb.fact(*fid).key;
            if !f.contains(&key) {
                f.push(key);
            }
        }
    }
    f
}

/// Every activity, in the knowledge base's order, with its group.
pub fn activities() -> Vec<ActivityEntry> {
    let kb = kb();
    kb.activity_ids()
        .map(|a| {
            let act = kb.activity(a);
            let group = kb.group(act.group);
            ActivityEntry {
                id: act.key,
                group: group.key,
                group_label: group.label.into(),
                label: act.label.into(),
                description: act.description.into(),
                facts: facts_of(a),
            }
        })
        .collect()
}
