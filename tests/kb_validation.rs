//! The knowledge-base compiler refuses inconsistent data with a message that names the
//! file, the entry and the field. Each test breaks the real data in one way.

#[allow(dead_code)]
#[path = "../build/kbc.rs"]
mod kbc;

use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("kb");
    kbc::read_sources(&dir, &mut Vec::new()).expect("read kb/")
}

/// Replaces `from` by `to` once in `file` and returns the compiler's errors.
fn errors_after(file: &str, from: &str, to: &str) -> Vec<String> {
    let mut files = sources();
    let entry = files
        .iter_mut()
        .find(|(n, _)| n == file)
        .expect("file exists");
    assert!(entry.1.contains(from), "`{from}` not found in {file}");
    entry.1 = entry.1.replacen(from, to, 1);
    match kbc::compile_sources(&files) {
        Ok(_) => Vec::new(),
        Err(e) => e,
    }
}

fn assert_error(errors: &[String], needles: &[&str]) {
    assert!(
        errors.iter().any(|e| needles.iter().all(|n| e.contains(n))),
        "expected an error containing {needles:?}, got:\n{}",
        errors.join("\n")
    );
}

#[test]
fn the_real_data_compiles() {
    let code = kbc::compile_sources(&sources()).expect("the shipped kb/ is consistent");
    assert!(code.contains("pub static KB"));
}

#[test]
fn unknown_provision() {
    let e = errors_after(
        "outcomes/jabatan_fasilitas.toml",
        "\"uu7_2017:p490\"",
        "\"uu7_2017:p999\"",
    );
    assert_error(
        &e,
        &[
            "jabatan_fasilitas.toml",
            "kades_official_decision_pemilu",
            "uu7_2017:p999",
        ],
    );
}

#[test]
fn unknown_instrument_in_repealed_by() {
    let e = errors_after(
        "instruments.toml",
        "repealed_by = \"pp94_2021\"",
        "repealed_by = \"pp1_1900\"",
    );
    assert_error(&e, &["pp53_2010", "repealed_by", "pp1_1900"]);
}

#[test]
fn repealed_instrument_as_basis() {
    let e = errors_after(
        "outcomes/pencalonan_partai.toml",
        "\"uu20_2023:p52_3j\",\n  \"uu20_2023:p9_2\",",
        "\"uu5_2014:p87_4c\",\n  \"uu20_2023:p9_2\",",
    );
    assert_error(&e, &["asn_party_membership", "repealed", "history"]);
}

#[test]
fn role_and_activity_without_outcome() {
    let e = errors_after(
        "outcomes/pemungutan_suara.toml",
        "roles = [\"pns\", \"pppk\", \"ppnpn\", \"kepala_desa\", \"perangkat_desa\", \"bpd\"]\nverdict = \"allowed\"\nconfidence = \"secondary\"",
        "roles = [\"pns\", \"pppk\", \"ppnpn\", \"kepala_desa\", \"perangkat_desa\"]\nverdict = \"allowed\"\nconfidence = \"secondary\"",
    );
    assert_error(&e, &["role `bpd` x activity `vote`", "no outcome"]);
}

#[test]
fn fact_combination_without_outcome() {
    let e = errors_after(
        "outcomes/keluarga.toml",
        "when = { on_cltn = \"no\" }",
        "when = { on_cltn = \"yes\" }",
    );
    assert_error(
        &e,
        &[
            "accompany_spouse_candidate",
            "on_cltn=no",
            "no outcome applies",
        ],
    );
    assert_error(&e, &["on_cltn=yes", "several outcomes apply"]);
}

#[test]
fn unknown_fact_value() {
    let e = errors_after(
        "outcomes/keluarga.toml",
        "when = { on_cltn = \"no\" }",
        "when = { on_cltn = \"maybe\" }",
    );
    assert_error(
        &e,
        &[
            "asn_accompany_spouse_no_cltn",
            "on_cltn",
            "maybe",
            "valid: yes, no",
        ],
    );
}

#[test]
fn unknown_role_and_activity() {
    let e = errors_after(
        "outcomes/keluarga.toml",
        "roles = [\"pns\", \"pppk\"]",
        "roles = [\"pns\", \"lurah\"]",
    );
    assert_error(&e, &["keluarga.toml", "unknown role `lurah`"]);
    let e = errors_after(
        "outcomes/keluarga.toml",
        "activity = \"promote_relative_candidate\"",
        "activity = \"promote_cousin\"",
    );
    assert_error(&e, &["unknown activity `promote_cousin`"]);
}

#[test]
fn dangling_sanction_template() {
    let e = errors_after(
        "outcomes/jabatan_fasilitas.toml",
        "sanctions = [\"pidana_490\", \"kades_admin\"]",
        "sanctions = [\"pidana_4900\", \"kades_admin\"]",
    );
    assert_error(&e, &["pidana_4900", "unknown sanction"]);
}

#[test]
fn prohibited_without_sanction() {
    let e = errors_after(
        "outcomes/jabatan_fasilitas.toml",
        "sanctions = [\"pidana_490\", \"kades_admin\"]",
        "sanctions = []",
    );
    assert_error(&e, &["kades_official_decision_pemilu", "names no sanction"]);
}

#[test]
fn disputed_must_be_conditional() {
    let e = errors_after(
        "outcomes/kampanye_acara.toml",
        "key = \"bpd_attend_campaign\"\nactivity = \"attend_campaign\"\nroles = [\"bpd\"]\nverdict = \"conditional\"",
        "key = \"bpd_attend_campaign\"\nactivity = \"attend_campaign\"\nroles = [\"bpd\"]\nverdict = \"prohibited\"",
    );
    assert_error(&e, &["bpd_attend_campaign", "disputed", "conditional"]);
}

#[test]
fn discipline_needs_a_level() {
    let e = errors_after(
        "sanctions.toml",
        "level = \"heavy\"\nroles = [\"pns\"]",
        "roles = [\"pns\"]",
    );
    assert_error(&e, &["disciplinary sanction needs `level`"]);
}

#[test]
fn missing_english_text() {
    let e = errors_after(
        "roles.toml",
        "label.en = \"Village head (kepala desa)\"",
        "label.en = \"  \"",
    );
    assert_error(&e, &["kepala_desa", "label", "English"]);
}

#[test]
fn bad_date_and_unknown_field() {
    let e = errors_after(
        "meta.toml",
        "last_reviewed = \"2026-12-07\"",
        "last_reviewed = \"07/12/2026\"",
    );
    assert_error(&e, &["last_reviewed"]);
    let e = errors_after(
        "roles.toml",
        "[[role]]\nkey = \"pns\"",
        "[[role]]\ncolour = \"red\"\nkey = \"pns\"",
    );
    assert_error(&e, &["roles.toml", "colour"]);
}

#[test]
fn provision_without_source_or_checked_date() {
    // The instrument names the source of all its provisions; without it, each provision
    // that names none is refused.
    let e = errors_after(
        "instruments.toml",
        "source = \"Salinan resmi PP 2/2003, peraturan.bpk.go.id; salinan OCR github.com/mblonyox/data-peraturan pp/2003/2 (Pasal 5, 7-9, 14-17)\"\n",
        "",
    );
    assert_error(&e, &["instruments.toml", "pp2_2003:p5b_9", "no `source`"]);
    let e = errors_after(
        "instruments.toml",
        "checked = \"2026-12-07\"\n[[instrument.provision]]\nkey = \"p5b_9\"",
        "[[instrument.provision]]\nkey = \"p5b_9\"",
    );
    assert_error(&e, &["pp2_2003:p5b_9", "no `checked` date"]);
    let e = errors_after(
        "instruments.toml",
        "checked = \"2026-12-07\"\n[[instrument.provision]]\nkey = \"p5b_9\"",
        "checked = \"2027-01-01\"\n[[instrument.provision]]\nkey = \"p5b_9\"",
    );
    assert_error(&e, &["pp2_2003:p5b_9", "not after `last_reviewed`"]);
}
