//! "Cek sebelum posting": the pre-post scanner.
//!
//! A post is normalised ([`normalize`]), split into units by one trie holding the generic
//! lexicon and the loaded election packs ([`matcher`]), and read by the rules ([`rules`]).
//! Findings carry UTF-16 offsets into the original text (what JavaScript's `slice` uses)
//! and byte offsets for Rust callers.
//!
//! ```
//! use ceknetral::scanner::{Scanner, Risk};
//! use ceknetral::kb::Lang;
//!
//! let scanner = Scanner::national();
//! let r = scanner.scan("Ayo coblos nomor 2! Prabowo-Gibran untuk Indonesia maju", Lang::Id);
//! assert_eq!(r.risk, Risk::Violation);
//! assert_eq!(r.findings[0].text, "coblos nomor 2");
//! assert!(scanner.scan("Juara 2 lomba lari, bangga!", Lang::Id).findings.is_empty());
//! ```

pub mod hashtag;
pub mod lexicon;
pub mod matcher;
pub mod normalize;
pub mod pack;
pub mod rules;
pub mod tone;

use serde::Serialize;
use std::ops::Range;

use crate::kb::Lang;
use matcher::{EntityRef, Matcher};
pub use pack::{Pack, PackError};
pub use rules::{Category, Rule, Severity, RULES};

/// Risk of a whole post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    Safe,
    Review,
    Violation,
}

impl Risk {
    /// The risk of a set of findings: the highest severity among them, safe when none.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Risk {
        findings
            .into_iter()
            .map(|f| match f.severity {
                Severity::Violation => Risk::Violation,
                Severity::Review => Risk::Review,
            })
            .max()
            .unwrap_or(Risk::Safe)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Safe => "safe",
            Risk::Review => "review",
            Risk::Violation => "violation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Basis {
    pub instrument: &'static str,
    pub provision: &'static str,
}

/// One thing to fix in a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// UTF-16 code-unit offset of the start in the original text.
    pub start: usize,
    /// UTF-16 code-unit offset of the end (exclusive).
    pub end: usize,
    /// The original text of the span.
    pub text: String,
    pub rule: &'static str,
    pub category: &'static str,
    pub severity: Severity,
    pub message: &'static str,
    pub basis: &'static [Basis],
    /// A neutral rewording that can replace the span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Byte offsets in the original text, for Rust callers.
    #[serde(skip)]
    pub bytes: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanResult {
    pub risk: Risk,
    pub findings: Vec<Finding>,
}

/// Texts longer than this (bytes) are refused rather than scanned.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanError {
    TooLong { bytes: usize },
}

impl std::fmt::Display for ScanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScanError::TooLong { bytes } => write!(
                f,
                "text is {bytes} bytes; the scanner takes at most {MAX_TEXT_BYTES} bytes"
            ),
        }
    }
}

impl std::error::Error for ScanError {}

/// A compiled scanner: the generic lexicon plus the packs it was built with.
#[derive(Debug, Clone)]
pub struct Scanner {
    matcher: Matcher,
    packs: Vec<Pack>,

    /// Voting day of each pack as written in suggestions (`14 Februari`, `14 February`).
    days: Vec<Option<(String, String)>>,
}

impl Scanner {
    /// A scanner with the given packs (the generic layer works without any).
    pub fn new(packs: Vec<Pack>) -> Scanner {
        let cut = |s: String| s.rsplit_once(' ').map(|(a, _)| a.to_string()).unwrap_or(s);
        let days = packs
            .iter()
            .map(|p| {
                p.voting_day
                    .map(|d| (cut(d.indonesian()), cut(d.english())))
            })
            .collect();
        Scanner {
            matcher: Matcher::new(&packs),
            days,
            packs,
        }
    }

    /// A scanner with the built-in 2024 national pack.
    pub fn national() -> Scanner {
        Scanner::new(vec![Pack::national_2024()])
    }

    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    /// Scans a post; texts over [`MAX_TEXT_BYTES`] are refused.
    pub fn try_scan(&self, text: &str, lang: Lang) -> Result<ScanResult, ScanError> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(ScanError::TooLong { bytes: text.len() });
        }
        Ok(self.scan(text, lang))
    }

    /// The features the tone model sees for a post (for training it:
    /// `tools/train_tone.py`).
    pub fn tone_features(&self, text: &str) -> Vec<String> {
        let norm = normalize::normalize(text);
        let units = self.matcher.units(text, &norm);
        let ctx = rules::Ctx::new(&units);
        let (hits, judged) = rule_hits(&ctx);
        let names = hit_names(&hits);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut out = Vec::new();
        tone::features(&norm, &units, &names, |f| out.push(f.concat()));
        // Not features of the model: what the scanner does with its probability (the
        // training script mirrors `weigh_tone` with them).
        if judged || ctx.is_report() || ctx.is_question() || ctx.warns() {
            out.push("x:no_lift".into());
        }
        if ctx.names_someone() {
            out.push("x:names".into());
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// For development: each rule's hit before findings merge (`rule severity units
    /// first..last`, and why a reading of the whole post lowered it), the post-level facts,
    /// and the tone model's probability. `examples/units` prints it.
    #[doc(hidden)]
    pub fn trace(&self, text: &str) -> Vec<String> {
        let norm = normalize::normalize(text);
        let units = self.matcher.units(text, &norm);
        let ctx = rules::Ctx::new(&units);
        let (hits, judged) = rule_hits(&ctx);
        let mut out = vec![format!(
            "post: report {} voiced {} election_ref {} names {} contestants {} judged {}",
            ctx.is_report(),
            ctx.voiced(),
            ctx.election_ref(),
            ctx.names_someone(),
            ctx.contestants_named(),
            judged
        )];
        for h in &hits {
            out.push(format!(
                "hit: {} {} {}..{}{}",
                RULES[h.rule].id,
                h.severity.as_str(),
                h.first,
                h.last,
                if h.lowered.is_empty() {
                    String::new()
                } else {
                    format!(" (lowered: {})", h.lowered)
                }
            ));
        }
        let names = hit_names(&hits);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        out.push(format!(
            "tone: {:.3}",
            tone::Model::get().probability(&norm, &units, &names)
        ));
        out
    }

    /// Scans a post of any length.
    pub fn scan(&self, text: &str, lang: Lang) -> ScanResult {
        let norm = normalize::normalize(text);
        let units = self.matcher.units(text, &norm);
        let ctx = rules::Ctx::new(&units);
        let (mut hits, judged) = rule_hits(&ctx);
        if !judged {
            weigh_tone(&norm, &units, &ctx, &mut hits);
        }
        self.findings(text, &norm, &units, hits, lang)
    }

    fn findings(
        &self,
        text: &str,
        norm: &normalize::Normalized,
        units: &[matcher::Unit],
        mut hits: Vec<Hit>,
        lang: Lang,
    ) -> ScanResult {
        // A hashtag of a contestant's name only names them (`#SuryawanAyu` under a
        // headline); in a post that supports or calls to vote for that contestant it
        // spreads the campaign, and is highlighted with the rest.
        let backed: Vec<(EntityRef, Severity)> = hits
            .iter()
            .filter(|h| {
                matches!(
                    RULES[h.rule].category,
                    Category::Support | Category::CallToVote
                )
            })
            .filter_map(|h| h.entity.map(|e| (e, h.severity)))
            .collect();
        if !backed.is_empty() {
            let hashtag = rules::hashtag_rule();
            for h in &mut hits {
                let on_hashtag = units
                    .get(h.first)
                    .is_some_and(|u| u.has(lexicon::class::HASHTAG));
                let Some(e) = h.entity else { continue };
                if RULES[h.rule].category != Category::Mention || !on_hashtag {
                    continue;
                }
                if let Some(severity) = backed
                    .iter()
                    .filter(|(b, _)| *b == e)
                    .map(|(_, s)| *s)
                    .max()
                {
                    h.rule = hashtag;
                    h.severity = severity;
                }
            }
        }
        // Mentions matter only when nothing else was found; one per contestant or party.
        let any_other = hits
            .iter()
            .any(|h| RULES[h.rule].category != Category::Mention);
        let mut seen_entities: Vec<Option<EntityRef>> = Vec::new();
        hits.retain(|h| {
            if RULES[h.rule].category != Category::Mention {
                return true;
            }
            if any_other || seen_entities.contains(&h.entity) {
                return false;
            }
            seen_entities.push(h.entity);
            true
        });
        // Overlapping hits of one category become one finding.
        hits.sort_by_key(|h| (RULES[h.rule].category, h.first, h.last));
        let mut merged: Vec<Hit> = Vec::new();
        for h in hits {
            if let Some(m) = merged.last_mut() {
                if RULES[m.rule].category == RULES[h.rule].category && h.first <= m.last {
                    m.last = m.last.max(h.last);
                    m.severity = m.severity.max(h.severity);
                    continue;
                }
            }
            merged.push(h);
        }

        let tokens = norm.tokens();
        let mut findings: Vec<Finding> = merged
            .iter()
            .filter_map(|h| {
                let first_tok = units.get(h.first)?.first;
                let last_tok = units.get(h.last)?.last;
                let bytes = tokens.get(first_tok)?.orig.start..tokens.get(last_tok)?.orig.end;
                let rule = &RULES[h.rule];
                Some(Finding {
                    start: 0,
                    end: 0,
                    text: text.get(bytes.clone()).unwrap_or("").to_string(),
                    rule: rule.id,
                    category: rule.category.as_str(),
                    severity: h.severity,
                    message: rule.message.get(lang),
                    basis: rule_basis(h.rule),
                    suggestion: rule
                        .suggestion
                        .map(|s| self.fill_day(s.0.get(lang), h.entity, lang)),
                    bytes,
                })
            })
            .collect();
        findings.sort_by_key(|f| (f.bytes.start, f.bytes.end));
        set_utf16(text, &mut findings);
        let risk = Risk::of(&findings);
        ScanResult { risk, findings }
    }

    /// Replaces `{hari}`/`{day}` with the voting day of the pack concerned.
    fn fill_day(&self, template: &str, entity: Option<EntityRef>, lang: Lang) -> String {
        if !template.contains('{') {
            return template.to_string();
        }
        let day = entity
            .and_then(|e| self.days.get(usize::from(e.pack)))
            .and_then(Option::as_ref)
            .or_else(|| self.days.iter().flatten().next());
        let day = match (day, lang) {
            (Some((id, _)), Lang::Id) => id.as_str(),
            (Some((_, en)), Lang::En) => en.as_str(),
            (None, Lang::Id) => "hari pemungutan suara",
            (None, Lang::En) => "election day",
        };
        template.replace("{hari}", day).replace("{day}", day)
    }
}

/// A rule's finding before findings are merged: units `first..=last`.
struct Hit {
    rule: usize,
    first: usize,
    last: usize,
    entity: Option<EntityRef>,
    severity: Severity,
    /// Why a reading of the whole post lowered it to review, if one did (for
    /// [`Scanner::trace`]).
    lowered: &'static str,
}

impl Hit {
    fn lower(&mut self, why: &'static str) {
        if self.severity == Severity::Violation {
            self.severity = Severity::Review;
            self.lowered = why;
        }
    }
}

/// Runs every rule, then the adjustments that read the whole post (questions, news
/// reports, governing, even-handed posts, warnings). Also says whether the whole post was
/// judged no more than worth a look (a report, a post about governing, an even-handed
/// one), which the tone model then leaves alone.
fn rule_hits(ctx: &rules::Ctx) -> (Vec<Hit>, bool) {
    let mut hits: Vec<Hit> = Vec::new();
    let mut spans = Vec::new();
    for (ri, rule) in RULES.iter().enumerate() {
        spans.clear();
        (rule.detect)(ctx, &mut spans);
        for s in &spans {
            hits.push(Hit {
                rule: ri,
                first: s.first,
                last: s.last,
                entity: s.entity,
                severity: if s.review {
                    Severity::Review
                } else {
                    rule.severity
                },
                lowered: "",
            });
        }
    }
    // A question about the rules is not a breach: say it is worth a look, no more.
    if ctx.all & lexicon::class::QUESTION != 0 {
        for h in &mut hits {
            h.lower("question");
        }
    }
    // News is not stance. A post that reports (news words, reported speech, a link, a
    // newsroom's account, a headline's capitals, a speaker quoted) and where the writer
    // never speaks in their own voice names candidates, campaigns and results without
    // taking a side: all of it is worth a look, no more.
    // A post that names two or more contestants and never speaks in the writer's voice
    // describes the race ("kampanye akbar X di GBK, Y di JIS"): a report too.
    let several =
        ctx.is_short_enough_to_judge_whole() && ctx.contestants_named() >= 2 && !ctx.voiced();
    let mut judged = ctx.is_report() || several;
    for h in &mut hits {
        if several {
            h.lower("several contestants, no voice");
        } else if ctx.in_report(h.first) {
            h.lower("report");
        }
    }
    // Praise or criticism of a contestant in office ("pemerintah Jokowi", "Presiden X
    // diktator") in a post that says nothing of the election is about governing: worth a
    // look, not a verdict.
    if !ctx.election_ref() {
        for h in &mut hits {
            // The contestant in office, or an office or institution itself ("bubarkan DPR",
            // "pak Presiden otoriter").
            let governed = match h.entity {
                Some(e) => !e.party && ctx.governed(e),
                None => {
                    ctx.all & lexicon::class::GOVERN != 0
                        || (h.first..=h.last).any(|j| {
                            ctx.units
                                .get(j)
                                .is_some_and(|u| u.has(lexicon::class::OFFICE))
                        })
                }
            };
            if governed && matches!(RULES[h.rule].category, Category::Support | Category::Attack) {
                h.lower("governing");
                judged = true;
            }
        }
    }
    // "JK mau lengserkan Jokowi": a call that someone else intends, told, not made.
    for h in &mut hits {
        if RULES[h.rule].category == Category::Attack && rules::intended_by_others(ctx, h.first) {
            h.lower("intended by others");
            judged = true;
        }
    }
    // A post that treats every side alike (praises them all, mocks them all, or carries
    // each side's hashtags) takes none, unless it ranks them.
    judged |= even_handed(ctx, &mut hits);
    // A post that warns against acts (dilarang, melanggar, laporkan, netralitas ...)
    // names them without doing them: unless it also takes a side, its findings about
    // campaigns, facilities, money, ID cards, groups and signs are dropped.
    if ctx.warns() {
        let sides = hits.iter().any(|h| {
            h.severity == Severity::Violation
                && matches!(
                    RULES[h.rule].category,
                    Category::CallToVote
                        | Category::Support
                        | Category::Attack
                        | Category::HashtagSlogan
                        | Category::PartyPromotion
                        | Category::RelativeCandidate
                )
        });
        if !sides {
            hits.retain(|h| {
                !matches!(
                    RULES[h.rule].category,
                    Category::CampaignMobilisation
                        | Category::StateFacilities
                        | Category::MoneyPolitics
                        | Category::KtpCollection
                        | Category::GroupInvite
                        | Category::Symbol
                )
            });
        }
    }
    (hits, judged)
}

/// Caps at review the findings of a post that treats two or more contestants of one pack
/// alike: each is praised, or each attacked, and nothing ranks them (lebih, daripada ...).
fn even_handed(ctx: &rules::Ctx, hits: &mut [Hit]) -> bool {
    if ctx.all & lexicon::class::COMPARE != 0 {
        return false;
    }
    // "kedua kubu", "ketiga paslon": the post says itself that it speaks of every side.
    let both = ctx.all & lexicon::class::EVEN != 0;
    // (entity, kind): what each side gets, by category (support, attack, hashtag, sign).
    let mut sides: Vec<(EntityRef, Category)> = Vec::new();
    // Camps named by no pack, by the side their name mocks ("cebong vs kampret, sama aja").
    let (mut camp_gov, mut camp_opp) = (false, false);
    for h in hits.iter().filter(|h| h.severity == Severity::Violation) {
        let kind = RULES[h.rule].category;
        if kind == Category::Attack {
            for u in ctx.units.get(h.first..=h.last).unwrap_or(&[]) {
                camp_gov |= u.has(lexicon::class::CAMP_GOV);
                camp_opp |= u.has(lexicon::class::CAMP_OPP);
            }
        }
        let Some(e) = h.entity.filter(|e| !e.party) else {
            continue;
        };
        // (A call to vote for every side is how to read the ballot: "01 Jokowi-Ma'ruf, 02
        // Prabowo-Sandi, jangan salah lipat".)
        if !matches!(
            kind,
            Category::Attack
                | Category::Support
                | Category::HashtagSlogan
                | Category::Symbol
                | Category::CallToVote
        ) {
            return false; // a campaign, money, a group ...: no even-handed report
        }
        // What is said of one of a list is said of each in it.
        let target =
            (h.first..=h.last).find(|j| ctx.units.get(*j).is_some_and(|u| u.entity == Some(e)));
        let listed = target.map(|t| ctx.listed_with(t)).unwrap_or_default();
        for e in std::iter::once(e).chain(listed) {
            if !sides.contains(&(e, kind)) {
                sides.push((e, kind));
            }
        }
    }
    let mut entities: Vec<EntityRef> = sides.iter().map(|s| s.0).collect();
    entities.dedup();
    let one_pack = entities.windows(2).all(|w| w[0].pack == w[1].pack);
    // Each side gets the same: all praised, all attacked, or each side's hashtag.
    let kinds: Vec<Category> = sides.iter().map(|s| s.1).collect();
    let alike = kinds.windows(2).all(|w| w[0] == w[1]);
    // Every entity once, all given the same, at least two of them.
    let distinct = {
        let mut e = entities.clone();
        e.sort_by_key(|x| (x.pack, x.index));
        e.dedup();
        e.len()
    };
    // Both sides' camps mocked, and nothing but mockery: the writer mocks the quarrel.
    let both_camps = camp_gov && camp_opp && kinds.iter().all(|k| *k == Category::Attack);
    let even =
        both_camps || (distinct >= 2 && one_pack && (both || (alike && distinct == sides.len())));
    if even {
        for h in hits.iter_mut() {
            if matches!(
                RULES[h.rule].category,
                Category::Support
                    | Category::Attack
                    | Category::HashtagSlogan
                    | Category::Symbol
                    | Category::CallToVote
            ) {
                h.lower("even-handed");
            }
        }
    }
    even
}

/// `rule:severity` of each hit, as the tone model sees them.
fn hit_names(hits: &[Hit]) -> Vec<String> {
    let mut names: Vec<String> = hits
        .iter()
        .map(|h| format!("{}:{}", RULES[h.rule].id, h.severity.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Lets the tone model weigh the post (see [`tone`]): a clearly partisan post whose rules
/// found only something worth a look, or only a name, becomes a violation.
fn weigh_tone(
    norm: &normalize::Normalized,
    units: &[matcher::Unit],
    ctx: &rules::Ctx,
    hits: &mut Vec<Hit>,
) {
    let model = tone::Model::get();
    if model.is_empty() {
        return;
    }
    let violation = hits.iter().any(|h| h.severity == Severity::Violation);
    // A report in no voice of the writer's own takes no side, whatever its words.
    let report = ctx.is_report();
    if violation || report || ctx.is_question() || ctx.warns() {
        return;
    }
    let names = hit_names(hits);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let p = model.probability(norm, units, &names);
    // On whom the post names. (A post that names nobody the scanner knows is left alone:
    // lifting those on the model's word alone flagged everyday abuse in real tweets.)
    let target = if p >= tone::LIFT {
        ctx.partisan_target()
    } else {
        None
    };
    if let Some((first, last, entity)) = target {
        // Scorn or praise of someone spoken of in office (the government, the regime, a
        // title before the name) with nothing of an election (no candidacy, camp, vote,
        // party, ballot number or election year) may be about governing: the writer
        // decides, so the model alone asks for review.
        let governing = entity.is_some_and(|e| ctx.governed(e)) && !ctx.election_ref();
        let severity = if governing {
            Severity::Review
        } else {
            Severity::Violation
        };
        hits.push(Hit {
            rule: rules::tone_rule(),
            first,
            last,
            entity,
            severity,
            lowered: "",
        });
    }
}

/// Each rule's basis, resolved from the knowledge base once per process.
fn rule_basis(rule: usize) -> &'static [Basis] {
    static BASES: std::sync::OnceLock<Vec<Vec<Basis>>> = std::sync::OnceLock::new();
    BASES
        .get_or_init(|| RULES.iter().map(|r| basis(r.basis)).collect())
        .get(rule)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn basis(keys: &[&str]) -> Vec<Basis> {
    keys.iter()
        .filter_map(|k| crate::kb::cite_by_key(k))
        .map(|(instrument, provision)| Basis {
            instrument,
            provision,
        })
        .collect()
}

/// Fills the UTF-16 offsets from the byte offsets in one pass over the text.
fn set_utf16(text: &str, findings: &mut [Finding]) {
    let mut wanted: Vec<usize> = findings
        .iter()
        .flat_map(|f| [f.bytes.start, f.bytes.end])
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut map: Vec<(usize, usize)> = Vec::with_capacity(wanted.len());
    let mut units = 0usize;
    let mut w = wanted.iter().peekable();
    for (i, c) in text.char_indices() {
        while let Some(&&b) = w.peek() {
            if b <= i {
                map.push((b, units));
                w.next();
            } else {
                break;
            }
        }
        units += c.len_utf16();
    }
    for b in w {
        map.push((*b, units));
    }
    let lookup = |b: usize| {
        map.binary_search_by_key(&b, |(k, _)| *k)
            .map(|i| map[i].1)
            .unwrap_or(0)
    };
    for f in findings {
        f.start = lookup(f.bytes.start);
        f.end = lookup(f.bytes.end);
    }
}
