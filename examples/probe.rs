//! Scans lines `P|text` (should be flagged as a violation) and `N|text` (should not be a
//! violation) from stdin and prints the ones scanned otherwise: a quick way to try new
//! examples while writing rules. `cargo run --release --example probe < file`
use ceknetral::kb::Lang;
use ceknetral::scanner::{Risk, Scanner};
use std::io::Read;

fn main() {
    let mut input = String::new();
    let _ = std::io::stdin().read_to_string(&mut input);
    let scanner = Scanner::national();
    let (mut ok, mut n) = (0, 0);
    for line in input.lines() {
        let Some((want, text)) = line.split_once('|') else {
            continue;
        };
        let r = scanner.scan(text, Lang::Id);
        let good = match want {
            "P" => r.risk == Risk::Violation,
            _ => r.risk != Risk::Violation,
        };
        n += 1;
        if good {
            ok += 1;
        } else {
            let f: Vec<String> = r
                .findings
                .iter()
                .map(|f| format!("{}:{:?}", f.rule, f.text))
                .collect();
            println!("{want} {:?} -> {:?} {}", text, r.risk, f.join(" "));
        }
    }
    println!("{ok}/{n} as expected");
}
