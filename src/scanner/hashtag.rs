//! Reading a hashtag by the words inside it.
//!
//! A hashtag that is only a contestant's name or pair (`#AniesSandi`) names them, as news
//! does; one that carries a stance (`#2019GantiPresiden`, `#JokowiLagi`,
//! `#PastikanBesokDua`, `#DjarotSiharMenang`) takes a side on its own. [`pieces`] splits a
//! hashtag at its case changes and digits (`#2019GantiPresiden` → `2019 ganti presiden`) and
//! a run of lower-case letters into known words (`#gantipresiden` → `ganti presiden`);
//! [`read`] decides from the classes of the pieces, which the matcher looks up.

use super::lexicon::class::*;
use super::normalize::normalize;

/// One word or number inside a hashtag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Lower case, a run of one letter as one (as the normaliser writes words), or digits.
    pub text: String,
    /// Written with a capital in the hashtag (`Djarot` in `#DjarotSiharMenang`): an unknown
    /// piece written so is likely a name.
    pub capitalised: bool,
    /// The value of a number piece (`2019`, `2`, `dua`).
    pub number: Option<u32>,
}

/// Longest hashtag body read (bytes); longer ones are read as one piece.
const MAX_BODY: usize = 64;

/// Splits a hashtag as written (with or without `#`) into pieces. `known` says whether a
/// lower-case word is a word of the scanner's vocabulary; a run of lower-case letters is
/// split into the fewest known words when it can be (`gantipresiden`), else kept whole.
pub fn pieces(tag: &str, known: impl Fn(&str) -> bool) -> Vec<Piece> {
    let body = tag.trim_start_matches('#');
    let mut runs: Vec<(String, bool)> = Vec::new();
    if body.len() > MAX_BODY || !body.is_ascii() {
        // Styled or foreign letters: the normaliser's reading, as one piece.
        let n = normalize(body);
        let text: String = n.text().split(' ').collect();
        if !text.is_empty() {
            runs.push((text, false));
        }
    } else {
        let bytes = body.as_bytes();
        let mut start = 0;
        for i in 1..=bytes.len() {
            let cut = match (bytes.get(i - 1), bytes.get(i)) {
                (_, None) => true,
                (Some(a), Some(b)) => {
                    let kind = |c: &u8| {
                        if c.is_ascii_digit() {
                            0
                        } else if c.is_ascii_alphabetic() {
                            1
                        } else {
                            2
                        }
                    };
                    // `GantiPresiden`: lower then upper; `TGBUntuk`: the last capital of a
                    // run of capitals starts the next word; `2019Ganti`: digits and letters.
                    let upper_word = a.is_ascii_uppercase()
                        && b.is_ascii_uppercase()
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase);
                    kind(a) != kind(b)
                        || (a.is_ascii_lowercase() && b.is_ascii_uppercase())
                        || upper_word
                }
                _ => false,
            };
            if cut {
                let run = body.get(start..i).unwrap_or("");
                let capitalised = run.starts_with(|c: char| c.is_ascii_uppercase());
                if run.bytes().any(|c| c.is_ascii_alphanumeric()) {
                    let clean: String = run.chars().filter(char::is_ascii_alphanumeric).collect();
                    runs.push((clean, capitalised));
                }
                start = i;
            }
        }
    }
    let mut out = Vec::new();
    for (run, capitalised) in runs {
        if run.bytes().all(|c| c.is_ascii_digit()) {
            out.push(Piece {
                number: run.parse().ok(),
                text: run,
                capitalised: false,
            });
            continue;
        }
        // Split before collapsing doubled letters: `besokguaahok` is `besok gua ahok`.
        let lower = run.to_ascii_lowercase();
        let word = collapse(&lower);
        let split = if known(&word) {
            None
        } else {
            segment(&lower, &known)
        };
        match split {
            Some(words) => {
                for (k, w) in words.into_iter().enumerate() {
                    out.push(word_piece(w, capitalised && k == 0));
                }
            }
            None => out.push(word_piece(word, capitalised)),
        }
    }
    out
}

fn word_piece(text: String, capitalised: bool) -> Piece {
    // Number words inside hashtags (`#PastikanBesokDua`, `#NomorTilu`).
    let number = crate::scanner::normalize::number_word_value(&text);
    Piece {
        text,
        capitalised,
        number,
    }
}

/// [`collapse`] for a lower-case ASCII piece, without a copy when no letter is doubled.
fn collapsed(w: &str) -> std::borrow::Cow<'_, str> {
    let b = w.as_bytes();
    if b.windows(2)
        .any(|p| p[0] == p[1] && p[0].is_ascii_alphabetic())
    {
        std::borrow::Cow::Owned(collapse(w))
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// Lower case, every run of one letter as one letter (what the normaliser does to words).
fn collapse(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars().flat_map(char::to_lowercase) {
        if !(out.ends_with(c) && c.is_alphabetic()) {
            out.push(c);
        }
    }
    out
}

/// The fewest known words (two letters or more) that make up `word`, if any, each
/// collapsed as the normaliser writes words.
fn segment(word: &str, known: &impl Fn(&str) -> bool) -> Option<Vec<String>> {
    let n = word.len();
    if n < 4 || !word.is_ascii() {
        return None;
    }
    // best[i]: fewest words for word[..i], and where the last word starts.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    // No word of the vocabulary is longer than this; it bounds the work to linear.
    const LONGEST: usize = 24;
    for end in 2..=n {
        for start in (end.saturating_sub(LONGEST)..=end - 2).rev() {
            let Some((count, _)) = best[start] else {
                continue;
            };
            let piece = collapsed(word.get(start..end).unwrap_or(""));
            if known(&piece) && best[end].is_none_or(|(c, _)| count + 1 < c) {
                best[end] = Some((count + 1, start));
            }
        }
    }
    let mut words = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        words.push(collapse(word.get(start..end)?));
        end = start;
    }
    words.reverse();
    (words.len() > 1).then_some(words)
}

/// Does `w` look like an Indonesian word with a prefix or suffix (`promosikan`,
/// `diterapkan`, `bersama`, `kebijakan`)?
fn affixed(w: &str) -> bool {
    const PREFIXES: &[&str] = &["me", "di", "ber", "ter", "pe", "ke", "se"];
    const SUFFIXES: &[&str] = &["kan", "nya", "an", "lah", "kah"];
    // Borrowed abstract nouns (reformasi, demokrasi, nasionalisme, integritas) are no names.
    const NOUN_ENDINGS: &[&str] = &["asi", "isme", "itas"];
    w.len() >= 6
        && (PREFIXES.iter().any(|p| w.starts_with(p)) && SUFFIXES.iter().any(|s| w.ends_with(s))
            || w.ends_with("kan")
            || w.ends_with("nya")
            || NOUN_ENDINGS.iter().any(|s| w.ends_with(s)))
}

/// What a hashtag says, from the classes of its pieces (looked up by the matcher).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Names a contestant and nothing more (`#AniesSandi`).
    Name,
    /// Carries a stance (`#JokowiLagi`, `#2019GantiPresiden`, `#PastikanBesokDua`).
    Stance,
    /// Carries a stance if the capitalised word it names is a candidate the packs do not
    /// list (`#DjarotSiharMenang`, `#HasanAnton2`): a stance in an election post only.
    StanceIfElection,
    /// Neither (`#PemiluDamai`, `#DebatCapres`, `#TolakPolitikUang`).
    Other,
}

/// Reads a hashtag from its pieces and, for each, the classes the vocabulary gives it and
/// whether the vocabulary knows it at all.
pub fn read(pieces: &[Piece], classes: &[Classes], known: &[bool]) -> Reading {
    let all = classes.iter().fold(0, |a, c| a | c);
    let named = all & (CONTESTANT | CONTESTANT_AMBIG) != 0;
    // An unknown word written with a capital that does not look like an affixed word: a
    // name the packs do not list (`Djarot`, not `Promosikan`).
    let is_name_like = |p: &Piece, k: bool| {
        !k && p.number.is_none()
            && p.capitalised
            && (3..=12).contains(&p.text.len())
            && !affixed(&p.text)
    };
    let name_like = pieces.iter().zip(known).any(|(p, k)| is_name_like(p, *k));
    // `#HasanAnton2`: a small number right after the unknown name.
    let name_like_ballot = pieces.windows(2).zip(known.windows(2)).any(|(w, k)| {
        is_name_like(&w[0], k[0]) && w[1].number.is_some_and(|v| (1..=9).contains(&v))
    });
    let ballot = pieces
        .iter()
        .any(|p| p.number.is_some_and(|v| (1..=30).contains(&v)));
    let year = pieces
        .iter()
        .any(|p| p.number.is_some_and(|v| (1990..=2099).contains(&v)));
    let office = all & (OFFICE | CAND) != 0;
    let stance_word = all
        & (TAG_STANCE
            | VOTE
            | VOTE_STRONG
            | SUPPORT
            | SUPPORT_STRONG
            | ATTACK
            | SLOGAN
            | CAMP
            | FIRST_PERSON
            | PARTICLE)
        != 0;
    // `#Anies2024`, `#TGBPresiden2019`: a name (with an office) and an election year;
    // `#SuryawanAyu1`: a pair and its ballot number; `#KangAsepGubernur`: a name, then the
    // office or candidacy wished for (`#GibranCawapres`; not `#PresidenJokowi`, the title
    // before the name).
    let name_then_office = classes.windows(2).any(|w| {
        w[0] & (CONTESTANT | CONTESTANT_AMBIG) != 0
            && w[1] & (OFFICE | CAND) != 0
            && w[1] & (CONTESTANT | CONTESTANT_AMBIG) == 0
    });
    let candidacy =
        (year && (named || (name_like && office))) || (ballot && named) || name_then_office;
    let known_target = named || ballot || office || all & (PARTY | CAMP) != 0;
    // `#02`: a ballot code alone is the campaign's chant.
    let code = matches!(pieces, [p] if p.text.starts_with('0') && p.number.is_some_and(|v| (1..=30).contains(&v)));
    if (stance_word && known_target) || candidacy || code {
        Reading::Stance
    } else if name_like && (stance_word || name_like_ballot) {
        Reading::StanceIfElection
    } else if named {
        Reading::Name
    } else {
        Reading::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(tag: &str) -> Vec<String> {
        let vocab = [
            "ganti",
            "presiden",
            "tetap",
            "jokowi",
            "pastikan",
            "besok",
            "dua",
            "gua",
            "ahok",
            "pilih",
            "tolak",
            "politik",
            "uang",
            "pemilu",
            "damai",
            "untuk",
            "indonesia",
        ];
        pieces(tag, |w| vocab.contains(&w))
            .into_iter()
            .map(|p| match p.number {
                Some(n) if p.text.bytes().all(|b| b.is_ascii_digit()) => n.to_string(),
                Some(n) => format!("{}={n}", p.text),
                None if p.capitalised => format!("^{}", p.text),
                None => p.text,
            })
            .collect()
    }

    #[test]
    fn splits_at_case_changes_digits_and_known_words() {
        assert_eq!(words("#2019GantiPresiden"), ["2019", "^ganti", "^presiden"]);
        assert_eq!(words("#gantipresiden"), ["ganti", "presiden"]);
        assert_eq!(words("#2019gantipresiden"), ["2019", "ganti", "presiden"]);
        assert_eq!(words("#PastikanBesokDua"), ["^pastikan", "^besok", "dua=2"]);
        assert_eq!(words("#besokguaahok"), ["besok", "gua", "ahok"]);
        assert_eq!(
            words("#TGBUntukIndonesia2019"),
            ["^tgb", "^untuk", "^indonesia", "2019"]
        );
        assert_eq!(words("#DjarotSihar2"), ["^djarot", "^sihar", "2"]);
        assert_eq!(
            words("#KhofifahEmilNomer1"),
            ["^khofifah", "^emil", "^nomer", "1"]
        );
        // An unknown run stays whole; doubled letters are one, as the normaliser has them.
        assert_eq!(words("#madepmantebmanetep"), ["madepmantebmanetep"]);
        assert_eq!(words("#Pilkada_2029"), ["^pilkada", "2029"]);
    }

    #[test]
    fn reads_names_and_stances() {
        let p = |s: &str, c: Classes, known: bool| {
            (
                Piece {
                    text: s.into(),
                    capitalised: true,
                    number: s.parse().ok(),
                },
                c,
                known,
            )
        };
        let read_of = |parts: &[(Piece, Classes, bool)]| {
            let pieces: Vec<Piece> = parts.iter().map(|x| x.0.clone()).collect();
            let classes: Vec<Classes> = parts.iter().map(|x| x.1).collect();
            let known: Vec<bool> = parts.iter().map(|x| x.2).collect();
            read(&pieces, &classes, &known)
        };
        let name = |s| p(s, CONTESTANT, true);
        assert_eq!(read_of(&[name("anies"), name("sandi")]), Reading::Name);
        assert_eq!(
            read_of(&[name("jokowi"), p("lagi", TAG_STANCE, true)]),
            Reading::Stance
        );
        assert_eq!(
            read_of(&[
                p("2019", NUM, true),
                p("ganti", TAG_STANCE, true),
                p("presiden", OFFICE, true)
            ]),
            Reading::Stance
        );
        assert_eq!(
            read_of(&[name("anies"), p("2024", NUM, true)]),
            Reading::Stance
        );
        // An unknown capitalised word next to a stance word or a small number is a name the
        // packs lack: a stance in an election post; an affixed word is no name.
        assert_eq!(
            read_of(&[
                p("djarot", 0, false),
                p("sihar", 0, false),
                p("menang", SUPPORT_STRONG, true)
            ]),
            Reading::StanceIfElection
        );
        assert_eq!(
            read_of(&[
                p("hasan", 0, false),
                p("anton", 0, false),
                p("2", NUM, true)
            ]),
            Reading::StanceIfElection
        );
        assert_eq!(
            read_of(&[p("promosikan", 0, false), p("18", NUM, true)]),
            Reading::Other
        );
        assert_eq!(
            read_of(&[p("reformasi", 0, false), p("dikorupsi", ATTACK, true)]),
            Reading::Other
        );
        assert_eq!(
            read_of(&[name("ganjar"), p("kami", FIRST_PERSON, true)]),
            Reading::Stance
        );
        assert_eq!(
            read_of(&[name("suryawan"), p("1", NUM, true)]),
            Reading::Stance
        );
        assert_eq!(
            read_of(&[name("asep"), p("gubernur", OFFICE, true)]),
            Reading::Stance
        );
        assert_eq!(
            read_of(&[name("gibran"), p("cawapres", CAND, true)]),
            Reading::Stance
        );
        assert_eq!(
            read_of(&[p("presiden", OFFICE, true), name("jokowi")]),
            Reading::Name
        );
        // No target: a civic tag.
        assert_eq!(
            read_of(&[
                p("tolak", TAG_STANCE | ATTACK, true),
                p("politik", 0, true),
                p("uang", MONEY, true)
            ]),
            Reading::Other
        );
        assert_eq!(
            read_of(&[p("pemilu", ELECTION, true), p("damai", CIVIC, true)]),
            Reading::Other
        );
    }
}
