//! The widget: options in, a running quiz (or a clear list of problems) out.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use candor_core::builtin::{self, BuiltinError};
use candor_core::records::Keys;
use leptos::prelude::*;

use crate::components::Messages;
use crate::json;
use crate::quiz::{QuizCtx, Screen};
use crate::screens::{DefinitionProblems, GroupScreen, IntroScreen, QuestionScreen, ResultScreen};
use crate::storage;
use crate::text::{self, fill};

/// Colour scheme of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// Reads the `theme` attribute; anything unknown means `auto`.
    pub fn parse(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            Some("light") => Self::Light,
            Some("dark") => Self::Dark,
            _ => Self::Auto,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Self::Auto => "cq cq-auto",
            Self::Light => "cq cq-light",
            Self::Dark => "cq cq-dark",
        }
    }
}

/// What a page asks of one widget, read from the element's attributes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Built-in instrument id (`instrument`).
    pub instrument: String,
    /// Language tag (`locale`); the browser's language when absent.
    pub locale: Option<String>,
    /// Colour scheme (`theme`).
    pub theme: Theme,
    /// Storage namespace (`storage-key`).
    pub namespace: Option<String>,
}

/// The instrument shown when a page names none.
pub const DEFAULT_INSTRUMENT: &str = "service-or-servility";

static NEXT_UID: AtomicU32 = AtomicU32::new(1);

/// One widget: loads the instrument named by `options` and runs it.
#[component]
pub fn Widget(
    /// What the page asked for.
    options: Options,
) -> impl IntoView {
    let locale = options.locale.clone().unwrap_or_else(|| "en".to_owned());
    let ui = text::ui(&locale);
    let id = if options.instrument.trim().is_empty() {
        DEFAULT_INSTRUMENT.to_owned()
    } else {
        options.instrument.trim().to_owned()
    };
    let body = match builtin::load_in(&id, &locale, json::parse) {
        Ok(instrument) => {
            let keys = Keys::new(options.namespace.as_deref(), instrument.id.as_str());
            let uid = NEXT_UID.fetch_add(1, Ordering::Relaxed);
            let quiz = QuizCtx::new(Arc::new(instrument), storage::open(keys), ui, uid);
            quiz.follow_other_writers();
            provide_context(quiz);
            view! { <Quiz/> }.into_any()
        }
        Err(BuiltinError::Unknown(id)) => {
            let list = builtin::ids().collect::<Vec<_>>().join(", ");
            view! {
                <p class="cq-error" role="alert">
                    {fill(ui.unknown_instrument, &[("id", &id), ("list", &list)])}
                </p>
            }
            .into_any()
        }
        Err(BuiltinError::Invalid(errors)) => view! { <DefinitionProblems errors ui/> }.into_any(),
    };
    view! { <div class=options.theme.class()>{body}</div> }
}

/// The running quiz: messages, if any, and the current screen.
#[component]
fn Quiz() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let screen = move || match quiz.screen.get() {
        Screen::Intro => view! { <IntroScreen/> }.into_any(),
        Screen::Group => view! { <GroupScreen/> }.into_any(),
        Screen::Question => view! { <QuestionScreen/> }.into_any(),
        Screen::Result => view! { <ResultScreen/> }.into_any(),
    };
    view! {
        <Messages/>
        {screen}
    }
}
