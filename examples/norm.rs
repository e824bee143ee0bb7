//! Prints the normalised form of each stdin line (a development aid).
use std::io::BufRead;
fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        println!("{}", ceknetral::scanner::normalize::normalize(&line).text());
    }
}
