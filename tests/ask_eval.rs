//! The question box's accuracy on labelled questions (`tests/data/ask/`): top-1 and top-3
//! (the activity, and the role when the question names one) and "no answer" on questions the
//! knowledge base does not cover. `make eval` prints the figures (`--nocapture`); the test
//! fails when one falls below the floor recorded in tests/data/eval_floors.toml.

use ceknetral::checker::ask::{ask, Interpretation};
use ceknetral::kb::kb;
use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    q: String,
    role: Option<String>,
    activity: Option<String>,
    #[serde(default)]
    source: String,
}

fn rows(name: &str) -> Vec<Row> {
    let path = format!("{}/tests/data/ask/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1)))
        .collect()
}

fn right(i: &Interpretation, r: &Row) -> bool {
    let activity = kb().activity(i.activity).key;
    if Some(activity) != r.activity.as_deref() {
        return false;
    }
    let role = i.role.map(|x| kb().role(x).key);
    match r.role.as_deref() {
        None => role.is_none(),
        Some("asn") => matches!(role, Some("pns" | "pppk")),
        Some(k) => role == Some(k),
    }
}

pub struct Figures {
    pub top1: f64,
    pub top3: f64,
    pub no_answer: f64,
    pub in_scope: usize,
    pub out_of_scope: usize,
}

fn measure(name: &str, show_misses: bool) -> Figures {
    let rows = rows(name);
    let (mut t1, mut t3, mut n_in, mut oos_ok, mut n_out) = (0, 0, 0, 0, 0);
    for r in &rows {
        let reading = ask(&r.q);
        let list = &reading.interpretations;
        if r.activity.is_some() {
            n_in += 1;
            let first = list.first().is_some_and(|i| right(i, r));
            let any = list.iter().take(3).any(|i| right(i, r));
            t1 += usize::from(first);
            t3 += usize::from(any);
            if show_misses && !first {
                let got: Vec<String> = list
                    .iter()
                    .map(|i| {
                        format!(
                            "{}·{} ({:.1})",
                            i.role.map_or("-", |x| kb().role(x).key),
                            kb().activity(i.activity).key,
                            i.score
                        )
                    })
                    .collect();
                println!(
                    "  miss{}: {:?} want {}·{} got {:?}",
                    if any { " (in top 3)" } else { "" },
                    r.q,
                    r.role.as_deref().unwrap_or("-"),
                    r.activity.as_deref().unwrap_or("-"),
                    got
                );
            }
        } else {
            n_out += 1;
            oos_ok += usize::from(list.is_empty());
            if show_misses && !list.is_empty() {
                println!(
                    "  answered out of scope: {:?} -> {}",
                    r.q,
                    kb().activity(list[0].activity).key
                );
            }
        }
        let _ = &r.source;
    }
    let f = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    Figures {
        top1: f(t1, n_in),
        top3: f(t3, n_in),
        no_answer: f(oos_ok, n_out),
        in_scope: n_in,
        out_of_scope: n_out,
    }
}

/// Floors: the figures of 2026-12-07 (development 0.866 / 0.955 / 0.938, held-out 0.760 /
/// 0.860 / 0.938) less about one question, so that a change to the vocabulary or
/// the matcher cannot lose accuracy unnoticed. Targets (issue 16): top-1 0.85, top-3 0.95,
/// out of scope 0.80, on the held-out part. Measured there before any tuning: top-1 0.520,
/// top-3 0.760, out of scope 0.938.
const FLOORS: [(&str, f64, f64, f64); 2] = [
    ("dev.jsonl", 0.85, 0.94, 0.90),
    ("heldout.jsonl", 0.74, 0.84, 0.90),
];

#[test]
fn question_box_accuracy() {
    let show = std::env::var("MISSES").is_ok_and(|v| v == "1");
    for (name, label) in [
        ("dev.jsonl", "development (real questions and rewordings)"),
        (
            "heldout.jsonl",
            "held-out (written blind, labelled before tuning)",
        ),
    ] {
        let fig = measure(name, show && name == "dev.jsonl");
        println!(
            "question box, {label}: top-1 {:.3}, top-3 {:.3} on {} questions; no answer on {:.3} of {} out of scope",
            fig.top1, fig.top3, fig.in_scope, fig.no_answer, fig.out_of_scope
        );
        let (_, t1, t3, na) = FLOORS
            .iter()
            .find(|f| f.0 == name)
            .copied()
            .unwrap_or((name, 0.0, 0.0, 0.0));
        assert!(
            fig.top1 >= t1 && fig.top3 >= t3 && fig.no_answer >= na,
            "{name}: below the floors {t1}/{t3}/{na}"
        );
    }
}

#[test]
fn the_sets_are_labelled_with_known_keys_and_the_held_out_part_is_a_third() {
    let mut total = 0;
    for name in ["dev.jsonl", "heldout.jsonl"] {
        for r in rows(name) {
            total += 1;
            if let Some(a) = &r.activity {
                assert!(
                    kb().activity_id(a).is_some(),
                    "{name}: unknown activity {a}"
                );
            }
            if let Some(k) = &r.role {
                assert!(
                    k == "asn" || kb().role_id(k).is_some(),
                    "{name}: unknown role {k}"
                );
            }
            assert!(!r.source.is_empty(), "{name}: {:?} has no source", r.q);
        }
    }
    let held = rows("heldout.jsonl").len();
    assert!(total >= 150, "{total} questions");
    assert!(held * 10 >= total * 3, "held-out {held} of {total}");
}
