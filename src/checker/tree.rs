//! The whole decision tree as data (for review, `ceknetral tree --json`) and as a Graphviz
//! graph (`--dot`). Both are derived from the knowledge base by walking [`State`].

use serde::Serialize;
use std::fmt::Write as _;

use super::state::{State, Step};
use crate::kb::{kb, Lang, Text, Verdict};

#[derive(Debug, Clone, Serialize)]
pub struct Label {
    pub id: &'static str,
    pub en: &'static str,
}

impl From<Text> for Label {
    fn from(t: Text) -> Label {
        Label { id: t.id, en: t.en }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Node {
    Question {
        /// `role`, `group`, `activity` or a fact key.
        step: &'static str,
        question: Label,
        options: Vec<Edge>,
    },
    Outcome {
        outcome: &'static str,
        verdict: Verdict,
        /// The state that leads here, as a URL fragment.
        path: String,
        basis: Vec<String>,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub answer: &'static str,
    pub label: Label,
    pub next: Node,
}

fn walk(state: &State) -> Node {
    match state.question() {
        Some(q) => Node::Question {
            step: q.step.key(),
            question: q.prompt.into(),
            options: q
                .choices
                .iter()
                .map(|c| {
                    let mut next = state.clone();
                    // A choice of the question itself is always accepted.
                    let _ = next.answer(c.key);
                    Edge {
                        answer: c.key,
                        label: c.label.into(),
                        next: walk(&next),
                    }
                })
                .collect(),
        },
        None => {
            let kb = kb();
            match state.result() {
                Some(answer) => {
                    let report = super::Report::new(&answer, Lang::Id);
                    Node::Outcome {
                        outcome: answer.variants.first().map(|v| v.outcome.key).unwrap_or(""),
                        verdict: answer.verdict(),
                        path: state.to_fragment(),
                        basis: report
                            .basis
                            .iter()
                            .map(|b| format!("{} {}", b.instrument, b.provision))
                            .collect(),
                    }
                }
                None => Node::Outcome {
                    outcome: "",
                    verdict: Verdict::Conditional,
                    path: format!(
                        "{} (unreachable: {})",
                        state.to_fragment(),
                        kb.last_reviewed
                    ),
                    basis: Vec::new(),
                },
            }
        }
    }
}

/// The decision tree from the first question.
pub fn tree() -> Node {
    walk(&State::new())
}

/// Every leaf of the tree: (fragment, outcome key, verdict).
pub fn leaves() -> Vec<(String, &'static str, Verdict)> {
    fn collect(node: &Node, out: &mut Vec<(String, &'static str, Verdict)>) {
        match node {
            Node::Question { options, .. } => {
                for e in options {
                    collect(&e.next, out);
                }
            }
            Node::Outcome {
                outcome,
                verdict,
                path,
                ..
            } => out.push((path.clone(), outcome, *verdict)),
        }
    }
    let mut out = Vec::new();
    collect(&tree(), &mut out);
    out
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The tree as a Graphviz digraph. Role and group questions are drawn once; each
/// activity's fact questions are drawn per role; outcomes are shared leaves.
pub fn dot(lang: Lang) -> String {
    let kb = kb();
    let mut out = String::from(
        "digraph ceknetral {\n  rankdir=LR;\n  node [fontname=\"sans-serif\", fontsize=10];\n",
    );
    let _ = writeln!(
        out,
        "  role [shape=diamond, label=\"{}\"];",
        dot_escape(super::state::State::new().prompt(lang).unwrap_or(""))
    );
    for o in kb.outcomes {
        let color = match o.verdict {
            Verdict::Allowed => "#c8e6c9",
            Verdict::Conditional => "#fff3b0",
            Verdict::Prohibited => "#ffcdd2",
        };
        let _ = writeln!(
            out,
            "  \"o_{}\" [shape=box, style=filled, fillcolor=\"{color}\", label=\"{}\\n{}\"];",
            o.key,
            dot_escape(o.key),
            o.verdict.as_str()
        );
    }
    for r in kb.role_ids() {
        let role = kb.role(r);
        let g_node = format!("g_{}", role.key);
        let _ = writeln!(
            out,
            "  \"{g_node}\" [shape=diamond, label=\"{}\"];\n  role -> \"{g_node}\" [label=\"{}\"];",
            dot_escape(GROUP_LABEL.get(lang)),
            dot_escape(role.label.get(lang))
        );
        for g in kb.group_ids() {
            let group = kb.group(g);
            let a_node = format!("a_{}_{}", role.key, group.key);
            let _ = writeln!(
                out,
                "  \"{a_node}\" [shape=diamond, label=\"{}\"];\n  \"{g_node}\" -> \"{a_node}\" [label=\"{}\"];",
                dot_escape(ACTIVITY_LABEL.get(lang)),
                dot_escape(group.label.get(lang))
            );
            for a in kb.activities_in(g) {
                let act = kb.activity(a);
                let mut state = State::new();
                let ok = state.answer(role.key).is_ok()
                    && state.answer(group.key).is_ok()
                    && state.answer(act.key).is_ok();
                if !ok {
                    continue;
                }
                dot_facts(
                    &mut out,
                    &state,
                    &a_node,
                    act.label.get(lang),
                    &format!("f_{}_{}", role.key, act.key),
                    lang,
                );
            }
        }
    }
    out.push_str("}\n");
    out
}

const GROUP_LABEL: Text = Text {
    id: "Jenis kegiatan?",
    en: "Kind of activity?",
};
const ACTIVITY_LABEL: Text = Text {
    id: "Kegiatan?",
    en: "Activity?",
};

fn dot_facts(out: &mut String, state: &State, from: &str, edge: &str, prefix: &str, lang: Lang) {
    match state.step() {
        Step::Fact(_) => {
            let Some(q) = state.question() else { return };
            let node = format!("{prefix}_{}", q.step.key());
            let _ = writeln!(
                out,
                "  \"{node}\" [shape=diamond, label=\"{}\"];\n  \"{from}\" -> \"{node}\" [label=\"{}\"];",
                dot_escape(q.prompt.get(lang)),
                dot_escape(edge)
            );
            for c in &q.choices {
                let mut next = state.clone();
                if next.answer(c.key).is_ok() {
                    dot_facts(
                        out,
                        &next,
                        &node,
                        c.label.get(lang),
                        &format!("{node}_{}", c.key),
                        lang,
                    );
                }
            }
        }
        _ => {
            if let Some(answer) = state.result() {
                for v in &answer.variants {
                    let _ = writeln!(
                        out,
                        "  \"{from}\" -> \"o_{}\" [label=\"{}\"];",
                        v.outcome.key,
                        dot_escape(edge)
                    );
                }
            }
        }
    }
}
