//! Facilitator mode: run a session and see the group at once.
//!
//! * Set a session tag, and give attendees a link and its QR code.
//! * Paste their result codes to see the group.
//! * Everything is computed by the core in this browser.
//! * Nothing is sent anywhere, and no one's name is needed.

use std::sync::Arc;

use candor_core::builtin;
use candor_core::code::{ALPHABET, CodeError};
use candor_core::definition::Instrument;
use candor_core::group::{CategorySet, GroupReport, Rejection};
use candor_core::scoring::score_name;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::{HeatMapChart, QrCode, multiline, multiline_extent, refusal};
use crate::text::{Ui, fill};

/// A paste at least this long (in bytes) is kept out of the text box.
const BULK_PASTE: usize = 64 * 1024;

/// Reads the file chosen in a file input, then calls `done` with its text.
fn load_file(event: web_sys::Event, done: impl FnOnce(String) + 'static) {
    let Some(file) = candor_web::files::chosen(&event) else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let Ok(text) = candor_web::files::text_of(file).await {
            done(text);
        }
    });
}

/// A fresh session tag such as `WS-7K3M`.
fn new_session_tag() -> String {
    let symbols: String = (0..4)
        .map(|_| {
            let i = (js_sys::Math::random() * 32.0) as usize % 32;
            char::from(ALPHABET[i])
        })
        .collect();
    format!("WS-{symbols}")
}

/// Where attendees take `instrument`: the standalone page next to the widget's files, tagged
/// with the session. `None` when the instrument cannot be named in a link (inline JSON).
fn attendee_link(instrument: &Instrument, src: Option<&str>, session: &str) -> Option<String> {
    let base = crate::base_url();
    let base = if base.is_empty() {
        window().location().href().ok()?
    } else {
        base
    };
    let url = web_sys::Url::new_with_base("embed.html", &base).ok()?;
    let params = url.search_params();
    match src {
        Some(src) => params.set("src", src),
        None if builtin::is_builtin(instrument.id().as_str()) => {
            params.set("instrument", instrument.id().as_str())
        }
        None => return None,
    }
    if !session.trim().is_empty() {
        params.set("session", session.trim());
    }
    Some(url.href())
}

/// The label of a category set.
fn set_title(set: &CategorySet, ui: &Ui) -> &'static str {
    match set.id {
        "quadrant" => ui.group_quadrants,
        "slope" => ui.group_slope,
        "level" => ui.group_levels,
        "temperament" => ui.group_temperaments,
        "balance" => ui.group_balance,
        "band" => ui.group_bands,
        "priority" => ui.group_priority,
        _ => ui.group_groups,
    }
}

/// The name of a summary score, from the definition or the interface's words.
fn stat_name(instrument: &Instrument, id: &str, ui: &Ui) -> String {
    score_name(instrument, id).unwrap_or_else(|| {
        match id {
            "tq" => ui.score_tq,
            "level" => ui.score_level,
            "consistency" => ui.score_consistency,
            "overall" => ui.score_overall,
            other => other,
        }
        .to_owned()
    })
}

/// Characters per line of a bar's label (12 px on a chart 360 units wide; labels and bars
/// start 2 units in, so no glyph's overhang is cut off).
const BAR_LABEL_WRAP: usize = 46;
/// The longest bar, leaving room after it for the widest count ("100 (100%)").
const BAR_MAX: f64 = 274.0;

/// Counts as horizontal bars, each under its label (a label may be long: a group's whole
/// name) with the count and share after it.
fn category_bars(set: &CategorySet, total: usize, ui: &'static Ui) -> impl IntoView + use<> {
    let most = set.entries.iter().map(|e| e.2).max().unwrap_or(0).max(1);
    let mut y = 0.0;
    let rows = set
        .entries
        .iter()
        .map(|(id, name, count)| {
            // The label's lines as a block whose top is at `y`, the bar under it.
            let (top, bottom) = multiline_extent(name, BAR_LABEL_WRAP, 0.0, 12.0);
            let label_middle = y - top;
            let bar_y = y + (bottom - top) + 3.0;
            y = bar_y + 16.0 + 10.0;
            let w = BAR_MAX * *count as f64 / most as f64;
            let share = (100 * count + total / 2).checked_div(total).unwrap_or(0);
            view! {
                {multiline(name, BAR_LABEL_WRAP, 2.0, label_middle, "start", "cq-bar-label")}
                <rect class="cq-bar" x="2" y=bar_y width=w height="16" rx="3"></rect>
                <text class="cq-bar-value" x=w + 8.0 y=bar_y + 8.0 dominant-baseline="middle"
                    data-testid=format!("count-{}-{id}", set.id)>
                    {format!("{count} ({share}%)")}
                </text>
            }
        })
        .collect_view();
    let height = y.max(4.0);
    let alt = set
        .entries
        .iter()
        .map(|(_, name, count)| format!("{name}: {count}"))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <h4>{set_title(set, ui)}</h4>
        <svg class="cq-chart cq-bars" viewBox=format!("0 0 360 {height}") role="img" aria-label=alt>
            {rows}
        </svg>
    }
}

/// What each respondent group would address first, as a table of counts.
fn priorities_by_group(report: &GroupReport, ui: &'static Ui) -> Option<impl IntoView + use<>> {
    let counts = report.cross("group", "priority")?;
    let set = |id: &str| report.categories.iter().find(|s| s.id == id);
    let (groups, priorities) = (set("group")?, set("priority")?);
    let head = priorities
        .entries
        .iter()
        .map(|(_, name, _)| view! { <th scope="col">{name.clone()}</th> })
        .collect_view();
    let rows = (groups.entries.iter().zip(&counts))
        .map(|((id, name, _), row)| {
            let cells = row.iter().map(|n| view! { <td>{*n}</td> }).collect_view();
            view! { <tr data-testid=format!("priority-{id}")><th scope="row">{name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    Some(view! {
        <h3>{ui.priority_by_group}</h3>
        // It may be wider than a phone: a region the keyboard can scroll.
        <div class="cq-table-wrap" tabindex="0" role="region" aria-label=ui.priority_by_group>
            <table class="cq-stats" data-testid="priorities">
                <thead><tr><td></td>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}

/// Everything the facilitator sees about the pasted codes.
fn report_view(
    instrument: &Instrument,
    report: &GroupReport,
    session: &str,
    ui: &'static Ui,
) -> impl IntoView + use<> {
    let n = report.members.len();
    let counts = [
        ("invalid", ui.rejected_invalid),
        ("other-session", ui.rejected_session),
        ("other-instrument", ui.rejected_instrument),
        ("other-version", ui.rejected_version),
        ("duplicate", ui.rejected_duplicate),
        ("unscored", ui.rejected_unscored),
    ]
    .into_iter()
    .map(|(kind, label)| {
        let count = report.rejected_count(kind);
        (count > 0).then(|| view! { <li data-testid=format!("rejected-{kind}")>{fill(label, &[("n", &count.to_string())])}</li> })
    })
    .collect_view();
    let rejected_rows = report
        .rejected
        .iter()
        .take(50)
        .map(|r| {
            let why = match &r.why {
                Rejection::Invalid(e) => match e {
                    CodeError::WrongLength { .. } => ui.why_length,
                    CodeError::Checksum | CodeError::OutOfRange => ui.why_checksum,
                    _ => ui.why_characters,
                }
                .to_owned(),
                Rejection::OtherSession => ui.why_other_session.to_owned(),
                Rejection::OtherInstrument => ui.why_other_instrument.to_owned(),
                Rejection::OtherVersion => ui.why_other_version.to_owned(),
                Rejection::Duplicate => ui.why_duplicate.to_owned(),
                Rejection::Unscored => ui.why_unscored.to_owned(),
            };
            view! { <li><code>{r.text.clone()}</code>{ui.colon}{why}</li> }
        })
        .collect_view();
    let more = report.rejected.len().saturating_sub(50);
    let rejected = (!report.rejected.is_empty()).then(|| {
        view! {
            <details class="cq-more" data-testid="rejected">
                <summary>{fill(ui.rejected_list, &[("n", &report.rejected.len().to_string())])}</summary>
                <ul class="cq-list">{rejected_rows}</ul>
                {(more > 0).then(|| view! { <p>{fill(ui.and_more, &[("n", &more.to_string())])}</p> })}
            </details>
        }
    });
    let stats = report
        .stats
        .iter()
        .map(|s| {
            view! {
                <tr data-testid=format!("stat-{}", s.id)>
                    <th scope="row">{stat_name(instrument, &s.id, ui)}</th>
                    <td>{ui.number(s.mean)}</td>
                    <td>{ui.number(s.sd)}</td>
                    <td>{format!("{} – {}", ui.number(s.min), ui.number(s.max))}</td>
                </tr>
            }
        })
        .collect_view();
    let bars = report
        .categories
        .iter()
        .map(|set| category_bars(set, n, ui))
        .collect_view();
    let heat = heat_maps(instrument, report, ui);
    let others = others_view(instrument, report, ui);
    let priorities = priorities_by_group(report, ui);
    let stamp = session.to_owned();
    view! {
        <div class="cq-group" data-testid="group-report">
            <p class="cq-lead" data-testid="group-count">{fill(ui.group_count, &[("n", &n.to_string())])}</p>
            <ul class="cq-list">{counts}</ul>
            {rejected}
            {(report.not_applicable > 0).then(|| view! {
                <p class="cq-meta" data-testid="group-not-applicable">
                    {fill(ui.group_not_applicable, &[("n", &report.not_applicable.to_string())])}
                </p>
            })}
            {(n > 0).then(|| view! {
                <h3>{ui.group_scores}</h3>
                <div class="cq-table-wrap">
                    <table class="cq-stats">
                        <thead><tr><td></td><th scope="col">{ui.mean}</th><th scope="col">{ui.spread}</th><th scope="col">{ui.range}</th></tr></thead>
                        <tbody>{stats}</tbody>
                    </table>
                </div>
                <h3>{ui.group_distribution}</h3>
                {bars}
                {priorities}
            })}
            {heat}
            {others}
            <p class="cq-meta">{fill(ui.group_session, &[("session", &stamp)])}</p>
        </div>
    }
}

/// The group's own view against the raters' view, when the paste held rater codes.
fn others_view(
    instrument: &Instrument,
    report: &GroupReport,
    ui: &'static Ui,
) -> Option<impl IntoView + use<>> {
    let seen = report.others.as_ref()?;
    let view = &seen.view;
    let tenths = |s: Option<candor_core::others::Spread>| {
        s.map_or_else(
            || "—".to_owned(),
            |s| ui.number(f64::from(s.mean_tenths) / 10.0),
        )
    };
    let body = if view.raters < candor_core::others::MIN_RATERS {
        let text = fill(ui.group_others_waiting, &[("n", &view.raters.to_string())]);
        view! { <p class="cq-meta" data-testid="group-others-waiting">{text}</p> }.into_any()
    } else {
        let rows = (view.parts.iter().enumerate())
            .map(|(p, part)| {
                view! {
                    <tr>
                        <th scope="row">{instrument.part_name(p).to_owned()}</th>
                        <td data-testid=format!("group-own-{p}")>{tenths(part.own)}</td>
                        <td data-testid=format!("group-others-{p}")>{tenths(part.others)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="cq-table-wrap">
                <table class="cq-stats" data-testid="group-others">
                    <thead><tr><td></td><th scope="col">{ui.group_others_own}</th><th scope="col">{ui.group_others_mean}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let count = fill(
        ui.group_others_count,
        &[
            ("members", &view.members.to_string()),
            ("raters", &view.raters.to_string()),
        ],
    );
    let refused = (!seen.refused.is_empty()).then(|| {
        let rows = (seen.refused.iter().take(50))
            .map(|(code, why)| view! { <li><code>{code.clone()}</code>{ui.colon}{refusal(why, ui)}</li> })
            .collect_view();
        view! {
            <details class="cq-more" data-testid="group-others-refused">
                <summary>{fill(ui.group_others_refused, &[("n", &seen.refused.len().to_string())])}</summary>
                <ul class="cq-list">{rows}</ul>
            </details>
        }
    });
    Some(view! {
        <h3>{ui.group_others_title}</h3>
        <p>{ui.group_others_help}</p>
        <p class="cq-meta">{count}</p>
        {body}
        {refused}
    })
}

/// The roadmap's heat maps: everyone, each group that answered, and the difference between
/// two chosen groups.
fn heat_maps(
    instrument: &Instrument,
    report: &GroupReport,
    ui: &'static Ui,
) -> Option<impl IntoView + use<>> {
    let grid = report.grid.clone()?;
    let model = match &instrument.model() {
        candor_core::definition::Model::Grid(m) => m.clone(),
        _ => return None,
    };
    let rows: Vec<String> = model.rows.iter().map(|r| r.name.clone()).collect();
    let columns: Vec<String> = model.columns.iter().map(|c| c.name.clone()).collect();
    let groups: Vec<String> = model
        .groups
        .as_ref()
        .map(|g| g.options.iter().map(|o| o.name.clone()).collect())
        .unwrap_or_default();
    let per_group = grid
        .by_group
        .iter()
        .enumerate()
        .filter(|(_, g)| g.count > 0)
        .map(|(i, g)| {
            let title = fill(ui.heat_group, &[("group", &groups[i]), ("n", &g.count.to_string())]);
            view! {
                <h4>{title.clone()}</h4>
                <HeatMapChart rows=rows.clone() columns=columns.clone() cells=g.cells.clone() alt=title/>
            }
        })
        .collect_view();
    let answered: Vec<usize> = (0..grid.by_group.len())
        .filter(|&i| grid.by_group[i].count > 0)
        .collect();
    let (a, b) = (
        RwSignal::new(answered.first().copied().unwrap_or(0)),
        RwSignal::new(answered.get(1).copied().unwrap_or(0)),
    );
    let several = groups.len() > 1;
    let names = groups.clone();
    let options = move |selected: RwSignal<usize>| {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| view! { <option value=i.to_string() selected=move || selected.get() == i>{name.clone()}</option> })
            .collect_view()
    };
    let by_group = grid.by_group.clone();
    let (rows2, columns2) = (rows.clone(), columns.clone());
    let difference = move || {
        let (x, y) = (a.get(), b.get());
        let cells = by_group
            .get(x)
            .zip(by_group.get(y))
            .map(|(p, q)| p.difference(q))
            .unwrap_or_default();
        view! {
            <HeatMapChart rows=rows2.clone() columns=columns2.clone() cells alt=ui.heat_difference.to_owned() signed=true/>
        }
    };
    let pick = |signal: RwSignal<usize>| {
        move |ev: web_sys::Event| {
            if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                signal.set(i);
            }
        }
    };
    let compare = several.then(|| {
        view! {
            <h4>{ui.heat_compare}</h4>
            <div class="cq-compare">
                <label>{ui.group_a}" "<select data-testid="group-a" on:change=pick(a)>{options(a)}</select></label>
                <label>{ui.group_b}" "<select data-testid="group-b" on:change=pick(b)>{options(b)}</select></label>
            </div>
            <div data-testid="difference">{difference}</div>
        }
    });
    let everyone = fill(ui.heat_everyone, &[("n", &grid.all.count.to_string())]);
    Some(view! {
        <h3>{ui.group_heat}</h3>
        <h4>{everyone.clone()}</h4>
        <HeatMapChart rows=rows.clone() columns=columns.clone() cells=grid.all.cells.clone() alt=everyone/>
        {per_group}
        {compare}
    })
}

/// Offers `text` as a file download named `name`.
fn download_csv(name: &str, text: &str) -> Result<(), JsValue> {
    candor_web::files::download(name, text, "text/csv")
}

/// The facilitator's screen for `instrument`.
#[component]
pub fn FacilitatorScreen(
    /// The instrument the codes are for.
    instrument: Arc<Instrument>,
    /// The session tag the page set, if any.
    session: Option<String>,
    /// The definition's URL, when it came from one.
    src: Option<String>,
    /// The `<candor-quiz>` element, to switch built-in instruments.
    host: Option<web_sys::HtmlElement>,
    /// The interface's words.
    ui: &'static Ui,
) -> impl IntoView {
    let session = RwSignal::new(session.unwrap_or_else(new_session_tag));
    // What is typed or pasted in the box, and what came in bulk (a large paste or a file),
    // kept out of the box so the browser need not lay out 100,000 lines.
    let pasted = RwSignal::new(String::new());
    let bulk = RwSignal::new(String::new());
    let report: RwSignal<Option<Arc<GroupReport>>> = RwSignal::new(None);
    let took = RwSignal::new(0.0);
    let instrument_for_report = instrument.clone();
    let recompute = Callback::new(move |()| {
        let started = js_sys::Date::now();
        let text = bulk.with_untracked(|b| pasted.with_untracked(|p| format!("{p}\n{b}")));
        let tag = session.get_untracked();
        let tag = (!tag.trim().is_empty()).then_some(tag);
        let r = GroupReport::from_text(&text, &instrument_for_report, tag.as_deref());
        report.set(Some(Arc::new(r)));
        took.set(js_sys::Date::now() - started);
    });
    let link_instrument = instrument.clone();
    let link = Memo::new(move |_| attendee_link(&link_instrument, src.as_deref(), &session.get()));
    let id = instrument.id().as_str().to_owned();
    let switcher = host.filter(|_| builtin::is_builtin(&id)).map(|host| {
        let options = builtin::ids()
            .map(|i| view! { <option value=i selected=i == id>{builtin::title_in(i, ui.locale).unwrap_or(i)}</option> })
            .collect_view();
        view! {
            <label class="cq-field">
                <span>{ui.facilitator_instrument}</span>
                <select data-testid="instrument-choice" on:change=move |ev| {
                    let _ = host.set_attribute("instrument", &event_target_value(&ev));
                }>{options}</select>
            </label>
        }
    });
    let export_instrument = StoredValue::new(instrument.clone());
    let export = move |_| {
        let export_instrument = export_instrument.get_value();
        if let Some(r) = report.get_untracked() {
            let name = format!(
                "candor-group-{}-{}.csv",
                export_instrument.id(),
                crate::json::file_safe(&session.get_untracked())
            );
            let _ = download_csv(&name, &r.csv(&export_instrument));
        }
    };
    let view_instrument = instrument.clone();
    let body = move || {
        report.get().map(|r| {
            let tag = session.get_untracked();
            view! {
                {report_view(&view_instrument, &r, &tag, ui)}
                <p class="cq-meta" data-testid="group-time">{fill(ui.group_time, &[("ms", &format!("{:.0}", took.get_untracked()))])}</p>
                <button type="button" data-testid="export-csv" on:click=export>{ui.export_csv}</button>
            }
        })
    };
    let heading = fill(ui.facilitator_title, &[("title", instrument.title())]);
    view! {
        <section class="cq-step cq-facilitator" data-testid="facilitator">
            <h2 class="cq-title">{heading}</h2>
            <p>{ui.facilitator_help}</p>
            {switcher}
            <label class="cq-field">
                <span>{ui.session_tag}</span>
                <input type="text" class="cq-input" data-testid="session" prop:value=move || session.get()
                    on:input=move |ev| {
                        session.set(event_target_value(&ev));
                        recompute.run(());
                    }/>
            </label>
            {move || link.get().map(|link| view! {
                <div class="cq-attendee">
                    <p>{ui.attendees_open}</p>
                    <p><a class="cq-link-text" href=link.clone() target="_blank" rel="noopener" data-testid="attendee-link">{link.clone()}</a></p>
                    <QrCode text=link alt=ui.attendee_qr_alt.to_owned()/>
                </div>
            })}
            <label class="cq-field">
                <span>{ui.paste_codes}</span>
                // Not bound to the signal: writing 100,000 lines back into the box would make
                // the browser lay them out a second time.
                <textarea class="cq-input cq-paste" rows="6" data-testid="paste"
                    on:input=move |ev| {
                        pasted.set(event_target_value(&ev));
                        recompute.run(());
                    }
                    on:paste=move |ev| {
                        let text = ev.clipboard_data().and_then(|d| d.get_data("text").ok()).unwrap_or_default();
                        if text.len() >= BULK_PASTE {
                            ev.prevent_default();
                            bulk.update(|b| {
                                b.push('\n');
                                b.push_str(&text);
                            });
                            recompute.run(());
                        }
                    }></textarea>
            </label>
            <div class="cq-actions">
                <label class="cq-file">
                    <input type="file" accept=".txt,.csv,text/plain" data-testid="codes-file" on:change=move |ev| {
                        load_file(ev, move |text| {
                            bulk.update(|b| {
                                b.push('\n');
                                b.push_str(&text);
                            });
                            recompute.run(());
                        });
                    }/>
                    <span>{ui.load_codes}</span>
                </label>
            </div>
            {move || {
                let lines = bulk.with(|b| b.lines().filter(|l| !l.trim().is_empty()).count());
                (lines > 0).then(|| view! {
                    <p class="cq-meta" data-testid="bulk">
                        {fill(ui.bulk_note, &[("n", &lines.to_string())])}" "
                        <button type="button" data-testid="clear-bulk" on:click=move |_| {
                            bulk.set(String::new());
                            recompute.run(());
                        }>{ui.clear}</button>
                    </p>
                })
            }}
            {body}
        </section>
    }
}
