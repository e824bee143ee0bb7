//! "Cek sebelum posting": an editor whose findings are highlighted in place as one types.
//!
//! The highlights live in a mirror behind a transparent textarea: the same text, font,
//! padding and wrapping, with the findings wrapped in `<mark>`; the mirror follows the
//! textarea's scrolling. No style attributes are written, so a strict CSP needs nothing
//! beyond the widget's own stylesheet.

use std::ops::Range;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use ceknetral::kb::Lang;
use ceknetral::scanner::{Finding, Risk, ScanResult, Severity};

use super::i18n::strings;
use crate::api::to_js;
use crate::state;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub host: Option<web_sys::Element>,
}

/// The text cut at every finding's edges, each piece with the highest severity over it.
fn segments(text: &str, findings: &[Finding]) -> Vec<(Range<usize>, Option<Severity>)> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for f in findings {
        if f.bytes.start <= f.bytes.end && f.bytes.end <= text.len() {
            cuts.push(f.bytes.start);
            cuts.push(f.bytes.end);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1] && text.is_char_boundary(w[0]) && text.is_char_boundary(w[1]))
        .map(|w| {
            let sev = findings
                .iter()
                .filter(|f| f.bytes.start <= w[0] && w[1] <= f.bytes.end)
                .map(|f| f.severity)
                .max();
            (w[0]..w[1], sev)
        })
        .collect()
}

#[function_component(Scanner)]
pub fn scanner(props: &Props) -> Html {
    let text = use_state(String::new);
    // Bumped when the pack choice changes, so the scan is redone.
    let packs_version = use_state(|| 0u32);
    let applied = use_state(|| false);
    let editor = use_node_ref();
    let mirror = use_node_ref();
    let s = strings(props.lang);
    let lang = props.lang;

    let result: std::rc::Rc<ScanResult> = {
        let t = (*text).clone();
        use_memo((t, lang, *packs_version), |(t, lang, _)| {
            state::scanner().scan(t, *lang)
        })
    };

    {
        let host = props.host.clone();
        let result = result.clone();
        use_effect_with((*text).clone(), move |t: &String| {
            if !t.is_empty() {
                if let Ok(js) = to_js(&*result) {
                    super::announce(&host, "scanner", js);
                }
            }
        });
    }

    let oninput = {
        let text = text.clone();
        let applied = applied.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(ta) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                applied.set(false);
                text.set(ta.value());
            }
        })
    };
    let onscroll = {
        let editor = editor.clone();
        let mirror = mirror.clone();
        Callback::from(move |_: Event| {
            if let (Some(ta), Some(m)) = (
                editor.cast::<web_sys::HtmlTextAreaElement>(),
                mirror.cast::<web_sys::Element>(),
            ) {
                m.set_scroll_top(ta.scroll_top());
                m.set_scroll_left(ta.scroll_left());
            }
        })
    };

    let marks = segments(&text, &result.findings)
        .into_iter()
        .map(|(r, sev)| {
            let piece = text.get(r).unwrap_or("").to_string();
            match sev {
                Some(Severity::Violation) => {
                    html! { <mark class="cn-mark cn-mark-violation">{piece}</mark> }
                }
                Some(Severity::Review) => {
                    html! { <mark class="cn-mark cn-mark-review">{piece}</mark> }
                }
                None => html! { {piece} },
            }
        });

    let (risk_class, risk_title, risk_detail) = if text.trim().is_empty() {
        ("cn-risk-empty", "", s.risk_empty)
    } else {
        match result.risk {
            Risk::Safe => ("cn-risk-safe", s.risk_safe, s.risk_safe_detail),
            Risk::Review => ("cn-risk-review", s.risk_review, s.risk_review_detail),
            Risk::Violation => (
                "cn-risk-violation",
                s.risk_violation,
                s.risk_violation_detail,
            ),
        }
    };
    let icon = match result.risk {
        _ if text.trim().is_empty() => "",
        Risk::Safe => "✓",
        Risk::Review => "!",
        Risk::Violation => "✕",
    };

    let findings: Vec<Html> = result.findings.iter().enumerate().map(|(k, f)| {
        let apply = f.suggestion.clone().map(|sug| {
            let text = text.clone();
            let applied = applied.clone();
            let editor = editor.clone();
            let range = f.bytes.clone();
            Callback::from(move |_| {
                let t = (*text).clone();
                if range.end <= t.len() && t.is_char_boundary(range.start) && t.is_char_boundary(range.end) {
                    let mut next = String::with_capacity(t.len() + sug.len());
                    next.push_str(&t[..range.start]);
                    next.push_str(&sug);
                    next.push_str(&t[range.end..]);
                    if let Some(ta) = editor.cast::<web_sys::HtmlTextAreaElement>() {
                        ta.set_value(&next);
                        let _ = ta.focus();
                    }
                    text.set(next);
                    applied.set(true);
                }
            })
        });
        let sev = match f.severity {
            Severity::Violation => ("cn-sev-violation", s.severity_violation),
            Severity::Review => ("cn-sev-review", s.severity_review),
        };
        let basis = f.basis.iter().map(|b| html! { <li>{format!("{} {}", b.instrument, b.provision)}</li> });
        html! {
            <li class={classes!("cn-finding", sev.0)} key={format!("{k}-{}", f.start)}>
                <p class="cn-finding-head">
                    <span class="cn-sev">{sev.1}</span>
                    <q class="cn-quote">{&f.text}</q>
                </p>
                <p>{f.message}</p>
                <details class="cn-finding-basis">
                    <summary>{s.basis}</summary>
                    <ul>{for basis}</ul>
                </details>
                if let (Some(sug), Some(apply)) = (&f.suggestion, apply) {
                    <p class="cn-suggestion">
                        <span>{s.suggestion}{": "}</span><q>{sug}</q>
                        <button type="button" class="cn-btn cn-btn-small" onclick={apply}>{s.apply}</button>
                    </p>
                }
            </li>
        }
    }).collect();

    let pack_list = state::list().into_iter().map(|(id, title, on)| {
        let onchange = {
            let packs_version = packs_version.clone();
            let id = id.clone();
            Callback::from(move |e: Event| {
                let checked = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|i| i.checked());
                state::set_enabled(&id, checked);
                packs_version.set(packs_version.wrapping_add(1));
            })
        };
        html! {
            <li><label><input type="checkbox" checked={on} {onchange} />{" "}{title}</label></li>
        }
    });

    let count = text.chars().count();
    html! {
        <div class="cn-scanner">
            <p class="cn-intro">{s.scanner_intro}</p>
            <label class="cn-label" for="cn-editor">{s.editor_label}</label>
            <div class="cn-editor-wrap">
                <div class="cn-mirror" aria-hidden="true" ref={mirror} dir="auto">{for marks}{"\u{200b}"}</div>
                <textarea id="cn-editor" class="cn-editor" ref={editor} dir="auto" rows="6"
                    placeholder={s.placeholder} spellcheck="false"
                    aria-describedby="cn-risk cn-count" {oninput} {onscroll}
                    value={(*text).clone()} />
            </div>
            <p class="cn-count" id="cn-count">{format!("{count} {}", s.characters)}</p>
            <div class={classes!("cn-risk", risk_class)} id="cn-risk" role="status" aria-live="polite">
                <span class="cn-icon" aria-hidden="true">{icon}</span>
                <span><strong>{risk_title}</strong>{" "}{risk_detail}</span>
            </div>
            <p class="cn-status" role="status">{if *applied { s.applied } else { "" }}</p>
            if !result.findings.is_empty() {
                <h2 class="cn-h">{s.findings}</h2>
                <ol class="cn-findings">{for findings}</ol>
            }
            <details class="cn-packs">
                <summary>{s.packs}</summary>
                <ul>{for pack_list}</ul>
            </details>
            <p class="cn-small">{s.privacy}</p>
        </div>
    }
}
