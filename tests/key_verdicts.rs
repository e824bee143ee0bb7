//! The table of key verdicts in `tests/data/key_verdicts.toml`, derived independently from
//! the research dossier (each case names the dossier row it comes from), checked against
//! the knowledge base through the same report the CLI prints.

use ceknetral::checker::{check, Facts, Report};
use ceknetral::kb::{kb, Lang, Verdict};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    row: String,
    role: String,
    activity: String,
    #[serde(default)]
    facts: BTreeMap<String, String>,
    verdict: String,
    #[serde(default)]
    basis_instruments: Vec<String>,
    #[serde(default)]
    sanction_kinds: Vec<String>,
    #[serde(default)]
    sanction_level: Option<String>,
    #[allow(dead_code)]
    confidence: String,
    #[allow(dead_code)]
    #[serde(default)]
    note: String,
}

fn report(case: &Case) -> Report {
    let kb = kb();
    let role = kb.role_id(&case.role).expect("known role");
    let activity = kb.activity_id(&case.activity).expect("known activity");
    let mut facts = Facts::default();
    for (k, v) in &case.facts {
        facts.set_keys(k, v).expect("known fact");
    }
    Report::new(&check(role, activity, &facts), Lang::Id)
}

#[test]
fn key_verdicts_from_the_dossier() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/key_verdicts.toml"
    ))
    .expect("read the table");
    let table: Table = toml::from_str(&text).expect("parse the table");
    assert!(table.case.len() >= 40, "the table needs at least 40 cases");
    let mut failures = Vec::new();
    for c in &table.case {
        let r = report(c);
        let want = match c.verdict.as_str() {
            "allowed" => Verdict::Allowed,
            "conditional" => Verdict::Conditional,
            "prohibited" => Verdict::Prohibited,
            other => panic!("bad verdict {other} in the table"),
        };
        let at = format!("[{}] {} x {} {:?}", c.row, c.role, c.activity, c.facts);
        if r.verdict != want {
            failures.push(format!(
                "{at}: verdict {:?}, expected {:?}",
                r.verdict, want
            ));
        }
        for inst in &c.basis_instruments {
            if !r.basis.iter().any(|b| &b.instrument == inst) {
                failures.push(format!(
                    "{at}: basis lacks {inst} (has {:?})",
                    r.basis
                        .iter()
                        .map(|b| b.instrument.as_str())
                        .collect::<Vec<_>>()
                ));
            }
        }
        for kind in &c.sanction_kinds {
            if !r.sanctions.iter().any(|s| s.kind == kind) {
                failures.push(format!(
                    "{at}: sanctions lack {kind} (has {:?})",
                    r.sanctions.iter().map(|s| s.kind).collect::<Vec<_>>()
                ));
            }
        }
        if let Some(level) = &c.sanction_level {
            if !r
                .sanctions
                .iter()
                .any(|s| s.kind == "discipline" && s.level == level)
            {
                failures.push(format!("{at}: no discipline sanction of level {level}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        table.case.len(),
        failures.join("\n")
    );
}
