//! `ceknetral`: the command-line front end (see `ceknetral --help`).
//!
//! Exit status: 0 on success, 2 on bad input with a one-line reason on stderr.

mod args;
mod ask;
mod check;
mod kbreport;
mod pack;
mod quiz;
mod scan;

use std::io::Write;
use std::process::ExitCode;

pub const USAGE: &str = r#"
ceknetral: cek netralitas ASN, pegawai non-ASN dan aparat desa dalam pemilu

PEMAKAIAN / USAGE
  ceknetral scan [--pack FILE]... [--jsonl | --json] [--no-builtin] [--lang id|en]
  ceknetral check --role ROLE --activity ACTIVITY [--fact KEY=VALUE]... [--json] [--lang id|en]
  ceknetral roles [--json] [--lang id|en]
  ceknetral activities [--json] [--lang id|en]
  ceknetral tree (--json | --dot) [--lang id|en]
  ceknetral pack FILE... [--builtin] [--json]
  ceknetral ask "QUESTION" [--json] [--en]
  ceknetral quiz [--count N] [--seed S] [--roles GROUPS] [--topics GROUPS] [--disputed]
                 [--link kuis=...] [--lang id|en] [--json]
  ceknetral kb report
  ceknetral --version | --help

  scan         Cek sebelum posting: stdin is one post (a report, or --json), or with
               --jsonl each line is {"id": ..., "text": "..."} and each output line
               {"id", "risk", "findings"}; a malformed line gets {"id", "line", "error"}.
               The built-in 2024 national pack is loaded unless --no-builtin;
               --pack FILE adds a pack (an invalid pack exits 2).
  check        Apakah ini boleh? Verdict, legal basis, sanctions and advice.
               Without --json: a readable answer in Indonesian (or --lang en).
  roles        The roles (pns, pppk, ppnpn, kepala_desa, perangkat_desa, bpd, tni, polri).
  activities   The activities, grouped, with the facts that can change an answer.
  tree         The whole decision tree as JSON, or as a Graphviz graph with --dot.
  pack         Validates election data packs and lists what the scanner derives from
               them: name parts, pair names, and which aliases count only in an election
               context (marked *). --builtin shows the built-in 2024 pack.
  ask          Tulis pertanyaan Anda: a question as people type it ("bolehkah PNS like
               postingan caleg?") read into up to three interpretations (role and
               activity, with their scores and the words that gave them) and the answer for
               the first; a question the knowledge base does not cover gets no answer.
  quiz         Latihan: a training quiz made from the knowledge base, with its answer key,
               to print for a session without devices. The same seed gives the same
               quiz; the printed link (#kuis=...) opens it in the widget. --roles: asn,
               non_asn, desa, tni_polri; --topics: the activity groups (media_sosial,
               kampanye_acara, pencalonan_partai, jabatan_fasilitas, keluarga,
               pemungutan_suara); both comma-separated, all by default. --count 1-50
               (default 10). --disputed includes disputed answers (any answer counts).
  kb report    The reviewer's checklist of the knowledge base: provisions and answers not
               verified against the instrument's text, provisions whose source was not
               re-checked in the last review, disputed points, and what the last review
               changed (kb/CHANGES.md). Also `make kb-review`.

Exit status: 0 on success, 2 on bad input (the reason is printed on stderr).
"#;

/// A failure to report: a one-line reason and exit status 2.
pub struct Fail(pub String);

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = stdout.write_all(out.as_bytes());
            let _ = stdout.flush();
            ExitCode::SUCCESS
        }
        Err(Fail(msg)) => {
            eprintln!("ceknetral: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(argv: &[String]) -> Result<String, Fail> {
    let Some(cmd) = argv.first() else {
        return Err(Fail(
            "missing command; run `ceknetral --help` (commands: scan, check, roles, activities, tree, pack, quiz, ask, kb)"
                .into(),
        ));
    };
    let rest = &argv[1..];
    match cmd.as_str() {
        "check" => check::check(rest),
        "scan" => scan::scan(rest),
        "roles" => check::roles(rest),
        "activities" => check::activities(rest),
        "tree" => check::tree(rest),
        "pack" => pack::pack(rest),
        "kb" => kbreport::kb_command(rest),
        "quiz" => quiz::quiz(rest),
        "ask" => ask::ask(rest),
        "--help" | "-h" | "help" => Ok(USAGE.to_string()),
        "--version" | "-V" => Ok(format!(
            "ceknetral {} (basis pengetahuan ditinjau {})\n",
            env!("CARGO_PKG_VERSION"),
            ceknetral::kb::kb().last_reviewed
        )),
        other => Err(Fail(format!(
            "unknown command `{other}`; commands: scan, check, roles, activities, tree, pack, quiz, ask, kb (see --help)"
        ))),
    }
}
