//! The training quiz: every answer key is the checker's, every post item the scanner's, and
//! the same spec gives the same quiz.

use ceknetral::checker::{check, Facts, Report};
use ceknetral::kb::{kb, Lang, Verdict};
use ceknetral::quiz::{self, candidates, generate, Item, Spec, STORIES};
use ceknetral::scanner::{Risk, Scanner, RULES};

fn spec(seed: u64, count: usize) -> Spec {
    Spec {
        seed,
        count,
        ..Spec::default()
    }
}

/// Every scenario the stories can give (disputed ones included), in both languages: the key
/// is what the checker answers for the same role, activity and facts asked by their keys,
/// and the told story has every placeholder filled.
#[test]
fn every_answer_key_is_the_checkers_verdict() {
    let all = Spec {
        disputed: true,
        ..Spec::default()
    };
    let pool = candidates(&all);
    assert!(pool.len() >= 100, "only {} scenarios", pool.len());
    let mut rng = quiz::Rng::new(9);
    for c in &pool {
        let role = kb().role(c.role).key;
        let activity = kb().activity(c.activity).key;
        let mut facts = Facts::default();
        for (f, v) in c.story.facts {
            facts.set_keys(f, v).expect("story facts are valid");
        }
        let answer = check(
            kb().role_id(role).expect("role"),
            kb().activity_id(activity).expect("activity"),
            &facts,
        );
        assert!(
            answer.is_decided(),
            "{role} / {activity}: the story's facts do not decide"
        );
        assert_eq!(c.verdict(), answer.verdict(), "{role} / {activity}");
        for lang in [Lang::Id, Lang::En] {
            let report = Report::new(&answer, lang);
            assert_eq!(report.verdict, c.verdict());
            assert!(
                !report.basis.is_empty(),
                "{role} / {activity}: an answer without basis"
            );
            let (text, name) = quiz::tell(c.story, role, lang, &mut rng, &mut Vec::new());
            assert!(!text.contains('{') && !text.contains('}'), "{text}");
            assert!(text.contains(name), "{text}");
            assert!(text.ends_with('?'), "{text}");
        }
        // Disputed answers accept every verdict; the others only the key.
        if c.disputed() {
            assert_eq!(c.accepted().len(), 3);
        } else {
            assert_eq!(c.accepted(), vec![c.verdict()]);
        }
    }
    // Without asking for them, no disputed scenario.
    assert!(candidates(&Spec::default()).iter().all(|c| !c.disputed()));
}

#[test]
fn every_activity_has_a_story_that_some_role_can_be_asked() {
    let pool = candidates(&Spec::default());
    for a in kb().activity_ids() {
        let key = kb().activity(a).key;
        assert!(STORIES.iter().any(|s| s.activity == key), "{key}: no story");
        assert!(
            pool.iter().any(|c| c.activity == a),
            "{key}: no role is decided by its stories"
        );
    }
    // Every role is asked somewhere, so every role filter has questions.
    for r in kb().role_ids() {
        assert!(
            pool.iter().any(|c| c.role == r),
            "{}: never asked",
            kb().role(r).key
        );
    }
    // All three answers occur.
    for v in [Verdict::Allowed, Verdict::Conditional, Verdict::Prohibited] {
        assert!(pool.iter().any(|c| c.verdict() == v), "no {v:?} scenario");
    }
}

#[test]
fn post_items_come_from_rule_examples_and_the_scanner_agrees() {
    let scanner = Scanner::national();
    let mut posts = 0;
    for seed in 1..=12 {
        let q = generate(&spec(seed, 20), Lang::Id, &scanner).expect("quiz");
        for it in &q.items {
            if let Item::Post {
                drafts,
                safe,
                rules,
            } = it
            {
                posts += 1;
                assert_eq!(drafts.len(), 3);
                for (i, d) in drafts.iter().enumerate() {
                    let rule = RULES.iter().find(|r| r.id == rules[i]).expect("rule");
                    let risk = scanner.scan(d, Lang::Id).risk;
                    if i == *safe {
                        assert!(rule.must_not_flag.contains(d), "{d}");
                        assert_eq!(risk, Risk::Safe, "{d}");
                    } else {
                        assert!(rule.must_flag.contains(d), "{d}");
                        assert_eq!(risk, Risk::Violation, "{d}");
                    }
                }
            }
        }
    }
    assert!(posts >= 48, "{posts} post items in 12 quizzes of 20");
}

fn texts(q: &quiz::Quiz) -> Vec<String> {
    q.items
        .iter()
        .map(|it| match it {
            Item::Scenario { text, .. } => text.clone(),
            Item::Post { drafts, safe, .. } => format!("{drafts:?} {safe}"),
        })
        .collect()
}

#[test]
fn the_same_spec_gives_the_same_quiz_and_links_round_trip() {
    let scanner = Scanner::national();
    for count in quiz::COUNTS {
        let a = generate(&spec(42, *count), Lang::Id, &scanner).expect("quiz");
        let b = generate(&spec(42, *count), Lang::Id, &scanner).expect("quiz");
        assert_eq!(a.items.len(), *count);
        assert_eq!(texts(&a), texts(&b));
    }
    let a = generate(&spec(42, 10), Lang::Id, &scanner).expect("quiz");
    let c = generate(&spec(43, 10), Lang::Id, &scanner).expect("quiz");
    assert_ne!(texts(&a), texts(&c));
    // The English quiz of the same seed asks the same questions of the same people.
    let en = generate(&spec(42, 10), Lang::En, &scanner).expect("quiz");
    for (x, y) in a.items.iter().zip(&en.items) {
        match (x, y) {
            (
                Item::Scenario {
                    candidate: p,
                    name: n1,
                    ..
                },
                Item::Scenario {
                    candidate: q,
                    name: n2,
                    ..
                },
            ) => {
                assert_eq!((p.role, p.activity, n1), (q.role, q.activity, n2));
            }
            (Item::Post { drafts: d1, .. }, Item::Post { drafts: d2, .. }) => assert_eq!(d1, d2),
            _ => panic!("the two languages differ in kind of item"),
        }
    }
    let s = Spec {
        seed: 123_456_789,
        count: 5,
        roles: vec!["asn".into(), "desa".into()],
        topics: vec!["keluarga".into()],
        disputed: true,
    };
    let f = s.to_fragment();
    assert_eq!(f, "21i3v9-5-asn.desa-keluarga-d");
    assert_eq!(Spec::from_fragment(&f), Ok(s));
    assert_eq!(Spec::from_fragment("1-10-semua-semua"), Ok(spec(1, 10)));
    for bad in [
        "",
        "zz",
        "1-10-x-semua",
        "1-0-semua-semua",
        "!-10-semua-semua",
        "1-10-semua-mars",
        "1-10-semua-semua-q",
        "1-999-semua-semua",
    ] {
        assert!(Spec::from_fragment(bad).is_err(), "{bad}");
    }
}

#[test]
fn filters_keep_to_their_roles_and_topics() {
    let scanner = Scanner::national();
    let desa = Spec {
        roles: vec!["desa".into()],
        ..spec(5, 20)
    };
    let q = generate(&desa, Lang::Id, &scanner).expect("quiz");
    assert_eq!(q.items.len(), 20);
    for it in &q.items {
        if let Item::Scenario { candidate, .. } = it {
            assert!(
                ["kepala_desa", "perangkat_desa", "bpd"].contains(&kb().role(candidate.role).key)
            );
        }
    }
    let family = Spec {
        topics: vec!["keluarga".into()],
        ..spec(5, 20)
    };
    let q = generate(&family, Lang::Id, &scanner).expect("quiz");
    assert!(!q.items.is_empty());
    for it in &q.items {
        match it {
            Item::Scenario { candidate, .. } => {
                assert_eq!(
                    kb().group(kb().activity(candidate.activity).group).key,
                    "keluarga"
                )
            }
            Item::Post { .. } => panic!("no post items outside social media"),
        }
    }
    // The variety rule: the first items of a quiz ask different activities.
    let q = generate(&spec(8, 10), Lang::Id, &scanner).expect("quiz");
    let acts: Vec<_> = q
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Scenario { candidate, .. } => Some(candidate.activity),
            _ => None,
        })
        .collect();
    let mut dedup = acts.clone();
    dedup.sort_by_key(|a| kb().activity(*a).key);
    dedup.dedup();
    assert_eq!(dedup.len(), acts.len(), "a quiz of 10 repeats an activity");
}
