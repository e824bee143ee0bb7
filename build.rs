//! Compiles the knowledge base in `kb/` (see `build/kbc.rs`), the quiz stories in
//! `kb/stories.toml` (see `build/storyc.rs`) and the scanner's lexicon in `lexicon/` (see
//! `build/lexc.rs`) into Rust statics; the build stops with every problem
//! listed, each naming the file and the entry, when the data is inconsistent.

#[path = "build/askc.rs"]
mod askc;
#[path = "build/kbc.rs"]
mod kbc;
#[path = "build/kbkeys.rs"]
mod kbkeys;
#[path = "build/lexc.rs"]
mod lexc;
#[path = "build/storyc.rs"]
mod storyc;

use std::path::{Path, PathBuf};

type Compile = fn(&Path, &mut Vec<PathBuf>) -> Result<String, Vec<String>>;

fn compile(root: &Path, folder: &str, out_file: &str, what: &str, compile: Compile) {
    let dir = root.join(folder);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut read = Vec::new();
    let result = compile(&dir, &mut read);
    for p in &read {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    match result {
        Ok(code) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join(out_file);
            if let Err(e) = std::fs::write(&out, code) {
                panic!("cannot write {}: {e}", out.display());
            }
        }
        Err(errors) => {
            let mut msg = format!("\n\n{what} in {folder}/ is inconsistent:\n");
            for e in &errors {
                msg.push_str("  - ");
                msg.push_str(e);
                msg.push('\n');
            }
            eprintln!("{msg}");
            std::process::exit(1);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed=build/kbc.rs");
    println!("cargo:rerun-if-changed=build/lexc.rs");
    println!("cargo:rerun-if-changed=build/storyc.rs");
    println!("cargo:rerun-if-changed=build/askc.rs");
    println!("cargo:rerun-if-changed=build/kbkeys.rs");
    println!("cargo:rerun-if-changed=src/scanner/lexicon/class.rs");
    compile(
        &root,
        "kb",
        "kb_generated.rs",
        "The knowledge base",
        kbc::compile_dir,
    );
    compile(
        &root,
        "kb",
        "stories_generated.rs",
        "The quiz stories",
        storyc::compile_dir,
    );
    compile(
        &root,
        "kb",
        "ask_generated.rs",
        "The question box's vocabulary",
        askc::compile_dir,
    );
    compile(
        &root,
        "lexicon",
        "lexicon_generated.rs",
        "The scanner's lexicon",
        lexc::compile_dir,
    );
}
