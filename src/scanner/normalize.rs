//! Normalisation of a post into comparable tokens, with a map back to the original text.
//!
//! One left-to-right pass, linear in the length of the text. What it undoes:
//! - case, diacritics, full-width and styled letters (𝐏𝐫𝐚𝐛𝐨𝐰𝐨, Ｐｒａｂｏｗｏ, Ⓐ), superscripts;
//! - zero-width and other invisible characters, variation selectors, skin tones;
//! - Cyrillic and Greek look-alike letters (Аnies with a Cyrillic А);
//! - leetspeak inside words (c0bl0s, pr4b0w0) while real numbers stay numbers (02, 2024);
//! - elongation: every run of one letter becomes one letter (pilihhhh, nomerrr, and also
//!   maaf → maf: lexicon entries go through the same function, so matching stays exact);
//! - letters spread out with spaces or dots (P r a b o w o, C.O.B.L.O.S);
//! - emoji keycaps (0️⃣2️⃣ → 2) and finger emoji (☝️ → `jari1`, ✌️ → `jari2`);
//! - number words (satu, dua, tiga ...; siji, hiji, telu ...) and `no.`, `nmr`, `nomer`
//!   before a number (→ `nomor`); a number of up to three digits loses its leading zeros.
//!
//! ```
//! use ceknetral::scanner::normalize::normalize;
//! let n = normalize("Ayo c0bl0s nomerrr 2️⃣!!");
//! assert_eq!(n.text(), "ayo coblos nomor 2");
//! let t = &n.tokens()[1];
//! assert_eq!(&"Ayo c0bl0s nomerrr 2️⃣!!"[t.orig.clone()], "c0bl0s");
//! ```

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Hashtag,
    Mention,
    /// A finger emoji: the text is `jari1`, `jari2`, `jari3` or `jari5`.
    Symbol,
}

/// Casing of the token's original letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caps {
    Lower,
    Title,
    Upper,
    Mixed,
    None,
}

/// How the token was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Plain,
    Leet,
    /// Letters spread out (`P r a b o w o`).
    Spread,
    Keycap,
    Finger,
    NumberWord,
    /// Look-alike letters, invisible characters or styled letters were removed.
    Obfuscated,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in [`Normalized::text`].
    pub norm: Range<usize>,
    /// Byte range in the original text: from the start of its first character to the end of
    /// its last one. Never splits a character.
    pub orig: Range<usize>,
    pub kind: TokenKind,
    pub caps: Caps,
    pub source: Source,
    /// A sentence boundary (`.`, `!`, `?`, `;`, a line break) lies between the previous
    /// token and this one.
    pub boundary_before: bool,
    /// A number written with a leading zero (`02`, `0️⃣2️⃣`), the way ballot numbers are.
    pub leading_zero: bool,
}

/// A normalised text: tokens separated by single spaces, each mapped to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    tokens: Vec<Token>,
}

impl Normalized {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The normalised text of token `i` (empty when out of range).
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.norm.clone()))
            .unwrap_or("")
    }

    /// The smallest original byte range covering tokens `first..=last` (clamped).
    pub fn original_range_of_tokens(&self, first: usize, last: usize) -> Range<usize> {
        let (Some(a), Some(b)) = (
            self.tokens.get(first.min(last)),
            self.tokens.get(last.max(first)),
        ) else {
            return 0..0;
        };
        a.orig.start..b.orig.end
    }

    /// Maps a byte range of the normalised text to the smallest original range covering the
    /// tokens it touches. Out-of-range or empty input gives an empty range; never panics.
    pub fn original_range(&self, norm: Range<usize>) -> Range<usize> {
        let touched: Vec<usize> = self
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.norm.start < norm.end && norm.start < t.norm.end)
            .map(|(i, _)| i)
            .collect();
        match (touched.first(), touched.last()) {
            (Some(a), Some(b)) => self.original_range_of_tokens(*a, *b),
            _ => 0..0,
        }
    }
}

/// A character after folding, with where it came from.
#[derive(Clone, Copy)]
struct Ch {
    c: Folded,
    start: usize,
    end: usize,
    upper: bool,
    obfuscated: bool,
    keycap: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Folded {
    /// ASCII lowercase letter or digit, `#`, `@`, `$`.
    Char(u8),
    /// A finger emoji standing for a number of fingers.
    Finger(u8),
    /// A break between tokens: the character if it is ASCII punctuation or space, and
    /// whether it ends a sentence.
    Sep { ch: u8, sentence: bool },
    /// Dropped without breaking the token (zero-width and other invisible characters).
    Invisible,
}

fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064
        | 0x2066..=0x2069 | 0xFEFF | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn finger(c: char) -> Option<u8> {
    match c as u32 {
        0x261D | 0x1F446 => Some(1),
        0x270C => Some(2),
        0x1F91F | 0x1F918 | 0x1F44C => Some(3),
        0x270B | 0x1F590 => Some(5),
        _ => None,
    }
}

/// Latin-1 Supplement and Latin Extended-A letters without their diacritics.
const LATIN_1: &[u8; 64] = b"aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
const LATIN_EXT_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Folds one character: (ASCII byte, was upper case, was obfuscated).
fn fold(c: char) -> Option<(u8, bool, bool)> {
    let u = c as u32;
    let r = match u {
        0x30..=0x39 | 0x61..=0x7A | 0x23 | 0x40 | 0x24 => (u as u8, false, false),
        0x41..=0x5A => (u as u8 + 32, true, false),
        0xC0..=0xFF => {
            let b = LATIN_1[(u - 0xC0) as usize];
            if !b.is_ascii_lowercase() {
                return None;
            }
            (b, u < 0xE0, false)
        }
        0x100..=0x17F => (LATIN_EXT_A[(u - 0x100) as usize], u % 2 == 0, false),
        // Full-width forms.
        0xFF10..=0xFF19 => ((u - 0xFF10) as u8 + b'0', false, true),
        0xFF21..=0xFF3A => ((u - 0xFF21) as u8 + b'a', true, true),
        0xFF41..=0xFF5A => ((u - 0xFF41) as u8 + b'a', false, true),
        0xFF03 => (b'#', false, true),
        0xFF20 => (b'@', false, true),
        // Mathematical alphanumeric symbols: 13 styles of A-Z a-z, then digits.
        0x1D400..=0x1D6A3 => {
            let k = ((u - 0x1D400) % 52) as u8;
            if k < 26 {
                (b'a' + k, true, true)
            } else {
                (b'a' + k - 26, false, true)
            }
        }
        0x1D7CE..=0x1D7FF => (b'0' + ((u - 0x1D7CE) % 10) as u8, false, true),
        // Circled, squared and negative squared letters.
        0x24B6..=0x24CF => ((u - 0x24B6) as u8 + b'a', true, true),
        0x24D0..=0x24E9 => ((u - 0x24D0) as u8 + b'a', false, true),
        0x1F130..=0x1F149 => ((u - 0x1F130) as u8 + b'a', true, true),
        0x1F150..=0x1F169 => ((u - 0x1F150) as u8 + b'a', true, true),
        0x1F170..=0x1F189 => ((u - 0x1F170) as u8 + b'a', true, true),
        // Superscript and subscript digits.
        0x2070 => (b'0', false, true),
        0xB9 => (b'1', false, true),
        0xB2 => (b'2', false, true),
        0xB3 => (b'3', false, true),
        0x2074..=0x2079 => ((u - 0x2070) as u8 + b'0', false, true),
        0x2080..=0x2089 => ((u - 0x2080) as u8 + b'0', false, true),
        _ => match homoglyph(c) {
            Some((b, up)) => (b, up, true),
            None => match letterlike(c) {
                Some(b) => (b, false, true),
                None => return None,
            },
        },
    };
    Some(r)
}

/// Cyrillic and Greek letters that look like Latin ones.
fn homoglyph(c: char) -> Option<(u8, bool)> {
    let r = match c {
        'а' => (b'a', false),
        'в' => (b'b', false),
        'е' | 'ё' => (b'e', false),
        'к' => (b'k', false),
        'м' => (b'm', false),
        'н' | 'һ' => (b'h', false),
        'о' => (b'o', false),
        'р' => (b'p', false),
        'с' => (b'c', false),
        'т' => (b't', false),
        'у' => (b'y', false),
        'х' => (b'x', false),
        'і' => (b'i', false),
        'ј' => (b'j', false),
        'ѕ' => (b's', false),
        'ԁ' => (b'd', false),
        'А' => (b'a', true),
        'В' => (b'b', true),
        'Е' => (b'e', true),
        'К' => (b'k', true),
        'М' => (b'm', true),
        'Н' => (b'h', true),
        'О' => (b'o', true),
        'Р' => (b'p', true),
        'С' => (b'c', true),
        'Т' => (b't', true),
        'У' => (b'y', true),
        'Х' => (b'x', true),
        'І' => (b'i', true),
        'Ј' => (b'j', true),
        'Ѕ' => (b's', true),
        'α' => (b'a', false),
        'ε' => (b'e', false),
        'ι' => (b'i', false),
        'κ' => (b'k', false),
        'ν' => (b'v', false),
        'ο' => (b'o', false),
        'ρ' => (b'p', false),
        'τ' => (b't', false),
        'υ' => (b'u', false),
        'χ' => (b'x', false),
        'Α' => (b'a', true),
        'Β' => (b'b', true),
        'Ε' => (b'e', true),
        'Ζ' => (b'z', true),
        'Η' => (b'h', true),
        'Ι' => (b'i', true),
        'Κ' => (b'k', true),
        'Μ' => (b'm', true),
        'Ν' => (b'n', true),
        'Ο' => (b'o', true),
        'Ρ' => (b'p', true),
        'Τ' => (b't', true),
        'Υ' => (b'y', true),
        'Χ' => (b'x', true),
        _ => return None,
    };
    Some(r)
}

/// Letterlike symbols used in "fancy text" generators.
fn letterlike(c: char) -> Option<u8> {
    let b = match c {
        'ℂ' => b'c',
        'ℊ' => b'g',
        'ℋ' | 'ℌ' | 'ℍ' | 'ℎ' => b'h',
        'ℐ' | 'ℑ' => b'i',
        'ℒ' | 'ℓ' => b'l',
        'ℕ' => b'n',
        'ℙ' => b'p',
        'ℚ' => b'q',
        'ℛ' | 'ℜ' | 'ℝ' => b'r',
        'ℤ' | 'ℨ' => b'z',
        'ℬ' => b'b',
        'ℯ' | 'ℰ' => b'e',
        'ℱ' => b'f',
        'ℳ' => b'm',
        'ℴ' => b'o',
        'ℭ' => b'c',
        _ => return None,
    };
    Some(b)
}

/// First pass: folds every character, lazily (no buffer of the whole text).
fn fold_all(text: &str) -> impl Iterator<Item = Ch> + '_ {
    let mut it = text.char_indices().peekable();
    let mut pending: Option<Ch> = None;
    std::iter::from_fn(move || {
        if let Some(p) = pending.take() {
            return Some(p);
        }
        let (i, c) = it.next()?;
        Some(fold_one(&mut it, &mut pending, i, c))
    })
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn fold_one(it: &mut Chars<'_>, pending: &mut Option<Ch>, i: usize, c: char) -> Ch {
    let mk =
        |c: Folded, start: usize, end: usize, upper: bool, obfuscated: bool, keycap: bool| Ch {
            c,
            start,
            end,
            upper,
            obfuscated,
            keycap,
        };
    {
        let end = i + c.len_utf8();
        // Keycap: digit, optional U+FE0F, U+20E3.
        if c.is_ascii_digit() {
            let mut look = it.clone();
            let mut j = end;
            if let Some((_, '\u{FE0F}')) = look.peek() {
                look.next();
                j += 3;
            }
            if let Some((_, '\u{20E3}')) = look.peek() {
                look.next();
                *it = look;
                return mk(Folded::Char(c as u8), i, j + 3, false, false, true);
            }
        }
        if c == '\u{1F51F}' {
            // 🔟
            *pending = Some(mk(Folded::Char(b'0'), i, end, false, false, true));
            return mk(Folded::Char(b'1'), i, end, false, false, true);
        }
        // ASCII first: most of any post.
        if c.is_ascii() {
            let b = c as u8;
            let (folded, upper) = match b {
                b'a'..=b'z' | b'0'..=b'9' | b'#' | b'@' | b'$' => (Folded::Char(b), false),
                b'A'..=b'Z' => (Folded::Char(b + 32), true),
                _ => (
                    Folded::Sep {
                        ch: b,
                        sentence: matches!(b, b'.' | b'!' | b'?' | b';' | b'\n' | b'\r'),
                    },
                    false,
                ),
            };
            if !(b.is_ascii_digit()) {
                return mk(folded, i, end, upper, false, false);
            }
        }
        let (folded, upper, obfuscated) = if is_invisible(c) {
            (Folded::Invisible, false, true)
        } else if let Some(n) = finger(c) {
            (Folded::Finger(n), false, false)
        } else if let Some((b, up, ob)) = fold(c) {
            (Folded::Char(b), up, ob)
        } else {
            let sentence = matches!(c, '.' | '!' | '?' | ';' | '\n' | '\r' | '。' | '！' | '？');
            let ch = if c.is_ascii() { c as u8 } else { 0 };
            (Folded::Sep { ch, sentence }, false, false)
        };
        mk(folded, i, end, upper, obfuscated, false)
    }
}

/// A token before the final clean-up; its bytes live in [`Bufs`].
#[derive(Clone, Copy)]
struct Raw {
    /// Range of its folded bytes in `Bufs::bytes` (and of their origins in `Bufs::offs`).
    b0: usize,
    b1: usize,
    start: usize,
    end: usize,
    kind: TokenKind,
    uppers: u32,
    lowers: u32,
    first_upper: bool,
    obfuscated: bool,
    keycap: bool,
    spread: bool,
    boundary_before: bool,
    /// The separator before this token when it was exactly one ASCII character.
    gap: Option<u8>,
}

/// Shared buffers, so that tokens do not allocate one by one.
#[derive(Default)]
struct Bufs {
    /// Folded ASCII bytes of all raw tokens (without the leading `#` or `@`).
    bytes: Vec<u8>,
    /// For each byte: the original range of the character it came from.
    offs: Vec<(usize, usize)>,
    /// Texts of the finished pieces (ASCII).
    arena: Vec<u8>,
    /// Scratch space for one word.
    word: Vec<u8>,
}

impl Raw {
    fn new(ch: &Ch, kind: TokenKind, at: usize, boundary_before: bool, gap: Option<u8>) -> Raw {
        Raw {
            b0: at,
            b1: at,
            start: ch.start,
            end: ch.end,
            kind,
            uppers: 0,
            lowers: 0,
            first_upper: ch.upper,
            obfuscated: ch.obfuscated,
            keycap: ch.keycap,
            spread: false,
            boundary_before,
            gap,
        }
    }

    fn len(&self) -> usize {
        self.b1 - self.b0
    }

    fn is_single_letter(&self, bufs: &Bufs) -> bool {
        self.kind == TokenKind::Word && self.len() == 1 && bufs.bytes[self.b0].is_ascii_lowercase()
    }
}

fn tokenize(chars: impl Iterator<Item = Ch>, bufs: &mut Bufs) -> Vec<Raw> {
    let mut raws: Vec<Raw> = Vec::with_capacity(bufs.bytes.capacity() / 4 + 1);
    let mut cur: Option<Raw> = None;
    let mut boundary = false;
    let mut gap_len = 0usize;
    let mut gap_ch = 0u8;
    fn flush(raws: &mut Vec<Raw>, cur: &mut Option<Raw>) {
        if let Some(r) = cur.take() {
            if r.len() > 0 {
                raws.push(r);
            }
        }
    }
    for ch in chars {
        let ch = &ch;
        match ch.c {
            Folded::Invisible => {
                if let Some(r) = cur.as_mut() {
                    r.obfuscated = true;
                    r.end = ch.end;
                }
            }
            Folded::Sep { ch: b'_', .. }
                if cur
                    .as_ref()
                    .is_some_and(|r| matches!(r.kind, TokenKind::Hashtag | TokenKind::Mention)) => {
            }
            Folded::Sep { ch: c, sentence } => {
                flush(&mut raws, &mut cur);
                boundary |= sentence;
                gap_len += 1;
                gap_ch = c;
            }
            Folded::Finger(n) => {
                flush(&mut raws, &mut cur);
                let gap = (gap_len == 1).then_some(gap_ch);
                let mut r = Raw::new(ch, TokenKind::Symbol, bufs.bytes.len(), boundary, gap);
                bufs.bytes
                    .extend_from_slice(&[b'j', b'a', b'r', b'i', b'0' + n]);
                bufs.offs.extend_from_slice(&[(ch.start, ch.end); 5]);
                r.b1 = bufs.bytes.len();
                raws.push(r);
                boundary = false;
                gap_len = 0;
            }
            Folded::Char(b) => {
                let joins = cur.as_ref().is_some_and(|r| {
                    r.keycap == ch.keycap && b != b'#' && !(b == b'@' && r.kind != TokenKind::Word)
                });
                if !joins {
                    flush(&mut raws, &mut cur);
                    let kind = match b {
                        b'#' => TokenKind::Hashtag,
                        b'@' => TokenKind::Mention,
                        _ => TokenKind::Word,
                    };
                    let gap = (gap_len == 1).then_some(gap_ch);
                    cur = Some(Raw::new(ch, kind, bufs.bytes.len(), boundary, gap));
                    boundary = false;
                    gap_len = 0;
                    if kind != TokenKind::Word {
                        continue;
                    }
                }
                if let Some(r) = cur.as_mut() {
                    bufs.bytes.push(b);
                    bufs.offs.push((ch.start, ch.end));
                    r.b1 = bufs.bytes.len();
                    r.end = ch.end;
                    if b.is_ascii_lowercase() {
                        if ch.upper {
                            r.uppers += 1;
                        } else {
                            r.lowers += 1;
                        }
                    }
                    r.obfuscated |= ch.obfuscated;
                }
            }
        }
    }
    flush(&mut raws, &mut cur);
    raws
}

/// `P r a b o w o` and `C.O.B.L.O.S` (three or more single letters, one separator apart)
/// become one word. Their bytes are adjacent in the buffer, so a merge is a wider range.
fn join_spread(raws: Vec<Raw>, bufs: &Bufs) -> Vec<Raw> {
    let spread_gap = |g: Option<u8>| matches!(g, Some(b' ' | b'.' | b'-' | b'_' | b'*'));
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    let mut i = 0;
    while i < raws.len() {
        let mut j = i + 1;
        if raws[i].is_single_letter(bufs) {
            while j < raws.len()
                && raws[j].is_single_letter(bufs)
                && spread_gap(raws[j].gap)
                && raws[j].b0 == raws[j - 1].b1
                && !(raws[j].boundary_before && raws[j].gap != Some(b'.'))
            {
                j += 1;
            }
        }
        if j - i >= 3 {
            let mut merged = raws[i];
            for r in &raws[i + 1..j] {
                merged.b1 = r.b1;
                merged.uppers += r.uppers;
                merged.lowers += r.lowers;
                merged.end = r.end;
            }
            merged.spread = true;
            out.push(merged);
            i = j;
        } else {
            out.push(raws[i]);
            i += 1;
        }
    }
    out
}

fn leet(b: u8) -> Option<u8> {
    match b {
        b'0' => Some(b'o'),
        b'1' => Some(b'i'),
        b'3' => Some(b'e'),
        b'4' => Some(b'a'),
        b'5' => Some(b's'),
        b'7' => Some(b't'),
        b'8' => Some(b'b'),
        b'@' => Some(b'a'),
        b'$' => Some(b's'),
        _ => None,
    }
}

fn number_word(w: &[u8]) -> Option<&'static str> {
    // Most words are not number words: rule them out before comparing.
    if !(3..=9).contains(&w.len())
        || !matches!(
            w[0],
            b'b' | b'd'
                | b'e'
                | b'g'
                | b'h'
                | b'k'
                | b'l'
                | b'n'
                | b'o'
                | b'p'
                | b's'
                | b't'
                | b'w'
        )
    {
        return None;
    }
    Some(match w {
        b"nol" | b"kosong" => "0",
        b"satu" | b"siji" | b"hiji" | b"besik" | b"setunggal" => "1",
        b"dua" | b"loro" | b"kalih" => "2",
        b"tiga" | b"telu" | b"tilu" | b"tigo" => "3",
        b"empat" | b"papat" | b"opat" | b"sekawan" => "4",
        b"lima" | b"limo" | b"gangsal" => "5",
        b"enam" | b"enem" | b"genep" => "6",
        b"tujuh" | b"pitu" | b"tujuah" => "7",
        b"delapan" | b"wolu" | b"dalapan" => "8",
        b"sembilan" | b"sanga" | b"salapan" => "9",
        b"sepuluh" | b"sepuloh" => "10",
        _ => return None,
    })
}

fn is_number_prefix(w: &[u8]) -> bool {
    if w.first() != Some(&b'n') {
        return false;
    }
    matches!(
        w,
        b"no" | b"nmr" | b"nomer" | b"nomr" | b"nmor" | b"nomor" | b"nomber" | b"number" | b"num"
    )
}

/// Collapses runs of one letter to a single letter.
fn collapse(w: &mut Vec<u8>) {
    w.dedup_by(|a, b| a == b && a.is_ascii_lowercase());
}

/// Normalises a text. Never panics; linear in the length of the text.
pub fn normalize(text: &str) -> Normalized {
    let chars = fold_all(text);
    let mut bufs = Bufs {
        bytes: Vec::with_capacity(text.len()),
        offs: Vec::with_capacity(text.len()),
        arena: Vec::with_capacity(text.len() + 16),
        word: Vec::with_capacity(64),
    };
    let raws = join_spread(tokenize(chars, &mut bufs), &bufs);
    let mut pieces: Vec<Piece> = Vec::with_capacity(raws.len() + 8);
    for r in &raws {
        split_raw(r, &mut bufs, &mut pieces);
    }
    merge_numbers(&mut pieces, &mut bufs);
    let mut bytes: Vec<u8> = Vec::with_capacity(text.len());
    let mut tokens = Vec::with_capacity(pieces.len());
    for p in pieces.iter().filter(|p| p.alive) {
        let piece_text = bufs.arena.get(p.text.clone()).unwrap_or(&[]);
        if piece_text.is_empty() {
            continue;
        }
        if !bytes.is_empty() {
            bytes.push(b' ');
        }
        let start = bytes.len();
        bytes.extend_from_slice(piece_text);
        tokens.push(Token {
            norm: start..bytes.len(),
            orig: p.start..p.end,
            kind: p.kind,
            caps: p.caps,
            source: p.source,
            boundary_before: p.boundary_before,
            leading_zero: p.leading_zero,
        });
    }
    // The arena holds ASCII only, so this cannot fail; an empty result is the safe fallback.
    match String::from_utf8(bytes) {
        Ok(text) => Normalized { text, tokens },
        Err(_) => Normalized::default(),
    }
}

/// A finished token before it is written out.
struct Piece {
    /// Range of its text in `Bufs::arena`.
    text: Range<usize>,
    start: usize,
    end: usize,
    kind: TokenKind,
    caps: Caps,
    source: Source,
    boundary_before: bool,
    gap: Option<u8>,
    /// Written with a leading zero (`02`).
    leading_zero: bool,
    /// For numbers: the digits as written, in `Bufs::arena`.
    digits: Range<usize>,
    alive: bool,
}

fn caps_of(r: &Raw) -> Caps {
    match (r.uppers, r.lowers) {
        (0, 0) => Caps::None,
        (0, _) => Caps::Lower,
        (u, 0) if u >= 2 => Caps::Upper,
        (1, 0) => Caps::Title,
        (1, _) if r.first_upper => Caps::Title,
        _ => Caps::Mixed,
    }
}

fn base_source(r: &Raw) -> Source {
    if r.keycap {
        Source::Keycap
    } else if r.spread {
        Source::Spread
    } else if r.obfuscated {
        Source::Obfuscated
    } else {
        Source::Plain
    }
}

/// Writes a number (its digits from `digits`) into the arena: returns (text, digits as
/// written, leading zero). A number of up to three digits loses its leading zeros.
fn push_number(arena: &mut Vec<u8>, digits: &[u8]) -> (Range<usize>, Range<usize>, bool) {
    let d0 = arena.len();
    arena.extend_from_slice(digits);
    let d1 = arena.len();
    let lz = digits.len() > 1 && digits.len() <= 3 && digits[0] == b'0';
    if lz {
        let t0 = arena.len();
        let trimmed: &[u8] = {
            let k = digits
                .iter()
                .position(|b| *b != b'0')
                .unwrap_or(digits.len() - 1);
            &digits[k..]
        };
        arena.extend_from_slice(trimmed);
        (t0..arena.len(), d0..d1, true)
    } else {
        (d0..d1, d0..d1, false)
    }
}

/// Splits a raw token into words and numbers, undoing leetspeak and elongation.
fn split_raw(r: &Raw, bufs: &mut Bufs, out: &mut Vec<Piece>) {
    let caps = caps_of(r);
    let source = base_source(r);
    let b0 = r.b0;
    let piece = |text: Range<usize>, kind: TokenKind, source: Source, first: bool| Piece {
        text: text.clone(),
        start: r.start,
        end: r.end,
        kind,
        caps,
        source,
        boundary_before: first && r.boundary_before,
        gap: if first { r.gap } else { None },
        leading_zero: false,
        digits: text,
        alive: true,
    };
    let Bufs {
        bytes,
        offs,
        arena,
        word,
    } = bufs;
    let b = &bytes[r.b0..r.b1];
    // The original range of bytes `x..=y` of this raw token.
    let range = |x: usize, y: usize| -> (usize, usize) {
        match (offs.get(b0 + x), offs.get(b0 + y)) {
            (Some(p), Some(q)) => (p.0, q.1),
            _ => (r.start, r.end),
        }
    };
    match r.kind {
        TokenKind::Symbol => {
            let t0 = arena.len();
            arena.extend_from_slice(b);
            out.push(piece(
                t0..arena.len(),
                TokenKind::Symbol,
                Source::Finger,
                true,
            ));
            return;
        }
        TokenKind::Hashtag | TokenKind::Mention => {
            let t0 = arena.len();
            arena.push(if r.kind == TokenKind::Hashtag {
                b'#'
            } else {
                b'@'
            });
            arena.extend(b.iter().filter(|x| {
                x.is_ascii_alphanumeric() || (r.kind == TokenKind::Mention && **x == b'_')
            }));
            if arena.len() > t0 + 1 {
                out.push(piece(t0..arena.len(), r.kind, source, true));
            } else {
                arena.truncate(t0);
            }
            return;
        }
        _ => {}
    }
    let is_letter = |x: u8| x.is_ascii_lowercase();
    let first_letter = b.iter().position(|x| is_letter(*x));
    let last_letter = b.iter().rposition(|x| is_letter(*x));
    let (Some(fl), Some(ll)) = (first_letter, last_letter) else {
        // No letters: a number (symbols dropped).
        word.clear();
        word.extend(b.iter().copied().filter(u8::is_ascii_digit));
        if !word.is_empty() {
            let (t, d, lz) = push_number(arena, word);
            let mut p = piece(t, TokenKind::Number, source, true);
            p.digits = d;
            p.leading_zero = lz;
            out.push(p);
        }
        return;
    };
    // A single leet character before three or more letters (4nies) belongs to the word;
    // so do up to two leet characters after a word that already has leet inside (pr4b0w0).
    let fl = if fl == 1 && leet(b[0]).is_some() && ll >= 3 {
        0
    } else {
        fl
    };
    let interior_leet = b[fl..=ll].iter().any(|x| !is_letter(*x));
    let tail = &b[ll + 1..];
    let ll = if interior_leet
        && !tail.is_empty()
        && tail.len() <= 2
        && tail.iter().all(|x| leet(*x).is_some())
    {
        b.len() - 1
    } else {
        ll
    };
    let mut first = true;
    word.clear();
    word.extend(b[..fl].iter().copied().filter(u8::is_ascii_digit));
    if !word.is_empty() {
        let (t, d, lz) = push_number(arena, word);
        let mut p = piece(t, TokenKind::Number, source, true);
        p.digits = d;
        p.leading_zero = lz;
        (p.start, p.end) = range(0, fl.saturating_sub(1));
        out.push(p);
        first = false;
    }
    word.clear();
    let mut was_leet = false;
    for x in &b[fl..=ll] {
        if is_letter(*x) {
            word.push(*x);
        } else if let Some(l) = leet(*x) {
            word.push(l);
            was_leet = true;
        }
    }
    // Short acronyms in capitals keep their letters (PPP, PP); elongation is lower case.
    if !(caps == Caps::Upper && word.len() <= 4) {
        collapse(word);
    }
    let wsource = if was_leet && source == Source::Plain {
        Source::Leet
    } else {
        source
    };
    let t0 = arena.len();
    let mut p = match number_word(word) {
        Some(n) => {
            arena.extend_from_slice(n.as_bytes());
            let mut p = piece(
                t0..arena.len(),
                TokenKind::Number,
                Source::NumberWord,
                first,
            );
            p.digits = t0..arena.len();
            p
        }
        None => {
            arena.extend_from_slice(word);
            piece(t0..arena.len(), TokenKind::Word, wsource, first)
        }
    };
    let (ws, we) = range(fl, ll);
    p.start = if first { r.start } else { ws };
    p.end = if ll + 1 >= b.len() { r.end } else { we };
    out.push(p);
    word.clear();
    word.extend(b[ll + 1..].iter().copied().filter(u8::is_ascii_digit));
    if !word.is_empty() {
        let (t, d, lz) = push_number(arena, word);
        let mut p = piece(t, TokenKind::Number, source, false);
        p.digits = d;
        p.leading_zero = lz;
        p.start = range(ll + 1, b.len() - 1).0;
        out.push(p);
    }
}

/// Thousands (`50.000`), `kosong dua`, keycaps written one by one and `no. 3` / `nmr 3`.
fn merge_numbers(p: &mut [Piece], bufs: &mut Bufs) {
    let arena = &mut bufs.arena;
    let mut i = 0;
    while i < p.len() {
        if !p[i].alive {
            i += 1;
            continue;
        }
        let Some(j) = (i + 1..p.len()).find(|k| p[*k].alive) else {
            break;
        };
        let (a, b) = (&p[i], &p[j]);
        let digits = |r: &Range<usize>| arena.get(r.clone()).map(<[u8]>::len).unwrap_or(0);
        let thousands = a.kind == TokenKind::Number
            && b.kind == TokenKind::Number
            && matches!(b.gap, Some(b'.' | b','))
            && digits(&b.digits) == 3
            && digits(&a.digits) > 0
            && a.source != Source::NumberWord
            && b.source != Source::Keycap;
        let keycaps = a.source == Source::Keycap && b.source == Source::Keycap && a.end == b.start;
        if thousands || keycaps {
            let mut joined: Vec<u8> = Vec::with_capacity(16);
            joined.extend_from_slice(arena.get(a.digits.clone()).unwrap_or(&[]));
            joined.extend_from_slice(arena.get(b.digits.clone()).unwrap_or(&[]));
            let end = b.end;
            let (t, d, lz) = if thousands {
                let d0 = arena.len();
                arena.extend_from_slice(&joined);
                (d0..arena.len(), d0..arena.len(), false)
            } else {
                push_number(arena, &joined)
            };
            let a = &mut p[i];
            a.text = t;
            a.digits = d;
            a.leading_zero = lz || (keycaps && a.leading_zero);
            a.end = end;
            p[j].alive = false;
            continue;
        }
        let text_of = |x: &Piece| arena.get(x.text.clone()).unwrap_or(&[]);
        if a.kind == TokenKind::Number
            && a.source == Source::NumberWord
            && text_of(a) == b"0"
            && b.kind == TokenKind::Number
        {
            let (t, d, end) = (b.text.clone(), b.digits.clone(), b.end);
            let a = &mut p[i];
            a.text = t;
            a.digits = d;
            a.end = end;
            a.leading_zero = true;
            p[j].alive = false;
            continue;
        }
        if a.kind == TokenKind::Word && b.kind == TokenKind::Number && is_number_prefix(text_of(a))
        {
            let t0 = arena.len();
            arena.extend_from_slice(b"nomor");
            p[i].text = t0..arena.len();
            p[j].boundary_before = false;
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> String {
        normalize(s).text().to_string()
    }

    #[test]
    fn examples() {
        assert_eq!(t("Ayo c0bl0s nomerrr 2️⃣!!"), "ayo coblos nomor 2");
        assert_eq!(t("𝐏𝐫𝐚𝐛𝐨𝐰𝐨"), "prabowo");
        assert_eq!(t("Ｇａｎｊａｒ"), "ganjar");
        assert_eq!(t("\u{410}nies"), "anies");
        assert_eq!(t("salam ☝️"), "salam jari1");
        assert_eq!(t("juara 2 lomba lari"), "juara 2 lomba lari");
        assert_eq!(t("Semoga cepat sembuh, aamiin"), "semoga cepat sembuh amin");
        assert_eq!(t("Rp50.000"), "rp 50000");
        assert_eq!(t("P r a b o w o"), "prabowo");
        assert_eq!(t("C.O.B.L.O.S"), "coblos");
        assert_eq!(t("A-M-I-N"), "amin");
        assert_eq!(t("I Made Suryawan, S.Pd."), "i made suryawan s pd");
        assert_eq!(t("paslon02"), "paslon 2");
        assert_eq!(t("nomor2"), "nomor 2");
        assert_eq!(t("no. 3"), "nomor 3");
        assert_eq!(t("nmr 1"), "nomor 1");
        assert_eq!(t("no way"), "no way");
        assert_eq!(t("capres01"), "capres 1");
        assert_eq!(t("#Prabowo_Gibran2024"), "#prabowogibran2024");
        assert_eq!(t("#01"), "#01");
        assert_eq!(t("Pra\u{200B}bowo"), "prabowo");
        assert_eq!(t("0️⃣2️⃣"), "2");
        assert_eq!(t("nomor dua"), "nomor 2");
        assert_eq!(t("kosong dua"), "2");
        assert_eq!(t("pr4b0w0"), "prabowo");
        assert_eq!(t("p1l1h"), "pilih");
        assert_eq!(t("4nies"), "anies");
        assert_eq!(t("Prabowo-Gibran"), "prabowo gibran");
        assert_eq!(t("08123456789"), "08123456789");
        assert_eq!(t("14 Februari 2024"), "14 februari 2024");
        assert_eq!(t("✌🏽 ✌️"), "jari2 jari2");
        assert_eq!(t("Café"), "cafe");
        assert_eq!(t("e\u{301}"), "e");
        assert_eq!(t(""), "");
        assert_eq!(t("🇮🇩🔥"), "");
    }

    #[test]
    fn spans_and_caps() {
        let s = "Ayo c0bl0s AMIN ya";
        let n = normalize(s);
        let toks = n.tokens();
        assert_eq!(&s[toks[1].orig.clone()], "c0bl0s");
        assert_eq!(toks[1].source, Source::Leet);
        assert_eq!(toks[2].caps, Caps::Upper);
        assert_eq!(toks[0].caps, Caps::Title);
        let n = normalize("Pilihan hatiku 0️⃣2️⃣ 🇮🇩");
        let last = &n.tokens()[2];
        assert_eq!(last.kind, TokenKind::Number);
        assert_eq!(last.source, Source::Keycap);
        assert!(last.leading_zero);
        let n = normalize("Halo. Nomor 2!");
        assert!(n.tokens()[1].boundary_before);
        assert!(!n.tokens()[2].boundary_before);
    }
}
