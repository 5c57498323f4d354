//! Result codes: lengths, round trips, damage detection, and decoding any string safely.
#![allow(clippy::unwrap_used)]

mod common;

use candor_core::builtin;
use candor_core::code::{self, CodeError};
use candor_core::definition::Instrument;
use proptest::prelude::*;

fn instruments() -> Vec<Instrument> {
    builtin::ids().map(common::builtin).collect()
}

#[test]
fn built_in_code_lengths_are_as_documented() {
    let lengths: Vec<(String, usize)> = instruments()
        .iter()
        .map(|i| (i.id().as_str().to_owned(), code::code_len(i)))
        .collect();
    assert_eq!(
        lengths,
        [
            ("service-or-servility".to_owned(), 17),
            ("customer-focus".to_owned(), 14),
            ("trust-equation".to_owned(), 19),
            ("trust-roadmap".to_owned(), 20),
            ("put-yourself-on-the-list".to_owned(), 15),
            ("curiosity".to_owned(), 15),
            ("existing-customers".to_owned(), 15),
        ]
    );
}

/// Codes given out by the first versions of the built-ins (layout 1, before "does not
/// apply"), with the answers they were made from.
const GIVEN_OUT: &[(&str, &str, &[u8], Option<u8>)] = &[
    (
        "service-or-servility",
        "1701-KS01-A78C-GBDQ-D",
        &[1, 2, 2, 0, 3, 2, 4, 2, 2, 3, 2, 2, 4, 3, 1, 0],
        None,
    ),
    (
        "service-or-servility",
        "1701-KS71-E7WX-WKFK-M",
        &[1, 3, 0, 3, 1, 4, 4, 2, 4, 0, 0, 1, 1, 4, 4, 3],
        None,
    ),
    (
        "customer-focus",
        "1441-KS02-RHSN-05",
        &[1, 2, 2, 0, 3, 2, 4, 2, 2, 3],
        None,
    ),
    (
        "customer-focus",
        "1441-KS73-0ZJP-SK",
        &[1, 3, 0, 3, 1, 4, 4, 2, 4, 0],
        None,
    ),
    (
        "trust-equation",
        "1SE1-KS00-SRQT-WBEX-78E",
        &[1, 2, 2, 0, 3, 2, 4, 2, 2, 3, 2, 2, 4, 3, 1, 0, 1, 0, 2, 3],
        None,
    ),
    (
        "trust-equation",
        "1SE1-KS70-W78C-3VRS-QRR",
        &[1, 3, 0, 3, 1, 4, 4, 2, 4, 0, 0, 1, 1, 4, 4, 3, 4, 2, 3, 3],
        None,
    ),
    (
        "trust-roadmap",
        "1BG1-KS00-SRQT-WBEX-7FV",
        &[1, 2, 2, 0, 3, 2, 4, 2, 2, 3, 2, 2, 4, 3, 1, 0, 1, 0, 2, 3],
        Some(0),
    ),
    (
        "trust-roadmap",
        "1BG1-KS76-9PC2-073W-SDV",
        &[1, 3, 0, 3, 1, 4, 4, 2, 4, 0, 0, 1, 1, 4, 4, 3, 4, 2, 3, 3],
        Some(2),
    ),
];

#[test]
fn codes_given_out_before_does_not_apply_still_decode() {
    for &(id, text, answers, group) in GIVEN_OUT {
        let instrument = common::builtin(id);
        let decoded =
            code::decode(text, &instrument).unwrap_or_else(|e| panic!("{id} {text}: {e}"));
        // Items that state the opposite since version 2 (two of the roadmap's) count the
        // old answers backwards, so they keep their meaning and their points; the question
        // added in version 2 (the roadmap's priority) reads "does not apply".
        let expected = instrument.read_answers(1, answers.iter().copied().map(Some).collect());
        assert_eq!(expected.len(), instrument.items().len());
        assert_eq!(decoded.response.answers, expected, "{id}");
        assert_eq!(decoded.response.group, group, "{id}");
        assert_eq!(decoded.session, code::session_hash(Some("WS-42")));
        assert!(code::is_for(text, &instrument.questions()), "{id}");
        assert!(instrument.score(&decoded.response).is_ok());
        // The same code, one symbol changed, is still caught.
        let damaged = text.replacen("KS", "KT", 1);
        assert!(code::decode(&damaged, &instrument).is_err(), "{id}");
    }
}

#[test]
fn attempts_stored_at_version_1_are_scored_and_coded_as_today() {
    for &(id, _, answers, group) in GIVEN_OUT {
        let instrument = common::builtin(id);
        assert!(instrument.version() > 1, "{id} has a newer version");
        // As a schema-2 history kept them: answers, version, no scores yet (migrated).
        let attempt = candor_core::records::Attempt {
            completed_at: 1.76e12,
            version: 1,
            answers: answers.to_vec(),
            group,
            headline: String::new(),
            scores: Vec::new(),
            session: None,
            others: None,
        };
        let mut history = candor_core::records::History::new(id);
        history.attempts.push(attempt);
        assert!(history.backfill(&instrument), "{id}");
        let attempt = &history.attempts[0];
        assert!(
            !attempt.headline.is_empty() && !attempt.scores.is_empty(),
            "{id}"
        );
        let text = attempt.code(&instrument).unwrap();
        let decoded = code::decode(&text, &instrument).unwrap();
        assert_eq!(decoded.response, attempt.response_in(&instrument), "{id}");
    }
}

#[test]
fn an_item_turned_into_its_opposite_reads_old_answers_backwards() {
    let instrument = common::builtin("trust-roadmap");
    let (_, text, answers, _) = GIVEN_OUT[6];
    let decoded = code::decode(text, &instrument).unwrap();
    let turned: Vec<usize> = (instrument.items().iter().enumerate())
        .filter(|(_, item)| item.opposite_from == Some(2))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(turned.len(), 2);
    for i in turned {
        // "Agree" (3 of 0–4) with the old statement is "disagree" (1) with its opposite.
        assert_eq!(
            decoded.response.answers[i],
            Some(4 - answers[i]),
            "item {i}"
        );
    }
    // An attempt in progress at version 1 restarts rather than be read backwards.
    assert!(!instrument.questions().reads_version(1));
    assert!(
        common::builtin("service-or-servility")
            .questions()
            .reads_version(1)
    );
}

#[test]
fn a_new_code_carries_does_not_apply() {
    let instrument = common::builtin("trust-roadmap");
    let mut response = common::response(&instrument, &[2, 4], 1);
    let offering: Vec<usize> = (0..response.answers.len())
        .filter(|&i| instrument.not_applicable(i).is_some())
        .collect();
    assert_eq!(
        offering.len(),
        9,
        "the rewards and structure rows, and the priority"
    );
    for &i in &offering[..3] {
        response.answers[i] = Some(instrument.option_count(i) as u8);
    }
    let text = code::encode(&instrument, &response, None, 3).unwrap();
    assert!(text.starts_with('2'), "layout 2: {text}");
    let back = code::decode(&text, &instrument).unwrap();
    assert_eq!(back.response, response);
    assert_eq!(back.response.not_applicable(&instrument), 3);
}

#[test]
fn codes_are_grouped_in_fours_and_read_back_in_any_case() {
    let instrument = common::builtin("service-or-servility");
    let r = common::response(&instrument, &[0, 1, 2, 3, 4], 0);
    let text = code::encode(&instrument, &r, None, 3).unwrap();
    assert_eq!(text.len(), 17 + 4, "{text}");
    assert!(text.split('-').take(4).all(|g| g.len() == 4), "{text}");
    let sloppy = format!("  {} ", text.to_lowercase().replace('-', " "));
    assert_eq!(code::decode(&sloppy, &instrument).unwrap().response, r);
}

#[test]
fn extremes_round_trip() {
    for instrument in instruments() {
        for value in [0u8, 255] {
            let r = common::response(&instrument, &[value], value);
            let text = code::encode(&instrument, &r, Some("x"), 31).unwrap();
            let back = code::decode(&text, &instrument).unwrap();
            assert_eq!(back.response, r, "{}", instrument.id());
        }
    }
}

#[test]
fn a_codes_head_tells_its_builtin_as_is_for_does() {
    let all: Vec<_> = builtin::ids().map(common::builtin).collect();
    for instrument in &all {
        let heads = code::heads(&instrument.questions());
        for nonce in [0, 7, 31] {
            let answers = common::response(instrument, &[0, 1, 2], 0);
            let text = code::encode(instrument, &answers, Some("WS-42"), nonce).unwrap();
            let symbols = code::normalize(&text).unwrap();
            for other in &all {
                let starts = code::heads(&other.questions())
                    .iter()
                    .any(|head| symbols.starts_with(head.as_str()));
                assert_eq!(
                    starts,
                    code::is_for(&text, &other.questions()),
                    "{}",
                    other.id()
                );
                assert_eq!(starts, other.id() == instrument.id(), "{}", other.id());
            }
        }
        // Every format and version read, and no more.
        assert_eq!(
            heads.len(),
            2 * (1 + instrument.questions().earlier().len())
        );
        for head in &heads {
            assert!(code::is_for(head, &instrument.questions()), "{head}");
        }
    }
}

#[test]
fn a_code_for_another_instrument_or_version_says_so() {
    let focus = common::builtin("customer-focus");
    let trust = common::builtin("trust-equation");
    let text = code::encode(&focus, &common::response(&focus, &[1], 0), None, 0).unwrap();
    assert_eq!(code::decode(&text, &trust), Err(CodeError::OtherInstrument));
    let newer = common::with_version("customer-focus", focus.version() + 1);
    assert_eq!(code::decode(&text, &newer), Err(CodeError::OtherVersion));
    // What the first-question bundle asks of a share link tells the same apart.
    assert!(code::is_for(&text, &focus.questions()));
    assert!(!code::is_for(&text, &trust.questions()));
    assert!(!code::is_for(&text, &newer.questions()));
    let other_format = format!("3{}", &text[1..]);
    assert!(!code::is_for(&other_format, &focus.questions()));
    for cut in ["", "1", &text[..3]] {
        assert!(!code::is_for(cut, &focus.questions()), "{cut:?}");
    }
    assert!(!code::is_for("hello there", &focus.questions()));
}

#[test]
fn every_single_mistyped_character_is_caught() {
    let instrument = common::builtin("trust-equation");
    let text = code::encode(
        &instrument,
        &common::response(&instrument, &[4, 1, 3], 0),
        Some("s"),
        9,
    )
    .unwrap();
    let symbols = code::normalize(&text).unwrap();
    for (i, original) in symbols.char_indices() {
        for replacement in code::ALPHABET.iter().map(|&b| char::from(b)) {
            if replacement == original {
                continue;
            }
            let mut damaged = symbols.clone();
            damaged.replace_range(i..=i, &replacement.to_string());
            assert!(
                code::decode(&damaged, &instrument).is_err(),
                "{damaged} (position {i}) decoded"
            );
        }
    }
}

#[test]
fn cut_short_or_padded_codes_are_refused() {
    let instrument = common::builtin("service-or-servility");
    let text = code::encode(
        &instrument,
        &common::response(&instrument, &[2], 0),
        None,
        0,
    )
    .unwrap();
    let symbols = code::normalize(&text).unwrap();
    assert!(code::decode(&symbols[..symbols.len() - 1], &instrument).is_err());
    assert!(code::decode(&format!("{symbols}0"), &instrument).is_err());
    assert_eq!(code::decode("", &instrument), Err(CodeError::Empty));
    assert_eq!(
        code::decode("3ABC", &instrument),
        Err(CodeError::UnknownFormat('3'))
    );
    assert!(matches!(
        code::decode("1AB!C", &instrument),
        Err(CodeError::BadCharacter {
            found: '!',
            position: 3
        })
    ));
}

#[test]
fn the_nonce_follows_the_attempt() {
    assert_eq!(
        code::nonce_for(1_700_000_000_123.0),
        code::nonce_for(1_700_000_000_123.0)
    );
    let nonces: std::collections::HashSet<u8> = (0..200)
        .map(|t| code::nonce_for(1_700_000_000_000.0 + f64::from(t)))
        .collect();
    assert!(
        nonces.len() > 20,
        "nonces spread over the 32 values: {}",
        nonces.len()
    );
}

#[test]
fn candidates_are_picked_out_of_a_chat() {
    let chat = "09:14 Ana: here is mine 1K3M-7QX2-M9AB-CD12!\n09:15 Bo: (1x) 1st try: 1ZZZ9999ZZZZ\nCara: 1ab2-cd3e\nDee: 2K3M-7QX2-M9AB-CD12 3K3M-7QX2-M9AB";
    let found: Vec<&str> = code::candidates(chat).collect();
    assert_eq!(
        found,
        ["1K3M-7QX2-M9AB-CD12", "1ZZZ9999ZZZZ", "2K3M-7QX2-M9AB-CD12"]
    );
}

proptest! {
    #[test]
    fn encode_then_decode_round_trips(
        seeds in prop::collection::vec(any::<u8>(), 1..30),
        group in any::<u8>(),
        nonce in 0u8..32,
        session in prop::option::of("[a-zA-Z0-9-]{1,12}"),
    ) {
        for instrument in instruments() {
            let r = common::response(&instrument, &seeds, group);
            let text = code::encode(&instrument, &r, session.as_deref(), nonce).unwrap();
            prop_assert_eq!(text.replace('-', "").len(), code::code_len(&instrument));
            let back = code::decode(&text, &instrument).unwrap();
            prop_assert_eq!(back.response, r);
            prop_assert_eq!(back.session, code::session_hash(session.as_deref()));
        }
    }

    #[test]
    fn any_string_decodes_to_a_value_or_an_error(text in ".{0,80}") {
        for instrument in instruments() {
            let _ = code::decode(&text, &instrument);
        }
    }

    /// Whatever decodes as a code of an instrument is named as one by its first symbols
    /// (the first-question bundle's check), and the other built-ins are not.
    #[test]
    fn every_code_that_decodes_names_its_instrument(text in "1[0-9A-Z]{5,40}", seeds in prop::collection::vec(any::<u8>(), 1..30)) {
        let all = instruments();
        for instrument in &all {
            if code::decode(&text, instrument).is_ok() {
                prop_assert!(code::is_for(&text, &instrument.questions()));
            }
            let own = code::encode(instrument, &common::response(instrument, &seeds, 0), None, 0).unwrap();
            for other in &all {
                prop_assert_eq!(code::is_for(&own, &other.questions()), other.id() == instrument.id(), "{} / {}", instrument.id(), other.id());
            }
        }
    }

    #[test]
    fn any_code_shaped_string_decodes_to_a_value_or_an_error(text in "1[0-9A-Z]{5,40}") {
        for instrument in instruments() {
            if let Ok(decoded) = code::decode(&text, &instrument) {
                // Whatever decodes is a complete response the instrument can score.
                prop_assert!(instrument.score(&decoded.response).is_ok());
            }
        }
    }
}
