//! `scan`: one post from stdin, or JSON Lines in and out.

use std::io::{BufRead, Read, Write};

use crate::args::Args;
use crate::Fail;
use ceknetral::kb::Lang;
use ceknetral::scanner::{Pack, Risk, ScanResult, Scanner, MAX_TEXT_BYTES};
use serde::Serialize;
use serde_json::Value;

/// One output line: the contract's fields in the contract's order.
#[derive(Serialize)]
struct Line<'a> {
    id: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    risk: Option<Risk>,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<&'a [ceknetral::scanner::Finding]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn load_packs(args: &Args) -> Result<Vec<Pack>, Fail> {
    let mut packs = Vec::new();
    if !args.flag("no-builtin") {
        packs.push(Pack::national_2024());
    }
    for path in args.values("pack") {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Fail(format!("cannot read pack {path}: {e}")))?;
        let pack = Pack::from_json(&text).map_err(|e| Fail(format!("{path}: {e}")))?;
        packs.push(pack);
    }
    Ok(packs)
}

pub fn scan(argv: &[String]) -> Result<String, Fail> {
    let args = Args::parse(argv, &["pack", "lang"], &["jsonl", "json", "no-builtin"])?;
    let lang = match args.value("lang") {
        None => Lang::Id,
        Some(l) => {
            Lang::parse(l).ok_or_else(|| Fail(format!("unknown --lang `{l}`; use id or en")))?
        }
    };
    let scanner = Scanner::new(load_packs(&args)?);
    if args.flag("jsonl") {
        jsonl(&scanner, lang)?;
        return Ok(String::new());
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Fail(format!("cannot read stdin: {e}")))?;
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(Fail(format!(
            "the post is longer than {MAX_TEXT_BYTES} bytes; split it or use --jsonl"
        )));
    }
    let text = String::from_utf8(bytes).map_err(|_| Fail("stdin is not valid UTF-8".into()))?;
    let result = scanner.scan(&text, lang);
    if args.flag("json") {
        return serde_json::to_string_pretty(&result)
            .map(|s| s + "\n")
            .map_err(|e| Fail(format!("cannot write JSON: {e}")));
    }
    Ok(render(&text, &result, lang))
}

fn jsonl(scanner: &Scanner, lang: Lang) -> Result<(), Fail> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| Fail(format!("cannot read stdin: {e}")))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        let reply = answer(scanner, lang, &buf, line_no);
        let line = match &reply {
            Ok((id, r)) => Line {
                id: id.clone(),
                risk: Some(r.risk),
                findings: Some(&r.findings),
                line: None,
                error: None,
            },
            Err((id, msg)) => Line {
                id: id.clone(),
                risk: None,
                findings: None,
                line: Some(line_no),
                error: Some(msg.clone()),
            },
        };
        let written = serde_json::to_writer(&mut out, &line)
            .map_err(|e| Fail(format!("cannot write output: {e}")))
            .and_then(|_| {
                out.write_all(b"\n")
                    .map_err(|e| Fail(format!("cannot write output: {e}")))
            });
        if written.is_err() {
            // The reader went away (a closed pipe): stop quietly.
            return Ok(());
        }
    }
    let _ = out.flush();
    Ok(())
}

type Reply = Result<(Value, ScanResult), (Value, String)>;

fn answer(scanner: &Scanner, lang: Lang, raw: &[u8], _line: usize) -> Reply {
    let fail = |id: Value, msg: &str| Err((id, msg.to_string()));
    let Ok(text) = std::str::from_utf8(raw) else {
        return fail(Value::Null, "line is not valid UTF-8");
    };
    if text.trim().is_empty() {
        return fail(
            Value::Null,
            "empty line; expected {\"id\": ..., \"text\": \"...\"}",
        );
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err((Value::Null, format!("not valid JSON: {e}"))),
    };
    let Value::Object(obj) = value else {
        return fail(
            Value::Null,
            "expected a JSON object {\"id\": ..., \"text\": \"...\"}",
        );
    };
    let id = obj.get("id").cloned().unwrap_or(Value::Null);
    let text = match obj.get("text") {
        Some(Value::String(t)) => t,
        Some(_) => return fail(id, "`text` must be a string"),
        None => return fail(id, "missing `text`"),
    };
    match scanner.try_scan(text, lang) {
        Ok(r) => Ok((id, r)),
        Err(e) => Err((id, e.to_string())),
    }
}

fn render(text: &str, r: &ScanResult, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let (banner, none) = match (lang, r.risk) {
        (Lang::Id, Risk::Safe) => ("[✓] Aman: tidak ada yang perlu diubah.", ""),
        (Lang::Id, Risk::Review) => ("[!] Perlu ditinjau.", ""),
        (Lang::Id, Risk::Violation) => ("[✗] Berpotensi melanggar netralitas.", ""),
        (Lang::En, Risk::Safe) => ("[✓] Safe: nothing to change.", ""),
        (Lang::En, Risk::Review) => ("[!] Worth a second look.", ""),
        (Lang::En, Risk::Violation) => ("[✗] Likely breaches neutrality.", ""),
    };
    let _ = writeln!(s, "{banner}{none}");
    for (i, f) in r.findings.iter().enumerate() {
        let _ = writeln!(
            s,
            "\n{}. «{}» ({}, {})",
            i + 1,
            f.text,
            f.category,
            f.severity.as_str()
        );
        let _ = writeln!(s, "   {}", f.message);
        let basis: Vec<String> = f
            .basis
            .iter()
            .map(|b| format!("{} {}", b.instrument, b.provision))
            .collect();
        let _ = writeln!(
            s,
            "   {}: {}",
            if lang == Lang::Id { "Dasar" } else { "Basis" },
            basis.join("; ")
        );
        if let Some(sug) = &f.suggestion {
            let _ = writeln!(
                s,
                "   {}: {sug}",
                if lang == Lang::Id {
                    "Alternatif netral"
                } else {
                    "Neutral alternative"
                }
            );
        }
    }
    if r.findings.is_empty() && text.trim().is_empty() {
        let _ = writeln!(
            s,
            "{}",
            if lang == Lang::Id {
                "(teks kosong)"
            } else {
                "(empty text)"
            }
        );
    }
    s
}
