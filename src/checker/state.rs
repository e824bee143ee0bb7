//! The guided checker as a small state value: one question at a time, back, restart, and a
//! short text form for the URL fragment (`pns/media_sosial/social_like/stage=calon`).

use super::answer::{check, Answer, Facts};
use crate::kb::{kb, ActivityId, FactId, GroupId, Lang, RoleId, Text};

/// What the checker asks next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Role,
    Group,
    Activity,
    Fact(FactId),
    /// Every question is answered.
    Done,
}

impl Step {
    /// A stable id for the step (`role`, `group`, `activity`, or the fact's key).
    pub fn key(self) -> &'static str {
        match self {
            Step::Role => "role",
            Step::Group => "group",
            Step::Activity => "activity",
            Step::Fact(f) => kb().fact(f).key,
            Step::Done => "done",
        }
    }
}

/// One choice of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub key: &'static str,
    pub label: Text,
    pub description: Option<Text>,
}

/// A question with its choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub step: Step,
    pub prompt: Text,
    pub help: Option<Text>,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateError {
    /// The answer is not one of the choices of the current question.
    NotAChoice {
        step: &'static str,
        answer: String,
        valid: Vec<&'static str>,
    },
    /// Every question is already answered.
    Finished,
    /// A fragment that does not describe a path through the tree.
    BadFragment(String),
}

impl std::fmt::Display for StateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StateError::NotAChoice {
                step,
                answer,
                valid,
            } => write!(
                f,
                "`{answer}` is not a choice for `{step}`; valid: {}",
                valid.join(", ")
            ),
            StateError::Finished => write!(f, "every question is already answered"),
            StateError::BadFragment(s) => write!(f, "cannot read checker state `{s}`"),
        }
    }
}

impl std::error::Error for StateError {}

const ROLE_PROMPT: Text = Text {
    id: "Siapa Anda?",
    en: "Who are you?",
};
const ROLE_HELP: Text = Text {
    id: "Aturan netralitas berbeda untuk setiap jenis pekerja publik.",
    en: "Neutrality rules differ for each kind of public worker.",
};
const GROUP_PROMPT: Text = Text {
    id: "Kegiatan Anda termasuk yang mana?",
    en: "What kind of activity is it?",
};
const ACTIVITY_PROMPT: Text = Text {
    id: "Apa yang ingin Anda lakukan?",
    en: "What do you want to do?",
};

/// The checker's state: the answers given so far. Going back keeps later answers so they
/// are pre-selected when the user comes forward again, until a different answer is given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    answers: Vec<&'static str>,
    depth: usize,
    /// A group and activity chosen before the role (from a scanner finding): answered as
    /// soon as the role is.
    pending: Option<(&'static str, &'static str)>,
}

impl State {
    pub fn new() -> State {
        State::default()
    }

    /// Starts the checker at an activity ("is this allowed for me?" from a scanner
    /// finding): with a role, at the activity's first fact (or its answer); without one, at
    /// the role question, going straight on to the activity once the role is answered.
    pub fn for_activity(role: Option<&str>, activity: ActivityId) -> State {
        let kb = kb();
        let act = kb.activity(activity);
        let group = kb.group(act.group).key;
        let mut st = State::new();
        if let Some(r) = role {
            if st.answer(r).is_ok() && st.answer(group).is_ok() && st.answer(act.key).is_ok() {
                return st;
            }
            st = State::new();
        }
        st.pending = Some((group, act.key));
        st
    }

    /// Starts the checker where a typed question was read (`ask`): the role and activity
    /// answered, then each fact question whose answer the question stated; the remaining
    /// questions are asked as usual. Without a role, the role question comes first and the
    /// activity follows it (the facts are then asked).
    pub fn for_question(role: Option<&str>, activity: ActivityId, facts: &Facts) -> State {
        let mut st = State::for_activity(role, activity);
        if role.is_none() {
            return st;
        }
        while let Step::Fact(f) = st.step() {
            let Some(v) = facts.get(f) else {
                break;
            };
            let key = kb().fact(f).values.get(usize::from(v)).map(|x| x.key);
            if key.and_then(|k| st.answer(k).ok()).is_none() {
                break;
            }
        }
        st
    }

    /// The role answered, if any (`pns`).
    pub fn role_key(&self) -> Option<&'static str> {
        self.role().map(|r| kb().role(r).key)
    }

    fn role(&self) -> Option<RoleId> {
        self.answers[..self.depth]
            .first()
            .and_then(|k| kb().role_id(k))
    }

    fn group(&self) -> Option<GroupId> {
        self.answers[..self.depth]
            .get(1)
            .and_then(|k| kb().group_id(k))
    }

    fn activity(&self) -> Option<ActivityId> {
        self.answers[..self.depth]
            .get(2)
            .and_then(|k| kb().activity_id(k))
    }

    fn facts(&self) -> Facts {
        let mut facts = Facts::default();
        let (Some(role), Some(activity)) = (self.role(), self.activity()) else {
            return facts;
        };
        for (fact, answer) in kb()
            .facts_for(role, activity)
            .iter()
            .zip(self.answers[..self.depth].iter().skip(3))
        {
            if let Some(v) = kb()
                .fact(*fact)
                .values
                .iter()
                .position(|v| v.key == *answer)
            {
                facts.set(*fact, v as u8);
            }
        }
        facts
    }

    /// The step the user is on.
    pub fn step(&self) -> Step {
        match self.depth {
            0 => Step::Role,
            1 => Step::Group,
            2 => Step::Activity,
            n => match (self.role(), self.activity()) {
                (Some(r), Some(a)) => match kb().facts_for(r, a).get(n - 3) {
                    Some(f) => Step::Fact(*f),
                    None => Step::Done,
                },
                _ => Step::Role,
            },
        }
    }

    /// The current question, or `None` when every question is answered.
    pub fn question(&self) -> Option<Question> {
        let kb = kb();
        let step = self.step();
        let (prompt, help, choices) = match step {
            Step::Role => (
                ROLE_PROMPT,
                Some(ROLE_HELP),
                kb.roles
                    .iter()
                    .map(|r| Choice {
                        key: r.key,
                        label: r.label,
                        description: Some(r.description),
                    })
                    .collect(),
            ),
            Step::Group => (
                GROUP_PROMPT,
                None,
                kb.groups
                    .iter()
                    .map(|g| Choice {
                        key: g.key,
                        label: g.label,
                        description: None,
                    })
                    .collect(),
            ),
            Step::Activity => {
                let group = self.group()?;
                (
                    ACTIVITY_PROMPT,
                    None,
                    kb.activities_in(group)
                        .map(|a| {
                            let a = kb.activity(a);
                            Choice {
                                key: a.key,
                                label: a.label,
                                description: Some(a.description),
                            }
                        })
                        .collect(),
                )
            }
            Step::Fact(f) => {
                let fact = kb.fact(f);
                (
                    fact.question,
                    Some(fact.help),
                    fact.values
                        .iter()
                        .map(|v| Choice {
                            key: v.key,
                            label: v.label,
                            description: None,
                        })
                        .collect(),
                )
            }
            Step::Done => return None,
        };
        Some(Question {
            step,
            prompt,
            help,
            choices,
        })
    }

    /// The answer kept for the current question from an earlier pass, if any.
    pub fn selected(&self) -> Option<&'static str> {
        self.answers.get(self.depth).copied()
    }

    /// Answers the current question with a choice key.
    pub fn answer(&mut self, key: &str) -> Result<(), StateError> {
        let q = self.question().ok_or(StateError::Finished)?;
        let Some(choice) = q.choices.iter().find(|c| c.key == key) else {
            return Err(StateError::NotAChoice {
                step: q.step.key(),
                answer: key.to_string(),
                valid: q.choices.iter().map(|c| c.key).collect(),
            });
        };
        if self.answers.get(self.depth) != Some(&choice.key) {
            self.answers.truncate(self.depth);
            self.answers.push(choice.key);
        }
        self.depth += 1;
        if self.depth == 1 {
            if let Some((group, activity)) = self.pending.take() {
                if self.answer(group).is_err() || self.answer(activity).is_err() {
                    self.depth = 1;
                    self.answers.truncate(1);
                }
            }
        }
        Ok(())
    }

    /// Goes one question back; returns false at the first question.
    pub fn back(&mut self) -> bool {
        if self.depth == 0 {
            return false;
        }
        self.depth -= 1;
        true
    }

    pub fn restart(&mut self) {
        *self = State::default();
    }

    /// (answered, total) questions on the current path; the total grows when a fact turns
    /// out to matter.
    pub fn progress(&self) -> (usize, usize) {
        let facts = match (self.role(), self.activity()) {
            (Some(r), Some(a)) => kb().facts_for(r, a).len(),
            _ => 0,
        };
        (self.depth, 3 + facts)
    }

    /// The answer, once every question is answered.
    pub fn result(&self) -> Option<Answer> {
        if self.step() != Step::Done {
            return None;
        }
        Some(check(self.role()?, self.activity()?, &self.facts()))
    }

    /// The answers given, as `pns/media_sosial/social_like/stage=calon`.
    pub fn to_fragment(&self) -> String {
        let mut parts: Vec<String> = self.answers[..self.depth.min(3)]
            .iter()
            .map(|s| s.to_string())
            .collect();
        if let (Some(r), Some(a)) = (self.role(), self.activity()) {
            for (fact, answer) in kb()
                .facts_for(r, a)
                .iter()
                .zip(self.answers[..self.depth].iter().skip(3))
            {
                parts.push(format!("{}={answer}", kb().fact(*fact).key));
            }
        }
        parts.join("/")
    }

    /// Reads what [`State::to_fragment`] wrote. Fact segments may come in any order; facts
    /// that do not matter are refused, so a stale link cannot silently change meaning.
    pub fn from_fragment(fragment: &str) -> Result<State, StateError> {
        let bad = || StateError::BadFragment(fragment.chars().take(200).collect());
        let mut state = State::new();
        let fragment = fragment.trim().trim_start_matches('#');
        if fragment.is_empty() {
            return Ok(state);
        }
        let mut facts: Vec<(&str, &str)> = Vec::new();
        for seg in fragment.split('/') {
            match seg.split_once('=') {
                Some(kv) => facts.push(kv),
                None if facts.is_empty() && state.depth < 3 => {
                    state.answer(seg).map_err(|_| bad())?
                }
                None => return Err(bad()),
            }
        }
        if !facts.is_empty() && state.depth < 3 {
            return Err(bad());
        }
        while let Step::Fact(f) = state.step() {
            let key = kb().fact(f).key;
            let Some(pos) = facts.iter().position(|(k, _)| *k == key) else {
                break;
            };
            let (_, v) = facts.remove(pos);
            state.answer(v).map_err(|_| bad())?;
        }
        if !facts.is_empty() {
            return Err(bad());
        }
        Ok(state)
    }

    /// Text of the current question in a language (for plain-text front ends).
    pub fn prompt(&self, lang: Lang) -> Option<&'static str> {
        self.question().map(|q| q.prompt.get(lang))
    }
}
