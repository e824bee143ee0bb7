//! The command-line contract (design.md, "Command line"): JSON shapes, exit codes and the
//! one-line reasons on stderr.

use serde_json::Value;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ceknetral"))
        .args(args)
        .output()
        .expect("run ceknetral")
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn bad(args: &[&str], needles: &[&str]) {
    let out = run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?} should exit 2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    for n in needles {
        assert!(err.contains(n), "{args:?}: `{n}` not in `{err}`");
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn check_json_has_the_contract_shape() {
    let v = json(&[
        "check",
        "--role",
        "pns",
        "--activity",
        "campaign_team",
        "--fact",
        "election=pemilu",
        "--json",
    ]);
    assert_eq!(v["verdict"], "prohibited");
    let basis = v["basis"].as_array().expect("basis");
    assert!(basis
        .iter()
        .any(|b| b["instrument"] == "UU 7/2017" && b["provision"] == "Pasal 494"));
    for b in basis {
        assert!(b["instrument"].is_string() && b["provision"].is_string());
    }
    let sanctions = v["sanctions"].as_array().expect("sanctions");
    let crim = sanctions
        .iter()
        .find(|s| s["kind"] == "criminal")
        .expect("criminal sanction");
    assert_eq!(crim["level"], "");
    let detail = crim["detail"].as_str().expect("detail");
    assert!(
        detail.contains("Pasal 494")
            && detail.contains("1 tahun")
            && detail.contains("Rp12.000.000")
    );
    assert!(sanctions
        .iter()
        .any(|s| s["kind"] == "discipline" && s["level"] == "heavy"));
    assert!(v["conditions"].is_array());
    assert!(v["explanation"].as_str().is_some_and(|s| !s.is_empty()));
    assert_eq!(v["last_reviewed"].as_str().map(str::len), Some(10));
}

#[test]
fn check_in_english() {
    let v = json(&[
        "check",
        "--role",
        "polri",
        "--activity",
        "vote",
        "--json",
        "--lang",
        "en",
    ]);
    assert_eq!(v["verdict"], "prohibited");
    assert!(v["explanation"].as_str().unwrap_or("").contains("Police"));
    assert_eq!(v["lang"], "en");
}

#[test]
fn check_without_a_needed_fact_lists_both_outcomes() {
    let v = json(&[
        "check",
        "--role",
        "pns",
        "--activity",
        "accompany_spouse_candidate",
        "--json",
    ]);
    assert_eq!(v["verdict"], "conditional");
    assert_eq!(v["missing_facts"][0], "on_cltn");
    let variants = v["variants"].as_array().expect("variants");
    assert_eq!(variants.len(), 2);
    let with = |val: &str| {
        variants
            .iter()
            .find(|x| x["when"]["on_cltn"] == val)
            .map(|x| x["verdict"].clone())
    };
    assert_eq!(with("yes"), Some(Value::from("conditional")));
    assert_eq!(with("no"), Some(Value::from("prohibited")));
}

#[test]
fn check_text_is_readable_indonesian() {
    let out = run(&["check", "--role", "pns", "--activity", "vote"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Jawaban: BOLEH"), "{text}");
    assert!(text.contains("Dasar hukum"));
    assert!(text.contains("Bawaslu"));
}

#[test]
fn bad_input_exits_2_with_the_valid_choices() {
    bad(
        &["check", "--role", "lurah", "--activity", "vote"],
        &["unknown role `lurah`", "pns", "polri"],
    );
    bad(
        &["check", "--role", "pns", "--activity", "dance"],
        &["unknown activity `dance`", "social_like"],
    );
    bad(&["check", "--role", "pns"], &["missing --activity"]);
    bad(&["check", "--activity", "vote"], &["missing --role"]);
    bad(
        &[
            "check",
            "--role",
            "pns",
            "--activity",
            "vote",
            "--fact",
            "stage=later",
        ],
        &["unknown value `later`", "bakal_calon, calon"],
    );
    bad(
        &[
            "check",
            "--role",
            "pns",
            "--activity",
            "vote",
            "--fact",
            "mood=happy",
        ],
        &["unknown fact `mood`", "stage"],
    );
    bad(
        &[
            "check",
            "--role",
            "pns",
            "--activity",
            "vote",
            "--fact",
            "stage",
        ],
        &["KEY=VALUE"],
    );
    bad(
        &[
            "check",
            "--role",
            "pns",
            "--activity",
            "vote",
            "--lang",
            "jv",
        ],
        &["--lang"],
    );
    bad(&["check", "--role"], &["--role needs a value"]);
    bad(
        &["check", "--colour", "red"],
        &["unknown option `--colour`"],
    );
    bad(&["dance"], &["unknown command `dance`"]);
    bad(&[], &["missing command"]);
    bad(&["tree"], &["--json or --dot"]);
}

#[test]
fn catalogues() {
    let roles = json(&["roles", "--json"]);
    let roles = roles.as_array().expect("array");
    assert_eq!(roles.len(), 8);
    assert!(roles
        .iter()
        .all(|r| r["label"]["id"].is_string() && r["label"]["en"].is_string()));
    let acts = json(&["activities", "--json"]);
    let acts = acts.as_array().expect("array");
    assert!(acts.len() >= 26);
    let spouse = acts
        .iter()
        .find(|a| a["id"] == "accompany_spouse_candidate")
        .expect("spouse");
    assert_eq!(spouse["group"], "keluarga");
    assert_eq!(spouse["facts"][0], "on_cltn");
}

#[test]
fn tree_as_json_and_dot() {
    let t = json(&["tree", "--json"]);
    assert_eq!(t["kind"], "question");
    assert_eq!(t["step"], "role");
    assert_eq!(t["options"].as_array().map(Vec::len), Some(8));
    let out = run(&["tree", "--dot"]);
    assert!(out.status.success());
    let dot = String::from_utf8_lossy(&out.stdout);
    assert!(dot.starts_with("digraph ceknetral {"));
    assert!(dot.contains("o_asn_social_like"));
    assert!(dot.trim_end().ends_with('}'));
}

#[test]
fn help_and_version() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("ceknetral check --role"));
    let out = run(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ceknetral 0."));
}

#[test]
fn kb_report_is_a_reviewers_checklist() {
    let out = run(&["kb", "report"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "1. Ketentuan yang belum diverifikasi",
        "2. Ketentuan yang sumbernya tidak diperiksa ulang",
        "3. Jawaban yang tidak bersandar",
        "4. Hal yang diperdebatkan",
        "5. Perubahan pada tinjauan",
        // a provision with its source and date, and a disputed answer
        "sumber: ",
        "diperiksa 2026-",
        "pns_run_for_kepala_desa",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    bad(&["kb"], &["ceknetral kb report"]);
    bad(&["kb", "review"], &["unknown `kb` command `review`"]);
    bad(&["kb", "report", "--json"], &["--json"]);
}
