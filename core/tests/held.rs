//! Storage that fails for a while: a full quota or a refusal is held in memory, read back
//! from there, handed to another copy of the widget, and stored by the first write that
//! succeeds, merged with what other tabs stored meanwhile.
#![allow(clippy::unwrap_used)]

mod common;

use candor_core::definition::Instrument;
use candor_core::records::{Attempt, History, Keys, Progress};
use candor_core::response::Response;
use candor_core::vault::{Backend, Fault, Notice, Saving, Vault};
use common::{Flaky, Json};
use proptest::prelude::*;

const ID: &str = "customer-focus";

fn instrument() -> Instrument {
    common::builtin(ID)
}

fn keys() -> Keys {
    Keys::new(None, ID)
}

fn vault(backend: &Flaky) -> Vault<&Flaky, Json> {
    Vault::new(backend, Json, keys())
}

fn attempt(instrument: &Instrument, at: f64) -> Attempt {
    let response = Response {
        answers: vec![Some(2); instrument.items().len()],
        group: None,
    };
    Attempt::scored(instrument, &response, at).unwrap()
}

fn answered(instrument: &Instrument, n: usize) -> Progress {
    let mut p = Progress::start(&instrument.questions(), 7, 100.0);
    for slot in p.answers.iter_mut().take(n) {
        *slot = Some(1);
    }
    p.position = (n as u16).min(p.answers.len() as u16 - 1);
    p
}

fn stored_history(backend: &Flaky) -> History {
    match backend.store.get(&keys().history()).unwrap() {
        Some(text) => serde_json::from_str(&text).unwrap(),
        None => History::new(ID),
    }
}

#[test]
fn a_full_storage_holds_the_answer_and_says_so_only_while_writes_fail() {
    let instrument = instrument();
    let backend = Flaky::default();
    let v = vault(&backend);
    let mut history = History::new(ID);
    assert!(
        v.save_progress(&answered(&instrument, 9), &mut history)
            .is_empty()
    );

    backend.fail(Some(Fault::Quota));
    let tenth = answered(&instrument, 10);
    let notices = v.save_progress(&tenth, &mut history);
    assert_eq!(notices, [Notice::NotSaved]);
    assert_eq!(v.saving(), Saving::Full);
    // The vault reads back what it holds, not the stale stored record.
    assert_eq!(
        v.load(&instrument.questions(), 1.0).progress,
        Some(tenth.clone())
    );

    backend.fail(None);
    let notices = v.save_progress(&tenth, &mut history);
    assert_eq!(notices, [Notice::SavedAgain]);
    assert_eq!(v.saving(), Saving::Stored);
    assert!(v.held().is_empty());
    assert_eq!(
        vault(&backend).load(&instrument.questions(), 2.0).progress,
        Some(tenth)
    );
}

#[test]
fn what_is_held_goes_with_a_hand_over_to_another_copy_of_the_widget() {
    let instrument = instrument();
    let backend = Flaky::default();
    let small = vault(&backend);
    let mut history = History::new(ID);
    small.save_progress(&answered(&instrument, 9), &mut history);
    backend.fail(Some(Fault::Quota));
    small.save_progress(&answered(&instrument, 10), &mut history);

    // The storage is still full when the other copy opens: it is not refused.
    let full = vault(&backend).resume(small.held(), Saving::Stored);
    assert_eq!(full.saving(), Saving::Full);
    let loaded = full.load(&instrument.questions(), 3.0);
    assert_eq!(loaded.progress, Some(answered(&instrument, 10)));
    assert!(loaded.notices.is_empty());
}

#[test]
fn an_attempt_finished_while_full_is_stored_by_the_next_write_that_fits_merged_with_another_tab() {
    let instrument = instrument();
    let backend = Flaky::default();
    let v = vault(&backend);
    let (history, _) = v.add_attempt(&History::new(ID), attempt(&instrument, 10.0));

    backend.fail(Some(Fault::Quota));
    let (history, notices) = v.add_attempt(&history, attempt(&instrument, 20.0));
    v.clear_progress();
    assert_eq!(notices, [Notice::NotSaved]);
    assert_eq!(history.attempts.len(), 2, "the result is shown from memory");
    assert_eq!(stored_history(&backend).attempts.len(), 1);

    // Space is freed; another tab finishes an attempt of its own.
    backend.fail(None);
    let other = vault(&backend);
    let theirs = other.load(&instrument.questions(), 21.0).history;
    other.add_attempt(&theirs, attempt(&instrument, 30.0));

    // The reader here retakes: the first save stores the held history too.
    let mut history = history;
    let notices = v.save_progress(&answered(&instrument, 1), &mut history);
    assert_eq!(notices, [Notice::SavedAgain]);
    let times: Vec<f64> = stored_history(&backend)
        .attempts
        .iter()
        .map(|a| a.completed_at)
        .collect();
    assert_eq!(times, [10.0, 20.0, 30.0]);
}

#[test]
fn a_refusal_keeps_the_quiz_in_memory_and_flush_stores_it_once_storage_accepts() {
    let instrument = instrument();
    let backend = Flaky::default();
    backend.fail(Some(Fault::Other("SecurityError".into())));
    backend.unreadable.set(true);
    let v = vault(&backend).resume(Default::default(), Saving::Refused);
    let loaded = v.load(&instrument.questions(), 1.0);
    assert!(loaded.progress.is_none());
    let (history, notices) = v.add_attempt(&loaded.history, attempt(&instrument, 5.0));
    assert_eq!(notices, [Notice::InMemory]);
    assert_eq!(history.attempts.len(), 1);
    assert_eq!(
        v.reload(&instrument.questions()).1.attempts.len(),
        1,
        "read from memory"
    );
    assert!(v.export(6.0).unwrap().contains("\"completed_at\\\":5.0"));

    // Nothing to store yet: flush says nothing and changes nothing.
    assert!(vault(&Flaky::default()).flush().is_empty());
    assert!(v.flush().is_empty(), "still refused");
    backend.fail(None);
    assert_eq!(v.flush(), [Notice::SavedAgain]);
    assert_eq!(stored_history(&backend).attempts.len(), 1);
}

#[test]
fn an_import_while_storage_is_refused_is_held_for_the_visit() {
    let instrument = instrument();
    let source = Flaky::default();
    let from = vault(&source);
    from.add_attempt(&History::new(ID), attempt(&instrument, 5.0));
    let file = from.export(6.0).unwrap();

    let backend = Flaky::default();
    backend.fail(Some(Fault::Other("SecurityError".into())));
    let v = vault(&backend).resume(Default::default(), Saving::Refused);
    let report = v.import(&file).unwrap();
    assert_eq!(report.attempts, 1);
    assert_eq!(v.reload(&instrument.questions()).1.attempts.len(), 1);
    assert_eq!(v.saving(), Saving::Refused);
}

#[test]
fn held_records_of_another_namespace_are_not_taken() {
    let other = Keys::new(Some("elsewhere"), ID);
    let held = vec![(other.progress(), "{}".to_owned())];
    let backend = Flaky::default();
    let v = vault(&backend).resume(held, Saving::Stored);
    assert!(v.held().is_empty());
    assert_eq!(v.saving(), Saving::Stored);
}

/// One thing that happens to the records.
#[derive(Clone, Debug)]
enum Event {
    /// The reader answers the next question (and finishes after the last).
    Answer,
    /// Another tab finishes an attempt.
    OtherTab,
    /// The storage fails (full or refused) or recovers.
    Storage(Option<bool>),
    /// The page hands over to another copy of the widget, as the small bundle does.
    HandOver,
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        4 => Just(Event::Answer),
        1 => Just(Event::OtherTab),
        2 => prop_oneof![Just(None), Just(Some(true)), Just(Some(false))].prop_map(Event::Storage),
        1 => Just(Event::HandOver),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Whatever fails and recovers, once storage accepts a write again every attempt
    /// completed here or in the other tab is stored, and the vault reads back the answers
    /// the reader gave.
    #[test]
    fn completed_attempts_survive_any_run_of_faults(events in proptest::collection::vec(event(), 1..60)) {
        let instrument = instrument();
        let backend = Flaky::default();
        let mut v = vault(&backend);
        let mut progress = Progress::start(&instrument.questions(), 1, 0.0);
        let mut history = History::new(ID);
        let mut completed: Vec<f64> = Vec::new();
        let mut clock = 1.0;
        for event in events {
            clock += 1.0;
            match event {
                Event::Answer => {
                    let position = usize::from(progress.position);
                    progress.answers[position] = Some(1);
                    if position + 1 < progress.answers.len() {
                        progress.position += 1;
                        v.save_progress(&progress, &mut history);
                    } else {
                        let (h, _) = v.add_attempt(&history, attempt(&instrument, clock));
                        v.clear_progress();
                        history = h;
                        completed.push(clock);
                        progress = Progress::start(&instrument.questions(), 1, clock);
                    }
                    prop_assert_eq!(v.load(&instrument.questions(), clock).progress.filter(Progress::is_started), Some(progress.clone()).filter(Progress::is_started));
                }
                Event::OtherTab => {
                    let saved = backend.fault.borrow().is_none();
                    let other = vault(&backend);
                    let theirs = other.load(&instrument.questions(), clock).history;
                    other.add_attempt(&theirs, attempt(&instrument, clock));
                    if saved {
                        completed.push(clock);
                    }
                }
                Event::Storage(state) => backend.fail(state.map(|quota| if quota {
                    Fault::Quota
                } else {
                    Fault::Other("SecurityError".into())
                })),
                Event::HandOver => {
                    let saving = if matches!(&*backend.fault.borrow(), Some(Fault::Other(_))) {
                        Saving::Refused
                    } else {
                        Saving::Stored
                    };
                    let held = v.held();
                    v = vault(&backend).resume(held, saving);
                    let loaded = v.load(&instrument.questions(), clock);
                    prop_assert_eq!(loaded.progress.filter(Progress::is_started), Some(progress.clone()).filter(Progress::is_started));
                    history = loaded.history;
                }
            }
            let shown: Vec<f64> = history.attempts.iter().map(|a| a.completed_at).collect();
            for t in completed.iter().filter(|&&t| !shown.contains(&t)) {
                // Only another tab's attempt may be missing from what is shown here.
                let stored = backend.store.get(&keys().history()).unwrap().unwrap_or_default();
                let time = format!("{t:.1}");
                prop_assert!(stored.contains(&time), "{} neither shown nor stored", time);
            }
        }
        backend.fail(None);
        v.flush();
        prop_assert!(v.held().is_empty());
        let stored: Vec<f64> = stored_history(&backend).attempts.iter().map(|a| a.completed_at).collect();
        for t in &completed {
            prop_assert!(stored.contains(t), "attempt {:?} lost: stored {:?}", t, stored);
        }
    }
}
