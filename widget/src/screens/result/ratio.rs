//! The result of a component-ratio instrument.
//!
//! * The quotient, named from the reader's own profile, and the four factors.
//! * The temperament (and any blend), or a flat profile called balanced; the balance.
//! * The weakest factor, with a practice.
//! * The published reference last, as a footnote: it comes from another questionnaire.

use candor_core::definition::RatioModel;
use candor_core::scoring::RatioOutcome;
use leptos::prelude::*;

use crate::components::{Axis, QuotientScale, RadarChart};
use crate::text::{Ui, fill};

pub(super) fn view(
    model: &RatioModel,
    outcome: &RatioOutcome,
    ui: &'static Ui,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView + use<> {
    let band = model.quotient_bands.as_slice()[outcome.quotient_band].clone();
    let balance = model.balance_bands.as_slice()[outcome.balance].clone();
    let temperament = model.temperaments[outcome.temperament].clone();
    let pair_names = |t: usize| {
        let [a, b] = model.temperaments[t].pair;
        format!(
            "{} + {}",
            model.components[a].virtue, model.components[b].virtue
        )
    };
    let pair = pair_names(outcome.temperament);
    let blends: Vec<String> = outcome
        .blends
        .iter()
        .map(|&t| format!("{} ({})", model.temperaments[t].name, pair_names(t)))
        .collect();
    let weakest = model.components[outcome.weakest].clone();
    let (lo, hi) = (f64::from(outcome.range.0), f64::from(outcome.range.1));
    let axes: Vec<Axis> = model
        .components
        .iter()
        .zip(&outcome.virtues)
        .map(|(c, &v)| Axis {
            name: c.virtue.clone(),
            value: f64::from(v),
            min: lo,
            max: hi,
            label: format!("{} {v}", c.virtue),
        })
        .collect();
    let radar_alt = fill(
        ui.radar_alt,
        &[(
            "values",
            &axes
                .iter()
                .map(|a| format!("{} {}", a.name, a.value))
                .collect::<Vec<_>>()
                .join(", "),
        )],
    );
    let bands = model.quotient_bands.as_slice();
    let (q_min, q_max) = (bands[0].min, bands[bands.len() - 1].max);
    let scale_alt = fill(
        ui.scale_alt,
        &[
            ("tq", &ui.tenths(outcome.quotient_tenths)),
            ("min", &ui.tenths(q_min)),
            ("max", &ui.tenths(q_max)),
        ],
    );
    let you = fill(
        ui.you_value,
        &[("value", &ui.tenths(outcome.quotient_tenths))],
    );
    let reference = model.reference.clone().map(|r| {
        view! {
            <p class="cq-reference cq-footnote" data-testid="reference">
                <strong>{fill(ui.reference, &[("mean", &ui.tenths(r.mean_tenths))])}</strong>
                " "
                {r.text}
            </p>
        }
    });
    let factors = model
        .components
        .iter()
        .enumerate()
        .map(|(c, component)| {
            let note = (c == model.denominator).then_some(ui.lower_is_better);
            view! {
                <div class="cq-score">
                    <p class="cq-score-head">
                        <span class="cq-score-name">{component.name.clone()}</span>
                        <span class="cq-score-value" data-testid=format!("sum-{}", component.id)>
                            {outcome.sums[c]}
                        </span>
                        <span class="cq-score-max">{note}</span>
                    </p>
                </div>
            }
        })
        .collect_view();
    let blend = (!blends.is_empty()).then(|| {
        view! { <p data-testid="blend">{fill(ui.blends_with, &[("names", &blends.join(", "))])}</p> }
    });
    // A flat profile has no pair that stands out: it is named as such, not by tie order.
    let profile = match &model.balanced {
        Some(balanced) if outcome.balanced => view! {
            <div class="cq-card" data-testid="temperament">
                <p class="cq-card-title">{balanced.name.clone()}</p>
                <p class="cq-card-sub">{ui.flat_profile}</p>
                <p>{balanced.text.clone()}</p>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="cq-card" data-testid="temperament">
                <p class="cq-card-title">{temperament.name}</p>
                <p class="cq-card-sub">{pair}</p>
                <p>{temperament.text}</p>
                {blend}
            </div>
        }
        .into_any(),
    };
    view! {
        <p class="cq-kicker">{ui.your_result}</p>
        <h2 class="cq-title" tabindex="-1" node_ref=heading data-testid="headline">
            {fill(ui.trust_quotient, &[("tq", &ui.tenths(outcome.quotient_tenths))])}
        </h2>
        <QuotientScale
            value=outcome.quotient_tenths
            min=q_min
            max=q_max
            you
            ends=(ui.tenths(q_min), ui.tenths(q_max))
            alt=scale_alt
        />
        <p class="cq-lead"><strong data-testid="tq-band">{band.name}". "</strong>{band.text}</p>
        <h3>{ui.factors}</h3>
        <RadarChart axes alt=radar_alt/>
        <div class="cq-scores cq-scores-4">{factors}</div>
        <h3>{ui.temperament}</h3>
        {profile}
        <h3>{ui.balance}</h3>
        <p data-testid="balance"><strong>{balance.name}". "</strong>{balance.text}</p>
        <h3>{fill(ui.weakest_factor, &[("name", &weakest.virtue)])}</h3>
        <p data-testid="practice">{weakest.practice}</p>
        {reference}
    }
}
