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
    /// On violation posts of the later held-out parts: whether the side taken is plain from
    /// the words alone (`true`) or needs a hint, irony or insider knowledge (`false`).
    #[serde(default)]
    pub explicit: Option<bool>,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn shared() -> PathBuf {
    std::env::var_os("CEKNETRAL_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"))
}

/// The corpus files, each scanned with the national pack and its own regional packs (what a
/// regional portal would load). `posts.jsonl` holds the first development and held-out
/// parts; `dev-*.jsonl` and `tone-*.jsonl` more development posts; `heldout-*.jsonl` the
/// later held-out parts, written blind to the rules.
const FILES: &[(&str, &[&str])] = &[
    (
        "tests/corpus/posts.jsonl",
        &["tests/corpus/pack-contoh.json"],
    ),
    (
        "tests/corpus/dev-2a.jsonl",
        &["tests/corpus/pack-contoh.json"],
    ),
    (
        "tests/corpus/dev-2b.jsonl",
        &["tests/corpus/pack-dev2.json"],
    ),
    (
        "tests/corpus/dev-2c.jsonl",
        &["tests/corpus/pack-contoh.json"],
    ),
    (
        "tests/corpus/dev-3a.jsonl",
        &["tests/corpus/pack-dev3.json"],
    ),
    (
        "tests/corpus/dev-3b.jsonl",
        &["tests/corpus/pack-contoh.json"],
    ),
    (
        "tests/corpus/heldout-2.jsonl",
        &["tests/corpus/pack-ho2.json"],
    ),
    (
        "tests/corpus/heldout-3.jsonl",
        &["tests/corpus/pack-ho3.json"],
    ),
    (
        "tests/corpus/tone-1.jsonl",
        &[
            "tests/corpus/pack-t1.json",
            "tests/corpus/pack-pilpres-2019.json",
        ],
    ),
    (
        "tests/corpus/tone-2.jsonl",
        &["tests/corpus/pack-t2a.json", "tests/corpus/pack-t2b.json"],
    ),
    ("tests/corpus/tone-3.jsonl", &["tests/corpus/pack-t3.json"]),
    (
        "tests/corpus/tone-4.jsonl",
        &["tests/corpus/pack-t4a.json", "tests/corpus/pack-t4b.json"],
    ),
    ("tests/corpus/tone-5.jsonl", &["tests/corpus/pack-t5.json"]),
    (
        "tests/corpus/tone-6.jsonl",
        &[
            "tests/corpus/pack-t6.json",
            "tests/corpus/pack-pilpres-2019.json",
        ],
    ),
    ("tests/corpus/tone-7.jsonl", &["tests/corpus/pack-t7.json"]),
    ("tests/corpus/tone-8.jsonl", &["tests/corpus/pack-t8.json"]),
    (
        "tests/corpus/tone-9.jsonl",
        &[
            "tests/corpus/pack-t9.json",
            "tests/corpus/pack-pilpres-2019.json",
        ],
    ),
    (
        "tests/corpus/tone-10.jsonl",
        &["tests/corpus/pack-pilpres-2019.json"],
    ),
    (
        "tests/corpus/tone-11.jsonl",
        &["tests/corpus/pack-t11.json"],
    ),
    (
        "tests/corpus/heldout-4a.jsonl",
        &["tests/corpus/pack-ho4a.json"],
    ),
    (
        "tests/corpus/heldout-4b.jsonl",
        &["tests/corpus/pack-ho4b.json"],
    ),
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

fn read_pack(path: &std::path::Path) -> Pack {
    let json = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Pack::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The national pack plus the regional packs of each corpus file.
pub fn corpus_scanners() -> Vec<Scanner> {
    FILES
        .iter()
        .map(|(_, packs)| {
            let mut all = vec![Pack::national_2024()];
            all.extend(packs.iter().map(|p| read_pack(&root().join(p))));
            Scanner::new(all)
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
    /// News posts (review posts of category `news`, safe posts of kind `news_neutral`)
    /// scanned as violation.
    pub news_as_violation: f64,
    pub news_posts: usize,
    /// Violation posts marked `explicit` (later held-out parts only), and their recall at
    /// review or above and at violation.
    pub explicit_posts: usize,
    pub recall_review_explicit: f64,
    pub recall_violation_explicit: f64,
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
    let (mut news, mut news_viol) = (0, 0);
    let (mut expl, mut expl_rev, mut expl_viol) = (0, 0, 0);
    let mut cat_total: BTreeMap<String, usize> = BTreeMap::new();
    let mut cat_hit: BTreeMap<String, usize> = BTreeMap::new();
    let mut cat_pred: BTreeMap<String, usize> = BTreeMap::new();
    let mut cat_pred_ok: BTreeMap<String, usize> = BTreeMap::new();
    for (file, p) in &posts {
        let r = scanners[*file].scan(&p.text, Lang::Id);
        let found: Vec<&str> = r.findings.iter().map(|x| x.category).collect();
        let is_news = p
            .categories
            .iter()
            .any(|c| c == "news" || c == "news_neutral");
        if is_news {
            news += 1;
            if r.risk == Risk::Violation {
                news_viol += 1;
            }
        }
        if p.label == "violation" && p.explicit == Some(true) {
            expl += 1;
            expl_rev += usize::from(r.risk >= Risk::Review);
            expl_viol += usize::from(r.risk == Risk::Violation);
        }
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
    f.news_posts = news;
    f.news_as_violation = ratio(news_viol, news);
    f.explicit_posts = expl;
    f.recall_review_explicit = ratio(expl_rev, expl);
    f.recall_violation_explicit = ratio(expl_viol, expl);
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

/// The tweets of the Ibrohim & Budi (2019) set, in file order (the first column, read as
/// latin-1), or `None` when `../shared/data` is not there.
fn hate_speech_tweets() -> Option<Vec<String>> {
    let path = shared().join("data/id-multilabel-hatespeech/re_dataset.csv");
    let bytes = std::fs::read(&path).ok()?;
    let text = decode_latin1(&bytes);
    Some(
        parse_csv(&text)
            .into_iter()
            .skip(1)
            .filter_map(|r| r.into_iter().next())
            .collect(),
    )
}

/// (tweets, non-political tweets, flagged as violation, flagged as review or more, examples)
pub fn tweets() -> Option<(usize, usize, usize, usize, Vec<String>)> {
    let all = hate_speech_tweets()?;
    let scanner = Scanner::national();
    let (mut neutral, mut viol, mut flagged) = (0, 0, 0);
    let mut examples = Vec::new();
    for tweet in &all {
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
    Some((all.len(), neutral, viol, flagged, examples))
}

/// One hand label of `political-dev-labels.jsonl` (see its `SOURCE.md`).
#[derive(Deserialize)]
struct RealLabel {
    row: usize,
    label: String,
    borderline: bool,
    skip: bool,
    reason: String,
}

/// Rows of one kind of the real development set and how the scanner rated them.
#[derive(Default, Debug, Clone, Copy)]
pub struct Group {
    pub rows: usize,
    /// Scanned as review or violation.
    pub flagged: usize,
    /// Scanned as violation.
    pub violation: usize,
}

impl Group {
    pub fn flagged_rate(&self) -> f64 {
        ratio(self.flagged, self.rows)
    }
    pub fn violation_rate(&self) -> f64 {
        ratio(self.violation, self.rows)
    }
    fn add(&mut self, other: Group) {
        self.rows += other.rows;
        self.flagged += other.flagged;
        self.violation += other.violation;
    }
}

/// The scanner on real political tweets of 2018-2019 labelled by hand
/// (`../shared/data/id-multilabel-hatespeech/political-dev-labels.jsonl`), scanned with the
/// national pack and `pack-2019.json`, as a portal of that year would have loaded them.
#[derive(Default, Debug, Clone)]
pub struct RealFigures {
    pub clear_partisan: Group,
    pub borderline_partisan: Group,
    pub clear_neutral: Group,
    pub borderline_neutral: Group,
    /// Neutral rows scanned as violation, by the category of their violation findings.
    pub false_by_category: BTreeMap<String, usize>,
    /// Partisan rows scanned as violation, by the category of their violation findings.
    pub hits_by_category: BTreeMap<String, usize>,
    /// Partisan rows scanned below violation: `MISS` (safe) or `REVIEW`, with the label's reason.
    pub misses: Vec<String>,
    /// Neutral rows scanned as violation.
    pub false_alarms: Vec<String>,
}

impl RealFigures {
    pub fn neutral(&self) -> Group {
        let mut g = self.clear_neutral;
        g.add(self.borderline_neutral);
        g
    }
    pub fn partisan(&self) -> Group {
        let mut g = self.clear_partisan;
        g.add(self.borderline_partisan);
        g
    }
}

pub fn real_dev() -> Option<RealFigures> {
    let dir = shared().join("data/id-multilabel-hatespeech");
    let labels = std::fs::read_to_string(dir.join("political-dev-labels.jsonl")).ok()?;
    let pack = std::fs::read_to_string(dir.join("pack-2019.json")).ok()?;
    let tweets = hate_speech_tweets()?;
    let pack = Pack::from_json(&pack).expect("pack-2019.json is a valid pack");
    let scanner = Scanner::new(vec![Pack::national_2024(), pack]);
    let mut f = RealFigures::default();
    for line in labels.lines().filter(|l| !l.trim().is_empty()) {
        let l: RealLabel = serde_json::from_str(line).expect("label line");
        if l.skip {
            continue;
        }
        let text = tweets.get(l.row).expect("labelled row in re_dataset.csv");
        let r = scanner.scan(text, Lang::Id);
        let partisan = l.label == "partisan";
        let group = match (partisan, l.borderline) {
            (true, false) => &mut f.clear_partisan,
            (true, true) => &mut f.borderline_partisan,
            (false, false) => &mut f.clear_neutral,
            (false, true) => &mut f.borderline_neutral,
        };
        group.rows += 1;
        group.flagged += usize::from(r.risk >= Risk::Review);
        group.violation += usize::from(r.risk == Risk::Violation);
        let mut cats: Vec<&str> = r
            .findings
            .iter()
            .filter(|x| x.severity == ceknetral::scanner::Severity::Violation)
            .map(|x| x.category)
            .collect();
        cats.sort_unstable();
        cats.dedup();
        let shown = || {
            let found: Vec<String> = r
                .findings
                .iter()
                .map(|x| format!("{}:{}={:?}", x.rule, x.severity.as_str(), x.text))
                .collect();
            format!(
                "{} {} row {} ({}) {:?} -> {}",
                if l.borderline { "borderline" } else { "clear" },
                l.label,
                l.row,
                l.reason,
                text,
                found.join(", ")
            )
        };
        if partisan {
            if r.risk == Risk::Violation {
                for c in &cats {
                    *f.hits_by_category.entry(c.to_string()).or_default() += 1;
                }
            } else {
                let kind = if r.risk == Risk::Safe {
                    "MISS"
                } else {
                    "REVIEW"
                };
                f.misses.push(format!("{kind} {}", shown()));
            }
        } else if r.risk == Risk::Violation {
            for c in &cats {
                *f.false_by_category.entry(c.to_string()).or_default() += 1;
            }
            f.false_alarms.push(format!("FALSE {}", shown()));
        }
    }
    Some(f)
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
        // The content is stored as a JSON list of paragraphs; a writer would paste the
        // paragraphs themselves.
        let body = serde_json::from_str::<Vec<String>>(&rec[4])
            .map(|ps| ps.join("\n\n"))
            .unwrap_or_else(|_| rec[4].clone());
        let article = format!("{}.\n\n{}", rec[3], body);
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

/// What `make eval` prints. With `misses`, the development posts and real development rows
/// that were missed or over-flagged are listed too (never the held-out posts: nobody tunes
/// the rules by reading them).
pub fn report(misses: bool) -> String {
    let mut s = String::new();
    for split in ["dev", "heldout", "heldout2", "heldout3", "heldout4"] {
        let f = corpus(split);
        if f.posts == 0 {
            continue;
        }
        let _ = writeln!(
            s,
            "corpus {split}: {} posts, {} violation posts\n  partisan recall: {:.3} at review or above, {:.3} at violation; precision at violation {:.3}\n  neutral posts: violation rate {:.3}, flagged (review or above) {:.3}; news posts scanned as violation {:.3} ({} posts)",
            f.posts, f.violation_posts, f.recall_review, f.recall_violation, f.precision_violation,
            f.violation_rate_safe, f.flag_rate_safe, f.news_as_violation, f.news_posts
        );
        if f.explicit_posts > 0 {
            let _ = writeln!(
                s,
                "  explicit violation posts ({}): recall {:.3} at review or above, {:.3} at violation",
                f.explicit_posts, f.recall_review_explicit, f.recall_violation_explicit
            );
        }
        let _ = writeln!(
            s,
            "  {:<24} {:>5} {:>7} {:>9}",
            "category", "posts", "recall", "precision"
        );
        for (c, (n, r, p)) in &f.categories {
            let _ = writeln!(s, "  {c:<24} {n:>5} {r:>7.3} {p:>9.3}");
        }
        if split == "dev" && misses {
            for m in &f.misses {
                let _ = writeln!(s, "  MISS {m}");
            }
            for m in &f.false_alarms {
                let _ = writeln!(s, "  FALSE {m}");
            }
            for m in &f.category_misses {
                let _ = writeln!(s, "  CATEGORY {m}");
            }
        }
    }
    match real_dev() {
        Some(f) => {
            let (cp, bp, cn, bn, n, p) = (
                f.clear_partisan,
                f.borderline_partisan,
                f.clear_neutral,
                f.borderline_neutral,
                f.neutral(),
                f.partisan(),
            );
            let _ = writeln!(
                s,
                "real tweets 2018-2019 (political-dev-labels.jsonl with pack-2019.json): {} rows",
                p.rows + n.rows
            );
            let _ = writeln!(
                s,
                "  clear partisan ({}): recall {:.3} at review or above, {:.3} at violation\n  borderline partisan ({}): {:.3}, {:.3}; all partisan ({}): {:.3}, {:.3}",
                cp.rows, cp.flagged_rate(), cp.violation_rate(),
                bp.rows, bp.flagged_rate(), bp.violation_rate(),
                p.rows, p.flagged_rate(), p.violation_rate()
            );
            let _ = writeln!(
                s,
                "  neutral ({}): violation rate {:.3}, flagged {:.3}; clearly neutral ({}): {:.3}, {:.3}; borderline neutral ({}): {:.3}, {:.3}",
                n.rows, n.violation_rate(), n.flagged_rate(),
                cn.rows, cn.violation_rate(), cn.flagged_rate(),
                bn.rows, bn.violation_rate(), bn.flagged_rate()
            );
            let _ = writeln!(
                s,
                "  {:<24} {:>9} {:>9}",
                "category of violation", "partisan", "neutral"
            );
            let mut cats: Vec<&String> = f
                .hits_by_category
                .keys()
                .chain(f.false_by_category.keys())
                .collect();
            cats.sort_unstable();
            cats.dedup();
            for c in cats {
                let _ = writeln!(
                    s,
                    "  {c:<24} {:>9} {:>9}",
                    f.hits_by_category.get(c).copied().unwrap_or(0),
                    f.false_by_category.get(c).copied().unwrap_or(0)
                );
            }
            if misses {
                for m in f.misses.iter().chain(&f.false_alarms) {
                    let _ = writeln!(s, "  {m}");
                }
            }
        }
        None => {
            let _ = writeln!(
                s,
                "real tweets: ../shared/data not found under {}; skipped",
                shared().display()
            );
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
            if misses {
                for e in examples {
                    let _ = writeln!(s, "  FALSE {e}");
                }
            }
        }
        None => {
            let _ = writeln!(
                s,
                "tweets: dataset not found under {}; skipped",
                shared().display()
            );
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
            let _ = writeln!(
                s,
                "stance: dataset not found under {}; skipped",
                shared().display()
            );
        }
    }
    s
}
