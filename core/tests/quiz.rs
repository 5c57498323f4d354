//! The quiz state machine, natively: a table of every step, then random runs of the reader's
//! actions, a second writer and storage faults against the quiz and the vault together.
#![allow(clippy::unwrap_used)]

mod common;

use std::cell::Cell;

use candor_core::definition::Instrument;
use candor_core::questions::Questions;
use candor_core::quiz::{Action, Clock, Message, Quiz, Screen, Step, Tell, Want, add_notices};
use candor_core::records::{Attempt, Keys, Progress};
use candor_core::vault::{Fault, Notice, Vault};
use common::{Flaky, Json};
use proptest::prelude::*;

/// A clock that moves on by one millisecond each time it is read.
struct Ticks(Cell<f64>);

impl Clock for Ticks {
    fn now(&self) -> f64 {
        let now = self.0.get() + 1.0;
        self.0.set(now);
        now
    }

    fn seed(&self) -> u32 {
        7
    }
}

fn clock() -> Ticks {
    Ticks(Cell::new(1000.0))
}

/// One quiz of `id` over `backend`.
struct Run<'a> {
    instrument: Instrument,
    questions: Questions,
    vault: Vault<&'a Flaky, Json>,
    clock: Ticks,
    quiz: Quiz,
}

impl<'a> Run<'a> {
    fn open(id: &str, backend: &'a Flaky) -> Self {
        let instrument = common::builtin(id);
        let questions = instrument.questions();
        let vault = Vault::new(backend, Json, Keys::new(None, id));
        let clock = clock();
        let quiz = Quiz::open(&questions, &vault, &clock, false);
        Self {
            instrument,
            questions,
            vault,
            clock,
            quiz,
        }
    }

    /// Acts, and scores the attempt when the quiz asks for it, as the full bundle does.
    fn act(&mut self, action: Action) -> Vec<Tell> {
        let tells = self
            .quiz
            .act(&self.questions, &self.vault, &self.clock, action);
        if tells.contains(&Tell::Finish) {
            let response = self.quiz.progress().response();
            let attempt = Attempt::scored(&self.instrument, &response, self.clock.now()).unwrap();
            self.quiz
                .finished(&self.questions, &self.vault, &self.clock, attempt);
        }
        tells
    }

    fn answers(&self) -> Vec<Option<u8>> {
        self.quiz.progress().answers.clone()
    }

    fn stored(&self) -> Option<Progress> {
        self.vault.load(&self.questions, 0.0).progress
    }
}

#[test]
fn a_new_reader_opens_on_the_intro_and_start_goes_to_the_first_question() {
    let backend = Flaky::default();
    let mut run = Run::open("trust-equation", &backend);
    assert_eq!(run.quiz.screen(), Screen::Intro);
    assert!(
        !run.quiz.wants_focus(),
        "opening never takes focus from the page"
    );
    let tells = run.act(Action::Start);
    assert_eq!(tells, [Tell::Wrote, Tell::Started]);
    assert_eq!(run.quiz.screen(), Screen::Question);
    assert!(run.quiz.take_focus());
    assert_eq!(run.quiz.progress().position, 0);
}

#[test]
fn a_group_is_asked_first_where_the_instrument_has_one() {
    let backend = Flaky::default();
    let mut run = Run::open("trust-roadmap", &backend);
    run.act(Action::Start);
    assert_eq!(run.quiz.screen(), Screen::Group);
    run.act(Action::Next);
    assert_eq!(run.quiz.screen(), Screen::Group, "Next waits for a group");
    assert!(run.act(Action::Choose(9)).is_empty(), "no such group");
    assert_eq!(run.act(Action::Choose(1)), [Tell::Wrote]);
    run.act(Action::Next);
    assert_eq!(run.quiz.screen(), Screen::Question);
    run.act(Action::Back);
    assert_eq!(run.quiz.screen(), Screen::Group);
    assert_eq!(run.quiz.chosen(), Some(1));
    run.act(Action::Back);
    assert_eq!(run.quiz.screen(), Screen::Intro);
    // Reopened: the group is stored, nothing answered yet: the group question again.
    let reopened = Run::open("trust-roadmap", &backend);
    assert_eq!(reopened.quiz.screen(), Screen::Group);
}

#[test]
fn each_answer_is_saved_and_told_and_next_waits_for_one() {
    let backend = Flaky::default();
    let mut run = Run::open("customer-focus", &backend);
    run.act(Action::Start);
    assert!(run.act(Action::Next).is_empty(), "no answer yet");
    assert_eq!(run.quiz.progress().position, 0);
    assert!(
        run.act(Action::Choose(5)).is_empty(),
        "a level item has five options"
    );
    let tells = run.act(Action::Choose(3));
    assert_eq!(
        tells,
        [
            Tell::Wrote,
            Tell::Answered {
                index: 0,
                option: 3,
                answered: 1
            }
        ]
    );
    assert_eq!(run.stored().unwrap().answers[0], Some(3));
    assert_eq!(run.act(Action::Next), [Tell::Wrote]);
    assert_eq!(run.quiz.progress().position, 1);
    assert_eq!(run.stored().unwrap().position, 1);
}

#[test]
fn back_keeps_every_answer_and_the_intro_offers_to_continue() {
    let backend = Flaky::default();
    let mut run = Run::open("service-or-servility", &backend);
    run.act(Action::Start);
    for option in [1, 2, 3] {
        run.act(Action::Choose(option));
        run.act(Action::Next);
    }
    let before = run.answers();
    for _ in 0..3 {
        run.act(Action::Back);
        assert_eq!(run.answers(), before);
    }
    assert_eq!(run.quiz.progress().position, 0);
    assert_eq!(run.quiz.chosen(), Some(1));
    run.act(Action::Back);
    assert_eq!(run.quiz.screen(), Screen::Intro);
    assert_eq!(run.answers(), before);
    run.act(Action::Start);
    assert_eq!(run.quiz.screen(), Screen::Question);
    assert_eq!(run.quiz.chosen(), Some(1));
}

#[test]
fn the_last_next_asks_for_the_result_and_back_takes_the_request_back() {
    let backend = Flaky::default();
    let mut run = Run::open("trust-equation", &backend);
    run.act(Action::Start);
    let last = run.questions.len() - 1;
    for _ in 0..last {
        run.act(Action::Choose(2));
        run.act(Action::Next);
    }
    run.act(Action::Choose(0));
    let tells = run
        .quiz
        .act(&run.questions, &run.vault, &run.clock, Action::Next);
    assert_eq!(tells, [Tell::Finish]);
    assert_eq!(run.quiz.wants(), Some(Want::Result));
    assert!(run.quiz.result_on_its_way());
    assert!(run.quiz.finish_pending());
    assert_eq!(run.quiz.progress().position as usize, last);
    // Back cancels the request: the reader has moved on.
    run.quiz
        .act(&run.questions, &run.vault, &run.clock, Action::Back);
    assert_eq!(run.quiz.wants(), None);
    assert!(!run.quiz.finish_pending());
    assert_eq!(run.quiz.progress().position as usize, last - 1);
}

#[test]
fn a_gap_found_at_the_end_sends_the_reader_to_it() {
    let backend = Flaky::default();
    let mut run = Run::open("trust-equation", &backend);
    run.act(Action::Start);
    // A record with a gap at 4 and the reader on the last question.
    let mut progress = run.quiz.progress().clone();
    progress.answers = vec![Some(1); run.questions.len()];
    progress.answers[4] = None;
    progress.position = (run.questions.len() - 1) as u16;
    let mut h = candor_core::records::History::new("trust-equation");
    run.vault.save_progress(&progress, &mut h);
    let mut run = Run {
        quiz: Quiz::open(&run.questions, &run.vault, &run.clock, false),
        ..run
    };
    assert_eq!(run.quiz.screen(), Screen::Question);
    let tells = run.act(Action::Next);
    assert!(!tells.contains(&Tell::Finish));
    assert_eq!(run.quiz.progress().position, 4);
}

#[test]
fn a_finished_attempt_is_stored_before_its_result_shows() {
    let backend = Flaky::default();
    let mut run = Run::open("trust-equation", &backend);
    run.act(Action::Start);
    for _ in 0..run.questions.len() {
        run.act(Action::Choose(4));
        run.act(Action::Next);
    }
    assert_eq!(run.quiz.screen(), Screen::Result);
    assert_eq!(run.quiz.history().attempts.len(), 1);
    assert!(run.stored().is_none(), "the attempt in progress is cleared");
    assert!(!run.quiz.progress().is_started());
    let reopened = Run::open("trust-equation", &backend);
    assert_eq!(reopened.quiz.screen(), Screen::Result);
    assert_eq!(reopened.quiz.history(), run.quiz.history());
    // Retake starts afresh, from the first question.
    assert_eq!(run.act(Action::Retake), [Tell::Wrote, Tell::Started]);
    assert_eq!(run.quiz.screen(), Screen::Question);
    assert_eq!(run.quiz.progress().position, 0);
    assert_eq!(run.quiz.chosen(), None);
}

#[test]
fn another_tab_s_answers_are_followed_without_moving_the_reader() {
    let backend = Flaky::default();
    let mut here = Run::open("service-or-servility", &backend);
    here.act(Action::Start);
    here.act(Action::Choose(1));
    here.act(Action::Next);
    let mut there = Run::open("service-or-servility", &backend);
    assert_eq!(there.quiz.screen(), Screen::Question);
    there.act(Action::Choose(4));
    there.act(Action::Next);
    there.act(Action::Choose(4));
    here.act(Action::Follow);
    assert_eq!(&here.answers()[..3], [Some(1), Some(4), Some(4)]);
    assert_eq!(
        here.quiz.progress().position,
        1,
        "the reader stays where they are"
    );
    // The other tab finishes: this one shows the result.
    for _ in 0..here.questions.len() {
        there.act(Action::Choose(0));
        there.act(Action::Next);
    }
    here.act(Action::Follow);
    assert_eq!(here.quiz.screen(), Screen::Result);
    assert_eq!(here.quiz.history().attempts.len(), 1);
    // Everything deleted there: back to the intro here.
    there
        .quiz
        .delete_all(&there.questions, &there.vault, &there.clock);
    here.act(Action::Follow);
    assert_eq!(here.quiz.screen(), Screen::Intro);
    assert!(here.quiz.history().attempts.is_empty());
}

#[test]
fn a_first_screen_is_replayed_only_over_a_new_attempt() {
    let backend = Flaky::default();
    let mut run = Run::open("customer-focus", &backend);
    let steps = vec![Step::Start, Step::Choose(2), Step::Next];
    let tells = run
        .quiz
        .replay(&run.questions, &run.vault, &run.clock, Some(99), steps);
    assert!(tells.contains(&Tell::Started));
    assert_eq!(run.quiz.progress().seed, 99);
    assert_eq!(run.quiz.progress().position, 1);
    assert_eq!(run.stored().unwrap().answers[0], Some(2));
    // Opened again, storage holds an attempt now: nothing is replayed over it.
    let mut again = Run::open("customer-focus", &backend);
    let tells = again.quiz.replay(
        &again.questions,
        &again.vault,
        &again.clock,
        Some(5),
        vec![Step::Start, Step::Choose(0)],
    );
    assert!(tells.is_empty());
    assert_eq!(again.quiz.progress().seed, 99);
}

#[test]
fn the_data_controls_are_wanted_from_the_intro_until_the_reader_starts() {
    let backend = Flaky::default();
    let mut run = Run::open("trust-equation", &backend);
    run.act(Action::Data(true));
    assert_eq!(run.quiz.wants(), Some(Want::Data));
    run.act(Action::Start);
    assert!(!run.quiz.data_open());
    assert_eq!(run.quiz.wants(), None);
    run.act(Action::Data(true));
    assert!(!run.quiz.data_open(), "only on the intro");
}

#[test]
fn what_could_not_be_downloaded_is_said_once_and_asked_again() {
    let backend = Flaky::default();
    let mut run = Run::open("trust-equation", &backend);
    run.act(Action::Unloaded);
    run.act(Action::Unloaded);
    assert_eq!(run.quiz.messages(), [Message::Unloaded]);
    assert!(run.quiz.unloaded());
    run.act(Action::Retry);
    assert!(run.quiz.messages().is_empty());
    run.act(Action::Unloaded);
    run.act(Action::Dismiss(0));
    assert!(run.quiz.messages().is_empty());
}

#[test]
fn a_result_link_opens_on_the_shared_result_and_leaves_for_the_reader_s_own_quiz() {
    let backend = Flaky::default();
    let run = Run::open("trust-equation", &backend);
    let mut quiz = Quiz::open(&run.questions, &run.vault, &run.clock, true);
    assert_eq!(quiz.screen(), Screen::Shared);
    assert_eq!(quiz.wants(), Some(Want::Result));
    quiz.act(&run.questions, &run.vault, &run.clock, Action::LeaveShared);
    assert_eq!(quiz.screen(), Screen::Intro);
}

#[test]
fn an_import_shows_its_results_and_a_bad_file_says_why() {
    let source = Flaky::default();
    let mut from = Run::open("trust-equation", &source);
    from.act(Action::Start);
    for _ in 0..from.questions.len() {
        from.act(Action::Choose(1));
        from.act(Action::Next);
    }
    let file = from.vault.export(1.0).unwrap();
    let backend = Flaky::default();
    let mut run = Run::open("trust-equation", &backend);
    let words = candor_core::messages::messages("en");
    run.quiz
        .import(&run.questions, &run.vault, &run.clock, "not json", words);
    assert!(matches!(run.quiz.messages(), [Message::ImportFailed(_)]));
    run.quiz
        .import(&run.questions, &run.vault, &run.clock, &file, words);
    assert_eq!(run.quiz.screen(), Screen::Result);
    assert_eq!(run.quiz.messages().last(), Some(&Message::Imported(1)));
}

#[test]
fn storage_notices_stay_true() {
    let mut messages = vec![Message::Storage(Notice::InMemory)];
    add_notices(&mut messages, vec![Notice::NotSaved, Notice::NotSaved]);
    assert_eq!(
        messages,
        [
            Message::Storage(Notice::InMemory),
            Message::Storage(Notice::NotSaved)
        ]
    );
    add_notices(&mut messages, vec![Notice::SavedAgain]);
    assert_eq!(messages, [Message::Storage(Notice::SavedAgain)]);
    add_notices(&mut messages, vec![Notice::Pruned(2), Notice::NotSaved]);
    assert_eq!(
        messages,
        [
            Message::Storage(Notice::Pruned(2)),
            Message::Storage(Notice::NotSaved)
        ]
    );
}

#[test]
fn a_quiz_survives_being_handed_over_as_json() {
    let backend = Flaky::default();
    let mut run = Run::open("customer-focus", &backend);
    run.act(Action::Start);
    run.act(Action::Choose(1));
    run.act(Action::Unloaded);
    let text = serde_json::to_string(&run.quiz).unwrap();
    let back: Quiz = serde_json::from_str(&text).unwrap();
    assert_eq!(back, run.quiz);
}

/// One thing that happens in a random run.
#[derive(Clone, Debug)]
enum Event {
    /// The reader does this.
    Reader(Action),
    /// The other tab does this, then this one hears of it.
    Other(Action),
    /// Storage fails (full or refused) or works again.
    Storage(Option<bool>),
    /// The page hands the quiz over to another copy of the widget.
    HandOver,
}

fn reader_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        2 => Just(Action::Start),
        6 => (0u8..6).prop_map(Action::Choose),
        5 => Just(Action::Next),
        2 => Just(Action::Back),
        1 => Just(Action::Retake),
        1 => any::<bool>().prop_map(Action::Data),
        1 => Just(Action::Flush),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        12 => reader_action().prop_map(Event::Reader),
        2 => reader_action().prop_map(Event::Other),
        1 => prop_oneof![Just(None), Just(Some(true)), Just(Some(false))].prop_map(Event::Storage),
        1 => Just(Event::HandOver),
    ]
}

fn instrument_id() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("service-or-servility"),
        Just("customer-focus"),
        Just("trust-roadmap")
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Whatever the reader, another tab and storage do: the position stays on a question,
    /// Back never loses an answer, the stored attempt reads back as the quiz holds it while
    /// storage works (the other tab may stand on another of its questions), and every
    /// attempt completed here is stored once storage works again.
    #[test]
    fn the_quiz_keeps_its_promises(id in instrument_id(), events in proptest::collection::vec(event(), 1..50)) {
        let backend = Flaky::default();
        let mut here = Run::open(id, &backend);
        let mut completed: Vec<f64> = Vec::new();
        for event in events {
            match event {
                Event::Reader(action) => {
                    let back = action == Action::Back;
                    let before = here.answers();
                    let done = here.quiz.history().attempts.len();
                    here.act(action);
                    if back {
                        prop_assert_eq!(here.answers(), before);
                    }
                    if here.quiz.history().attempts.len() > done
                        && let Some(last) = here.quiz.history().attempts.last()
                    {
                        completed.push(last.completed_at);
                    }
                }
                Event::Other(action) => {
                    let mut there = Run::open(id, &backend);
                    there.clock = Ticks(Cell::new(5_000_000.0 + here.clock.now()));
                    there.act(action);
                    here.act(Action::Follow);
                }
                Event::Storage(state) => backend.fail(state.map(|quota| if quota {
                    Fault::Quota
                } else {
                    Fault::Other("SecurityError".into())
                })),
                Event::HandOver => {
                    let text = serde_json::to_string(&here.quiz).unwrap();
                    let held = here.vault.held();
                    here.vault = Vault::new(&backend, Json, Keys::new(None, id)).resume(held, Default::default());
                    here.quiz = serde_json::from_str(&text).unwrap();
                }
            }
            let position = usize::from(here.quiz.progress().position);
            prop_assert!(position < here.questions.len());
            prop_assert_eq!(here.quiz.progress().answers.len(), here.questions.len());
            if backend.fault.borrow().is_none() && here.vault.held().is_empty() && here.quiz.progress().is_started() {
                // The other tab may stand on another question of the same attempt.
                let at_zero = |p: &Progress| Progress { position: 0, ..p.clone() };
                let stored = here.stored().map(|p| at_zero(&p));
                prop_assert_eq!(stored, Some(at_zero(here.quiz.progress())));
            }
        }
        backend.fail(None);
        here.act(Action::Flush);
        prop_assert!(here.vault.held().is_empty());
        let stored: Vec<f64> = here.vault.load(&here.questions, 0.0).history.attempts.iter().map(|a| a.completed_at).collect();
        for t in &completed {
            prop_assert!(stored.contains(t), "attempt {:?} lost: stored {:?}", t, stored);
        }
    }
}
