//! Compiles the knowledge base in `kb/` into Rust statics (see `build/kbc.rs`); the build
//! stops with every problem listed when the data is inconsistent.

#[path = "build/kbc.rs"]
mod kbc;

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let kb = root.join("kb");
    println!("cargo:rerun-if-changed={}", kb.display());
    println!("cargo:rerun-if-changed=build/kbc.rs");
    let mut read = Vec::new();
    let result = kbc::compile_dir(&kb, &mut read);
    for p in &read {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    match result {
        Ok(code) => {
            let out =
                PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("kb_generated.rs");
            if let Err(e) = std::fs::write(&out, code) {
                panic!("cannot write {}: {e}", out.display());
            }
        }
        Err(errors) => {
            let mut msg = String::from("\n\nThe knowledge base in kb/ is inconsistent:\n");
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
