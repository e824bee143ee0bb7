//! CekNetral in the browser.
//!
//! Built twice from one crate (see `tools/build-web.sh`):
//! - `core`: the scanner, the checker, the knowledge base and the national pack, behind thin
//!   wasm-bindgen bindings ([`api`]): `scan`, `check`, `tree`, `roles`, `activities`,
//!   `loadPack`, `version`. No UI bytes: the npm API and the browser extension use it.
//! - `widget` (feature `widget`): the same bindings plus the yew user interface ([`ui`]),
//!   `mount` and `unmount`, used by the `<cek-netral>` element.
//!
//! The bindings convert and delegate; everything they answer comes from the `ceknetral`
//! crate. Wrong argument types throw a `TypeError`, other bad input an `Error`; nothing here
//! panics on input.

pub mod api;
mod state;

#[cfg(feature = "widget")]
pub mod ui;

#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
