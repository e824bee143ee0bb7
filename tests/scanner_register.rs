//! Posts in the register of real ones (`tests/data/scanner_register.txt`): what the writer
//! does against what the post reports, hashtags by what they say, camps, governing, and
//! calls told rather than made. Each line says the risk the post must get.

use ceknetral::kb::Lang;
use ceknetral::scanner::{Pack, Risk, Scanner};

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scanner(packs: &[String]) -> Scanner {
    let mut all = vec![Pack::national_2024()];
    for p in packs {
        let json = std::fs::read_to_string(root().join(p)).expect("pack file");
        all.push(Pack::from_json(&json).expect("valid pack"));
    }
    Scanner::new(all)
}

#[test]
fn register_lines_scan_as_marked() {
    let text = std::fs::read_to_string(root().join("tests/data/scanner_register.txt"))
        .expect("tests/data/scanner_register.txt");
    let mut current = scanner(&[]);
    let mut wrong = Vec::new();
    let mut n = 0;
    for (no, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("@pack") {
            let packs: Vec<String> = rest.split_whitespace().map(String::from).collect();
            current = scanner(&packs);
            continue;
        }
        let (mark, post) = line
            .split_once('|')
            .unwrap_or_else(|| panic!("line {}: MARK|text", no + 1));
        let r = current.scan(post, Lang::Id);
        let ok = match mark {
            "V" => r.risk == Risk::Violation,
            "R" => r.risk == Risk::Review,
            "S" => r.risk == Risk::Safe,
            "N" => r.risk != Risk::Violation,
            "F" => r.risk != Risk::Safe,
            other => panic!("line {}: unknown mark {other}", no + 1),
        };
        n += 1;
        if !ok {
            let found: Vec<_> = r
                .findings
                .iter()
                .map(|f| (f.rule, f.text.as_str()))
                .collect();
            wrong.push(format!(
                "line {}: {mark} {post:?} -> {:?} {found:?}",
                no + 1,
                r.risk
            ));
        }
    }
    assert!(n >= 40, "{n} lines");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
