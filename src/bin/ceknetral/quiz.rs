//! `quiz`: a training quiz with its answer key, for sessions without devices (paper) and for
//! facilitators who want to see a shared quiz before sending its link.

use serde::Serialize;
use std::fmt::Write as _;

use crate::args::Args;
use crate::Fail;
use ceknetral::checker::Report;
use ceknetral::kb::{kb, Lang, Verdict};
use ceknetral::quiz::{self, Item, Spec};
use ceknetral::scanner::Scanner;

#[derive(Serialize)]
struct JsonQuiz<'a> {
    /// The fragment that reproduces the quiz in the widget (`#kuis=...`).
    link: String,
    seed: u64,
    count: usize,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum JsonItem<'a> {
    Scenario {
        text: &'a str,
        role: &'static str,
        activity: &'static str,
        facts: Vec<(&'static str, &'static str)>,
        answer: &'static str,
        accepted: Vec<&'static str>,
        disputed: bool,
        report: Box<Report>,
    },
    Post {
        question: &'static str,
        drafts: &'a [&'static str],
        safe: usize,
        rules: &'a [&'static str],
    },
}

fn verdict_words(v: Verdict, lang: Lang) -> &'static str {
    match (v, lang) {
        (Verdict::Allowed, Lang::Id) => "Boleh",
        (Verdict::Conditional, Lang::Id) => "Boleh dengan syarat",
        (Verdict::Prohibited, Lang::Id) => "Dilarang",
        (Verdict::Allowed, Lang::En) => "Allowed",
        (Verdict::Conditional, Lang::En) => "Allowed with conditions",
        (Verdict::Prohibited, Lang::En) => "Prohibited",
    }
}

fn list(v: Option<&str>) -> Vec<String> {
    v.map(|s| {
        s.split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty() && x != "all" && x != "semua")
            .collect()
    })
    .unwrap_or_default()
}

pub fn quiz(argv: &[String]) -> Result<String, Fail> {
    let args = Args::parse(
        argv,
        &["count", "seed", "roles", "topics", "lang", "link"],
        &["json", "disputed"],
    )?;
    let lang = match args.value("lang") {
        None => Lang::Id,
        Some(l) => {
            Lang::parse(l).ok_or_else(|| Fail(format!("unknown --lang `{l}`; use id or en")))?
        }
    };
    let spec = match args.value("link") {
        Some(link) => Spec::from_fragment(
            link.trim_start_matches("#kuis=")
                .trim_start_matches("kuis="),
        )
        .map_err(|e| Fail(e.to_string()))?,
        None => {
            let count = match args.value("count") {
                None => 10,
                Some(c) => c
                    .parse::<usize>()
                    .map_err(|_| Fail(format!("--count `{c}` is not a number (5, 10 or 20)")))?,
            };
            let seed = match args.value("seed") {
                None => 1,
                Some(s) => s
                    .parse::<u64>()
                    .map_err(|_| Fail(format!("--seed `{s}` is not a whole number")))?,
            };
            Spec {
                seed,
                count,
                roles: list(args.value("roles")),
                topics: list(args.value("topics")),
                disputed: args.flag("disputed"),
            }
        }
    };
    let scanner = Scanner::national();
    let q = quiz::generate(&spec, lang, &scanner).map_err(|e| Fail(e.to_string()))?;
    let question = match lang {
        Lang::Id => "Mana yang aman diunggah?",
        Lang::En => "Which one is safe to post?",
    };
    if args.flag("json") {
        let items = q
            .items
            .iter()
            .map(|it| match it {
                Item::Scenario {
                    candidate, text, ..
                } => JsonItem::Scenario {
                    text,
                    role: kb().role(candidate.role).key,
                    activity: kb().activity(candidate.activity).key,
                    facts: candidate.story.facts.to_vec(),
                    answer: candidate.verdict().as_str(),
                    accepted: candidate
                        .accepted()
                        .into_iter()
                        .map(Verdict::as_str)
                        .collect(),
                    disputed: candidate.disputed(),
                    report: Box::new(Report::new(&candidate.answer, lang)),
                },
                Item::Post {
                    drafts,
                    safe,
                    rules,
                } => JsonItem::Post {
                    question,
                    drafts,
                    safe: *safe,
                    rules,
                },
            })
            .collect();
        let out = JsonQuiz {
            link: format!("kuis={}", q.spec.to_fragment()),
            seed: q.spec.seed,
            count: q.items.len(),
            items,
        };
        return serde_json::to_string_pretty(&out)
            .map(|s| s + "\n")
            .map_err(|e| Fail(format!("cannot write JSON: {e}")));
    }
    let (title, key_title, answers, link) = match lang {
        Lang::Id => (
            "Latihan netralitas",
            "Kunci jawaban",
            "Jawaban: Boleh / Boleh dengan syarat / Dilarang",
            "Kuis yang sama di widget",
        ),
        Lang::En => (
            "Neutrality training",
            "Answer key",
            "Answers: Allowed / Allowed with conditions / Prohibited",
            "The same quiz in the widget",
        ),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{title} ({} {})",
        q.items.len(),
        if lang == Lang::Id {
            "soal"
        } else {
            "questions"
        }
    );
    let _ = writeln!(out, "{link}: #kuis={}", q.spec.to_fragment());
    let _ = writeln!(out, "{answers}\n");
    for (i, it) in q.items.iter().enumerate() {
        match it {
            Item::Scenario { text, .. } => {
                let _ = writeln!(out, "{}. {text}\n", i + 1);
            }
            Item::Post { drafts, .. } => {
                let _ = writeln!(out, "{}. {question}", i + 1);
                for (j, d) in drafts.iter().enumerate() {
                    let _ = writeln!(out, "   {}) {d}", (b'a' + j as u8) as char);
                }
                out.push('\n');
            }
        }
    }
    let _ = writeln!(out, "{key_title}");
    for (i, it) in q.items.iter().enumerate() {
        match it {
            Item::Scenario { candidate, .. } => {
                let report = Report::new(&candidate.answer, lang);
                let basis: Vec<String> = report
                    .basis
                    .iter()
                    .map(|b| format!("{} {}", b.instrument, b.provision))
                    .collect();
                let accepted = if candidate.disputed() {
                    match lang {
                        Lang::Id => " (diperdebatkan: setiap jawaban diterima)",
                        Lang::En => " (disputed: every answer is accepted)",
                    }
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "{}. {}{accepted}. {} [{}]",
                    i + 1,
                    verdict_words(candidate.verdict(), lang),
                    report.explanation,
                    basis.join("; ")
                );
            }
            Item::Post { safe, .. } => {
                let _ = writeln!(out, "{}. {})", i + 1, (b'a' + *safe as u8) as char);
            }
        }
    }
    Ok(out)
}
