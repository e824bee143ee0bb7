//! Word classes, as bits. A unit of a post (a word or a phrase) carries the OR of its
//! classes; the rules read them. The lexicon files in `lexicon/` name classes by the names
//! in [`NAMES`]; the build (`build/lexc.rs`, which includes this file) refuses an unknown
//! name or a class the lexicon may not set ([`LEXICON`]).
//!
//! This file is self-contained on purpose: the build script includes it by path.

/// A set of classes.
pub type Classes = u128;

/// A call to vote (pilih, coblos, menangkan ...).
pub const VOTE: Classes = 1 << 0;
/// A verb that only means voting in an election (coblos, contreng, nyoblos).
pub const VOTE_STRONG: Classes = 1 << 1;
/// Support or praise (dukung, lanjutkan, terbaik ...): needs a target next to it.
pub const SUPPORT: Classes = 1 << 2;
/// Support that reaches the whole sentence (pilihanku, presidenku, pasti menang ...).
pub const SUPPORT_STRONG: Classes = 1 << 3;
/// Attack or smear (pembohong, dinasti, jangan pilih ...).
pub const ATTACK: Classes = 1 << 4;
/// Negation or refusal (jangan, tolak, stop, lawan ...).
pub const NEG: Classes = 1 << 5;
/// `nomor`, `nomor urut`, `urut`.
pub const NUMREF: Classes = 1 << 6;
/// A generic candidate word (paslon, caleg, capres, petahana ...).
pub const CAND: Classes = 1 << 7;
/// Election vocabulary (pemilu, pilkada, TPS, surat suara ...).
pub const ELECTION: Classes = 1 << 8;
/// Civic vocabulary (golput, hak pilih, DPT, netralitas ...).
pub const CIVIC: Classes = 1 << 9;
/// Campaign words that need a contestant to mean an election campaign.
pub const CAMPAIGN: Classes = 1 << 10;
/// Campaign words that mean an election campaign on their own (kampanye akbar).
pub const CAMPAIGN_STRONG: Classes = 1 << 11;
/// Mobilising words (ayo, yuk, kumpul, wajib hadir ...).
pub const MOBILIZE: Classes = 1 << 12;
/// Joining or following a group or account.
pub const GROUP: Classes = 1 << 13;
/// State facilities (mobil dinas, aula kantor, seragam dinas ...).
pub const STATE_FAC: Classes = 1 << 14;
/// Identity cards.
pub const KTP: Classes = 1 << 15;
/// Collecting (kumpulkan, setor, minta ...).
pub const COLLECT: Classes = 1 << 16;
/// Support letters for independent candidates (dukungan, independen, perseorangan).
pub const DUKUNGAN: Classes = 1 << 17;
/// Money or goods (amplop, uang, sembako ...).
pub const MONEY: Classes = 1 << 18;
/// Money politics named as such (serangan fajar, politik uang).
pub const MONEY_STRONG: Classes = 1 << 19;
/// A relative (suami, istri, kakak ...).
pub const RELATIVE: Classes = 1 << 20;
/// Running for office (nyaleg, maju, mencalonkan diri ...).
pub const NYALEG: Classes = 1 << 21;
/// A hand sign in words (salam dua jari, salam metal).
pub const SYMBOL: Classes = 1 << 22;
/// The word `partai`.
pub const PARTY_WORD: Classes = 1 << 23;
/// Party membership or activity (kader partai, rapat DPC ...).
pub const PARTY_ACTIVITY: Classes = 1 << 24;
/// First person (saya, aku, kami ...).
pub const FIRST_PERSON: Classes = 1 << 25;
/// An office after `calon` (presiden, bupati, DPRD ...).
pub const OFFICE: Classes = 1 << 26;
/// Words that make numbers and verbs everyday ones (juara, antrean, lomba ...).
pub const EVERYDAY: Classes = 1 << 27;
/// Words of the public-worker's own office, used with `pakai` (kantor, dinas ...).
pub const WORK: Classes = 1 << 28;
/// A question about the rules (boleh gak, apakah boleh ...).
pub const QUESTION: Classes = 1 << 29;
/// The language of news reports (menggelar, menurut, dihadiri, elektabilitas ...).
pub const NEWS: Classes = 1 << 30;
/// A title before a name (Pak, Bu, Mas, Mbak, Bang, Kang ...).
pub const HONORIFIC: Classes = 1 << 31;

// Set by the pack layer and by token kinds.
/// A contestant of a loaded pack: a name, a distinctive part of a name, a pair or an alias.
pub const CONTESTANT: Classes = 1 << 32;
/// A pack alias or name part that is also an everyday word or a common name: it counts
/// only in capitals, right by a cue or in an election context.
pub const CONTESTANT_AMBIG: Classes = 1 << 33;
/// A party of a loaded pack, by name or a distinctive alias.
pub const PARTY: Classes = 1 << 34;
/// A party alias that is also an everyday word or a short acronym (PKB, PAN).
pub const PARTY_AMBIG: Classes = 1 << 35;
/// A slogan of a loaded pack.
pub const SLOGAN: Classes = 1 << 36;
/// A pack slogan made of everyday words ("Kerja Nyata").
pub const SLOGAN_AMBIG: Classes = 1 << 37;
/// A hand sign a pack lists for a contestant ("salam tiga jari").
pub const PACK_SYMBOL: Classes = 1 << 38;
/// A number written in digits or words.
pub const NUM: Classes = 1 << 39;
/// A number from 1 to 30, the range of ballot numbers.
pub const BALLOT_NUM: Classes = 1 << 40;
/// Written with a leading zero (02).
pub const LEADING_ZERO: Classes = 1 << 41;
/// A number written as an emoji keycap (2️⃣).
pub const KEYCAP: Classes = 1 << 42;
/// A finger or hand emoji (☝️ ✌️ 🤟).
pub const FINGER: Classes = 1 << 43;
/// A hashtag.
pub const HASHTAG: Classes = 1 << 44;
/// A hashtag of a pack, or one containing a contestant's name.
pub const PACK_HASHTAG: Classes = 1 << 45;
/// A hashtag with a generic campaign stem (#coblos02, #gantipresiden).
pub const CAMPAIGN_HASHTAG: Classes = 1 << 46;
/// Written in capitals (AMIN).
pub const UPPER: Classes = 1 << 47;
/// Invitations to come along (ayo, yuk, wajib hadir, ramaikan ...): stronger than
/// [`MOBILIZE`], which also holds plain taking part (ikut, hadir).
pub const INVITE: Classes = 1 << 48;
/// Written with a capital first letter (a name, after a title).
pub const TITLE: Classes = 1 << 49;
/// An emoji of praise (😍 ❤️ 🔥 💪 👍 👏 🫡).
pub const EMO_PRAISE: Classes = 1 << 50;
/// An emoji of scorn (🙄 🤡 🤮 💩 👎).
pub const EMO_SCORN: Classes = 1 << 51;
/// An emoji that hints "you know who I mean" (😉 😏 🤫 🤭).
pub const EMO_HINT: Classes = 1 << 52;
/// The voting day of a loaded pack (`14 Februari`, `14/2`, `tgl 14`).
pub const VOTING_DAY: Classes = 1 << 53;
/// A particle that makes a bare choice a call (aja, lah, dong, mawon, wae ...).
pub const PARTICLE: Classes = 1 << 54;
/// The language of rules and enforcement (dilarang, melanggar, sanksi, laporkan,
/// netralitas ...): a post that warns against an act is not the act.
pub const WARN: Classes = 1 << 55;
/// Being there without taking part (cuma lewat, cuma nonton, tidak ikut ...).
pub const PASSIVE: Classes = 1 << 56;
/// A shop, stall or dish before a name (warung, toko, coto, RM ...): `Coto Daeng Fajar`
/// is lunch, not a candidate.
pub const BUSINESS: Classes = 1 << 57;
/// Words that make a party's name a party event (HUT, harlah, mars, rekrutmen ...).
pub const PARTY_CUE: Classes = 1 << 58;
/// Criticism too faint to count unless it stands right next to a name (cuma, doang,
/// kok, sok ...).
pub const ATTACK_WEAK: Classes = 1 << 59;
/// Praise too faint to count unless it stands right next to a name (baik, siap,
/// paling, pasti, top ...).
pub const SUPPORT_WEAK: Classes = 1 << 60;
/// Joining or following (gabung, join, follow, masuk grup ...), as opposed to a group
/// merely named ([`GROUP`]).
pub const JOIN: Classes = 1 << 61;
/// A pointer to someone already named or meant (beliau, dia, yang itu, sebelah): a
/// target in an election post.
pub const REFERENT: Classes = 1 << 62;
/// Words that stand between a cue and its target without changing it (banget, emang,
/// sih, nih ...): they do not count in distances.
pub const FILLER: Classes = 1 << 63;
/// An imperative "don't" (jangan, jgn, ojo, ulah, hindari ...): several of them in a
/// post about public workers make it a list of rules.
pub const DONT: Classes = 1 << 64;
/// Words of an everyday choice (menu, soal, lomba, warna, ukuran ...): "pilih nomor 3"
/// among them picks a dish or an answer.
pub const CHOICE: Classes = 1 << 65;
/// An alias or slogan the pack lists as ambiguous: it counts only in an election
/// context, never merely for being capitalised.
pub const STRICT: Classes = 1 << 66;
/// Words that show support only right before a ballot code (`tetap 02`, `fix 01`,
/// `pokoknya 3️⃣`): "tetap hadir" next to a name is no praise.
pub const CODE_SUPPORT: Classes = 1 << 67;
/// Where and when the vote is cast (TPS, bilik suara, hari pencoblosan): a ballot
/// number said there is a call.
pub const VOTE_PLACE: Classes = 1 << 68;
/// People who vote or run the vote (pemilih, warga, petugas, KPPS ...): as the subject
/// of `mencoblos` they describe the vote rather than call for it.
pub const VOTER: Classes = 1 << 69;
/// Hiding an act from supervisors (jangan sampai ketahuan, diam-diam, jangan disebar):
/// the writer knows the act is forbidden and does it anyway, so no warning in the post
/// counts as one.
pub const EVADE: Classes = 1 << 70;
/// Wearing or handing out campaign attributes (pakai kaos relawan, pakai atribut): no
/// longer just passing by.
pub const ATTIRE: Classes = 1 << 71;
/// "tapi", "namun": a new clause, which a warning before it does not reach ("harusnya
/// netral, tapi hati kecil saya tetap 02").
pub const CONTRAST: Classes = 1 << 72;
/// A web address or the placeholder `URL`: a shared link, the mark of a report.
pub const LINK: Classes = 1 << 73;
/// A name for a camp's supporters (cebong, kadrun, Ahoker; a pack's `camp` list): talk about
/// a camp is talk about its contestant.
pub const CAMP: Classes = 1 << 74;
/// A camp name that is an insult on its own (cebong, kampret, kadrun, termul, pasukan nasi
/// bungkus): using it at all mocks the camp.
pub const CAMP_SLUR: Classes = 1 << 75;
/// A camp name that is also an everyday word or a plain curse (kampret, bebek): a camp only
/// with a cue before it, an insult near it or politics in the post.
pub const CAMP_AMBIG: Classes = 1 << 76;
/// Words that make the name after them a camp (pendukung, pemuja, antek, kubu, kaum, bani,
/// pasukan, laskar ...), or after it (lovers, haters, mania).
pub const CAMP_CUE: Classes = 1 << 77;
/// A hashtag that only names a contestant (#AniesSandi, #SuryawanAyu): a mention.
pub const NAME_TAG: Classes = 1 << 78;
/// A hashtag that carries a stance (#2019GantiPresiden, #JokowiLagi, #PastikanBesokDua,
/// #SuryawanMenang): spreading it takes a side.
pub const STANCE_TAG: Classes = 1 << 79;
/// Words that give a hashtag a stance when they stand beside a name, an office or a number
/// (ganti, tetap, lagi, lanjut, periode, besok, pastikan, nomor ...).
pub const TAG_STANCE: Classes = 1 << 80;
/// The writer's own voice: laughter, the second person, slang address (wkwk, haha, lu,
/// kalian, ente): a post with it is more than a report.
pub const VOICE: Classes = 1 << 81;
/// The sitting government and its office (pemerintah, pemerintahan, rezim, istana, kabinet,
/// kebijakan) and criticism of how it governs (diktator, otoriter): about governing, not the
/// election, unless the post says so.
pub const GOVERN: Classes = 1 << 82;
/// Reported speech and the marks of a report (kata, ujar, sebut, klaim, dikritik, unggul,
/// survei, via): what the post reports, not what the writer does.
pub const REPORT: Classes = 1 << 83;
/// Comparison (lebih, daripada, dibanding, ketimbang): naming two sides to rank them.
pub const COMPARE: Classes = 1 << 84;
/// Derision and abuse (dungu, bego, goblok, otak dengkul, kampungan): the writer's own
/// contempt, never a report's words; with a contestant or a camp near, an attack.
pub const INSULT: Classes = 1 << 85;
/// Words that say a post speaks of every side (kedua kubu, kedua belah pihak, ketiga
/// paslon): with each side named, it takes none.
pub const EVEN: Classes = 1 << 86;
/// The chat register (yg, gak, aja, nih, sih, dong, udah, gitu, kayak ...): words news
/// never writes. A post in it is no formal report, though it may take no side either.
pub const SLANG: Classes = 1 << 87;
/// Laughter (wkwk, haha, 😂 🤣): at a camp or a contestant, mockery.
pub const LAUGH: Classes = 1 << 88;
/// A mocking nickname for a contestant or a national figure (fufufafa, wowo, omon-omon):
/// names and mocks at once.
pub const MOCK: Classes = 1 << 89;
/// Animals, ponds and fields (sawah, kolam ikan, katak, berudu, akuarium): "cebong" among
/// them is a tadpole.
pub const NATURE: Classes = 1 << 90;
/// A campaign slogan of no one pack that comes back at every election ("ganti presiden",
/// "2 periode"): spreading it takes a side.
pub const SLOGAN_GENERIC: Classes = 1 << 91;
/// "jadi", "menjadi": before an office, becoming it ("jangan sampe dia jadi wapres"), which
/// is talk of the election.
pub const BECOME: Classes = 1 << 92;
/// Words of wish, fitness or prospect before "jadi" (pantas, layak, mau, harus, bakal,
/// jangan sampai): "pantas jadi presiden" is talk of a candidacy; "dia jadi presiden" is not.
pub const MODAL: Classes = 1 << 93;
/// "dan", "atau", "maupun", "sama": joins two names under one negation or one verb ("bukan
/// cebong dan bukan kampret", "saya bukan bani A maupun bani B").
pub const COORD: Classes = 1 << 94;
/// A camp name that mocks the government's or the incumbent's supporters (cebong, buzzerRp).
pub const CAMP_GOV: Classes = 1 << 95;
/// A camp name that mocks the opposition's supporters (kampret, kadrun).
pub const CAMP_OPP: Classes = 1 << 96;
/// Prices, wages and trade (harga, gaji, tarif, beli, tukang): an amount beside them is what
/// something costs or pays, not a handout.
pub const PRICE: Classes = 1 << 97;

/// Every class with its name, in bit order: the names the lexicon files use.
pub const NAMES: &[(Classes, &str)] = &[
    (VOTE, "VOTE"),
    (VOTE_STRONG, "VOTE_STRONG"),
    (SUPPORT, "SUPPORT"),
    (SUPPORT_STRONG, "SUPPORT_STRONG"),
    (ATTACK, "ATTACK"),
    (NEG, "NEG"),
    (NUMREF, "NUMREF"),
    (CAND, "CAND"),
    (ELECTION, "ELECTION"),
    (CIVIC, "CIVIC"),
    (CAMPAIGN, "CAMPAIGN"),
    (CAMPAIGN_STRONG, "CAMPAIGN_STRONG"),
    (MOBILIZE, "MOBILIZE"),
    (GROUP, "GROUP"),
    (STATE_FAC, "STATE_FAC"),
    (KTP, "KTP"),
    (COLLECT, "COLLECT"),
    (DUKUNGAN, "DUKUNGAN"),
    (MONEY, "MONEY"),
    (MONEY_STRONG, "MONEY_STRONG"),
    (RELATIVE, "RELATIVE"),
    (NYALEG, "NYALEG"),
    (SYMBOL, "SYMBOL"),
    (PARTY_WORD, "PARTY_WORD"),
    (PARTY_ACTIVITY, "PARTY_ACTIVITY"),
    (FIRST_PERSON, "FIRST_PERSON"),
    (OFFICE, "OFFICE"),
    (EVERYDAY, "EVERYDAY"),
    (WORK, "WORK"),
    (QUESTION, "QUESTION"),
    (NEWS, "NEWS"),
    (HONORIFIC, "HONORIFIC"),
    (CONTESTANT, "CONTESTANT"),
    (CONTESTANT_AMBIG, "CONTESTANT_AMBIG"),
    (PARTY, "PARTY"),
    (PARTY_AMBIG, "PARTY_AMBIG"),
    (SLOGAN, "SLOGAN"),
    (SLOGAN_AMBIG, "SLOGAN_AMBIG"),
    (PACK_SYMBOL, "PACK_SYMBOL"),
    (NUM, "NUM"),
    (BALLOT_NUM, "BALLOT_NUM"),
    (LEADING_ZERO, "LEADING_ZERO"),
    (KEYCAP, "KEYCAP"),
    (FINGER, "FINGER"),
    (HASHTAG, "HASHTAG"),
    (PACK_HASHTAG, "PACK_HASHTAG"),
    (CAMPAIGN_HASHTAG, "CAMPAIGN_HASHTAG"),
    (UPPER, "UPPER"),
    (INVITE, "INVITE"),
    (TITLE, "TITLE"),
    (EMO_PRAISE, "EMO_PRAISE"),
    (EMO_SCORN, "EMO_SCORN"),
    (EMO_HINT, "EMO_HINT"),
    (VOTING_DAY, "VOTING_DAY"),
    (PARTICLE, "PARTICLE"),
    (WARN, "WARN"),
    (PASSIVE, "PASSIVE"),
    (BUSINESS, "BUSINESS"),
    (PARTY_CUE, "PARTY_CUE"),
    (ATTACK_WEAK, "ATTACK_WEAK"),
    (SUPPORT_WEAK, "SUPPORT_WEAK"),
    (JOIN, "JOIN"),
    (REFERENT, "REFERENT"),
    (FILLER, "FILLER"),
    (DONT, "DONT"),
    (CHOICE, "CHOICE"),
    (STRICT, "STRICT"),
    (CODE_SUPPORT, "CODE_SUPPORT"),
    (VOTE_PLACE, "VOTE_PLACE"),
    (VOTER, "VOTER"),
    (EVADE, "EVADE"),
    (ATTIRE, "ATTIRE"),
    (CONTRAST, "CONTRAST"),
    (LINK, "LINK"),
    (CAMP, "CAMP"),
    (CAMP_SLUR, "CAMP_SLUR"),
    (CAMP_AMBIG, "CAMP_AMBIG"),
    (CAMP_CUE, "CAMP_CUE"),
    (NAME_TAG, "NAME_TAG"),
    (STANCE_TAG, "STANCE_TAG"),
    (TAG_STANCE, "TAG_STANCE"),
    (VOICE, "VOICE"),
    (GOVERN, "GOVERN"),
    (REPORT, "REPORT"),
    (COMPARE, "COMPARE"),
    (INSULT, "INSULT"),
    (EVEN, "EVEN"),
    (SLANG, "SLANG"),
    (LAUGH, "LAUGH"),
    (MOCK, "MOCK"),
    (NATURE, "NATURE"),
    (SLOGAN_GENERIC, "SLOGAN_GENERIC"),
    (BECOME, "BECOME"),
    (MODAL, "MODAL"),
    (COORD, "COORD"),
    (CAMP_GOV, "CAMP_GOV"),
    (CAMP_OPP, "CAMP_OPP"),
    (PRICE, "PRICE"),
];

/// Classes the packs and the tokeniser set, which no lexicon entry may carry.
pub const NOT_IN_LEXICON: Classes = CONTESTANT
    | CONTESTANT_AMBIG
    | PARTY
    | PARTY_AMBIG
    | SLOGAN
    | SLOGAN_AMBIG
    | PACK_SYMBOL
    | NUM
    | BALLOT_NUM
    | LEADING_ZERO
    | KEYCAP
    | FINGER
    | HASHTAG
    | PACK_HASHTAG
    | UPPER
    | TITLE
    | VOTING_DAY
    | STRICT
    | NAME_TAG
    | STANCE_TAG;

/// Classes a lexicon entry may carry.
pub const LEXICON: Classes = !NOT_IN_LEXICON;

/// The class called `name`.
pub fn by_name(name: &str) -> Option<Classes> {
    NAMES.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
}
