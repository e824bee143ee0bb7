//! Resolving a role, an activity and the facts given into outcomes.

use crate::kb::{kb, ActivityId, FactId, Outcome, RoleId, Verdict};

/// Fact values given by the user (at most one value per fact).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    values: Vec<(FactId, u8)>,
}

/// A fact or a value the knowledge base does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactError {
    UnknownFact {
        fact: String,
        valid: Vec<&'static str>,
    },
    UnknownValue {
        fact: &'static str,
        value: String,
        valid: Vec<&'static str>,
    },
    Malformed(String),
}

impl std::fmt::Display for FactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactError::UnknownFact { fact, valid } => {
                write!(
                    f,
                    "unknown fact `{fact}`; valid facts: {}",
                    valid.join(", ")
                )
            }
            FactError::UnknownValue { fact, value, valid } => write!(
                f,
                "unknown value `{value}` for fact `{fact}`; valid values: {}",
                valid.join(", ")
            ),
            FactError::Malformed(s) => write!(f, "`{s}` is not KEY=VALUE"),
        }
    }
}

impl std::error::Error for FactError {}

impl Facts {
    /// Sets a fact, replacing an earlier value.
    pub fn set(&mut self, fact: FactId, value: u8) {
        self.values.retain(|(f, _)| *f != fact);
        self.values.push((fact, value));
        self.values.sort();
    }

    pub fn get(&self, fact: FactId) -> Option<u8> {
        self.values
            .iter()
            .find(|(f, _)| *f == fact)
            .map(|(_, v)| *v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (FactId, u8)> + '_ {
        self.values.iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Sets a fact from its key and value key (`stage`, `calon`).
    pub fn set_keys(&mut self, fact: &str, value: &str) -> Result<(), FactError> {
        let kb = kb();
        let Some(fid) = kb.fact_id(fact) else {
            return Err(FactError::UnknownFact {
                fact: fact.to_string(),
                valid: kb.facts.iter().map(|f| f.key).collect(),
            });
        };
        let def = kb.fact(fid);
        let Some(v) = def.values.iter().position(|v| v.key == value) else {
            return Err(FactError::UnknownValue {
                fact: def.key,
                value: value.to_string(),
                valid: def.values.iter().map(|v| v.key).collect(),
            });
        };
        self.set(fid, v as u8);
        Ok(())
    }

    /// Parses `KEY=VALUE`.
    pub fn set_pair(&mut self, pair: &str) -> Result<(), FactError> {
        match pair.split_once('=') {
            Some((k, v)) => self.set_keys(k.trim(), v.trim()),
            None => Err(FactError::Malformed(pair.to_string())),
        }
    }
}

/// One possible outcome, with the values of the missing facts that lead to it.
#[derive(Debug, Clone)]
pub struct Variant {
    pub when: Vec<(FactId, u8)>,
    pub outcome: &'static Outcome,
}

/// The checker's answer for a role and an activity.
#[derive(Debug, Clone)]
pub struct Answer {
    pub role: RoleId,
    pub activity: ActivityId,
    /// The facts that matter here, in asking order.
    pub relevant: &'static [FactId],
    /// Values given for relevant facts (facts that do not matter are dropped).
    pub facts: Facts,
    /// Relevant facts not given.
    pub missing: Vec<FactId>,
    /// One entry per combination of the missing facts that picks a different outcome;
    /// exactly one when the outcome does not depend on anything missing.
    pub variants: Vec<Variant>,
}

impl Answer {
    /// The verdict; when the outcome depends on a missing fact and the verdicts differ,
    /// `Conditional` (the answer depends on stated conditions).
    pub fn verdict(&self) -> Verdict {
        let mut verdicts = self.variants.iter().map(|v| v.outcome.verdict);
        match verdicts.next() {
            Some(first) if verdicts.all(|v| v == first) => first,
            // The build guarantees at least one outcome; "conditional" is the cautious
            // answer should that ever fail, and when outcomes differ.
            _ => Verdict::Conditional,
        }
    }

    /// True when a single outcome applies.
    pub fn is_decided(&self) -> bool {
        self.variants.len() == 1
    }
}

/// Does an entry that needs `when` apply, given the known facts?
/// `Some(true)`: yes; `Some(false)`: no; `None`: it depends on a missing fact.
pub(crate) fn applies(when: &[(FactId, u8)], facts: &Facts) -> Option<bool> {
    let mut unknown = false;
    for (f, v) in when {
        match facts.get(*f) {
            Some(x) if x == *v => {}
            Some(_) => return Some(false),
            None => unknown = true,
        }
    }
    if unknown {
        None
    } else {
        Some(true)
    }
}

/// Answers "may this role do this activity?" with the facts given.
///
/// Facts that do not matter for the pair are ignored. When a fact that matters is missing,
/// the answer lists the outcome for each of its values rather than guessing.
pub fn check(role: RoleId, activity: ActivityId, given: &Facts) -> Answer {
    let kb = kb();
    let relevant = kb.facts_for(role, activity);
    let mut facts = Facts::default();
    for (f, v) in given.iter() {
        if relevant.contains(&f) {
            facts.set(f, v);
        }
    }
    let missing: Vec<FactId> = relevant
        .iter()
        .copied()
        .filter(|f| facts.get(*f).is_none())
        .collect();
    let candidates: Vec<&'static Outcome> = kb
        .outcomes_for(activity)
        .iter()
        .map(|o| kb.outcome(*o))
        .filter(|o| o.roles.contains(&role))
        .filter(|o| applies(o.when, &facts) != Some(false))
        .collect();
    // The build guarantees exactly one outcome per full combination of relevant facts, so
    // each candidate is reached by the combinations of its own `when` on missing facts.
    let variants = candidates
        .into_iter()
        .map(|o| Variant {
            when: o
                .when
                .iter()
                .copied()
                .filter(|(f, _)| missing.contains(f))
                .collect(),
            outcome: o,
        })
        .collect();
    Answer {
        role,
        activity,
        relevant,
        facts,
        missing,
        variants,
    }
}
