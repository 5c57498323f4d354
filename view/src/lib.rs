//! Candor's taking screens as plain values, drawn the same way everywhere.
//!
//! * [`element`]: what the `<candor-quiz>` element's attributes mean.
//! * [`node`]: a screen as a tree of elements and texts, and its markup.
//! * [`screens`]: the frame, notices, intro, group question and questions of a quiz.
//! * [`text`]: the interface's words on those screens, per locale.
//!
//! `candor-web` draws these trees into the page. The build's `xtask` writes them as HTML for
//! the first screen. No web dependency: everything here is tested natively.

pub mod element;
pub mod node;
pub mod screens;
pub mod text;
