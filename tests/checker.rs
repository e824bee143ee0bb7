//! The checker over the whole cross product of roles, activities and fact values, the
//! decision tree walked to every leaf, and the guided state.

use ceknetral::checker::{check, leaves, tree, Facts, Node, Report, State, Step};
use ceknetral::kb::{kb, FactId, Lang, Verdict};

/// Every combination of values of `facts` (including "not given" for each).
fn combos(facts: &[FactId], with_missing: bool) -> Vec<Facts> {
    let mut out = vec![Facts::default()];
    for f in facts {
        let n = kb().fact(*f).values.len() as u8;
        let mut next = Vec::new();
        for base in &out {
            if with_missing {
                next.push(base.clone());
            }
            for v in 0..n {
                let mut x = base.clone();
                x.set(*f, v);
                next.push(x);
            }
        }
        out = next;
    }
    out
}

#[test]
fn every_role_and_activity_has_a_cited_answer() {
    let kb = kb();
    let mut pairs = 0;
    for role in kb.role_ids() {
        for activity in kb.activity_ids() {
            pairs += 1;
            for facts in combos(kb.facts_for(role, activity), true) {
                let answer = check(role, activity, &facts);
                let at = format!(
                    "{} x {} {:?}",
                    kb.role(role).key,
                    kb.activity(activity).key,
                    facts
                );
                assert!(!answer.variants.is_empty(), "{at}: no outcome");
                if answer.missing.is_empty() {
                    assert!(answer.is_decided(), "{at}: all facts given but undecided");
                }
                for lang in [Lang::Id, Lang::En] {
                    let r = Report::new(&answer, lang);
                    assert!(
                        r.basis.iter().any(|b| b.status == "in_force"),
                        "{at}: no provision in force cited"
                    );
                    assert!(
                        r.basis.iter().all(|b| b.status == "in_force"),
                        "{at}: a repealed provision is cited as basis"
                    );
                    assert!(r.history.iter().all(|b| b.status == "repealed"), "{at}");
                    assert!(!r.explanation.is_empty() && !r.advice.is_empty(), "{at}");
                    for b in &r.basis {
                        assert!(
                            b.provision.starts_with("Pasal")
                                || b.provision.starts_with("Lampiran")
                                || b.provision.starts_with("Penjelasan")
                                || b.provision.starts_with("Butir")
                                || b.provision.starts_with("Angka"),
                            "{at}: odd provision {}",
                            b.provision
                        );
                        assert!(!b.instrument.is_empty());
                    }
                    for s in &r.sanctions {
                        match s.kind {
                            "discipline" => assert!(
                                ["light", "medium", "heavy"].contains(&s.level),
                                "{at}: discipline without level"
                            ),
                            "ethics" | "dismissal" | "contract" | "administrative" | "criminal" => {
                                assert_eq!(s.level, "", "{at}")
                            }
                            other => panic!("{at}: unknown sanction kind {other}"),
                        }
                        if s.kind == "criminal" {
                            assert!(
                                s.detail.contains("Rp"),
                                "{at}: a criminal sanction states its fine"
                            );
                        }
                    }
                    if r.verdict == Verdict::Prohibited {
                        assert!(
                            !r.sanctions.is_empty() || r.sanction_note.is_some(),
                            "{at}: prohibited without a sanction or a note"
                        );
                    }
                    if r.disputed {
                        assert_eq!(r.verdict, Verdict::Conditional, "{at}");
                        assert!(r.disputed_reason.is_some(), "{at}");
                    }
                    if r.verdict == Verdict::Allowed {
                        assert!(r.sanctions.is_empty(), "{at}: allowed with sanctions");
                    }
                    if !r.variants.is_empty() {
                        // Several outcomes: the conditions say which applies when.
                        assert!(r.variants.len() >= 2, "{at}");
                        assert!(r.conditions.len() >= r.variants.len(), "{at}");
                    }
                }
            }
        }
    }
    assert_eq!(pairs, kb.roles.len() * kb.activities.len());
    assert!(pairs >= 8 * 26);
}

#[test]
fn fixed_ids_exist() {
    let kb = kb();
    for r in [
        "pns",
        "pppk",
        "ppnpn",
        "kepala_desa",
        "perangkat_desa",
        "bpd",
        "tni",
        "polri",
    ] {
        assert!(kb.role_id(r).is_some(), "role {r}");
    }
    for a in [
        "party_membership",
        "run_for_office",
        "campaign_team",
        "attend_campaign",
        "attend_campaign_with_attributes",
        "mobilize_colleagues",
        "use_state_facilities",
        "official_decision_favoring",
        "partisan_gathering_or_appeal",
        "ktp_support",
        "install_campaign_props",
        "social_post_support",
        "social_like",
        "social_comment",
        "social_share",
        "social_follow_or_join",
        "social_photo_with_candidate",
        "social_symbol_gesture",
        "profile_picture_support",
        "accompany_spouse_candidate",
        "election_worker",
        "party_witness",
        "share_official_election_info",
        "encourage_turnout",
        "vote",
        "speak_at_party_event",
    ] {
        assert!(kb.activity_id(a).is_some(), "activity {a}");
    }
    for (f, vals) in [
        ("on_cltn", &["yes", "no"][..]),
        ("election", &["pemilu", "pilkada"][..]),
        ("stage", &["bakal_calon", "calon"][..]),
    ] {
        let id = kb.fact_id(f).expect("fact");
        let got: Vec<&str> = kb.fact(id).values.iter().map(|v| v.key).collect();
        assert_eq!(got, vals);
    }
    assert_eq!(kb.last_reviewed.len(), 10);
}

fn ids(role: &str, activity: &str) -> (ceknetral::kb::RoleId, ceknetral::kb::ActivityId) {
    let kb = kb();
    (
        kb.role_id(role).expect("role"),
        kb.activity_id(activity).expect("activity"),
    )
}

#[test]
fn facts_are_asked_only_where_they_matter() {
    let kb = kb();
    let key = |r, a| -> Vec<&str> {
        let (r, a) = ids(r, a);
        kb.facts_for(r, a).iter().map(|f| kb.fact(*f).key).collect()
    };
    assert_eq!(key("pns", "accompany_spouse_candidate"), ["on_cltn"]);
    assert_eq!(key("pns", "social_like"), ["stage"]);
    assert_eq!(key("ppnpn", "social_like"), Vec::<&str>::new());
    assert_eq!(key("pns", "campaign_team"), ["election"]);
    assert_eq!(
        key("kepala_desa", "official_decision_favoring"),
        ["election"]
    );
    assert_eq!(key("pns", "vote"), Vec::<&str>::new());
    assert_eq!(key("tni", "campaign_team"), ["election"]);
    // The office matters where the rules differ by office, and only there.
    assert_eq!(key("pns", "run_for_office"), ["office"]);
    assert_eq!(key("kepala_desa", "run_for_office"), ["office"]);
    assert_eq!(key("tni", "run_for_office"), Vec::<&str>::new());
    assert_eq!(key("ppnpn", "run_for_office"), Vec::<&str>::new());
    // PPPK have no unpaid leave (CLTN): the question is not put to them.
    assert_eq!(
        key("pppk", "accompany_spouse_candidate"),
        Vec::<&str>::new()
    );
    // A Pilkada decision favouring a candidate is a crime for TNI and Polri too (MK 136).
    assert_eq!(key("polri", "official_decision_favoring"), ["election"]);
}

/// Every leaf (every role, activity and combination of fact values), rendered in both
/// languages, says nothing its own path contradicts: a crime "besides" which no crime
/// applies, CLTN offered to PPPK who have none, a sanction level "unverified" beside the
/// sanctions it lists, a missing place to report.
#[test]
fn no_leaf_contradicts_its_own_path() {
    let kb = kb();
    let mut problems = Vec::new();
    let mut leaves_seen = 0;
    for role in kb.role_ids() {
        for activity in kb.activity_ids() {
            for facts in combos(kb.facts_for(role, activity), false) {
                leaves_seen += 1;
                let answer = check(role, activity, &facts);
                for lang in [Lang::Id, Lang::En] {
                    let r = Report::new(&answer, lang);
                    let at = format!("{} x {} {:?} [{lang:?}]", r.role, r.activity, r.facts);
                    let mut texts = vec![r.explanation.clone(), r.advice.clone()];
                    texts.extend(r.conditions.iter().cloned());
                    texts.extend(r.sanction_note.iter().cloned());
                    texts.extend(r.disputed_reason.iter().cloned());
                    let all = texts.join(" \n ").to_lowercase();
                    let criminal = r.sanctions.iter().any(|s| s.kind == "criminal");
                    for phrase in [
                        "selain pidana",
                        "besides the election crime",
                        "besides the criminal",
                    ] {
                        if all.contains(phrase) && !criminal {
                            problems.push(format!(
                                "{at}: says `{phrase}` but no criminal sanction applies"
                            ));
                        }
                    }
                    if r.role == "pppk" {
                        for phrase in [
                            "ajukan cltn",
                            "apply for cltn",
                            "sedang cltn",
                            "are you on cltn",
                        ] {
                            let offered = all.match_indices(phrase).any(|(i, _)| {
                                let before = &all[..i];
                                !(before.ends_with("pns: ") || before.ends_with("civil servants: "))
                            });
                            if offered {
                                problems.push(format!(
                                    "{at}: offers CLTN (`{phrase}`) to PPPK, who have none"
                                ));
                            }
                        }
                    }
                    if !r.sanctions.is_empty()
                        && ["tni", "polri"].contains(&r.role)
                        && (all.contains("tingkatnya belum diverifikasi")
                            || all.contains("level is unverified"))
                    {
                        problems.push(format!(
                            "{at}: lists sanctions yet calls their level unverified"
                        ));
                    }
                    if r.verdict == Verdict::Prohibited
                        && r.sanctions.is_empty()
                        && r.sanction_note.is_none()
                    {
                        problems.push(format!("{at}: prohibited with no sanction and no note"));
                    }
                    if r.report_to.is_empty() {
                        problems.push(format!("{at}: no place to ask or report"));
                    }
                }
            }
        }
    }
    assert!(leaves_seen >= 250, "{leaves_seen} leaves");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_missing_fact_gives_every_outcome_not_a_guess() {
    let (r, a) = ids("pns", "accompany_spouse_candidate");
    let answer = check(r, a, &Facts::default());
    assert_eq!(answer.variants.len(), 2);
    assert_eq!(answer.verdict(), Verdict::Conditional);
    let report = Report::new(&answer, Lang::Id);
    assert_eq!(report.missing_facts, ["on_cltn"]);
    let verdicts: Vec<Verdict> = report.variants.iter().map(|v| v.report.verdict).collect();
    assert!(verdicts.contains(&Verdict::Conditional));
    assert!(verdicts.contains(&Verdict::Prohibited));
    assert!(report.conditions.iter().any(|c| c.contains("dilarang")));

    // When only the sanction depends on the missing fact, the verdict stands and each
    // sanction says when it applies.
    let (r, a) = ids("pns", "social_like");
    let report = Report::new(&check(r, a, &Facts::default()), Lang::Id);
    assert_eq!(report.verdict, Verdict::Prohibited);
    assert!(report
        .sanctions
        .iter()
        .any(|s| s.kind == "ethics" && s.when.get("stage") == Some(&"bakal_calon")));
    assert!(report.sanctions.iter().any(|s| s.kind == "discipline"
        && s.level == "heavy"
        && s.when.get("stage") == Some(&"calon")));

    let mut facts = Facts::default();
    facts.set_keys("stage", "calon").expect("fact");
    let report = Report::new(&check(r, a, &facts), Lang::Id);
    assert!(report.sanctions.iter().all(|s| s.kind != "ethics"));
    assert!(report.basis.iter().all(|b| b.when.is_empty()));
}

#[test]
fn facts_that_do_not_matter_are_ignored() {
    let (r, a) = ids("pns", "vote");
    let mut facts = Facts::default();
    facts.set_keys("stage", "calon").expect("fact");
    let answer = check(r, a, &facts);
    assert!(answer.facts.is_empty());
    assert_eq!(answer.verdict(), Verdict::Allowed);
}

#[test]
fn criminal_articles_follow_the_kind_of_election() {
    let (r, a) = ids("kepala_desa", "official_decision_favoring");
    for (election, instrument, article) in [
        ("pemilu", "UU 7/2017", "Pasal 490"),
        ("pilkada", "UU 1/2015", "Pasal 188"),
    ] {
        let mut facts = Facts::default();
        facts.set_keys("election", election).expect("fact");
        let rep = Report::new(&check(r, a, &facts), Lang::Id);
        let crim: Vec<_> = rep
            .sanctions
            .iter()
            .filter(|s| s.kind == "criminal")
            .collect();
        assert_eq!(crim.len(), 1, "{election}");
        assert!(
            crim[0]
                .basis
                .iter()
                .any(|b| b.instrument == instrument && b.provision == article),
            "{election}"
        );
    }
}

#[test]
fn every_tree_path_ends_in_an_outcome() {
    let leaves = leaves();
    assert!(leaves.len() >= 8 * 26, "{} leaves", leaves.len());
    for (path, outcome, _) in &leaves {
        assert!(!outcome.is_empty(), "{path}: no outcome");
        // Every leaf is reachable again from its fragment and decided there.
        let state = State::from_fragment(path).expect("fragment");
        assert_eq!(state.step(), Step::Done, "{path}");
        let answer = state.result().expect("result");
        assert!(answer.is_decided(), "{path}");
        assert_eq!(answer.variants[0].outcome.key, *outcome, "{path}");
        assert_eq!(&state.to_fragment(), path);
    }
    // The tree's first question is the role, with all eight roles.
    match tree() {
        Node::Question { step, options, .. } => {
            assert_eq!(step, "role");
            assert_eq!(options.len(), 8);
        }
        Node::Outcome { .. } => panic!("the tree starts with a question"),
    }
}

#[test]
fn state_answers_goes_back_keeps_answers_and_restarts() {
    let mut s = State::new();
    assert_eq!(s.step(), Step::Role);
    assert!(!s.back());
    s.answer("pns").expect("role");
    assert_eq!(s.step(), Step::Group);
    assert!(
        s.answer("social_like").is_err(),
        "an activity is not a group"
    );
    s.answer("media_sosial").expect("group");
    assert_eq!(s.progress(), (2, 3));
    s.answer("social_like").expect("activity");
    assert_eq!(s.progress(), (3, 4));
    assert!(matches!(s.step(), Step::Fact(_)));
    s.answer("calon").expect("fact");
    assert_eq!(s.step(), Step::Done);
    assert_eq!(s.to_fragment(), "pns/media_sosial/social_like/stage=calon");
    assert_eq!(s.result().expect("done").verdict(), Verdict::Prohibited);
    assert!(s.answer("calon").is_err(), "finished");

    // Back twice: the later answers stay selected until a different one is given.
    assert!(s.back());
    assert!(s.back());
    assert_eq!(s.step(), Step::Activity);
    assert_eq!(s.selected(), Some("social_like"));
    s.answer("social_like").expect("same answer");
    assert_eq!(s.selected(), Some("calon"));
    assert!(s.back());
    s.answer("vote")
        .is_err()
        .then_some(())
        .expect("vote is not in media_sosial");
    s.answer("social_share").expect("other activity");
    assert_eq!(
        s.selected(),
        None,
        "a different answer drops the later ones"
    );

    s.restart();
    assert_eq!(s, State::new());
}

#[test]
fn fragments_round_trip_and_refuse_nonsense() {
    let s =
        State::from_fragment("#pns/keluarga/accompany_spouse_candidate/on_cltn=no").expect("valid");
    assert_eq!(s.result().expect("done").verdict(), Verdict::Prohibited);
    assert_eq!(State::from_fragment("").expect("empty"), State::new());
    assert_eq!(
        State::from_fragment("pns").expect("partial").step(),
        Step::Group
    );
    for bad in [
        "nobody",
        "pns/media_sosial/vote",
        "pns/media_sosial/social_like/stage=maybe",
        "pns/media_sosial/social_like/on_cltn=yes",
        "pns/stage=calon",
        "pns/media_sosial/social_like/stage=calon/extra",
        "pns//social_like",
    ] {
        assert!(
            State::from_fragment(bad).is_err(),
            "{bad} should be refused"
        );
    }
}

#[test]
fn both_languages_are_complete() {
    let kb = kb();
    for o in kb.outcomes {
        assert!(!o.explanation.id.is_empty() && !o.explanation.en.is_empty());
        assert_ne!(o.explanation.id, o.explanation.en, "{}", o.key);
    }
    for p in kb.provisions {
        assert_ne!(p.summary.id, p.summary.en, "{}", p.key);
    }
}

/// The review of 2026-12-07: each role is told where to ask and report; criminal
/// penalties say how UU 1/2026 adjusts them, keeping the old wording as history only;
/// part-time PPPK know they are ASN; the split of national and local elections is noted.
#[test]
fn review_of_december_2026() {
    let kb = kb();
    let answer = |role: &str, activity: &str, facts: &[(&str, &str)], lang| {
        let (r, a) = ids(role, activity);
        let mut f = Facts::default();
        for (k, v) in facts {
            f.set_keys(k, v).expect("known fact");
        }
        Report::new(&check(r, a, &f), lang)
    };
    let wants = [
        ("pns", &["Bawaslu", "BKN", "PPK"][..]),
        ("pppk", &["Bawaslu", "BKN"][..]),
        ("kepala_desa", &["Bawaslu", "bupati", "UU 6/2014"][..]),
        ("polri", &["Propam", "Perpol 7/2022"][..]),
        ("tni", &["Denpom", "Ankum", "UU 25/2014"][..]),
    ];
    for (role, needles) in wants {
        let r = answer(role, "social_like", &[("stage", "calon")], Lang::Id);
        for n in needles {
            assert!(r.report_to.contains(n), "{role}: {} lacks {n}", r.report_to);
        }
    }
    // UU 7/2017 Pasal 494 since 2 January 2026: no confinement, a fine; the old figures
    // only as the original wording.
    let r = answer("pns", "campaign_team", &[("election", "pemilu")], Lang::Id);
    let crime = r
        .sanctions
        .iter()
        .find(|s| s.kind == "criminal")
        .expect("a criminal sanction");
    assert!(crime.detail.contains("UU 1/2026"), "{}", crime.detail);
    assert!(
        crime.detail.contains("kurungannya dihapus"),
        "{}",
        crime.detail
    );
    assert!(
        crime.detail.contains("Bunyi asli (riwayat)"),
        "{}",
        crime.detail
    );
    // Pasal 188 for TNI and Polri, citing the Constitutional Court.
    let r = answer(
        "polri",
        "official_decision_favoring",
        &[("election", "pilkada")],
        Lang::En,
    );
    let crime = r
        .sanctions
        .iter()
        .find(|s| s.kind == "criminal")
        .expect("Pasal 188 applies to Polri in a Pilkada");
    assert!(
        crime.detail.contains("136/PUU-XXII/2024"),
        "{}",
        crime.detail
    );
    let r = answer(
        "polri",
        "official_decision_favoring",
        &[("election", "pemilu")],
        Lang::En,
    );
    assert!(r.sanctions.iter().all(|s| s.kind != "criminal"));
    // Part-time PPPK pick PPPK.
    let pppk = kb.role(kb.role_id("pppk").expect("pppk"));
    assert!(
        pppk.description.id.contains("paruh waktu")
            && pppk.description.id.contains("KepMenPANRB 16/2025")
    );
    let election = kb.fact(kb.fact_id("election").expect("election"));
    assert!(
        election.help.id.contains("135/PUU-XXII/2024")
            && election.help.en.contains("135/PUU-XXII/2024")
    );
}

/// "Apakah ini boleh untuk saya?" from a scanner finding: every kind of finding but a
/// mention has an activity (one map, kb/category-activities.toml, for the widget and the
/// extension), and the checker opens there, with or without a role.
#[test]
fn a_finding_opens_the_checker_at_its_activity() {
    use ceknetral::kb::activity_for_category;
    use ceknetral::scanner::Category;
    let kb = kb();
    for c in Category::ALL {
        let a = activity_for_category(c.as_str());
        assert_eq!(a.is_none(), c == Category::Mention, "{}", c.as_str());
    }
    let a = activity_for_category("support").expect("support");
    assert_eq!(kb.activity(a).key, "social_post_support");
    // With a role: straight to the activity's fact.
    let st = State::for_activity(Some("pns"), a);
    assert_eq!(st.role_key(), Some("pns"));
    assert_eq!(st.to_fragment(), "pns/media_sosial/social_post_support");
    assert!(matches!(st.step(), Step::Fact(_)));
    // A village head's answer needs no fact: the answer itself.
    let st = State::for_activity(Some("kepala_desa"), a);
    assert_eq!(st.step(), Step::Done);
    // Without a role: the role question first, then on to the activity.
    let mut st = State::for_activity(None, a);
    assert_eq!(st.step(), Step::Role);
    st.answer("kepala_desa").expect("a role");
    assert_eq!(
        st.to_fragment(),
        "kepala_desa/media_sosial/social_post_support"
    );
    assert_eq!(st.step(), Step::Done);
    // Restarting forgets the pending activity.
    let mut st = State::for_activity(None, a);
    st.restart();
    st.answer("pns").expect("a role");
    assert_eq!(st.to_fragment(), "pns");
    // An unknown role falls back to asking it.
    assert_eq!(State::for_activity(Some("astronaut"), a).step(), Step::Role);
}
