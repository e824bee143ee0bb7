//! Measuring the scanner: the labelled corpus in `tests/corpus/` (development and held-out
//! parts), the non-political tweets of `../shared/data/id-multilabel-hatespeech` and the
//! stance articles of `../shared/data/id-stance-political-figures`. The shared datasets
//! are read for measurement only; nothing from them is stored in the repository.

use ceknetral::kb::Lang;
use ceknetral::scanner::{Pack, Risk, Scanner};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Deserialize)]
pub struct Post {
    pub id: String,
    pub split: String,
    pub text: String,
    pub label: String,
    pub categories: Vec<String>,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn shared() -> PathBuf {
    std::env::var_os("CEKNETRAL_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"))
}

/// The corpus files, each scanned with the national pack and its own regional pack (what a
/// regional portal would load). `posts.jsonl` holds the first development and held-out
/// parts; `dev-2*.jsonl` more development posts; `heldout-2.jsonl` a second held-out part,
/// written blind to the rules.
const FILES: &[(&str, &str)] = &[
    ("tests/corpus/posts.jsonl", "tests/corpus/pack-contoh.json"),
    ("tests/corpus/dev-2a.jsonl", "tests/corpus/pack-contoh.json"),
    ("tests/corpus/dev-2b.jsonl", "tests/corpus/pack-dev2.json"),
    ("tests/corpus/dev-2c.jsonl", "tests/corpus/pack-contoh.json"),
    ("tests/corpus/dev-3a.jsonl", "tests/corpus/pack-dev3.json"),
    ("tests/corpus/dev-3b.jsonl", "tests/corpus/pack-contoh.json"),
    ("tests/corpus/heldout-2.jsonl", "tests/corpus/pack-ho2.json"),
    ("tests/corpus/heldout-3.jsonl", "tests/corpus/pack-ho3.json"),
];

/// Every post with the index of its file in [`FILES`].
pub fn posts() -> Vec<(usize, Post)> {
    let mut all = Vec::new();
    for (i, (path, _)) in FILES.iter().enumerate() {
        if root().join(path).exists() {
            all.extend(posts_from(path).into_iter().map(|p| (i, p)));
        }
    }
    all
}

fn posts_from(path: &str) -> Vec<Post> {
    let text = std::fs::read_to_string(root().join(path)).expect("corpus");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line"))
        .collect()
}

/// The national pack plus the regional pack of each corpus file.
pub fn corpus_scanners() -> Vec<Scanner> {
    FILES
        .iter()
        .map(|(_, pack)| {
            let json = std::fs::read_to_string(root().join(pack)).expect("pack");
            Scanner::new(vec![
                Pack::national_2024(),
                Pack::from_json(&json).expect("valid corpus pack"),
            ])
        })
        .collect()
}

#[derive(Default, Debug, Clone)]
pub struct CorpusFigures {
    pub posts: usize,
    pub violation_posts: usize,
    /// Violation posts scanned as review or violation.
    pub recall_review: f64,
    /// Violation posts scanned as violation.
    pub recall_violation: f64,
    /// Posts scanned as violation that are labelled violation.
    pub precision_violation: f64,
    /// Safe posts scanned as violation.
    pub violation_rate_safe: f64,
    /// Safe posts scanned as review or violation.
    pub flag_rate_safe: f64,
    /// Review posts (news) scanned as violation.
    pub review_as_violation: f64,
    /// Per category: (posts, recall: a finding of that category, precision of that category).
    pub categories: BTreeMap<String, (usize, f64, f64)>,
    pub misses: Vec<String>,
    pub false_alarms: Vec<String>,
    /// Violation posts scanned as violation, but without a category they are labelled with.
    pub category_misses: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub fn corpus(split: &str) -> CorpusFigures {
    let scanners = corpus_scanners();
    let posts: Vec<(usize, Post)> = posts()
        .into_iter()
        .filter(|(_, p)| split == "all" || p.split == split)
        .collect();
    let mut f = CorpusFigures {
        posts: posts.len(),
        ..Default::default()
    };
    let (mut viol, mut viol_rev, mut viol_viol) = (0, 0, 0);
    let (mut pred_viol, mut pred_viol_ok) = (0, 0);
    let (mut safe, mut safe_viol, mut safe_flag) = (0, 0, 0);
    let (mut review, mut review_viol) = (0, 0);
    let mut cat_total: BTreeMap<String, usize> = BTreeMap::new();
    let mut cat_hit: BTreeMap<String, usize> = BTreeMap::new();
    let mut cat_pred: BTreeMap<String, usize> = BTreeMap::new();
    let mut cat_pred_ok: BTreeMap<String, usize> = BTreeMap::new();
    for (file, p) in &posts {
        let r = scanners[*file].scan(&p.text, Lang::Id);
        let found: Vec<&str> = r.findings.iter().map(|x| x.category).collect();
        match p.label.as_str() {
            "violation" => {
                viol += 1;
                if r.risk >= Risk::Review {
                    viol_rev += 1;
                }
                if r.risk == Risk::Violation {
                    viol_viol += 1;
                } else {
                    f.misses.push(format!(
                        "{} [{:?}] {:?} -> {:?} {}",
                        p.id,
                        p.categories,
                        p.text,
                        r.risk,
                        found.join(",")
                    ));
                }
                let mut missing = Vec::new();
                for c in &p.categories {
                    *cat_total.entry(c.clone()).or_default() += 1;
                    if found.contains(&c.as_str()) {
                        *cat_hit.entry(c.clone()).or_default() += 1;
                    } else {
                        missing.push(c.as_str());
                    }
                }
                if r.risk == Risk::Violation && !missing.is_empty() {
                    f.category_misses.push(format!(
                        "{} {:?} {:?} -> {}",
                        p.id,
                        missing,
                        p.text,
                        found.join(",")
                    ));
                }
            }
            "review" => {
                review += 1;
                if r.risk == Risk::Violation {
                    review_viol += 1;
                    f.false_alarms.push(format!(
                        "{} (review) {:?} -> {}",
                        p.id,
                        p.text,
                        found.join(",")
                    ));
                }
            }
            _ => {
                safe += 1;
                if r.risk == Risk::Violation {
                    safe_viol += 1;
                    f.false_alarms.push(format!(
                        "{} (safe) {:?} -> {}",
                        p.id,
                        p.text,
                        found.join(",")
                    ));
                }
                if r.risk >= Risk::Review {
                    safe_flag += 1;
                }
            }
        }
        if r.risk == Risk::Violation {
            pred_viol += 1;
            if p.label == "violation" {
                pred_viol_ok += 1;
            }
        }
        let mut cats: Vec<&str> = found.clone();
        cats.sort_unstable();
        cats.dedup();
        for c in cats {
            if c == "mention" {
                continue;
            }
            *cat_pred.entry(c.to_string()).or_default() += 1;
            if p.label == "violation" && p.categories.iter().any(|x| x == c) {
                *cat_pred_ok.entry(c.to_string()).or_default() += 1;
            }
        }
    }
    f.violation_posts = viol;
    f.recall_review = ratio(viol_rev, viol);
    f.recall_violation = ratio(viol_viol, viol);
    f.precision_violation = ratio(pred_viol_ok, pred_viol);
    f.violation_rate_safe = ratio(safe_viol, safe);
    f.flag_rate_safe = ratio(safe_flag, safe);
    f.review_as_violation = ratio(review_viol, review);
    for (c, n) in &cat_total {
        let hit = cat_hit.get(c).copied().unwrap_or(0);
        let pred = cat_pred.get(c).copied().unwrap_or(0);
        let ok = cat_pred_ok.get(c).copied().unwrap_or(0);
        f.categories
            .insert(c.clone(), (*n, ratio(hit, *n), ratio(ok, pred)));
    }
    f
}

/// Tweets whose text matches none of the political keywords of the dataset's SOURCE.md.
const POLITICAL: &[&str] = &[
    "jokowi",
    "prabowo",
    "capres",
    "cawapres",
    "pilpres",
    "pilkada",
    "pemilu",
    "cebong",
    "kampret",
    "ahok",
    "anies",
    "2019",
    "partai",
    "coblos",
    "kpu",
    "bawaslu",
    "golput",
    "presiden",
    "gubernur",
    "bupati",
    "walikota",
    "caleg",
    "dpr",
    "pdip",
    "gerindra",
    "pks",
    "demokrat",
    "golkar",
    "nasdem",
    "sandi",
    "khofifah",
    "ridwan",
    "ganjar",
    "amien",
    "rizieq",
    "fpi",
    "hti",
    "kampanye",
    "paslon",
    "pilih",
    "menang",
    "rezim",
    "oposisi",
    "pendukung",
    "ganti",
    "umat",
    "ulama",
    "habib",
    "politik",
    "pejabat",
    "mentri",
    "menteri",
    "emil",
    "djarot",
    "sudirman",
    "kamil",
    "agus",
    "ahy",
    "sby",
    "megawati",
    "puan",
    "amin",
    "ma'ruf",
    "maruf",
    "dukung",
    "relawan",
    "tim sukses",
    "#",
    "nomor",
    "no 1",
    "no 2",
    "no.1",
    "no.2",
];

fn decode_latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|b| *b as char).collect()
}

/// (tweets, non-political tweets, flagged as violation, flagged as review or more, examples)
pub fn tweets() -> Option<(usize, usize, usize, usize, Vec<String>)> {
    let path = shared().join("data/id-multilabel-hatespeech/re_dataset.csv");
    let bytes = std::fs::read(&path).ok()?;
    let text = decode_latin1(&bytes);
    let scanner = Scanner::national();
    let (mut total, mut neutral, mut viol, mut flagged) = (0, 0, 0, 0);
    let mut examples = Vec::new();
    for line in text.lines().skip(1) {
        // The tweet is the first column; quoted fields may hold commas.
        let tweet = if let Some(rest) = line.strip_prefix('"') {
            rest.split("\",").next().unwrap_or("")
        } else {
            line.split(',').next().unwrap_or("")
        };
        total += 1;
        let lower = tweet.to_lowercase();
        if POLITICAL.iter().any(|k| lower.contains(k)) {
            continue;
        }
        neutral += 1;
        let r = scanner.scan(tweet, Lang::Id);
        if r.risk == Risk::Violation {
            viol += 1;
            if examples.len() < 15 {
                let cats: Vec<&str> = r.findings.iter().map(|f| f.rule).collect();
                examples.push(format!("{tweet:?} -> {}", cats.join(",")));
            }
        }
        if r.risk >= Risk::Review {
            flagged += 1;
        }
    }
    Some((total, neutral, viol, flagged, examples))
}

/// Stance articles: per label, (articles, scanned as violation, scanned as review or more).
pub fn stance() -> Option<BTreeMap<String, (usize, usize, usize)>> {
    let dir = shared().join("data/id-stance-political-figures");
    let path = dir.join("dataset_stance_3_label_2016_building_by_cakra.csv");
    let text = std::fs::read_to_string(&path).ok()?;
    let pack = std::fs::read_to_string(root().join("tests/data/pack-stance-figures.json")).ok()?;
    let scanner = Scanner::new(vec![Pack::from_json(&pack).ok()?]);
    let mut out: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for rec in parse_csv(&text).into_iter().skip(1) {
        if rec.len() < 6 {
            continue;
        }
        let article = format!("{}. {}", rec[3], rec[4]);
        let label = rec[5].trim().to_string();
        let r = scanner.scan(&article, Lang::Id);
        let e = out.entry(label).or_default();
        e.0 += 1;
        if r.risk == Risk::Violation {
            e.1 += 1;
        }
        if r.risk >= Risk::Review {
            e.2 += 1;
        }
    }
    Some(out)
}

/// A small CSV reader (RFC 4180 quoting).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

pub fn report() -> String {
    let mut s = String::new();
    for split in ["dev", "heldout", "heldout2", "heldout3"] {
        let f = corpus(split);
        if f.posts == 0 {
            continue;
        }
        let _ = writeln!(
            s,
            "corpus {split}: {} posts, {} violation posts\n  partisan recall: {:.3} at review or above, {:.3} at violation; precision at violation {:.3}\n  neutral posts: violation rate {:.3}, flagged (review or above) {:.3}; news posts scanned as violation {:.3}",
            f.posts, f.violation_posts, f.recall_review, f.recall_violation, f.precision_violation,
            f.violation_rate_safe, f.flag_rate_safe, f.review_as_violation
        );
        let _ = writeln!(
            s,
            "  {:<24} {:>5} {:>7} {:>9}",
            "category", "posts", "recall", "precision"
        );
        for (c, (n, r, p)) in &f.categories {
            let _ = writeln!(s, "  {c:<24} {n:>5} {r:>7.3} {p:>9.3}");
        }
        // Misses are listed for the development part only: the held-out posts stay unread.
        if split == "dev" && std::env::var_os("CEKNETRAL_EVAL_VERBOSE").is_some() {
            for m in &f.misses {
                let _ = writeln!(s, "  MISS {m}");
            }
            for m in &f.false_alarms {
                let _ = writeln!(s, "  FALSE {m}");
            }
            if std::env::var_os("CEKNETRAL_EVAL_CATEGORIES").is_some() {
                for m in &f.category_misses {
                    let _ = writeln!(s, "  CATEGORY {m}");
                }
            }
        }
    }
    match tweets() {
        Some((total, neutral, viol, flagged, examples)) => {
            let _ = writeln!(
                s,
                "tweets: {total} in all, {neutral} non-political; violation rate {:.4} ({viol}), flagged {:.4} ({flagged})",
                ratio(viol, neutral),
                ratio(flagged, neutral)
            );
            if std::env::var_os("CEKNETRAL_EVAL_VERBOSE").is_some() {
                for e in examples {
                    let _ = writeln!(s, "  FALSE {e}");
                }
            }
        }
        None => {
            let _ = writeln!(s, "tweets: dataset not found under {}", shared().display());
        }
    }
    match stance() {
        Some(m) => {
            for (label, (n, v, r)) in m {
                let _ = writeln!(
                    s,
                    "stance articles `{label}`: {n}; violation {:.3}, review or above {:.3}",
                    ratio(v, n),
                    ratio(r, n)
                );
            }
        }
        None => {
            let _ = writeln!(s, "stance: dataset not found under {}", shared().display());
        }
    }
    s
}
