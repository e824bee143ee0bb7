//! The user's own say on a finding: **Abaikan** (ignore this wording from now on, in this
//! browser) and **Laporkan salah deteksi** (a false-alarm report the user reads, edits and
//! copies or e-mails; the widget sends nothing itself).
//!
//! Ignored findings are remembered in `localStorage` under [`STORAGE_KEY`] as a list of
//! keys, each a stable hash of the rule id and the normalised matched words: never the post.

use std::collections::BTreeSet;

use ceknetral::kb::Lang;
use ceknetral::scanner::Finding;

/// The `localStorage` key (versioned: a new key format gets a new name).
pub const STORAGE_KEY: &str = "ceknetral.ignored.v1";

/// FNV-1a, 64 bits: stable across browsers, versions and runs.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The key under which a finding is ignored: the rule and the matched words normalised to
/// lower case, letters and digits, single spaces (so `Coblos, Nomor  2!` and `coblos nomor
/// 2` are one wording).
pub fn ignore_key(rule: &str, matched: &str) -> String {
    let mut words = String::with_capacity(matched.len());
    for w in matched
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !words.is_empty() {
            words.push(' ');
        }
        words.extend(w.chars().flat_map(char::to_lowercase));
    }
    let mut s = String::with_capacity(rule.len() + 1 + words.len());
    s.push_str(rule);
    s.push('\u{1f}');
    s.push_str(&words);
    format!("{:016x}", fnv1a(s.as_bytes()))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The ignored keys saved in this browser (none when storage is unavailable or the value
/// is not what this version wrote).
pub fn load() -> BTreeSet<String> {
    let Some(raw) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) else {
        return BTreeSet::new();
    };
    let Ok(v) = js_sys::JSON::parse(&raw) else {
        return BTreeSet::new();
    };
    if !js_sys::Array::is_array(&v) {
        return BTreeSet::new();
    }
    js_sys::Array::from(&v)
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| k.len() == 16 && k.bytes().all(|b| b.is_ascii_hexdigit()))
        .collect()
}

/// Saves the ignored keys (silently keeps them for this page only when storage is refused).
pub fn save(keys: &BTreeSet<String>) {
    let arr = js_sys::Array::new();
    for k in keys {
        arr.push(&k.into());
    }
    if let (Some(s), Ok(json)) = (storage(), js_sys::JSON::stringify(&arr)) {
        let _ = s.set_item(STORAGE_KEY, &String::from(json));
    }
}

/// Up to `n` characters of `text` before byte `at` and after byte `end`.
fn context(text: &str, at: usize, end: usize, n: usize) -> (String, String) {
    let before: String = text
        .get(..at)
        .unwrap_or("")
        .chars()
        .rev()
        .take(n)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text.get(end..).unwrap_or("").chars().take(n).collect();
    (before, after)
}

/// The false-alarm report the user sees and may edit: the rule, the flagged words with up
/// to 15 characters either side, the widget's and the knowledge base's versions, and a line
/// for the user's comment. Nothing else of the post.
pub fn report_text(f: &Finding, post: &str, lang: Lang) -> String {
    let (before, after) = context(post, f.bytes.start, f.bytes.end, 15);
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (title, rule, words, ctx, versions, comment) = match lang {
        Lang::Id => (
            "Laporan salah deteksi CekNetral",
            "Aturan",
            "Kata yang ditandai",
            "Konteks",
            "Versi",
            "Komentar (opsional): ",
        ),
        Lang::En => (
            "CekNetral false-alarm report",
            "Rule",
            "Flagged words",
            "Context",
            "Version",
            "Comment (optional): ",
        ),
    };
    format!(
        "{title}\n{rule}: {}\n{words}: \"{}\"\n{ctx}: \"…{}[{}]{}…\"\n{versions}: widget {}, basis pengetahuan {}\n{comment}",
        f.rule,
        flat(&f.text),
        flat(&before),
        flat(&f.text),
        flat(&after),
        env!("CARGO_PKG_VERSION"),
        ceknetral::kb::LAST_REVIEWED,
    )
}

/// A `mailto:` link for the report, when the host configured an address (`report-to`).
pub fn mailto(address: &str, lang: Lang, body: &str) -> Option<String> {
    let addr = address.strip_prefix("mailto:")?;
    if addr.is_empty() || addr.contains(['?', '&', '\n', '\r', ' ', '<', '>', '"']) {
        return None;
    }
    let subject = match lang {
        Lang::Id => "Laporan salah deteksi CekNetral",
        Lang::En => "CekNetral false-alarm report",
    };
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
    Some(format!(
        "mailto:{addr}?subject={}&body={}",
        enc(subject),
        enc(body)
    ))
}
