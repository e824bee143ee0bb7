//! `check`, `roles`, `activities` and `tree`.

use serde::Serialize;
use std::fmt::Write as _;

use crate::args::Args;
use crate::Fail;
use ceknetral::checker::{self, Facts, Report};
use ceknetral::kb::{kb, Confidence, Lang, Verdict};

fn lang(args: &Args) -> Result<Lang, Fail> {
    match args.value("lang") {
        None => Ok(Lang::Id),
        Some(l) => {
            Lang::parse(l).ok_or_else(|| Fail(format!("unknown --lang `{l}`; use id or en")))
        }
    }
}

fn to_json<T: Serialize>(v: &T) -> Result<String, Fail> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| Fail(format!("cannot write JSON: {e}")))
}

pub fn check(argv: &[String]) -> Result<String, Fail> {
    let args = Args::parse(argv, &["role", "activity", "fact", "lang"], &["json"])?;
    let kb = kb();
    let lang = lang(&args)?;
    let role_key = args
        .value("role")
        .ok_or_else(|| Fail(format!("missing --role; valid roles: {}", role_list())))?;
    let role = kb.role_id(role_key).ok_or_else(|| {
        Fail(format!(
            "unknown role `{role_key}`; valid roles: {}",
            role_list()
        ))
    })?;
    let act_key = args.value("activity").ok_or_else(|| {
        Fail(format!(
            "missing --activity; valid activities: {}",
            activity_list()
        ))
    })?;
    let activity = kb.activity_id(act_key).ok_or_else(|| {
        Fail(format!(
            "unknown activity `{act_key}`; valid activities: {}",
            activity_list()
        ))
    })?;
    let mut facts = Facts::default();
    for pair in args.values("fact") {
        facts.set_pair(pair).map_err(|e| Fail(e.to_string()))?;
    }
    let answer = checker::check(role, activity, &facts);
    let report = Report::new(&answer, lang);
    if args.flag("json") {
        to_json(&report)
    } else {
        Ok(render(&report, lang))
    }
}

fn role_list() -> String {
    kb().roles
        .iter()
        .map(|r| r.key)
        .collect::<Vec<_>>()
        .join(", ")
}

fn activity_list() -> String {
    kb().activities
        .iter()
        .map(|a| a.key)
        .collect::<Vec<_>>()
        .join(", ")
}

struct Words {
    verdict: &'static str,
    why: &'static str,
    basis: &'static str,
    conditions: &'static str,
    sanctions: &'static str,
    advice: &'static str,
    disputed: &'static str,
    history: &'static str,
    confidence: &'static str,
    when: &'static str,
    reviewed: &'static str,
    disclaimer: &'static str,
    repealed: &'static str,
}

const ID: Words = Words {
    verdict: "Jawaban",
    why: "Penjelasan",
    basis: "Dasar hukum",
    conditions: "Syarat dan catatan",
    sanctions: "Sanksi",
    advice: "Sebaiknya",
    disputed: "Diperdebatkan",
    history: "Riwayat (sudah dicabut)",
    confidence: "Tingkat keyakinan",
    when: "jika",
    reviewed: "Basis pengetahuan terakhir ditinjau",
    disclaimer: "Ini panduan, bukan nasihat hukum.",
    repealed: "dicabut",
};

const EN: Words = Words {
    verdict: "Answer",
    why: "Why",
    basis: "Legal basis",
    conditions: "Conditions and notes",
    sanctions: "Sanctions",
    advice: "What to do instead",
    disputed: "Disputed",
    history: "History (repealed)",
    confidence: "Confidence",
    when: "if",
    reviewed: "Knowledge base last reviewed",
    disclaimer: "This is guidance, not legal advice.",
    repealed: "repealed",
};

fn when_text(when: &std::collections::BTreeMap<&str, &str>, lang: Lang) -> String {
    let kb = kb();
    when.iter()
        .filter_map(|(f, v)| {
            let fact = kb.fact(kb.fact_id(f)?);
            fact.values
                .iter()
                .find(|x| x.key == *v)
                .map(|x| lowercase_first(x.label.get(lang)))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The readable answer.
pub fn render(r: &Report, lang: Lang) -> String {
    let w = match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    };
    let kb = kb();
    let mut s = String::new();
    let role = kb
        .role_id(r.role)
        .map(|id| kb.role(id).label.get(lang))
        .unwrap_or(r.role);
    let act = kb
        .activity_id(r.activity)
        .map(|id| kb.activity(id).label.get(lang))
        .unwrap_or(r.activity);
    let mark = match r.verdict {
        Verdict::Allowed => "[✓]",
        Verdict::Conditional => "[!]",
        Verdict::Prohibited => "[✗]",
    };
    let _ = writeln!(s, "{role}: {act}");
    let _ = writeln!(
        s,
        "{} {}: {}",
        mark,
        w.verdict,
        r.verdict.label().get(lang).to_uppercase()
    );
    let _ = writeln!(s, "\n{}:\n  {}", w.why, r.explanation);
    if let Some(d) = &r.disputed_reason {
        let _ = writeln!(s, "\n{}:\n  {d}", w.disputed);
    }
    if !r.conditions.is_empty() {
        let _ = writeln!(s, "\n{}:", w.conditions);
        for c in &r.conditions {
            let _ = writeln!(s, "  - {c}");
        }
    }
    let _ = writeln!(s, "\n{}:", w.basis);
    for b in &r.basis {
        let cond = if b.when.is_empty() {
            String::new()
        } else {
            format!(" ({} {})", w.when, when_text(&b.when, lang))
        };
        let conf = if b.confidence < Confidence::Verified {
            format!(" [{}]", b.confidence.label().get(lang))
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "  - {} {}{cond}{conf}: {}",
            b.instrument, b.provision, b.summary
        );
    }
    if !r.sanctions.is_empty() || r.sanction_note.is_some() {
        let _ = writeln!(s, "\n{}:", w.sanctions);
        for x in &r.sanctions {
            let cond = if x.when.is_empty() {
                String::new()
            } else {
                format!(" ({} {})", w.when, when_text(&x.when, lang))
            };
            let _ = writeln!(s, "  - {}{cond}", x.detail);
        }
        if let Some(n) = &r.sanction_note {
            let _ = writeln!(s, "  - {n}");
        }
    }
    let _ = writeln!(s, "\n{}:\n  {}", w.advice, r.advice);
    if !r.history.is_empty() {
        let _ = writeln!(s, "\n{}:", w.history);
        for h in &r.history {
            let _ = writeln!(
                s,
                "  - {} {} ({}): {}",
                h.instrument, h.provision, w.repealed, h.summary
            );
        }
    }
    let _ = writeln!(s, "\n{}: {}", w.confidence, r.confidence.label().get(lang));
    let _ = writeln!(s, "{}: {}", w.reviewed, r.last_reviewed);
    let _ = writeln!(s, "{} {}", w.disclaimer, r.report_to);
    s
}

pub fn roles(argv: &[String]) -> Result<String, Fail> {
    let args = Args::parse(argv, &["lang"], &["json"])?;
    let lang = lang(&args)?;
    let kb = kb();
    if args.flag("json") {
        let out = checker::catalogue::roles();
        return to_json(&out);
    }
    let mut s = String::new();
    for r in kb.roles {
        let _ = writeln!(s, "{:<16} {}", r.key, r.label.get(lang));
    }
    Ok(s)
}

pub fn activities(argv: &[String]) -> Result<String, Fail> {
    let args = Args::parse(argv, &["lang"], &["json"])?;
    let lang = lang(&args)?;
    let kb = kb();
    let facts_of = checker::catalogue::facts_of;
    if args.flag("json") {
        let out = checker::catalogue::activities();
        return to_json(&out);
    }
    let mut s = String::new();
    for g in kb.group_ids() {
        let _ = writeln!(s, "{}:", kb.group(g).label.get(lang));
        for a in kb.activities_in(g) {
            let act = kb.activity(a);
            let facts = facts_of(a);
            let extra = if facts.is_empty() {
                String::new()
            } else {
                format!(" [--fact {}]", facts.join(", "))
            };
            let _ = writeln!(s, "  {:<32} {}{extra}", act.key, act.label.get(lang));
        }
    }
    Ok(s)
}

pub fn tree(argv: &[String]) -> Result<String, Fail> {
    let args = Args::parse(argv, &["lang"], &["json", "dot"])?;
    let lang = lang(&args)?;
    match (args.flag("json"), args.flag("dot")) {
        (true, false) => to_json(&checker::tree()),
        (false, true) => Ok(checker::dot(lang)),
        _ => Err(Fail("tree needs exactly one of --json or --dot".into())),
    }
}
