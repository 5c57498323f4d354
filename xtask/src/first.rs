//! The first screens a new reader of a built-in sees before any WebAssembly.
//!
//! They are drawn here, at build time, by running the core's quiz and the taking screens:
//!
//! * `intro`: the intro of a new attempt;
//! * `start`: `[seed, markup]` of the first step after Start, for each option order the
//!   first question can be shown in (one entry when the seed changes nothing);
//! * `back`: the Start button's words after Start, a choice and Back ("Continue at question
//!   1"), when they change. The rest is the intro's, as checked here.
//!
//! Each is what the widget's outer box holds: the frame, as the small bundle draws it, which
//! it takes over in place when it replays the reader's steps. The element's player shows
//! these and records those steps. It enables Next once an option is chosen by dropping
//! Next's `disabled`; this is checked here against what the quiz and the screens draw.

use std::cell::Cell;

use candor_core::questions::Questions;
use candor_core::quiz::{Action, Clock, Quiz};
use candor_core::records::Keys;
use candor_core::vault::{Codec, MemoryBackend, Vault};
use candor_view::node::Node;
use candor_view::screens::{Frame, frame};
use candor_view::text::Ui;

/// The seeds of the option orders a level item's first question is drawn in (any `u32`
/// will do; eight orders of five options are enough to look random to a reader).
pub const SEEDS: [u32; 8] = [
    2654435769, 1013904223, 3141592653, 2718281828, 1618033988, 4056069621, 271828182, 577215664,
];

/// The uid the first screens' radio groups are named with.
const UID: u32 = 1;

/// The first screens of one instrument in one interface language.
pub struct First {
    /// The intro.
    pub intro: String,
    /// `(seed, markup)` of the first step after Start.
    pub start: Vec<(u32, String)>,
    /// The Start button's words on the intro after an answer and Back, when they differ.
    pub back: Option<String>,
}

struct Json;

impl Codec for Json {
    fn decode<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn encode<T: serde::Serialize>(&self, value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|e| e.to_string())
    }
}

struct Fixed(Cell<u32>);

impl Clock for Fixed {
    fn now(&self) -> f64 {
        0.0
    }

    fn seed(&self) -> u32 {
        self.0.get()
    }
}

/// A new reader's quiz of `questions`, moved on by `actions`, drawn.
fn drawn(questions: &Questions, ui: &'static Ui, seed: u32, actions: &[Action]) -> String {
    let vault = Vault::new(
        MemoryBackend::new(),
        Json,
        Keys::new(None, questions.id().as_str()),
    );
    let clock = Fixed(Cell::new(seed));
    let mut quiz = Quiz::open(questions, &vault, &clock, false);
    for action in actions {
        quiz.act(questions, &vault, &clock, action.clone());
    }
    let shown = Frame {
        quiz: &quiz,
        questions,
        ui,
        uid: UID,
        announce: "",
        full: false,
        keeps: true,
    };
    frame(&shown).iter().map(Node::html).collect()
}

/// The first screens of `questions` in `ui`'s language.
pub fn first(questions: &Questions, ui: &'static Ui) -> Result<First, String> {
    let intro = drawn(questions, ui, SEEDS[0], &[]);
    let mut start: Vec<(u32, String)> = Vec::new();
    for seed in SEEDS {
        let step = drawn(questions, ui, seed, &[Action::Start]);
        if !start.iter().any(|(_, shown)| *shown == step) {
            start.push((seed, step));
        }
    }
    for (seed, step) in &start {
        let enabled = step.replace(
            r#" data-testid="next" disabled="">"#,
            r#" data-testid="next">"#,
        );
        for option in 0..2 {
            let chosen = drawn(
                questions,
                ui,
                *seed,
                &[Action::Start, Action::Choose(option)],
            );
            if chosen != enabled {
                return Err(format!(
                    "{}: choosing an option changes more than Next's `disabled`: the first screen cannot follow",
                    questions.id()
                ));
            }
        }
    }
    let back = drawn(
        questions,
        ui,
        SEEDS[0],
        &[Action::Start, Action::Choose(0), Action::Back],
    );
    let start_button = |html: &str| {
        let open = r#"data-testid="start">"#;
        let from = html.find(open)? + open.len();
        let to = from + html[from..].find("</button>")?;
        Some((from, to))
    };
    let label = match (start_button(&intro), start_button(&back)) {
        _ if back == intro => None,
        (Some((from, to)), Some((b_from, b_to)))
            if intro[..from] == back[..b_from] && intro[to..] == back[b_to..] =>
        {
            Some(back[b_from..b_to].to_owned())
        }
        _ => {
            return Err(format!(
                "{}: the intro after Back changes more than Start's words: the first screen cannot follow",
                questions.id()
            ));
        }
    };
    Ok(First {
        back: label,
        intro,
        start,
    })
}
