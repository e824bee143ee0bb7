//! "Atau tulis pertanyaan Anda": the checker's question box. As the user types, up to three
//! interpretations of the question (`ceknetral::checker::ask`) are offered as a list
//! (the WAI-ARIA combobox pattern: arrows move, Enter picks, Escape closes), then "Bukan
//! ini: pilih sendiri". Picking one starts the checker at that role, activity and the facts
//! the question stated; a question the knowledge base does not cover says so and lists the
//! groups, never a guess.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use ceknetral::checker::ask::{ask, Interpretation};
use ceknetral::checker::State;
use ceknetral::kb::{kb, Lang};

use super::i18n::strings;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The checker's state for the interpretation the user picked.
    pub on_pick: Callback<State>,
}

fn state_for(i: &Interpretation) -> State {
    State::for_question(i.role.map(|r| kb().role(r).key), i.activity, &i.facts)
}

#[function_component(AskBox)]
pub fn ask_box(props: &Props) -> Html {
    let s = strings(props.lang);
    let text = use_state(String::new);
    let active = use_state(|| None::<usize>);
    let open = use_state(|| true);
    let input = use_node_ref();
    // Read once per text: a question of a few letters is not read yet.
    let reading = use_memo((*text).clone(), |t| {
        (t.trim().chars().count() >= 4).then(|| ask(t).interpretations)
    });
    let found: Vec<Interpretation> = (*reading).clone().unwrap_or_default();
    let asked = reading.is_some();
    // The options: the interpretations, then "pick it yourself".
    let n = if found.is_empty() { 0 } else { found.len() + 1 };
    let pick = {
        let (text, on_pick, found, input, open) = (
            text.clone(),
            props.on_pick.clone(),
            found.clone(),
            input.clone(),
            open.clone(),
        );
        Callback::from(move |k: usize| match found.get(k) {
            Some(i) => {
                open.set(false);
                on_pick.emit(state_for(i));
            }
            None => {
                // "Bukan ini": back to the questions, the box emptied.
                text.set(String::new());
                if let Some(el) = input.cast::<web_sys::HtmlElement>() {
                    let _ = el.blur();
                }
            }
        })
    };
    let oninput = {
        let (text, active, open) = (text.clone(), active.clone(), open.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                text.set(i.value());
                active.set(None);
                open.set(true);
            }
        })
    };
    let onkeydown = {
        let (active, open, pick) = (active.clone(), open.clone(), pick.clone());
        Callback::from(move |e: KeyboardEvent| {
            if n == 0 {
                return;
            }
            match e.key().as_str() {
                "ArrowDown" => {
                    e.prevent_default();
                    open.set(true);
                    active.set(Some(active.map_or(0, |a| (a + 1) % n)));
                }
                "ArrowUp" => {
                    e.prevent_default();
                    open.set(true);
                    active.set(Some(active.map_or(n - 1, |a| (a + n - 1) % n)));
                }
                "Enter" => {
                    if let Some(a) = *active {
                        e.prevent_default();
                        pick.emit(a);
                    }
                }
                "Escape" => {
                    open.set(false);
                    active.set(None);
                }
                _ => {}
            }
        })
    };
    let shown = *open && n > 0;
    let option_id = |k: usize| format!("cn-ask-opt-{k}");
    let options = (0..n).map(|k| {
        let on = *active == Some(k);
        let onclick = {
            let pick = pick.clone();
            Callback::from(move |_: MouseEvent| pick.emit(k))
        };
        // Keep the focus in the box while a mouse picks.
        let onmousedown = Callback::from(|e: MouseEvent| e.prevent_default());
        let label = found.get(k).map_or_else(|| s.ask_other.to_string(), |i| i.label(props.lang));
        html! {
            <li id={option_id(k)} role="option" aria-selected={on.to_string()}
                class={classes!("cn-ask-opt", on.then_some("cn-ask-opt-on"), found.get(k).is_none().then_some("cn-ask-other"))}
                {onclick} {onmousedown}>{label}</li>
        }
    });
    let groups = kb()
        .group_ids()
        .map(|g| html! { <li>{kb().group(g).label.get(props.lang)}</li> });
    let status = if !asked {
        String::new()
    } else if found.is_empty() {
        s.ask_none.to_string()
    } else {
        format!("{} {}", found.len(), s.ask_count)
    };
    html! {
        <div class="cn-ask">
            <label class="cn-label" for="cn-ask-input">{s.ask_label}</label>
            <input id="cn-ask-input" class="cn-ask-input" type="text" ref={input} autocomplete="off"
                spellcheck="false" placeholder={s.ask_placeholder} value={(*text).clone()}
                role="combobox" aria-autocomplete="list" aria-expanded={shown.to_string()}
                aria-controls="cn-ask-list" aria-activedescendant={active.filter(|_| shown).map(option_id)}
                {oninput} {onkeydown} />
            <ul id="cn-ask-list" class="cn-ask-list" role="listbox" aria-label={s.ask_label} hidden={!shown}>
                {for options}
            </ul>
            <p class="cn-status cn-small" role="status">{status}</p>
            if asked && found.is_empty() {
                <div class="cn-ask-none">
                    <p><strong>{s.ask_none}</strong>{" "}{s.ask_groups}</p>
                    <ul>{for groups}</ul>
                </div>
            }
        </div>
    }
}
