//! `ask`: a question as people type it, read into the checker's terms, with the answer for
//! the best interpretation.

use serde::Serialize;
use std::fmt::Write as _;

use crate::args::Args;
use crate::Fail;
use ceknetral::checker::ask::ask as read_question;
use ceknetral::checker::{check, Report};
use ceknetral::kb::{kb, Lang};

#[derive(Serialize)]
struct JsonInterpretation {
    role: Option<&'static str>,
    activity: &'static str,
    facts: std::collections::BTreeMap<&'static str, &'static str>,
    score: f32,
    because: Vec<(&'static str, f32)>,
    label: String,
}

#[derive(Serialize)]
struct JsonAsk {
    question: String,
    interpretations: Vec<JsonInterpretation>,
    /// The checker's answer for the first interpretation (when it names a role).
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<Box<Report>>,
}

pub fn ask(argv: &[String]) -> Result<String, Fail> {
    let (words, options): (Vec<&String>, Vec<&String>) =
        argv.iter().partition(|a| !a.starts_with("--"));
    let options: Vec<String> = options.into_iter().cloned().collect();
    let args = Args::parse(&options, &[], &["json", "en"])?;
    let lang = if args.flag("en") { Lang::En } else { Lang::Id };
    let question = words
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if question.trim().is_empty() {
        return Err(Fail(
            "give a question: ceknetral ask \"bolehkah PNS like postingan caleg?\"".into(),
        ));
    }
    let reading = read_question(&question);
    let kb = kb();
    let items: Vec<JsonInterpretation> = reading
        .interpretations
        .iter()
        .map(|i| JsonInterpretation {
            role: i.role.map(|r| kb.role(r).key),
            activity: kb.activity(i.activity).key,
            label: i.label(lang),
            facts: i.fact_keys().into_iter().collect(),
            score: i.score,
            because: i.because.clone(),
        })
        .collect();
    let answer = reading
        .interpretations
        .first()
        .and_then(|i| Some(Report::new(&check(i.role?, i.activity, &i.facts), lang)));
    if args.flag("json") {
        let out = JsonAsk {
            question,
            interpretations: items,
            answer: answer.map(Box::new),
        };
        return serde_json::to_string_pretty(&out)
            .map(|s| s + "\n")
            .map_err(|e| Fail(format!("cannot write JSON: {e}")));
    }
    let mut out = String::new();
    if items.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            if lang == Lang::Id {
                "Belum ada jawaban untuk pertanyaan ini. Pilih sendiri dari kelompok berikut (ceknetral activities):"
            } else {
                "There is no answer to this question yet. Choose from these groups (ceknetral activities):"
            }
        );
        for g in kb.group_ids() {
            let _ = writeln!(out, "  - {}", kb.group(g).label.get(lang));
        }
        return Ok(out);
    }
    for (n, i) in items.iter().enumerate() {
        let because: Vec<String> = i
            .because
            .iter()
            .map(|(p, w)| format!("\"{p}\" {w}"))
            .collect();
        let _ = writeln!(
            out,
            "{}. {} (score {:.1}: {})",
            n + 1,
            i.label,
            i.score,
            because.join(", ")
        );
        if !i.facts.is_empty() {
            let facts: Vec<String> = i.facts.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = writeln!(out, "   facts: {}", facts.join(", "));
        }
    }
    match answer {
        Some(r) => {
            let _ = writeln!(
                out,
                "\n{}: {}. {}",
                items[0].label,
                r.verdict.label().get(lang),
                r.explanation
            );
            let basis: Vec<String> = r
                .basis
                .iter()
                .map(|b| format!("{} {}", b.instrument, b.provision))
                .collect();
            let _ = writeln!(
                out,
                "{}: {}",
                if lang == Lang::Id {
                    "Dasar hukum"
                } else {
                    "Legal basis"
                },
                basis.join("; ")
            );
            if !r.missing_facts.is_empty() {
                let _ = writeln!(
                    out,
                    "{}: {}",
                    if lang == Lang::Id {
                        "Jawaban bergantung pada"
                    } else {
                        "The answer depends on"
                    },
                    r.missing_facts.join(", ")
                );
            }
        }
        None => {
            let _ = writeln!(
                out,
                "\n{}",
                if lang == Lang::Id {
                    "Pertanyaan ini tidak menyebut peran: jawaban bergantung pada peran Anda (ceknetral check --role ...)."
                } else {
                    "The question names no role: the answer depends on yours (ceknetral check --role ...)."
                }
            );
        }
    }
    Ok(out)
}
