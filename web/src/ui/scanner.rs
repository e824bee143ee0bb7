//! "Cek sebelum posting": an editor whose findings are highlighted in place as one types.
//!
//! The highlights live in a mirror behind a transparent textarea: the same text, font,
//! padding and wrapping, with the findings wrapped in `<mark>`; the mirror follows the
//! textarea's scrolling. No style attributes are written, so a strict CSP needs nothing
//! beyond the widget's own stylesheet.
//!
//! A keystroke does as little as it can before the browser paints the typed character: the
//! mirror takes the edit into the one piece of text it falls in (`mirror.rs`; the other
//! marks stay on their words), and the scan is queued for just after that frame. Then the
//! draft is scanned again (about a millisecond for 2,000 characters on a slow phone), the
//! risk banner and the count follow and the mirror is patched where the highlights changed,
//! never rewritten whole. The list of findings and the `cek-netral:result` event follow when
//! typing pauses (150 ms), so that a long post stays smooth on a slow phone.
//!
//! For tests and for scripts that read the page: `data-settled` on the scanner says whether
//! the list and the event have caught up with the text, and `data-for` on the mirror holds
//! the length (UTF-16 code units, as `textarea.value.length`) of the text its highlights
//! were computed from.

use std::collections::BTreeSet;
use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use ceknetral::checker::{check, Facts, Report};
use ceknetral::kb::{activity_for_category, kb, ActivityId, Lang};
use ceknetral::scanner::{Finding, Risk, ScanResult, Severity};

use super::feedback;
use super::i18n::strings;
use crate::api::to_js;
use crate::state;

/// How long typing must pause before the list of findings and the event follow.
const SETTLE_MS: i32 = 150;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub host: Option<web_sys::Element>,
    /// The user's role, when known: each finding cites the basis for it.
    #[prop_or_default]
    pub role: Option<&'static str>,
    /// Opens the checker at an activity ("Apakah ini boleh untuk saya?"); absent when the
    /// widget shows the scanner alone.
    #[prop_or_default]
    pub on_ask: Option<Callback<ActivityId>>,
    /// Where a false-alarm report may be e-mailed (`mailto:...`, the `report-to` attribute);
    /// without it the report can only be copied.
    #[prop_or_default]
    pub report_to: Option<String>,
}

/// The basis of the checker's answer for `role` and the finding's activity, as
/// "instrument provision" lines (with the fact value a line needs, such as "Sudah
/// ditetapkan sebagai calon ..."), the same answer the checker gives for that role.
fn basis_for_role(role: &str, activity: ActivityId, lang: Lang) -> Option<Vec<String>> {
    let kb = kb();
    let r = kb.role_id(role)?;
    let report = Report::new(&check(r, activity, &Facts::default()), lang);
    let lines = report
        .basis
        .iter()
        .map(|b| {
            let when: Vec<&str> = b
                .when
                .iter()
                .filter_map(|(k, v)| {
                    let f = kb.fact(kb.fact_id(k)?);
                    Some(f.values.iter().find(|x| x.key == *v)?.label.get(lang))
                })
                .collect();
            if when.is_empty() {
                format!("{} {}", b.instrument, b.provision)
            } else {
                format!("{} {} ({})", b.instrument, b.provision, when.join("; "))
            }
        })
        .collect();
    Some(lines)
}

/// A scan result shown in the list, with the text it was made from (for a false-alarm
/// report's context); equal only to itself, so the list redraws only when a new result is
/// handed to it.
#[derive(Clone)]
pub struct Shown(Rc<ScanResult>, Rc<str>);

impl PartialEq for Shown {
    fn eq(&self, other: &Shown) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The ignored findings' keys, shared and compared by pointer.
#[derive(Clone)]
pub struct Ignored(Rc<BTreeSet<String>>);

impl PartialEq for Ignored {
    fn eq(&self, other: &Ignored) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Ignored {
    fn has(&self, f: &Finding) -> bool {
        !self.0.is_empty() && self.0.contains(&feedback::ignore_key(f.rule, &f.text))
    }
}

/// What the mirror is drawn from: the scan result (a new one for every text and pack
/// choice) and the ignored findings, compared by pointer.
struct MirrorDeps(Rc<ScanResult>, Ignored);

impl PartialEq for MirrorDeps {
    fn eq(&self, other: &MirrorDeps) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

/// A suggestion to apply: the finding's bytes, the text they held, the new words.
pub type Apply = (Range<usize>, String, String);

#[derive(Properties, Clone, PartialEq)]
struct ListProps {
    shown: Shown,
    lang: Lang,
    on_apply: Callback<Apply>,
    role: Option<&'static str>,
    on_ask: Option<Callback<ActivityId>>,
    ignored: Ignored,
    on_ignore: Callback<Vec<String>>,
    on_unignore: Callback<Vec<String>>,
    report_to: Option<String>,
}

/// Where the false-alarm report's copy stands.
#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    Done,
    Failed,
}

#[function_component(FindingsList)]
fn findings_list(props: &ListProps) -> Html {
    let s = strings(props.lang);
    // The finding whose false-alarm report is open (its index), and the copy's state.
    let reporting = use_state(|| None::<usize>);
    let copied = use_state(|| Copied::Not);
    let report_area = use_node_ref();
    {
        // The report opens with the focus in its text, for keyboard and screen-reader users.
        let report_area = report_area.clone();
        use_effect_with(*reporting, move |r: &Option<usize>| {
            if r.is_some() {
                if let Some(t) = report_area.cast::<web_sys::HtmlElement>() {
                    let _ = t.focus();
                }
            }
        });
    }
    {
        // A new result closes an open report (its finding may be gone).
        let reporting = reporting.clone();
        use_effect_with(props.shown.clone(), move |_| reporting.set(None));
    }
    // Each finding's ignore key, computed once.
    let keys: Vec<String> = props
        .shown
        .0
        .findings
        .iter()
        .map(|f| feedback::ignore_key(f.rule, &f.text))
        .collect();
    let ignored_here: Vec<String> = keys
        .iter()
        .filter(|k| props.ignored.0.contains(*k))
        .cloned()
        .collect();
    let findings = props
        .shown
        .0
        .findings
        .iter()
        .zip(&keys)
        .enumerate()
        .filter(|(_, (_, key))| !props.ignored.0.contains(*key))
        .map(|(k, (f, key))| {
        let ignore = {
            let on_ignore = props.on_ignore.clone();
            let key = key.clone();
            Callback::from(move |_| on_ignore.emit(vec![key.clone()]))
        };
        let open_report = {
            let reporting = reporting.clone();
            let copied = copied.clone();
            Callback::from(move |_| {
                copied.set(Copied::Not);
                reporting.set(if *reporting == Some(k) { None } else { Some(k) });
            })
        };
        let report = (*reporting == Some(k)).then(|| {
            let body = feedback::report_text(f, &props.shown.1, props.lang);
            let mail = props
                .report_to
                .as_deref()
                .and_then(|a| feedback::mailto(a, props.lang, &body));
            let copy = {
                let copied = copied.clone();
                let area = report_area.clone();
                Callback::from(move |_| {
                    // Copies what the user sees, edits included.
                    let text = area
                        .cast::<web_sys::HtmlTextAreaElement>()
                        .map(|t| t.value())
                        .unwrap_or_default();
                    let copied = copied.clone();
                    super::copy_to_clipboard(text, move |ok| {
                        copied.set(if ok { Copied::Done } else { Copied::Failed })
                    });
                })
            };
            let close = {
                let reporting = reporting.clone();
                Callback::from(move |_| reporting.set(None))
            };
            let title_id = format!("cn-report-title-{k}");
            html! {
                <div class="cn-false-report" role="group" aria-labelledby={title_id.clone()}>
                    <p class="cn-false-report-title" id={title_id}><strong>{s.report_title}</strong></p>
                    <p class="cn-small">{s.report_hint}</p>
                    <textarea class="cn-report-text" rows="7" ref={report_area.clone()}
                        aria-label={s.report_title} value={body} />
                    <p class="cn-actions">
                        <button type="button" class="cn-btn cn-btn-small cn-btn-copy" onclick={copy}>{s.copy}</button>
                        if let Some(href) = mail {
                            <a class="cn-btn cn-btn-small cn-mail" href={href}>{s.send_email}</a>
                        }
                        <button type="button" class="cn-btn cn-btn-small cn-btn-quiet" onclick={close}>{s.close}</button>
                    </p>
                    <p class="cn-status" role="status">{match *copied {
                        Copied::Not => "",
                        Copied::Done => s.report_copied,
                        Copied::Failed => s.copy_failed,
                    }}</p>
                </div>
            }
        });
        let apply = f.suggestion.clone().map(|sug| {
            let on_apply = props.on_apply.clone();
            let item = (f.bytes.clone(), f.text.clone(), sug);
            Callback::from(move |_| on_apply.emit(item.clone()))
        });
        let sev = match f.severity {
            Severity::Violation => ("cn-sev-violation", s.severity_violation),
            Severity::Review => ("cn-sev-review", s.severity_review),
        };
        let activity = activity_for_category(f.category);
        // For a chosen role, the basis the checker cites for that role (a village head sees
        // UU 6/2014, not PP 94/2021); otherwise the rule's own.
        let role_basis = props
            .role
            .zip(activity)
            .and_then(|(r, a)| basis_for_role(r, a, props.lang).map(|b| (r, b)));
        let (basis_title, lines): (String, Vec<String>) = match role_basis {
            Some((r, lines)) if !lines.is_empty() => {
                let label = kb()
                    .role_id(r)
                    .map(|id| kb().role(id).label.get(props.lang))
                    .unwrap_or(r);
                (format!("{} {label}", s.basis_for), lines)
            }
            _ => (
                s.basis.to_string(),
                f.basis
                    .iter()
                    .map(|b| format!("{} {}", b.instrument, b.provision))
                    .collect(),
            ),
        };
        let basis = lines.into_iter().map(|l| html! { <li>{l}</li> });
        let ask = props.on_ask.clone().zip(activity).map(|(on_ask, a)| {
            Callback::from(move |_| on_ask.emit(a))
        });
        html! {
            <li class={classes!("cn-finding", sev.0)} key={format!("{k}-{}", f.start)}>
                <p class="cn-finding-head">
                    <span class="cn-sev">{sev.1}</span>
                    <q class="cn-quote">{&f.text}</q>
                </p>
                <p>{f.message}</p>
                <details class="cn-finding-basis">
                    <summary>{basis_title}</summary>
                    <ul>{for basis}</ul>
                </details>
                if let Some(ask) = ask {
                    <p class="cn-ask">
                        <button type="button" class="cn-btn cn-btn-small cn-btn-ask" onclick={ask}>{s.ask_for_me}</button>
                    </p>
                }
                if let (Some(sug), Some(apply)) = (&f.suggestion, apply) {
                    <p class="cn-suggestion">
                        <span>{s.suggestion}{": "}</span><q>{sug}</q>
                        <button type="button" class="cn-btn cn-btn-small" onclick={apply}>{s.apply}</button>
                    </p>
                }
                <p class="cn-feedback">
                    <button type="button" class="cn-btn cn-btn-small cn-btn-quiet cn-btn-ignore" onclick={ignore}
                        aria-label={format!("{}: {}", s.ignore, f.text)}>{s.ignore}</button>
                    <button type="button" class="cn-btn cn-btn-small cn-btn-quiet cn-btn-report"
                        aria-expanded={(*reporting == Some(k)).to_string()} onclick={open_report}>{s.report_false}</button>
                </p>
                {report.unwrap_or_default()}
            </li>
        }
    });
    if props.shown.0.findings.is_empty() {
        return html! {};
    }
    let show_again = (!ignored_here.is_empty()).then(|| {
        let on_unignore = props.on_unignore.clone();
        let keys = ignored_here.clone();
        let onclick = Callback::from(move |_| on_unignore.emit(keys.clone()));
        html! {
            <p class="cn-ignored cn-small">
                {format!("{} {}, ", ignored_here.len(), s.ignored_n)}
                <button type="button" class="cn-btn cn-btn-small cn-btn-quiet cn-btn-show" {onclick}>{s.show_again}</button>
            </p>
        }
    });
    let any_visible = ignored_here.len() < props.shown.0.findings.len();
    html! {
        <>
            if any_visible {
                <h2 class="cn-h">{s.findings}</h2>
                <ol class="cn-findings">{for findings}</ol>
            }
            {show_again.unwrap_or_default()}
        </>
    }
}

/// In the event's result: `ignored: true` on each finding the user ignored, and `risk` as
/// the banner shows it (counting only the findings not ignored).
fn mark_ignored(js: &JsValue, result: &ScanResult, ignored: &Ignored) {
    if ignored.0.is_empty() {
        return;
    }
    let Ok(list) = js_sys::Reflect::get(js, &"findings".into()) else {
        return;
    };
    let list = js_sys::Array::from(&list);
    for (i, f) in result.findings.iter().enumerate() {
        if ignored.has(f) {
            let _ = js_sys::Reflect::set(&list.get(i as u32), &"ignored".into(), &JsValue::TRUE);
        }
    }
    let risk = Risk::of(result.findings.iter().filter(|f| !ignored.has(f)));
    let _ = js_sys::Reflect::set(js, &"risk".into(), &risk.as_str().into());
}

#[function_component(Scanner)]
pub fn scanner(props: &Props) -> Html {
    let text = use_state(String::new);
    // The text as last typed, for callbacks that outlive a render.
    let latest = use_mut_ref(String::new);
    // Bumped when the pack choice changes, so the scan is redone.
    let packs_version = use_state(|| 0u32);
    let applied = use_state(|| false);
    let shown = use_state(|| {
        Shown(
            Rc::new(ScanResult {
                risk: Risk::Safe,
                findings: Vec::new(),
            }),
            Rc::from(""),
        )
    });
    // The wordings the user chose to ignore, in this browser (`localStorage`).
    let ignored = use_state(|| Ignored(Rc::new(feedback::load())));
    let timer = use_mut_ref(|| None::<(i32, Closure<dyn FnMut()>)>);
    let editor = use_node_ref();
    let mirror = use_node_ref();
    let root = use_node_ref();
    // The mirror's pieces as on screen, patched by hand.
    let on_screen = use_mut_ref(super::mirror::Mirror::default);
    // A scan is queued for after the next frame.
    let queued = use_mut_ref(|| false);
    let s = strings(props.lang);
    let lang = props.lang;

    let result: Rc<ScanResult> = {
        let t = (*text).clone();
        use_memo((t, lang, *packs_version), |(t, lang, _)| {
            state::scanner().scan(t, *lang)
        })
    };

    {
        // When typing pauses after any edit (typed, deleted, a suggestion applied, a pack
        // switched, the language changed): the list of findings and the result event, so
        // that the last event a host received always describes the text now in the editor,
        // even when the result equals the previous one. An emptied editor sends
        // `{ tool: "scanner", result: { risk: "safe", findings: [] }, empty: true }`.
        let host = props.host.clone();
        let result = result.clone();
        let shown = shown.clone();
        let timer = timer.clone();
        let mounted = use_mut_ref(|| false);
        let ignored_now = (*ignored).clone();
        use_effect_with(
            ((*text).clone(), lang, *packs_version, (*ignored).clone()),
            move |(t, _, _, _)| {
                let Some(window) = web_sys::window() else {
                    return;
                };
                if let Some((id, _)) = timer.borrow_mut().take() {
                    window.clear_timeout_with_handle(id);
                }
                // Nothing to announce when the widget first appears with an empty editor.
                let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
                let empty = t.trim().is_empty();
                let announce = !(first && empty);
                let post: Rc<str> = Rc::from(t.as_str());
                let done = Closure::<dyn FnMut()>::new(move || {
                    shown.set(Shown(result.clone(), post.clone()));
                    if announce {
                        if let Ok(js) = to_js(&*result) {
                            mark_ignored(&js, &result, &ignored_now);
                            super::announce_with(&host, "scanner", js, empty);
                        }
                    }
                });
                if let Ok(id) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    done.as_ref().unchecked_ref(),
                    SETTLE_MS,
                ) {
                    *timer.borrow_mut() = Some((id, done));
                }
            },
        );
    }
    {
        // A pending timer must not fire into an unmounted widget.
        let timer = timer.clone();
        use_effect_with((), move |_| {
            move || {
                if let (Some(w), Some((id, _))) = (web_sys::window(), timer.borrow_mut().take()) {
                    w.clear_timeout_with_handle(id);
                }
            }
        });
    }

    let oninput = {
        let text = text.clone();
        let latest = latest.clone();
        let applied = applied.clone();
        let mirror = mirror.clone();
        let root = root.clone();
        let on_screen = on_screen.clone();
        let queued = queued.clone();
        Callback::from(move |e: InputEvent| {
            let Some(ta) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            else {
                return;
            };
            if *applied {
                applied.set(false);
            }
            let v = ta.value();
            // Before the frame: the mirror takes the edit, the marks stay on their words.
            if let Some(el) = mirror.cast::<web_sys::Element>() {
                on_screen.borrow_mut().follow(&el, &latest.borrow(), &v);
            }
            if let Some(r) = root.cast::<web_sys::Element>() {
                let _ = r.set_attribute("data-settled", "false");
            }
            *latest.borrow_mut() = v;
            // After the frame: the scan, the banner and the highlights.
            if !std::mem::replace(&mut *queued.borrow_mut(), true) {
                let text = text.clone();
                let latest = latest.clone();
                let queued = queued.clone();
                super::after_next_frame(move || {
                    *queued.borrow_mut() = false;
                    text.set(latest.borrow().clone());
                });
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
    let on_apply = {
        let text = text.clone();
        let latest = latest.clone();
        let applied = applied.clone();
        let editor = editor.clone();
        use_callback((), move |(range, was, sug): Apply, _| {
            let t: String = latest.borrow().clone();
            // The list may lag the text by a moment: apply only where the words still are.
            if t.get(range.clone()) != Some(was.as_str()) {
                return;
            }
            let mut next = String::with_capacity(t.len() + sug.len());
            next.push_str(&t[..range.start]);
            next.push_str(&sug);
            next.push_str(&t[range.end..]);
            if let Some(ta) = editor.cast::<web_sys::HtmlTextAreaElement>() {
                ta.set_value(&next);
                let _ = ta.focus();
            }
            latest.borrow_mut().clone_from(&next);
            text.set(next);
            applied.set(true);
        })
    };

    // Stable callbacks (a new one each keystroke would redraw the whole list of findings
    // with every key).
    let on_ignore = {
        let ignored = ignored.clone();
        use_callback(
            (*ignored).clone(),
            move |keys: Vec<String>, current: &Ignored| {
                let mut set: BTreeSet<String> = (*current.0).clone();
                set.extend(keys);
                feedback::save(&set);
                ignored.set(Ignored(Rc::new(set)));
            },
        )
    };
    let on_unignore = {
        let ignored = ignored.clone();
        use_callback(
            (*ignored).clone(),
            move |keys: Vec<String>, current: &Ignored| {
                let mut set: BTreeSet<String> = (*current.0).clone();
                for k in &keys {
                    set.remove(k);
                }
                feedback::save(&set);
                ignored.set(Ignored(Rc::new(set)));
            },
        )
    };
    // What the banner and the highlights count: the findings not ignored.
    let visible: Vec<&Finding> = result.findings.iter().filter(|f| !ignored.has(f)).collect();
    let visible_risk = Risk::of(visible.iter().copied());
    {
        // The highlights of the scanned text, patched where they changed (yew leaves the
        // mirror's children alone). Skipped while a newer keystroke's scan is queued: the
        // mirror already holds that text.
        let mirror = mirror.clone();
        let on_screen = on_screen.clone();
        let latest = latest.clone();
        let pieces = super::mirror::pieces(&text, &visible);
        let scanned = (*text).clone();
        use_effect_with(MirrorDeps(result.clone(), (*ignored).clone()), move |_| {
            if *latest.borrow() != scanned {
                return;
            }
            if let Some(el) = mirror.cast::<web_sys::Element>() {
                on_screen.borrow_mut().update(&el, pieces);
                let units = scanned.encode_utf16().count();
                let _ = el.set_attribute("data-for", &units.to_string());
            }
        });
    }

    let empty = text.trim().is_empty();
    let (risk_class, risk_title, risk_detail, icon) = if empty {
        ("cn-risk-empty", "", s.risk_empty, "")
    } else {
        match visible_risk {
            Risk::Safe => ("cn-risk-safe", s.risk_safe, s.risk_safe_detail, "✓"),
            Risk::Review => ("cn-risk-review", s.risk_review, s.risk_review_detail, "!"),
            Risk::Violation => (
                "cn-risk-violation",
                s.risk_violation,
                s.risk_violation_detail,
                "✕",
            ),
        }
    };

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
    // Where to report, for the role when the widget knows it.
    let report_text: String = props
        .role
        .and_then(|r| kb().role_id(r))
        .map(|id| kb().role(id).report.get(lang).to_string())
        .unwrap_or_else(|| s.report_generic.to_string());
    // The list has caught up with the text (for tests and for scripts that read the page).
    let settled = *latest.borrow() == *text
        && (Rc::ptr_eq(&shown.0, &result)
            || (result.findings.is_empty() && shown.0.findings.is_empty()));
    {
        // Written by hand after every render, as the keystroke handler writes "false" before
        // yew knows of the keystroke.
        let root = root.clone();
        use_effect(move || {
            if let Some(r) = root.cast::<web_sys::Element>() {
                let _ = r.set_attribute("data-settled", if settled { "true" } else { "false" });
            }
        });
    }
    html! {
        <div class="cn-scanner" ref={root}>
            <p class="cn-intro">{s.scanner_intro}</p>
            <label class="cn-label" for="cn-editor">{s.editor_label}</label>
            <div class="cn-editor-wrap">
                <div class="cn-mirror" aria-hidden="true" ref={mirror} dir="auto"></div>
                <textarea id="cn-editor" class="cn-editor" ref={editor} dir="auto" rows="6"
                    placeholder={s.placeholder} spellcheck="false"
                    aria-describedby="cn-risk cn-count" {oninput} {onscroll} />
            </div>
            <p class="cn-count" id="cn-count">{format!("{count} {}", s.characters)}</p>
            <div class={classes!("cn-risk", risk_class)} id="cn-risk" role="status" aria-live="polite">
                <span class="cn-icon" aria-hidden="true">{icon}</span>
                <span><strong>{risk_title}</strong>{" "}{risk_detail}</span>
            </div>
            <p class="cn-status" role="status">{if *applied { s.applied } else { "" }}</p>
            if !empty && visible_risk == Risk::Violation {
                {super::how_to_report(s, &report_text)}
            }
            <FindingsList shown={(*shown).clone()} {lang} {on_apply} role={props.role} on_ask={props.on_ask.clone()}
                ignored={(*ignored).clone()} {on_ignore} {on_unignore} report_to={props.report_to.clone()} />
            <details class="cn-packs">
                <summary>{s.packs}</summary>
                <ul>{for pack_list}</ul>
            </details>
            <p class="cn-small">{s.privacy}</p>
        </div>
    }
}
