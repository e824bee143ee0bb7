//! CekNetral: election-neutrality guidance for Indonesian public workers.
//!
//! Layers, lowest first (a lower layer never uses a higher one, and none knows the browser):
//! - [`kb`]: the knowledge base (instruments, provisions, roles, activities, outcomes),
//!   compiled from the reviewable data in `kb/`;
//! - [`checker`]: "Apakah ini boleh?", the decision tree derived from the knowledge base.
//!
//! ```
//! use ceknetral::checker::{check, Facts};
//! use ceknetral::kb::{kb, Verdict};
//!
//! let kb = kb();
//! let role = kb.role_id("pns").unwrap();
//! let activity = kb.activity_id("mobilize_colleagues").unwrap();
//! let answer = check(role, activity, &Facts::default());
//! assert_eq!(answer.verdict(), Verdict::Prohibited);
//! ```

pub mod checker;
pub mod kb;
pub mod quiz;
pub mod scanner;
