//! Candor's domain, in plain Rust with no web dependencies.
//!
//! * [`definition`]: instrument definitions, read from JSON into validated types that
//!   cannot hold an invalid instrument. Every problem is reported with its path.
//! * [`response`]: a reader's answers, and the checks that make them scorable.
//! * [`scoring`]: the four scoring models (frequency subscales, level placement, component
//!   ratio, grid).
//! * [`shuffle`]: the seeded option order of level items.
//! * [`code`]: result codes, short strings that carry a completed attempt.
//! * [`group`]: a facilitator's group profile from pasted codes.
//! * [`others`]: others' view: the instrument as a rater takes it, rater codes, and the
//!   reader's view against the raters'.
//! * [`qr`]: QR codes of share links, as SVG path data.
//! * [`builtin`]: the built-in instruments: their JSON, the file each is served as, titles
//!   and digests.
//! * [`templates`]: blank templates, one per model kind: a definition's structure with its
//!   texts left empty, for a trainer to fill.
//! * [`json`]: the JSON tree the definition reader walks.
//! * [`messages`]: what the core tells a person about a definition or a file it cannot
//!   use, in English and French.
//! * [`records`]: what the widget stores on the device, under which keys, and the
//!   migrations from older record shapes.
//! * [`vault`]: reading and writing records safely: set-aside, pruning, export, import.
//! * [`questions`]: what taking an instrument needs of it, without its model.
//! * [`quiz`]: one quiz being taken, the state machine every copy of the widget obeys.
//! * [`digest`]: FNV-1a, for result codes and the served questions forms.
//! * [`decimal`]: numbers written with at most a few decimals.
//! * [`sort`]: one small sort for the core's short lists.
//!
//! The browser crates (`candor-web`, `candor-take`, `candor-widget`) own everything that
//! touches the browser. They ask this crate to decide, and only display the answer.

pub mod builtin;
pub mod code;
pub mod decimal;
pub mod definition;
pub mod digest;
pub mod group;
pub mod json;
pub mod messages;
pub mod others;
pub mod qr;
pub mod questions;
pub mod quiz;
pub mod records;
pub mod response;
pub mod scoring;
pub mod shuffle;
pub mod sort;
pub mod templates;
pub mod vault;
