//! The checker's answer as plain data (the CLI's JSON, and what the web API returns).
//!
//! The contract fields come first (`verdict`, `basis`, `sanctions`, `conditions`,
//! `explanation`); the others extend it.

use serde::Serialize;
use std::collections::BTreeMap;

use super::answer::{applies, Answer, Variant};
use crate::kb::{kb, Confidence, FactId, Lang, Outcome, ProvisionId, Status, Verdict};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BasisItem {
    /// `PP 94/2021`
    pub instrument: String,
    /// `Pasal 5 huruf n angka 2`
    pub provision: String,
    /// `in_force` or `repealed`.
    pub status: &'static str,
    pub summary: String,
    pub confidence: Confidence,
    /// Key of the provision in the knowledge base (`pp94_2021:p5n2`).
    pub key: &'static str,
    /// Set when the item applies only for some values of a fact not given.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub when: BTreeMap<&'static str, &'static str>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SanctionItem {
    /// `ethics`, `discipline`, `dismissal`, `contract`, `administrative`, `criminal`
    pub kind: &'static str,
    /// `light`, `medium`, `heavy` for discipline; empty otherwise.
    pub level: &'static str,
    pub detail: String,
    pub basis: Vec<BasisItem>,
    pub confidence: Confidence,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub when: BTreeMap<&'static str, &'static str>,
}

/// One outcome among several, when a fact that matters was not given.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct VariantReport {
    pub when: BTreeMap<&'static str, &'static str>,
    #[serde(flatten)]
    pub report: OutcomeReport,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutcomeReport {
    pub verdict: Verdict,
    pub basis: Vec<BasisItem>,
    pub sanctions: Vec<SanctionItem>,
    pub conditions: Vec<String>,
    pub explanation: String,
    pub advice: String,
    pub disputed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disputed_reason: Option<String>,
    pub confidence: Confidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanction_note: Option<String>,
    /// Repealed provisions on the same point, shown as history only.
    pub history: Vec<BasisItem>,
    pub outcome: &'static str,
    pub dossier: &'static str,
}

/// The full answer.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub verdict: Verdict,
    pub basis: Vec<BasisItem>,
    pub sanctions: Vec<SanctionItem>,
    pub conditions: Vec<String>,
    pub explanation: String,
    pub advice: String,
    pub disputed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disputed_reason: Option<String>,
    pub confidence: Confidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanction_note: Option<String>,
    pub history: Vec<BasisItem>,
    pub role: &'static str,
    pub activity: &'static str,
    /// The facts that matter and were given.
    pub facts: BTreeMap<&'static str, &'static str>,
    /// Facts that matter and were not given: the answer covers each of their values.
    pub missing_facts: Vec<&'static str>,
    /// Present when the outcome depends on a missing fact: one report per value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<VariantReport>,
    pub lang: Lang,
    pub last_reviewed: &'static str,
    /// Where someone in this role asks, and where a breach is reported and sanctioned
    /// (`kb/roles.toml`, `report`), in the answer's language.
    pub report_to: &'static str,
}

fn when_map(when: &[(FactId, u8)]) -> BTreeMap<&'static str, &'static str> {
    let kb = kb();
    when.iter()
        .map(|(f, v)| {
            let fact = kb.fact(*f);
            let value = fact.values.get(*v as usize).map(|v| v.key).unwrap_or("");
            (fact.key, value)
        })
        .collect()
}

/// Describes `when` in words: `Sudah ditetapkan sebagai calon`.
fn when_words(when: &[(FactId, u8)], lang: Lang) -> String {
    let kb = kb();
    when.iter()
        .filter_map(|(f, v)| kb.fact(*f).values.get(*v as usize))
        .map(|v| v.label.get(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn basis_item(p: ProvisionId, lang: Lang, when: &[(FactId, u8)]) -> BasisItem {
    let kb = kb();
    let prov = kb.provision(p);
    let inst = kb.instrument(prov.instrument);
    BasisItem {
        instrument: inst.name.to_string(),
        provision: prov.cite.to_string(),
        status: match inst.status {
            Status::InForce => "in_force",
            Status::Repealed => "repealed",
        },
        summary: prov.summary.get(lang).to_string(),
        confidence: prov.confidence,
        key: prov.key,
        when: when_map(when),
    }
}

fn outcome_report(answer: &Answer, v: &Variant, lang: Lang) -> OutcomeReport {
    let o: &Outcome = v.outcome;
    let role = answer.role;
    // Facts fixed for this variant: those given plus the variant's own choice.
    let mut facts = answer.facts.clone();
    for (f, val) in &v.when {
        facts.set(*f, *val);
    }
    let role_ok = |roles: &[crate::kb::RoleId]| roles.is_empty() || roles.contains(&role);
    // Keep the part of `when` that is still open (a missing fact not fixed by the variant).
    let open = |when: &[(FactId, u8)]| -> Vec<(FactId, u8)> {
        when.iter()
            .copied()
            .filter(|(f, _)| facts.get(*f).is_none())
            .collect()
    };

    let mut basis: Vec<BasisItem> = Vec::new();
    for b in o.basis {
        if role_ok(b.roles) && applies(b.when, &facts) != Some(false) {
            let item = basis_item(b.provision, lang, &open(b.when));
            if !basis.iter().any(|x| x.key == item.key) {
                basis.push(item);
            }
        }
    }
    let mut sanctions = Vec::new();
    for s in o.sanctions {
        if role_ok(s.roles) && applies(s.when, &facts) != Some(false) {
            sanctions.push(SanctionItem {
                kind: s.kind.as_str(),
                level: s.level.as_str(),
                detail: s.detail.get(lang).to_string(),
                basis: s.basis.iter().map(|p| basis_item(*p, lang, &[])).collect(),
                confidence: s.confidence,
                when: when_map(&open(s.when)),
            });
        }
    }
    let mut conditions: Vec<String> = o
        .conditions
        .iter()
        .map(|c| c.get(lang).to_string())
        .collect();
    // Say in words what the sanctions or basis still depend on.
    let kb = kb();
    let mut open_facts: Vec<FactId> = Vec::new();
    for (f, _) in o
        .sanctions
        .iter()
        .filter(|s| role_ok(s.roles))
        .flat_map(|s| open(s.when))
        .chain(
            o.basis
                .iter()
                .filter(|b| role_ok(b.roles))
                .flat_map(|b| open(b.when)),
        )
    {
        if !open_facts.contains(&f) {
            open_facts.push(f);
        }
    }
    for f in open_facts {
        let q = kb.fact(f).question.get(lang);
        conditions.push(match lang {
            Lang::Id => format!("Sanksi dan dasar hukumnya bergantung pada jawaban atas: {q}"),
            Lang::En => format!("The sanctions and legal basis depend on the answer to: {q}"),
        });
    }
    OutcomeReport {
        verdict: o.verdict,
        basis,
        sanctions,
        conditions,
        explanation: o.explanation.get(lang).to_string(),
        advice: o.advice.get(lang).to_string(),
        disputed: o.disputed.is_some(),
        disputed_reason: o.disputed.map(|d| d.get(lang).to_string()),
        confidence: o.confidence,
        sanction_note: o.sanction_note.map(|n| n.get(lang).to_string()),
        history: o
            .history
            .iter()
            .map(|p| basis_item(*p, lang, &[]))
            .collect(),
        outcome: o.key,
        dossier: o.dossier,
    }
}

impl Report {
    pub fn new(answer: &Answer, lang: Lang) -> Report {
        let kb = kb();
        let variants: Vec<VariantReport> = answer
            .variants
            .iter()
            .map(|v| VariantReport {
                when: when_map(&v.when),
                report: outcome_report(answer, v, lang),
            })
            .collect();
        let facts = when_map(&answer.facts.iter().collect::<Vec<_>>());
        let missing_facts: Vec<&'static str> =
            answer.missing.iter().map(|f| kb.fact(*f).key).collect();
        let common = Report {
            verdict: answer.verdict(),
            basis: Vec::new(),
            sanctions: Vec::new(),
            conditions: Vec::new(),
            explanation: String::new(),
            advice: String::new(),
            disputed: false,
            disputed_reason: None,
            confidence: Confidence::Verified,
            sanction_note: None,
            history: Vec::new(),
            role: kb.role(answer.role).key,
            activity: kb.activity(answer.activity).key,
            facts,
            missing_facts,
            variants: Vec::new(),
            lang,
            last_reviewed: kb.last_reviewed,
            report_to: kb.role(answer.role).report.get(lang),
        };
        match variants.as_slice() {
            [only] => {
                let r = only.report.clone();
                Report {
                    verdict: r.verdict,
                    basis: r.basis,
                    sanctions: r.sanctions,
                    conditions: r.conditions,
                    explanation: r.explanation,
                    advice: r.advice,
                    disputed: r.disputed,
                    disputed_reason: r.disputed_reason,
                    confidence: r.confidence,
                    sanction_note: r.sanction_note,
                    history: r.history,
                    ..common
                }
            }
            _ => merge(common, variants, answer, lang),
        }
    }
}

/// Several outcomes, one per value of a missing fact: the union of what they cite, each
/// variant's verdict stated as a condition, the most cautious confidence.
fn merge(mut r: Report, variants: Vec<VariantReport>, answer: &Answer, lang: Lang) -> Report {
    let kb = kb();
    let question: Vec<&str> = answer
        .missing
        .iter()
        .map(|f| kb.fact(*f).question.get(lang))
        .collect();
    let mut explanation = match lang {
        Lang::Id => format!(
            "Jawabannya bergantung pada hal yang belum Anda jawab: {}",
            question.join(" ")
        ),
        Lang::En => format!(
            "The answer depends on something you have not answered yet: {}",
            question.join(" ")
        ),
    };
    let mut advice = Vec::new();
    r.confidence = Confidence::Verified;
    for v in &variants {
        let when: Vec<(FactId, u8)> = answer
            .variants
            .iter()
            .find(|x| x.outcome.key == v.report.outcome)
            .map(|x| x.when.clone())
            .unwrap_or_default();
        let words = when_words(&when, lang);
        let verdict = v.report.verdict.label().get(lang);
        r.conditions.push(match lang {
            Lang::Id => format!(
                "Jika {}: {}.",
                lowercase_first(&words),
                verdict.to_lowercase()
            ),
            Lang::En => format!(
                "If {}: {}.",
                lowercase_first(&words),
                verdict.to_lowercase()
            ),
        });
        explanation.push_str(&format!(" ({words}) {}", v.report.explanation));
        if !advice.contains(&v.report.advice) {
            advice.push(v.report.advice.clone());
        }
        for c in &v.report.conditions {
            if !r.conditions.contains(c) {
                r.conditions.push(c.clone());
            }
        }
        for b in &v.report.basis {
            if !r.basis.iter().any(|x| x.key == b.key) {
                r.basis.push(b.clone());
            }
        }
        for h in &v.report.history {
            if !r.history.iter().any(|x| x.key == h.key) {
                r.history.push(h.clone());
            }
        }
        for s in &v.report.sanctions {
            let mut s = s.clone();
            s.when.extend(v.when.iter().map(|(k, v)| (*k, *v)));
            if !r.sanctions.contains(&s) {
                r.sanctions.push(s);
            }
        }
        if v.report.disputed {
            r.disputed = true;
            r.disputed_reason = v.report.disputed_reason.clone();
        }
        if r.sanction_note.is_none() {
            r.sanction_note = v.report.sanction_note.clone();
        }
        r.confidence = r.confidence.min(v.report.confidence);
    }
    r.explanation = explanation;
    r.advice = advice.join(" ");
    r.variants = variants;
    r
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
