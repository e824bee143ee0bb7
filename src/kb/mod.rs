//! The knowledge base: instruments, provisions, roles, activities, facts and outcomes.
//!
//! Authored as reviewable TOML in `kb/` at the repository root, validated and compiled into
//! statics by `build.rs`. See `kb/README.md` for how to review and edit it.

pub mod model;

pub use model::*;

#[allow(clippy::all)]
mod generated {
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/kb_generated.rs"));
}

/// The compiled knowledge base.
pub fn kb() -> &'static KnowledgeBase {
    &generated::KB
}

/// A provision and its instrument by key (`pp94_2021:p5n`), without touching the rest of
/// the knowledge base: a scanner-only build then links only the instruments and provisions.
/// The date the knowledge base was last reviewed (`2026-11-22`), without the rest of it.
pub const LAST_REVIEWED: &str = generated::LAST_REVIEWED;

/// The checker's activity that answers "is this allowed for me?" for a kind of scanner
/// finding (`kb/category-activities.toml`); none for `mention`.
pub fn activity_for_category(category: &str) -> Option<ActivityId> {
    generated::CATEGORY_ACTIVITIES
        .iter()
        .find(|(c, _)| *c == category)
        .map(|(_, a)| *a)
}

/// The date of the review before the last one (`kb/meta.toml`, `previous_review`), or "".
pub const PREVIOUS_REVIEW: &str = generated::PREVIOUS_REVIEW;

/// Where the provision at `index` of `kb().provisions` was read (a URL or the official
/// document) and when that source was last checked (`YYYY-MM-DD`), as `kb/instruments.toml`
/// records them. Only the reviewer's report reads this table, so the browser builds leave
/// it out.
pub fn provision_source(index: usize) -> (&'static str, &'static str) {
    generated::PROVISION_SOURCES
        .get(index)
        .copied()
        .unwrap_or(("", ""))
}

/// The instrument's name and the citation of a provision (`("PP 94/2021", "Pasal 5 huruf
/// n")`), from a table that holds no texts: what the scanner cites.
pub fn cite_by_key(key: &str) -> Option<(&'static str, &'static str)> {
    generated::CITES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, name, cite)| (*name, *cite))
}

pub fn provision_by_key(key: &str) -> Option<(&'static Provision, &'static Instrument)> {
    let p = generated::PROVISIONS.iter().find(|p| p.key == key)?;
    let i = generated::INSTRUMENTS.get(p.instrument.index())?;
    Some((p, i))
}

impl KnowledgeBase {
    pub fn role_id(&self, key: &str) -> Option<RoleId> {
        self.roles
            .iter()
            .position(|r| r.key == key)
            .map(|i| RoleId(i as u8))
    }

    pub fn activity_id(&self, key: &str) -> Option<ActivityId> {
        self.activities
            .iter()
            .position(|a| a.key == key)
            .map(|i| ActivityId(i as u8))
    }

    pub fn group_id(&self, key: &str) -> Option<GroupId> {
        self.groups
            .iter()
            .position(|g| g.key == key)
            .map(|i| GroupId(i as u8))
    }

    pub fn fact_id(&self, key: &str) -> Option<FactId> {
        self.facts
            .iter()
            .position(|f| f.key == key)
            .map(|i| FactId(i as u8))
    }

    pub fn provision_id(&self, key: &str) -> Option<ProvisionId> {
        self.provisions
            .iter()
            .position(|p| p.key == key)
            .map(|i| ProvisionId(i as u16))
    }

    pub fn role(&self, id: RoleId) -> &Role {
        &self.roles[id.index()]
    }

    pub fn activity(&self, id: ActivityId) -> &Activity {
        &self.activities[id.index()]
    }

    pub fn group(&self, id: GroupId) -> &Group {
        &self.groups[id.index()]
    }

    pub fn fact(&self, id: FactId) -> &Fact {
        &self.facts[id.index()]
    }

    pub fn outcome(&self, id: OutcomeId) -> &Outcome {
        &self.outcomes[id.index()]
    }

    pub fn provision(&self, id: ProvisionId) -> &Provision {
        &self.provisions[id.index()]
    }

    pub fn instrument(&self, id: InstrumentId) -> &Instrument {
        &self.instruments[id.index()]
    }

    pub fn role_ids(&self) -> impl Iterator<Item = RoleId> {
        (0..self.roles.len()).map(|i| RoleId(i as u8))
    }

    pub fn activity_ids(&self) -> impl Iterator<Item = ActivityId> {
        (0..self.activities.len()).map(|i| ActivityId(i as u8))
    }

    pub fn group_ids(&self) -> impl Iterator<Item = GroupId> {
        (0..self.groups.len()).map(|i| GroupId(i as u8))
    }

    /// Activities of a group, in catalogue order.
    pub fn activities_in(&self, group: GroupId) -> impl Iterator<Item = ActivityId> + '_ {
        self.activity_ids()
            .filter(move |a| self.activity(*a).group == group)
    }

    /// The facts that change the outcome for this role and activity, in asking order.
    pub fn facts_for(&self, role: RoleId, activity: ActivityId) -> &'static [FactId] {
        self.pair_facts[role.index() * self.activities.len() + activity.index()]
    }

    /// Outcomes written for an activity (any role).
    pub fn outcomes_for(&self, activity: ActivityId) -> &'static [OutcomeId] {
        self.activity_outcomes[activity.index()]
    }

    /// Is the provision's instrument in force?
    pub fn in_force(&self, p: ProvisionId) -> bool {
        self.instrument(self.provision(p).instrument).status == Status::InForce
    }
}
