//! The JavaScript API: thin bindings over the `ceknetral` crate. Results are plain objects
//! shaped like the CLI's JSON (`ceknetral scan --jsonl`, `ceknetral check --json`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "checker")]
use ceknetral::checker::{self, Facts, Report};
use ceknetral::kb::Lang;
use ceknetral::scanner::{Pack, MAX_TEXT_BYTES};

use crate::state;

/// Converts a result to a plain JavaScript object (maps become objects).
pub(crate) fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(&format!("ceknetral: cannot convert the result: {e}")))
}

pub(crate) fn type_error(msg: &str) -> JsValue {
    js_sys::TypeError::new(msg).into()
}

pub(crate) fn error(msg: &str) -> JsValue {
    js_sys::Error::new(msg).into()
}

/// `options.lang` (`"id"` or `"en"`), Indonesian by default.
fn lang_of(options: &JsValue, call: &str) -> Result<Lang, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Lang::Id);
    }
    if !options.is_object() {
        return Err(type_error(&format!(
            "ceknetral.{call}: options must be an object such as {{ lang: \"en\" }}"
        )));
    }
    let lang =
        js_sys::Reflect::get(options, &JsValue::from_str("lang")).unwrap_or(JsValue::UNDEFINED);
    if lang.is_undefined() || lang.is_null() {
        return Ok(Lang::Id);
    }
    let Some(s) = lang.as_string() else {
        return Err(type_error(&format!(
            "ceknetral.{call}: options.lang must be \"id\" or \"en\""
        )));
    };
    Lang::parse(&s).ok_or_else(|| {
        error(&format!(
            "ceknetral.{call}: unknown language \"{s}\"; use \"id\" or \"en\""
        ))
    })
}

/// Scans a draft post: `{risk, findings: [{start, end, text, rule, category, severity,
/// message, basis, suggestion}]}`, with UTF-16 offsets into `text`.
#[wasm_bindgen]
pub fn scan(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = text.as_string() else {
        return Err(type_error(
            "ceknetral.scan: the text must be a string, for example scan(textarea.value)",
        ));
    };
    let lang = lang_of(&options, "scan")?;
    let result = state::scanner().try_scan(&text, lang).map_err(|_| {
        error(&format!(
            "ceknetral.scan: the text is longer than {MAX_TEXT_BYTES} bytes; scan it in parts"
        ))
    })?;
    to_js(&result)
}

#[cfg(feature = "checker")]
#[derive(serde::Serialize)]
struct AskItem {
    role: Option<&'static str>,
    activity: &'static str,
    facts: std::collections::BTreeMap<&'static str, &'static str>,
    score: f32,
    because: Vec<&'static str>,
    label: String,
}

#[cfg(feature = "checker")]
/// "Tulis pertanyaan Anda": up to three interpretations of a typed question, best first,
/// each `{ role, activity, facts, score, because, label }` (role null when the question
/// names none); an empty array when the knowledge base does not cover the question.
#[wasm_bindgen]
pub fn ask(question: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let Some(question) = question.as_string() else {
        return Err(type_error(
            "ceknetral.ask: the question must be a string, for example ask(\"bolehkah PNS like postingan caleg?\")",
        ));
    };
    let lang = lang_of(&options, "ask")?;
    let kb = ceknetral::kb::kb();
    let items: Vec<AskItem> = ceknetral::checker::ask::ask(&question)
        .interpretations
        .iter()
        .map(|i| AskItem {
            role: i.role.map(|r| kb.role(r).key),
            activity: kb.activity(i.activity).key,
            facts: i.fact_keys().into_iter().collect(),
            score: i.score,
            because: i.because.iter().map(|(p, _)| *p).collect(),
            label: i.label(lang),
        })
        .collect();
    to_js(&items)
}

#[cfg(feature = "checker")]
fn facts_of(value: &JsValue) -> Result<Facts, JsValue> {
    let mut facts = Facts::default();
    if value.is_undefined() || value.is_null() {
        return Ok(facts);
    }
    let bad = || {
        type_error(
            "ceknetral.check: facts must be an object such as { stage: \"calon\" } or an array such as [\"stage=calon\"]",
        )
    };
    if js_sys::Array::is_array(value) {
        for item in js_sys::Array::from(value).iter() {
            let pair = item.as_string().ok_or_else(bad)?;
            facts
                .set_pair(&pair)
                .map_err(|e| error(&format!("ceknetral.check: {e}")))?;
        }
        return Ok(facts);
    }
    if !value.is_object() {
        return Err(bad());
    }
    let entries = js_sys::Object::entries(&js_sys::Object::from(value.clone()));
    for entry in entries.iter() {
        let pair = js_sys::Array::from(&entry);
        let key = pair.get(0).as_string().ok_or_else(bad)?;
        let val = pair.get(1).as_string().ok_or_else(bad)?;
        facts
            .set_keys(&key, &val)
            .map_err(|e| error(&format!("ceknetral.check: {e}")))?;
    }
    Ok(facts)
}

#[cfg(feature = "checker")]
/// The checker's answer for a role and an activity: `{verdict, basis, sanctions,
/// conditions, explanation, advice, disputed, ...}` as `ceknetral check --json` prints it.
#[wasm_bindgen]
pub fn check(
    role: JsValue,
    activity: JsValue,
    facts: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let kb = ceknetral::kb::kb();
    let roles = || {
        kb.roles
            .iter()
            .map(|r| r.key)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let activities = || {
        kb.activities
            .iter()
            .map(|a| a.key)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let role_key = role.as_string().ok_or_else(|| {
        type_error(&format!(
            "ceknetral.check: the role must be a string, one of: {}",
            roles()
        ))
    })?;
    let act_key = activity.as_string().ok_or_else(|| {
        type_error(&format!(
            "ceknetral.check: the activity must be a string, one of: {}",
            activities()
        ))
    })?;
    let role = kb.role_id(&role_key).ok_or_else(|| {
        error(&format!(
            "ceknetral.check: unknown role \"{role_key}\"; valid roles: {}",
            roles()
        ))
    })?;
    let activity = kb.activity_id(&act_key).ok_or_else(|| {
        error(&format!(
            "ceknetral.check: unknown activity \"{act_key}\"; valid activities: {}",
            activities()
        ))
    })?;
    let facts = facts_of(&facts)?;
    let lang = lang_of(&options, "check")?;
    to_js(&Report::new(&checker::check(role, activity, &facts), lang))
}

#[cfg(feature = "checker")]
/// The whole decision tree, as `ceknetral tree --json` prints it.
#[wasm_bindgen]
pub fn tree() -> Result<JsValue, JsValue> {
    to_js(&checker::tree())
}

#[cfg(feature = "checker")]
/// The roles, with Indonesian and English labels.
#[wasm_bindgen]
pub fn roles() -> Result<JsValue, JsValue> {
    to_js(&checker::catalogue::roles())
}

#[cfg(feature = "checker")]
/// The activities by group, with the facts that can change an answer.
#[wasm_bindgen]
pub fn activities() -> Result<JsValue, JsValue> {
    to_js(&checker::catalogue::activities())
}

#[derive(Serialize)]
struct PackInfo {
    id: String,
    title: String,
    enabled: bool,
}

/// Loads an election data pack (a JSON string or an object in the pack schema), replacing
/// a loaded pack with the same id. An invalid pack is refused whole, with an `Error` that
/// names the field; nothing is half-loaded. Returns `{id, title, enabled}`.
#[wasm_bindgen(js_name = loadPack)]
pub fn load_pack(pack: JsValue) -> Result<JsValue, JsValue> {
    let json = if let Some(s) = pack.as_string() {
        s
    } else if pack.is_object() {
        js_sys::JSON::stringify(&pack)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| {
                type_error("ceknetral.loadPack: the pack object cannot be turned into JSON")
            })?
    } else {
        return Err(type_error(
            "ceknetral.loadPack: give the pack as a JSON string or an object, for example loadPack(await (await fetch(url)).text())",
        ));
    };
    let p = Pack::from_json(&json).map_err(|e| error(&format!("ceknetral.loadPack: {e}")))?;
    let info = PackInfo {
        id: p.id.clone(),
        title: p.title.clone(),
        enabled: true,
    };
    state::add(p);
    to_js(&info)
}

/// Removes a loaded pack by id (the built-in one too); true if it was loaded.
#[wasm_bindgen(js_name = unloadPack)]
pub fn unload_pack(id: JsValue) -> Result<bool, JsValue> {
    let id = id
        .as_string()
        .ok_or_else(|| type_error("ceknetral.unloadPack: the id must be a string"))?;
    Ok(state::remove(&id))
}

/// The loaded packs: `[{id, title, enabled}]`.
#[wasm_bindgen]
pub fn packs() -> Result<JsValue, JsValue> {
    let list: Vec<PackInfo> = state::list()
        .into_iter()
        .map(|(id, title, enabled)| PackInfo { id, title, enabled })
        .collect();
    to_js(&list)
}

#[derive(Serialize)]
struct Version {
    version: &'static str,
    knowledge_base_reviewed: &'static str,
}

/// `{version, knowledge_base_reviewed}`: the package's version and the date the knowledge
/// base was last reviewed.
#[wasm_bindgen]
pub fn version() -> Result<JsValue, JsValue> {
    to_js(&Version {
        version: env!("CARGO_PKG_VERSION"),
        knowledge_base_reviewed: ceknetral::kb::LAST_REVIEWED,
    })
}
