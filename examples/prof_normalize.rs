//! A fixed amount of work for profilers (`valgrind --tool=callgrind`): normalises and scans
//! a 2,000-character post 200 times.
use ceknetral::kb::Lang;
use ceknetral::scanner::{normalize::normalize, Scanner};

fn main() {
    let para = if std::env::args().any(|a| a == "--everyday") {
        "Selamat pagi Bapak Ibu guru dan staf, hari ini rapat koordinasi di aula jam 9. Jangan lupa bawa laporan bulanan ya 🙏 Semoga cepat sembuh Bu Kepsek, aamiin. Juara 2 lomba lari kemarin dapat piala, bangga sekali! Info dari KPU: cek DPT di situs resmi, jangan golput ya gaes. "
    } else {
        "Selamat pagi Bapak Ibu guru dan staf, hari ini rapat koordinasi di aula jam 9. Jangan lupa bawa laporan bulanan ya 🙏 Semoga cepat sembuh Bu Kepsek, aamiin. Juara 2 lomba lari kemarin dapat piala, bangga sekali! Ayo c0bl0s nomerrr 2️⃣ ☝️ Prabowo-Gibran untuk Indonesia maju #PemiluDamai. "
    };
    let text: String = para.repeat(10).chars().take(2000).collect();
    let scanner = Scanner::national();
    let mut n = 0;
    for _ in 0..200 {
        if std::env::args().any(|a| a == "--normalize") {
            n += normalize(&text).tokens().len();
        } else {
            n += scanner.scan(&text, Lang::Id).findings.len();
        }
    }
    println!("{n}");
}
