//! Types of the compiled knowledge base.
//!
//! The data lives in `kb/*.toml` at the repository root. `build.rs` validates it and
//! turns it into `static` values of these types, so nothing is parsed at run time
//! (in the browser or elsewhere). Cross references are typed indices, checked when the
//! crate builds: a dangling id cannot reach this code.

use serde::Serialize;

/// A text in Bahasa Indonesia (first) and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub id: &'static str,
    pub en: &'static str,
}

/// The two languages every user-facing text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

/// How far a statement is backed by sources (the dossier's labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Unconfirmed by any source; shown as "belum diverifikasi".
    Unverified,
    /// Reasoning from verified texts; shown as "berdasarkan penafsiran".
    Inference,
    /// Quoted by secondary sources (news, official regional pages); "berdasarkan pedoman".
    Secondary,
    /// Read in the instrument's own text.
    Verified,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Verified => "verified",
            Confidence::Secondary => "secondary",
            Confidence::Inference => "inference",
            Confidence::Unverified => "unverified",
        }
    }

    /// The label a user sees.
    pub fn label(self) -> Text {
        match self {
            Confidence::Verified => Text {
                id: "terverifikasi pada teks peraturan",
                en: "verified against the regulation's text",
            },
            Confidence::Secondary => Text {
                id: "berdasarkan pedoman dan sumber sekunder",
                en: "based on guidance and secondary sources",
            },
            Confidence::Inference => Text {
                id: "berdasarkan penafsiran, belum ada teks yang tegas",
                en: "based on interpretation; no explicit text",
            },
            Confidence::Unverified => Text {
                id: "belum diverifikasi",
                en: "unverified",
            },
        }
    }
}

/// The checker's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Allowed,
    /// Allowed only under stated conditions, or disputed.
    Conditional,
    Prohibited,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allowed => "allowed",
            Verdict::Conditional => "conditional",
            Verdict::Prohibited => "prohibited",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Verdict::Allowed => Text {
                id: "Boleh",
                en: "Allowed",
            },
            Verdict::Conditional => Text {
                id: "Boleh dengan syarat / diperdebatkan",
                en: "Allowed with conditions / disputed",
            },
            Verdict::Prohibited => Text {
                id: "Dilarang",
                en: "Prohibited",
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SanctionKind {
    /// Sanksi moral (PP 42/2004 Pasal 15).
    Ethics,
    /// Hukuman disiplin, with a level.
    Discipline,
    /// Pemberhentian (dismissal).
    Dismissal,
    /// Termination of a work contract (PPNPN, honorer).
    Contract,
    /// Administrative sanctions for village officials (UU Desa).
    Administrative,
    /// A criminal penalty.
    Criminal,
}

impl SanctionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SanctionKind::Ethics => "ethics",
            SanctionKind::Discipline => "discipline",
            SanctionKind::Dismissal => "dismissal",
            SanctionKind::Contract => "contract",
            SanctionKind::Administrative => "administrative",
            SanctionKind::Criminal => "criminal",
        }
    }

    pub fn label(self) -> Text {
        match self {
            SanctionKind::Ethics => Text {
                id: "Sanksi moral (kode etik)",
                en: "Moral sanction (code of ethics)",
            },
            SanctionKind::Discipline => Text {
                id: "Hukuman disiplin",
                en: "Disciplinary penalty",
            },
            SanctionKind::Dismissal => Text {
                id: "Pemberhentian",
                en: "Dismissal",
            },
            SanctionKind::Contract => Text {
                id: "Pemutusan hubungan kerja (kontrak)",
                en: "Termination of the work contract",
            },
            SanctionKind::Administrative => Text {
                id: "Sanksi administratif",
                en: "Administrative sanction",
            },
            SanctionKind::Criminal => Text {
                id: "Pidana",
                en: "Criminal penalty",
            },
        }
    }
}

/// Level of a disciplinary penalty (PP 94/2021 Pasal 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Level {
    None,
    Light,
    Medium,
    Heavy,
}

impl Level {
    /// The contract's spelling: `light`, `medium`, `heavy`, or empty.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "",
            Level::Light => "light",
            Level::Medium => "medium",
            Level::Heavy => "heavy",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Level::None => Text { id: "", en: "" },
            Level::Light => Text {
                id: "ringan",
                en: "light",
            },
            Level::Medium => Text {
                id: "sedang",
                en: "medium",
            },
            Level::Heavy => Text {
                id: "berat",
                en: "heavy",
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    InForce,
    Repealed,
}

macro_rules! index_type {
    ($(#[$m:meta])* $name:ident, $int:ty) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub(crate) $int);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// Index of an instrument in [`KnowledgeBase::instruments`].
    InstrumentId,
    u16
);
index_type!(
    /// Index of a provision in [`KnowledgeBase::provisions`].
    ProvisionId,
    u16
);
index_type!(
    /// Index of a role in [`KnowledgeBase::roles`].
    RoleId,
    u8
);
index_type!(
    /// Index of an activity group in [`KnowledgeBase::groups`].
    GroupId,
    u8
);
index_type!(
    /// Index of an activity in [`KnowledgeBase::activities`].
    ActivityId,
    u8
);
index_type!(
    /// Index of a fact in [`KnowledgeBase::facts`].
    FactId,
    u8
);
index_type!(
    /// Index of an outcome in [`KnowledgeBase::outcomes`].
    OutcomeId,
    u16
);

#[derive(Debug)]
pub struct Instrument {
    pub key: &'static str,
    /// As Indonesians write it: `PP 94/2021`, `UU 7/2017`, `SKB 2022`.
    pub name: &'static str,
    pub title: &'static str,
    pub status: Status,
    pub repealed_by: Option<InstrumentId>,
    pub confidence: Confidence,
    pub note: Option<Text>,
    /// Row of the research dossier this comes from (`I-3`).
    pub dossier: &'static str,
}

#[derive(Debug)]
pub struct Provision {
    /// `pp94_2021:p5n1`
    pub key: &'static str,
    pub instrument: InstrumentId,
    /// `Pasal 5 huruf n angka 1`
    pub cite: &'static str,
    pub summary: Text,
    pub confidence: Confidence,
}

#[derive(Debug)]
pub struct Role {
    pub key: &'static str,
    pub label: Text,
    pub description: Text,
    /// Where to ask, and where a breach is reported and sanctioned, for this role.
    pub report: Text,
}

#[derive(Debug)]
pub struct Group {
    pub key: &'static str,
    pub label: Text,
}

#[derive(Debug)]
pub struct Activity {
    pub key: &'static str,
    pub group: GroupId,
    pub label: Text,
    pub description: Text,
}

#[derive(Debug)]
pub struct FactValue {
    pub key: &'static str,
    pub label: Text,
}

#[derive(Debug)]
pub struct Fact {
    pub key: &'static str,
    pub question: Text,
    pub help: Text,
    pub values: &'static [FactValue],
}

/// A reference to a provision, optionally only for some roles.
#[derive(Debug)]
pub struct BasisRef {
    pub provision: ProvisionId,
    /// Empty: applies to every role of the outcome.
    pub roles: &'static [RoleId],
    /// Fact values this entry needs (`election = pemilu` for a Pemilu article).
    pub when: &'static [(FactId, u8)],
}

#[derive(Debug)]
pub struct Sanction {
    pub kind: SanctionKind,
    pub level: Level,
    pub detail: Text,
    pub basis: &'static [ProvisionId],
    /// Empty: applies to every role of the outcome.
    pub roles: &'static [RoleId],
    /// Fact values this sanction needs (`stage = calon` for the disciplinary list).
    pub when: &'static [(FactId, u8)],
    pub confidence: Confidence,
}

/// The answer for some roles doing one activity, under some fact values.
#[derive(Debug)]
pub struct Outcome {
    pub key: &'static str,
    pub activity: ActivityId,
    pub roles: &'static [RoleId],
    /// Fact values this outcome requires; facts not listed may take any value.
    pub when: &'static [(FactId, u8)],
    pub verdict: Verdict,
    pub confidence: Confidence,
    pub basis: &'static [BasisRef],
    /// Repealed provisions shown as history only.
    pub history: &'static [ProvisionId],
    pub sanctions: &'static [Sanction],
    /// Said when no sanction is listed for a role, or to qualify the list.
    pub sanction_note: Option<Text>,
    pub conditions: &'static [Text],
    pub explanation: Text,
    pub advice: Text,
    pub disputed: Option<Text>,
    /// Dossier rows this comes from (`A12, D6`).
    pub dossier: &'static str,
}

/// The whole compiled knowledge base.
#[derive(Debug)]
pub struct KnowledgeBase {
    pub last_reviewed: &'static str,
    pub reviewed_by: &'static str,
    pub sources: &'static str,
    pub instruments: &'static [Instrument],
    pub provisions: &'static [Provision],
    pub roles: &'static [Role],
    pub groups: &'static [Group],
    pub activities: &'static [Activity],
    pub facts: &'static [Fact],
    pub outcomes: &'static [Outcome],
    /// For each `role * activities.len() + activity`: the facts that change the outcome,
    /// in the order they are asked.
    pub pair_facts: &'static [&'static [FactId]],
    /// For each activity: the outcomes that answer it.
    pub activity_outcomes: &'static [&'static [OutcomeId]],
}
