//! Prints how the scanner reads a post: each unit (a word or a matched phrase) with its
//! classes, then the findings. `echo "text" | cargo run --release --example units`
//! (development aid; loads the national pack and any pack files given as arguments).
use ceknetral::kb::Lang;
use ceknetral::scanner::{
    lexicon::class_names, matcher::Matcher, normalize::normalize, Pack, Scanner,
};
use std::io::Read;

fn main() {
    let mut packs = vec![Pack::national_2024()];
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match Pack::from_json(&text) {
            Ok(p) => packs.push(p),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    let mut input = String::new();
    let _ = std::io::stdin().read_to_string(&mut input);
    let matcher = Matcher::new(&packs);
    let scanner = Scanner::new(packs);
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let norm = normalize(line);
        println!("{line}");
        for u in matcher.units(line, &norm) {
            let words: Vec<&str> = (u.first..=u.last).map(|i| norm.token_text(i)).collect();
            let b = if u.boundary_before { "|" } else { " " };
            println!(
                "  {b} {:<24} {}",
                words.join(" "),
                class_names(u.classes).join(" ")
            );
        }
        for t in scanner.trace(line) {
            println!("  : {t}");
        }
        let r = scanner.scan(line, Lang::Id);
        println!("  => {:?}", r.risk);
        for f in r.findings {
            println!("     {} {:?} {:?}", f.rule, f.severity, f.text);
        }
    }
}
