//! "Latihan": the training quiz (`ceknetral::quiz`) for self-study and for sessions.
//!
//! Self-study: choose the number of questions, the roles and the topics; answer each item
//! (Boleh / Boleh dengan syarat / Dilarang, or which draft is safe to post) and see at once
//! whether it was right, with the checker's explanation, basis, sanction and advice; at the
//! end a score, the mistakes with their citations and a printable summary (a name typed
//! here stays on the device). Presenter mode: large type, one item per screen, the answer
//! revealed by a key press, no scoring. The quiz's spec lives in the URL (`#kuis=...`), so
//! one link gives everyone the same questions in the same order.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use ceknetral::checker::Report;
use ceknetral::kb::{kb, Lang, Verdict};
use ceknetral::quiz::{self, Item, Quiz, Spec, ROLE_GROUP_LABELS};

use super::i18n::{quiz_strings, strings, QuizStrings};
use crate::state;

/// The part of the URL fragment that holds a shared quiz: `#kuis=k3x9-10-semua-semua`.
pub const KEY: &str = "kuis=";

/// The quiz in the page's URL, if there is one.
pub fn from_url() -> Option<Spec> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let f = hash
        .trim_start_matches('#')
        .split('&')
        .find_map(|p| p.strip_prefix(KEY))?;
    Spec::from_fragment(f).ok()
}

fn to_url(spec: Option<&Spec>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let hash = spec
        .map(|s| format!("#{KEY}{}", s.to_fragment()))
        .unwrap_or_default();
    if location.hash().unwrap_or_default() == hash {
        return;
    }
    let url = format!(
        "{}{}{hash}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(h) = window.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

fn new_seed() -> u64 {
    // Short links: seeds below 36^6.
    (js_sys::Math::random() * 2_176_782_336.0) as u64 + 1
}

const VERDICTS: [Verdict; 3] = [Verdict::Allowed, Verdict::Conditional, Verdict::Prohibited];

fn verdict_word(v: Verdict, q: &QuizStrings) -> &'static str {
    match v {
        Verdict::Allowed => q.allowed,
        Verdict::Conditional => q.conditional,
        Verdict::Prohibited => q.prohibited,
    }
}

/// The options of an item, as shown.
fn options(item: &Item, q: &QuizStrings) -> Vec<String> {
    match item {
        Item::Scenario { .. } => VERDICTS
            .iter()
            .map(|v| verdict_word(*v, q).to_string())
            .collect(),
        Item::Post { drafts, .. } => drafts.iter().map(|d| d.to_string()).collect(),
    }
}

fn is_right(item: &Item, chosen: usize) -> bool {
    match item {
        Item::Scenario { candidate, .. } => VERDICTS
            .get(chosen)
            .is_some_and(|v| candidate.accepted().contains(v)),
        Item::Post { safe, .. } => chosen == *safe,
    }
}

/// The right option's index (the key; for a disputed item, the knowledge base's verdict).
fn right_option(item: &Item) -> usize {
    match item {
        Item::Scenario { candidate, .. } => VERDICTS
            .iter()
            .position(|v| *v == candidate.verdict())
            .unwrap_or(0),
        Item::Post { safe, .. } => *safe,
    }
}

fn question(item: &Item, q: &QuizStrings) -> String {
    match item {
        Item::Scenario { text, .. } => text.clone(),
        Item::Post { .. } => q.which_safe.to_string(),
    }
}

/// What to read after answering: the checker's card, or each draft's findings.
fn explanation(item: &Item, lang: Lang) -> Html {
    let s = strings(lang);
    match item {
        Item::Scenario { candidate, .. } => {
            let r = Report::new(&candidate.answer, lang);
            super::checker::card_body(
                r.verdict,
                &r.explanation,
                &r.conditions,
                &r.basis,
                &r.sanctions,
                &r.advice,
                r.disputed_reason.as_deref(),
                &[],
                s,
                lang,
            )
        }
        Item::Post { drafts, safe, .. } => {
            let scanner = state::scanner();
            let list = drafts.iter().enumerate().map(|(i, d)| {
                let result = scanner.scan(d, lang);
                let why = result.findings.iter().map(|f| {
                    let basis: Vec<String> =
                        f.basis.iter().map(|b| format!("{} {}", b.instrument, b.provision)).collect();
                    html! { <li>{format!("\u{201c}{}\u{201d}: {} ({})", f.text, f.message, basis.join("; "))}</li> }
                });
                html! {
                    <li class={if i == *safe { "cn-quiz-safe" } else { "cn-quiz-risky" }}>
                        <q>{*d}</q>
                        if i == *safe {
                            <p>{quiz_strings(lang).nothing_found}</p>
                        } else {
                            <ul>{for why}</ul>
                        }
                    </li>
                }
            });
            html! { <ol class="cn-quiz-drafts" type="a">{for list}</ol> }
        }
    }
}

/// The citations of an item's answer, for the review of mistakes.
fn citations(item: &Item, lang: Lang) -> String {
    match item {
        Item::Scenario { candidate, .. } => Report::new(&candidate.answer, lang)
            .basis
            .iter()
            .map(|b| format!("{} {}", b.instrument, b.provision))
            .collect::<Vec<_>>()
            .join("; "),
        Item::Post { .. } => String::new(),
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Keep the quiz in the URL (`#kuis=...`).
    pub url_state: bool,
    /// Start in presenter mode (the `presenter` attribute).
    #[prop_or_default]
    pub presenter: bool,
}

#[derive(Clone, PartialEq)]
struct Run {
    spec: Spec,
    presenter: bool,
}

#[function_component(QuizView)]
pub fn quiz_view(props: &Props) -> Html {
    let lang = props.lang;
    let q = quiz_strings(lang);
    let s = strings(lang);
    let url_state = props.url_state;
    // The quiz being played (from the URL at first), or None for the set-up form.
    let run = use_state(|| {
        let spec = if url_state { from_url() } else { None };
        spec.map(|spec| Run {
            spec,
            presenter: props.presenter,
        })
    });
    let setup = use_state(|| Spec {
        seed: new_seed(),
        ..Spec::default()
    });
    let presenter_setup = use_state(|| props.presenter);
    let at = use_state(|| 0usize);
    let chosen = use_state(Vec::<Option<usize>>::new);
    let revealed = use_state(|| false);
    let name = use_state(String::new);
    let copied = use_state(|| false);
    let heading = use_node_ref();
    let quiz: Option<Rc<Quiz>> = {
        let spec = run.as_ref().map(|r| r.spec.clone());
        let made = use_memo((spec, lang), |(spec, lang)| {
            spec.as_ref()
                .and_then(|sp| quiz::generate(sp, *lang, &state::scanner()).ok())
        });
        (*made).clone().map(Rc::new)
    };
    {
        // The focus goes to each new question (and to the score), for keyboard and
        // screen-reader users; the URL follows the quiz.
        let heading = heading.clone();
        let spec = run.as_ref().map(|r| r.spec.clone());
        use_effect_with((*at, spec.clone(), *revealed), move |_| {
            if url_state {
                to_url(spec.as_ref());
            }
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let start = {
        let (run, setup, at, chosen, revealed, presenter) = (
            run.clone(),
            setup.clone(),
            at.clone(),
            chosen.clone(),
            revealed.clone(),
            presenter_setup.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            at.set(0);
            chosen.set(Vec::new());
            revealed.set(false);
            run.set(Some(Run {
                spec: (*setup).clone(),
                presenter: *presenter,
            }));
        })
    };

    let Some(quiz) = quiz else {
        // --- the set-up form
        let count_opts = quiz::COUNTS.iter().map(|c| {
            let on = setup.count == *c;
            let onchange = {
                let setup = setup.clone();
                let c = *c;
                Callback::from(move |_: Event| setup.set(Spec { count: c, ..(*setup).clone() }))
            };
            html! { <label class="cn-quiz-opt"><input type="radio" name="cn-quiz-count" checked={on} {onchange} />{format!(" {c}")}</label> }
        });
        let toggle = |list: fn(&mut Spec) -> &mut Vec<String>, key: &'static str| {
            let setup = setup.clone();
            Callback::from(move |e: Event| {
                let on = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|i| i.checked());
                let mut next = (*setup).clone();
                let v = list(&mut next);
                v.retain(|x| x != key);
                if on {
                    v.push(key.to_string());
                }
                setup.set(next);
            })
        };
        let roles = ROLE_GROUP_LABELS.iter().map(|(key, id, en)| {
            let label = if lang == Lang::Id { *id } else { *en };
            let onchange = toggle(|s| &mut s.roles, key);
            html! { <label class="cn-quiz-opt"><input type="checkbox" checked={setup.roles.iter().any(|r| r == key)} {onchange} />{" "}{label}</label> }
        });
        let topics = kb().group_ids().map(|g| {
            let grp = kb().group(g);
            let onchange = toggle(|s| &mut s.topics, grp.key);
            html! { <label class="cn-quiz-opt"><input type="checkbox" checked={setup.topics.iter().any(|t| t == grp.key)} {onchange} />{" "}{grp.label.get(lang)}</label> }
        });
        let presenter_change = {
            let p = presenter_setup.clone();
            Callback::from(move |_: Event| p.set(!*p))
        };
        return html! {
            <div class="cn-quiz">
                <p class="cn-intro">{q.intro}</p>
                <fieldset class="cn-quiz-set"><legend>{q.how_many}</legend>{for count_opts}</fieldset>
                <fieldset class="cn-quiz-set"><legend>{q.roles}</legend><p class="cn-small">{q.all_if_none}</p>{for roles}</fieldset>
                <fieldset class="cn-quiz-set"><legend>{q.topics}</legend><p class="cn-small">{q.all_if_none}</p>{for topics}</fieldset>
                <label class="cn-quiz-opt"><input type="checkbox" checked={*presenter_setup} onchange={presenter_change} />{" "}{q.presenter}</label>
                <p class="cn-small">{q.presenter_hint}</p>
                <p class="cn-actions"><button type="button" class="cn-btn cn-btn-primary cn-quiz-start" onclick={start}>{q.start}</button></p>
                <p class="cn-small">{s.privacy}</p>
            </div>
        };
    };

    let Some(running) = (*run).clone() else {
        return html! {};
    };
    let total = quiz.items.len();
    let new_quiz = {
        let (run, setup) = (run.clone(), setup.clone());
        Callback::from(move |_: MouseEvent| {
            setup.set(Spec {
                seed: new_seed(),
                ..(*setup).clone()
            });
            run.set(None);
            if url_state {
                to_url(None);
            }
        })
    };
    let link = {
        let w = web_sys::window();
        let base = w
            .as_ref()
            .map(|w| {
                let l = w.location();
                format!(
                    "{}{}{}",
                    l.origin().unwrap_or_default(),
                    l.pathname().unwrap_or_default(),
                    l.search().unwrap_or_default()
                )
            })
            .unwrap_or_default();
        format!("{base}#{KEY}{}", running.spec.to_fragment())
    };

    // --- presenter mode: one item per screen, keys reveal and move on, no scoring
    if running.presenter {
        let onkeydown = {
            let (at, revealed) = (at.clone(), revealed.clone());
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                " " | "Enter" | "ArrowRight" | "PageDown" => {
                    e.prevent_default();
                    if !*revealed {
                        revealed.set(true);
                    } else if *at + 1 < total {
                        revealed.set(false);
                        at.set(*at + 1);
                    }
                }
                "ArrowLeft" | "PageUp" | "Backspace" => {
                    e.prevent_default();
                    if *revealed {
                        revealed.set(false);
                    } else if *at > 0 {
                        at.set(*at - 1);
                    }
                }
                _ => {}
            })
        };
        let item = &quiz.items[(*at).min(total.saturating_sub(1))];
        let right = right_option(item);
        let opts = options(item, q).into_iter().enumerate().map(|(i, o)| {
            let mark = *revealed && i == right;
            html! { <li class={classes!("cn-present-opt", mark.then_some("cn-present-right"))}>{o}{if mark { " ✓" } else { "" }}</li> }
        });
        return html! {
            <div class="cn-quiz cn-presenter" tabindex="0" {onkeydown} ref={heading}
                aria-label={format!("{} {} / {total}", q.question, *at + 1)}>
                <p class="cn-present-count" aria-live="polite">{format!("{} / {total}", *at + 1)}</p>
                <p class="cn-present-q">{question(item, q)}</p>
                <ol class="cn-present-opts" type="a">{for opts}</ol>
                if *revealed {
                    <div class="cn-present-answer" role="status">
                        if let Item::Scenario { candidate, .. } = item {
                            <p><strong>{verdict_word(candidate.verdict(), q)}</strong>{". "}{Report::new(&candidate.answer, lang).explanation}</p>
                            <p class="cn-small">{citations(item, lang)}</p>
                        }
                    </div>
                }
                <p class="cn-small cn-noprint">{q.presenter_keys}</p>
                <p class="cn-actions cn-noprint"><button type="button" class="cn-btn" onclick={new_quiz}>{q.new_quiz}</button></p>
            </div>
        };
    }

    // --- self-study
    let answers = &*chosen;
    let done = answers.len() == total && *at >= total;
    if done {
        let score = quiz
            .items
            .iter()
            .zip(answers)
            .filter(|(it, c)| c.is_some_and(|c| is_right(it, c)))
            .count();
        let mistakes = quiz
            .items
            .iter()
            .zip(answers)
            .enumerate()
            .filter(|(_, (it, c))| !c.is_some_and(|c| is_right(it, c)))
            .map(|(i, (it, c))| {
                let opts = options(it, q);
                let yours = c.and_then(|c| opts.get(c).cloned()).unwrap_or_default();
                let right = opts.get(right_option(it)).cloned().unwrap_or_default();
                let cited = citations(it, lang);
                html! {
                    <li>
                        <p>{format!("{} {}: {}", q.question, i + 1, question(it, q))}</p>
                        <p>{format!("{}: {yours}", q.your_answer)}</p>
                        <p><strong>{format!("{}: {right}", q.right_answer)}</strong></p>
                        if !cited.is_empty() {
                            <p class="cn-small">{format!("{}: {}", s.basis, cited)}</p>
                        }
                    </li>
                }
            });
        let topics: Vec<String> = if running.spec.topics.is_empty() {
            vec![q.all_topics.to_string()]
        } else {
            running
                .spec
                .topics
                .iter()
                .filter_map(|t| kb().group_id(t))
                .map(|g| kb().group(g).label.get(lang).to_string())
                .collect()
        };
        let today = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
            .chars()
            .take(10)
            .collect::<String>();
        let oninput = {
            let name = name.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(i) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    name.set(i.value());
                }
            })
        };
        let print = Callback::from(|_: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
        let copy = {
            let (link, copied) = (link.clone(), copied.clone());
            Callback::from(move |_: MouseEvent| {
                let copied = copied.clone();
                super::copy_to_clipboard(link.clone(), move |ok| copied.set(ok));
            })
        };
        let again = {
            let (at, chosen) = (at.clone(), chosen.clone());
            Callback::from(move |_: MouseEvent| {
                at.set(0);
                chosen.set(Vec::new());
            })
        };
        return html! {
            <div class="cn-quiz cn-quiz-done">
                <h2 class="cn-h" tabindex="-1" ref={heading}>{format!("{} {score} / {total}", q.score)}</h2>
                <div class="cn-quiz-summary">
                    <p><label for="cn-quiz-name">{q.name}</label>{" "}<input id="cn-quiz-name" class="cn-quiz-name" type="text" value={(*name).clone()} {oninput} autocomplete="name" /></p>
                    <p class="cn-small cn-noprint">{q.name_stays}</p>
                    <dl>
                        <dt>{q.date}</dt><dd>{today}</dd>
                        <dt>{q.score}</dt><dd>{format!("{score} / {total}")}</dd>
                        <dt>{q.topics}</dt><dd>{topics.join(", ")}</dd>
                        <dt>{s.last_reviewed}</dt><dd>{kb().last_reviewed}</dd>
                        <dt>{q.link}</dt><dd class="cn-quiz-link">{link.clone()}</dd>
                    </dl>
                </div>
                if score < total {
                    <h3 class="cn-h3">{q.mistakes}</h3>
                    <ul class="cn-quiz-review">{for mistakes}</ul>
                }
                <p class="cn-actions cn-noprint">
                    <button type="button" class="cn-btn cn-btn-primary" onclick={print}>{q.print}</button>
                    <button type="button" class="cn-btn" onclick={copy}>{q.copy_link}</button>
                    <button type="button" class="cn-btn" onclick={again}>{q.again}</button>
                    <button type="button" class="cn-btn" onclick={new_quiz}>{q.new_quiz}</button>
                </p>
                <p class="cn-status" role="status">{if *copied { s.copied } else { "" }}</p>
            </div>
        };
    }
    let i = (*at).min(total.saturating_sub(1));
    let item = &quiz.items[i];
    let answered = answers.get(i).copied().flatten();
    let opts = options(item, q).into_iter().enumerate().map(|(k, o)| {
        let onclick = {
            let chosen = chosen.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*chosen).clone();
                next.resize(i + 1, None);
                next[i] = Some(k);
                chosen.set(next);
            })
        };
        let state_class = answered.map(|a| {
            if k == right_option(item) || is_right(item, k) && a == k {
                "cn-quiz-right"
            } else if a == k {
                "cn-quiz-wrong"
            } else {
                ""
            }
        });
        html! {
            <li><button type="button" class={classes!("cn-btn", "cn-quiz-answer", state_class)} disabled={answered.is_some()}
                aria-pressed={(answered == Some(k)).to_string()} {onclick}>{o}</button></li>
        }
    });
    let next = {
        let at = at.clone();
        Callback::from(move |_: MouseEvent| at.set(*at + 1))
    };
    html! {
        <div class="cn-quiz">
            <p class="cn-progress">{format!("{} {} {} {total}", q.question, i + 1, s.of)}</p>
            <h2 class="cn-h cn-quiz-q" tabindex="-1" ref={heading}>{question(item, q)}</h2>
            <ol class={classes!("cn-quiz-answers", matches!(item, Item::Post { .. }).then_some("cn-quiz-posts"))} type="a">{for opts}</ol>
            if let Some(a) = answered {
                <div class="cn-quiz-feedback" role="status">
                    <p class={if is_right(item, a) { "cn-quiz-verdict cn-allowed" } else { "cn-quiz-verdict cn-prohibited" }}>
                        <strong>{if is_right(item, a) { q.right } else { q.wrong }}</strong>
                        {" "}{format!("{}: {}", q.right_answer, options(item, q).get(right_option(item)).cloned().unwrap_or_default())}
                    </p>
                    {explanation(item, lang)}
                </div>
                <p class="cn-actions"><button type="button" class="cn-btn cn-btn-primary cn-quiz-next" onclick={next}>
                    {if i + 1 < total { q.next } else { q.see_score }}</button></p>
            }
        </div>
    }
}
