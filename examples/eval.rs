//! Prints the scanner's evaluation: `cargo run --release --example eval [-- --misses]`
//! (`make eval`, `make eval MISSES=1`). `--misses` lists the development posts and the real
//! development rows that were missed or over-flagged; held-out posts are never listed.

#[path = "../tests/support/eval.rs"]
mod eval;

fn main() {
    let misses = std::env::args().any(|a| a == "--misses")
        || std::env::var_os("CEKNETRAL_EVAL_VERBOSE").is_some();
    print!("{}", eval::report(misses));
}
