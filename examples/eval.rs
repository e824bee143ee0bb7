//! Prints the scanner's evaluation: `cargo run --release --example eval`
//! (set CEKNETRAL_EVAL_VERBOSE=1 to list misses and false alarms).

#[path = "../tests/support/eval.rs"]
mod eval;

fn main() {
    print!("{}", eval::report());
}
