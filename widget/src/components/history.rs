//! Earlier results on this device, newest first.

use candor_core::scoring::trend_lines;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::trend::{Series, TrendChart};
use crate::quiz::QuizCtx;
use crate::text::{ReaderUi, fill};

/// How many earlier results the list shows.
const SHOWN: usize = 20;

/// The day of `ms` (milliseconds since 1970) where the reader is, in their words: written
/// from [`ReaderUi::date`], not the browser's locale data, whose first use holds a phone's
/// main thread for tens of milliseconds. Empty for a time that is no date.
pub fn local_date(ms: f64, ui: &ReaderUi) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    if date.get_time().is_nan() {
        return String::new();
    }
    ui.date(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
}

/// The list of completed attempts, each with its date and headline; results from an earlier
/// version of the instrument are labelled.
#[component]
pub fn HistoryList() -> impl IntoView {
    let quiz = expect_context::<QuizCtx>();
    let ui = quiz.ui;
    let version = quiz.instrument().version();
    move || {
        let attempts = quiz.history.with(|h| h.attempts.clone());
        (attempts.len() > 1).then(|| {
            let rows = attempts
                .iter()
                .rev()
                .take(SHOWN)
                .map(|a| {
                    let label = (a.version != version)
                        .then(|| fill(ui.earlier_version(), &[("v", &a.version.to_string())]));
                    // A result that could not be scored has no headline of its own.
                    let headline = if a.headline.is_empty() {
                        ui.unscored().to_owned()
                    } else {
                        a.headline.clone()
                    };
                    view! {
                        <li>
                            <span class="cq-history-date">{local_date(a.completed_at, ui)}</span>
                            " · "
                            <span class="cq-history-headline">{headline}</span>
                            {label.map(|l| view! { <span class="cq-history-version">" ("{l}")"</span> })}
                        </li>
                    }
                })
                .collect_view();
            let lines = trend_lines(&quiz.instrument());
            let series: Vec<Series> = lines
                .iter()
                .map(|line| {
                    let values: Vec<Option<f64>> = attempts.iter().map(|a| a.score(&line.id)).collect();
                    let last = values.iter().rev().flatten().next().map(|v| ui.number(*v));
                    let legend = format!(
                        "{} ({})",
                        line.name,
                        fill(ui.latest(), &[("value", &last.unwrap_or_default())])
                    );
                    Series {
                        name: line.name.clone(),
                        min: line.min,
                        max: line.max,
                        values,
                        legend,
                    }
                })
                .collect();
            let alt = fill(
                ui.trend_alt(),
                &[
                    ("n", &attempts.len().to_string()),
                    (
                        "values",
                        &series
                            .iter()
                            .map(|s| {
                                let values: Vec<String> =
                                    s.values.iter().flatten().map(|v| ui.number(*v)).collect();
                                format!("{}: {}", s.name, values.join(", "))
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                ],
            );
            view! {
                <h3>{ui.history()}</h3>
                <TrendChart series alt/>
                <ol class="cq-history" data-testid="history">{rows}</ol>
            }
        })
    }
}
