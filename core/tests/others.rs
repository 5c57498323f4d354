//! Others' view: rater texts in a definition, the instrument as raters take it, rater codes
//! and the reader's view against the raters', with hand-worked tables.
#![allow(clippy::unwrap_used)]

mod common;

use candor_core::builtin;
use candor_core::code::{self, CodeError};
use candor_core::definition::Instrument;
use candor_core::messages::{EN, FR};
use candor_core::others::{
    self, Comparison, Gap, Inbox, MIN_RATERS, Refusal, Request, Spread, View, compare,
};
use candor_core::response::Response;
use proptest::prelude::*;
use serde_json::json;

/// The "I can't tell" answer: one past the five options.
const CANNOT_TELL: u8 = 5;

fn instrument(id: &str) -> Instrument {
    common::builtin(id)
}

fn ready(view: Option<View>) -> Comparison {
    match view {
        Some(View::Ready(comparison)) => comparison,
        other => panic!("not ready: {other:?}"),
    }
}

#[test]
fn rater_texts_are_on_every_item_or_none_and_name_the_person() {
    assert!(instrument("trust-equation").asks_others());
    assert!(instrument("service-or-servility").asks_others());
    assert!(!instrument("curiosity").asks_others());
    let missing = common::errors("trust-equation", |v| {
        v["items"][3].as_object_mut().unwrap().remove("rater");
    });
    assert_eq!(
        missing,
        [
            "items[3].rater: other items have a \"rater\" text, so this one needs one too: others answer every item"
        ]
    );
    let unnamed = common::errors("service-or-servility", |v| {
        v["items"][1]["rater"] = json!("Tells a client when a request will not work.");
    });
    assert_eq!(
        unnamed,
        ["items[1].rater: a \"rater\" text names the person it is about with {name}"]
    );
    // Others rate what a person does: not a level placement or an organisation's grid.
    let levels = common::errors("customer-focus", |v| {
        v["items"][0]["rater"] = json!("{name} does it.");
    });
    assert!(
        levels
            .iter()
            .any(|e| e.starts_with("items[0].rater: unknown field")),
        "{levels:?}"
    );
}

#[test]
fn a_rater_reads_about_the_person_and_can_always_say_they_cannot_tell() {
    let base = instrument("service-or-servility");
    let sam = others::for_raters(&base, Some("Sam"), &EN).unwrap();
    assert_eq!(
        sam.items()[0].text,
        "Sam cancels a team meeting to make room for a client call booked at short notice."
    );
    assert!(
        sam.intro()
            .starts_with("Sam would like to know how you see them.")
    );
    assert!(sam.intro().contains("\u{201c}I can't tell\u{201d}"));
    for i in 0..sam.items().len() {
        assert_eq!(sam.not_applicable(i), Some("I can't tell"), "item {i}");
    }
    // No name: "this person", capitalised where it starts the sentence.
    let nobody = others::for_raters(&base, None, &EN).unwrap();
    assert!(nobody.items()[0].text.starts_with("This person cancels"));
    assert!(
        nobody.items()[1].text.contains("this person")
            || nobody.items()[1].text.starts_with("This person")
    );
    // In French, the French texts and the French label.
    let french = builtin::load_in("trust-equation", "fr").unwrap();
    let rater = others::for_raters(&french, None, &FR).unwrap();
    assert_eq!(rater.not_applicable(0), Some("Je ne peux pas le dire"));
    assert!(
        rater
            .items()
            .iter()
            .all(|item| !item.text.contains("{name}"))
    );
    // An instrument without rater texts cannot be sent to others.
    assert!(others::for_raters(&instrument("curiosity"), Some("Sam"), &EN).is_none());
}

#[test]
fn a_request_survives_its_link_and_keeps_only_a_clean_name() {
    let request = Request::new(0xABCDE, Some("ws-42"), "  Sam\t{x} Lee ");
    assert_eq!(request.id, 0xABCDE);
    assert_eq!(request.session.as_deref(), Some("WS42"));
    assert_eq!(request.name.as_deref(), Some("Sam x Lee"));
    assert_eq!(Request::from_param(&request.to_param()), Ok(request));
    let anonymous = Request::new(7, None, "   ");
    assert_eq!(anonymous.to_param(), "0007..");
    assert_eq!(Request::from_param("0007.."), Ok(anonymous));
    assert_eq!(
        Request::from_param("00U7.."),
        Err(others::RequestError::BadId)
    );
    assert_eq!(Request::from_param(""), Err(others::RequestError::BadId));
    let long = "x".repeat(100);
    assert_eq!(
        Request::new(1, None, &long).name.unwrap().chars().count(),
        others::MAX_NAME_CHARS
    );
}

#[test]
fn rater_codes_round_trip_and_refuse_what_is_not_theirs() {
    let request = Request::new(0x5_4321, Some("WS42"), "Sam");
    for id in ["trust-equation", "service-or-servility"] {
        let base = instrument(id);
        let answers: Vec<u8> = (0..base.items().len()).map(|i| (i % 6) as u8).collect();
        let text = others::encode(&base, &request, &answers).unwrap();
        assert_eq!(
            text.replace('-', "").len(),
            others::code::code_len(&base),
            "{id}"
        );
        assert!(text.starts_with('R'));
        let back = others::decode(&text.to_lowercase(), &base).unwrap();
        assert_eq!(back.request, 0x5_4321);
        assert_eq!(back.session, code::session_hash(Some("ws-42")));
        assert_eq!(back.answers, answers);
        // One symbol changed: the check catches it.
        let mut damaged: Vec<char> = text.chars().collect();
        let at = damaged.len() - 4;
        damaged[at] = if damaged[at] == '7' { '8' } else { '7' };
        let damaged: String = damaged.into_iter().collect();
        assert_eq!(others::decode(&damaged, &base), Err(CodeError::Checksum));
    }
    let trust = instrument("trust-equation");
    let servility = instrument("service-or-servility");
    let answers = vec![CANNOT_TELL; trust.items().len()];
    let text = others::encode(&trust, &request, &answers).unwrap();
    assert_eq!(
        others::decode(&text, &servility),
        Err(CodeError::OtherInstrument)
    );
    // A result code is not a rater code.
    let own = Response {
        answers: vec![Some(2); 20],
        group: None,
    };
    let result = code::encode(&trust, &own, None, 3).unwrap();
    assert_eq!(
        others::decode(&result, &trust),
        Err(CodeError::UnknownFormat('2'))
    );
    // Answers that do not fit are not encoded.
    assert!(others::encode(&trust, &request, &[0; 3]).is_none());
    assert!(others::encode(&trust, &request, &[6; 20]).is_none());
}

/// Service or servility: even items feed servility, odd ones partnership.
fn servility_answers(servility: u8, partnership: u8) -> Vec<u8> {
    (0..16)
        .map(|i| if i % 2 == 0 { servility } else { partnership })
        .collect()
}

#[test]
fn nothing_shows_below_three_raters() {
    let base = instrument("service-or-servility");
    let own = Response {
        answers: servility_answers(2, 3).into_iter().map(Some).collect(),
        group: None,
    };
    for n in 0..MIN_RATERS {
        let raters = vec![servility_answers(4, 0); n];
        assert_eq!(
            compare(&base, Some(&own), &raters),
            Some(View::Waiting {
                received: n,
                needed: MIN_RATERS - n
            })
        );
    }
    // Models others cannot rate have no view.
    assert_eq!(compare(&instrument("customer-focus"), None, &[]), None);
}

#[test]
fn service_or_servility_own_view_against_three_raters() {
    let base = instrument("service-or-servility");
    // Own: servility "sometimes" (10 each → 10), partnership "usually" (75).
    let own = Response {
        answers: servility_answers(2, 3).into_iter().map(Some).collect(),
        group: None,
    };
    // Raters: servility 60, 100, 10 → mean 170 / 3 = 56.7, sd 36.8;
    // partnership 50, 25, 100 → mean 175 / 3 = 58.3, sd 31.2.
    let raters = [
        servility_answers(3, 2),
        servility_answers(4, 1),
        servility_answers(2, 4),
    ];
    let view = ready(compare(&base, Some(&own), &raters));
    assert_eq!(view.raters, 3);
    assert_eq!(view.range, (0, 100));
    // Parts in the model's order: partnership, servility.
    assert_eq!(view.parts[0].own, Some(75));
    assert_eq!(
        view.parts[0].others,
        Some(Spread {
            mean_tenths: 583,
            sd_tenths: 312,
            raters: 3
        })
    );
    assert_eq!(view.parts[1].own, Some(10));
    assert_eq!(
        view.parts[1].others,
        Some(Spread {
            mean_tenths: 567,
            sd_tenths: 368,
            raters: 3
        })
    );
    // Others see 46.7 more servility than the reader does, and 16.7 less partnership: both
    // at least 10 points, the larger first.
    assert_eq!(
        view.gaps,
        [
            Gap {
                part: 1,
                tenths: 467
            },
            Gap {
                part: 0,
                tenths: -167
            }
        ]
    );
}

#[test]
fn a_rater_who_cannot_tell_enough_does_not_count_for_that_part() {
    let base = instrument("service-or-servility");
    let own = Response {
        answers: servility_answers(2, 2).into_iter().map(Some).collect(),
        group: None,
    };
    // The third rater can tell only two of the eight servility items (five are needed):
    // servility has two raters' scores, too few to show; partnership has three.
    let mut unsure = servility_answers(CANNOT_TELL, 2);
    unsure[0] = 4;
    unsure[2] = 4;
    let raters = [servility_answers(3, 2), servility_answers(3, 2), unsure];
    let view = ready(compare(&base, Some(&own), &raters));
    assert_eq!(view.parts[1].others, None);
    assert_eq!(
        view.parts[0].others,
        Some(Spread {
            mean_tenths: 500,
            sd_tenths: 0,
            raters: 3
        })
    );
    // Own partnership 50 = others' 50: no gap; servility has no others' figure: no gap.
    assert!(view.gaps.is_empty());
}

#[test]
fn trust_equation_sums_are_prorated_and_gaps_need_a_tenth_of_the_range() {
    let base = instrument("trust-equation");
    // Own: "strongly agree" to everything. Each component has three items and two
    // reverse-keyed ones: 5 + 5 + 5 + 1 + 1 = 17.
    let own = Response {
        answers: vec![Some(4); 20],
        group: None,
    };
    // Rater 1 the same: 17 each. Rater 2 "agree" to everything (4 + 4 + 4 + 2 + 2 = 16), but
    // cannot tell the first two credibility items: its credibility is the three others
    // (one straight at 4, two reversed at 2) = 8, prorated over five: 8 × 5 / 3 = 13.3 → 13.
    // Rater 3 "strongly disagree" to everything: 1 + 1 + 1 + 5 + 5 = 13.
    let mut agree = vec![3; 20];
    let credibility: Vec<usize> = (0..20)
        .filter(|&i| base.items()[i].id.as_str().starts_with("c-"))
        .collect();
    agree[credibility[0]] = CANNOT_TELL;
    agree[credibility[1]] = CANNOT_TELL;
    let raters = [vec![4; 20], agree, vec![0; 20]];
    let view = ready(compare(&base, Some(&own), &raters));
    assert_eq!(view.range, (5, 25));
    assert_eq!(view.denominator, Some(3));
    // Credibility 17, 13, 13 → 43 / 3 = 14.3; sd √(3 · 627 − 43²) / 3 = √32 / 3 = 1.9.
    assert_eq!(view.parts[0].own, Some(17));
    assert_eq!(
        view.parts[0].others,
        Some(Spread {
            mean_tenths: 143,
            sd_tenths: 19,
            raters: 3
        })
    );
    // The others 17, 16, 13 → 46 / 3 = 15.3; sd √(3 · 714 − 46²) / 3 = √26 / 3 = 1.7.
    for part in 1..4 {
        assert_eq!(
            view.parts[part].others,
            Some(Spread {
                mean_tenths: 153,
                sd_tenths: 17,
                raters: 3
            })
        );
    }
    // A gap needs 2 points on the 5–25 range: credibility's 2.7 is one, the others' 1.7 not.
    assert_eq!(
        view.gaps,
        [Gap {
            part: 0,
            tenths: -27
        }]
    );
    // Self-orientation drawn as its virtue: 5 + 25 − 15.3 = 14.7.
    assert_eq!(view.virtue_tenths(3, 153), 147);
    assert_eq!(view.virtue_tenths(0, 143), 143);
}

#[test]
fn an_inbox_takes_a_whole_transcript_and_says_why_it_refused_codes() {
    let base = instrument("trust-equation");
    let mine = Request::new(0x1_2345, None, "Sam");
    let theirs = Request::new(0x5_4321, None, "Ana");
    let code = |request: &Request, seed: u8| {
        let answers: Vec<u8> = (0..20).map(|i| (i as u8 + seed) % 6).collect();
        others::encode(&base, request, &answers).unwrap()
    };
    let (a, b, c) = (code(&mine, 0), code(&mine, 1), code(&mine, 2));
    let result = code::encode(
        &base,
        &Response {
            answers: vec![Some(1); 20],
            group: None,
        },
        None,
        1,
    )
    .unwrap();
    let mut damaged = b.clone();
    damaged.replace_range(5..6, if &b[5..6] == "7" { "8" } else { "7" });
    let transcript = format!(
        "Ana: here you go {a}\nBo: mine is {damaged}, sorry\nBo: {b}!\nCy: ({c})\nAna: again {a}\nDee: {}\nEd: my own result {result}",
        code(&theirs, 3)
    );
    let mut inbox = Inbox::new(&base, mine.id);
    let pasted = inbox.paste(&transcript);
    assert_eq!(pasted.added, 3);
    let reasons: Vec<&Refusal> = pasted.refused.iter().map(|(_, why)| why).collect();
    assert_eq!(
        reasons,
        [
            &Refusal::Invalid(CodeError::Checksum),
            &Refusal::Duplicate,
            &Refusal::OtherRequest,
            &Refusal::ResultCode
        ]
    );
    assert_eq!(inbox.codes().len(), 3);
    // Pasting the same again adds nothing.
    let again = inbox.paste(&a);
    assert_eq!(again.added, 0);
    assert_eq!(again.refused[0].1, Refusal::Duplicate);
    assert!(matches!(inbox.view(None), Some(View::Ready(_))));
}

proptest! {
    #[test]
    fn decoding_any_text_never_panics(text in "\\PC{0,60}", prefix in "[Rr2]{0,1}") {
        for id in ["trust-equation", "service-or-servility"] {
            let base = instrument(id);
            let _ = others::decode(&format!("{prefix}{text}"), &base);
            let mut inbox = Inbox::new(&base, 1);
            let _ = inbox.paste(&format!("{prefix}{text}"));
        }
    }

    #[test]
    fn any_answers_round_trip(seeds in prop::collection::vec(0u8..6, 20), id in 0u32..(1 << 20), session in prop::option::of("[a-zA-Z0-9]{1,8}")) {
        let base = instrument("trust-equation");
        let request = Request::new(id, session.as_deref(), "");
        let text = others::encode(&base, &request, &seeds).unwrap();
        let back = others::decode(&text, &base).unwrap();
        prop_assert_eq!(back.answers, seeds);
        prop_assert_eq!(back.request, id);
    }
}

#[test]
fn a_facilitator_sees_the_group_s_own_view_against_the_raters_of_its_session() {
    use candor_core::group::GroupReport;
    use candor_core::others::GroupPart;
    let base = instrument("service-or-servility");
    let member = |servility: u8, partnership: u8, nonce: u8| {
        let response = Response {
            answers: servility_answers(servility, partnership)
                .into_iter()
                .map(Some)
                .collect(),
            group: None,
        };
        code::encode(&base, &response, Some("WS-42"), nonce).unwrap()
    };
    let ours = Request::new(1, Some("WS-42"), "Ana");
    let elsewhere = Request::new(2, Some("OTHER"), "Bo");
    let rater = |request: &Request, servility: u8, partnership: u8| {
        others::encode(&base, request, &servility_answers(servility, partnership)).unwrap()
    };
    let paste = [
        member(2, 3, 1),
        member(3, 2, 2),
        rater(&ours, 3, 2),
        rater(&ours, 4, 1),
        rater(&ours, 2, 4),
        rater(&elsewhere, 0, 0),
        rater(&ours, 3, 2),
    ]
    .join("\n");
    let report = GroupReport::from_text(&paste, &base, Some("WS-42"));
    assert_eq!(report.members.len(), 2);
    let seen = report.others.expect("rater codes were pasted");
    assert_eq!((seen.view.members, seen.view.raters), (2, 3));
    // Members: partnership 75 and 50 → 62.5, spread 12.5; servility 10 and 60 → 35, 25.
    // Raters: as in the reader's own table above.
    assert_eq!(
        seen.view.parts,
        [
            GroupPart {
                own: Some(Spread {
                    mean_tenths: 625,
                    sd_tenths: 125,
                    raters: 2
                }),
                others: Some(Spread {
                    mean_tenths: 583,
                    sd_tenths: 312,
                    raters: 3
                }),
            },
            GroupPart {
                own: Some(Spread {
                    mean_tenths: 350,
                    sd_tenths: 250,
                    raters: 2
                }),
                others: Some(Spread {
                    mean_tenths: 567,
                    sd_tenths: 368,
                    raters: 3
                }),
            },
        ]
    );
    let reasons: Vec<&Refusal> = seen.refused.iter().map(|(_, why)| why).collect();
    assert_eq!(reasons, [&Refusal::OtherSession, &Refusal::Duplicate]);
    // Without rater codes, nothing of the kind.
    let alone = GroupReport::from_text(&member(2, 3, 1), &base, Some("WS-42"));
    assert!(alone.others.is_none());
}
