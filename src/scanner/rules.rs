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
    pub all: Classes,
    /// Index of the sentence each unit belongs to.
    sentence: Vec<usize>,
    /// OR of the classes of each sentence's units.
    sentence_classes: Vec<Classes>,
    /// Sentences that warn against something (a [`WARN`] word not itself negated).
    sentence_warns: Vec<bool>,
    /// Number of units up to and including each one that are not [`FILLER`]s.
    rank: Vec<u32>,
    /// Is there an election around (see [`Ctx::election_context`])?
    election: bool,
    /// Does some sentence warn against something?
    warns: bool,
    /// Three or more keycap numbers of different values: a numbered list.
    keycap_list: bool,
    /// First unit of each sentence (and the number of units at the end).
    sentence_start: Vec<usize>,
    /// Most words are capitalised, as in a news headline ("Jokowi Siap Nyapres Jika
    /// Didukung Ulama").
    headline: bool,
    /// Lazily computed facts of the whole post.
    candidate: std::cell::OnceCell<bool>,
    invites: std::cell::OnceCell<bool>,
    campaign_word: std::cell::OnceCell<Option<usize>>,
}

/// Up to [`Nearby::CAP`] unit indices, nearest first: what `around` and `near` return,
/// without allocating.
pub struct Nearby {
    buf: [usize; Nearby::CAP],
    len: usize,
    pos: usize,
}

impl Nearby {
    const CAP: usize = 48;

    fn new() -> Nearby {
        Nearby {
            buf: [0; Nearby::CAP],
            len: 0,
            pos: 0,
        }
    }

    fn push(&mut self, j: usize) -> bool {
        if self.len == Nearby::CAP {
            return false;
        }
        self.buf[self.len] = j;
        self.len += 1;
        true
    }
}

impl Iterator for Nearby {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        let j = *self.buf.get(self.pos).filter(|_| self.pos < self.len)?;
        self.pos += 1;
        Some(j)
    }
}

/// Posts of at most this many units are read as one thought: a cue in one sentence
/// reaches a name in the next.
const SHORT_POST: usize = 30;

/// Posts of at most this many units are judged as a whole as a report or as the writer's
/// voice; longer ones sentence by sentence.
const LONG_POST: usize = 80;

impl<'a> Ctx<'a> {
    pub fn new(units: &'a [Unit]) -> Ctx<'a> {
        let mut sentence = Vec::with_capacity(units.len());
        let mut rank = Vec::with_capacity(units.len());
        let mut sentence_classes = vec![0 as Classes];
        let mut sentence_warns = vec![false];
        let (mut s, mut all, mut upper_ambig, mut kept, mut keycaps) = (0, 0, false, 0u32, 0u32);
        for (i, u) in units.iter().enumerate() {
            if i > 0 && (u.boundary_before || u.has(CONTRAST)) {
                s += 1;
                sentence_classes.push(0);
                sentence_warns.push(false);
            }
            sentence.push(s);
            if let Some(c) = sentence_classes.last_mut() {
                *c |= u.classes;
            }
            // "jgn left": a warning word negated is no warning.
            let negated = i > 0 && !u.boundary_before && units[i - 1].has(NEG);
            if u.has(WARN) && !negated {
                if let Some(w) = sentence_warns.last_mut() {
                    *w = true;
                }
            }
            all |= u.classes;
            upper_ambig |= u.has(CONTESTANT_AMBIG) && u.has(UPPER);
            if !u.has(FILLER) {
                kept += 1;
            }
            rank.push(kept);
            if u.has(KEYCAP) {
                if let Some(v) = u.value.filter(|v| *v < 32) {
                    keycaps |= 1 << v;
                }
            }
        }
        let election = all
            & (ELECTION
                | CAND
                | CONTESTANT
                | PARTY
                | CAMPAIGN_STRONG
                | PACK_HASHTAG
                | SLOGAN
                | PACK_SYMBOL
                | VOTE_STRONG
                | VOTING_DAY)
            != 0
            || upper_ambig;
        // A list of don'ts about public workers or the election is a list of rules.
        let donts = units.iter().filter(|u| u.has(DONT)).count();
        let rules_list = donts >= 2 && all & (CIVIC | WORK | ELECTION) != 0;
        // "jangan sampai ketahuan Panwas": who hides an act from the supervisors is not
        // warning against it.
        let evades = all & EVADE != 0;
        if evades {
            sentence_warns.iter_mut().for_each(|w| *w = false);
        }
        let warns = !evades && (rules_list || sentence_warns.iter().any(|w| *w));
        let mut sentence_start = vec![0];
        for (i, u) in units.iter().enumerate() {
            if i > 0 && (u.boundary_before || u.has(CONTRAST)) {
                sentence_start.push(i);
            }
        }
        sentence_start.push(units.len());
        // A headline: four or more capitalised words, most of the words, not all in capitals.
        let words = units
            .iter()
            .filter(|u| !u.has(NUM | HASHTAG | FINGER | EMO_PRAISE | EMO_SCORN | EMO_HINT | LINK))
            .filter(|u| u.classes & (VOICE | FIRST_PERSON) == 0 || u.has(TITLE | UPPER));
        let (mut n, mut title, mut upper) = (0, 0, 0);
        for u in words {
            n += 1;
            title += usize::from(u.has(TITLE) && !u.has(UPPER));
            upper += usize::from(u.has(UPPER));
        }
        // (News headlines do not open with an invitation: "Gabung ...", "Ayo ...".)
        let call = units
            .first()
            .is_some_and(|u| u.has(INVITE | JOIN | MOBILIZE));
        let headline = title >= 4 && (title + upper) * 10 >= n * 7 && upper * 2 < n && !call;
        Ctx {
            units,
            all,
            sentence,
            sentence_classes,
            sentence_warns,
            rank,
            election,
            warns,
            keycap_list: keycaps.count_ones() >= 3,
            sentence_start,
            headline,
            candidate: Default::default(),
            invites: Default::default(),
            campaign_word: Default::default(),
        }
    }

    fn has(&self, c: Classes) -> bool {
        self.all & c != 0
    }

    /// Does some sentence of the post warn against something (dilarang, laporkan ...)?
    pub fn warns(&self) -> bool {
        self.warns
    }

    /// Does the post ask about the rules?
    pub fn is_question(&self) -> bool {
        self.has(QUESTION)
    }

    /// The first unit that names whom a post could be partisan about: a contestant, a
    /// party, a generic candidate word, a ballot number, or someone pointed at in an
    /// election post; as (first unit, last unit, entity).
    pub fn partisan_target(&self) -> Option<(usize, usize, Option<EntityRef>)> {
        (0..self.units.len())
            .find(|j| {
                let t = &self.units[*j];
                self.named(*j, 1)
                    || t.has(PARTY)
                    || (t.has(PARTY_AMBIG) && t.has(UPPER))
                    || (t.has(CAND) && !self.sentence_has(*j, CIVIC))
                    || (self.marked(*j) && self.number_ok(*j))
                    || self.ballot(*j, true)
                    || (self.referent(*j) && self.election)
            })
            .map(|j| {
                let first = if self.marked(j) { j - 1 } else { j };
                (first, j, self.units[j].entity)
            })
    }

    /// Does the post name someone it could be partisan about (see `partisan_target`)?
    pub fn names_someone(&self) -> bool {
        self.partisan_target().is_some()
    }

    fn short(&self) -> bool {
        self.units.len() <= SHORT_POST
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence.get(a) == self.sentence.get(b)
    }

    /// Distance between two units, not counting fillers between them.
    fn dist(&self, a: usize, b: usize) -> usize {
        let (a, b) = (a.min(b), a.max(b));
        if a == b {
            return 0;
        }
        let between = self.rank[b - 1].saturating_sub(self.rank[a]) as usize;
        between + 1
    }

    /// Units within `back` before and `fwd` after `i` (fillers not counted), in the same
    /// sentence, nearest first.
    fn around(&self, i: usize, back: usize, fwd: usize) -> Nearby {
        let mut v = Nearby::new();
        let mut j = i + 1;
        while j < self.units.len() && self.same_sentence(i, j) && self.dist(i, j) <= fwd {
            if !v.push(j) {
                break;
            }
            j += 1;
        }
        let mut j = i;
        while j > 0 {
            j -= 1;
            if !self.same_sentence(i, j) || self.dist(i, j) > back || !v.push(j) {
                break;
            }
        }
        let len = v.len;
        v.buf[..len].sort_unstable_by_key(|j| (self.dist(i, *j), *j < i));
        v
    }

    /// Units near `i`: within `reach` in its sentence, or within twice that in a short post.
    fn near(&self, i: usize, reach: usize) -> Nearby {
        if !self.short() {
            return self.around(i, reach, reach);
        }
        let mut v = Nearby::new();
        for j in (0..self.units.len()).filter(|j| *j != i) {
            let d = self.dist(i, j);
            if (d <= 2 * reach || (self.same_sentence(i, j) && d <= reach)) && !v.push(j) {
                break;
            }
        }
        let len = v.len;
        v.buf[..len].sort_unstable_by_key(|j| (self.dist(i, *j), *j < i));
        v
    }

    /// The units of the sentence of `i`.
    fn sentence_units(&self, i: usize) -> std::ops::Range<usize> {
        let s = self.sentence.get(i).copied().unwrap_or(0);
        let start = self.sentence_start.get(s).copied().unwrap_or(0);
        let end = self
            .sentence_start
            .get(s + 1)
            .copied()
            .unwrap_or(self.units.len());
        start..end
    }

    fn sentence_has(&self, i: usize, c: Classes) -> bool {
        self.sentence
            .get(i)
            .and_then(|s| self.sentence_classes.get(*s))
            .is_some_and(|x| x & c != 0)
    }

    /// Does the sentence of `i` warn against something?
    fn warned(&self, i: usize) -> bool {
        self.sentence
            .get(i)
            .and_then(|s| self.sentence_warns.get(*s))
            .copied()
            .unwrap_or(false)
    }

    /// Is there an election around: election words, candidates, contestants, parties, strong
    /// campaign words, a pack's symbols or its voting day?
    fn election_context(&self) -> bool {
        self.election
    }

    /// Do the units `range` report rather than speak? A strong mark is enough: the language
    /// of news, a quotation, a newsroom. Weaker ones (reported speech such as `kata` or
    /// `sebut`, a link, `resmi`) count when two of them agree in a post with nothing of the
    /// chat register (`yg`, `gak`, `aja`, `nih` ...), which news does not write.
    fn reports(&self, range: std::ops::Range<usize>, weak_marks: bool) -> bool {
        let Some(us) = self.units.get(range) else {
            return false;
        };
        // Someone talking in the chat register mentions news words without reporting.
        let chat = us.iter().any(|u| u.has(SLANG));
        if us.iter().any(|u| u.quoted || (u.has(NEWS) && !chat)) {
            return true;
        }
        if !weak_marks || chat {
            return false;
        }
        us.iter().filter(|u| u.has(REPORT | LINK)).count() >= 2
    }

    /// Does the writer speak in their own voice in the units `range`, outside any
    /// quotation: the first or second person, laughter, an invitation, derision, praise or
    /// scorn in emoji, a camp's nickname, a wish dressed as a prediction, or an imperative
    /// to vote opening a sentence of a post that is no headline? A stance hashtag speaks
    /// even inside quotation marks: whoever coined it, spreading it takes a side.
    fn speaks(&self, range: std::ops::Range<usize>) -> bool {
        let own =
            FIRST_PERSON | VOICE | INVITE | INSULT | EMO_PRAISE | EMO_SCORN | EMO_HINT | CAMP_SLUR;
        // A headline's "Tak" is "not", its "Ayo" part of the title: in a headline only
        // the marks no headline uses count.
        let own = if self.headline {
            own & !(FIRST_PERSON | INVITE)
        } else {
            own
        };
        range.into_iter().any(|i| {
            self.units.get(i).is_some_and(|u| {
                u.has(STANCE_TAG | CAMPAIGN_HASHTAG)
                    || (!u.quoted
                        && (u.has(own)
                            || (!self.headline
                                && u.has(VOTE)
                                && self.sentence_start.get(self.sentence[i]) == Some(&i))))
            })
        })
    }

    /// Is the finding at unit `i` part of a report in which the writer does not speak? A
    /// short post is read as a whole (a headline, a link or a newsroom anywhere makes it a
    /// report; a voice anywhere makes it the writer's); a long one sentence by sentence, so
    /// that an opinion piece that quotes the news still speaks.
    pub fn in_report(&self, i: usize) -> bool {
        let n = self.units.len();
        if n <= LONG_POST {
            (self.headline || self.reports(0..n, true)) && !self.speaks(0..n)
        } else {
            // In a long text only a quotation or the language of news makes a sentence a
            // report: opinion writing says "kata" and "sebut" too.
            let s = self.sentence_units(i);
            self.reports(s.clone(), false) && !self.speaks(s)
        }
    }

    /// Is the post short enough to be judged as a whole (a report, or the writer's voice)?
    /// Longer ones are judged sentence by sentence.
    pub fn is_short_enough_to_judge_whole(&self) -> bool {
        self.units.len() <= LONG_POST
    }

    /// Does the writer speak in their own voice anywhere in the post?
    pub fn voiced(&self) -> bool {
        self.speaks(0..self.units.len())
    }

    /// How many contestants (of any pack) the post names.
    pub fn contestants_named(&self) -> usize {
        let mut seen: Vec<EntityRef> = Vec::new();
        for (j, u) in self.units.iter().enumerate() {
            if let Some(e) = u.entity.filter(|e| !e.party) {
                if self.is_contestant(j) && !seen.contains(&e) {
                    seen.push(e);
                }
            }
        }
        seen.len()
    }

    /// Is the post as a whole a report in which the writer does not speak?
    pub fn is_report(&self) -> bool {
        let n = self.units.len();
        n <= LONG_POST && (self.headline || self.reports(0..n, true)) && !self.speaks(0..n)
    }

    /// Does the post speak of an election, a candidacy or a campaign, beyond naming a
    /// person who happens to run (who may also be in office)?
    pub fn election_ref(&self) -> bool {
        self.has(
            ELECTION
                | CAND
                | NYALEG
                | VOTE_STRONG
                | CAMPAIGN_STRONG
                | STANCE_TAG
                | CAMPAIGN_HASHTAG
                | VOTING_DAY
                | CAMP
                | SLOGAN
                | PACK_SYMBOL
                | FINGER
                | MONEY_STRONG
                | PARTY
                | PARTY_WORD
                | SLOGAN_GENERIC,
        ) || self.units.iter().enumerate().any(|(j, u)| {
            // The year of a national election (2014, 2019, 2024 ...); a ballot number
            // ("nomor 2", "02"); becoming an office, wished or feared ("pantas jadi
            // presiden", "jangan sampe jadi wapres", "cocok jadi gubernur"), not "dia jadi
            // presiden".
            let year = u
                .value
                .is_some_and(|v| (2004..=2099).contains(&v) && (v - 2004) % 5 == 0);
            let ballot = u.has(BALLOT_NUM)
                && (self.marked(j) || u.has(LEADING_ZERO | KEYCAP))
                && self.number_ok(j);
            let becoming = u.has(OFFICE)
                && j >= 1
                && self.units[j - 1].has(BECOME)
                && (self.units[j - 1].has(SUPPORT_STRONG)
                    || (j >= 2 && self.units[j - 2].has(MODAL)));
            year || ballot || becoming
        })
    }

    /// Is contestant `e` spoken of in office: the post is about the government (pemerintah,
    /// rezim, kebijakan, diktator ...) or gives them their office's title ("Presiden
    /// Jokowi", "Pak Gubernur")?
    pub fn governed(&self, e: EntityRef) -> bool {
        self.has(GOVERN)
            || self
                .units
                .iter()
                .any(|u| u.entity == Some(e) && u.has(OFFICE))
            || (1..self.units.len()).any(|j| {
                self.units[j].entity == Some(e)
                    && self.units[j - 1].has(OFFICE)
                    && self.same_sentence(j - 1, j)
            })
    }

    /// Is the camp name at `i` about a camp: a cue before it (`kaum kampret`, `para
    /// cebong`), or politics in the post? An everyday word or a plain curse otherwise.
    fn camp_reading(&self, i: usize) -> bool {
        let u = &self.units[i];
        let cue = i > 0 && self.units[i - 1].has(CAMP_CUE) && self.same_sentence(i - 1, i);
        // "cebong di sawah", "kecebong jadi katak": the animal, where nothing in the post is
        // political and nobody is insulted.
        let political = self.election
            || self.has(GOVERN | OFFICE | PARTY | PARTY_WORD | CAND | CONTESTANT | STANCE_TAG);
        if self.has(NATURE) && !political && !cue && !self.has(INSULT) {
            return false;
        }
        if !u.has(CAMP_AMBIG) {
            return true;
        }
        let other_camp = self
            .units
            .iter()
            .enumerate()
            .any(|(j, x)| j != i && x.has(CAMP) && !x.has(CAMP_AMBIG));
        // A national election year (2014, 2019, 2024 ...) or a ballot code ("02").
        let election_talk = self.units.iter().any(|x| {
            x.value
                .is_some_and(|v| (2004..=2099).contains(&v) && (v - 2004) % 5 == 0)
                || (x.has(LEADING_ZERO) && x.has(BALLOT_NUM))
        });
        cue || other_camp
            || election_talk
            || self.election
            || self.has(
                GOVERN
                    | OFFICE
                    | PARTY
                    | PARTY_WORD
                    | CAND
                    | CONTESTANT
                    | CAMPAIGN_STRONG
                    | VOTE_STRONG
                    | STANCE_TAG,
            )
    }

    /// Is the act at `i` refused or warned against: a negation just before or after it, or
    /// a warning in its sentence?
    fn refused(&self, i: usize) -> bool {
        negated_before(self, i, 3) || negated_after(self, i, 2) || self.warned(i)
    }

    /// A name next to a shop, a dish or a person's role (`Coto Daeng Fajar`, `Mahfud
    /// tetangga depan`): lunch or a neighbour, not a candidate.
    fn after_business(&self, j: usize) -> bool {
        // (An address or an occasion after a name, "Kang Agus RT 04", "Pak Budi nikahan",
        // marks a neighbour; before it, "RT @akun Prabowo ..." is a retweet.)
        let before = j > 0
            && self.units[j - 1].has(BUSINESS)
            && !self.units[j - 1].has(EVERYDAY)
            && self.same_sentence(j, j - 1);
        let after = self
            .units
            .get(j + 1)
            .is_some_and(|n| n.has(BUSINESS) && !n.boundary_before);
        before || after
    }

    /// `kelas 2`, `jam 2`, `RT 03`, `TPS 02`: a number that belongs to the noun before it.
    fn preceded_by_everyday(&self, j: usize) -> bool {
        j > 0 && self.units[j - 1].has(EVERYDAY) && self.same_sentence(j, j - 1)
    }

    fn followed_by_everyday(&self, j: usize) -> bool {
        self.units
            .get(j + 1)
            .is_some_and(|n| n.has(EVERYDAY) && self.same_sentence(j, j + 1))
    }

    /// `nomor 2`.
    fn marked(&self, j: usize) -> bool {
        j > 0
            && self.units.get(j - 1).is_some_and(|u| u.has(NUMREF))
            && self.units.get(j).is_some_and(|u| u.has(BALLOT_NUM))
    }

    /// A number that could be a ballot number: 1 to 30, not a quantity or a list marker.
    fn number_ok(&self, j: usize) -> bool {
        let u = &self.units[j];
        // "2 hari" is a quantity; "01 hari Minggu" and "nomor 2 hari ini" are not.
        let quantity =
            self.followed_by_everyday(j) && !u.has(LEADING_ZERO | KEYCAP) && !self.marked(j);
        // "02.02" (a date), "0812 ..." : numbers next to numbers; the same code again and
        // again ("02 02 02") is a chant, not a series.
        let beside_number = |k: usize| {
            self.units.get(k).is_some_and(|n| {
                n.has(NUM) && !n.boundary_before && !(n.has(LEADING_ZERO) && n.value == u.value)
            })
        };
        let in_series = beside_number(j + 1)
            || (j > 0 && beside_number(j - 1) && !self.units[j].boundary_before);
        // Menus, contests, raffles and quizzes number their items.
        let choice = self.has(CHOICE) && !self.election;
        // "di TPS 04": the polling station's number.
        let station = j > 0 && self.units[j - 1].has(VOTE_PLACE) && self.same_sentence(j, j - 1);
        u.has(BALLOT_NUM)
            && !quantity
            && !in_series
            && !choice
            && !station
            && !self.preceded_by_everyday(j)
            && (!u.has(KEYCAP) || !self.keycap_list || !self.list_marker(j))
    }

    /// In a numbered list of keycaps, a keycap followed by a word marks an item; one
    /// followed by a particle or at the end is a choice (`aku 1️⃣ lah`).
    fn list_marker(&self, j: usize) -> bool {
        self.units
            .get(j + 1)
            .is_some_and(|n| !n.boundary_before && !n.has(PARTICLE | EMO_PRAISE | EMO_HINT))
    }

    /// A ballot number in a call or a sign: marked (`nomor 2`), written as a code (`02`,
    /// `2️⃣`), or followed by a particle or a knowing emoji (`3 aja`, `tiga 😉`), in an
    /// election; `strong` relaxes the election requirement for codes.
    fn ballot(&self, j: usize, strong: bool) -> bool {
        if !self.number_ok(j) {
            return false;
        }
        let u = &self.units[j];
        let written = u.has(LEADING_ZERO | KEYCAP);
        let pointed = self.units.get(j + 1).is_some_and(|n| {
            n.has(PARTICLE | EMO_HINT | EMO_PRAISE) && self.same_sentence(j, j + 1)
        });
        // "dukung ... nomor 3", "pasukan 02": a marked number beside support, a vote or a
        // camp speaks of the ballot even where no election word is written.
        let stance_around = self.has(SUPPORT_STRONG | VOTE_STRONG | CAMP | CAMP_CUE)
            && !self.has(CHOICE)
            && !self.marked_everyday(j);
        (written && strong)
            || ((self.marked(j) || written || pointed) && self.election_context())
            || (self.marked(j) && stance_around)
    }

    /// `kamar nomor 2`, `meja nomor 3`: a thing's number, by the word before `nomor`.
    fn marked_everyday(&self, j: usize) -> bool {
        self.marked(j)
            && j >= 2
            && self.units[j - 2].has(EVERYDAY | CHOICE)
            && self.same_sentence(j - 2, j)
    }

    /// An alias that is also an everyday word or a common name (`AMIN`, `Bu Sri`, `Daeng
    /// Fajar`): a contestant when written in capitals, right next to the cue, or
    /// capitalised near the cue or in an election.
    fn ambig_ok(&self, j: usize, dist: usize) -> bool {
        let u = &self.units[j];
        // A single everyday word ("Amin" opening a prayer) needs capitals or an election.
        let phrase = u.last > u.first;
        u.has(CONTESTANT_AMBIG)
            && !self.after_business(j)
            && (u.has(UPPER)
                || (phrase && (dist <= 1 || (u.has(TITLE) && (dist <= 3 || self.election))))
                || (!phrase && u.has(TITLE) && dist <= 3 && self.election)
                || (!phrase && dist <= 1 && self.election)
                // weak evidence (see `weak_target`): a capitalised common name by the cue
                || (!phrase && u.has(TITLE) && dist <= 2))
    }

    /// "Pak Andi Baso", "Bu Ayu Lestari": a title and capitalised names, in an election or
    /// next to an office.
    fn titled_name(&self, j: usize) -> bool {
        self.units[j].has(HONORIFIC)
            && self.units.get(j + 1).is_some_and(|n| {
                n.has(TITLE)
                    && n.classes & !(TITLE | UPPER | CONTESTANT_AMBIG) == 0
                    && self.same_sentence(j, j + 1)
                    && (n.has(CONTESTANT_AMBIG) || self.sentence_has(j, ELECTION | CAND))
            })
    }

    /// A title and a capitalised (or all-capitals) word that the lexicon does not know:
    /// "Pak Zul", "BU ANI".
    fn titled_unknown(&self, j: usize) -> bool {
        self.units[j].has(HONORIFIC)
            && self.units.get(j + 1).is_some_and(|n| {
                n.has(TITLE | UPPER)
                    && n.classes & !(TITLE | UPPER | CONTESTANT_AMBIG) == 0
                    && self.same_sentence(j, j + 1)
            })
    }

    /// A target that is only a guess outside an election context: a common name or an
    /// everyday alias ("Pak Maruli", "Bu Sri"), a title and a name, or a pointer. A finding
    /// resting on it is worth a look, not a verdict.
    fn weak_target(&self, j: usize) -> bool {
        let u = &self.units[j];
        !self.election
            && !self.has(OFFICE)
            && !u.has(CONTESTANT | SLOGAN | PACK_HASHTAG | CAND | PARTY | BALLOT_NUM)
            && (u.has(CONTESTANT_AMBIG | HONORIFIC | REFERENT | SLOGAN_AMBIG))
    }

    /// `beliau`, `yang itu`, `sebelah`, in an election post.
    fn referent(&self, j: usize) -> bool {
        self.units[j].has(REFERENT) && (self.election || self.has(OFFICE))
    }

    /// A unit that names who to vote for; `near` says whether it is next to the verb.
    fn target(&self, j: usize, near: bool, strong_verb: bool) -> bool {
        let u = &self.units[j];
        if self.after_business(j) {
            return false;
        }
        if u.has(CONTESTANT | SLOGAN | PACK_HASHTAG | PARTY | CAND | FINGER | PACK_SYMBOL) {
            return true;
        }
        if u.has(CONTESTANT_AMBIG | PARTY_AMBIG) && (near || u.has(UPPER)) {
            return true;
        }
        // "pilih Bu Ayu di pilkada": a title and a capitalised name, in an election; after a
        // verb that only means voting ("tetap pilih Pak Zul", "coblos Bu Ani"), anywhere.
        if near && (self.titled_name(j) || (strong_verb && self.titled_unknown(j))) {
            return true;
        }
        // "pilih mi beliau".
        if near && self.referent(j) && !self.warns {
            return true;
        }
        if u.has(BALLOT_NUM) {
            if !self.number_ok(j) {
                return false;
            }
            let written = u.has(LEADING_ZERO | KEYCAP);
            // "Pilih nomor 2 😍", "pilih 02": the number is the whole object of the verb.
            let felt = self.units.get(j + 1).is_some_and(|n| {
                n.has(EMO_PRAISE | EMO_HINT | PARTICLE) && self.same_sentence(j, j + 1)
            });
            if near && (written || (self.marked(j) && felt)) && !self.sentence_has(j, EVERYDAY) {
                return true;
            }
            return self.ballot(j, strong_verb) || (near && strong_verb);
        }
        false
    }

    /// The contestants listed with the one at `j`, side by side or joined by "dan", "atau"
    /// ("Anies, Prabowo, Ganjar sama-sama janji manis"): what is said of one is said of all.
    pub fn listed_with(&self, j: usize) -> Vec<EntityRef> {
        let person = |k: usize| {
            let u = &self.units[k];
            u.entity.filter(|e| !e.party && self.is_contestant(k))
        };
        let mut out = Vec::new();
        for forward in [false, true] {
            let mut k = j;
            loop {
                let next = |k: usize| {
                    if forward {
                        k.checked_add(1)
                    } else {
                        k.checked_sub(1)
                    }
                };
                let Some(mut n) = next(k).filter(|n| *n < self.units.len()) else {
                    break;
                };
                if self.units[n].has(COORD) {
                    match next(n).filter(|n| *n < self.units.len()) {
                        Some(m) => n = m,
                        None => break,
                    }
                }
                match person(n) {
                    Some(e) if self.same_sentence(j, n) => {
                        out.push(e);
                        k = n;
                    }
                    _ => break,
                }
            }
        }
        out
    }

    fn is_contestant(&self, j: usize) -> bool {
        let u = &self.units[j];
        let maybe = u.entity.is_some()
            || u.has(CONTESTANT | CONTESTANT_AMBIG | SLOGAN | SLOGAN_AMBIG | PACK_HASHTAG | CAMP);
        if !maybe || self.after_business(j) {
            return false;
        }
        // A camp of a contestant (`Sedulur Busri`, `Ahoker`): talk of the camp is talk of
        // the contestant.
        let camp = u.has(CAMP) && u.entity.is_some_and(|e| !e.party) && self.camp_reading(j);
        camp || u.has(CONTESTANT | SLOGAN | PACK_HASHTAG)
            || (u.has(CONTESTANT_AMBIG) && u.has(UPPER))
            || u.entity.is_some_and(|e| !e.party)
                && u.has(CONTESTANT_AMBIG | SLOGAN_AMBIG)
                && u.has(UPPER)
    }

    /// A contestant named at distance `dist` from a cue, by name, alias or slogan.
    fn named(&self, j: usize, dist: usize) -> bool {
        let u = &self.units[j];
        self.is_contestant(j)
            || self.ambig_ok(j, dist)
            || (u.has(SLOGAN_AMBIG)
                && u.has(TITLE)
                && !u.has(STRICT)
                && u.last > u.first
                && !self.after_business(j))
    }

    /// `nomor 2` or `02` right by a cue, outside an everyday choice (a menu, a quiz, a
    /// contest): a ballot number even where no election word is written.
    fn code_nearby(&self, j: usize) -> bool {
        let u = &self.units[j];
        let code = self.marked(j) || (u.has(LEADING_ZERO) && u.value.is_some_and(|v| v <= 9));
        code && self.number_ok(j) && !self.has(CHOICE)
    }

    /// A person to support or attack at distance `dist` from a cue: a contestant, a generic
    /// candidate word (unless the post is civic), a ballot number, or someone pointed at.
    fn person(&self, j: usize, dist: usize, strong: bool) -> bool {
        let t = &self.units[j];
        if t.entity.is_some_and(|e| e.party) && !t.has(CONTESTANT) {
            return false;
        }
        self.named(j, dist)
            || (t.has(CAND) && (strong || dist <= 2) && !self.sentence_has(j, CIVIC) && !self.warns)
            || (t.has(BALLOT_NUM)
                && (self.ballot(j, strong || dist <= 2) || (dist <= 3 && self.code_nearby(j))))
            || ((strong || dist <= 3) && self.titled_name(j))
            || (dist <= 4 && self.referent(j) && !self.warns)
            // "walikota yg ini keren", "Pak Wali, lanjut!": the office-holder who runs.
            || (dist <= 3 && t.has(OFFICE) && !t.has(CAND) && self.election_context())
            // "dukung Mbah Har", "Uda Zul pembohong": a title and a name no pack lists, by a
            // strong cue (a guess: worth a look only outside an election, see `weak_target`).
            || (strong && dist <= 3 && self.titled_unknown(j))
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
    // "bukan bani cebong dan bani serbet": the negation reaches across "dan", "atau",
    // "maupun" to a second name of the same kind.
    negated_right_before(ctx, i, reach)
        || (i >= 2
            && ctx.units[i - 1].has(COORD)
            && ctx.same_sentence(i - 2, i)
            && ctx.units[i - 2].classes & ctx.units[i].classes & !(UPPER | TITLE | HASHTAG) != 0
            && negated_right_before(ctx, i - 2, reach))
}

/// A negation within `reach` units before `i`, in its sentence.
#[inline]
fn negated_right_before(ctx: &Ctx, i: usize, reach: usize) -> bool {
    (1..=reach.min(i)).any(|d| ctx.same_sentence(i, i - d) && ctx.units[i - d].has(NEG))
}

/// "jangan sampai ... menang": a don't within five units before, in the sentence.
fn dont_before(ctx: &Ctx, i: usize) -> bool {
    (1..=5.min(i)).any(|d| ctx.same_sentence(i, i - d) && ctx.units[i - d].has(DONT))
}

/// "mobil dinas jangan dipinjamkan": a negation just after a noun refuses its use.
fn negated_after(ctx: &Ctx, i: usize, reach: usize) -> bool {
    (1..=reach)
        .map(|d| i + d)
        .take_while(|j| *j < ctx.units.len() && ctx.same_sentence(i, *j))
        .any(|j| ctx.units[j].has(NEG))
}

/// "JK mau lengserkan Jokowi", "demo itu arahnya ingin turunkan presiden": a call (to
/// topple, to reject) that someone else intends, told by a writer who neither joins nor
/// invites (no "kita", "ayo" in the sentence).
pub fn intended_by_others(ctx: &Ctx, i: usize) -> bool {
    let intent = |u: &Unit| {
        u.has(MODAL) && !u.has(SUPPORT | SUPPORT_WEAK | ATTACK | NEG | CODE_SUPPORT | DONT)
    };
    ctx.units[i].has(ATTACK)
        && ctx.units[i].has(TAG_STANCE)
        && (1..=3.min(i)).any(|d| ctx.same_sentence(i, i - d) && intent(&ctx.units[i - d]))
        && !ctx.sentence_has(i, FIRST_PERSON | INVITE)
}

// --- detectors -----------------------------------------------------------------------

fn detect_vote_call(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(VOTE | PARTICLE | NUMREF | LEADING_ZERO | KEYCAP) {
        return;
    }
    let mut called = vec![false; ctx.sentence.last().map_or(0, |s| s + 1)];
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(VOTE) || u.has(ATTACK | CIVIC) || negated_before(ctx, i, 2) {
            continue;
        }
        if (ctx.warned(i) || ctx.sentence_has(i, QUESTION)) && !u.has(VOTE_STRONG) {
            continue;
        }
        // "ketiga capres nyoblos di TPS": a candidate as the subject reports a vote.
        if i > 0 && ctx.same_sentence(i, i - 1) && ctx.units[i - 1].has(CAND | CONTESTANT) {
            continue;
        }
        let strong = u.has(VOTE_STRONG);
        let mut hit = None;
        for j in ctx.around(i, 0, if strong { 8 } else { 6 }) {
            if ctx.units[j].has(EVERYDAY | CIVIC) && !ctx.units[j].has(ELECTION) {
                break;
            }
            if ctx.target(j, ctx.dist(i, j) <= 2, strong) {
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
            if generic_only && (ctx.sentence_has(i, CIVIC) || ctx.warns) {
                continue;
            }
            let last = if j + 1 < ctx.units.len() && t.has(NUMREF | HONORIFIC) {
                j + 1
            } else {
                j
            };
            out.push(span(i, last, t.entity));
            if let Some(c) = called.get_mut(ctx.sentence[i]) {
                *c = true;
            }
        } else if strong && !ctx.warns && !ctx.has(CIVIC | QUESTION) {
            // "Tgl 14 kita udah tau harus ke mana kan 😉", "pilih beliau", "titip
            // suaranya ya" in a post about a candidate: the target goes without saying.
            // "pemilih mencoblos ...": voters as the subject describe the vote.
            let described = i > 0 && ctx.same_sentence(i, i - 1) && ctx.units[i - 1].has(VOTER);
            let implicit = (u.has(EMO_HINT | REFERENT)
                && (ctx.election_context() || ctx.has(OFFICE)))
                || (candidate_in_post(ctx) && ctx.election_context());
            let implicit = implicit && !described;
            if implicit {
                out.push(span(i, i, None));
                if let Some(c) = called.get_mut(ctx.sentence[i]) {
                    *c = true;
                }
            }
        }
    }
    for j in 0..ctx.units.len() {
        let u = &ctx.units[j];
        if !u.has(BALLOT_NUM) || !ctx.election_context() || ctx.warned(j) {
            continue;
        }
        if ctx.sentence_has(j, QUESTION) || !ctx.number_ok(j) || negated_before(ctx, j, 3) {
            continue;
        }
        let marked = ctx.marked(j);
        if !(marked || u.has(LEADING_ZERO | KEYCAP)) {
            continue;
        }
        // "tgl 21 nomer 2 ajaa", "01 aja bund": a ballot number with a particle, in an
        // election, is a call without a verb.
        let particle = ctx
            .units
            .get(j + 1)
            .is_some_and(|n| n.has(PARTICLE) && ctx.same_sentence(j, j + 1));
        // "pilih pemimpin yg merakyat ..., nomor urut tiga": a call and a ballot number in
        // one sentence, whatever stands between them.
        let sentence_call = marked
            && ctx.sentence_has(j, VOTE)
            && !called.get(ctx.sentence[j]).copied().unwrap_or(true)
            && ctx
                .sentence_units(j)
                .any(|i| i < j && ctx.units[i].has(VOTE) && !negated_before(ctx, i, 2));
        // "tgl 28 no. 3", "nomor satu di TPS nanti": a ballot number on voting day or at the
        // polling station is a call.
        let place = !ctx.has(NEWS)
            && ctx
                .sentence_units(j)
                .any(|i| ctx.units[i].has(VOTE_PLACE | VOTING_DAY) && !negated_before(ctx, i, 2));
        // "PKB nomor 1", "Demokrat nomor 14, inget itu!": a party with its ballot number.
        let party = marked
            && j >= 2
            && ctx.same_sentence(j - 2, j)
            && ctx.units[j - 2].has(PARTY | PARTY_AMBIG)
            && (ctx.units[j - 2].has(PARTY) || ctx.units[j - 2].has(UPPER))
            && !ctx.has(NEWS);
        // "Pilkada Malang !! Nomor 1 !!!": a ballot number chanted as a sentence of its own.
        let chant = marked && {
            let s = ctx.sentence_units(j);
            s.start + 1 == j && s.end - s.start <= 3
        };
        if particle || sentence_call || place || party || chant {
            let first = if party {
                j - 2
            } else if marked {
                j - 1
            } else {
                j
            };
            let last = if particle { j + 1 } else { j };
            out.push(span(first, last, u.entity));
        }
    }
}

/// Does the post name a candidate: a contestant, a generic candidate word, someone running
/// for office, or a ballot number?
fn candidate_in_post(ctx: &Ctx) -> bool {
    *ctx.candidate.get_or_init(|| {
        (0..ctx.units.len()).any(|j| {
            let t = &ctx.units[j];
            ctx.named(j, 9)
                || (t.has(CAND | NYALEG)
                    && !ctx.followed_by_everyday(j)
                    && !ctx.preceded_by_everyday(j)
                    && !ctx.sentence_has(j, CIVIC))
                || (ctx.marked(j) && ctx.number_ok(j) && !negated_before(ctx, j, 3))
        })
    })
}

fn detect_support(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(SUPPORT | SUPPORT_STRONG | SUPPORT_WEAK | EMO_PRAISE | CODE_SUPPORT) {
        return;
    }
    let civic_post = ctx.has(CIVIC | QUESTION) || ctx.warns;
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(SUPPORT | SUPPORT_STRONG | SUPPORT_WEAK | EMO_PRAISE | CODE_SUPPORT)
            || negated_before(ctx, i, 2)
            || ctx.warned(i)
            || dont_before(ctx, i)
        {
            continue;
        }
        if u.has(CODE_SUPPORT) && !u.has(SUPPORT | SUPPORT_STRONG | SUPPORT_WEAK) {
            // "tetap 02", "hati kecil saya tetap 02".
            let code = ctx.around(i, 0, 2).find(|j| {
                let t = &ctx.units[*j];
                t.has(BALLOT_NUM)
                    && (t.has(LEADING_ZERO | KEYCAP) || ctx.marked(*j))
                    && ctx.number_ok(*j)
            });
            if let Some(j) = code.filter(|_| !ctx.has(CHOICE)) {
                out.push(span(i, j, ctx.units[j].entity));
            }
            continue;
        }
        if !u.has(SUPPORT | SUPPORT_STRONG | SUPPORT_WEAK | EMO_PRAISE) {
            continue;
        }
        let strong = u.has(SUPPORT_STRONG);
        let reach = if strong {
            8
        } else if u.has(SUPPORT) {
            5
        } else if u.has(EMO_PRAISE) {
            3
        } else {
            2
        };
        let medium = strong || u.has(SUPPORT);
        // Strong support reaches a named contestant or candidate anywhere in a short post,
        // unless it has an object of its own right after it ("dukung perppu ormas").
        let object = ctx.units.get(i + 1).is_some_and(|n| {
            ctx.same_sentence(i, i + 1)
                && !n.has(FILLER | PARTICLE | HONORIFIC | EMO_PRAISE | EMO_HINT | FINGER | NUMREF)
                && !ctx.person(i + 1, 1, true)
                && !u.has(VOTE)
        });
        let post_wide = strong && ctx.units.len() <= 60 && !civic_post && !object;
        let far = post_wide
            .then(|| (0..ctx.units.len()).find(|j| ctx.person(*j, 9, true)))
            .flatten();
        // An emoji comments on what comes before it.
        let fwd = if u.classes & (SUPPORT | SUPPORT_STRONG | SUPPORT_WEAK) == 0 {
            1
        } else {
            reach
        };
        let found = ctx.around(i, reach, fwd).find(|j| {
            let d = ctx.dist(i, *j);
            ctx.person(*j, d, strong) && (medium || !ctx.units[*j].has(REFERENT))
        });
        if let Some(j) = found.or(far) {
            let e = ctx.units[j].entity;
            let mut s = if j.abs_diff(i) > 8 {
                span(i, i, e)
            } else {
                span(i, j, e)
            };
            s.review = ctx.weak_target(j);
            out.push(s);
        } else if strong && ctx.has(EMO_HINT) && ctx.election_context() && !civic_post {
            // "pokoknya lanjutkan!! ... pilkada ini 😉": who is meant goes without saying.
            out.push(span(i, i, None));
        }
    }
}

fn detect_attack(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(ATTACK | ATTACK_WEAK | EMO_SCORN | NEG | VOTE_STRONG | DONT) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        // "gak pantas", "bukan pemimpin": praise denied is criticism; so is "jangan sampai
        // Maruli Tua menang".
        let denied =
            (u.has(SUPPORT) && !u.has(SUPPORT_STRONG | SUPPORT_WEAK) && negated_before(ctx, i, 1))
                || (u.has(SUPPORT_STRONG) && dont_before(ctx, i));
        // "jangan pilih", "jangan dipilih": a call not to vote for someone; also "jangan mi
        // pilih Baso", "ndak usah bapiliah Zul": a vote refused right before a name.
        let refused_vote = u.has(VOTE)
            && !u.has(CIVIC)
            && (negated_before(ctx, i, 2) || dont_before(ctx, i))
            && !ctx.warned(i)
            && !ctx.has(QUESTION)
            && ctx
                .around(i, 0, 3)
                .any(|j| ctx.named(j, ctx.dist(i, j)) || ctx.titled_unknown(j));
        let against = u.has(VOTE_STRONG) && u.has(ATTACK | NEG)
            || u.has(VOTE_STRONG) && !u.has(VOTE)
            || refused_vote;
        let strong = u.has(ATTACK) || denied || against;
        let weak = u.has(ATTACK_WEAK | EMO_SCORN);
        if !(strong || weak) || ctx.warned(i) {
            continue;
        }
        // "bukan pembohong", "engga semua kafir": the charge denied defends.
        if u.has(ATTACK | ATTACK_WEAK) && !u.has(VOTE_STRONG | NEG) && negated_before(ctx, i, 2) {
            continue;
        }
        let reach = || {
            if strong {
                ctx.near(i, 8)
            } else if u.classes & ATTACK_WEAK == 0 {
                ctx.around(i, 3, 1) // an emoji comments on what comes before it
            } else {
                ctx.around(i, 3, 3)
            }
        };
        let found = reach().take(64).find(|j| {
            let t = &ctx.units[*j];
            let d = ctx.dist(i, *j);
            ctx.named(*j, d)
                || (t.has(PARTY_AMBIG)
                    && ((d <= 1 && !t.has(STRICT)) || (t.has(UPPER) && d <= 4))
                    && !ctx.after_business(*j))
                || t.has(PARTY)
                || (t.has(PARTY_WORD) && d <= 3)
                || (strong && t.has(CAND) && !ctx.sentence_has(i, CIVIC) && !ctx.warns)
                // "maju" runs for office only beside the attack: it also means "advance".
                || (strong
                    && t.has(NYALEG)
                    && d <= 3
                    && ctx.same_sentence(i, *j)
                    && !ctx.sentence_has(i, CIVIC)
                    && !ctx.warns)
                || (strong && t.has(OFFICE) && d <= 3 && ctx.same_sentence(i, *j))
                // "Benamkan 2019!! Rezim anti Islam": the government that runs again.
                || (strong && t.has(GOVERN) && d <= 8 && ctx.election_ref())
                || (t.has(BALLOT_NUM)
                    && (ctx.ballot(*j, strong) || (strong && d <= 3 && ctx.code_nearby(*j))))
                || (strong && d <= 4 && ctx.referent(*j) && !ctx.warns)
        });
        // "Prabowo antek asing, sebelah ...": a contestant named as near as a pointer or a
        // title is the target.
        let found = found.map(|j| {
            if ctx.units[j].entity.is_some() {
                return j;
            }
            let d = ctx.dist(i, j);
            reach()
                .take(64)
                .find(|k| {
                    ctx.dist(i, *k) <= d && ctx.units[*k].entity.is_some() && ctx.named(*k, d)
                })
                .unwrap_or(j)
        });
        if let Some(j) = found {
            let mut s = span(i, j, ctx.units[j].entity);
            s.review = ctx.weak_target(j);
            out.push(s);
        } else if against && ctx.election_context() && !ctx.warns && !ctx.has(CIVIC) {
            out.push(span(i, i, None));
        }
    }
}

fn detect_hashtag(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(HASHTAG) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(HASHTAG) || u.has(NAME_TAG) {
            // A hashtag of a name alone names the contestant: a mention, unless the post
            // takes a side (see `detect_mention`, `detect_support`, `detect_attack`).
            continue;
        }
        // A hashtag that carries a stance (#2019GantiPresiden, #SuryawanLagi), a generic
        // campaign stem (#coblos02), or a slogan of everyday words in an election post. A
        // stance about a name no pack lists (#DjarotSiharMenang) needs an election, an
        // office or a second such hashtag around it.
        let guessed = u.has(STRICT) && u.has(STANCE_TAG);
        let guessed_ok = ctx.election_context()
            || ctx.has(OFFICE)
            || ctx
                .units
                .iter()
                .filter(|x| x.has(STANCE_TAG) && x.has(HASHTAG))
                .count()
                >= 2;
        let campaign = (u.has(STANCE_TAG | CAMPAIGN_HASHTAG) && (!guessed || guessed_ok))
            || (u.has(SLOGAN_AMBIG) && ctx.election_context());
        if campaign {
            out.push(span(i, i, u.entity));
        }
    }
}

/// A camp's nickname used at all mocks the camp (cebong, kampret, kadrun, termul, pasukan
/// nasi bungkus); one that is also a plain curse or an everyday word counts only with a
/// cue before it or politics in the post. Warning against the nicknames is no attack.
fn detect_camp(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(CAMP_SLUR | CAMP_CUE | MOCK) {
        return;
    }
    // "pasukan Baso Tahu mulai panas", "pendukung 02 pada nangis": a contestant's camp,
    // named by a cue and the contestant, mocked by an insult, scorn or laughter near.
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(CAMP_CUE) || ctx.warned(i) || negated_before(ctx, i, 1) {
            continue;
        }
        let Some(j) = ctx.units.get(i + 1).map(|_| i + 1).filter(|j| {
            ctx.same_sentence(i, *j)
                && (ctx.named(*j, 1)
                    || (ctx.units[*j].has(BALLOT_NUM | PARTY) && ctx.code_nearby(*j))
                    || ctx.units[*j].has(PARTY))
        }) else {
            continue;
        };
        let mocked = ctx.units.iter().enumerate().any(|(k, x)| {
            k != i
                && k != j
                && x.has(INSULT | EMO_SCORN | ATTACK | LAUGH)
                && !negated_before(ctx, k, 1)
        });
        if mocked {
            out.push(span(i, j, ctx.units[j].entity));
        }
    }
    if !ctx.has(CAMP_SLUR | MOCK) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        // "jangan panggil cebong", "stop saling ejek": a warning; "saya bukan cebong": a
        // denial. A negation further off is neither: "gak hidup cebong klo gak makan hoaks"
        // still mocks.
        let denied = negated_before(ctx, i, 1);
        // A warning in the sentence counts only when it is not itself mocking ("ga usah
        // debat sama kadrun, percuma 🤣" mocks).
        let mocking = ctx.has(INSULT | LAUGH | EMO_SCORN);
        let warned = ctx.warned(i) && !mocking;
        if !u.has(CAMP_SLUR | MOCK) || u.has(HASHTAG) || warned || denied || !ctx.camp_reading(i) {
            continue;
        }
        let first = if i > 0 && ctx.units[i - 1].has(CAMP_CUE) && ctx.same_sentence(i - 1, i) {
            i - 1
        } else {
            i
        };
        out.push(span(first, i, u.entity));
    }
}

fn detect_slogan(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(SLOGAN | SLOGAN_AMBIG | SLOGAN_GENERIC) {
        return;
    }
    // "2019 ganti presiden", "dua periode!": a slogan every election brings back. A term of
    // office wished for ("2 periode") is also said of a class captain, a coach or the head of
    // an RT: it needs politics in the post (a name, an office, the government, an election,
    // a party, a camp) or a post of the slogan alone, and no everyday choice.
    let political = ctx.has(
        CONTESTANT | OFFICE | GOVERN | ELECTION | CAND | PARTY | PARTY_WORD | CAMP | STANCE_TAG,
    ) || ctx
        .units
        .iter()
        .any(|u| u.has(CONTESTANT_AMBIG) && u.has(UPPER));
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(SLOGAN_GENERIC) || u.has(HASHTAG) || ctx.refused(i) || ctx.is_question() {
            continue;
        }
        let term_wished = u.has(SUPPORT);
        if term_wished && (ctx.has(CHOICE | BUSINESS) || !(political || ctx.units.len() <= 4)) {
            continue;
        }
        out.push(span(i, i, u.entity));
    }
    if !ctx.has(SLOGAN | SLOGAN_AMBIG) {
        return;
    }
    // (A voting day said as "tanggal 28" is any month's 28th: no context for a slogan of
    // everyday words.)
    let context = ctx
        .has(CONTESTANT | PACK_HASHTAG | CAND | VOTE_STRONG | PACK_SYMBOL | FINGER | SYMBOL)
        || ctx
            .units
            .iter()
            .any(|u| u.has(CONTESTANT_AMBIG) && u.has(UPPER));
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(SLOGAN | SLOGAN_AMBIG)
            || u.has(HASHTAG)
            || ctx.refused(i)
            || ctx.after_business(i)
        {
            continue;
        }
        // "Hajatan Rakyat", "MENANG TOTAL": a slogan of everyday words written as a name.
        let named = u.last > u.first && u.has(TITLE) && !u.has(STRICT);
        if u.has(SLOGAN) || (u.has(SLOGAN_AMBIG) && (context || named) && !u.has(CIVIC)) {
            out.push(span(i, i, u.entity));
        }
    }
}

fn detect_symbol(ctx: &Ctx, out: &mut Vec<Span>) {
    let code = (0..ctx.units.len()).any(|j| ctx.units[j].has(LEADING_ZERO) && ctx.ballot(j, true));
    let strong = ctx.has(
        VOTE_STRONG
            | SUPPORT_STRONG
            | CONTESTANT
            | CAND
            | PACK_HASHTAG
            | SLOGAN
            | CAMPAIGN_STRONG
            | PARTY
            | EMO_HINT,
    ) || (ctx.has(VOTE | NUMREF) && ctx.has(ELECTION))
        || code
        || (0..ctx.units.len()).any(|j| ctx.named(j, 3));
    let weak = ctx.has(ELECTION | CAMPAIGN | VOTING_DAY | SYMBOL);
    let civic_only = (ctx.has(CIVIC) || ctx.warns)
        && !ctx.has(CONTESTANT | PARTY | PACK_HASHTAG | VOTE_STRONG | SUPPORT_STRONG);
    for (i, u) in ctx.units.iter().enumerate() {
        let sign = u.has(FINGER | SYMBOL | PACK_SYMBOL)
            || (u.has(KEYCAP) && u.has(BALLOT_NUM) && ctx.number_ok(i));
        if !sign || u.has(EVERYDAY) || (i > 0 && ctx.units[i - 1].has(EVERYDAY)) {
            continue;
        }
        if ctx.refused(i) || (ctx.has(CHOICE) && !ctx.election_context()) {
            continue;
        }
        // "Kulo ☝️ mawon", "tanggal 14 👆 aja": a sign with a particle is a choice.
        let chosen = ctx
            .units
            .get(i + 1)
            .is_some_and(|n| n.has(PARTICLE) && ctx.same_sentence(i, i + 1))
            && (ctx.election_context() || ctx.has(FIRST_PERSON));
        if !(strong || weak || chosen) {
            continue;
        }
        let mut s = span(i, i, u.entity);
        s.review = !(strong || chosen) || civic_only;
        out.push(s);
    }
}

fn detect_party(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(PARTY | PARTY_AMBIG | PARTY_ACTIVITY | PARTY_WORD) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        let party = u.has(PARTY)
            || (u.has(PARTY_AMBIG) && !ctx.after_business(i) && {
                let upper = u.has(UPPER);
                let prev = i > 0
                    && (ctx.units[i - 1].has(PARTY_WORD | VOTE)
                        || (upper
                            && ctx.units[i - 1].has(PARTY_ACTIVITY | PARTY_CUE | INVITE | JOIN)));
                let next = ctx.units.get(i + 1).is_some_and(|n| {
                    n.has(NUMREF | BALLOT_NUM | PARTY_WORD)
                        || (upper && n.has(PARTY_ACTIVITY | PARTY_CUE))
                });
                prev || next || upper && ctx.election_context()
            });
        if party && !ctx.refused(i) {
            let found = ctx.around(i, 6, 6).find(|j| {
                let t = &ctx.units[*j];
                let d = ctx.dist(i, *j);
                t.has(
                    VOTE | SUPPORT
                        | SUPPORT_STRONG
                        | INVITE
                        | JOIN
                        | PARTY_ACTIVITY
                        | FINGER
                        | EMO_PRAISE,
                ) || (t.has(SUPPORT_WEAK | MOBILIZE) && d <= 3)
                    || (t.has(PARTY_CUE) && d <= 2)
                    || (d <= 2 && ctx.marked(*j + 1))
            });
            if let Some(j) = found {
                if !negated_before(ctx, i.min(j), 2) {
                    out.push(span(i, j, u.entity));
                }
            }
        }
        // Party membership talked about in the first person, or offered to the reader.
        if u.has(PARTY_ACTIVITY)
            && !ctx.followed_by_everyday(i)
            && party_in_post(ctx)
            && (ctx.has(FIRST_PERSON | INVITE) || ctx.has(PARTY | PARTY_WORD))
            && !ctx.has(QUESTION | CIVIC)
            && !ctx.warns
            && !negated_before(ctx, i, 3)
        {
            out.push(span(i, i, u.entity));
        }
        // "coblos partainya", "dukung partai X"
        if u.has(PARTY_WORD) && i > 0 && ctx.units[i - 1].has(VOTE | SUPPORT_STRONG | INVITE | JOIN)
        {
            out.push(span(i - 1, i, u.entity));
        }
    }
}

/// Does the writer wear or hand out campaign attributes ("pakai kaos relawan"; not "gak
/// pake kaos")?
fn attired(ctx: &Ctx) -> bool {
    ctx.units
        .iter()
        .enumerate()
        .any(|(j, u)| u.has(ATTIRE) && !negated_before(ctx, j, 2))
}

/// Does the post name a party: a party, the word `partai`, or a party's acronym in capitals?
fn party_in_post(ctx: &Ctx) -> bool {
    ctx.has(PARTY | PARTY_WORD) || ctx.units.iter().any(|u| u.has(PARTY_AMBIG) && u.has(UPPER))
}

/// Does the post show the writer taking part in, or calling others to, what it names?
fn involved(ctx: &Ctx, i: usize) -> bool {
    let invite = *ctx.invites.get_or_init(|| {
        ctx.units
            .iter()
            .enumerate()
            .any(|(j, u)| u.has(INVITE) && !negated_before(ctx, j, 2))
    });
    // MOBILIZE in this sentence or the ones next to it.
    let s = ctx.sentence.get(i).copied().unwrap_or(0);
    let from = ctx
        .sentence_start
        .get(s.saturating_sub(1))
        .copied()
        .unwrap_or(0);
    let to = ctx
        .sentence_start
        .get(s + 2)
        .copied()
        .unwrap_or(ctx.units.len());
    let joins = (from..to.min(ctx.units.len()))
        .any(|j| ctx.units[j].has(MOBILIZE) && !negated_before(ctx, j, 2));
    invite || joins || ctx.has(SUPPORT_STRONG | VOTE_STRONG | EMO_PRAISE | MONEY | STATE_FAC)
}

fn detect_campaign(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(CAMPAIGN | CAMPAIGN_STRONG) {
        return;
    }
    let passive =
        !attired(ctx) && (ctx.has(PASSIVE) || (ctx.has(NEWS) && !ctx.has(FIRST_PERSON | INVITE)));
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(CAMPAIGN | CAMPAIGN_STRONG) || ctx.refused(i) {
            continue;
        }
        let review = passive || !involved(ctx, i);
        if u.has(CAMPAIGN_STRONG) && !ctx.followed_by_everyday(i) {
            // Naming a campaign's own machinery (rapat pemenangan, tim kampanye, kampanye
            // akbar) is taking part, unless the writer was only passing by or reporting.
            let mut s = span(i, i, u.entity);
            s.review = passive;
            out.push(s);
            continue;
        }
        if ctx.followed_by_everyday(i) || !u.has(CAMPAIGN) {
            continue;
        }
        let found = ctx.around(i, 6, 6).find(|j| {
            let t = &ctx.units[*j];
            let d = ctx.dist(i, *j);
            if t.has(EVERYDAY) && d <= 1 {
                return false;
            }
            ctx.named(*j, d)
                || t.has(CAND | PARTY)
                || (t.has(BALLOT_NUM) && ctx.marked(*j) && ctx.number_ok(*j))
                || (t.has(BALLOT_NUM)
                    && t.has(LEADING_ZERO)
                    && d <= 1
                    && t.value.is_some_and(|v| v <= 9)
                    && ctx.number_ok(*j))
        });
        if let Some(j) = found {
            let mut s = span(i, j, ctx.units[j].entity);
            s.review = review;
            out.push(s);
        } else if u.has(ELECTION)
            && ctx.sentence_has(i, MOBILIZE | INVITE)
            && election_campaign(ctx) == Some(i)
        {
            // "otw kampanye", "ayo ikut kampanye": a campaign, no candidate named. Going is
            // disputed for a public worker; calling others to go is mobilising.
            let mut s = span(i, i, None);
            s.review = passive || !ctx.sentence_has(i, INVITE);
            out.push(s);
        } else if ctx.sentence_has(i, INVITE) && candidate_in_post(ctx) {
            // "Kumpul di posko jam 8" in a post that names the contestant elsewhere.
            let mut s = span(i, i, None);
            s.review = passive;
            out.push(s);
        }
    }
}

/// The word `kampanye` for an election campaign: not "kampanye imunisasi" or "kampanye
/// anti narkoba".
fn election_campaign(ctx: &Ctx) -> Option<usize> {
    *ctx.campaign_word.get_or_init(|| {
        (0..ctx.units.len()).find(|i| {
            let u = &ctx.units[*i];
            u.has(CAMPAIGN)
                && u.has(ELECTION)
                && !ctx.followed_by_everyday(*i)
                && !ctx.refused(*i)
                && !ctx.sentence_has(*i, CIVIC)
        })
    })
}

fn detect_group(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(GROUP | JOIN) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(GROUP | JOIN) || negated_before(ctx, i, 3) || ctx.warned(i) {
            continue;
        }
        // A group named is not a group joined: "copas dari grup RT" is no invitation.
        let joining = u.has(JOIN)
            || ctx.near(i, 6).any(|j| {
                ctx.units[j].has(JOIN | INVITE) && !negated_before(ctx, j, 2) && !ctx.warned(j)
            });
        if !joining {
            continue;
        }
        let found = ctx.near(i, 8).find(|j| {
            let t = &ctx.units[*j];
            ctx.named(*j, ctx.dist(i, *j))
                || t.has(CAMPAIGN_STRONG | CAND | PARTY | CAMPAIGN_HASHTAG)
                || (t.has(CAMPAIGN) && (ctx.election_context() || ctx.has(OFFICE)))
                || ctx.ballot(*j, true)
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
    // homecoming post) is not enough, nor a name on its own.
    let named = ctx.has(CONTESTANT | CAND | PARTY | PACK_HASHTAG)
        || (0..ctx.units.len()).any(|j| ctx.named(j, 9));
    let campaign_word = ctx.units.iter().enumerate().any(|(i, u)| {
        u.has(CAMPAIGN)
            && !ctx.followed_by_everyday(i)
            && ctx.around(i, 6, 6).any(|j| {
                let t = &ctx.units[j];
                ctx.named(j, ctx.dist(i, j)) || t.has(CAND | PARTY) || ctx.marked(j)
            })
    });
    // "otw kampanye pake mobil plat merah": an election campaign named as such, and the
    // writer going.
    let going = ctx.has(MOBILIZE | INVITE) && election_campaign(ctx).is_some();
    let campaign = campaign_word
        || going
        || ctx.has(CAMPAIGN_STRONG | VOTE_STRONG)
        || (named && ctx.has(VOTE | SUPPORT_STRONG | INVITE | MOBILIZE))
        || (ctx.has(KTP) && ctx.has(DUKUNGAN));
    if !campaign || ctx.has(QUESTION) {
        return;
    }
    let passive =
        !attired(ctx) && (ctx.has(PASSIVE) || (ctx.has(NEWS) && !ctx.has(FIRST_PERSON | INVITE)));
    for (i, u) in ctx.units.iter().enumerate() {
        if u.has(STATE_FAC) && !ctx.refused(i) {
            let mut s = span(i, i, None);
            s.review = passive;
            out.push(s);
        }
    }
}

fn detect_ktp(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(KTP) {
        return;
    }
    let named =
        ctx.has(DUKUNGAN | CONTESTANT | CAND) || (0..ctx.units.len()).any(|j| ctx.named(j, 3));
    if !(ctx.has(COLLECT | DUKUNGAN) && named) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if u.has(KTP) && !ctx.refused(i) {
            out.push(span(i, i, None));
        }
    }
}

fn detect_money(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(MONEY | MONEY_STRONG) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(MONEY | MONEY_STRONG) || ctx.refused(i) || ctx.sentence_has(i, CIVIC) {
            continue;
        }
        // "serangan fajar" is money politics named, unless the post is about nature, a
        // match or a question: dawn raids of mosquitoes or a football side.
        if u.has(MONEY_STRONG) && !ctx.sentence_has(i, ATTACK) {
            let homonym = ctx.has(NATURE | CHOICE) || ctx.is_question();
            if !homonym {
                out.push(span(i, i, None));
            }
            continue;
        }
        // "harga cabe 80rb", "gaji honorer 600rb", "cukur 15rb": a price or a wage.
        if !u.has(MONEY) || ctx.sentence_has(i, PRICE) {
            continue;
        }
        let tied = |j: usize| {
            let t = &ctx.units[j];
            t.has(VOTE_STRONG | VOTE_PLACE) && !t.has(CIVIC)
                || ctx.named(j, ctx.dist(i, j))
                || (t.has(CAND) && !ctx.sentence_has(j, CIVIC))
                || (t.has(CAMPAIGN | CAMPAIGN_STRONG) && ctx.election_context())
                || (t.has(BALLOT_NUM)
                    && (t.has(LEADING_ZERO) || ctx.marked(j))
                    && ctx.number_ok(j)
                    && ctx.election_context())
        };
        // Goods in one sentence, the vote or the candidate in the next: "Dibagi H-2 malem.
        // Stiker paslon ditempel di kardusnya."; anywhere, when the post hides it.
        let found = ctx.around(i, 8, 10).find(|j| tied(*j)).or_else(|| {
            let reach = if ctx.has(EVADE) { 120 } else { 40 };
            (i.saturating_sub(reach)..(i + reach).min(ctx.units.len())).find(|j| {
                let close = ctx.sentence[*j].abs_diff(ctx.sentence[i]) <= 1;
                (close || ctx.has(EVADE)) && tied(*j)
            })
        });
        if let Some(j) = found {
            let mut s = if j.abs_diff(i) <= 12 {
                span(i, j, ctx.units[j].entity)
            } else {
                span(i, i, ctx.units[j].entity)
            };
            s.review = ctx.weak_target(j);
            out.push(s);
        }
    }
}

fn detect_relative(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(RELATIVE) {
        return;
    }
    let ballot = (0..ctx.units.len()).any(|j| ctx.marked(j) && !negated_before(ctx, j, 3));
    if ctx.has(QUESTION) || !(ctx.has(SUPPORT_STRONG | VOTE | INVITE | EMO_HINT) || ballot) {
        return;
    }
    let running = |j: usize| {
        (ctx.units[j].has(NYALEG | CAND) && !ctx.followed_by_everyday(j)) || ctx.is_contestant(j)
    };
    let anywhere =
        (0..ctx.units.len()).find(|j| ctx.units[*j].has(NYALEG) && !ctx.followed_by_everyday(*j));
    for (i, u) in ctx.units.iter().enumerate() {
        if !u.has(RELATIVE) {
            continue;
        }
        let found = ctx.around(i, 2, 10).find(|j| running(*j));
        let passive = ctx.has(PASSIVE);
        if let Some(j) = found {
            let mut s = span(i, j, ctx.units[j].entity);
            s.review = passive;
            out.push(s);
        } else if let Some(j) = anywhere {
            // A relative in one sentence, the candidacy in another.
            let mut s = span(i, i, ctx.units[j].entity);
            s.review = passive;
            out.push(s);
        }
    }
}

/// The tone rule finds nothing on its own: the scanner adds its finding when the tone
/// model reads a post as clearly partisan (see `scanner::tone`).
fn detect_by_tone(_: &Ctx, _: &mut Vec<Span>) {}

/// Index of the rule `id` in [`RULES`].
fn rule_index(id: &str) -> usize {
    RULES.iter().position(|r| r.id == id).unwrap_or(0)
}

/// Index of the campaign-hashtag rule in [`RULES`].
pub(crate) fn hashtag_rule() -> usize {
    rule_index("hashtag.campaign")
}

/// Index of the tone rule in [`RULES`].
pub(crate) fn tone_rule() -> usize {
    rule_index("tone.partisan")
}

fn detect_mention(ctx: &Ctx, out: &mut Vec<Span>) {
    if !ctx.has(CONTESTANT | PARTY | CONTESTANT_AMBIG | PACK_HASHTAG | CAMP) {
        return;
    }
    for (i, u) in ctx.units.iter().enumerate() {
        if ctx.after_business(i) {
            continue;
        }
        let camp = u.has(CAMP) && u.entity.is_some() && ctx.camp_reading(i);
        if u.has(CONTESTANT | PARTY | PACK_HASHTAG)
            || camp
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
            "Ｐｉｌｉｈ ０２ biar menang satu putaran",
            "Jan lupo tanggal 14 pai ka TPS, pilih nan nomor ciek",
        ],
        must_not_flag: &[
            "Ayo gunakan hak pilih pada 14 Februari, jangan golput!",
            "Anak-anak TK belajar mencoblos pola gambar buah",
            "Pilih menu nomor 2 aja, lebih murah",
            "Pilih calon sesuai hati nurani, jangan golput",
            "Enakan pilih yg nomor 2 apa nomor 3 ya buat seragam batik kantor?",
            "Pemilihan ketua RT: Pak Darto nomor 1, Pak Joko nomor 2, tiap KK satu suara",
            "Di TV tadi ketiga capres nyoblos di TPS masing2",
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
            "Sebagai ASN harusnya netral, tapi hati kecil saya tetap 02",
            "pak ganjar pantes jd presiden",
        ],
        must_not_flag: &[
            "Dukung UMKM lokal, beli produk tetangga",
            "Semoga cepat sembuh Bu Kepsek, amin",
            "Saya tidak mendukung siapa pun, pilihan saya rahasia",
            "Amin paling serius ya Allah, semoga anak kami sembuh",
            "Afrizal tetap hadir walau sempat sakit",
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
            "Jangan sampai Gibran menang",
            "Caleg petahana itu 5 tahun ngilang, jangan dipilih lagi",
        ],
        must_not_flag: &[
            "Tolak politik uang, laporkan ke Bawaslu",
            "Jangan percaya hoaks tentang pemilu",
            "Mas Gibran gak ada lawan pokoknya",
        ],
        detect: detect_attack,
    },
    Rule {
        id: "attack.camp",
        category: Category::Attack,
        severity: Severity::Violation,
        message: Text {
            id: "Julukan ejekan untuk pendukung salah satu calon (misalnya cebong, kampret, kadrun) menyerang kubu itu. Mengejek pendukung calon juga bentuk keberpihakan yang dilarang bagi pegawai ASN.",
            en: "A mocking nickname for a candidate's supporters (such as cebong, kampret, kadrun) attacks that camp. Mocking a candidate's supporters is also partisanship, which civil servants may not show.",
        },
        basis: SOCIAL_BASIS,
        suggestion: Some(Suggestion(Text {
            id: "Mari berbeda pilihan tanpa saling mengejek",
            en: "Let's differ in our choices without mocking each other",
        })),
        must_flag: &[
            "Cebong dungu, dikasih kaos udah bangga",
            "dasar kadrun, kerjaannya nyebar hoaks",
            "Gak hidup termul klo gak makan hoaks",
            "kaum kampret mulai panik jelang pilpres",
        ],
        must_not_flag: &[
            "kampret, sinyal ilang lagi pas meeting",
            "Stop panggil orang cebong atau kampret, kita semua saudara",
            "Anak-anak belajar metamorfosis kecebong jadi katak",
        ],
        detect: detect_camp,
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
        must_flag: &[
            "Semangat pagi! #GibranMendengar",
            "#AniesBaswedan2024",
            "#Coblos02",
            "Besok pagi cuaca cerah #2029GantiBupati",
            "Sudah siap? #PastikanBesokTiga",
            "#PrabowoGibranMenang",
        ],
        must_not_flag: &[
            "#PemiluDamai #TolakPolitikUang",
            "#RelawanDonorDarah",
            "KPU menetapkan hasil rekapitulasi #PrabowoGibran",
        ],
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
        must_not_flag: &[
            "Pose ✌️ pas wisuda bareng teman",
            "Jam 2️⃣ siang rapat evaluasi",
            "RT 02 menang lomba gapura ✌️",
            "Resep: 1️⃣ tumis bawang 2️⃣ masukkan nasi 3️⃣ aduk rata",
        ],
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
        must_not_flag: &[
            "Gabung grup WA wali murid kelas 3 ya bu",
            "Saya sudah keluar dari grup relawan",
            "Copas dari grup RT: besok kampanye dialogis Pak Prabowo, jalan ditutup",
        ],
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
        must_flag: &[
            "Mobil dinas siap antar ke kampanye akbar besok",
            "Tolong printer kantor dipakai cetak brosur Prabowo-Gibran, jangan sampai ketahuan pengawas ya",
        ],
        must_not_flag: &[
            "Mobil dinas dipakai antar vaksin ke puskesmas",
            "ASN dilarang pakai mobil dinas untuk kampanye",
            "Pak, mobil dinas jangan dipinjamkan ke tim kampanye siapa pun ya",
        ],
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
        must_not_flag: &[
            "Tolak serangan fajar! Laporkan ke Bawaslu",
            "Uang kas RT bulan ini sudah terkumpul",
            "Bawa sarung tangan masing-masing, lomba tarik tambang jam 4",
        ],
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
        id: "tone.partisan",
        category: Category::Support,
        severity: Severity::Violation,
        message: Text {
            id: "Secara keseluruhan, unggahan ini terbaca berpihak kepada calon atau partai yang disebut. Pegawai ASN dilarang menunjukkan keberpihakan di media sosial, juga lewat sindiran, candaan atau kode.",
            en: "Taken as a whole, this post reads as taking the side of the candidate or party it names. Civil servants may not show partisanship on social media, including through hints, jokes or code words.",
        },
        basis: SOCIAL_BASIS,
        suggestion: Some(Suggestion(Text {
            id: "Mari jaga pemilu yang damai dan gunakan hak pilih pada {hari}",
            en: "Let's keep the election peaceful and vote on {day}",
        })),
        must_flag: &["Prof Mahfud semalem keren parah 🔥"],
        must_not_flag: &[
            "KPU menetapkan Prabowo-Gibran sebagai pasangan calon terpilih",
            "Selamat ulang tahun Pak Ganjar, sehat selalu",
        ],
        detect: detect_by_tone,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_named_in_code_exist() {
        assert_eq!(RULES[hashtag_rule()].id, "hashtag.campaign");
        assert_eq!(RULES[tone_rule()].id, "tone.partisan");
    }
}
