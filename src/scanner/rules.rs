//! The scanner's rules. Each rule has an id, a category, a severity, a message in Indonesian
//! and English, the provisions it rests on (keys of the knowledge base), a neutral
//! rewording where one makes sense, and texts it must flag and must leave alone; one test
//! runs every rule against its own examples.

use super::lexicon::class::*;
use super::matcher::{EntityRef, Unit};
use crate::kb::Text;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Review,
    Violation,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Review => "review",
            Severity::Violation => "violation",
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    CallToVote,
    Support,
    Attack,
    HashtagSlogan,
    Symbol,
    PartyPromotion,
    CampaignMobilisation,
    GroupInvite,
    StateFacilities,
    KtpCollection,
    MoneyPolitics,
    RelativeCandidate,
    /// A contestant or party named without support or attack (for example in news).
    Mention,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::CallToVote => "call_to_vote",
            Category::Support => "support",
            Category::Attack => "attack",
            Category::HashtagSlogan => "hashtag_slogan",
            Category::Symbol => "symbol",
            Category::PartyPromotion => "party_promotion",
            Category::CampaignMobilisation => "campaign_mobilisation",
            Category::GroupInvite => "group_invite",
            Category::StateFacilities => "state_facilities",
            Category::KtpCollection => "ktp_collection",
            Category::MoneyPolitics => "money_politics",
            Category::RelativeCandidate => "relative_candidate",
            Category::Mention => "mention",
        }
    }

    pub const ALL: [Category; 13] = [
        Category::CallToVote,
        Category::Support,
        Category::Attack,
        Category::HashtagSlogan,
        Category::Symbol,
        Category::PartyPromotion,
        Category::CampaignMobilisation,
        Category::GroupInvite,
        Category::StateFacilities,
        Category::KtpCollection,
        Category::MoneyPolitics,
        Category::RelativeCandidate,
        Category::Mention,
    ];
}

/// A neutral rewording; `{hari}` becomes the voting day of the pack concerned, or
/// "hari pemungutan suara".
#[derive(Debug, Clone, Copy)]
pub struct Suggestion(pub Text);

pub struct Rule {
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: Text,
    /// Provision keys in the knowledge base (`pp94_2021:p5n`), checked by a test.
    pub basis: &'static [&'static str],
    pub suggestion: Option<Suggestion>,
    /// Texts this rule must flag (with the built-in 2024 pack loaded).
    pub must_flag: &'static [&'static str],
    /// Texts this rule must leave alone.
    pub must_not_flag: &'static [&'static str],
    pub(crate) detect: fn(&Ctx, &mut Vec<Span>),
}

/// Units `first..=last` a rule points at, and the entity concerned.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub first: usize,
    pub last: usize,
    pub entity: Option<EntityRef>,
    /// Worth a second look only (the rule's severity is lowered to review).
    pub review: bool,
}

/// What the rules see of a post.
pub struct Ctx<'a> {
    pub units: &'a [Unit],
    /// OR of every unit's classes.
    pub all: u64,
    /// Index of the sentence each unit belongs to.
    sentence: Vec<usize>,
    /// OR of the classes of each sentence's units.
    sentence_classes: Vec<u64>,
}

impl<'a> Ctx<'a> {
    pub fn new(units: &'a [Unit]) -> Ctx<'a> {
        let mut sentence = Vec::with_capacity(units.len());
        let mut sentence_classes = vec![0u64];
        let mut s = 0;
        let mut all = 0;
        for (i, u) in units.iter().enumerate() {
            if i > 0 && u.boundary_before {
                s += 1;
                sentence_classes.push(0);
            }
            sentence.push(s);
            if let Some(c) = sentence_classes.last_mut() {
                *c |= u.classes;
            }
            all |= u.classes;
        }
        Ctx {
            units,
            all,
            sentence,
            sentence_classes,
        }
    }

    fn has(&self, c: u64) -> bool {
        self.all & c != 0
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence.get(a) == self.sentence.get(b)
    }

    /// Units within `back` before and `fwd` after `i`, in the same sentence, nearest first.
    fn around(&self, i: usize, back: usize, fwd: usize) -> impl Iterator<Item = usize> + '_ {
        let n = self.units.len();
        let max = back.max(fwd);
        (1..=max)
            .flat_map(move |d| {
                let after = (d <= fwd && i + d < n).then_some(i + d);
                let before = (d <= back && d <= i).then(|| i - d);
                after.into_iter().chain(before)
            })
            .filter(move |j| self.same_sentence(i, *j))
    }

    fn sentence_has(&self, i: usize, c: u64) -> bool {
        self.sentence
            .get(i)
            .and_then(|s| self.sentence_classes.get(*s))
            .is_some_and(|x| x & c != 0)
    }

    /// Is there an election around: election words, candidates, contestants, parties, strong
    /// campaign words or a pack's symbols?
    fn election_context(&self) -> bool {
        self.has(
            ELECTION
                | CAND
                | CONTESTANT
                | PARTY
                | CAMPAIGN_STRONG
                | PACK_HASHTAG
                | SLOGAN
                | PACK_SYMBOL
                | VOTE_STRONG,
        ) || self
            .units
            .iter()
            .any(|u| u.has(CONTESTANT_AMBIG) && u.has(UPPER))
    }

    /// A unit that names who to vote for; `near` says whether it is next to the verb.
    fn target(&self, j: usize, near: bool, strong_verb: bool) -> bool {
        let u = &self.units[j];
        if u.has(CONTESTANT | SLOGAN | PACK_HASHTAG | PARTY | CAND | FINGER | PACK_SYMBOL) {
            return true;
        }
        if u.has(CONTESTANT_AMBIG | PARTY_AMBIG) && (near || u.has(UPPER)) {
            return true;
        }
        // "pilih Bu Ayu di pilkada": a title and a capitalised name, in an election.
        if u.has(HONORIFIC)
            && near
            && self.units.get(j + 1).is_some_and(|n| {
                n.has(TITLE) && n.classes & !(TITLE | UPPER) == 0 && self.same_sentence(j, j + 1)
            })
            && self.sentence_has(j, ELECTION | CAND)
        {
            return true;
        }
        if u.has(BALLOT_NUM) {
            if self
                .units
                .get(j + 1)
                .is_some_and(|n| n.has(EVERYDAY) && self.same_sentence(j, j + 1))
            {
                return false;
            }
            let marked = j > 0 && self.units[j - 1].has(NUMREF);
            let written = u.has(LEADING_ZERO | KEYCAP);
            return (marked || written || near)
                && (strong_verb || written || self.election_context());
        }
        false
    }

    fn is_contestant(&self, j: usize) -> bool {
        let u = &self.units[j];
        u.has(CONTESTANT | SLOGAN | PACK_HASHTAG)
            || (u.has(CONTESTANT_AMBIG) && u.has(UPPER))
            || u.entity.is_some_and(|e| !e.party)
                && u.has(CONTESTANT_AMBIG | SLOGAN_AMBIG)
                && u.has(UPPER)
    }
}

fn span(first: usize, last: usize, entity: Option<EntityRef>) -> Span {
    Span {
        first: first.min(last),
        last: first.max(last),
        entity,
        review: false,
    }
}

fn negated_before(ctx: &Ctx, i: usize, reach: usize) -> bool {
    (1..=reach.min(i)).any(|d| ctx.same_sentence(i, i - d) && ctx.units[i - d].has(NEG))
}

// --- detectors -----------------------------------------------------------------------

fn detect_vote_call(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(VOTE) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(VOTE) || u.has(ATTACK | CIVIC) || negated_before(ctx, i, 2) {
            continue;
        }
        let strong = u.has(VOTE_STRONG);
        let mut hit = None;
        for j in i + 1..(i + 6).min(ctx.units.len()) {
            if !ctx.same_sentence(i, j) || ctx.units[j].has(EVERYDAY | CIVIC) {
                break;
            }
            if ctx.target(j, j - i <= 2, strong) {
                hit = Some(j);
                break;
            }
        }
        // "Nomor 2, coblos!": a target before the verb only when the verb ends the sentence.
        let ends_sentence = ctx.units.get(i + 1).is_none_or(|n| n.boundary_before);
        if hit.is_none() && strong && ends_sentence {
            for j in (i.saturating_sub(3)..i).rev() {
                if ctx.same_sentence(i, j) && ctx.target(j, i - j <= 1, true) {
                    hit = Some(j);
                    break;
                }
            }
        }
        if let Some(j) = hit {
            let t = &ctx.units[j];
            // A generic candidate word with a civic qualifier is a civic message.
            let generic_only = t.has(CAND) && !t.has(CONTESTANT | PARTY);
            if generic_only && ctx.sentence_has(i, CIVIC) {
                continue;
            }
            if t.entity.is_some_and(|e| e.party) && !t.has(CONTESTANT) {
                continue; // left to the party rule
            }
            let last = if j + 1 < ctx.units.len() && t.has(NUMREF | HONORIFIC) {
                j + 1
            } else {
                j
            };
            out.push(span(i, last, t.entity));
        }
    }
}

fn detect_support(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(SUPPORT | SUPPORT_STRONG) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(SUPPORT | SUPPORT_STRONG) || negated_before(ctx, i, 2) {
            continue;
        }
        let strong = u.has(SUPPORT_STRONG);
        let reach = if strong { 8 } else { 2 };
        // Strong support reaches a named contestant or candidate anywhere in a short post.
        let post_wide = strong && ctx.units.len() <= 60 && !ctx.has(CIVIC | QUESTION);
        let far = post_wide
            .then(|| {
                (0..ctx.units.len()).find(|j| {
                    let t = &ctx.units[*j];
                    (ctx.is_contestant(*j) || t.has(CAND)) && !t.entity.is_some_and(|e| e.party)
                })
            })
            .flatten();
        let found = ctx.around(i, reach, reach).find(|j| {
            let t = &ctx.units[*j];
            if t.entity.is_some_and(|e| e.party) && !t.has(CONTESTANT) {
                return false;
            }
            let dist = j.abs_diff(i);
            ctx.is_contestant(*j)
                || (t.has(CONTESTANT_AMBIG) && dist <= 1)
                || (t.has(CAND) && (strong || dist <= 2) && !ctx.sentence_has(i, CIVIC))
                || (t.has(BALLOT_NUM)
                    && (t.has(LEADING_ZERO | KEYCAP) || (*j > 0 && ctx.units[j - 1].has(NUMREF)))
                    && (ctx.election_context()
                        || (strong && dist <= 2 && t.has(LEADING_ZERO | KEYCAP))
                        || (dist <= 1 && t.has(LEADING_ZERO) && t.value.is_some_and(|v| v <= 9)))
                    && !t.has(EVERYDAY))
        });
        if let Some(j) = found.or(far) {
            let e = ctx.units[j].entity;
            if j.abs_diff(i) > 8 {
                out.push(span(i, i, e));
            } else {
                out.push(span(i, j, e));
            }
        }
    }
}

fn detect_attack(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(ATTACK) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(ATTACK) {
            continue;
        }
        let found = ctx.around(i, 8, 8).find(|j| {
            let t = &ctx.units[*j];
            ctx.is_contestant(*j)
                || (t.has(CONTESTANT_AMBIG | PARTY_AMBIG) && j.abs_diff(i) <= 1)
                || t.has(PARTY)
                || (t.has(PARTY_WORD) && j.abs_diff(i) <= 3)
                || (t.has(CAND) && !ctx.sentence_has(i, CIVIC))
                || (t.has(BALLOT_NUM) && t.has(LEADING_ZERO | KEYCAP) && ctx.election_context())
        });
        if let Some(j) = found {
            out.push(span(i, j, ctx.units[j].entity));
        }
    }
}

fn detect_hashtag(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(HASHTAG) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if u.has(HASHTAG) && u.has(PACK_HASHTAG | CAMPAIGN_HASHTAG) {
            out.push(span(i, i, u.entity));
        }
    }
}

fn detect_slogan(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(SLOGAN | SLOGAN_AMBIG) {
        return;
    }
    let context = ctx.has(CONTESTANT | PACK_HASHTAG | CAND | VOTE_STRONG | PACK_SYMBOL)
        || ctx
            .units
            .iter()
            .any(|u| u.has(CONTESTANT_AMBIG) && u.has(UPPER));
    for (i, u) in ctx.units.iter().enumerate() {
        if u.has(HASHTAG) {
            continue;
        }
        if u.has(SLOGAN) || (u.has(SLOGAN_AMBIG) && context && !u.has(CIVIC)) {
            out.push(span(i, i, u.entity));
        }
    }
}

fn detect_symbol(ctx: &Ctx, out: &mut Vec<Span>) {
    let strong = ctx.has(
        VOTE | SUPPORT_STRONG
            | CONTESTANT
            | CAND
            | NUMREF
            | PACK_HASHTAG
            | SLOGAN
            | CAMPAIGN_STRONG
            | PARTY,
    ) || ctx
        .units
        .iter()
        .any(|u| u.has(CONTESTANT_AMBIG) && u.has(UPPER));
    let weak = ctx.has(ELECTION | CAMPAIGN);
    if !(strong || weak) {
        return;
    }
    let civic_only = ctx.has(CIVIC)
        && !ctx.has(CONTESTANT | PARTY | PACK_HASHTAG | VOTE_STRONG | SUPPORT_STRONG);
    for (i, u) in ctx.units.iter().enumerate() {
        let sign = u.has(FINGER | SYMBOL | PACK_SYMBOL) || (u.has(KEYCAP) && u.has(BALLOT_NUM));
        if sign && !u.has(EVERYDAY) && !(i > 0 && ctx.units[i - 1].has(EVERYDAY)) {
            let mut s = span(i, i, u.entity);
            s.review = !strong || civic_only;
            out.push(s);
        }
    }
}

fn detect_party(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(PARTY | PARTY_AMBIG | PARTY_ACTIVITY | PARTY_WORD) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        let party = u.has(PARTY)
            || (u.has(PARTY_AMBIG) && {
                let prev = i > 0 && ctx.units[i - 1].has(PARTY_WORD | VOTE);
                let next = ctx
                    .units
                    .get(i + 1)
                    .is_some_and(|n| n.has(NUMREF | BALLOT_NUM | PARTY_WORD));
                prev || next || u.has(UPPER) && ctx.election_context()
            });
        if party {
            let found = ctx.around(i, 6, 6).find(|j| {
                let t = &ctx.units[*j];
                t.has(VOTE | SUPPORT | SUPPORT_STRONG | MOBILIZE | GROUP | PARTY_ACTIVITY | FINGER)
                    || (t.has(NUMREF) && ctx.units.get(j + 1).is_some_and(|n| n.has(BALLOT_NUM)))
            });
            if let Some(j) = found {
                if !negated_before(ctx, i.min(j), 2) {
                    out.push(span(i, j, u.entity));
                }
            }
        }
        // Party membership talked about in the first person.
        if u.has(PARTY_ACTIVITY) && ctx.has(FIRST_PERSON) && !ctx.has(QUESTION | NEG | CIVIC) {
            out.push(span(i, i, u.entity));
        }
        // "coblos partainya", "dukung partai X"
        if u.has(PARTY_WORD) && i > 0 && ctx.units[i - 1].has(VOTE | SUPPORT_STRONG) {
            out.push(span(i - 1, i, u.entity));
        }
    }
}

fn detect_campaign(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(CAMPAIGN | CAMPAIGN_STRONG) {
        return;
    }
    // Reports of enforcement and civic notices name campaigns without joining them.
    let reporting = ctx.has(CIVIC) && ctx.has(NEG);
    for (i, u) in ctx.units.iter().enumerate() {
        if u.has(CAMPAIGN_STRONG) && !ctx.sentence_has(i, NEG | CIVIC) && !reporting {
            out.push(span(i, i, u.entity));
            continue;
        }
        if !u.has(CAMPAIGN) || ctx.sentence_has(i, NEG | CIVIC) || reporting {
            continue;
        }
        let everyday_next = ctx.units.get(i + 1).is_some_and(|n| n.has(EVERYDAY));
        if everyday_next {
            continue;
        }
        let found = ctx.around(i, 6, 6).find(|j| {
            let t = &ctx.units[*j];
            if t.has(EVERYDAY) && j.abs_diff(i) <= 1 {
                return false;
            }
            ctx.is_contestant(*j)
                || t.has(CAND | PARTY)
                || (t.has(CONTESTANT_AMBIG) && j.abs_diff(i) <= 1)
                || (t.has(BALLOT_NUM) && *j > 0 && ctx.units[j - 1].has(NUMREF))
                || (t.has(BALLOT_NUM)
                    && t.has(LEADING_ZERO)
                    && j.abs_diff(i) <= 1
                    && t.value.is_some_and(|v| v <= 9))
        });
        if let Some(j) = found {
            out.push(span(i, j, ctx.units[j].entity));
        } else if ctx.sentence_has(i, MOBILIZE)
            && (0..ctx.units.len()).any(|j| ctx.is_contestant(j) || ctx.units[j].has(CAND))
        {
            // "Kumpul di posko jam 8" in a post that names the contestant elsewhere.
            out.push(span(i, i, None));
        }
    }
}

fn detect_group(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(GROUP) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(GROUP) || negated_before(ctx, i, 3) || ctx.has(NEG) && ctx.has(FIRST_PERSON) {
            continue;
        }
        let found = ctx.around(i, 6, 6).find(|j| {
            let t = &ctx.units[*j];
            ctx.is_contestant(*j)
                || t.has(CAMPAIGN | CAMPAIGN_STRONG | CAND | PARTY | CAMPAIGN_HASHTAG)
        });
        if let Some(j) = found {
            if !ctx.units[j].has(EVERYDAY) {
                out.push(span(i, j, ctx.units[j].entity));
            }
        }
    }
}

fn detect_facility(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(STATE_FAC) {
        return;
    }
    // A campaign named as such: plain `relawan` or `posko` (disaster volunteers, a
    // homecoming post) is not enough.
    let campaign_word =
        ctx.units.iter().enumerate().any(|(i, u)| {
            u.has(CAMPAIGN) && !ctx.units.get(i + 1).is_some_and(|n| n.has(EVERYDAY))
        });
    let campaign = campaign_word
        || ctx.has(CAMPAIGN_STRONG | CONTESTANT | CAND | VOTE_STRONG | PARTY | PACK_HASHTAG)
        || (ctx.has(KTP) && ctx.has(DUKUNGAN));
    if !campaign || ctx.has(QUESTION) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if u.has(STATE_FAC) && !ctx.sentence_has(i, NEG | CIVIC) {
            out.push(span(i, i, None));
        }
    }
}

fn detect_ktp(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(KTP) {
        return;
    }
    if !(ctx.has(COLLECT | DUKUNGAN) && ctx.has(DUKUNGAN | CONTESTANT | CAND)) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if u.has(KTP) && !ctx.sentence_has(i, NEG | CIVIC | ELECTION) {
            out.push(span(i, i, None));
        }
    }
}

fn detect_money(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(MONEY | MONEY_STRONG) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if u.has(MONEY_STRONG) && !ctx.sentence_has(i, NEG | CIVIC | ATTACK) {
            out.push(span(i, i, None));
            continue;
        }
        if !u.has(MONEY) || ctx.sentence_has(i, NEG | CIVIC) {
            continue;
        }
        let found = ctx.around(i, 8, 8).find(|j| {
            let t = &ctx.units[*j];
            t.has(VOTE | SUPPORT_STRONG) && !t.has(CIVIC)
                || ctx.is_contestant(*j)
                || t.has(CAND)
                || (t.has(BALLOT_NUM)
                    && (t.has(LEADING_ZERO) || (*j > 0 && ctx.units[j - 1].has(NUMREF))))
        });
        if let Some(j) = found {
            out.push(span(i, j, ctx.units[j].entity));
        }
    }
}

fn detect_relative(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(RELATIVE) {
        return;
    }
    if ctx.has(QUESTION) || !ctx.has(SUPPORT_STRONG | VOTE | MOBILIZE | NUMREF) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(RELATIVE) {
            continue;
        }
        let found = ctx
            .around(i, 2, 6)
            .find(|j| ctx.units[*j].has(NYALEG | CAND) || ctx.is_contestant(*j));
        if let Some(j) = found {
            out.push(span(i, j, ctx.units[j].entity));
        }
    }
}

fn detect_mention(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(CONTESTANT | PARTY | CONTESTANT_AMBIG) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if u.has(CONTESTANT | PARTY)
            || (u.has(CONTESTANT_AMBIG) && u.has(UPPER) && ctx.election_context())
        {
            out.push(span(i, i, u.entity));
        }
    }
}

// --- the rules -----------------------------------------------------------------------

const SOCIAL_BASIS: &[&str] = &[
    "skb2022:d2",
    "skb2022:k2",
    "pp94_2021:p5n",
    "uu20_2023:p24_1d",
];

/// Every rule, in the order their findings are listed.
pub static RULES: &[Rule] = &[
    Rule {
        id: "vote.call",
        category: Category::CallToVote,
        severity: Severity::Violation,
        message: Text {
            id: "Ajakan memilih calon atau nomor urut tertentu adalah kampanye. Pegawai ASN dan aparat desa dilarang mengajak memilih calon, juga di akun pribadi.",
            en: "Asking people to vote for a particular candidate or ballot number is campaigning. Civil servants and village officials may not do it, on personal accounts too.",
        },
        basis: SOCIAL_BASIS,
        suggestion: Some(Suggestion(Text {
            id: "gunakan hak pilih pada {hari}",
            en: "use your right to vote on {day}",
        })),
        must_flag: &[
            "Ayo coblos nomor 2!",
            "Jangan lupa coblos Prabowo-Gibran ya",
            "pilih AMIN 14 Februari",
            "c0bl0s n0 urut 3",
            "Coblos 0️⃣2️⃣",
            "Yuk pilih paslon nomor 1 di pilkada nanti",
        ],
        must_not_flag: &[
            "Ayo gunakan hak pilih pada 14 Februari, jangan golput!",
            "Anak-anak TK belajar mencoblos pola gambar buah",
            "Pilih menu nomor 2 aja, lebih murah",
            "Pilih calon sesuai hati nurani, jangan golput",
        ],
        detect: detect_vote_call,
    },
    Rule {
        id: "support.contestant",
        category: Category::Support,
        severity: Severity::Violation,
        message: Text {
            id: "Unggahan ini menunjukkan dukungan kepada calon. Pegawai ASN dilarang mendukung calon di media sosial, termasuk memuji atau mendoakan kemenangannya.",
            en: "This post shows support for a candidate. Civil servants may not support a candidate on social media, including praising them or wishing them victory.",
        },
        basis: SOCIAL_BASIS,
        suggestion: Some(Suggestion(Text {
            id: "Mari jaga pemilu yang damai dan gunakan hak pilih pada {hari}",
            en: "Let's keep the election peaceful and vote on {day}",
        })),
        must_flag: &[
            "Prabowo-Gibran untuk Indonesia maju",
            "Ganjar presidenku!",
            "Pokoknya 02 pilihanku",
            "Dukung penuh Anies Baswedan",
        ],
        must_not_flag: &[
            "Dukung UMKM lokal, beli produk tetangga",
            "Semoga cepat sembuh Bu Kepsek, amin",
            "Saya tidak mendukung siapa pun, pilihan saya rahasia",
        ],
        detect: detect_support,
    },
    Rule {
        id: "attack.contestant",
        category: Category::Attack,
        severity: Severity::Violation,
        message: Text {
            id: "Unggahan ini menyerang atau menjelekkan calon. Itu juga bentuk keberpihakan yang dilarang bagi pegawai ASN.",
            en: "This post attacks or smears a candidate. That too is partisanship, which civil servants may not show.",
        },
        basis: SOCIAL_BASIS,
        suggestion: Some(Suggestion(Text {
            id: "Mari jaga pemilu yang damai dan bermartabat",
            en: "Let's keep the election peaceful and dignified",
        })),
        must_flag: &[
            "Jangan pilih Ganjar, pembohong!",
            "Paslon 02 itu dinasti, jangan mau dibodohi",
        ],
        must_not_flag: &[
            "Tolak politik uang, laporkan ke Bawaslu",
            "Jangan percaya hoaks tentang pemilu",
        ],
        detect: detect_attack,
    },
    Rule {
        id: "hashtag.campaign",
        category: Category::HashtagSlogan,
        severity: Severity::Violation,
        message: Text {
            id: "Tagar kampanye calon ikut menyebarkan kampanye.",
            en: "A candidate's campaign hashtag spreads the campaign.",
        },
        basis: SOCIAL_BASIS,
        suggestion: Some(Suggestion(Text {
            id: "#PemiluDamai",
            en: "#PemiluDamai",
        })),
        must_flag: &["Semangat pagi! #GibranMendengar", "#AniesBaswedan2024", "#Coblos02"],
        must_not_flag: &["#PemiluDamai #TolakPolitikUang", "#RelawanDonorDarah"],
        detect: detect_hashtag,
    },
    Rule {
        id: "slogan.pack",
        category: Category::HashtagSlogan,
        severity: Severity::Violation,
        message: Text {
            id: "Slogan kampanye calon ikut menyebarkan kampanye.",
            en: "A candidate's campaign slogan spreads the campaign.",
        },
        basis: SOCIAL_BASIS,
        suggestion: None,
        must_flag: &["Oke Gas Prabowo Gibran!", "Waktunya Perubahan bersama AMIN"],
        must_not_flag: &[
            "Indonesia maju kalau pendidikannya merata",
            "Perubahan iklim bikin cuaca susah ditebak",
        ],
        detect: detect_slogan,
    },
    Rule {
        id: "symbol.sign",
        category: Category::Symbol,
        severity: Severity::Violation,
        message: Text {
            id: "Simbol jari atau angka yang sama dengan nomor urut calon dibaca sebagai dukungan. Bawaslu pernah menyatakan bersalah pejabat yang hanya mengacungkan jari.",
            en: "A finger or number sign matching a candidate's number reads as support. Bawaslu has found officials guilty for merely raising fingers.",
        },
        basis: &["skb2022:d7", "skb2022:k5", "pp94_2021:p5n", "uu20_2023:p24_1d"],
        suggestion: None,
        must_flag: &["Salam dua jari ✌️ untuk Prabowo-Gibran", "Pilihan hatiku 0️⃣2️⃣ 🇮🇩", "Paslon ☝️ pasti menang"],
        must_not_flag: &["Pose ✌️ pas wisuda bareng teman", "Jam 2️⃣ siang rapat evaluasi"],
        detect: detect_symbol,
    },
    Rule {
        id: "party.promote",
        category: Category::PartyPromotion,
        severity: Severity::Violation,
        message: Text {
            id: "Mempromosikan partai atau keanggotaan partai. Pegawai ASN dilarang menjadi anggota atau pengurus partai dan dilarang mendukung peserta pemilu.",
            en: "Promoting a party or party membership. Civil servants may not be party members or board members and may not support election participants.",
        },
        basis: &["uu20_2023:p52_3j", "uu20_2023:p9_2", "pp94_2021:p5n", "skb2022:d2"],
        suggestion: None,
        must_flag: &["Coblos PDIP nomor 3!", "Demokrat nomor 14, lanjutkan perjuangan", "Saya kader partai sejak 2015, bangga"],
        must_not_flag: &["Bayar PKB motor sebelum tanggal 20", "Garuda di dadaku, ayo timnas!"],
        detect: detect_party,
    },
    Rule {
        id: "campaign.mobilise",
        category: Category::CampaignMobilisation,
        severity: Severity::Violation,
        message: Text {
            id: "Ajakan ikut kampanye, menjadi relawan atau tim pemenangan calon. Pegawai ASN dan aparat desa dilarang terlibat dalam kampanye dan mengerahkan orang lain.",
            en: "An invitation to join a campaign, volunteer or winning team. Civil servants and village officials may not take part in campaigns or mobilise others.",
        },
        basis: &["pp94_2021:p5n3", "uu7_2017:p280_2f", "uu7_2017:p280_3", "skb2022:d8"],
        suggestion: Some(Suggestion(Text {
            id: "Ayo datang ke TPS pada {hari}",
            en: "Go and vote on {day}",
        })),
        must_flag: &[
            "Ayo ramaikan kampanye akbar besok di alun-alun!",
            "Dicari relawan tim pemenangan Prabowo-Gibran",
        ],
        must_not_flag: &[
            "Kampanye imunisasi campak di posyandu hari Sabtu",
            "Dibutuhkan relawan donor darah di PMI",
            "Tim pemenangan lomba 17an RT 05 rapat malam ini",
        ],
        detect: detect_campaign,
    },
    Rule {
        id: "group.invite",
        category: Category::GroupInvite,
        severity: Severity::Violation,
        message: Text {
            id: "Ajakan bergabung dengan grup atau mengikuti akun pemenangan calon. Pegawai ASN dilarang bergabung atau follow grup dan akun pemenangan.",
            en: "An invitation to join a campaign group or follow a campaign account. Civil servants may not join or follow them.",
        },
        basis: &["skb2022:d6", "skb2022:k4", "pp94_2021:p5n", "uu20_2023:p24_1d"],
        suggestion: Some(Suggestion(Text {
            id: "Ikuti akun resmi KPU dan Bawaslu untuk informasi pemilu",
            en: "Follow the official KPU and Bawaslu accounts for election information",
        })),
        must_flag: &["Gabung grup WA relawan Ganjar-Mahfud, link di bio"],
        must_not_flag: &["Gabung grup WA wali murid kelas 3 ya bu", "Saya sudah keluar dari grup relawan"],
        detect: detect_group,
    },
    Rule {
        id: "facility.state",
        category: Category::StateFacilities,
        severity: Severity::Violation,
        message: Text {
            id: "Fasilitas negara (kendaraan dinas, kantor, ruang, seragam atau jam kerja) dipakai untuk kampanye. Ini dilarang dan diancam hukuman disiplin berat.",
            en: "State facilities (official vehicles, offices, rooms, uniforms or working hours) used for a campaign. This is prohibited and draws a heavy disciplinary penalty.",
        },
        basis: &["pp94_2021:p5n4", "pp94_2021:p14i2", "uu7_2017:p280_1h"],
        suggestion: None,
        must_flag: &["Mobil dinas siap antar ke kampanye akbar besok"],
        must_not_flag: &["Mobil dinas dipakai antar vaksin ke puskesmas", "ASN dilarang pakai mobil dinas untuk kampanye"],
        detect: detect_facility,
    },
    Rule {
        id: "ktp.collect",
        category: Category::KtpCollection,
        severity: Severity::Violation,
        message: Text {
            id: "Mengumpulkan atau memberikan KTP untuk dukungan calon dilarang bagi pegawai ASN dan diancam hukuman disiplin berat.",
            en: "Collecting or giving ID cards to support a candidate is prohibited for civil servants and draws a heavy disciplinary penalty.",
        },
        basis: &["pp94_2021:p5n7", "pp94_2021:p14i5", "skb2022:d11"],
        suggestion: None,
        must_flag: &["Tolong kumpulkan fotokopi KTP buat dukungan calon independen"],
        must_not_flag: &["Jangan lupa bawa KTP ke TPS tanggal 14", "Fotokopi KTP untuk daftar BPJS"],
        detect: detect_ktp,
    },
    Rule {
        id: "money.vote_buying",
        category: Category::MoneyPolitics,
        severity: Severity::Violation,
        message: Text {
            id: "Uang, amplop atau barang yang dikaitkan dengan pilihan adalah politik uang. Pegawai ASN dilarang memberi barang untuk keberpihakan; politik uang juga tindak pidana pemilu.",
            en: "Money, envelopes or goods tied to a vote are vote buying. Civil servants may not hand out goods to favour a candidate; vote buying is also an election crime.",
        },
        basis: &["pp94_2021:p5n6", "pp94_2021:p14i4", "skb2022:d8"],
        suggestion: Some(Suggestion(Text {
            id: "Tolak politik uang dan laporkan ke Bawaslu",
            en: "Refuse vote buying and report it to Bawaslu",
        })),
        must_flag: &["Besok pagi ada serangan fajar, lumayan 100rb", "Ada amplop buat yang coblos nomor 2"],
        must_not_flag: &["Tolak serangan fajar! Laporkan ke Bawaslu", "Uang kas RT bulan ini sudah terkumpul"],
        detect: detect_money,
    },
    Rule {
        id: "relative.promote",
        category: Category::RelativeCandidate,
        severity: Severity::Violation,
        message: Text {
            id: "Mempromosikan suami, istri atau kerabat yang menjadi calon tetap dilarang bagi pegawai ASN, termasuk di media sosial.",
            en: "Promoting a spouse or relative who is a candidate is still prohibited for civil servants, on social media too.",
        },
        basis: &["se_menpanrb_18_2023:larangan", "skb2022:d2", "uu20_2023:p24_1d"],
        suggestion: None,
        must_flag: &["Suami saya nyaleg DPRD dapil 2, mohon doa restu dan dukungannya ya"],
        must_not_flag: &["Suami saya baru pulang dinas dari Makassar", "Boleh gak dampingi suami daftar caleg?"],
        detect: detect_relative,
    },
    Rule {
        id: "mention.contestant",
        category: Category::Mention,
        severity: Severity::Review,
        message: Text {
            id: "Unggahan ini menyebut calon atau partai. Berita faktual boleh, tetapi hindari komentar, pujian, kritik atau emoji yang menunjukkan pilihan.",
            en: "This post names a candidate or party. Factual news is fine, but avoid comments, praise, criticism or emoji that show a preference.",
        },
        basis: &["uu20_2023:p24_1d", "skb2022:d2"],
        suggestion: None,
        must_flag: &["KPU menetapkan Prabowo-Gibran sebagai pasangan calon terpilih"],
        must_not_flag: &["KPU buka pendaftaran petugas KPPS", "Semoga cepat sembuh, amin"],
        detect: detect_mention,
    },
];
