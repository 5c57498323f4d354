//! The result of a frequency-subscale instrument: quadrant, map, scores, slope, habits.

use candor_core::definition::{Instrument, SubscaleModel};
use candor_core::scoring::SubscaleOutcome;
use leptos::prelude::*;

use crate::components::{QuadrantMap, SlopeChart};
use crate::text::{Ui, fill};

pub(super) fn view(
    instrument: &Instrument,
    model: &SubscaleModel,
    outcome: &SubscaleOutcome,
    answers: &[u8],
    ui: &'static Ui,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView + use<> {
    let map = &model.map;
    let quadrant = model.map.quadrants[outcome.quadrant].clone();
    let (xs, ys) = (&model.subscales[map.x], &model.subscales[map.y]);
    let alt = fill(
        ui.map_alt,
        &[
            ("x", &format!("{} {}", xs.name, outcome.scores[map.x])),
            ("y", &format!("{} {}", ys.name, outcome.scores[map.y])),
            ("quadrant", &quadrant.name),
        ],
    );
    let names = (*model.map.quadrants).clone().map(|q| q.name);
    let scores = model
        .subscales
        .iter()
        .zip(&outcome.scores)
        .map(|(s, &score)| {
            let band = s.bands.find(i32::from(score)).clone();
            view! {
                <div class="cq-score">
                    <p class="cq-score-head">
                        <span class="cq-score-name">{s.name.clone()}</span>
                        <span class="cq-score-value" data-testid=format!("score-{}", s.id)>{score}</span>
                        <span class="cq-score-max">{ui.of_100}</span>
                    </p>
                    <p><strong>{band.name}". "</strong>{band.text}</p>
                </div>
            }
        })
        .collect_view();
    let slope = model.slope.zip(outcome.slope).map(|(s, here)| {
        let bands = model.subscales[s].bands.as_slice();
        let names: Vec<String> = bands.iter().map(|b| b.name.clone()).collect();
        let station = names.get(here).cloned().unwrap_or_default();
        let alt = fill(
            ui.slope_alt,
            &[
                ("station", &station),
                ("n", &(here + 1).to_string()),
                ("total", &names.len().to_string()),
            ],
        );
        view! {
            <h3>{ui.slope}</h3>
            <SlopeChart names current=here alt/>
            <p data-testid="slope">{fill(ui.you_are_at, &[("station", &station)])}</p>
        }
    });
    let habits = model.habits.as_ref().map(|_| {
        let rows = outcome
            .habits
            .iter()
            .map(|&i| {
                let item = &instrument.items()[i];
                let answer = instrument
                    .scale_of(item)
                    .and_then(|s| s.options.get(usize::from(answers.get(i).copied().unwrap_or(0))))
                    .map(|o| o.label.clone())
                    .unwrap_or_default();
                view! {
                    <li class="cq-habit">
                        <p class="cq-habit-text">{item.text.clone()}</p>
                        <p class="cq-habit-answer">{fill(ui.you_answered, &[("answer", &answer)])}</p>
                        <p><strong>{ui.try_next}" "</strong>{item.try_next.clone().unwrap_or_default()}</p>
                    </li>
                }
            })
            .collect_view();
        let empty = outcome.habits.is_empty().then(|| view! { <p>{ui.no_habits}</p> });
        view! {
            <h3>{ui.habits}</h3>
            {empty}
            <ul class="cq-habits" data-testid="habits">{rows}</ul>
        }
    });
    view! {
        <p class="cq-kicker">{ui.your_result}</p>
        <h2 class="cq-title" tabindex="-1" node_ref=heading data-testid="headline">{quadrant.name.clone()}</h2>
        <QuadrantMap
            x_name=xs.name.clone()
            y_name=ys.name.clone()
            x=outcome.scores[map.x]
            y=outcome.scores[map.y]
            x_split=map.x_split
            y_split=map.y_split
            names
            current=outcome.quadrant
            alt
        />
        <p class="cq-lead">{quadrant.text.clone()}</p>
        <div class="cq-scores">{scores}</div>
        {slope}
        {habits}
        <h3>{ui.next_step}</h3>
        <p>{quadrant.next.clone()}</p>
    }
}
