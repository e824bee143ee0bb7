//! Any input gives a result without panicking; every span is in bounds, on character
//! boundaries, never splits a surrogate pair, and its `text` equals the slice of the
//! original (by bytes and by UTF-16 code units, as JavaScript slices).

use ceknetral::kb::Lang;
use ceknetral::scanner::{normalize::normalize, Scanner};
use proptest::prelude::*;
use std::sync::OnceLock;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(Scanner::national)
}

fn check_spans(text: &str) {
    let r = scanner().scan(text, Lang::Id);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for f in &r.findings {
        assert!(f.bytes.start <= f.bytes.end && f.bytes.end <= text.len());
        assert!(text.is_char_boundary(f.bytes.start) && text.is_char_boundary(f.bytes.end));
        assert_eq!(&text[f.bytes.clone()], f.text);
        assert!(f.start < f.end, "empty span for {:?}", f.text);
        assert!(f.end <= utf16.len());
        let slice = String::from_utf16(&utf16[f.start..f.end]).expect("no split surrogate pair");
        assert_eq!(slice, f.text);
    }
    let n = normalize(text);
    let mut prev_end = 0;
    for t in n.tokens() {
        assert!(t.orig.start < t.orig.end, "empty token range");
        assert!(t.orig.start >= prev_end, "overlapping tokens");
        assert!(text.is_char_boundary(t.orig.start) && text.is_char_boundary(t.orig.end));
        assert!(n.text().is_char_boundary(t.norm.start) && n.text().is_char_boundary(t.norm.end));
        prev_end = t.orig.end;
    }
}

/// Pieces that exercise the normaliser and the rules.
const PIECES: &[&str] = &[
    "coblos",
    "nomor",
    "2",
    "02",
    "0️⃣2️⃣",
    "☝️",
    "✌🏽",
    "🤟",
    "Prabowo",
    "Gibran",
    "AMIN",
    "amin",
    "#PrabowoGibran",
    "@ganjar",
    "\u{200B}",
    "\u{202E}",
    "\u{FE0F}",
    "\u{20E3}",
    "𝐏𝐫𝐚𝐛𝐨𝐰𝐨",
    "Ｇａｎｊａｒ",
    "Аnies",
    "c0bl0s",
    "P r a b o w o",
    "C.O.B.L.O.S",
    "pilihhhh",
    "no.",
    "Rp50.000",
    "serangan fajar",
    "KTP",
    "mobil dinas",
    "kampanye akbar",
    "relawan",
    "paslon",
    "e\u{301}",
    " ",
    ".",
    "!",
    "\n",
    "🇮🇩",
    "👨‍👩‍👧",
    "ß",
    "İ",
    "ǅ",
    "\u{10FFFF}",
    "\u{FFFD}",
    "-",
    "_",
    "#",
    "@",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn random_unicode_never_panics(text in "\\PC{0,200}") {
        check_spans(&text);
    }

    #[test]
    fn any_chars_never_panic(chars in proptest::collection::vec(any::<char>(), 0..120)) {
        let text: String = chars.into_iter().collect();
        check_spans(&text);
    }

    #[test]
    fn tricky_mixtures(idx in proptest::collection::vec(0..PIECES.len(), 0..40), sep in 0..3usize) {
        let glue = [" ", "", "\u{200B}"][sep];
        let text: String = idx.iter().map(|i| PIECES[*i]).collect::<Vec<_>>().join(glue);
        check_spans(&text);
    }
}

#[test]
fn lone_surrogates_from_javascript_become_replacement_characters() {
    // JavaScript strings may hold lone surrogates; the web layer converts them lossily
    // (one U+FFFD per lone surrogate, one UTF-16 unit each), so offsets stay aligned.
    let js: Vec<u16> = "Ayo coblos nomor 2 "
        .encode_utf16()
        .chain([0xD800])
        .chain(" Prabowo-Gibran menang".encode_utf16())
        .collect();
    let text = String::from_utf16_lossy(&js);
    assert_eq!(text.encode_utf16().count(), js.len());
    check_spans(&text);
    let r = scanner().scan(&text, Lang::Id);
    let f = r
        .findings
        .iter()
        .find(|f| f.text == "coblos nomor 2")
        .expect("finding");
    assert_eq!(
        String::from_utf16_lossy(&js[f.start..f.end]),
        "coblos nomor 2"
    );
}

#[test]
fn a_megabyte_of_text() {
    let unit =
        "Ayo coblos nomor 2 ☝️ Prabowo-Gibran! Semoga cepat sembuh, amin. 𝐀𝐌𝐈𝐍 #GantiPresiden ";
    let text = unit.repeat(1024 * 1024 / unit.len() + 1);
    assert!(text.len() > 1024 * 1024);
    check_spans(&text);
    let r = scanner().scan(&text, Lang::Id);
    assert!(r.findings.len() > 1000);
}

#[test]
fn emoji_before_a_finding_shifts_utf16_not_bytes() {
    let text = "🔥🔥 coblos nomor 2";
    let r = scanner().scan(text, Lang::Id);
    let f = &r.findings[0];
    assert_eq!(f.text, "coblos nomor 2");
    assert_eq!((f.start, f.end), (5, 19));
    assert_eq!(f.bytes, 9..23);
}
