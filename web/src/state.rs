//! The packs loaded in this page and the scanner compiled from them, shared by the API and
//! every widget on the page.

use std::cell::RefCell;
use std::rc::Rc;

use ceknetral::scanner::{Pack, Scanner};

struct Loaded {
    packs: Vec<Pack>,
    /// Ids of the packs switched off (the widget's pack choice).
    off: Vec<String>,
    scanner: Option<Rc<Scanner>>,
}

thread_local! {
    static LOADED: RefCell<Loaded> = RefCell::new(Loaded {
        packs: vec![Pack::national_2024()],
        off: Vec::new(),
        scanner: None,
    });
}

/// The scanner with every pack that is loaded and switched on (compiled on first use after
/// a change).
pub fn scanner() -> Rc<Scanner> {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        if let Some(s) = &l.scanner {
            return Rc::clone(s);
        }
        let on: Vec<Pack> = l
            .packs
            .iter()
            .filter(|p| !l.off.contains(&p.id))
            .cloned()
            .collect();
        let s = Rc::new(Scanner::new(on));
        l.scanner = Some(Rc::clone(&s));
        s
    })
}

/// Adds a pack, replacing one with the same id.
pub fn add(pack: Pack) {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        l.packs.retain(|p| p.id != pack.id);
        l.packs.push(pack);
        l.scanner = None;
    });
}

/// Removes a pack (also the built-in one); true if it was loaded.
pub fn remove(id: &str) -> bool {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        let before = l.packs.len();
        l.packs.retain(|p| p.id != id);
        l.scanner = None;
        l.packs.len() != before
    })
}

/// Switches a loaded pack on or off (the widget's pack choice).
#[cfg_attr(not(feature = "widget"), allow(dead_code))]
pub fn set_enabled(id: &str, on: bool) {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        l.off.retain(|x| x != id);
        if !on {
            l.off.push(id.to_string());
        }
        l.scanner = None;
    });
}

/// (id, title, switched on) of every loaded pack.
pub fn list() -> Vec<(String, String, bool)> {
    LOADED.with(|l| {
        let l = l.borrow();
        l.packs
            .iter()
            .map(|p| (p.id.clone(), p.title.clone(), !l.off.contains(&p.id)))
            .collect()
    })
}
