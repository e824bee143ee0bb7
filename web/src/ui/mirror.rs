//! The highlight mirror behind the scanner's textarea, kept up to date by hand.
//!
//! The mirror holds the draft cut into pieces: plain text nodes and `<mark>` elements around
//! the findings. Typing changes one piece (the one the caret is in), sometimes a few around
//! it, so each update compares the new pieces with the ones on screen from both ends and
//! touches only the run that differs: a changed text is written into its node, new pieces are
//! inserted, gone ones removed. Every other node, and so the browser's layout of it, stays as
//! it was. yew renders the mirror element without children and never touches what is inside.

use std::ops::Range;

use wasm_bindgen::JsCast;

use ceknetral::scanner::{Finding, Severity};

/// One run of the draft with the highest severity of the findings over it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub sev: Option<Severity>,
}

/// The text cut at every finding's edges, each piece with the highest severity over it.
/// Findings whose bytes are not on character boundaries of `text` are left out.
pub fn pieces(text: &str, findings: &[&Finding]) -> Vec<Piece> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    let valid = |r: &Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    for f in findings.iter().filter(|f| valid(&f.bytes)) {
        cuts.push(f.bytes.start);
        cuts.push(f.bytes.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Piece> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b).filter(|p| !p.is_empty()) else {
            continue;
        };
        let sev = findings
            .iter()
            .filter(|f| valid(&f.bytes) && f.bytes.start <= a && b <= f.bytes.end)
            .map(|f| f.severity)
            .max();
        out.push(Piece {
            text: piece.to_string(),
            sev,
        });
    }
    out
}

/// What changes between two lists of pieces: `prev[start..prev_end]` is replaced by
/// `next[start..next_end]`; the pieces before `start` and after the two ends are equal.
#[derive(Debug, PartialEq, Eq)]
pub struct Splice {
    pub start: usize,
    pub prev_end: usize,
    pub next_end: usize,
}

pub fn splice(prev: &[Piece], next: &[Piece]) -> Splice {
    let start = prev.iter().zip(next).take_while(|(a, b)| a == b).count();
    let tail = prev[start..]
        .iter()
        .rev()
        .zip(next[start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    Splice {
        start,
        prev_end: prev.len() - tail,
        next_end: next.len() - tail,
    }
}

/// The mirror's pieces as they are on screen, with their nodes.
#[derive(Default)]
pub struct Mirror {
    pieces: Vec<Piece>,
    nodes: Vec<web_sys::Node>,
    /// The zero-width space after the last piece, so that a trailing newline still makes a
    /// line, as it does in the textarea.
    end: Option<web_sys::Node>,
}

const MARK_CLASS: [&str; 2] = ["cn-mark cn-mark-violation", "cn-mark cn-mark-review"];

fn node_for(doc: &web_sys::Document, piece: &Piece) -> Option<web_sys::Node> {
    let class = match piece.sev {
        None => return Some(doc.create_text_node(&piece.text).into()),
        Some(Severity::Violation) => MARK_CLASS[0],
        Some(Severity::Review) => MARK_CLASS[1],
    };
    let mark = doc.create_element("mark").ok()?;
    mark.set_class_name(class);
    mark.set_text_content(Some(&piece.text));
    Some(mark.into())
}

/// Where two texts differ: `old[start..old_end]` became `new[start..new_end]` (byte offsets
/// on character boundaries; the common prefix and suffix left out).
pub fn edit(old: &str, new: &str) -> (usize, usize, usize) {
    let mut start = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !(old.is_char_boundary(start) && new.is_char_boundary(start)) {
        start -= 1;
    }
    let room = old.len().min(new.len()) - start;
    let mut tail = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !(old.is_char_boundary(old.len() - tail) && new.is_char_boundary(new.len() - tail)) {
        tail -= 1;
    }
    (start, old.len() - tail, new.len() - tail)
}

/// How the pieces take an edit before the text is scanned again: `pieces[first..end]` are
/// replaced by `joined` (none when the edit emptied them).
#[derive(Debug, PartialEq, Eq)]
pub struct Follow {
    pub first: usize,
    pub end: usize,
    pub joined: Option<Piece>,
}

/// The edit goes into the piece it starts in (plain text preferred at a boundary), the
/// pieces it spans are joined into that one, and every other piece keeps its text and its
/// highlight, so the marks stay on their words while the scan catches up. Pieces that do not
/// spell `old` are replaced whole by `new` as plain text.
pub fn follow(pieces: &[Piece], old: &str, new: &str) -> Follow {
    let total: usize = pieces.iter().map(|p| p.text.len()).sum();
    if total != old.len() || pieces.is_empty() {
        return Follow {
            first: 0,
            end: pieces.len(),
            joined: (!new.is_empty()).then(|| Piece {
                text: new.to_string(),
                sev: None,
            }),
        };
    }
    let (start, old_end, new_end) = edit(old, new);
    // The piece the edit starts in: the one holding `start`, or the one ending there when
    // that one is plain text (typing after an unmarked word) or nothing follows.
    let mut off = 0;
    let mut first = pieces.len() - 1;
    let mut first_off = total - pieces[first].text.len();
    for (i, p) in pieces.iter().enumerate() {
        let end = off + p.text.len();
        let here = start < end || (start == end && (p.sev.is_none() || i + 1 == pieces.len()));
        if here {
            first = i;
            first_off = off;
            break;
        }
        off = end;
    }
    // The last piece the removed text reaches into.
    let mut last = first;
    let mut last_end = first_off + pieces[first].text.len();
    while last_end < old_end && last + 1 < pieces.len() {
        last += 1;
        last_end += pieces[last].text.len();
    }
    let mut joined = String::with_capacity(last_end - first_off + new_end - old_end + start);
    joined.push_str(&old[first_off..start]);
    joined.push_str(&new[start..new_end]);
    joined.push_str(&old[old_end..last_end]);
    Follow {
        first,
        end: last + 1,
        joined: (!joined.is_empty()).then(|| Piece {
            text: joined,
            sev: pieces[first].sev,
        }),
    }
}

impl Mirror {
    /// Takes the edit from `old` to `new` (the textarea's text before and after a keystroke)
    /// into the piece it falls in: one text written, the other nodes untouched.
    pub fn follow(&mut self, el: &web_sys::Element, old: &str, new: &str) {
        if !self.intact(el) {
            let whole = (!new.is_empty())
                .then(|| Piece {
                    text: new.to_string(),
                    sev: None,
                })
                .into_iter()
                .collect();
            self.update(el, whole);
            return;
        }
        let f = follow(&self.pieces, old, new);
        match f.joined {
            Some(piece) if f.end - f.first == 1 && self.pieces[f.first].sev == piece.sev => {
                self.write(f.first, piece);
            }
            joined => {
                let Some(doc) = el.owner_document() else {
                    return;
                };
                let before = self.nodes.get(f.end).cloned().or(self.end.clone());
                for node in self.nodes.drain(f.first..f.end) {
                    let _ = el.remove_child(&node);
                }
                self.pieces.drain(f.first..f.end);
                if let Some(piece) = joined {
                    match node_for(&doc, &piece) {
                        Some(node) => {
                            let _ = el.insert_before(&node, before.as_ref());
                            self.nodes.insert(f.first, node);
                            self.pieces.insert(f.first, piece);
                        }
                        // The next update starts over.
                        None => self.end = None,
                    }
                }
            }
        }
    }

    /// Whether the element still holds exactly the nodes this mirror put there.
    fn intact(&self, el: &web_sys::Element) -> bool {
        self.end
            .as_ref()
            .is_some_and(|e| e.parent_node().as_ref() == Some(el.as_ref()))
            && el.child_nodes().length() as usize == self.nodes.len() + 1
    }

    /// Writes a piece's new text into its node (same kind of piece).
    fn write(&mut self, i: usize, piece: Piece) {
        let node = &self.nodes[i];
        match node.dyn_ref::<web_sys::Text>() {
            Some(t) => t.set_data(&piece.text),
            None => node.set_text_content(Some(&piece.text)),
        }
        self.pieces[i] = piece;
    }

    /// Brings `el` (the mirror element) to `next`, touching only the pieces that differ.
    pub fn update(&mut self, el: &web_sys::Element, next: Vec<Piece>) {
        let Some(doc) = el.owner_document() else {
            return;
        };
        // Anything else in the element (it was emptied, or the page moved nodes): start over.
        if !self.intact(el) {
            el.set_text_content(None);
            self.pieces.clear();
            self.nodes.clear();
            let end: web_sys::Node = doc.create_text_node("\u{200b}").into();
            if el.append_child(&end).is_err() {
                return;
            }
            self.end = Some(end);
        }
        let sp = splice(&self.pieces, &next);
        // One piece changed its text but not its kind (typing inside a word): write the text
        // into the node that is there.
        if sp.prev_end - sp.start == 1
            && sp.next_end - sp.start == 1
            && self.pieces[sp.start].sev == next[sp.start].sev
        {
            let piece = next[sp.start].clone();
            self.pieces = next;
            self.write(sp.start, piece);
            return;
        }
        let before: Option<web_sys::Node> =
            self.nodes.get(sp.prev_end).cloned().or(self.end.clone());
        for node in self.nodes.drain(sp.start..sp.prev_end) {
            let _ = el.remove_child(&node);
        }
        let mut fresh = Vec::with_capacity(sp.next_end - sp.start);
        for piece in &next[sp.start..sp.next_end] {
            if let Some(node) = node_for(&doc, piece) {
                let _ = el.insert_before(&node, before.as_ref());
                fresh.push(node);
            }
        }
        if fresh.len() != sp.next_end - sp.start {
            // A node could not be made: the next update starts over.
            self.end = None;
        }
        self.nodes.splice(sp.start..sp.start, fresh);
        self.pieces = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn plain(t: &str) -> Piece {
        Piece {
            text: t.into(),
            sev: None,
        }
    }

    fn mark(t: &str) -> Piece {
        Piece {
            text: t.into(),
            sev: Some(Severity::Violation),
        }
    }

    fn spell(pieces: &[Piece]) -> String {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    /// Applies a `Follow` to a list, as the mirror does to its nodes.
    fn apply(pieces: &[Piece], f: Follow) -> Vec<Piece> {
        let mut out = pieces[..f.first].to_vec();
        out.extend(f.joined);
        out.extend_from_slice(&pieces[f.end..]);
        out
    }

    #[wasm_bindgen_test]
    fn edit_finds_the_changed_run_on_character_boundaries() {
        assert_eq!(edit("abc", "abXc"), (2, 2, 3));
        assert_eq!(edit("abc", "ac"), (1, 2, 1));
        assert_eq!(edit("aaa", "aaaa"), (3, 3, 4));
        assert_eq!(edit("", "x"), (0, 0, 1));
        // "é" (c3 a9) replaced by "è" (c3 a8): a shared first byte is not a boundary.
        assert_eq!(edit("café!", "cafè!"), (3, 5, 5));
        assert_eq!(edit("same", "same"), (4, 4, 4));
    }

    #[wasm_bindgen_test]
    fn typing_goes_into_one_piece_and_the_marks_stay_on_their_words() {
        let before = vec![plain("Ayo "), mark("coblos"), plain(" nomor 2")];
        let old = spell(&before);
        // After the last word: the plain piece grows.
        let f = follow(&before, &old, "Ayo coblos nomor 2!");
        assert_eq!((f.first, f.end), (2, 3));
        let after = apply(&before, f);
        assert_eq!(spell(&after), "Ayo coblos nomor 2!");
        assert_eq!(after[1], mark("coblos"));
        // Right after a mark, the plain text after it takes the character, not the mark.
        let f = follow(&before, &old, "Ayo coblosX nomor 2");
        assert_eq!(f.first, 2);
        assert_eq!(apply(&before, f)[1], mark("coblos"));
        // Inside a mark: the mark takes it until the scan decides.
        let f = follow(&before, &old, "Ayo cobXlos nomor 2");
        assert_eq!(apply(&before, f)[1], mark("cobXlos"));
        // Before everything: the first piece.
        let after = apply(&before, follow(&before, &old, "XAyo coblos nomor 2"));
        assert_eq!(after[0], plain("XAyo "));
        // A deletion across a mark joins the pieces it spans into the first.
        let after = apply(&before, follow(&before, &old, "Ayo  2"));
        assert_eq!(spell(&after), "Ayo  2");
        assert_eq!(after, vec![plain("Ayo  2")]);
        // Everything deleted: no piece left.
        assert!(apply(&before, follow(&before, &old, "")).is_empty());
    }

    #[wasm_bindgen_test]
    fn pieces_that_do_not_spell_the_old_text_are_replaced_whole() {
        let before = vec![plain("abc")];
        let f = follow(&before, "abcd", "abcde");
        assert_eq!(apply(&before, f), vec![plain("abcde")]);
        assert_eq!(apply(&[], follow(&[], "", "x")), vec![plain("x")]);
    }

    #[wasm_bindgen_test]
    fn splice_keeps_equal_ends() {
        let a = vec![plain("a "), mark("b"), plain(" c "), mark("d"), plain(" e")];
        let mut b = a.clone();
        b[2] = plain(" cc ");
        assert_eq!(
            splice(&a, &b),
            Splice {
                start: 2,
                prev_end: 3,
                next_end: 3
            }
        );
        assert_eq!(
            splice(&a, &a),
            Splice {
                start: 5,
                prev_end: 5,
                next_end: 5
            }
        );
        let c = vec![plain("a b c d e")];
        assert_eq!(
            splice(&a, &c),
            Splice {
                start: 0,
                prev_end: 5,
                next_end: 1
            }
        );
    }

    fn div() -> web_sys::Element {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        doc.create_element("div").expect("a div")
    }

    fn marks(el: &web_sys::Element) -> Vec<String> {
        let list = el.query_selector_all("mark").expect("marks");
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
            .collect()
    }

    #[wasm_bindgen_test]
    fn the_dom_follows_and_only_the_changed_nodes_are_replaced() {
        let el = div();
        let mut m = Mirror::default();
        let first = vec![plain("Ayo "), mark("coblos"), plain(" nomor 2")];
        m.update(&el, first.clone());
        assert_eq!(
            el.text_content().as_deref(),
            Some("Ayo coblos nomor 2\u{200b}")
        );
        assert_eq!(marks(&el), vec!["coblos"]);
        let mark_node = el.query_selector("mark").expect("query").expect("mark");
        // A keystroke: the mark's node is the same node afterwards.
        m.follow(&el, "Ayo coblos nomor 2", "Ayo coblos nomor 2!");
        assert_eq!(
            el.text_content().as_deref(),
            Some("Ayo coblos nomor 2!\u{200b}")
        );
        let same = el.query_selector("mark").expect("query").expect("mark");
        assert!(same.is_same_node(Some(&mark_node)));
        // The scan's pieces: a second mark appears, the first is still the same node.
        m.update(
            &el,
            vec![
                plain("Ayo "),
                mark("coblos"),
                plain(" "),
                mark("nomor 2"),
                plain("!"),
            ],
        );
        assert_eq!(marks(&el), vec!["coblos", "nomor 2"]);
        let still = el.query_selector("mark").expect("query").expect("mark");
        assert!(still.is_same_node(Some(&mark_node)));
        assert_eq!(
            el.text_content().as_deref(),
            Some("Ayo coblos nomor 2!\u{200b}")
        );
        // A deletion across both marks, then emptied.
        m.follow(&el, "Ayo coblos nomor 2!", "Ayo!");
        assert_eq!(el.text_content().as_deref(), Some("Ayo!\u{200b}"));
        m.follow(&el, "Ayo!", "");
        assert_eq!(el.text_content().as_deref(), Some("\u{200b}"));
        assert!(marks(&el).is_empty());
    }

    #[wasm_bindgen_test]
    fn a_mirror_emptied_by_someone_else_starts_over() {
        let el = div();
        let mut m = Mirror::default();
        m.update(&el, vec![plain("a "), mark("b")]);
        el.set_text_content(Some("tampered"));
        m.follow(&el, "a b", "a bc");
        assert_eq!(el.text_content().as_deref(), Some("a bc\u{200b}"));
        m.update(&el, vec![plain("a "), mark("bc")]);
        assert_eq!(marks(&el), vec!["bc"]);
        assert_eq!(el.text_content().as_deref(), Some("a bc\u{200b}"));
    }

    #[wasm_bindgen_test]
    fn pieces_cut_at_finding_edges_with_the_highest_severity() {
        use ceknetral::kb::Lang;
        let text = "Ayo coblos nomor 2 ya";
        let r = crate::state::scanner().scan(text, Lang::Id);
        let found: Vec<&Finding> = r.findings.iter().collect();
        let ps = pieces(text, &found);
        assert_eq!(spell(&ps), text);
        assert!(ps.iter().any(|p| p.sev == Some(Severity::Violation)));
        // Findings outside the text are left out, not a panic.
        let none = pieces("Ayo", &found);
        assert_eq!(spell(&none), "Ayo");
    }
}
