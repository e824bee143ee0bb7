//! Prints, for every corpus post, the features the tone model sees, as JSON lines
//! `{"id", "split", "label", "f": [...]}`: the input of `tools/train_tone.py`.
//! `cargo run --release --example tone_features > target/tone-features.jsonl`

#[allow(dead_code)]
#[path = "../tests/support/eval.rs"]
mod eval;

use std::io::Write;

fn main() {
    let scanners = eval::corpus_scanners();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (file, p) in eval::posts() {
        let f = scanners[file].tone_features(&p.text);
        let line = serde_json::json!({"id": p.id, "split": p.split, "label": p.label, "f": f});
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}
