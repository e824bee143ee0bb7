//! The widget: both tools in one yew app, mounted into an element (the `<cek-netral>`
//! element's shadow root, or any element a single-page app gives to `mount`).

mod askbox;
mod checker;
mod feedback;
mod i18n;
mod mirror;
mod quiz;
mod scanner;

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use ceknetral::kb::Lang;

use crate::api::{error, type_error};

/// Which tools the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Checker,
    Scanner,
    Both,
    /// The training quiz alone ("Latihan").
    Quiz,
    /// The three tools in tabs.
    All,
}

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub mode: Mode,
    pub lang: Lang,
    /// The element results are announced on (`cek-netral:result` events).
    pub host: Option<web_sys::Element>,
    /// Keep the checker's state in the page's URL fragment (`#cek=...`).
    pub url_state: bool,
    /// The user's role when the host knows it (`role="kepala_desa"`), a key of the roles.
    pub role: Option<&'static str>,
    /// Where false-alarm reports may be e-mailed (`report-to="mailto:..."`).
    pub report_to: Option<String>,
    /// The quiz starts in presenter mode (`presenter` attribute).
    #[prop_or_default]
    pub presenter: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Checker,
    Scanner,
    Quiz,
}

#[function_component(App)]
fn app(props: &AppProps) -> Html {
    let lang = use_state(|| props.lang);
    let tab = use_state(|| match props.mode {
        Mode::Scanner => Tab::Scanner,
        Mode::Quiz => Tab::Quiz,
        // A shared quiz link opens the training tab.
        Mode::All if props.url_state && quiz::from_url().is_some() => Tab::Quiz,
        _ => Tab::Checker,
    });
    // The role the user chose in the checker (or the host gave): the scanner cites the basis
    // for it, and a finding opens the checker with it.
    let role = use_state(|| props.role);
    // A request to open the checker at an activity, numbered so that the same one twice
    // is seen twice.
    let start = use_state(|| None::<(u32, ceknetral::checker::State)>);
    let on_role = {
        let role = role.clone();
        Callback::from(move |r: &'static str| {
            if *role != Some(r) {
                role.set(Some(r));
            }
        })
    };
    let on_ask = matches!(props.mode, Mode::Both | Mode::All).then(|| {
        let tab = tab.clone();
        let start = start.clone();
        let role = role.clone();
        Callback::from(move |activity: ceknetral::kb::ActivityId| {
            let st = ceknetral::checker::State::for_activity(*role, activity);
            let n = start.as_ref().map_or(1, |(n, _)| n.wrapping_add(1));
            start.set(Some((n, st)));
            tab.set(Tab::Checker);
        })
    });
    let s = i18n::strings(*lang);
    let switch = {
        let lang = lang.clone();
        Callback::from(move |_| {
            lang.set(match *lang {
                Lang::Id => Lang::En,
                Lang::En => Lang::Id,
            })
        })
    };
    let shown: &'static [Tab] = match props.mode {
        Mode::Both => &[Tab::Checker, Tab::Scanner],
        Mode::All => &[Tab::Checker, Tab::Scanner, Tab::Quiz],
        _ => &[],
    };
    let tab_id = |t: Tab| match t {
        Tab::Checker => "cn-tab-checker",
        Tab::Scanner => "cn-tab-scanner",
        Tab::Quiz => "cn-tab-quiz",
    };
    let q = i18n::quiz_strings(*lang);
    let tabs = if !shown.is_empty() {
        let button = |t: Tab, label: &'static str, id: &'static str| {
            let on = *tab == t;
            let onclick = {
                let tab = tab.clone();
                Callback::from(move |_| tab.set(t))
            };
            // Arrow keys move between the two tabs, as a tab list should.
            let onkeydown = {
                let tab = tab.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if matches!(
                        e.key().as_str(),
                        "ArrowLeft" | "ArrowRight" | "Home" | "End"
                    ) {
                        e.prevent_default();
                        let n = shown.len();
                        let here = shown.iter().position(|x| *x == t).unwrap_or(0);
                        let next = match e.key().as_str() {
                            "Home" => shown[0],
                            "End" => shown[n - 1],
                            "ArrowLeft" => shown[(here + n - 1) % n],
                            _ => shown[(here + 1) % n],
                        };
                        tab.set(next);
                        // The focus follows the selection, as in a tab list.
                        let id = format!("#{}", tab_id(next));
                        let target = e
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .and_then(|el| el.parent_element())
                            .and_then(|list| list.query_selector(&id).ok().flatten())
                            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                        if let Some(b) = target {
                            let _ = b.focus();
                        }
                    }
                })
            };
            html! {
                <button type="button" role="tab" id={id} class={classes!("cn-tab", on.then_some("cn-tab-on"))}
                    aria-selected={on.to_string()} tabindex={if on { "0" } else { "-1" }}
                    {onclick} {onkeydown}>{label}</button>
            }
        };
        let label = |t: Tab| match t {
            Tab::Checker => s.tab_checker,
            Tab::Scanner => s.tab_scanner,
            Tab::Quiz => q.tab,
        };
        html! {
            <div class="cn-tabs" role="tablist" aria-label={s.tabs_label}>
                {for shown.iter().map(|t| button(*t, label(*t), tab_id(*t)))}
            </div>
        }
    } else {
        html! {}
    };
    let body = match *tab {
        Tab::Checker => html! {
            <checker::Checker lang={*lang} host={props.host.clone()} url_state={props.url_state}
                start={(*start).clone()} {on_role} role={*role} />
        },
        Tab::Scanner => html! {
            <scanner::Scanner lang={*lang} host={props.host.clone()} role={*role} {on_ask}
                report_to={props.report_to.clone()} />
        },
        Tab::Quiz => html! {
            <quiz::QuizView lang={*lang} url_state={props.url_state} presenter={props.presenter} />
        },
    };
    let labelled = (!shown.is_empty()).then(|| tab_id(*tab));
    html! {
        <section class="cn-root" lang={s.lang_code} aria-label={match props.mode {
            Mode::Both | Mode::All => s.widget_label.to_string(),
            Mode::Checker => format!("{}: {}", s.widget_label, s.tab_checker),
            Mode::Scanner => format!("{}: {}", s.widget_label, s.tab_scanner),
            Mode::Quiz => format!("{}: {}", s.widget_label, q.tab),
        }}>
            <div class="cn-bar">
                {tabs}
                <button type="button" class="cn-lang" onclick={switch} aria-label={s.switch_lang_label}
                    lang={if *lang == Lang::Id { "en" } else { "id" }}>
                    <span class="cn-lang-long">{s.switch_lang}</span>
                    <span class="cn-lang-short" aria-hidden="true">{s.switch_lang_short}</span>
                </button>
            </div>
            <div class="cn-panel" role={labelled.map(|_| "tabpanel")} aria-labelledby={labelled}>
                {body}
            </div>
        </section>
    }
}

/// Writes `text` to the clipboard, then tells `done` whether it worked: false where there is
/// no clipboard (outside secure pages, such as a portal on plain http://) or the browser
/// refuses.
pub(crate) fn copy_to_clipboard(text: String, done: impl FnOnce(bool) + 'static) {
    let clipboard = web_sys::window().and_then(|w| {
        js_sys::Reflect::get(&w.navigator(), &"clipboard".into())
            .ok()
            .filter(|c| !c.is_undefined() && !c.is_null())
    });
    let Some(clipboard) = clipboard else {
        done(false);
        return;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Runs `f` in a task after the next frame is painted (`requestAnimationFrame`, then a
/// zero-delay timer), so that work queued by a keystroke does not hold up the frame that shows
/// the typed character. Without a window, `f` runs now.
/// Where the browser refuses the frame or the timer, `f` runs at once rather than never.
pub(crate) fn after_next_frame<F: FnOnce() + 'static>(f: F) {
    // Shared so that whichever step fails can still run it.
    let f = std::rc::Rc::new(RefCell::new(Some(f)));
    let run = |f: &RefCell<Option<F>>| {
        if let Some(f) = f.borrow_mut().take() {
            f();
        }
    };
    let Some(window) = web_sys::window() else {
        run(&f);
        return;
    };
    let in_frame = f.clone();
    let frame = Closure::once_into_js(move || {
        let in_task = in_frame.clone();
        let task = Closure::once_into_js(move || run(&in_task));
        let timer = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0)
        });
        if !matches!(timer, Some(Ok(_))) {
            run(&in_frame);
        }
    });
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        run(&f);
    }
}

/// "Cara melapor": where someone in the role asks and where a breach is reported (the
/// knowledge base's text for the role, or a general one), with the link to Bawaslu's
/// reporting site. A link the user follows; the widget itself fetches nothing.
pub(crate) fn how_to_report(s: &i18n::Strings, text: &str) -> Html {
    html! {
        <details class="cn-report">
            <summary>{s.how_to_report}</summary>
            <p>{text.to_string()}</p>
            <p><a href="https://sigaplapor.bawaslu.go.id" target="_blank" rel="noopener noreferrer">{s.report_link}</a></p>
        </details>
    }
}

/// Announces a result on the host element: a `cek-netral:result` event (bubbling, crossing
/// the shadow root) with `detail` = `{ tool, result }`.
pub(crate) fn announce(host: &Option<web_sys::Element>, tool: &str, result: JsValue) {
    announce_with(host, tool, result, false);
}

/// [`announce`], with `empty: true` in the detail when the scanner's editor is empty.
pub(crate) fn announce_with(
    host: &Option<web_sys::Element>,
    tool: &str,
    result: JsValue,
    empty: bool,
) {
    let Some(host) = host else {
        return;
    };
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"tool".into(), &tool.into());
    let _ = js_sys::Reflect::set(&detail, &"result".into(), &result);
    if empty {
        let _ = js_sys::Reflect::set(&detail, &"empty".into(), &JsValue::TRUE);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("cek-netral:result", &init) {
        let _ = host.dispatch_event(&ev);
    }
}

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, yew::AppHandle<App>>> = RefCell::new(HashMap::new());
    static NEXT: RefCell<u32> = const { RefCell::new(1) };
}

fn option_str(options: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let v = js_sys::Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| type_error(&format!("ceknetral.mount: options.{key} must be a string")))
}

/// Renders the widget into `element`: `mount(element, { mode, lang, host, urlState, role })`.
/// Returns a handle for [`unmount`].
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<u32, JsValue> {
    let element: web_sys::Element = element.dyn_into().map_err(|_| {
        type_error("ceknetral.mount: the first argument must be a DOM element (or a shadow root's container)")
    })?;
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(type_error(
            "ceknetral.mount: options must be an object such as { mode: \"both\", lang: \"id\" }",
        ));
    }
    let mode = match option_str(&options, "mode")?.as_deref() {
        None | Some("both") => Mode::Both,
        Some("checker") => Mode::Checker,
        Some("scanner") => Mode::Scanner,
        Some("quiz") => Mode::Quiz,
        Some("all") => Mode::All,
        Some(other) => {
            return Err(error(&format!(
            "ceknetral.mount: unknown mode \"{other}\"; use \"checker\", \"scanner\", \"both\", \"quiz\" or \"all\""
        )))
        }
    };
    let lang = match option_str(&options, "lang")?.as_deref() {
        None => Lang::Id,
        Some(l) => Lang::parse(l).ok_or_else(|| {
            error(&format!(
                "ceknetral.mount: unknown language \"{l}\"; use \"id\" or \"en\""
            ))
        })?,
    };
    let host = if options.is_object() {
        js_sys::Reflect::get(&options, &"host".into())
            .ok()
            .and_then(|h| h.dyn_into::<web_sys::Element>().ok())
    } else {
        None
    };
    let url_state = options.is_object()
        && js_sys::Reflect::get(&options, &"urlState".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
    let role = match option_str(&options, "role")?.as_deref() {
        None | Some("") => None,
        Some(r) => {
            let kb = ceknetral::kb::kb();
            match kb.role_id(r) {
                Some(id) => Some(kb.role(id).key),
                None => {
                    let valid: Vec<&str> = kb.roles.iter().map(|r| r.key).collect();
                    return Err(error(&format!(
                        "ceknetral.mount: unknown role \"{r}\"; use one of {}",
                        valid.join(", ")
                    )));
                }
            }
        }
    };
    let report_to = match option_str(&options, "reportTo")? {
        None => None,
        Some(r) if r.is_empty() => None,
        Some(r) if r.starts_with("mailto:") && r.len() > 7 && !r.contains(['\n', '\r']) => Some(r),
        Some(r) => {
            return Err(error(&format!(
                "ceknetral.mount: reportTo must be a mailto: address such as \"mailto:netralitas@example.go.id\", not \"{}\"",
                r.chars().take(80).collect::<String>()
            )))
        }
    };
    let presenter = options.is_object()
        && js_sys::Reflect::get(&options, &"presenter".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
    let props = AppProps {
        mode,
        lang,
        host,
        url_state,
        role,
        report_to,
        presenter,
    };
    let handle = yew::Renderer::<App>::with_root_and_props(element, props).render();
    let id = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        let id = *n;
        *n = n.wrapping_add(1);
        id
    });
    MOUNTED.with(|m| m.borrow_mut().insert(id, handle));
    Ok(id)
}

/// Removes a widget rendered by [`mount`]; false if the handle is unknown.
#[wasm_bindgen]
pub fn unmount(handle: JsValue) -> Result<bool, JsValue> {
    let id = handle
        .as_f64()
        .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v <= f64::from(u32::MAX))
        .ok_or_else(|| type_error("ceknetral.unmount: give the number that mount() returned"))?
        as u32;
    match MOUNTED.with(|m| m.borrow_mut().remove(&id)) {
        Some(h) => {
            h.destroy();
            Ok(true)
        }
        None => Ok(false),
    }
}
