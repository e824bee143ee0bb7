//! Compiler for the knowledge base: compiles the knowledge base in `kb/` into Rust statics and refuses inconsistent data.
//!
//! The checks (each failure names the file, the entry and the field):
//! - every id is unique and every reference resolves (instrument, provision, role,
//!   activity, group, fact, fact value);
//! - a basis cites only instruments in force; repealed ones may appear only in `history`;
//! - every role and activity pair has an outcome, and for every combination of the facts
//!   that matter exactly one outcome applies (no gaps, no overlaps);
//! - every outcome has, for each of its roles, at least one provision of an instrument in
//!   force; a prohibited outcome names a sanction for each role or says why it cannot;
//! - disputed outcomes are `conditional`; conditional ones state conditions or the dispute;
//! - disciplinary sanctions carry a level, the others do not.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct TextSrc {
    id: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    last_reviewed: String,
    #[serde(default)]
    previous_review: Option<String>,
    reviewed_by: String,
    sources: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentsFile {
    instrument: Vec<InstrumentSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentSrc {
    key: String,
    name: String,
    title: String,
    status: String,
    #[serde(default)]
    repealed_by: Option<String>,
    confidence: String,
    #[serde(default)]
    note: Option<TextSrc>,
    dossier: String,
    /// Where the text was read (URL or official document name), for all its provisions
    /// unless one names its own.
    #[serde(default)]
    source: Option<String>,
    /// When that source was last checked (YYYY-MM-DD).
    #[serde(default)]
    checked: Option<String>,
    #[serde(default)]
    provision: Vec<ProvisionSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvisionSrc {
    key: String,
    cite: String,
    summary: TextSrc,
    #[serde(default)]
    confidence: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    checked: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesFile {
    role: Vec<RoleSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleSrc {
    key: String,
    label: TextSrc,
    description: TextSrc,
    /// Where someone in this role asks, and where a breach by them is reported and
    /// sanctioned, with the instrument.
    report: TextSrc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivitiesFile {
    group: Vec<GroupSrc>,
    activity: Vec<ActivitySrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupSrc {
    key: String,
    label: TextSrc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivitySrc {
    key: String,
    group: String,
    label: TextSrc,
    description: TextSrc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    fact: Vec<FactSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactSrc {
    key: String,
    question: TextSrc,
    help: TextSrc,
    value: Vec<FactValueSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactValueSrc {
    key: String,
    label: TextSrc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutcomesFile {
    outcome: Vec<OutcomeSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutcomeSrc {
    key: String,
    activity: String,
    roles: Vec<String>,
    #[serde(default)]
    when: BTreeMap<String, String>,
    verdict: String,
    confidence: String,
    basis: Vec<BasisSrc>,
    #[serde(default)]
    history: Vec<String>,
    /// Sanctions from `kb/sanctions.toml`, by key, optionally with a condition.
    #[serde(default)]
    sanctions: Vec<SanctionUse>,
    /// Sanctions written out in place.
    #[serde(default)]
    sanction: Vec<SanctionSrc>,
    #[serde(default)]
    sanction_note: Option<TextSrc>,
    #[serde(default)]
    conditions: Vec<TextSrc>,
    explanation: TextSrc,
    advice: TextSrc,
    #[serde(default)]
    disputed: Option<TextSrc>,
    dossier: String,
}

/// A basis entry: `"instrument:provision"`, or a table that limits it to some roles or facts.
#[derive(Deserialize)]
#[serde(untagged)]
enum BasisSrc {
    Plain(String),
    Limited(LimitedBasis),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitedBasis {
    #[serde(rename = "ref")]
    reference: String,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    when: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SanctionUse {
    Plain(String),
    Limited(LimitedSanction),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitedSanction {
    #[serde(rename = "use")]
    template: String,
    #[serde(default)]
    when: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SanctionsFile {
    sanction: Vec<SanctionSrc>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct SanctionSrc {
    /// Only in kb/sanctions.toml.
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    when: BTreeMap<String, String>,
    kind: String,
    #[serde(default)]
    level: Option<String>,
    detail: TextSrc,
    #[serde(default)]
    basis: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    confidence: Option<String>,
}

struct Errors(Vec<String>);

impl Errors {
    fn push(&mut self, msg: String) {
        self.0.push(msg);
    }
}

/// Authors may wrap long texts over several lines; the compiled text has single spaces.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lit(s: &str) -> String {
    format!("{:?}", clean(s))
}

fn text_lit(t: &TextSrc) -> String {
    format!("Text {{ id: {}, en: {} }}", lit(&t.id), lit(&t.en))
}

fn opt_text_lit(t: &Option<TextSrc>) -> String {
    match t {
        Some(t) => format!("Some({})", text_lit(t)),
        None => "None".to_string(),
    }
}

fn check_text(errors: &mut Errors, at: &str, field: &str, t: &TextSrc) {
    if clean(&t.id).is_empty() || clean(&t.en).is_empty() {
        errors.push(format!(
            "{at}: `{field}` needs both an Indonesian (`id`) and an English (`en`) text"
        ));
    }
}

fn confidence(errors: &mut Errors, at: &str, s: &str) -> &'static str {
    match s {
        "verified" => "Confidence::Verified",
        "secondary" => "Confidence::Secondary",
        "inference" => "Confidence::Inference",
        "unverified" => "Confidence::Unverified",
        other => {
            errors.push(format!(
                "{at}: unknown confidence `{other}` (use verified, secondary, inference or unverified)"
            ));
            "Confidence::Unverified"
        }
    }
}

fn check_key(errors: &mut Errors, at: &str, key: &str, seen: &mut BTreeSet<String>) {
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        errors.push(format!(
            "{at}: id `{key}` must be lowercase ASCII letters, digits and `_`"
        ));
    }
    if !seen.insert(key.to_string()) {
        errors.push(format!("{at}: duplicate id `{key}`"));
    }
}

/// The parsed data files.
struct Sources {
    meta: Meta,
    instruments: InstrumentsFile,
    roles: RolesFile,
    activities: ActivitiesFile,
    facts: FactsFile,
    sanctions: SanctionsFile,
    outcomes: Vec<(String, OutcomeSrc)>,
    categories: CategoriesFile,
}

/// `category-activities.toml`: which activity of the checker answers "is this allowed for
/// me?" for each kind of scanner finding (the widget and the extension read the same map).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriesFile {
    categories: BTreeMap<String, String>,
}

/// The scanner's finding categories (`Category::as_str`); a test in the crate checks that
/// this list and the scanner agree.
const FINDING_CATEGORIES: &[&str] = &[
    "call_to_vote",
    "support",
    "attack",
    "hashtag_slogan",
    "symbol",
    "party_promotion",
    "campaign_mobilisation",
    "group_invite",
    "state_facilities",
    "ktp_collection",
    "money_politics",
    "relative_candidate",
    "mention",
];

/// A sanction as used by one outcome: where it is written, its data, its conditions.
type UsedSanction = (String, SanctionSrc, Vec<(usize, usize)>);

/// Is `s` a date written YYYY-MM-DD?
fn is_date(s: &str) -> bool {
    s.len() == 10
        && s.as_bytes().iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

fn compile(src: &Sources, errors: &mut Errors) -> String {
    let Sources {
        meta,
        instruments,
        roles,
        activities,
        facts,
        sanctions,
        outcomes,
        categories,
    } = src;
    let mut out = String::new();
    if !is_date(&meta.last_reviewed) {
        errors.push(format!(
            "kb/meta.toml: `last_reviewed` must be a date like 2026-11-22, not `{}`",
            meta.last_reviewed
        ));
    }
    if let Some(prev) = &meta.previous_review {
        if !is_date(prev) || prev.as_str() >= meta.last_reviewed.as_str() {
            errors.push(format!(
                "kb/meta.toml: `previous_review` must be a date before `last_reviewed`, not `{prev}`"
            ));
        }
    }

    // Instruments and provisions.
    let mut inst_index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (i, inst) in instruments.instrument.iter().enumerate() {
        let at = format!("kb/instruments.toml: instrument `{}`", inst.key);
        check_key(errors, &at, &inst.key, &mut seen);
        inst_index.insert(inst.key.as_str(), i);
    }
    let mut prov_index: BTreeMap<String, usize> = BTreeMap::new();
    let mut prov_in_force: Vec<bool> = Vec::new();
    let _ = writeln!(out, "pub static INSTRUMENTS: &[Instrument] = &[");
    let mut provisions_code = String::from("pub static PROVISIONS: &[Provision] = &[\n");
    // (key, instrument name, citation) of every provision, without the texts: what the
    // scanner cites, so that a scanner-only build does not carry the knowledge base.
    let mut cites_code = String::from("pub static CITES: &[(&str, &str, &str)] = &[\n");
    // (source, checked) of every provision, in the order of PROVISIONS: for the reviewer's
    // report (`ceknetral kb report`); the browser builds never reference it.
    let mut sources_code = String::from("pub static PROVISION_SOURCES: &[(&str, &str)] = &[\n");
    for (i, inst) in instruments.instrument.iter().enumerate() {
        let at = format!("kb/instruments.toml: instrument `{}`", inst.key);
        let status = match inst.status.as_str() {
            "in_force" => "Status::InForce",
            "repealed" => "Status::Repealed",
            other => {
                errors.push(format!(
                    "{at}: `status` is `{other}`; use in_force or repealed"
                ));
                "Status::InForce"
            }
        };
        let in_force = inst.status == "in_force";
        let repealed_by = match (&inst.repealed_by, in_force) {
            (Some(by), false) => match inst_index.get(by.as_str()) {
                Some(j) => format!("Some(InstrumentId({j}))"),
                None => {
                    errors.push(format!(
                        "{at}: `repealed_by` names unknown instrument `{by}`"
                    ));
                    "None".into()
                }
            },
            (Some(_), true) => {
                errors.push(format!(
                    "{at}: an instrument in force cannot have `repealed_by`"
                ));
                "None".into()
            }
            (None, false) => {
                errors.push(format!("{at}: a repealed instrument needs `repealed_by`"));
                "None".into()
            }
            (None, true) => "None".into(),
        };
        if let Some(n) = &inst.note {
            check_text(errors, &at, "note", n);
        }
        let conf = confidence(errors, &at, &inst.confidence);
        let _ = writeln!(
            out,
            "    Instrument {{ key: {:?}, name: {}, title: {}, status: {status}, repealed_by: {repealed_by}, confidence: {conf}, note: {}, dossier: {} }},",
            inst.key,
            lit(&inst.name),
            lit(&inst.title),
            opt_text_lit(&inst.note),
            lit(&inst.dossier)
        );
        let mut local = BTreeSet::new();
        for p in &inst.provision {
            let key = format!("{}:{}", inst.key, p.key);
            let pat = format!("kb/instruments.toml: provision `{key}`");
            check_key(errors, &pat, &p.key, &mut local);
            check_text(errors, &pat, "summary", &p.summary);
            if !p.cite.starts_with("Pasal")
                && !p.cite.starts_with("Lampiran")
                && !p.cite.starts_with("Angka")
                && !p.cite.starts_with("Diktum")
                && !p.cite.starts_with("Penjelasan")
                && !p.cite.starts_with("Butir")
                && !p.cite.starts_with("Amar")
            {
                errors.push(format!(
                    "{pat}: `cite` should read like `Pasal 5 huruf n angka 2` (or Lampiran/Angka/Diktum/Penjelasan/Butir/Amar), not `{}`",
                    p.cite
                ));
            }
            let pconf = confidence(
                errors,
                &pat,
                p.confidence.as_deref().unwrap_or(&inst.confidence),
            );
            let source = p.source.as_ref().or(inst.source.as_ref());
            let checked = p.checked.as_ref().or(inst.checked.as_ref());
            match source {
                Some(s) if !s.trim().is_empty() => {}
                _ => errors.push(format!(
                    "{pat}: no `source`: name where its text was read (a URL or the official document), on the provision or on its instrument"
                )),
            }
            match checked {
                Some(d) if is_date(d) && d.as_str() <= meta.last_reviewed.as_str() => {}
                Some(d) => errors.push(format!(
                    "{pat}: `checked` must be a date like 2026-12-07, not after `last_reviewed`, not `{d}`"
                )),
                None => errors.push(format!(
                    "{pat}: no `checked` date: say when its source was last checked, on the provision or on its instrument"
                )),
            }
            let _ = writeln!(
                sources_code,
                "    ({}, {}),",
                lit(source.map_or("", |s| s.as_str())),
                lit(checked.map_or("", |s| s.as_str()))
            );
            prov_index.insert(key.clone(), prov_in_force.len());
            prov_in_force.push(in_force);
            let _ = writeln!(
                provisions_code,
                "    Provision {{ key: {key:?}, instrument: InstrumentId({i}), cite: {}, summary: {}, confidence: {pconf} }},",
                lit(&p.cite),
                text_lit(&p.summary)
            );
            let _ = writeln!(
                cites_code,
                "    ({key:?}, {}, {}),",
                lit(&inst.name),
                lit(&p.cite)
            );
        }
        if inst.provision.is_empty() {
            errors.push(format!("{at}: lists no provision"));
        }
    }
    let _ = writeln!(out, "];");
    provisions_code.push_str("];\n");
    out.push_str(&provisions_code);
    cites_code.push_str("];\n");
    out.push_str(&cites_code);
    sources_code.push_str("];\n");
    out.push_str(&sources_code);

    // Roles.
    let mut role_index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let _ = writeln!(out, "pub static ROLES: &[Role] = &[");
    for (i, r) in roles.role.iter().enumerate() {
        let at = format!("kb/roles.toml: role `{}`", r.key);
        check_key(errors, &at, &r.key, &mut seen);
        check_text(errors, &at, "label", &r.label);
        check_text(errors, &at, "description", &r.description);
        check_text(errors, &at, "report", &r.report);
        role_index.insert(r.key.as_str(), i);
        let _ = writeln!(
            out,
            "    Role {{ key: {:?}, label: {}, description: {}, report: {} }},",
            r.key,
            text_lit(&r.label),
            text_lit(&r.description),
            text_lit(&r.report)
        );
    }
    let _ = writeln!(out, "];");

    // Groups and activities.
    let mut group_index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let _ = writeln!(out, "pub static GROUPS: &[Group] = &[");
    for (i, g) in activities.group.iter().enumerate() {
        let at = format!("kb/activities.toml: group `{}`", g.key);
        check_key(errors, &at, &g.key, &mut seen);
        check_text(errors, &at, "label", &g.label);
        group_index.insert(g.key.as_str(), i);
        let _ = writeln!(
            out,
            "    Group {{ key: {:?}, label: {} }},",
            g.key,
            text_lit(&g.label)
        );
    }
    let _ = writeln!(out, "];");
    let mut act_index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let mut group_used = vec![false; activities.group.len()];
    let _ = writeln!(out, "pub static ACTIVITIES: &[Activity] = &[");
    for (i, a) in activities.activity.iter().enumerate() {
        let at = format!("kb/activities.toml: activity `{}`", a.key);
        check_key(errors, &at, &a.key, &mut seen);
        check_text(errors, &at, "label", &a.label);
        check_text(errors, &at, "description", &a.description);
        act_index.insert(a.key.as_str(), i);
        let g = match group_index.get(a.group.as_str()) {
            Some(g) => {
                group_used[*g] = true;
                *g
            }
            None => {
                errors.push(format!("{at}: unknown group `{}`", a.group));
                0
            }
        };
        let _ = writeln!(
            out,
            "    Activity {{ key: {:?}, group: GroupId({g}), label: {}, description: {} }},",
            a.key,
            text_lit(&a.label),
            text_lit(&a.description)
        );
    }
    let _ = writeln!(out, "];");
    for (g, used) in activities.group.iter().zip(&group_used) {
        if !used {
            errors.push(format!(
                "kb/activities.toml: group `{}` has no activity",
                g.key
            ));
        }
    }

    // Facts.
    let mut fact_index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let _ = writeln!(out, "pub static FACTS: &[Fact] = &[");
    for (i, f) in facts.fact.iter().enumerate() {
        let at = format!("kb/facts.toml: fact `{}`", f.key);
        check_key(errors, &at, &f.key, &mut seen);
        check_text(errors, &at, "question", &f.question);
        check_text(errors, &at, "help", &f.help);
        if f.value.len() < 2 {
            errors.push(format!("{at}: a fact needs at least two values"));
        }
        fact_index.insert(f.key.as_str(), i);
        let mut vseen = BTreeSet::new();
        let mut values = String::new();
        for v in &f.value {
            let vat = format!("{at}, value `{}`", v.key);
            check_key(errors, &vat, &v.key, &mut vseen);
            check_text(errors, &vat, "label", &v.label);
            let _ = write!(
                values,
                "FactValue {{ key: {:?}, label: {} }}, ",
                v.key,
                text_lit(&v.label)
            );
        }
        let _ = writeln!(
            out,
            "    Fact {{ key: {:?}, question: {}, help: {}, values: &[{values}] }},",
            f.key,
            text_lit(&f.question),
            text_lit(&f.help)
        );
    }
    let _ = writeln!(out, "];");

    // Sanction templates.
    let mut templates: BTreeMap<String, SanctionSrc> = BTreeMap::new();
    for t in &sanctions.sanction {
        match &t.key {
            Some(k) => {
                if templates.insert(k.clone(), t.clone()).is_some() {
                    errors.push(format!("kb/sanctions.toml: duplicate sanction `{k}`"));
                }
            }
            None => errors.push("kb/sanctions.toml: every sanction needs a `key`".to_string()),
        }
    }

    let parse_when = |errors: &mut Errors, at: &str, map: &BTreeMap<String, String>| {
        let mut when = Vec::new();
        for (fk, fv) in map {
            match fact_index.get(fk.as_str()) {
                Some(fi) => {
                    let fact = &facts.fact[*fi];
                    match fact.value.iter().position(|v| &v.key == fv) {
                        Some(vi) => when.push((*fi, vi)),
                        None => errors.push(format!(
                            "{at}: `when.{fk}` has unknown value `{fv}` (valid: {})",
                            fact.value
                                .iter()
                                .map(|v| v.key.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    }
                }
                None => errors.push(format!("{at}: `when` names unknown fact `{fk}`")),
            }
        }
        when.sort();
        when
    };
    let when_code = |when: &[(usize, usize)]| -> String {
        when.iter()
            .map(|(f, v)| format!("(FactId({f}), {v}), "))
            .collect()
    };
    let resolve_prov = |errors: &mut Errors, at: &str, field: &str, key: &str| -> Option<usize> {
        match prov_index.get(key) {
            Some(i) => Some(*i),
            None => {
                errors.push(format!(
                    "{at}: `{field}` names unknown provision `{key}` (write instrument:provision, as listed in kb/instruments.toml)"
                ));
                None
            }
        }
    };
    let resolve_role = |errors: &mut Errors, at: &str, field: &str, key: &str| -> Option<usize> {
        match role_index.get(key) {
            Some(i) => Some(*i),
            None => {
                errors.push(format!("{at}: `{field}` names unknown role `{key}`"));
                None
            }
        }
    };

    // What the coverage check needs of each outcome.
    struct Item {
        roles: Vec<usize>,
        when: Vec<(usize, usize)>,
    }
    struct Parsed {
        activity: usize,
        roles: Vec<usize>,
        when: Vec<(usize, usize)>,
        basis: Vec<(Item, usize)>,
        sanctions: Vec<Item>,
        has_note: bool,
        prohibited: bool,
    }
    let mut parsed: Vec<Parsed> = Vec::new();
    let mut seen = BTreeSet::new();
    let _ = writeln!(out, "pub static OUTCOMES: &[Outcome] = &[");
    for (file, o) in outcomes {
        let at = format!("{file}: outcome `{}`", o.key);
        check_key(errors, &at, &o.key, &mut seen);
        let activity = match act_index.get(o.activity.as_str()) {
            Some(a) => *a,
            None => {
                errors.push(format!("{at}: unknown activity `{}`", o.activity));
                0
            }
        };
        let mut role_ids = Vec::new();
        for r in &o.roles {
            if let Some(i) = resolve_role(errors, &at, "roles", r) {
                if role_ids.contains(&i) {
                    errors.push(format!("{at}: role `{r}` is listed twice"));
                }
                role_ids.push(i);
            }
        }
        if o.roles.is_empty() {
            errors.push(format!("{at}: `roles` is empty"));
        }
        // Roles limited to a subset of the outcome's roles; empty means all of them.
        let subset = |errors: &mut Errors, at: &str, keys: &[String]| -> Vec<usize> {
            let mut v = Vec::new();
            for r in keys {
                if let Some(ri) = resolve_role(errors, at, "roles", r) {
                    if role_ids.contains(&ri) {
                        v.push(ri);
                    } else {
                        errors.push(format!(
                            "{at}: role `{r}` is not one of the outcome's roles"
                        ));
                    }
                }
            }
            v
        };
        let when = parse_when(errors, &at, &o.when);

        let verdict = match o.verdict.as_str() {
            "allowed" => "Verdict::Allowed",
            "conditional" => "Verdict::Conditional",
            "prohibited" => "Verdict::Prohibited",
            other => {
                errors.push(format!(
                    "{at}: unknown verdict `{other}` (use allowed, conditional or prohibited)"
                ));
                "Verdict::Prohibited"
            }
        };
        let conf = confidence(errors, &at, &o.confidence);
        check_text(errors, &at, "explanation", &o.explanation);
        check_text(errors, &at, "advice", &o.advice);
        for c in &o.conditions {
            check_text(errors, &at, "conditions", c);
        }
        if let Some(d) = &o.disputed {
            check_text(errors, &at, "disputed", d);
            if o.verdict != "conditional" {
                errors.push(format!(
                    "{at}: a disputed point must be `conditional` (cite both sides), not `{}`",
                    o.verdict
                ));
            }
        }
        if o.verdict == "conditional" && o.conditions.is_empty() && o.disputed.is_none() {
            errors.push(format!(
                "{at}: a conditional outcome must state its `conditions` or the `disputed` point"
            ));
        }
        if o.dossier.trim().is_empty() {
            errors.push(format!(
                "{at}: `dossier` must name the dossier rows it comes from"
            ));
        }

        // Basis.
        let mut basis_code = String::new();
        let mut basis_items = Vec::new();
        for b in &o.basis {
            let (key, roles_keys, when_map): (&str, &[String], Option<&BTreeMap<String, String>>) =
                match b {
                    BasisSrc::Plain(k) => (k, &[], None),
                    BasisSrc::Limited(l) => (&l.reference, &l.roles, Some(&l.when)),
                };
            let Some(p) = resolve_prov(errors, &at, "basis", key) else {
                continue;
            };
            if !prov_in_force[p] {
                errors.push(format!(
                    "{at}: the basis cites `{key}`, a provision of a repealed instrument; move it to `history`"
                ));
            }
            let broles = subset(errors, &at, roles_keys);
            let bwhen = when_map
                .map(|m| parse_when(errors, &at, m))
                .unwrap_or_default();
            let rc: String = broles.iter().map(|r| format!("RoleId({r}), ")).collect();
            let _ = write!(
                basis_code,
                "BasisRef {{ provision: ProvisionId({p}), roles: &[{rc}], when: &[{}] }}, ",
                when_code(&bwhen)
            );
            basis_items.push((
                Item {
                    roles: broles,
                    when: bwhen,
                },
                p,
            ));
        }
        let mut history_code = String::new();
        for h in &o.history {
            if let Some(p) = resolve_prov(errors, &at, "history", h) {
                if prov_in_force[p] {
                    errors.push(format!(
                        "{at}: `history` is for repealed instruments; `{h}` is in force, put it in `basis`"
                    ));
                }
                let _ = write!(history_code, "ProvisionId({p}), ");
            }
        }

        // Sanctions: templates by key, then the ones written in place.
        let mut all_sanctions: Vec<UsedSanction> = Vec::new();
        for (i, u) in o.sanctions.iter().enumerate() {
            let (key, extra) = match u {
                SanctionUse::Plain(k) => (k.as_str(), None),
                SanctionUse::Limited(l) => (l.template.as_str(), Some(&l.when)),
            };
            let sat = format!("{at}, sanctions[{i}] `{key}`");
            match templates.get(key) {
                Some(t) => {
                    let mut w = parse_when(errors, &sat, &t.when);
                    if let Some(extra) = extra {
                        w.extend(parse_when(errors, &sat, extra));
                        w.sort();
                    }
                    all_sanctions.push((sat, t.clone(), w));
                }
                None => errors.push(format!(
                    "{sat}: unknown sanction (define it in kb/sanctions.toml)"
                )),
            }
        }
        for (i, s) in o.sanction.iter().enumerate() {
            let sat = format!("{at}, sanction {}", i + 1);
            if s.key.is_some() {
                errors.push(format!(
                    "{sat}: `key` belongs in kb/sanctions.toml, not in an outcome"
                ));
            }
            let w = parse_when(errors, &sat, &s.when);
            all_sanctions.push((sat, s.clone(), w));
        }
        let mut sanctions_code = String::new();
        let mut sanction_items = Vec::new();
        for (sat, s, swhen) in &all_sanctions {
            check_text(errors, sat, "detail", &s.detail);
            let kind = match s.kind.as_str() {
                "ethics" => "SanctionKind::Ethics",
                "discipline" => "SanctionKind::Discipline",
                "dismissal" => "SanctionKind::Dismissal",
                "contract" => "SanctionKind::Contract",
                "administrative" => "SanctionKind::Administrative",
                "criminal" => "SanctionKind::Criminal",
                other => {
                    errors.push(format!("{sat}: unknown kind `{other}` (use ethics, discipline, dismissal, contract, administrative or criminal)"));
                    "SanctionKind::Ethics"
                }
            };
            let level = match (s.kind.as_str(), s.level.as_deref()) {
                ("discipline", Some("light")) => "Level::Light",
                ("discipline", Some("medium")) => "Level::Medium",
                ("discipline", Some("heavy")) => "Level::Heavy",
                ("discipline", other) => {
                    errors.push(format!(
                        "{sat}: a disciplinary sanction needs `level` light, medium or heavy (got {other:?})"
                    ));
                    "Level::None"
                }
                (_, None) => "Level::None",
                (_, Some(l)) => {
                    errors.push(format!(
                        "{sat}: only disciplinary sanctions have a level (got `{l}`)"
                    ));
                    "Level::None"
                }
            };
            // A template's roles are narrowed to the outcome's; an empty result is a mistake.
            let sroles: Vec<usize> = if s.roles.is_empty() {
                Vec::new()
            } else {
                let keep: Vec<usize> = s
                    .roles
                    .iter()
                    .filter_map(|r| role_index.get(r.as_str()).copied())
                    .filter(|r| role_ids.contains(r))
                    .collect();
                for r in &s.roles {
                    if !role_index.contains_key(r.as_str()) {
                        errors.push(format!("{sat}: unknown role `{r}`"));
                    }
                }
                if keep.is_empty() {
                    errors.push(format!("{sat}: applies to none of the outcome's roles"));
                }
                keep
            };
            let mut sbasis = String::new();
            for b in &s.basis {
                if let Some(p) = resolve_prov(errors, sat, "basis", b) {
                    if !prov_in_force[p] {
                        errors.push(format!("{sat}: the sanction's basis `{b}` is repealed"));
                    }
                    let _ = write!(sbasis, "ProvisionId({p}), ");
                }
            }
            let sconf = confidence(
                errors,
                sat,
                s.confidence.as_deref().unwrap_or(&o.confidence),
            );
            let rc: String = sroles.iter().map(|r| format!("RoleId({r}), ")).collect();
            let _ = write!(
                sanctions_code,
                "Sanction {{ kind: {kind}, level: {level}, detail: {}, basis: &[{sbasis}], roles: &[{rc}], when: &[{}], confidence: {sconf} }}, ",
                text_lit(&s.detail),
                when_code(swhen)
            );
            sanction_items.push(Item {
                roles: sroles,
                when: swhen.clone(),
            });
        }
        if o.verdict == "allowed" && !all_sanctions.is_empty() {
            errors.push(format!("{at}: an allowed outcome cannot carry sanctions"));
        }
        if let Some(n) = &o.sanction_note {
            check_text(errors, &at, "sanction_note", n);
        }

        let roles_code: String = role_ids.iter().map(|r| format!("RoleId({r}), ")).collect();
        let conditions_code: String = o
            .conditions
            .iter()
            .map(|c| format!("{}, ", text_lit(c)))
            .collect();
        let _ = writeln!(
            out,
            "    Outcome {{ key: {:?}, activity: ActivityId({activity}), roles: &[{roles_code}], when: &[{}], verdict: {verdict}, confidence: {conf}, basis: &[{basis_code}], history: &[{history_code}], sanctions: &[{sanctions_code}], sanction_note: {}, conditions: &[{conditions_code}], explanation: {}, advice: {}, disputed: {}, dossier: {} }},",
            o.key,
            when_code(&when),
            opt_text_lit(&o.sanction_note),
            text_lit(&o.explanation),
            text_lit(&o.advice),
            opt_text_lit(&o.disputed),
            lit(&o.dossier)
        );
        parsed.push(Parsed {
            activity,
            roles: role_ids,
            when,
            basis: basis_items,
            sanctions: sanction_items,
            has_note: o.sanction_note.is_some(),
            prohibited: o.verdict == "prohibited",
        });
    }
    let _ = writeln!(out, "];");

    // Coverage: every role x activity, every combination of the facts that matter.
    let n_roles = roles.role.len();
    let n_acts = activities.activity.len();
    let mut pair_facts_code = String::from("pub static PAIR_FACTS: &[&[FactId]] = &[\n");
    for r in 0..n_roles {
        for a in 0..n_acts {
            let here: Vec<usize> = parsed
                .iter()
                .enumerate()
                .filter(|(_, p)| p.activity == a && p.roles.contains(&r))
                .map(|(i, _)| i)
                .collect();
            let pair = format!(
                "role `{}` x activity `{}`",
                roles.role[r].key, activities.activity[a].key
            );
            if here.is_empty() {
                errors.push(format!("{pair}: no outcome in kb/outcomes"));
            }
            let applies = |roles: &[usize], when: &[(usize, usize)], combo: &[(usize, usize)]| {
                (roles.is_empty() || roles.contains(&r)) && when.iter().all(|w| combo.contains(w))
            };
            // The facts that matter: those any applicable outcome, basis or sanction depends on.
            let mut fset: BTreeSet<usize> = BTreeSet::new();
            for i in &here {
                let p = &parsed[*i];
                fset.extend(p.when.iter().map(|(f, _)| *f));
                for (b, _) in &p.basis {
                    if b.roles.is_empty() || b.roles.contains(&r) {
                        fset.extend(b.when.iter().map(|(f, _)| *f));
                    }
                }
                for s in &p.sanctions {
                    if s.roles.is_empty() || s.roles.contains(&r) {
                        fset.extend(s.when.iter().map(|(f, _)| *f));
                    }
                }
            }
            let flist: Vec<usize> = fset.into_iter().collect();
            // Walk every combination of values of the facts in `flist`.
            let sizes: Vec<usize> = flist.iter().map(|f| facts.fact[*f].value.len()).collect();
            let total: usize = sizes.iter().product();
            for mut n in 0..total {
                let mut combo = Vec::new();
                for (f, s) in flist.iter().zip(&sizes) {
                    combo.push((*f, n % s));
                    n /= s;
                }
                let matching: Vec<usize> = here
                    .iter()
                    .copied()
                    .filter(|i| parsed[*i].when.iter().all(|w| combo.contains(w)))
                    .collect();
                let desc: Vec<String> = combo
                    .iter()
                    .map(|(f, v)| {
                        format!("{}={}", facts.fact[*f].key, facts.fact[*f].value[*v].key)
                    })
                    .collect();
                let desc = if desc.is_empty() {
                    "no facts".to_string()
                } else {
                    desc.join(", ")
                };
                match matching.as_slice() {
                    [one] => {
                        let p = &parsed[*one];
                        let key = &outcomes[*one].1.key;
                        if !p
                            .basis
                            .iter()
                            .any(|(b, _)| applies(&b.roles, &b.when, &combo))
                        {
                            errors.push(format!(
                                "{pair} with {desc}: outcome `{key}` cites no provision in force for this role"
                            ));
                        }
                        if p.prohibited
                            && !p.has_note
                            && !p
                                .sanctions
                                .iter()
                                .any(|s| applies(&s.roles, &s.when, &combo))
                        {
                            errors.push(format!(
                                "{pair} with {desc}: outcome `{key}` is prohibited but names no sanction; add one or a `sanction_note` saying why none is known"
                            ));
                        }
                    }
                    [] if !here.is_empty() => {
                        errors.push(format!("{pair} with {desc}: no outcome applies"))
                    }
                    [] => {}
                    many => errors.push(format!(
                        "{pair} with {desc}: several outcomes apply ({})",
                        many.iter()
                            .map(|i| outcomes[*i].1.key.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                }
            }
            let fl: String = flist.iter().map(|f| format!("FactId({f}), ")).collect();
            let _ = writeln!(pair_facts_code, "    &[{fl}],");
        }
    }
    pair_facts_code.push_str("];\n");
    out.push_str(&pair_facts_code);

    let _ = writeln!(out, "pub static ACTIVITY_OUTCOMES: &[&[OutcomeId]] = &[");
    for a in 0..n_acts {
        let ids: String = parsed
            .iter()
            .enumerate()
            .filter(|(_, p)| p.activity == a)
            .map(|(i, _)| format!("OutcomeId({i}), "))
            .collect();
        let _ = writeln!(out, "    &[{ids}],");
    }
    let _ = writeln!(out, "];");

    // Finding categories and the activities that answer them.
    let _ = writeln!(
        out,
        "pub static CATEGORY_ACTIVITIES: &[(&str, ActivityId)] = &["
    );
    for (cat, act) in &categories.categories {
        if !FINDING_CATEGORIES.contains(&cat.as_str()) {
            errors.push(format!(
                "kb/category-activities.toml: unknown finding category `{cat}` (valid: {})",
                FINDING_CATEGORIES.join(", ")
            ));
        }
        match activities.activity.iter().position(|a| a.key == *act) {
            Some(i) => {
                let _ = writeln!(out, "    ({cat:?}, ActivityId({i})),");
            }
            None => errors.push(format!(
                "kb/category-activities.toml: `{cat}` names unknown activity `{act}`"
            )),
        }
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(
        out,
        "pub const LAST_REVIEWED: &str = {:?};",
        meta.last_reviewed
    );
    let _ = writeln!(
        out,
        "pub const PREVIOUS_REVIEW: &str = {:?};",
        meta.previous_review.as_deref().unwrap_or("")
    );
    let _ = writeln!(
        out,
        "pub static KB: KnowledgeBase = KnowledgeBase {{ last_reviewed: {:?}, reviewed_by: {}, sources: {}, instruments: INSTRUMENTS, provisions: PROVISIONS, roles: ROLES, groups: GROUPS, activities: ACTIVITIES, facts: FACTS, outcomes: OUTCOMES, pair_facts: PAIR_FACTS, activity_outcomes: ACTIVITY_OUTCOMES }};",
        meta.last_reviewed,
        lit(&meta.reviewed_by),
        lit(&meta.sources)
    );
    out
}

/// Reads `dir` (the `kb/` folder), validates it and returns the Rust source of the statics,
/// or every problem found. `read_paths` receives each file read (for `rerun-if-changed`).
pub fn compile_dir(dir: &Path, read_paths: &mut Vec<PathBuf>) -> Result<String, Vec<String>> {
    compile_sources(&read_sources(dir, read_paths)?)
}

/// Reads every data file of `dir` (the `kb/` folder) as `(path relative to kb/, text)`.
pub fn read_sources(
    dir: &Path,
    read_paths: &mut Vec<PathBuf>,
) -> Result<Vec<(String, String)>, Vec<String>> {
    let mut errors = Errors(Vec::new());
    let load = |name: &str, errors: &mut Errors, read_paths: &mut Vec<PathBuf>| -> Option<String> {
        let path = dir.join(name);
        read_paths.push(path.clone());
        match std::fs::read_to_string(&path) {
            Ok(t) => Some(t),
            Err(e) => {
                errors.push(format!("kb/{name}: cannot read: {e}"));
                None
            }
        }
    };
    let mut files: Vec<(String, String)> = Vec::new();
    for name in [
        "meta.toml",
        "instruments.toml",
        "roles.toml",
        "activities.toml",
        "facts.toml",
        "sanctions.toml",
        "category-activities.toml",
    ] {
        if let Some(t) = load(name, &mut errors, read_paths) {
            files.push((name.to_string(), t));
        }
    }
    let mut outcome_names: Vec<String> = match std::fs::read_dir(dir.join("outcomes")) {
        Ok(d) => d
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect(),
        Err(e) => {
            errors.push(format!("kb/outcomes: cannot read the folder: {e}"));
            Vec::new()
        }
    };
    outcome_names.sort();
    for n in outcome_names {
        let rel = format!("outcomes/{n}");
        if let Some(t) = load(&rel, &mut errors, read_paths) {
            files.push((rel, t));
        }
    }
    if errors.0.is_empty() {
        Ok(files)
    } else {
        Err(errors.0)
    }
}

/// Validates and compiles in-memory sources: `(path relative to kb/, text)`.
pub fn compile_sources(files: &[(String, String)]) -> Result<String, Vec<String>> {
    let mut errors = Errors(Vec::new());
    fn parse<T: for<'de> Deserialize<'de>>(
        files: &[(String, String)],
        name: &str,
        errors: &mut Errors,
    ) -> Option<T> {
        let Some((_, text)) = files.iter().find(|(n, _)| n == name) else {
            errors.push(format!("kb/{name}: missing"));
            return None;
        };
        match toml::from_str(text) {
            Ok(v) => Some(v),
            Err(e) => {
                errors.push(format!("kb/{name}: {e}"));
                None
            }
        }
    }
    let meta: Option<Meta> = parse(files, "meta.toml", &mut errors);
    let instruments: Option<InstrumentsFile> = parse(files, "instruments.toml", &mut errors);
    let roles: Option<RolesFile> = parse(files, "roles.toml", &mut errors);
    let activities: Option<ActivitiesFile> = parse(files, "activities.toml", &mut errors);
    let facts: Option<FactsFile> = parse(files, "facts.toml", &mut errors);
    let sanctions: Option<SanctionsFile> = parse(files, "sanctions.toml", &mut errors);
    let categories: Option<CategoriesFile> = parse(files, "category-activities.toml", &mut errors);
    let mut outcomes: Vec<(String, OutcomeSrc)> = Vec::new();
    for (name, _) in files.iter().filter(|(n, _)| n.starts_with("outcomes/")) {
        if let Some(f) = parse::<OutcomesFile>(files, name, &mut errors) {
            outcomes.extend(f.outcome.into_iter().map(|o| (format!("kb/{name}"), o)));
        }
    }
    let (
        Some(meta),
        Some(instruments),
        Some(roles),
        Some(activities),
        Some(facts),
        Some(sanctions),
        Some(categories),
    ) = (
        meta,
        instruments,
        roles,
        activities,
        facts,
        sanctions,
        categories,
    )
    else {
        return Err(errors.0);
    };
    let sources = Sources {
        meta,
        instruments,
        roles,
        activities,
        facts,
        sanctions,
        outcomes,
        categories,
    };
    let code = compile(&sources, &mut errors);
    if errors.0.is_empty() {
        Ok(code)
    } else {
        Err(errors.0)
    }
}
