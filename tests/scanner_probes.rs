//! Short probes written while building the rules (`tests/data/scanner_probes.txt`):
//! partisan posts in several registers and everyday posts that look electoral.

use ceknetral::kb::Lang;
use ceknetral::scanner::{Risk, Scanner};

#[test]
fn probes_scan_as_expected() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/scanner_probes.txt"
    ))
    .expect("probes");
    let scanner = Scanner::national();
    let mut wrong = Vec::new();
    let mut n = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (want, post) = line.split_once('|').expect("P|text or N|text");
        let r = scanner.scan(post, Lang::Id);
        let ok = match want {
            "P" => r.risk == Risk::Violation,
            "N" => r.risk != Risk::Violation,
            other => panic!("unknown marker {other}"),
        };
        n += 1;
        if !ok {
            wrong.push(format!("{want} {post:?} -> {:?}", r.risk));
        }
    }
    assert!(n >= 80, "{n} probes");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
