//! The JavaScript API in a real browser (wasm-bindgen-test in headless Chromium): what
//! JavaScript callers get back, and the errors wrong arguments give.

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use crate::api;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn error_name(e: &JsValue) -> String {
    get(e, "name").as_string().unwrap_or_default()
}

fn error_message(e: &JsValue) -> String {
    get(e, "message").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn scan_returns_the_cli_shape_with_utf16_offsets() {
    let text = "🔥 Ayo coblos nomor 2! Prabowo-Gibran untuk Indonesia maju";
    let r = api::scan(text.into(), JsValue::UNDEFINED).expect("scan");
    assert_eq!(get(&r, "risk").as_string().as_deref(), Some("violation"));
    let findings = js_sys::Array::from(&get(&r, "findings"));
    assert!(findings.length() >= 1);
    let js_text = js_sys::JsString::from(text);
    for f in findings.iter() {
        let start = get(&f, "start").as_f64().expect("start") as u32;
        let end = get(&f, "end").as_f64().expect("end") as u32;
        // What JavaScript's slice gives is the finding's text.
        assert_eq!(
            js_text.slice(start, end).as_string(),
            get(&f, "text").as_string()
        );
        let basis = js_sys::Array::from(&get(&f, "basis"));
        assert!(basis.length() >= 1);
        assert!(get(&basis.get(0), "instrument").as_string().is_some());
    }
}

#[wasm_bindgen_test]
fn scan_in_english_and_safe_posts() {
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"lang".into(), &"en".into()).expect("set");
    let r = api::scan("Coblos 02".into(), opts.into()).expect("scan");
    let f = js_sys::Array::from(&get(&r, "findings")).get(0);
    assert!(get(&f, "message")
        .as_string()
        .unwrap_or_default()
        .contains("vote"));
    let r = api::scan("Juara 2 lomba lari, bangga!".into(), JsValue::UNDEFINED).expect("scan");
    assert_eq!(get(&r, "risk").as_string().as_deref(), Some("safe"));
}

#[wasm_bindgen_test]
fn lone_surrogates_and_odd_unicode_do_not_break_the_scan() {
    // A lone surrogate from JavaScript becomes U+FFFD, one code unit like the original.
    let js = js_sys::eval("'a\\uD800 coblos 02 \\uDC00b'").expect("eval");
    let r = api::scan(js.clone(), JsValue::UNDEFINED).expect("scan");
    let f = js_sys::Array::from(&get(&r, "findings")).get(0);
    let start = get(&f, "start").as_f64().expect("start") as u32;
    let end = get(&f, "end").as_f64().expect("end") as u32;
    let s: js_sys::JsString = js.unchecked_into();
    assert_eq!(
        s.slice(start, end).as_string().as_deref(),
        Some("coblos 02")
    );
}

#[wasm_bindgen_test]
fn wrong_argument_types_throw_type_errors() {
    let e = api::scan(JsValue::from_f64(42.0), JsValue::UNDEFINED).expect_err("a number");
    assert_eq!(error_name(&e), "TypeError");
    assert!(error_message(&e).contains("must be a string"));
    let e = api::scan("x".into(), "en".into()).expect_err("options as a string");
    assert_eq!(error_name(&e), "TypeError");
    #[cfg(feature = "checker")]
    {
        let e = api::check(
            JsValue::NULL,
            "vote".into(),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        )
        .expect_err("null role");
        assert_eq!(error_name(&e), "TypeError");
    }
    let e = api::load_pack(JsValue::from_f64(1.0)).expect_err("a number as a pack");
    assert_eq!(error_name(&e), "TypeError");
}

#[cfg(feature = "checker")]
#[wasm_bindgen_test]
fn check_answers_like_the_cli_and_names_the_valid_choices() {
    let facts = js_sys::Object::new();
    js_sys::Reflect::set(&facts, &"stage".into(), &"calon".into()).expect("set");
    let r = api::check(
        "pns".into(),
        "social_like".into(),
        facts.into(),
        JsValue::UNDEFINED,
    )
    .expect("check");
    assert_eq!(
        get(&r, "verdict").as_string().as_deref(),
        Some("prohibited")
    );
    assert!(js_sys::Array::from(&get(&r, "basis")).length() >= 1);
    assert!(get(&r, "last_reviewed").as_string().is_some());
    let e = api::check(
        "astronaut".into(),
        "vote".into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .expect_err("unknown role");
    assert_eq!(error_name(&e), "Error");
    assert!(error_message(&e).contains("pppk"));
}

#[wasm_bindgen_test]
fn packs_load_replace_and_refuse_invalid_input_whole() {
    let pack = r#"{"id": "t-2029", "title": "Uji", "contestants": [{"number": 1, "names": ["I Made Suryawan", "Ni Luh Ayu Lestari"]}]}"#;
    let info = api::load_pack(pack.into()).expect("valid pack");
    assert_eq!(get(&info, "id").as_string().as_deref(), Some("t-2029"));
    let r = api::scan("Dukung Suryawan!".into(), JsValue::UNDEFINED).expect("scan");
    assert_eq!(get(&r, "risk").as_string().as_deref(), Some("violation"));
    let e = api::load_pack(
        r#"{"id": "t-2029", "title": "Uji", "contestants": [{"names": []}]}"#.into(),
    )
    .expect_err("invalid pack");
    assert!(
        error_message(&e).contains("contestants[0].names"),
        "{}",
        error_message(&e)
    );
    // The valid pack is still loaded: nothing was half-replaced.
    let r = api::scan("Dukung Suryawan!".into(), JsValue::UNDEFINED).expect("scan");
    assert_eq!(get(&r, "risk").as_string().as_deref(), Some("violation"));
    assert!(api::unload_pack("t-2029".into()).expect("unload"));
    let r = api::scan("Dukung Suryawan!".into(), JsValue::UNDEFINED).expect("scan");
    assert_ne!(get(&r, "risk").as_string().as_deref(), Some("violation"));
}

#[wasm_bindgen_test]
fn a_megabyte_of_text_is_scanned_and_too_much_is_refused() {
    let big = "Ayo coblos nomor 2 ya. ".repeat(45_000); // about 1 MB
    let r = api::scan(big.into(), JsValue::UNDEFINED).expect("1 MB");
    assert_eq!(get(&r, "risk").as_string().as_deref(), Some("violation"));
    let huge = "a".repeat(ceknetral::scanner::MAX_TEXT_BYTES + 1);
    let e = api::scan(huge.into(), JsValue::UNDEFINED).expect_err("too long");
    assert!(error_message(&e).contains("longer than"));
}

#[wasm_bindgen_test]
fn version_and_the_date_of_the_knowledge_base() {
    let v = api::version().expect("version");
    assert_eq!(
        get(&v, "version").as_string().as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        get(&v, "knowledge_base_reviewed").as_string().as_deref(),
        Some(ceknetral::kb::LAST_REVIEWED)
    );
}

#[cfg(feature = "checker")]
#[wasm_bindgen_test]
fn catalogues_and_tree() {
    assert_eq!(
        js_sys::Array::from(&api::roles().expect("roles")).length(),
        8
    );
    assert!(js_sys::Array::from(&api::activities().expect("activities")).length() >= 26);
    assert!(api::tree().expect("tree").is_object());
    let v = api::version().expect("version");
    assert_eq!(
        get(&v, "version").as_string().as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert!(get(&v, "knowledge_base_reviewed").as_string().is_some());
}

#[cfg(feature = "checker")]
#[wasm_bindgen_test]
fn ask_reads_a_question_and_refuses_a_non_string() {
    let r = api::ask(
        "bolehkah PNS like postingan caleg?".into(),
        JsValue::UNDEFINED,
    )
    .expect("ask");
    let list = js_sys::Array::from(&r);
    assert!(list.length() >= 1);
    let first = list.get(0);
    assert_eq!(get(&first, "role").as_string().as_deref(), Some("pns"));
    assert_eq!(
        get(&first, "activity").as_string().as_deref(),
        Some("social_like")
    );
    let out = api::ask("bolehkah ASN berjualan online?".into(), JsValue::UNDEFINED).expect("ask");
    assert_eq!(js_sys::Array::from(&out).length(), 0);
    let e = api::ask(JsValue::from_f64(42.0), JsValue::UNDEFINED).expect_err("a number");
    assert_eq!(error_name(&e), "TypeError");
    assert!(error_message(&e).contains("ceknetral.ask"));
}
