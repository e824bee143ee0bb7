//! "Apakah ini boleh?": one question per step, then the result card.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use ceknetral::checker::{BasisItem, OutcomeReport, Report, State};
use ceknetral::kb::{kb, Lang, Verdict};

use super::i18n::{strings, Strings};
use crate::api::to_js;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub host: Option<web_sys::Element>,
    pub url_state: bool,
    /// A request to open at an activity (from a scanner finding), numbered.
    #[prop_or_default]
    pub start: Option<(u32, State)>,
    /// Told the role whenever the user has answered it.
    #[prop_or_default]
    pub on_role: Callback<&'static str>,
    /// The role the widget knows (chosen here before, or given by the host), for "Cara
    /// melapor" before the user has answered the role question.
    #[prop_or_default]
    pub role: Option<&'static str>,
}

/// Where the "copy the link" button stands.
#[derive(Clone, PartialEq)]
enum Copy {
    Not,
    Done,
    /// The browser gave no clipboard, or refused: the link to copy by hand.
    Manual(String),
}

/// The part of the URL fragment that holds the checker's answers: `#cek=pns/...`.
const KEY: &str = "cek=";

fn from_url() -> State {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let hash = hash.trim_start_matches('#');
    hash.split('&')
        .find_map(|part| part.strip_prefix(KEY))
        .map(|f| {
            js_sys::decode_uri_component(f)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default()
        })
        .and_then(|f| State::from_fragment(&f).ok())
        .unwrap_or_default()
}

fn to_url(state: &State) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let fragment = state.to_fragment();
    let hash = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{KEY}{fragment}")
    };
    let location = window.location();
    let (path, search) = (
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
    );
    if location.hash().unwrap_or_default() == hash {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}{hash}")),
        );
    }
}

#[function_component(Checker)]
pub fn checker(props: &Props) -> Html {
    let url_state = props.url_state;
    let state = use_state(move || if url_state { from_url() } else { State::new() });
    let heading = use_node_ref();
    let copied = use_state(|| Copy::Not);
    let s = strings(props.lang);

    {
        // After each step: keep the URL in step, move the focus to the new question (for
        // keyboard and screen-reader users), and announce a result.
        let heading = heading.clone();
        let host = props.host.clone();
        let lang = props.lang;
        let first = use_mut_ref(|| true);
        // Whether the host's last event describes an answer, which Back or Restart takes
        // away: then `{ tool: "checker", result: null }` says that none is shown.
        let answered = use_mut_ref(|| false);
        use_effect_with((*state).clone(), move |st: &State| {
            if url_state {
                to_url(st);
            }
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
            if let Some(answer) = st.result() {
                if let Ok(js) = to_js(&Report::new(&answer, lang)) {
                    super::announce(&host, "checker", js);
                    *answered.borrow_mut() = true;
                }
            } else if std::mem::replace(&mut *answered.borrow_mut(), false) {
                super::announce(&host, "checker", JsValue::NULL);
            }
        });
    }

    {
        // Opened at an activity from a scanner finding.
        let state = state.clone();
        use_effect_with(props.start.clone(), move |start: &Option<(u32, State)>| {
            if let Some((_, st)) = start {
                state.set(st.clone());
            }
        });
    }
    {
        // The role, once answered, is the widget's: the scanner cites the basis for it.
        let on_role = props.on_role.clone();
        use_effect_with(state.role_key(), move |r: &Option<&'static str>| {
            if let Some(r) = r {
                on_role.emit(r);
            }
        });
    }
    {
        // A change of language re-announces the answer shown, in the new language.
        let host = props.host.clone();
        let state = state.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(props.lang, move |lang: &Lang| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(answer) = state.result() {
                if let Ok(js) = to_js(&Report::new(&answer, *lang)) {
                    super::announce(&host, "checker", js);
                }
            }
        });
    }

    let back = {
        let state = state.clone();
        Callback::from(move |_| {
            let mut st = (*state).clone();
            st.back();
            state.set(st);
        })
    };
    let restart = {
        let state = state.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            copied.set(Copy::Not);
            state.set(State::new());
        })
    };

    let (done, total) = state.progress();
    let Some(question) = state.question() else {
        // Every question answered: the result card.
        let Some(answer) = state.result() else {
            return html! {};
        };
        let report = Report::new(&answer, props.lang);
        let share = {
            let copied = copied.clone();
            Callback::from(move |_| {
                let Some(w) = web_sys::window() else {
                    return;
                };
                let href = w.location().href().unwrap_or_default();
                // Without a usable clipboard, show the link to copy by hand.
                let copied = copied.clone();
                super::copy_to_clipboard(href.clone(), move |ok| {
                    copied.set(if ok { Copy::Done } else { Copy::Manual(href) })
                });
            })
        };
        let print = Callback::from(|_| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
        return html! {
            <div class="cn-checker cn-result-view">
                <h2 class="cn-h" tabindex="-1" ref={heading}>{s.your_question}</h2>
                {summary(&report, props.lang)}
                {result_card(&report, s, props.lang)}
                <div class="cn-actions cn-noprint">
                    <button type="button" class="cn-btn" onclick={back}>{s.answer_again}</button>
                    <button type="button" class="cn-btn" onclick={restart}>{s.restart}</button>
                    if url_state {
                        <button type="button" class="cn-btn" onclick={share}>{s.share}</button>
                    }
                    <button type="button" class="cn-btn" onclick={print}>{s.print}</button>
                </div>
                <p class="cn-status" role="status">
                    {match &*copied {
                        Copy::Not => html! {},
                        Copy::Done => html! { {s.copied} },
                        Copy::Manual(url) => html! {
                            <>{s.copy_manually}{" "}<input class="cn-link" type="text" readonly=true
                                value={url.clone()} aria-label={s.share} /></>
                        },
                    }}
                </p>
            </div>
        };
    };

    let selected = state.selected();
    let name = format!("cn-q-{}", question.step.key());
    let choices = question.choices.iter().map(|c| {
        let key = c.key;
        let on = selected == Some(key);
        let onclick = {
            let state = state.clone();
            Callback::from(move |_| {
                let mut st = (*state).clone();
                if st.answer(key).is_ok() {
                    state.set(st);
                }
            })
        };
        html! {
            <li>
                <button type="button" class={classes!("cn-choice", on.then_some("cn-choice-on"))}
                    aria-pressed={on.to_string()} name={name.clone()} value={key} {onclick}>
                    <span class="cn-choice-label">{c.label.get(props.lang)}</span>
                    if let Some(d) = c.description {
                        <span class="cn-choice-desc">{d.get(props.lang)}</span>
                    }
                </button>
            </li>
        }
    });
    html! {
        <div class="cn-checker">
            if done == 0 {
                <p class="cn-intro">{s.checker_intro}</p>
                <super::askbox::AskBox lang={props.lang} on_pick={
                    let state = state.clone();
                    Callback::from(move |st: State| state.set(st))
                } />
            }
            <div class="cn-progress">
                <span>{format!("{} {} {} {}", s.step, done + 1, s.of, total)}</span>
                <progress max={total.to_string()} value={(done + 1).to_string()}
                    aria-label={format!("{} {} {} {}", s.step, done + 1, s.of, total)}></progress>
            </div>
            <h2 class="cn-h cn-question" tabindex="-1" ref={heading} id="cn-question">
                {question.prompt.get(props.lang)}
            </h2>
            if let Some(help) = question.help {
                <p class="cn-help">{help.get(props.lang)}</p>
            }
            <ul class="cn-choices" role="list" aria-labelledby="cn-question">{for choices}</ul>
            <div class="cn-actions">
                if done > 0 {
                    <button type="button" class="cn-btn" onclick={back}>{s.back}</button>
                    <button type="button" class="cn-btn cn-btn-quiet" onclick={restart}>{s.restart}</button>
                }
            </div>
        </div>
    }
}

/// What was asked: the role, the activity and the facts, in words.
fn summary(r: &Report, lang: Lang) -> Html {
    let kb = kb();
    let role = kb.role_id(r.role).map(|id| kb.role(id).label.get(lang));
    let act = kb
        .activity_id(r.activity)
        .map(|id| kb.activity(id).label.get(lang));
    let facts = r.facts.iter().filter_map(|(k, v)| {
        let f = kb.fact(kb.fact_id(k)?);
        let value = f.values.iter().find(|x| x.key == *v)?;
        Some(html! { <li>{value.label.get(lang)}</li> })
    });
    html! {
        <div class="cn-summary">
            <p><strong>{role.unwrap_or(r.role)}</strong>{": "}{act.unwrap_or(r.activity)}</p>
            <ul>{for facts}</ul>
        </div>
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Allowed => "cn-allowed",
        Verdict::Conditional => "cn-conditional",
        Verdict::Prohibited => "cn-prohibited",
    }
}

fn verdict_icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Allowed => "✓",
        Verdict::Conditional => "!",
        Verdict::Prohibited => "✕",
    }
}

fn basis_list(items: &[BasisItem], s: &Strings, lang: Lang) -> Html {
    let items = items.iter().map(|b| {
        let status = if b.status == "in_force" { s.in_force } else { s.repealed };
        let conf = ceknetral::kb::Confidence::label(b.confidence).get(lang);
        html! {
            <li>
                <details>
                    <summary>
                        <span class="cn-cite">{format!("{} {}", b.instrument, b.provision)}</span>
                        <span class={classes!("cn-status-tag", (b.status != "in_force").then_some("cn-repealed"))}>{status}</span>
                    </summary>
                    <p>{&b.summary}</p>
                    <p class="cn-small">{format!("{}: {conf}", s.confidence)}</p>
                </details>
            </li>
        }
    });
    html! { <ul class="cn-basis">{for items}</ul> }
}

fn outcome_body(o: &OutcomeReport, s: &Strings, lang: Lang) -> Html {
    card_body(
        o.verdict,
        &o.explanation,
        &o.conditions,
        &o.basis,
        &o.sanctions,
        &o.advice,
        o.disputed_reason.as_deref(),
        &o.history,
        s,
        lang,
    )
}

#[allow(clippy::too_many_arguments)]
pub(super) fn card_body(
    verdict: Verdict,
    explanation: &str,
    conditions: &[String],
    basis: &[BasisItem],
    sanctions: &[ceknetral::checker::SanctionItem],
    advice: &str,
    disputed: Option<&str>,
    history: &[BasisItem],
    s: &Strings,
    lang: Lang,
) -> Html {
    let sanctions_html = if sanctions.is_empty() {
        html! { <p>{s.no_sanction}</p> }
    } else {
        let items = sanctions.iter().map(|x| html! { <li>{&x.detail}</li> });
        html! { <ul>{for items}</ul> }
    };
    html! {
        <>
            <p class="cn-explanation">{explanation}</p>
            if !conditions.is_empty() {
                <h3 class="cn-h3">{s.conditions}</h3>
                <ul>{for conditions.iter().map(|c| html! { <li>{c}</li> })}</ul>
            }
            if let Some(reason) = disputed {
                <div class="cn-disputed" role="note">
                    <strong>{s.disputed}{": "}</strong>{reason}
                </div>
            }
            <h3 class="cn-h3">{s.basis}</h3>
            <p class="cn-small cn-noprint">{s.basis_hint}</p>
            {basis_list(basis, s, lang)}
            <h3 class="cn-h3">{s.sanctions}</h3>
            {sanctions_html}
            if !advice.is_empty() {
                <h3 class="cn-h3">{s.advice}</h3>
                <p>{advice}</p>
            }
            if !history.is_empty() {
                <h3 class="cn-h3">{s.history}</h3>
                {basis_list(history, s, lang)}
            }
            <p class="cn-verdict-words cn-small">{verdict.label().get(lang)}</p>
        </>
    }
}

fn result_card(r: &Report, s: &Strings, lang: Lang) -> Html {
    let variants = r.variants.iter().map(|v| {
        let when: Vec<String> = v
            .when
            .iter()
            .filter_map(|(k, val)| {
                let f = kb().fact(kb().fact_id(k)?);
                Some(
                    f.values
                        .iter()
                        .find(|x| x.key == *val)?
                        .label
                        .get(lang)
                        .to_string(),
                )
            })
            .collect();
        html! {
            <section class={classes!("cn-variant", verdict_class(v.report.verdict))}>
                <h3 class="cn-h3">
                    <span class="cn-icon" aria-hidden="true">{verdict_icon(v.report.verdict)}</span>
                    {format!("{}: {}", when.join("; "), v.report.verdict.label().get(lang))}
                </h3>
                {outcome_body(&v.report, s, lang)}
            </section>
        }
    });
    html! {
        <article class={classes!("cn-card", verdict_class(r.verdict))} aria-labelledby="cn-verdict">
            <p class="cn-verdict" id="cn-verdict">
                <span class="cn-icon" aria-hidden="true">{verdict_icon(r.verdict)}</span>
                <span>{r.verdict.label().get(lang)}</span>
            </p>
            if r.variants.is_empty() {
                {card_body(r.verdict, &r.explanation, &r.conditions, &r.basis, &r.sanctions,
                    &r.advice, r.disputed_reason.as_deref(), &r.history, s, lang)}
            } else {
                <p class="cn-explanation">{&r.explanation}</p>
                <p>{s.depends_on}{": "}{missing(&r.missing_facts, lang)}</p>
                {for variants}
            }
            <p class="cn-small">{format!("{}: {}", s.last_reviewed, r.last_reviewed)}</p>
            <p class="cn-disclaimer">{s.disclaimer}</p>
            {super::how_to_report(s, r.report_to)}
        </article>
    }
}

/// The questions of the facts an answer depends on, in words.
fn missing(keys: &[&str], lang: Lang) -> String {
    keys.iter()
        .map(|k| {
            kb().fact_id(k)
                .map(|f| kb().fact(f).question.get(lang))
                .unwrap_or(k)
        })
        .collect::<Vec<_>>()
        .join(" ")
}
