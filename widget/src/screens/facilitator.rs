//! Facilitator mode: run a session and see the group at once.
//!
//! * Set a session tag, and give attendees a link and its QR code.
//! * Paste their result codes to see the group.
//! * Everything is computed by the core in this browser.
//! * Nothing is sent anywhere, and no one's name is needed.
//!
//! The screen is a `candor-view` tree drawn from its [`State`], without Leptos: what is
//! typed or chosen changes the state, and the tree is drawn again in place, so the box
//! being typed in keeps its focus and its text.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use candor_core::builtin;
use candor_core::code::{ALPHABET, CodeError};
use candor_core::definition::{Instrument, Model};
use candor_core::group::{CategorySet, GroupReport, Rejection};
use candor_core::scoring::score_name;
use candor_view::node::{Node, el};
use candor_web::dom::{DrawnWithSvg, closest};
use candor_web::widget::{Listener, listen, release};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

use crate::components::{
    HeatMap, heat_map_chart, multiline, multiline_extent, num, picture, qr_code, refusal,
};
use crate::text::{Ui, fill};

/// A paste at least this long (in bytes) is kept out of the text box.
const BULK_PASTE: usize = 64 * 1024;

/// Reads the file chosen in a file input, then calls `done` with its text.
fn load_file(event: &web_sys::Event, done: impl FnOnce(String) + 'static) {
    let Some(file) = candor_web::files::chosen(event) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
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
        web_sys::window()?.location().href().ok()?
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

/// Offers `text` as a file download named `name`.
fn download_csv(name: &str, text: &str) -> Result<(), JsValue> {
    candor_web::files::download(name, text, "text/csv")
}

/// Characters per line of a bar's label (12 px on a chart 360 units wide; labels and bars
/// start 2 units in, so no glyph's overhang is cut off).
const BAR_LABEL_WRAP: usize = 46;
/// The longest bar, leaving room after it for the widest count ("100 (100%)").
const BAR_MAX: f64 = 274.0;

/// Counts as horizontal bars, each under its label (a label may be long: a group's whole
/// name) with the count and share after it.
fn category_bars(set: &CategorySet, total: usize, ui: &Ui) -> [Node; 2] {
    let most = set.entries.iter().map(|e| e.2).max().unwrap_or(0).max(1);
    let mut y = 0.0;
    let mut rows = Vec::new();
    for (id, name, count) in &set.entries {
        // The label's lines as a block whose top is at `y`, the bar under it.
        let (top, bottom) = multiline_extent(name, BAR_LABEL_WRAP, 0.0, 12.0);
        let label_middle = y - top;
        let bar_y = y + (bottom - top) + 3.0;
        y = bar_y + 16.0 + 10.0;
        let w = BAR_MAX * *count as f64 / most as f64;
        let share = (100 * count + total / 2).checked_div(total).unwrap_or(0);
        rows.push(multiline(
            name,
            BAR_LABEL_WRAP,
            2.0,
            label_middle,
            "start",
            "cq-bar-label",
        ));
        rows.push(
            (el("rect", "cq-bar").attr("x", "2").attr("y", &num(bar_y)))
                .attr("width", &num(w))
                .attr("height", "16")
                .attr("rx", "3"),
        );
        rows.push(
            (el("text", "cq-bar-value").attr("x", &num(w + 8.0)))
                .attr("y", &num(bar_y + 8.0))
                .attr("dominant-baseline", "middle")
                .attr("data-testid", &format!("count-{}-{id}", set.id))
                .text(&format!("{count} ({share}%)")),
        );
    }
    let height = num(y.max(4.0));
    let alt = set
        .entries
        .iter()
        .map(|(_, name, count)| format!("{name}: {count}"))
        .collect::<Vec<_>>()
        .join("; ");
    [
        el("h4", "").text(set_title(set, ui)),
        picture("cq-chart cq-bars", &format!("0 0 360 {height}"), &alt).children(rows),
    ]
}

/// A table's head row: an empty corner, then `columns`.
fn head_row<'a>(columns: impl IntoIterator<Item = &'a str>) -> Node {
    let cells = columns
        .into_iter()
        .map(|c| el("th", "").attr("scope", "col").text(c));
    el("thead", "").child(el("tr", "").child(el("td", "")).children(cells))
}

/// A row of a table: its head, then `cells`.
fn row(head: &str, cells: Vec<Node>) -> Node {
    el("tr", "")
        .child(el("th", "").attr("scope", "row").text(head))
        .children(cells)
}

/// A table of class `cq-stats` that may be wider than a phone.
fn stats_table(table: Node) -> Node {
    el("div", "cq-table-wrap").child(table)
}

/// What each respondent group would address first, as a table of counts.
fn priorities_by_group(report: &GroupReport, ui: &Ui) -> Option<[Node; 2]> {
    let counts = report.cross("group", "priority")?;
    let set = |id: &str| report.categories.iter().find(|s| s.id == id);
    let (groups, priorities) = (set("group")?, set("priority")?);
    let head = head_row(priorities.entries.iter().map(|(_, name, _)| name.as_str()));
    let rows = (groups.entries.iter().zip(&counts)).map(|((id, name, _), counts)| {
        let cells = counts.iter().map(|n| el("td", "").text(&n.to_string()));
        row(name, cells.collect()).attr("data-testid", &format!("priority-{id}"))
    });
    let table = (el("table", "cq-stats").attr("data-testid", "priorities"))
        .child(head)
        .child(el("tbody", "").children(rows));
    Some([
        el("h3", "").text(ui.priority_by_group),
        // It may be wider than a phone: a region the keyboard can scroll.
        (el("div", "cq-table-wrap")
            .attr("tabindex", "0")
            .attr("role", "region"))
        .attr("aria-label", ui.priority_by_group)
        .child(table),
    ])
}

/// Why a code was left out.
fn rejection(why: &Rejection, ui: &Ui) -> &'static str {
    match why {
        Rejection::Invalid(e) => match e {
            CodeError::WrongLength { .. } => ui.why_length,
            CodeError::Checksum | CodeError::OutOfRange => ui.why_checksum,
            _ => ui.why_characters,
        },
        Rejection::OtherSession => ui.why_other_session,
        Rejection::OtherInstrument => ui.why_other_instrument,
        Rejection::OtherVersion => ui.why_other_version,
        Rejection::Duplicate => ui.why_duplicate,
        Rejection::Unscored => ui.why_unscored,
    }
}

/// A folded list of codes left out, each with why: the first 50 of them.
fn left_out<'a>(
    testid: &str,
    summary: String,
    codes: impl ExactSizeIterator<Item = (&'a str, &'a str)>,
    ui: &Ui,
) -> Node {
    let total = codes.len();
    let items = codes.take(50).map(|(code, why)| {
        el("li", "")
            .child(el("code", "").text(code))
            .text(ui.colon)
            .text(why)
    });
    let more = total.saturating_sub(50);
    (el("details", "cq-more").attr("data-testid", testid))
        .child(el("summary", "").text(&summary))
        .child(el("ul", "cq-list").children(items))
        .maybe(
            (more > 0).then(|| el("p", "").text(&fill(ui.and_more, &[("n", &more.to_string())]))),
        )
}

/// Everything the facilitator sees about the pasted codes; `compare` the two groups whose
/// difference is shown.
fn report_view(
    instrument: &Instrument,
    report: &GroupReport,
    session: &str,
    compare: (usize, usize),
    ui: &Ui,
) -> Node {
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
    .filter_map(|(kind, label)| {
        let count = report.rejected_count(kind);
        (count > 0).then(|| {
            el("li", "")
                .attr("data-testid", &format!("rejected-{kind}"))
                .text(&fill(label, &[("n", &count.to_string())]))
        })
    });
    let rejected = (!report.rejected.is_empty()).then(|| {
        let summary = fill(
            ui.rejected_list,
            &[("n", &report.rejected.len().to_string())],
        );
        let codes = (report.rejected.iter()).map(|r| (r.text.as_str(), rejection(&r.why, ui)));
        left_out("rejected", summary, codes, ui)
    });
    let mut group = (el("div", "cq-group").attr("data-testid", "group-report"))
        .child(
            (el("p", "cq-lead").attr("data-testid", "group-count"))
                .text(&fill(ui.group_count, &[("n", &n.to_string())])),
        )
        .child(el("ul", "cq-list").children(counts))
        .maybe(rejected)
        .maybe((report.not_applicable > 0).then(|| {
            (el("p", "cq-meta").attr("data-testid", "group-not-applicable")).text(&fill(
                ui.group_not_applicable,
                &[("n", &report.not_applicable.to_string())],
            ))
        }));
    if n > 0 {
        let stats = report.stats.iter().map(|s| {
            let cells = vec![
                el("td", "").text(&ui.number(s.mean)),
                el("td", "").text(&ui.number(s.sd)),
                el("td", "").text(&format!("{} – {}", ui.number(s.min), ui.number(s.max))),
            ];
            row(&stat_name(instrument, &s.id, ui), cells)
                .attr("data-testid", &format!("stat-{}", s.id))
        });
        let table = el("table", "cq-stats")
            .child(head_row([ui.mean, ui.spread, ui.range]))
            .child(el("tbody", "").children(stats));
        group = group
            .child(el("h3", "").text(ui.group_scores))
            .child(stats_table(table))
            .child(el("h3", "").text(ui.group_distribution))
            .children(
                report
                    .categories
                    .iter()
                    .flat_map(|set| category_bars(set, n, ui)),
            )
            .children(priorities_by_group(report, ui).into_iter().flatten());
    }
    group
        .children(
            heat_maps(instrument, report, compare, ui)
                .into_iter()
                .flatten(),
        )
        .children(others_view(instrument, report, ui).into_iter().flatten())
        .child(el("p", "cq-meta").text(&fill(ui.group_session, &[("session", session)])))
}

/// The group's own view against the raters' view, when the paste held rater codes.
fn others_view(instrument: &Instrument, report: &GroupReport, ui: &Ui) -> Option<Vec<Node>> {
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
        (el("p", "cq-meta").attr("data-testid", "group-others-waiting")).text(&text)
    } else {
        let rows = (view.parts.iter().enumerate()).map(|(p, part)| {
            let cells = vec![
                (el("td", "").attr("data-testid", &format!("group-own-{p}")))
                    .text(&tenths(part.own)),
                (el("td", "").attr("data-testid", &format!("group-others-{p}")))
                    .text(&tenths(part.others)),
            ];
            row(instrument.part_name(p), cells)
        });
        let table = (el("table", "cq-stats").attr("data-testid", "group-others"))
            .child(head_row([ui.group_others_own, ui.group_others_mean]))
            .child(el("tbody", "").children(rows));
        stats_table(table)
    };
    let count = fill(
        ui.group_others_count,
        &[
            ("members", &view.members.to_string()),
            ("raters", &view.raters.to_string()),
        ],
    );
    let refused = (!seen.refused.is_empty()).then(|| {
        let summary = fill(
            ui.group_others_refused,
            &[("n", &seen.refused.len().to_string())],
        );
        let codes = (seen.refused.iter()).map(|(code, why)| (code.as_str(), refusal(why, ui)));
        left_out("group-others-refused", summary, codes, ui)
    });
    let mut nodes = vec![
        el("h3", "").text(ui.group_others_title),
        el("p", "").text(ui.group_others_help),
        el("p", "cq-meta").text(&count),
        body,
    ];
    nodes.extend(refused);
    Some(nodes)
}

/// A choice of one of `names`, `selected` chosen.
fn group_choice(label: &str, testid: &str, names: &[String], selected: usize) -> Node {
    let options = names.iter().enumerate().map(|(i, name)| {
        (el("option", "").attr("value", &i.to_string()))
            .flag("selected", i == selected)
            .text(name)
    });
    el("label", "").text(label).text(" ").child(
        el("select", "")
            .attr("data-testid", testid)
            .children(options),
    )
}

/// The roadmap's heat maps: everyone, each group that answered, and the difference between
/// the two groups of `compare`.
fn heat_maps(
    instrument: &Instrument,
    report: &GroupReport,
    compare: (usize, usize),
    ui: &Ui,
) -> Option<Vec<Node>> {
    let grid = report.grid.as_ref()?;
    let Model::Grid(model) = &instrument.model() else {
        return None;
    };
    let rows: Vec<String> = model.rows.iter().map(|r| r.name.clone()).collect();
    let columns: Vec<String> = model.columns.iter().map(|c| c.name.clone()).collect();
    let groups: Vec<String> = model
        .groups
        .as_ref()
        .map(|g| g.options.iter().map(|o| o.name.clone()).collect())
        .unwrap_or_default();
    let chart = |cells: &[Option<f64>], signed: bool, alt: &str| {
        let map = HeatMap {
            rows: &rows,
            columns: &columns,
            cells,
            signed,
        };
        heat_map_chart(&map, alt)
    };
    let everyone = fill(ui.heat_everyone, &[("n", &grid.all.count.to_string())]);
    let mut nodes = vec![
        el("h3", "").text(ui.group_heat),
        el("h4", "").text(&everyone),
        chart(&grid.all.cells, false, &everyone),
    ];
    for (i, g) in grid
        .by_group
        .iter()
        .enumerate()
        .filter(|(_, g)| g.count > 0)
    {
        let name = groups.get(i).map_or("", String::as_str);
        let title = fill(
            ui.heat_group,
            &[("group", name), ("n", &g.count.to_string())],
        );
        nodes.push(el("h4", "").text(&title));
        nodes.push(chart(&g.cells, false, &title));
    }
    if groups.len() > 1 {
        let (a, b) = compare;
        let cells = (grid.by_group.get(a).zip(grid.by_group.get(b)))
            .map(|(p, q)| p.difference(q))
            .unwrap_or_default();
        nodes.push(el("h4", "").text(ui.heat_compare));
        nodes.push(
            el("div", "cq-compare")
                .child(group_choice(ui.group_a, "group-a", &groups, a))
                .child(group_choice(ui.group_b, "group-b", &groups, b)),
        );
        nodes.push(
            (el("div", "").attr("data-testid", "difference")).child(chart(
                &cells,
                true,
                ui.heat_difference,
            )),
        );
    }
    Some(nodes)
}

/// The first two groups that answered, compared until the facilitator chooses others.
fn first_answered(report: &GroupReport) -> (usize, usize) {
    let answered: Vec<usize> = report.grid.as_ref().map_or_else(Vec::new, |grid| {
        (0..grid.by_group.len())
            .filter(|&i| grid.by_group[i].count > 0)
            .collect()
    });
    (
        answered.first().copied().unwrap_or(0),
        answered.get(1).copied().unwrap_or(0),
    )
}

/// What the facilitator has typed, pasted and chosen, and the report computed from it.
struct State {
    /// The session tag.
    session: String,
    /// What is in the text box.
    pasted: String,
    /// What came in bulk (a large paste or a file), kept out of the box so the browser
    /// need not lay out 100,000 lines.
    bulk: String,
    /// The group's report, once any codes were given.
    report: Option<GroupReport>,
    /// How long the report took, in milliseconds.
    took: f64,
    /// The two groups whose difference is shown, once the facilitator chose them.
    compare: Option<(usize, usize)>,
}

/// The facilitator's screen on a page.
struct Screen {
    instrument: Arc<Instrument>,
    /// The definition's URL, when it came from one.
    src: Option<String>,
    /// The `<candor-quiz>` element, to switch built-in instruments.
    host: Option<HtmlElement>,
    ui: &'static Ui,
    root: HtmlElement,
    state: RefCell<State>,
    drawn: RefCell<DrawnWithSvg>,
}

impl Screen {
    /// Computes the report from what was given, then draws the screen.
    fn recompute(&self) {
        {
            let mut state = self.state.borrow_mut();
            let started = js_sys::Date::now();
            let text = format!("{}\n{}", state.pasted, state.bulk);
            let tag = state.session.trim();
            let tag = (!tag.is_empty()).then_some(tag);
            state.report = Some(GroupReport::from_text(&text, &self.instrument, tag));
            state.took = js_sys::Date::now() - started;
        }
        self.draw();
    }

    /// Draws the screen from the state, changing in place what is drawn already.
    fn draw(&self) {
        let screen = self.view(&self.state.borrow());
        self.drawn.borrow_mut().update(&self.root, vec![screen]);
    }

    /// The screen as the state has it.
    fn view(&self, state: &State) -> Node {
        let (instrument, ui) = (&self.instrument, self.ui);
        let id = instrument.id().as_str();
        let switcher = (self.host.is_some() && builtin::is_builtin(id)).then(|| {
            let options = builtin::ids().map(|i| {
                (el("option", "").attr("value", i))
                    .flag("selected", i == id)
                    .text(builtin::title_in(i, ui.locale).unwrap_or(i))
            });
            el("label", "cq-field")
                .child(el("span", "").text(ui.facilitator_instrument))
                .child(
                    (el("select", "").attr("data-testid", "instrument-choice")).children(options),
                )
        });
        let attendees =
            attendee_link(instrument, self.src.as_deref(), &state.session).map(|link| {
                el("div", "cq-attendee")
                    .child(el("p", "").text(ui.attendees_open))
                    .child(
                        el("p", "").child(
                            (el("a", "cq-link-text").attr("href", &link))
                                .attr("target", "_blank")
                                .attr("rel", "noopener")
                                .attr("data-testid", "attendee-link")
                                .text(&link),
                        ),
                    )
                    .maybe(qr_code(&link, ui.attendee_qr_alt))
            });
        let session = (el("input", "cq-input").attr("type", "text"))
            .attr("data-testid", "session")
            .attr("value", &state.session);
        // Never given the text: writing 100,000 lines back into the box would make the
        // browser lay them out a second time.
        let paste =
            (el("textarea", "cq-input cq-paste").attr("rows", "6")).attr("data-testid", "paste");
        let file = (el("input", "").attr("type", "file"))
            .attr("accept", ".txt,.csv,text/plain")
            .attr("data-testid", "codes-file");
        let lines = state.bulk.lines().filter(|l| !l.trim().is_empty()).count();
        let bulk = (lines > 0).then(|| {
            (el("p", "cq-meta").attr("data-testid", "bulk"))
                .text(&fill(ui.bulk_note, &[("n", &lines.to_string())]))
                .text(" ")
                .child(button("clear-bulk", ui.clear))
        });
        let report = state.report.as_ref().map(|report| {
            let compare = state.compare.unwrap_or_else(|| first_answered(report));
            [
                report_view(instrument, report, &state.session, compare, ui),
                (el("p", "cq-meta").attr("data-testid", "group-time")).text(&fill(
                    ui.group_time,
                    &[("ms", &format!("{:.0}", state.took))],
                )),
                button("export-csv", ui.export_csv),
            ]
        });
        let heading = fill(ui.facilitator_title, &[("title", instrument.title())]);
        (el("section", "cq-step cq-facilitator").attr("data-testid", "facilitator"))
            .child(el("h2", "cq-title").text(&heading))
            .child(el("p", "").text(ui.facilitator_help))
            .maybe(switcher)
            .child(field(ui.session_tag, session))
            .maybe(attendees)
            .child(field(ui.paste_codes, paste))
            .child(
                el("div", "cq-actions").child(
                    el("label", "cq-file")
                        .child(file)
                        .child(el("span", "").text(ui.load_codes)),
                ),
            )
            .maybe(bulk)
            .children(report.into_iter().flatten())
    }

    /// Adds `text` to what came in bulk, and computes the report again.
    fn add_bulk(&self, text: &str) {
        {
            let mut state = self.state.borrow_mut();
            state.bulk.push('\n');
            state.bulk.push_str(text);
        }
        self.recompute();
    }

    /// Offers the report as a CSV file.
    fn export(&self) {
        let state = self.state.borrow();
        if let Some(report) = &state.report {
            let name = format!(
                "candor-group-{}-{}.csv",
                self.instrument.id(),
                crate::json::file_safe(&state.session)
            );
            let _ = download_csv(&name, &report.csv(&self.instrument));
        }
    }
}

/// A labelled field.
fn field(label: &str, input: Node) -> Node {
    el("label", "cq-field")
        .child(el("span", "").text(label))
        .child(input)
}

/// A button named `testid`.
fn button(testid: &str, label: &str) -> Node {
    (el("button", "").attr("type", "button"))
        .attr("data-testid", testid)
        .text(label)
}

/// The `data-testid` of the element an event came from, and the element.
fn target_of(event: &web_sys::Event, selector: &str) -> Option<(String, web_sys::Element)> {
    let target = closest(event.target(), selector)?;
    Some((target.get_attribute("data-testid")?, target))
}

/// The value of a form control.
fn value_of(control: &web_sys::Element) -> String {
    js_sys::Reflect::get(control, &JsValue::from_str("value"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn typed(screen: &Rc<Screen>, event: web_sys::Event) {
    let Some((testid, control)) = target_of(&event, "input, textarea") else {
        return;
    };
    let value = value_of(&control);
    match testid.as_str() {
        "session" => screen.state.borrow_mut().session = value,
        "paste" => screen.state.borrow_mut().pasted = value,
        _ => return,
    }
    screen.recompute();
}

fn pasted(screen: &Rc<Screen>, event: web_sys::Event) {
    if target_of(&event, "textarea").is_none_or(|(testid, _)| testid != "paste") {
        return;
    }
    let text = (event.dyn_ref::<web_sys::ClipboardEvent>())
        .and_then(|e| e.clipboard_data())
        .and_then(|d| d.get_data("text").ok())
        .unwrap_or_default();
    if text.len() >= BULK_PASTE {
        event.prevent_default();
        screen.add_bulk(&text);
    }
}

fn changed(screen: &Rc<Screen>, event: web_sys::Event) {
    let Some((testid, control)) = target_of(&event, "input, select") else {
        return;
    };
    match testid.as_str() {
        "codes-file" => {
            let screen = Rc::downgrade(screen);
            load_file(&event, move |text| {
                if let Some(screen) = screen.upgrade() {
                    screen.add_bulk(&text);
                }
            });
        }
        "instrument-choice" => {
            if let Some(host) = &screen.host {
                let _ = host.set_attribute("instrument", &value_of(&control));
            }
        }
        "group-a" | "group-b" => {
            let Ok(i) = value_of(&control).parse::<usize>() else {
                return;
            };
            {
                let mut state = screen.state.borrow_mut();
                let Some(report) = &state.report else {
                    return;
                };
                let (a, b) = state.compare.unwrap_or_else(|| first_answered(report));
                state.compare = Some(if testid == "group-a" { (i, b) } else { (a, i) });
            }
            screen.draw();
        }
        _ => {}
    }
}

fn clicked(screen: &Rc<Screen>, event: web_sys::Event) {
    let Some((testid, _)) = target_of(&event, "button") else {
        return;
    };
    match testid.as_str() {
        "clear-bulk" => {
            screen.state.borrow_mut().bulk.clear();
            screen.recompute();
        }
        "export-csv" => screen.export(),
        _ => {}
    }
}

/// The facilitator's screen as mounted: dropping it stops listening.
pub struct Facilitator {
    _screen: Rc<Screen>,
    listeners: Vec<Listener>,
}

impl Drop for Facilitator {
    fn drop(&mut self) {
        release(std::mem::take(&mut self.listeners));
    }
}

/// Shows the facilitator's screen for `instrument` in `root`. `session` is the tag the page
/// set, if any; `src` the definition's URL, when it came from one; `host` the
/// `<candor-quiz>` element, to switch built-in instruments.
pub fn facilitator_screen(
    root: &HtmlElement,
    instrument: Arc<Instrument>,
    session: Option<String>,
    src: Option<String>,
    host: Option<HtmlElement>,
    ui: &'static Ui,
) -> Facilitator {
    let screen = Rc::new(Screen {
        instrument,
        src,
        host,
        ui,
        root: root.clone(),
        state: RefCell::new(State {
            session: session.unwrap_or_else(new_session_tag),
            pasted: String::new(),
            bulk: String::new(),
            report: None,
            took: 0.0,
            compare: None,
        }),
        drawn: RefCell::default(),
    });
    screen.draw();
    let on = |handler: fn(&Rc<Screen>, web_sys::Event)| {
        let screen: Weak<Screen> = Rc::downgrade(&screen);
        move |event| {
            if let Some(screen) = screen.upgrade() {
                handler(&screen, event);
            }
        }
    };
    let listeners = vec![
        listen(root, "input", false, on(typed)),
        listen(root, "paste", false, on(pasted)),
        listen(root, "change", false, on(changed)),
        listen(root, "click", false, on(clicked)),
    ];
    Facilitator {
        _screen: screen,
        listeners,
    }
}
