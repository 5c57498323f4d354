//! The storage contract, natively: records, migrations, set-aside, pruning
//! order, namespace isolation, export/import/delete.
#![allow(clippy::unwrap_used)]

mod common;

use candor_core::definition::Instrument;
use candor_core::records::{Asked, Attempt, History, KEPT, Keys, Progress, SCHEMA};
use candor_core::response::Response;
use candor_core::vault::{Backend, ImportError, MemoryBackend, Notice, SetAsideReason, Vault};
use common::Json;

const ID: &str = "service-or-servility";

fn instrument() -> Instrument {
    common::builtin(ID)
}

fn vault(backend: MemoryBackend) -> Vault<MemoryBackend, Json> {
    Vault::new(backend, Json, Keys::new(Some("course"), ID))
}

fn complete(instrument: &Instrument, option: u8) -> Response {
    Response {
        answers: vec![Some(option); instrument.items().len()],
        group: None,
    }
}

fn attempt(instrument: &Instrument, at: f64) -> Attempt {
    Attempt::scored(instrument, &complete(instrument, 3), at).unwrap()
}

fn started(instrument: &Instrument) -> Progress {
    let mut p = Progress::start(&instrument.questions(), 42, 1000.0);
    p.answers[0] = Some(2);
    p.answers[1] = Some(4);
    p.position = 2;
    p
}

/// Seeds `backend` with raw text under `key`.
fn put(backend: &MemoryBackend, key: &str, text: &str) {
    backend.set(key, text).unwrap();
}

#[test]
fn nothing_stored_loads_empty() {
    let v = vault(MemoryBackend::new());
    let loaded = v.load(&instrument().questions(), 0.0);
    assert!(loaded.progress.is_none());
    assert!(loaded.history.attempts.is_empty());
    assert!(loaded.notices.is_empty());
}

#[test]
fn progress_and_history_round_trip() {
    let instrument = instrument();
    let v = vault(MemoryBackend::new());
    let mut history = History::new(ID);
    assert!(
        v.save_progress(&started(&instrument), &mut history)
            .is_empty()
    );
    let (history, notices) = v.add_attempt(&history, attempt(&instrument, 5.0));
    assert!(notices.is_empty());
    let loaded = v.load(&instrument.questions(), 10.0);
    assert_eq!(loaded.progress, Some(started(&instrument)));
    assert_eq!(loaded.history, history);
    assert_eq!(loaded.history.attempts[0].headline, "Eager to please");
    assert_eq!(loaded.history.attempts[0].score("servility"), Some(60.0));
}

#[test]
fn a_record_that_does_not_parse_is_set_aside_byte_for_byte() {
    let instrument = instrument();
    let backend = MemoryBackend::new();
    let keys = Keys::new(Some("course"), ID);
    put(&backend, &keys.progress(), "{not json at all");
    let v = vault(backend);
    let loaded = v.load(&instrument.questions(), 1234.0);
    assert!(loaded.progress.is_none());
    let backup = keys.backup("progress", 1234.0);
    assert!(
        matches!(
            &loaded.notices[..],
            [Notice::SetAside { key, backup: b, reason: SetAsideReason::Unreadable(_) }] if *key == keys.progress() && *b == backup
        ),
        "{:?}",
        loaded.notices
    );
    let stored = v.backend().snapshot();
    assert_eq!(
        stored.get(&backup).map(String::as_str),
        Some("{not json at all")
    );
    assert!(
        !stored.contains_key(&keys.progress()),
        "the fresh start has the key to itself"
    );
}

#[test]
fn a_record_of_the_wrong_shape_is_set_aside() {
    let instrument = instrument();
    let backend = MemoryBackend::new();
    let keys = Keys::new(Some("course"), ID);
    let text = format!(r#"{{"schema":{SCHEMA},"instrument":"{ID}","attempts":"none"}}"#);
    put(&backend, &keys.history(), &text);
    let v = vault(backend);
    let loaded = v.load(&instrument.questions(), 7.0);
    assert!(loaded.history.attempts.is_empty());
    assert_eq!(
        v.backend().snapshot().get(&keys.backup("history", 7.0)),
        Some(&text)
    );
}

#[test]
fn a_record_from_a_newer_widget_is_set_aside_not_overwritten() {
    let instrument = instrument();
    let backend = MemoryBackend::new();
    let keys = Keys::new(Some("course"), ID);
    let text = r#"{"schema":99,"instrument":"service-or-servility","whatever":[1,2,3]}"#;
    put(&backend, &keys.history(), text);
    let v = vault(backend);
    let loaded = v.load(&instrument.questions(), 8.0);
    assert!(matches!(
        &loaded.notices[..],
        [Notice::SetAside {
            reason: SetAsideReason::Newer(99),
            ..
        }]
    ));
    // Completing an attempt now writes a fresh history; the newer record is still there.
    let (_, _) = v.add_attempt(&loaded.history, attempt(&instrument, 9.0));
    let stored = v.backend().snapshot();
    assert_eq!(
        stored.get(&keys.backup("history", 8.0)).map(String::as_str),
        Some(text)
    );
    assert!(stored[&keys.history()].contains("\"completed_at\":9.0"));
}

#[test]
fn with_no_room_for_a_backup_the_record_is_left_alone_and_never_overwritten() {
    let instrument = instrument();
    let keys = Keys::new(Some("course"), ID);
    let text = "x".repeat(500);
    let backend = MemoryBackend::with_quota(700);
    put(&backend, &keys.progress(), &text);
    let v = vault(backend);
    let loaded = v.load(&instrument.questions(), 1.0);
    assert_eq!(
        loaded.notices,
        [Notice::LeftAlone {
            key: keys.progress()
        }]
    );
    let mut history = History::new(ID);
    let notices = v.save_progress(&started(&instrument), &mut history);
    assert_eq!(notices, [Notice::NotSaved]);
    assert_eq!(v.backend().snapshot()[&keys.progress()], text);
}

#[test]
fn an_attempt_in_progress_from_an_older_version_restarts_and_is_kept_aside() {
    let instrument = instrument();
    let keys = Keys::new(Some("course"), ID);
    let mut old = started(&instrument);
    old.version = instrument.version() - 1 + 100; // any other version
    let text = serde_json::to_string(&old).unwrap();
    let backend = MemoryBackend::new();
    put(&backend, &keys.progress(), &text);
    let v = vault(backend);
    let loaded = v.load(&instrument.questions(), 50.0);
    assert!(loaded.progress.is_none());
    assert!(loaded.notices.contains(&Notice::Restarted {
        from: old.version,
        to: instrument.version()
    }));
    assert_eq!(v.backend().snapshot()[&keys.backup("progress", 50.0)], text);
}

#[test]
fn old_attempts_keep_their_scores_and_version_after_the_instrument_changes() {
    let instrument = instrument();
    let mut old = attempt(&instrument, 1.0);
    old.version = 99;
    old.headline = "From another version".into();
    let backend = MemoryBackend::new();
    let v = vault(backend);
    let (_, _) = v.add_attempt(&History::new(ID), old.clone());
    let loaded = v.load(&instrument.questions(), 2.0);
    assert_eq!(loaded.history.attempts, [old]);
    assert!(loaded.notices.is_empty());
}

#[test]
fn a_schema_1_history_is_migrated_and_rescored() {
    let instrument = instrument();
    let keys = Keys::new(Some("course"), ID);
    let v1 = format!(
        r#"{{"schema":1,"instrument":"{ID}","attempts":[
            {{"completed_at":5,"version":{},"answers":[3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3],"group":null}},
            {{"completed_at":6,"version":77,"answers":[0],"group":null}}]}}"#,
        instrument.version()
    );
    let backend = MemoryBackend::new();
    put(&backend, &keys.history(), &v1);
    let v = vault(backend);
    let mut loaded = v.load(&instrument.questions(), 9.0);
    assert!(loaded.notices.is_empty());
    assert!(
        loaded.history.attempts.iter().all(|a| a.scores.is_empty()),
        "migration alone does not score"
    );
    assert!(v.backfill(&mut loaded.history, &instrument).is_empty());
    // The scores are stored too.
    let stored: History = serde_json::from_str(&v.backend().snapshot()[&keys.history()]).unwrap();
    assert_eq!(stored, loaded.history);
    let [current, other] = &loaded.history.attempts[..] else {
        panic!("{:?}", loaded.history)
    };
    assert_eq!(current.headline, "Eager to please");
    assert_eq!(current.score("partnership"), Some(75.0));
    assert_eq!(other.version, 77);
    assert!(
        other.scores.is_empty(),
        "answers from another version are not rescored"
    );
}

#[test]
fn a_schema_1_progress_is_migrated() {
    let instrument = instrument();
    let keys = Keys::new(Some("course"), ID);
    let mut p = started(&instrument);
    p.schema = 1;
    let backend = MemoryBackend::new();
    put(
        &backend,
        &keys.progress(),
        &serde_json::to_string(&p).unwrap(),
    );
    let loaded = vault(backend).load(&instrument.questions(), 9.0);
    p.schema = SCHEMA;
    assert_eq!(loaded.progress, Some(p));
}

#[test]
fn a_full_quota_drops_the_oldest_attempts_first_and_keeps_the_progress() {
    let instrument = instrument();
    let trust = common::builtin("trust-equation");
    let backend = MemoryBackend::with_quota(3_000);
    let v = vault(backend);
    let other = Vault::new(
        MemoryBackend::new(),
        Json,
        Keys::new(Some("course"), "trust-equation"),
    );
    // Another instrument's history in the same namespace holds the oldest attempt.
    let (trust_history, _) = other.add_attempt(
        &History::new("trust-equation"),
        Attempt::scored(&trust, &complete(&trust, 2), 1.0).unwrap(),
    );
    let trust_key = Keys::new(Some("course"), "trust-equation").history();
    put(
        v.backend(),
        &trust_key,
        &serde_json::to_string(&trust_history).unwrap(),
    );

    let mut history = History::new(ID);
    let mut pruned = 0;
    for t in 2..40 {
        let (h, notices) = v.add_attempt(&history, attempt(&instrument, f64::from(t)));
        history = h;
        for n in notices {
            match n {
                Notice::Pruned(k) => pruned += k,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(
            history.attempts.last().unwrap().completed_at,
            f64::from(t),
            "the new attempt is kept"
        );
    }
    assert!(pruned > 0, "the quota was reached");
    let stored = v.backend().snapshot();
    // The other instrument's older attempt went first.
    let trust_left: History = serde_json::from_str(&stored[&trust_key]).unwrap();
    assert!(trust_left.attempts.is_empty());
    // What is left of ours is the newest attempts, contiguous up to the last one.
    let ours: History = serde_json::from_str(&stored[&v.keys().history()]).unwrap();
    let times: Vec<f64> = ours.attempts.iter().map(|a| a.completed_at).collect();
    let first = times[0];
    assert_eq!(times, (first as u32..40).map(f64::from).collect::<Vec<_>>());

    // Saving progress also makes room, and never drops the progress itself.
    let notices = v.save_progress(&started(&instrument), &mut history);
    assert!(
        notices.iter().all(|n| matches!(n, Notice::Pruned(_))),
        "{notices:?}"
    );
    assert!(v.backend().snapshot().contains_key(&v.keys().progress()));
}

#[test]
fn kept_screens_make_room_before_any_attempt_and_never_leave_in_an_export() {
    let instrument = instrument();
    let v = vault(MemoryBackend::with_quota(6_000));
    let (mut history, notices) = v.add_attempt(&History::new(ID), attempt(&instrument, 1.0));
    assert!(notices.is_empty(), "{notices:?}");
    let ours = v.keys().of(KEPT);
    let elsewhere = Keys::new(Some("other-course"), "trust-equation").of(KEPT);
    let used: usize = v.backend().snapshot().values().map(String::len).sum();
    let room = 6_000 - used - ours.len() - elsewhere.len() - 200;
    put(v.backend(), &ours, &"o".repeat(room / 2));
    put(v.backend(), &elsewhere, &"e".repeat(room / 2));

    // The export holds records only.
    let export = v.export(3.0).unwrap();
    assert!(!export.contains(":kept"), "{export}");

    // A second attempt does not fit beside both kept screens: they go, silently, and
    // no attempt does.
    let (h, notices) = v.add_attempt(&history, attempt(&instrument, 2.0));
    history = h;
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(history.attempts.len(), 2);
    let stored = v.backend().snapshot();
    assert!(!stored.contains_key(&ours) || !stored.contains_key(&elsewhere));

    // Deleting the reader's data removes their kept screen with their records.
    put(v.backend(), &ours, "<p>result</p>");
    v.delete_all();
    assert!(!v.backend().snapshot().contains_key(&ours));
}

#[test]
fn when_nothing_is_left_to_drop_the_change_stays_in_memory() {
    let instrument = instrument();
    let v = vault(MemoryBackend::with_quota(100));
    let mut history = History::new(ID);
    let notices = v.save_progress(&started(&instrument), &mut history);
    assert_eq!(notices, [Notice::NotSaved]);
}

#[test]
fn nothing_outside_the_namespace_is_read_written_or_deleted() {
    let instrument = instrument();
    let backend = MemoryBackend::with_quota(2_500);
    let foreign = [
        ("host-app:settings", "{\"theme\":\"dark\"}"),
        (
            "candor:other-course:service-or-servility:history",
            "{\"schema\":2}",
        ),
        ("candor:course2:service-or-servility:progress", "keep me"),
    ];
    for (k, t) in foreign {
        put(&backend, k, t);
    }
    let v = vault(backend);
    let mut history = History::new(ID);
    for t in 0..30 {
        history = v
            .add_attempt(&history, attempt(&instrument, f64::from(t)))
            .0;
    }
    let _ = v.save_progress(&started(&instrument), &mut history);
    let export = v.export(1.0).unwrap();
    assert!(!export.contains("host-app") && !export.contains("other-course"));
    assert!(v.delete_all() >= 1);
    let stored = v.backend().snapshot();
    for (k, t) in foreign {
        assert_eq!(stored.get(k).map(String::as_str), Some(t), "{k}");
    }
    assert!(
        !stored.keys().any(|k| k.starts_with("candor:course:")),
        "{stored:?}"
    );
}

#[test]
fn export_delete_import_restores_the_same_history() {
    let instrument = instrument();
    let v = vault(MemoryBackend::new());
    let mut history = History::new(ID);
    for t in [10.0, 20.0, 30.0] {
        history = v.add_attempt(&history, attempt(&instrument, t)).0;
    }
    let _ = v.save_progress(&started(&instrument), &mut history);
    let before = v.backend().snapshot();
    let file = v.export(99.0).unwrap();

    assert_eq!(v.delete_all(), 2);
    assert!(v.backend().snapshot().is_empty());

    let report = v.import(&file).unwrap();
    assert_eq!(report.attempts, 3);
    assert_eq!(v.backend().snapshot(), before);
    assert_eq!(v.load(&instrument.questions(), 100.0).history, history);

    // Importing the same file again adds nothing.
    assert_eq!(v.import(&file).unwrap().attempts, 0);
    assert_eq!(v.backend().snapshot(), before);
}

#[test]
fn import_merges_with_what_is_here() {
    let instrument = instrument();
    let a = vault(MemoryBackend::new());
    let b = vault(MemoryBackend::new());
    let ha = a
        .add_attempt(&History::new(ID), attempt(&instrument, 1.0))
        .0;
    let _ = b.add_attempt(&History::new(ID), attempt(&instrument, 2.0));
    let _ = ha;
    let report = b.import(&a.export(5.0).unwrap()).unwrap();
    assert_eq!(report.attempts, 1);
    let times: Vec<f64> = b
        .load(&instrument.questions(), 6.0)
        .history
        .attempts
        .iter()
        .map(|a| a.completed_at)
        .collect();
    assert_eq!(times, [1.0, 2.0]);
}

#[test]
fn a_bad_import_is_refused_and_changes_nothing() {
    let instrument = instrument();
    let v = vault(MemoryBackend::new());
    let _ = v.add_attempt(&History::new(ID), attempt(&instrument, 1.0));
    let before = v.backend().snapshot();

    assert!(matches!(v.import("not json"), Err(ImportError::NotJson(_))));
    assert_eq!(
        v.import(r#"{"hello":"world"}"#),
        Err(ImportError::NotAnExport)
    );
    assert_eq!(
        v.import(
            r#"{"format":"candor-export","version":9,"namespace":"x","exported_at":0,"records":[]}"#
        ),
        Err(ImportError::Newer(9))
    );
    let bad = r#"{"format":"candor-export","version":1,"namespace":"x","exported_at":0,"records":[
        {"key":"service-or-servility:history","text":"{\"schema\":2,\"instrument\":\"service-or-servility\",\"attempts\":[]}"},
        {"key":"trust-equation:history","text":"{broken"},
        {"key":"../escape:history","text":"{}"}
    ]}"#;
    match v.import(bad) {
        Err(ImportError::BadRecords(list)) => {
            let keys: Vec<&str> = list.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(keys, ["trust-equation:history", "../escape:history"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(v.backend().snapshot(), before);
}

#[test]
fn an_import_that_runs_out_of_room_is_rolled_back() {
    let instrument = instrument();
    let source = vault(MemoryBackend::new());
    let mut history = History::new(ID);
    for t in 0..20 {
        history = source
            .add_attempt(&history, attempt(&instrument, f64::from(t)))
            .0;
    }
    let file = source.export(1.0).unwrap();
    let target = vault(MemoryBackend::with_quota(1_500));
    let _ = target.add_attempt(&History::new(ID), attempt(&instrument, 100.0));
    let before = target.backend().snapshot();
    assert_eq!(target.import(&file), Err(ImportError::Quota));
    assert_eq!(target.backend().snapshot(), before);
}

#[test]
fn a_new_attempt_merges_with_one_another_tab_stored_meanwhile() {
    let instrument = instrument();
    let v = vault(MemoryBackend::new());
    // This tab loaded an empty history; another tab then completed an attempt.
    let mine = v.load(&instrument.questions(), 0.0).history;
    let other_tab = vault(MemoryBackend::new());
    let theirs = other_tab
        .add_attempt(&History::new(ID), attempt(&instrument, 1.0))
        .0;
    put(
        v.backend(),
        &v.keys().history(),
        &serde_json::to_string(&theirs).unwrap(),
    );
    let (merged, _) = v.add_attempt(&mine, attempt(&instrument, 2.0));
    let times: Vec<f64> = merged.attempts.iter().map(|a| a.completed_at).collect();
    assert_eq!(times, [1.0, 2.0]);
}

#[test]
fn a_schema_2_history_reads_as_today_s_and_is_written_back_as_schema_3() {
    let instrument = instrument();
    let backend = MemoryBackend::new();
    let keys = Keys::new(Some("course"), ID);
    let old = serde_json::json!({
        "schema": 2,
        "instrument": ID,
        "attempts": [{ "completed_at": 5.0, "version": 2, "answers": vec![3; 16], "group": null,
                       "headline": "Eager to please", "scores": [] }],
    });
    put(&backend, &keys.history(), &old.to_string());
    let v = vault(backend);
    let loaded = v.load(&instrument.questions(), 10.0);
    assert!(loaded.notices.is_empty());
    assert_eq!(loaded.history.schema, SCHEMA);
    assert_eq!(loaded.history.attempts[0].others, None);
    let (history, _) = v.add_attempt(&loaded.history, attempt(&instrument, 6.0));
    assert_eq!(history.attempts.len(), 2);
    let stored: serde_json::Value = serde_json::from_str(&v.export(0.0).unwrap()).unwrap();
    let text = stored["records"][0]["text"].as_str().unwrap();
    assert!(text.contains("\"schema\":3"), "{text}");
}

#[test]
fn a_request_for_others_view_and_its_codes_are_kept_with_the_attempt() {
    let instrument = instrument();
    let backend = MemoryBackend::new();
    let v = vault(backend);
    let (history, _) = v.add_attempt(&History::new(ID), attempt(&instrument, 5.0));
    let asked = |request: &str, codes: &[&str]| Asked {
        request: request.to_owned(),
        codes: codes.iter().map(|c| (*c).to_owned()).collect(),
    };
    let (history, notices) = v.ask_others(&history, 5.0, asked("AAAA..Sam", &[]));
    assert!(notices.is_empty());
    // One code, then two more, one of them the same: each is kept once, in order.
    let (history, _) = v.ask_others(&history, 5.0, asked("AAAA..Sam", &["R1"]));
    let (history, _) = v.ask_others(&history, 5.0, asked("AAAA..Sam", &["R2", "R1"]));
    assert_eq!(
        history.attempts[0].others,
        Some(asked("AAAA..Sam", &["R1", "R2"]))
    );
    let loaded = v.load(&instrument.questions(), 10.0);
    assert_eq!(
        loaded.history.attempts[0].others,
        Some(asked("AAAA..Sam", &["R1", "R2"]))
    );
    // A new request replaces the one before, with its codes.
    let (history, _) = v.ask_others(&loaded.history, 5.0, asked("BBBB..", &[]));
    assert_eq!(history.attempts[0].others, Some(asked("BBBB..", &[])));
    // Export, delete everything, import: the request and codes come back.
    let file = v.export(0.0).unwrap();
    v.delete_all();
    v.import(&file).unwrap();
    let back = v.load(&instrument.questions(), 10.0);
    assert_eq!(back.history.attempts[0].others, Some(asked("BBBB..", &[])));
}

#[test]
fn two_copies_of_one_attempt_keep_the_codes_either_received() {
    let instrument = instrument();
    let with = |codes: &[&str]| {
        let mut a = attempt(&instrument, 5.0);
        a.others = Some(Asked {
            request: "AAAA..".to_owned(),
            codes: codes.iter().map(|c| (*c).to_owned()).collect(),
        });
        History {
            schema: SCHEMA,
            instrument: ID.to_owned(),
            attempts: vec![a],
        }
    };
    let mut mine = with(&["R1"]);
    mine.merge(&with(&["R2", "R1"]));
    let codes = &mine.attempts[0].others.as_ref().unwrap().codes;
    assert_eq!(codes, &["R1", "R2"]);
    let mut bare = History {
        schema: SCHEMA,
        instrument: ID.to_owned(),
        attempts: vec![attempt(&instrument, 5.0)],
    };
    bare.merge(&with(&["R3"]));
    assert_eq!(bare.attempts[0].others.as_ref().unwrap().codes, ["R3"]);
}
