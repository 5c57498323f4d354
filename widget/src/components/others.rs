//! Others' view on a result: ask people for their view, paste the codes they send back, and
//! see one's own view against theirs.
//!
//! * "Make my link" records a request (a random id, the session, an optional name) with the
//!   attempt; its link, copied or scanned, opens the rater's quiz.
//! * Pasted text (a chat transcript will do) goes to the core's inbox, which keeps the codes
//!   for this request and says why it refused the others.
//! * Below three raters only how many more are needed shows. From three on: own score and
//!   others' mean and spread per part, the gaps named, and the result's picture with both.
//! * Every figure is the core's (`candor_core::others::compare`).

use candor_core::definition::{Instrument, Model};
use candor_core::others::{Comparison, Inbox, MIN_RATERS, Request, View};
use candor_core::records::{Asked, Attempt};
use leptos::prelude::*;

use crate::components::{
    Axis, Quadrants, copy_and_say, html_view, qr_code, quadrant_map, radar_chart, slope_chart,
};
use crate::quiz::QuizCtx;
use crate::text::{ReaderUi, fill};

/// What the last paste did, in the reader's words: kept across the result's redrawing.
pub type PasteReport = RwSignal<Option<(usize, Vec<(String, String)>)>>;

/// The name of part `p` of `instrument`'s model, as a sentence's noun (first letter lower
/// case).
fn part_name(instrument: &Instrument, p: usize) -> String {
    let mut chars = instrument.part_name(p).chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Others' view of `attempt`, the reader's latest result at the current version.
#[component]
pub fn OthersPanel(attempt: Attempt, report: PasteReport) -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let ui = quiz.ui;
    let instrument = quiz.instrument();
    let completed_at = attempt.completed_at;
    let body = match attempt.others.clone() {
        None => {
            let name = RwSignal::new(String::new());
            let ask = move |_| {
                let random = (js_sys::Math::random() * f64::from(1u32 << 20)) as u32;
                let request =
                    Request::new(random, quiz.session().as_deref(), &name.get_untracked());
                report.set(None);
                quiz.ask_others(
                    completed_at,
                    Asked {
                        request: request.to_param(),
                        codes: Vec::new(),
                    },
                );
            };
            view! {
                <p>{ui.others_help()}</p>
                <label class="cq-field">
                    <span>{ui.others_name()}</span>
                    <input class="cq-input" type="text" maxlength="40" autocomplete="given-name" data-testid="others-name"
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                <div class="cq-actions">
                    <button type="button" class="cq-primary" data-testid="others-ask" on:click=ask>{ui.others_ask()}</button>
                </div>
            }
            .into_any()
        }
        Some(asked) => asked_view(&instrument, &attempt, asked, report, ui).into_any(),
    };
    view! {
        <section class="cq-others" data-testid="others">
            <h3>{ui.others_title()}</h3>
            {body}
        </section>
    }
}

/// The link to send, the box to paste codes into, and what the codes received show.
fn asked_view(
    instrument: &Instrument,
    attempt: &Attempt,
    asked: Asked,
    report: PasteReport,
    ui: &'static ReaderUi,
) -> impl IntoView + use<> {
    let quiz = expect_context::<QuizCtx>();
    let request = Request::from_param(&asked.request).ok();
    let link =
        candor_web::page::rate_link(instrument.id().as_str(), attempt.version, &asked.request);
    let status = RwSignal::new(String::new());
    let copied = link.clone();
    let copy_link = move |_| copy_and_say(copied.clone(), status, ui.copied_link(), ui);
    let inbox = Inbox::of(instrument, &asked);
    let pasted = RwSignal::new(String::new());
    let completed_at = attempt.completed_at;
    let request_text = asked.request.clone();
    let add = {
        let instrument = quiz.instrument();
        let stored = asked.clone();
        move |_| {
            let mut inbox = Inbox::of(&instrument, &stored);
            let result = inbox.paste(&pasted.get_untracked());
            let refused = (result.refused.iter())
                .map(|(code, why)| (code.clone(), ui.refusal(why).to_owned()))
                .collect();
            report.set(Some((result.added, refused)));
            pasted.set(String::new());
            quiz.ask_others(
                completed_at,
                Asked {
                    request: request_text.clone(),
                    codes: inbox.codes(),
                },
            );
        }
    };
    let reported = move || {
        report.get().map(|(added, refused)| {
            let rows = refused
                .into_iter()
                .map(|(code, why)| view! { <li><code>{code}</code>" — "{why}</li> })
                .collect_view();
            view! {
                <p role="status" data-testid="others-added">{fill(ui.others_added(), &[("n", &added.to_string())])}</p>
                <ul class="cq-list" data-testid="others-refused">{rows}</ul>
            }
        })
    };
    let response = attempt.response_in(instrument);
    let seen = match inbox.view(Some(&response)) {
        Some(View::Waiting { received, needed }) => {
            let text = fill(
                ui.others_waiting(),
                &[
                    ("n", &received.to_string()),
                    ("least", &MIN_RATERS.to_string()),
                    ("needed", &needed.to_string()),
                ],
            );
            view! { <p class="cq-meta" data-testid="others-waiting">{text}</p> }.into_any()
        }
        Some(View::Ready(comparison)) => {
            comparison_view(instrument, attempt, &comparison, ui).into_any()
        }
        None => ().into_any(),
    };
    let named = request.and_then(|r| r.name);
    let who =
        named.map(|n| view! { <p class="cq-meta">{fill(ui.others_named(), &[("name", &n)])}</p> });
    view! {
        <p>{ui.others_send()}</p>
        {who}
        <label class="cq-link-label">
            <span>{ui.others_link()}</span>
            <input class="cq-link" type="text" readonly value=link.clone() data-testid="others-link"/>
        </label>
        <button type="button" data-testid="others-copy-link" on:click=copy_link>{ui.copy_link()}</button>
        <p class="cq-status" role="status" aria-live="polite">{move || status.get()}</p>
        {qr_code(&link, ui.others_qr_alt()).map(|qr| html_view(&qr))}
        <label class="cq-field">
            <span>{ui.others_paste()}</span>
            <textarea class="cq-input cq-paste" rows="4" data-testid="others-paste"
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
        </label>
        <div class="cq-actions">
            <button type="button" data-testid="others-add" on:click=add>{ui.others_add()}</button>
        </div>
        {reported}
        {seen}
    }
}

/// Own view against others': the picture with both, a table per part, the gaps in words.
fn comparison_view(
    instrument: &Instrument,
    attempt: &Attempt,
    comparison: &Comparison,
    ui: &'static ReaderUi,
) -> impl IntoView + use<> {
    let tenths = |t: i32| ui.number(f64::from(t) / 10.0);
    let rows = (comparison.parts.iter().enumerate())
        .map(|(p, part)| {
            let own = part
                .own
                .map_or_else(|| "—".to_owned(), |v| ui.number(f64::from(v)));
            let (mean, sd) = part.others.map_or_else(
                || (ui.others_too_few().to_owned(), "—".to_owned()),
                |s| (tenths(s.mean_tenths), tenths(s.sd_tenths)),
            );
            view! {
                <tr>
                    <th scope="row">{instrument.part_name(p).to_owned()}</th>
                    <td data-testid=format!("others-own-{p}")>{own}</td>
                    <td data-testid=format!("others-mean-{p}")>{mean}</td>
                    <td data-testid=format!("others-sd-{p}")>{sd}</td>
                </tr>
            }
        })
        .collect_view();
    let gaps = (comparison.gaps.iter())
        .map(|gap| {
            let template = if gap.tenths > 0 {
                ui.others_see_more()
            } else {
                ui.you_see_more()
            };
            let text = fill(
                template,
                &[
                    ("part", &part_name(instrument, gap.part)),
                    ("gap", &tenths(gap.tenths.abs())),
                ],
            );
            view! { <li>{text}</li> }
        })
        .collect_view();
    let no_gap = comparison
        .gaps
        .is_empty()
        .then(|| view! { <p>{ui.others_no_gap()}</p> });
    view! {
        <h4 data-testid="others-ready">{fill(ui.others_seen_by(), &[("n", &comparison.raters.to_string())])}</h4>
        {picture(instrument, attempt, comparison, ui)}
        <p class="cq-meta">{ui.others_legend()}</p>
        <table class="cq-others-table" data-testid="others-table">
            <thead>
                <tr>
                    <th scope="col">{ui.others_part()}</th>
                    <th scope="col">{ui.others_you()}</th>
                    <th scope="col">{ui.others_mean()}</th>
                    <th scope="col">{ui.others_spread()}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <ul class="cq-list" data-testid="others-gaps">{gaps}</ul>
        {no_gap}
    }
}

/// The result's picture with both views: two points on the map, two shapes on the radar.
fn picture(
    instrument: &Instrument,
    attempt: &Attempt,
    comparison: &Comparison,
    ui: &'static ReaderUi,
) -> Option<AnyView> {
    let outcome = instrument.score(&attempt.response_in(instrument)).ok()?;
    let mean = |p: usize| {
        comparison
            .parts
            .get(p)?
            .others
            .map(|s| f64::from(s.mean_tenths) / 10.0)
    };
    match (instrument.model(), outcome) {
        (Model::Subscales(m), candor_core::scoring::Outcome::Subscales(o)) => {
            let others = mean(m.map.x).zip(mean(m.map.y));
            let (xs, ys) = (&m.subscales[m.map.x], &m.subscales[m.map.y]);
            let alt = match others {
                Some((x, y)) => fill(
                    ui.others_map_alt(),
                    &[
                        ("x", &xs.name),
                        ("y", &ys.name),
                        ("own_x", &o.scores[m.map.x].to_string()),
                        ("own_y", &o.scores[m.map.y].to_string()),
                        ("others_x", &ui.number(x)),
                        ("others_y", &ui.number(y)),
                    ],
                ),
                None => String::new(),
            };
            let names = (*m.map.quadrants).clone().map(|q| q.name);
            // The slope, where the model has one: the reader's station and others'.
            let slope = m.slope.zip(o.slope).map(|(s, here)| {
                let bands = m.subscales[s].bands.as_slice();
                let stations: Vec<String> = bands.iter().map(|b| b.name.clone()).collect();
                let there = mean(s).map(|v| m.subscales[s].bands.position(v.round() as i32));
                let alt = fill(
                    ui.others_slope_alt(),
                    &[
                        ("own", &stations[here]),
                        (
                            "others",
                            &there.map(|t| stations[t].clone()).unwrap_or_default(),
                        ),
                    ],
                );
                html_view(&slope_chart(&stations, here, there, &alt))
            });
            Some(
                view! {
                    {html_view(&quadrant_map(&Quadrants {
                        x_name: &xs.name,
                        y_name: &ys.name,
                        x: o.scores[m.map.x],
                        y: o.scores[m.map.y],
                        x_split: m.map.x_split,
                        y_split: m.map.y_split,
                        names: &names,
                        current: o.quadrant,
                        others,
                    }, &alt))}
                    {slope}
                }
                .into_any(),
            )
        }
        (Model::Ratio(m), candor_core::scoring::Outcome::Ratio(o)) => {
            let (lo, hi) = o.range;
            let axes: Vec<Axis> = (m.components.iter().enumerate())
                .map(|(c, component)| Axis {
                    name: component.virtue.clone(),
                    value: f64::from(o.virtues[c]),
                    min: f64::from(lo),
                    max: f64::from(hi),
                    label: component.virtue.clone(),
                })
                .collect();
            let others: Option<Vec<f64>> = (0..m.components.len())
                .map(|c| {
                    let s = comparison.parts.get(c)?.others?;
                    Some(f64::from(comparison.virtue_tenths(c, s.mean_tenths)) / 10.0)
                })
                .collect();
            let alt = fill(
                ui.others_radar_alt(),
                &[("n", &comparison.raters.to_string())],
            );
            Some(html_view(&radar_chart(&axes, others.as_deref(), &alt)).into_any())
        }
        _ => None,
    }
}
