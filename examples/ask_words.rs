//! Development aid: the words the question box reads from a question, and its reading.
//! `cargo run --example ask_words -- "bolehkah pns like postingan caleg?"`
use ceknetral::checker::ask::{ask, words};
use ceknetral::kb::kb;

fn main() {
    for q in std::env::args().skip(1) {
        println!("{q}\n  words: {:?}", words(&q));
        let r = ask(&q);
        println!("  election: {}", r.election);
        for i in &r.interpretations {
            println!(
                "  {}·{} {:.1} {:?}",
                i.role.map_or("-", |x| kb().role(x).key),
                kb().activity(i.activity).key,
                i.score,
                i.because
            );
        }
    }
}
