//! The facilitator's group profile, checked against figures worked out by hand.
#![allow(clippy::unwrap_used)]

mod common;

use candor_core::code;
use candor_core::group::{GroupReport, Rejection};
use candor_core::response::Response;

fn code_of(
    id: &str,
    answers: Vec<u8>,
    group: Option<u8>,
    session: Option<&str>,
    nonce: u8,
) -> String {
    let instrument = common::builtin(id);
    let response = Response {
        answers: answers.into_iter().map(Some).collect(),
        group,
    };
    code::encode(&instrument, &response, session, nonce).unwrap()
}

#[test]
fn service_or_servility_group() {
    let id = "service-or-servility";
    // Items alternate servility (even) and partnership (odd).
    // A: everything "often" → servility 60, partnership 75: eager to please, halfway down.
    // B: everything "never" → 0 and 0: going through the motions, service freely given.
    // C: servility "now and then" (10), partnership "regularly" (100): trusted partner.
    let a = code_of(id, vec![3; 16], None, Some("WS1"), 1);
    let b = code_of(id, vec![0; 16], None, Some("WS1"), 2);
    let c = code_of(
        id,
        (0..16).map(|k| if k % 2 == 0 { 2 } else { 4 }).collect(),
        None,
        Some("WS1"),
        3,
    );
    let elsewhere = code_of(id, vec![4; 16], None, Some("OTHER"), 4);
    let trust = code_of("trust-equation", vec![2; 20], None, Some("WS1"), 5);
    let mut broken = a.clone();
    broken.replace_range(5..6, if &a[5..6] == "Z" { "Y" } else { "Z" });
    let pasted = format!(
        "Ana: {a}\nBo: {b} (sorry, late)\nCara -> {c}\nDan: {elsewhere}\nEve: {trust}\nFay: {broken}\nAna: {a}\nnot a code: 12 people, 1st round"
    );
    let instrument = common::builtin(id);
    let report = GroupReport::from_text(&pasted, &instrument, Some("ws-1"));

    assert_eq!(report.candidates, 7);
    assert_eq!(report.members.len(), 3);
    let reasons: Vec<&str> = report.rejected.iter().map(|r| r.why.kind()).collect();
    assert_eq!(
        reasons,
        ["other-session", "other-instrument", "invalid", "duplicate"]
    );
    assert!(matches!(report.rejected[2].why, Rejection::Invalid(_)));

    // Partnership 75, 0, 100: mean 58.33, population SD sqrt(((16.67)² + (58.33)² + (41.67)²) / 3).
    let partnership = report.stat("partnership").unwrap();
    assert_eq!(
        (partnership.n, partnership.min, partnership.max),
        (3, 0.0, 100.0)
    );
    assert!((partnership.mean - 175.0 / 3.0).abs() < 1e-9);
    let sd = ((75.0f64 - 175.0 / 3.0).powi(2)
        + (175.0f64 / 3.0).powi(2)
        + (100.0f64 - 175.0 / 3.0).powi(2))
        / 3.0;
    assert!((partnership.sd - sd.sqrt()).abs() < 1e-9);
    // Servility 60, 0, 10: mean 23.33.
    assert!((report.stat("servility").unwrap().mean - 70.0 / 3.0).abs() < 1e-9);

    let quadrants: Vec<(&str, usize)> = report.categories[0]
        .entries
        .iter()
        .map(|(id, _, n)| (id.as_str(), *n))
        .collect();
    assert_eq!(
        quadrants,
        [
            ("going-through-the-motions", 1),
            ("trusted-partner", 1),
            ("at-their-beck-and-call", 0),
            ("eager-to-please", 1)
        ]
    );
    // Slope: 60 is halfway down (band 2), 0 and 10 are service freely given (band 0).
    let slope: Vec<usize> = report.categories[1].entries.iter().map(|e| e.2).collect();
    assert_eq!(slope, [2, 0, 1, 0]);

    let csv = report.csv(&instrument);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "code,status,quadrant,slope,partnership,servility,not_applicable"
    );
    assert!(
        lines[1].ends_with(",ok,eager-to-please,2,75,60,0"),
        "{}",
        lines[1]
    );
    assert_eq!(lines.len(), 1 + 3 + 4);
    assert!(lines[7].ends_with(",duplicate"));
}

#[test]
fn without_a_session_any_session_counts() {
    let id = "customer-focus";
    let a = code_of(id, vec![0; 10], None, Some("A"), 1);
    let b = code_of(id, vec![4; 10], None, None, 1);
    let report = GroupReport::from_text(&format!("{a}\n{b}"), &common::builtin(id), None);
    assert_eq!(report.members.len(), 2);
    // Levels 1 and 5: mean 3, SD 2.
    let level = report.stat("level").unwrap();
    assert_eq!((level.mean, level.sd), (3.0, 2.0));
    let counts: Vec<usize> = report.categories[0].entries.iter().map(|e| e.2).collect();
    assert_eq!(counts, [1, 0, 0, 0, 1]);
}

#[test]
fn trust_equation_temperaments() {
    let id = "trust-equation";
    // "Strongly agree" everywhere: C = R = I = S = 17, TQ 3.0, temperament C + R, uneven.
    // "Neither" everywhere: 15 each, TQ 3.0, a flat profile: no temperament, balanced.
    let a = code_of(id, vec![4; 20], None, None, 1);
    let b = code_of(id, vec![2; 20], None, None, 2);
    let report = GroupReport::from_text(&format!("{a} {b}"), &common::builtin(id), None);
    assert_eq!(report.stat("tq").unwrap().mean, 3.0);
    assert_eq!(report.stat("C").unwrap().mean, 16.0);
    let temperaments = &report.categories[0];
    assert_eq!(temperaments.id, "temperament");
    assert_eq!(
        temperaments.entries[0],
        ("C+R".to_owned(), "The safe pair of hands".to_owned(), 1)
    );
    let flat = temperaments.entries.last().unwrap();
    assert_eq!((flat.0.as_str(), flat.2), ("balanced", 1));
    let balance: Vec<usize> = report.categories[1].entries.iter().map(|e| e.2).collect();
    assert_eq!(balance, [1, 1, 0]);
}

#[test]
fn roadmap_heat_maps_per_group_and_their_difference() {
    let id = "trust-roadmap";
    let instrument = common::builtin(id);
    // Two employees (group 1) answer "agree" (75 per plain cell, 25 per reversed cell) and
    // "strongly agree"; one manager (group 2) answers "disagree" everywhere. The last
    // answer is what each would address first: rewards (3), processes (4), leadership (1).
    let e1 = code_of(id, vec![3; 21], Some(1), None, 1);
    let e2 = code_of(id, vec![4; 21], Some(1), None, 2);
    let m = code_of(id, vec![1; 21], Some(2), None, 3);
    let report = GroupReport::from_text(&format!("{e1}\n{e2}\n{m}"), &instrument, None);
    let grid = report.grid.as_ref().unwrap();
    assert_eq!(grid.all.count, 3);
    let counts: Vec<usize> = grid.by_group.iter().map(|g| g.count).collect();
    assert_eq!(counts, [0, 2, 1, 0]);
    // Cell 0 (external × other-focus, a plain item): employees 75 and 100 → 87.5; manager 25.
    assert_eq!(grid.by_group[1].cells[0], Some(87.5));
    assert_eq!(grid.by_group[2].cells[0], Some(25.0));
    // Rewards × long-term (cell 14) is reverse-keyed: "agree" counts 25, "strongly agree" 0,
    // "disagree" 75.
    assert_eq!(grid.by_group[1].cells[14], Some(12.5));
    assert_eq!(grid.by_group[2].cells[14], Some(75.0));
    let diff = grid.by_group[1].difference(&grid.by_group[2]);
    assert_eq!((diff[0], diff[14]), (Some(62.5), Some(-62.5)));
    // Everyone: cell 0 is (75 + 100 + 25) / 3.
    assert!((grid.all.cells[0].unwrap_or(0.0) - 200.0 / 3.0).abs() < 1e-9);
    let groups = report.categories.iter().find(|s| s.id == "group").unwrap();
    let named: Vec<usize> = groups.entries.iter().map(|e| e.2).collect();
    assert_eq!(named, [0, 2, 1, 0]);
    // Priorities: the five components, then "I can't tell".
    let priority = report
        .categories
        .iter()
        .find(|s| s.id == "priority")
        .unwrap();
    let picked: Vec<usize> = priority.entries.iter().map(|e| e.2).collect();
    assert_eq!(picked, [0, 1, 0, 1, 1, 0]);
    // By stakeholder group: employees rewards and processes, the manager leadership.
    let by_group = report.cross("group", "priority").unwrap();
    assert_eq!(by_group[1], [0, 0, 0, 1, 1, 0]);
    assert_eq!(by_group[2], [0, 1, 0, 0, 0, 0]);
    assert_eq!(report.cross("group", "nothing"), None);
}

/// A paste of every kind of line: members of two sessions and of none, a duplicate, a
/// damaged code, another instrument's code, and rater codes of two sessions.
fn mixed_lines() -> Vec<String> {
    use candor_core::others::{self, Request};
    let id = "service-or-servility";
    let instrument = common::builtin(id);
    let ours = Request::new(1, Some("WS1"), "Ana");
    let elsewhere = Request::new(2, Some("OTHER"), "Bo");
    let rater = |request: &Request, answer: u8| {
        others::encode(&instrument, request, &[answer; 16]).unwrap()
    };
    let a = code_of(id, vec![3; 16], None, Some("WS1"), 1);
    let mut broken = a.clone();
    broken.replace_range(5..6, if &a[5..6] == "Z" { "Y" } else { "Z" });
    vec![
        format!("Ana: {a}"),
        format!("Bo: {}", code_of(id, vec![0; 16], None, Some("WS1"), 2)),
        format!("Cy: {}", code_of(id, vec![2; 16], None, Some("OTHER"), 3)),
        format!("Di: {}", code_of(id, vec![4; 16], None, None, 4)),
        code_of("trust-equation", vec![2; 20], None, Some("WS1"), 5),
        broken,
        format!("again {a}"),
        rater(&ours, 1),
        rater(&ours, 3),
        rater(&ours, 2),
        rater(&elsewhere, 4),
        "12 people, 1st round".to_owned(),
    ]
}

proptest::proptest! {
    /// Pastes read one by one, summed or joined in order, give the profile of their texts
    /// read as one, whatever the session: a facilitator adding codes, or typing the session's tag,
    /// sees what a single paste of everything shows.
    #[test]
    fn pastes_read_apart_and_joined_are_the_paste_of_their_texts(
        picks in proptest::collection::vec(0usize..12, 0..16),
        cut in 0usize..16,
        session in proptest::sample::select(vec![None, Some("ws-1"), Some("OTHER")]),
    ) {
        use candor_core::group::Paste;
        let instrument = common::builtin("service-or-servility");
        let lines = mixed_lines();
        let picked: Vec<&str> = picks.iter().map(|&i| lines[i].as_str()).collect();
        let cut = cut.min(picked.len());
        let (first, second) = (picked[..cut].join("\n"), picked[cut..].join("\n"));
        let (one, two) = (Paste::read(&first, &instrument), Paste::read(&second, &instrument));
        let whole = GroupReport::from_text(&format!("{first}\n{second}"), &instrument, session);
        let apart = GroupReport::of(&[&one, &two], &instrument, session);
        proptest::prop_assert_eq!(&apart, &whole);
        let mut joined = one;
        joined.append(two);
        proptest::prop_assert_eq!(GroupReport::of(&[&joined], &instrument, session), whole);
    }
}
