//! `ceknetral scan`: the contract for JSON Lines, error lines, packs and exit codes.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn scan(args: &[&str], stdin: &[u8]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ceknetral"))
        .arg("scan")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // The process may exit before reading (an invalid pack): a closed pipe is fine.
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin);
    }
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn jsonl_one_line_out_per_line_in() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"Ayo coblos nomor 2! Prabowo-Gibran untuk Indonesia maju\"}\n",
        "{\"id\": \"x\", \"text\": \"Juara 2 lomba lari, bangga!\"}\n",
        "this is not json\n",
        "{\"id\": 4}\n",
        "{\"id\": 5, \"text\": 12}\n",
        "\n",
        "{\"id\": 7, \"text\": \"Semoga cepat sembuh Bu Kepsek, amin\"}\n",
        "[1,2]\n",
        "{\"id\": 9, \"text\": \"🔥 KPU menetapkan Prabowo-Gibran sebagai pasangan terpilih\"}",
    );
    let (code, out, err) = scan(&["--jsonl"], input.as_bytes());
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 9);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["risk"], "violation");
    let f = &lines[0]["findings"][0];
    for key in [
        "start", "end", "text", "rule", "category", "severity", "message", "basis",
    ] {
        assert!(f.get(key).is_some(), "finding lacks {key}");
    }
    assert_eq!(f["text"], "coblos nomor 2");
    assert_eq!(
        (f["start"].as_u64(), f["end"].as_u64()),
        (Some(4), Some(18))
    );
    assert!(f["basis"].as_array().is_some_and(|b| b
        .iter()
        .any(|x| x["instrument"] == "PP 94/2021" && x["provision"] == "Pasal 5 huruf n")));
    assert_eq!(f["suggestion"], "gunakan hak pilih pada 14 Februari");
    assert_eq!(lines[1]["id"], "x");
    assert_eq!(lines[1]["risk"], "safe");
    assert_eq!(lines[1]["findings"].as_array().map(Vec::len), Some(0));
    for (i, needle) in [
        (2, "not valid JSON"),
        (3, "missing `text`"),
        (4, "must be a string"),
        (5, "empty line"),
        (7, "JSON object"),
    ] {
        assert!(
            lines[i]["error"]
                .as_str()
                .is_some_and(|e| e.contains(needle)),
            "line {i}: {}",
            lines[i]
        );
        assert!(lines[i].get("risk").is_none());
    }
    assert_eq!(lines[3]["id"], 4);
    assert_eq!(lines[6]["risk"], "safe");
    assert_eq!(lines[8]["risk"], "review");
    // UTF-16 offsets: the emoji counts as two code units.
    let f = lines[8]["findings"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["text"] == "Prabowo-Gibran"))
        .expect("a finding on the pair's name");
    assert_eq!(f["start"].as_u64(), Some(18));
}

#[test]
fn invalid_utf8_line_gets_an_error_and_the_run_goes_on() {
    let mut input = b"{\"id\":1,\"text\":\"\xff\xfe\"}\n".to_vec();
    input.extend_from_slice(b"{\"id\":2,\"text\":\"coblos 02\"}\n");
    let (code, out, _) = scan(&["--jsonl"], &input);
    assert_eq!(code, Some(0));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert!(lines[0]["error"]
        .as_str()
        .is_some_and(|e| e.contains("UTF-8")));
    assert_eq!(lines[1]["risk"], "violation");
}

#[test]
fn packs_load_and_invalid_packs_exit_2() {
    let dir = std::env::temp_dir().join(format!("ceknetral-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let good = dir.join("good.json");
    std::fs::write(
        &good,
        r##"{"id":"pilkada-contoh-2029","title":"Pilkada Contoh","voting_day":"2029-11-28","contestants":[{"number":1,"names":["I Made Suryawan","Ni Luh Ayu Lestari"],"hashtags":["#SuryawanAyu"]}]}"##,
    )
    .expect("write");
    let (code, out, err) = scan(
        &["--pack", good.to_str().unwrap_or_default(), "--json"],
        "Mari dukung Suryawan! #SuryawanAyu #SuryawanLagi".as_bytes(),
    );
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["risk"], "violation");
    let cats: Vec<&str> = v["findings"]
        .as_array()
        .map(|a| a.iter().filter_map(|f| f["category"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        cats.contains(&"support") && cats.contains(&"hashtag_slogan"),
        "{cats:?}"
    );
    let tags = |v: &Value| -> Vec<String> {
        v["findings"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|f| f["category"] == "hashtag_slogan")
                    .filter_map(|f| f["text"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    // #SuryawanLagi carries a stance; #SuryawanAyu only names the pair, but in a post that
    // supports the pair it spreads the campaign too.
    assert_eq!(tags(&v), ["#SuryawanAyu", "#SuryawanLagi"]);
    // Under a headline the pair's name hashtag is a mention, worth a look at most.
    let (code, out, err) = scan(
        &["--pack", good.to_str().unwrap_or_default(), "--json"],
        "KPU tetapkan nomor urut paslon Pilkada Contoh, Suryawan-Ayu dapat nomor 1 https://berita.example/a #SuryawanAyu".as_bytes(),
    );
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["risk"], "review", "{out}");
    assert!(tags(&v).is_empty(), "{out}");

    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"id":"x","title":"T","contestants":[{"names":["A"]},{"names":[]}]}"#,
    )
    .expect("write");
    let (code, out, err) = scan(
        &["--pack", bad.to_str().unwrap_or_default(), "--jsonl"],
        b"",
    );
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.contains("contestants[1].names"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1);

    let (code, _, err) = scan(&["--pack", "/nonexistent/pack.json"], b"x");
    assert_eq!(code, Some(2));
    assert!(err.contains("cannot read pack"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_generic_layer_works_without_any_pack() {
    let (code, out, _) = scan(
        &["--no-builtin", "--json"],
        "Ayo coblos paslon nomor 2 di pilkada nanti!".as_bytes(),
    );
    assert_eq!(code, Some(0));
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["risk"], "violation");
    let (_, out, _) = scan(
        &["--no-builtin", "--json"],
        "Prabowo-Gibran untuk Indonesia".as_bytes(),
    );
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["risk"], "safe", "no pack: names are unknown");
}

#[test]
fn plain_report_in_indonesian() {
    let (code, out, _) = scan(&[], "Ayo coblos nomor 2!".as_bytes());
    assert_eq!(code, Some(0));
    assert!(out.contains("Berpotensi melanggar"));
    assert!(out.contains("PP 94/2021 Pasal 5 huruf n"));
    assert!(out.contains("Alternatif netral"));
    let (_, out, _) = scan(&[], "Selamat pagi semua".as_bytes());
    assert!(out.contains("Aman"));
}

#[test]
fn pack_command_lists_what_the_scanner_derives() {
    let dir = std::env::temp_dir().join(format!("ceknetral-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let path = dir.join("pack.json");
    std::fs::write(
        &path,
        r#"{"id": "t", "title": "T", "contestants": [
            {"number": 1, "names": ["I Made Suryawan", "Siti Rahayu"], "aliases": ["Bu Siti"],
             "slogans": ["Kerja Nyata"]}]}"#,
    )
    .expect("write pack");
    let out = Command::new(env!("CARGO_BIN_EXE_ceknetral"))
        .args(["pack", path.to_str().unwrap_or_default(), "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    let terms = report["terms"].as_array().expect("terms");
    let has = |phrase: &str, kind: &str, ambiguous: bool| {
        terms
            .iter()
            .any(|t| t["phrase"] == phrase && t["kind"] == kind && t["ambiguous"] == ambiguous)
    };
    // "Suryawan" is distinctive; "Made" (a Balinese birth-order name) is not a name part at
    // all, and "Rahayu" (an everyday word) neither; "Siti", a common name, counts only in
    // capitals, next to a cue or in an election context.
    assert!(has("suryawan", "name_part", false), "{report}");
    assert!(!terms
        .iter()
        .any(|t| t["phrase"] == "made" || t["phrase"] == "rahayu"));
    assert!(has("siti", "name_part", true));
    assert!(!has("siti", "name_part", false));
    assert!(has("suryawan rahayu", "pair", false));
    // Everyday words and common names count only in an election context.
    assert!(has("bu siti", "alias", true));
    assert!(has("kerja nyata", "slogan", true));

    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"id": "t", "title": "T", "contestants": [{"names": []}]}"#,
    )
    .expect("write pack");
    let out = Command::new(env!("CARGO_BIN_EXE_ceknetral"))
        .args(["pack", bad.to_str().unwrap_or_default()])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("contestants[0].names"));
    let _ = std::fs::remove_dir_all(&dir);
}
