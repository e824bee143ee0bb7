//! Speed of the scanner, printed: `cargo run --release --example bench`.
//! A benchmark, not a test: it reports figures and checks nothing.

use ceknetral::kb::Lang;
use ceknetral::scanner::{normalize::normalize, Pack, Scanner};
use std::time::{Duration, Instant};

/// A dense post: seven findings per 1,000 characters.
const PARAGRAPH: &str =
    "Selamat pagi Bapak Ibu guru dan staf, hari ini rapat koordinasi di aula jam 9. \
Jangan lupa bawa laporan bulanan ya 🙏 Semoga cepat sembuh Bu Kepsek, aamiin. Juara 2 lomba lari \
kemarin dapat piala, bangga sekali! Ayo c0bl0s nomerrr 2️⃣ ☝️ Prabowo-Gibran untuk Indonesia maju \
#PemiluDamai. Info dari KPU: cek DPT di situs resmi sebelum 14 Februari, jangan golput ya gaes. ";

/// The browser benchmark's post (tools/bench-web.mjs): partisan sentences back to back,
/// about 25 findings per 1,000 characters.
const BROWSER_SENTENCES: [&str; 6] = [
    "Ayo coblos nomor 2 pada 14 Februari!",
    "Prabowo-Gibran untuk Indonesia maju, lanjutkan!",
    "Teman-teman kantor, jangan lupa dukung paslon 02 ya.",
    "Kami guru honorer siap memenangkan nomor 2.",
    "Pilih yang sudah terbukti bekerja untuk rakyat.",
    "Salam dua jari dari kami semua di dinas.",
];

/// Everyday text with nothing to flag.
const EVERYDAY: &str =
    "Selamat pagi Bapak Ibu guru dan staf, hari ini rapat koordinasi di aula jam 9. \
Jangan lupa bawa laporan bulanan ya 🙏 Semoga cepat sembuh Bu Kepsek, aamiin. Juara 2 lomba lari \
kemarin dapat piala, bangga sekali! Info dari KPU: cek DPT di situs resmi, jangan golput ya gaes. ";

fn repeat(paragraph: &str, chars: usize) -> String {
    let mut s = String::new();
    while s.chars().count() < chars {
        s.push_str(paragraph);
    }
    s.chars().take(chars).collect()
}

fn post(chars: usize) -> String {
    repeat(PARAGRAPH, chars)
}

/// Runs `f` until `budget` has passed; returns per-call times.
fn time<F: FnMut()>(mut f: F, budget: Duration) -> Vec<Duration> {
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || times.len() < 20 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort_unstable();
    times
}

fn report(name: &str, times: &[Duration]) {
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    println!(
        "{name:<48} median {:>10.1} µs   p95 {:>10.1} µs   ({} runs)",
        median.as_secs_f64() * 1e6,
        p95.as_secs_f64() * 1e6,
        times.len()
    );
}

fn main() {
    let contoh = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/pack-contoh.json"
    ))
    .unwrap_or_default();
    let regional = Pack::from_json(&contoh).ok();
    let national = Pack::national_2024();
    let scanner = Scanner::national();
    let budget = Duration::from_millis(1500);

    let p2k = post(2_000);
    let p100k = post(100_000);
    report(
        "normalise 2,000 characters",
        &time(|| drop(normalize(&p2k)), budget),
    );
    report(
        "scan 2,000 characters (national pack)",
        &time(|| drop(scanner.scan(&p2k, Lang::Id)), budget),
    );
    let browser = repeat(&(BROWSER_SENTENCES.join(" ") + " "), 2_000);
    report(
        "scan 2,000 characters (browser benchmark's post)",
        &time(|| drop(scanner.scan(&browser, Lang::Id)), budget),
    );
    let everyday = repeat(EVERYDAY, 2_000);
    report(
        "scan 2,000 characters of everyday text",
        &time(|| drop(scanner.scan(&everyday, Lang::Id)), budget),
    );
    report(
        "scan 100,000 characters (national pack)",
        &time(|| drop(scanner.scan(&p100k, Lang::Id)), budget),
    );
    let packs: Vec<Pack> = std::iter::once(national).chain(regional).collect();
    report(
        &format!(
            "compile matcher ({} packs: national + regional)",
            packs.len()
        ),
        &time(|| drop(Scanner::new(packs.clone())), budget),
    );
    report(
        "compile matcher (no pack)",
        &time(|| drop(Scanner::new(Vec::new())), budget),
    );
}
