//! What the facilitator sees of the pasted codes: counts, scores, the groups' bars and
//! tables, the roadmap's heat maps and the group's own view against others', as one
//! `candor-view` tree. The numbers are the core's `GroupReport`.

use candor_core::code::CodeError;
use candor_core::definition::{Instrument, Model};
use candor_core::group::{CategorySet, GroupReport, Rejection};
use candor_core::scoring::score_name;
use candor_view::node::{Node, el};

use crate::components::{HeatMap, heat_map_chart, multiline, multiline_extent, num, picture};
use crate::text::{FacilitatorUi, fill};

/// The label of a category set.
fn set_title(set: &CategorySet, ui: &FacilitatorUi) -> &'static str {
    match set.id {
        "quadrant" => ui.group_quadrants(),
        "slope" => ui.group_slope(),
        "level" => ui.group_levels(),
        "temperament" => ui.group_temperaments(),
        "balance" => ui.group_balance(),
        "band" => ui.group_bands(),
        "priority" => ui.group_priority(),
        _ => ui.group_groups(),
    }
}

/// The name of a summary score, from the definition or the interface's words.
fn stat_name(instrument: &Instrument, id: &str, ui: &FacilitatorUi) -> String {
    score_name(instrument, id).unwrap_or_else(|| {
        match id {
            "tq" => ui.score_tq(),
            "level" => ui.score_level(),
            "consistency" => ui.score_consistency(),
            "overall" => ui.score_overall(),
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
fn category_bars(set: &CategorySet, total: usize, ui: &FacilitatorUi) -> [Node; 2] {
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
fn priorities_by_group(report: &GroupReport, ui: &FacilitatorUi) -> Option<[Node; 2]> {
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
        el("h3", "").text(ui.priority_by_group()),
        // It may be wider than a phone: a region the keyboard can scroll.
        (el("div", "cq-table-wrap")
            .attr("tabindex", "0")
            .attr("role", "region"))
        .attr("aria-label", ui.priority_by_group())
        .child(table),
    ])
}

/// Why a code was left out.
fn rejection(why: &Rejection, ui: &FacilitatorUi) -> &'static str {
    match why {
        Rejection::Invalid(e) => match e {
            CodeError::WrongLength { .. } => ui.why_length(),
            CodeError::Checksum | CodeError::OutOfRange => ui.why_checksum(),
            _ => ui.why_characters(),
        },
        Rejection::OtherSession => ui.why_other_session(),
        Rejection::OtherInstrument => ui.why_other_instrument(),
        Rejection::OtherVersion => ui.why_other_version(),
        Rejection::Duplicate => ui.why_duplicate(),
        Rejection::Unscored => ui.why_unscored(),
    }
}

/// A folded list of codes left out, each with why: the first 50 of them.
fn left_out<'a>(
    testid: &str,
    summary: String,
    codes: impl ExactSizeIterator<Item = (&'a str, &'a str)>,
    ui: &FacilitatorUi,
) -> Node {
    let total = codes.len();
    let items = codes.take(50).map(|(code, why)| {
        el("li", "")
            .child(el("code", "").text(code))
            .text(ui.colon())
            .text(why)
    });
    let more = total.saturating_sub(50);
    (el("details", "cq-more").attr("data-testid", testid))
        .child(el("summary", "").text(&summary))
        .child(el("ul", "cq-list").children(items))
        .maybe(
            (more > 0).then(|| el("p", "").text(&fill(ui.and_more(), &[("n", &more.to_string())]))),
        )
}

/// Everything the facilitator sees about the pasted codes; `compare` the two groups whose
/// difference is shown.
pub(super) fn report_view(
    instrument: &Instrument,
    report: &GroupReport,
    session: &str,
    compare: (usize, usize),
    ui: &FacilitatorUi,
) -> Node {
    let n = report.members.len();
    let counts = [
        ("invalid", ui.rejected_invalid()),
        ("other-session", ui.rejected_session()),
        ("other-instrument", ui.rejected_instrument()),
        ("other-version", ui.rejected_version()),
        ("duplicate", ui.rejected_duplicate()),
        ("unscored", ui.rejected_unscored()),
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
            ui.rejected_list(),
            &[("n", &report.rejected.len().to_string())],
        );
        let codes = (report.rejected.iter()).map(|r| (r.text.as_str(), rejection(&r.why, ui)));
        left_out("rejected", summary, codes, ui)
    });
    let mut group = (el("div", "cq-group").attr("data-testid", "group-report"))
        .child(
            (el("p", "cq-lead").attr("data-testid", "group-count"))
                .text(&fill(ui.group_count(), &[("n", &n.to_string())])),
        )
        .child(el("ul", "cq-list").children(counts))
        .maybe(rejected)
        .maybe((report.not_applicable > 0).then(|| {
            (el("p", "cq-meta").attr("data-testid", "group-not-applicable")).text(&fill(
                ui.group_not_applicable(),
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
            .child(head_row([ui.mean(), ui.spread(), ui.range()]))
            .child(el("tbody", "").children(stats));
        group = group
            .child(el("h3", "").text(ui.group_scores()))
            .child(stats_table(table))
            .child(el("h3", "").text(ui.group_distribution()))
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
        .child(el("p", "cq-meta").text(&fill(ui.group_session(), &[("session", session)])))
}

/// The group's own view against the raters' view, when the paste held rater codes.
fn others_view(
    instrument: &Instrument,
    report: &GroupReport,
    ui: &FacilitatorUi,
) -> Option<Vec<Node>> {
    let seen = report.others.as_ref()?;
    let view = &seen.view;
    let tenths = |s: Option<candor_core::others::Spread>| {
        s.map_or_else(
            || "—".to_owned(),
            |s| ui.number(f64::from(s.mean_tenths) / 10.0),
        )
    };
    let body = if view.raters < candor_core::others::MIN_RATERS {
        let text = fill(
            ui.group_others_waiting(),
            &[("n", &view.raters.to_string())],
        );
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
            .child(head_row([ui.group_others_own(), ui.group_others_mean()]))
            .child(el("tbody", "").children(rows));
        stats_table(table)
    };
    let count = fill(
        ui.group_others_count(),
        &[
            ("members", &view.members.to_string()),
            ("raters", &view.raters.to_string()),
        ],
    );
    let refused = (!seen.refused.is_empty()).then(|| {
        let summary = fill(
            ui.group_others_refused(),
            &[("n", &seen.refused.len().to_string())],
        );
        let codes = (seen.refused.iter()).map(|(code, why)| (code.as_str(), ui.refusal(why)));
        left_out("group-others-refused", summary, codes, ui)
    });
    let mut nodes = vec![
        el("h3", "").text(ui.group_others_title()),
        el("p", "").text(ui.group_others_help()),
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
    ui: &FacilitatorUi,
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
    let everyone = fill(ui.heat_everyone(), &[("n", &grid.all.count.to_string())]);
    let mut nodes = vec![
        el("h3", "").text(ui.group_heat()),
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
            ui.heat_group(),
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
        nodes.push(el("h4", "").text(ui.heat_compare()));
        nodes.push(
            el("div", "cq-compare")
                .child(group_choice(ui.group_a(), "group-a", &groups, a))
                .child(group_choice(ui.group_b(), "group-b", &groups, b)),
        );
        nodes.push(
            (el("div", "").attr("data-testid", "difference")).child(chart(
                &cells,
                true,
                ui.heat_difference(),
            )),
        );
    }
    Some(nodes)
}

/// The first two groups that answered, compared until the facilitator chooses others.
pub(super) fn first_answered(report: &GroupReport) -> (usize, usize) {
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
