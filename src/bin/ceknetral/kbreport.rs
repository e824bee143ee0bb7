//! `ceknetral kb report`: the reviewer's checklist of the knowledge base. Everything a
//! reviewer at a BKPSDM should work through: the provisions and answers that rest on
//! anything less than the instrument's own text, the disputed points, the provisions whose
//! source was not checked in the last review, and what the last review changed.

use crate::args::Args;
use crate::Fail;
use ceknetral::kb::{self, kb, Confidence};
use std::fmt::Write as _;

/// `kb/CHANGES.md`: the changes of every review, newest first.
const CHANGES: &str = include_str!("../../../kb/CHANGES.md");

pub fn kb_command(argv: &[String]) -> Result<String, Fail> {
    match argv.first().map(String::as_str) {
        Some("report") => report(&argv[1..]),
        Some(other) => Err(Fail(format!(
            "unknown `kb` command `{other}`; try `ceknetral kb report`"
        ))),
        None => Err(Fail(
            "missing `kb` command; try `ceknetral kb report`".into(),
        )),
    }
}

/// The section of `changes` under the heading `## {date}`, without the heading.
pub fn changes_of(changes: &str, date: &str) -> Option<String> {
    let heading = format!("## {date}");
    let start = changes.lines().position(|l| l.trim_end() == heading)?;
    let body: Vec<&str> = changes
        .lines()
        .skip(start + 1)
        .take_while(|l| !l.starts_with("## "))
        .collect();
    Some(body.join("\n").trim().to_string())
}

fn report(argv: &[String]) -> Result<String, Fail> {
    Args::parse(argv, &[], &[])?;
    let kb = kb();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "CekNetral: daftar periksa peninjau basis pengetahuan (reviewer's checklist)\n\
         Terakhir ditinjau / last reviewed: {}; tinjauan sebelumnya / previous review: {}\n\
         Peninjau / reviewed by: {}",
        kb.last_reviewed,
        if kb::PREVIOUS_REVIEW.is_empty() {
            "-"
        } else {
            kb::PREVIOUS_REVIEW
        },
        kb.reviewed_by
    );

    // 1. Provisions not verified against the instrument's own text.
    let weak: Vec<usize> = (0..kb.provisions.len())
        .filter(|&i| kb.provisions[i].confidence != Confidence::Verified)
        .collect();
    let _ = writeln!(
        s,
        "\n1. Ketentuan yang belum diverifikasi pada teks peraturan / provisions not verified against the text ({})",
        weak.len()
    );
    for i in weak {
        provision_line(&mut s, i);
    }

    // 2. Provisions whose source was not checked in the last review.
    let stale: Vec<usize> = (0..kb.provisions.len())
        .filter(|&i| kb::provision_source(i).1 < kb.last_reviewed)
        .collect();
    let _ = writeln!(
        s,
        "\n2. Ketentuan yang sumbernya tidak diperiksa ulang pada tinjauan terakhir / provisions not re-checked in the last review ({})",
        stale.len()
    );
    for i in stale {
        provision_line(&mut s, i);
    }

    // 3. Answers resting on secondary sources, inference or nothing verified.
    let outcomes: Vec<_> = kb
        .outcomes
        .iter()
        .filter(|o| o.confidence != Confidence::Verified)
        .collect();
    let _ = writeln!(
        s,
        "\n3. Jawaban yang tidak bersandar pada teks terverifikasi / answers not resting on verified text ({})",
        outcomes.len()
    );
    for o in outcomes {
        let _ = writeln!(
            s,
            "  - {} [{}] {}: {}",
            o.key,
            o.confidence.as_str(),
            who(o),
            o.verdict.as_str()
        );
    }

    // 4. Disputed points.
    let disputed: Vec<_> = kb
        .outcomes
        .iter()
        .filter(|o| o.disputed.is_some())
        .collect();
    let _ = writeln!(
        s,
        "\n4. Hal yang diperdebatkan / disputed points ({})",
        disputed.len()
    );
    for o in disputed {
        let _ = writeln!(s, "  - {} ({})", o.key, who(o));
        if let Some(d) = o.disputed {
            let _ = writeln!(s, "      {}", d.id);
        }
    }

    // 5. What the last review changed.
    let _ = writeln!(
        s,
        "\n5. Perubahan pada tinjauan {} / changes in the last review (kb/CHANGES.md)",
        kb.last_reviewed
    );
    match changes_of(CHANGES, kb.last_reviewed) {
        Some(text) if !text.is_empty() => {
            for line in text.lines() {
                let _ = writeln!(s, "  {line}");
            }
        }
        _ => {
            let _ = writeln!(
                s,
                "  (kb/CHANGES.md has no section `## {}`: record what this review changed)",
                kb.last_reviewed
            );
        }
    }
    Ok(s)
}

fn provision_line(s: &mut String, i: usize) {
    let kb = kb();
    let p = &kb.provisions[i];
    let inst = kb.instrument(p.instrument);
    let (source, checked) = kb::provision_source(i);
    let _ = writeln!(
        s,
        "  - {} {} ({}) [{}; diperiksa {}]\n      sumber: {}",
        inst.name,
        p.cite,
        p.key,
        p.confidence.as_str(),
        checked,
        source
    );
}

/// `pns, pppk x run_for_office (office = kepala_desa)`.
fn who(o: &kb::Outcome) -> String {
    let kb = kb();
    let roles: Vec<&str> = o.roles.iter().map(|r| kb.role(*r).key).collect();
    let when: Vec<String> = o
        .when
        .iter()
        .map(|(f, v)| {
            let fact = kb.fact(*f);
            let value = fact.values.get(*v as usize).map_or("", |v| v.key);
            format!("{} = {value}", fact.key)
        })
        .collect();
    let mut out = format!("{} x {}", roles.join(", "), kb.activity(o.activity).key);
    if !when.is_empty() {
        let _ = write!(out, " ({})", when.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_review_has_its_changes() {
        let text = changes_of(CHANGES, kb().last_reviewed).expect("a section for the last review");
        assert!(text.len() > 200, "{text}");
        assert!(
            changes_of("# x\n## 2026-01-01\na\n## 2025-01-01\nb\n", "2026-01-01").as_deref()
                == Some("a")
        );
        assert!(changes_of("# x\n", "2026-01-01").is_none());
    }
}
