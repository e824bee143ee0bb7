//! "Apakah ini boleh?": answers and the decision tree, derived from the knowledge base.
//!
//! - [`check`] answers a role, an activity and the facts given;
//! - [`Report`] turns the answer into plain data (the CLI's JSON);
//! - [`State`] is the guided, one-question-at-a-time form, with a URL-fragment form;
//! - [`tree`] and [`dot`] draw the whole tree for review.

mod answer;
pub mod ask;
pub mod catalogue;
mod report;
mod state;
mod tree;

pub use answer::{check, Answer, FactError, Facts, Variant};
pub use report::{BasisItem, OutcomeReport, Report, SanctionItem, VariantReport};
pub use state::{Choice, Question, State, StateError, Step};
pub use tree::{dot, leaves, tree, Edge, Label, Node};
