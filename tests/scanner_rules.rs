//! Every scanner rule against its own examples (with the built-in 2024 pack loaded), and
//! every rule's basis against the knowledge base.

use ceknetral::kb::{kb, Lang};
use ceknetral::scanner::{Scanner, RULES};

#[test]
fn every_rule_flags_its_examples_and_leaves_the_others_alone() {
    let scanner = Scanner::national();
    let mut failures = Vec::new();
    for rule in RULES {
        assert!(
            !rule.must_flag.is_empty(),
            "{} has no must-flag example",
            rule.id
        );
        assert!(
            !rule.must_not_flag.is_empty(),
            "{} has no must-not-flag example",
            rule.id
        );
        for text in rule.must_flag {
            let r = scanner.scan(text, Lang::Id);
            // Overlapping findings of one category merge under one rule's id, so a rule's
            // example counts when its category is found; the tone rule, which no other rule
            // stands in for, must be found by its id.
            let found = |f: &&ceknetral::scanner::Finding| {
                if rule.id == "tone.partisan" {
                    f.rule == rule.id
                } else {
                    f.category == rule.category.as_str()
                }
            };
            if !r.findings.iter().any(|f| found(&f)) {
                failures.push(format!(
                    "{} should flag {text:?}; got {:?}",
                    rule.id,
                    r.findings
                        .iter()
                        .map(|f| (f.rule, f.text.as_str()))
                        .collect::<Vec<_>>()
                ));
            }
        }
        for text in rule.must_not_flag {
            let r = scanner.scan(text, Lang::Id);
            if r.findings.iter().any(|f| f.rule == rule.id) {
                failures.push(format!(
                    "{} should not flag {text:?}; got {:?}",
                    rule.id,
                    r.findings
                        .iter()
                        .map(|f| (f.rule, f.text.as_str()))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_cites_provisions_in_force() {
    let kb = kb();
    for rule in RULES {
        assert!(!rule.basis.is_empty(), "{}", rule.id);
        for key in rule.basis {
            let p = kb
                .provision_id(key)
                .unwrap_or_else(|| panic!("{}: unknown provision {key}", rule.id));
            assert!(kb.in_force(p), "{}: {key} is not in force", rule.id);
        }
        assert_ne!(rule.message.id, rule.message.en);
    }
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len(), "rule ids are unique");
}
