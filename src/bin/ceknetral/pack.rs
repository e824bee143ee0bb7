//! `pack`: validates an election data pack and shows what the scanner derives from it
//! (distinctive name parts, pair names, which aliases and slogans count only in an election
//! context), so that whoever writes a regional pack can review it before publishing.

use crate::args::Args;
use crate::Fail;
use ceknetral::scanner::matcher::{derived_terms, DerivedTerm};
use ceknetral::scanner::Pack;
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Serialize)]
struct Report<'a> {
    id: &'a str,
    title: &'a str,
    contestants: usize,
    parties: usize,
    terms: &'a [DerivedTerm],
}

pub fn pack(argv: &[String]) -> Result<String, Fail> {
    let (files, options): (Vec<&String>, Vec<&String>) =
        argv.iter().partition(|a| !a.starts_with("--"));
    let options: Vec<String> = options.into_iter().cloned().collect();
    let args = Args::parse(&options, &[], &["json", "builtin"])?;
    let mut packs = Vec::new();
    if args.flag("builtin") {
        packs.push(("built-in".to_string(), Pack::national_2024()));
    }
    for path in files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Fail(format!("cannot read pack {path}: {e}")))?;
        let pack = Pack::from_json(&text).map_err(|e| Fail(format!("{path}: {e}")))?;
        packs.push((path.clone(), pack));
    }
    if packs.is_empty() {
        return Err(Fail(
            "give a pack file (`ceknetral pack FILE`), or --builtin for the built-in pack".into(),
        ));
    }
    let mut out = String::new();
    for (path, p) in &packs {
        let terms = derived_terms(p);
        if args.flag("json") {
            let report = Report {
                id: &p.id,
                title: &p.title,
                contestants: p.contestants.len(),
                parties: p.parties.len(),
                terms: &terms,
            };
            let line = serde_json::to_string(&report)
                .map_err(|e| Fail(format!("cannot write JSON: {e}")))?;
            out.push_str(&line);
            out.push('\n');
            continue;
        }
        let _ = writeln!(
            out,
            "{path}: paket valid / valid pack `{}` ({}), {} calon, {} partai",
            p.id,
            p.title,
            p.contestants.len(),
            p.parties.len()
        );
        let _ = writeln!(
            out,
            "  (* = kata sehari-hari: dihitung hanya dalam konteks pemilu / everyday word: counts only in an election context)"
        );
        for t in &terms {
            let no = t
                .number
                .map(|n| format!("{n:>3}"))
                .unwrap_or_else(|| "  -".into());
            let mark = if t.ambiguous { "*" } else { " " };
            let _ = writeln!(out, "  {no} {:<11} {mark} {}", t.kind, t.phrase);
        }
    }
    Ok(out)
}
