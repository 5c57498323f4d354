//! Checks that join the model and the items, run once both have been read.

use super::*;

impl Reader {
    /// Checks that join the model and the items. Checks that need every item (an empty
    /// subscale or cell, uneven components, band coverage that depends on the items) run
    /// only when every item read; the others run on the items that did.
    pub(super) fn finish_model(
        &mut self,
        draft: ModelDraft,
        items: Option<&[Option<Item>]>,
        scales: Option<&[Scale]>,
    ) -> Option<Model> {
        let (items, scales) = (items?, scales?);
        let complete = items.iter().all(Option::is_some);
        let rated = |pred: &dyn Fn(Feeds) -> bool| -> Vec<(usize, bool)> {
            items
                .iter()
                .flatten()
                .filter_map(|item| match item.kind {
                    ItemKind::Rated {
                        scale,
                        reverse,
                        feeds,
                    } if pred(feeds) => Some((scale, reverse)),
                    _ => None,
                })
                .collect()
        };
        match draft {
            ModelDraft::Subscales {
                model,
                weights_path,
            } => {
                let model = model?;
                let mut ok = true;
                for (s, subscale) in model.subscales.iter().enumerate() {
                    let used = rated(&|f| f == Feeds::Subscale(s));
                    if used.is_empty() && complete {
                        self.report(
                            "items",
                            Kind::SubscaleWithoutItems {
                                id: subscale.id.clone(),
                            },
                        );
                        ok = false;
                    }
                    let mut seen = Vec::new();
                    for (scale, _) in used {
                        let options = scales[scale].options.len();
                        let first = !seen.contains(&scale);
                        seen.push(scale);
                        if first && options != subscale.weights.len() {
                            self.report(
                                weights_path[s].clone(),
                                Kind::WeightsLength {
                                    scale: scales[scale].id.clone(),
                                    expected: options,
                                    found: subscale.weights.len(),
                                },
                            );
                            ok = false;
                        }
                    }
                }
                if let Some(habits) = &model.habits {
                    for (i, item) in items.iter().enumerate() {
                        let Some(item) = item else { continue };
                        if matches!(item.kind, ItemKind::Rated { feeds: Feeds::Subscale(s), .. } if s == habits.subscale)
                            && item.try_next.is_none()
                        {
                            self.report(format!("items[{i}].try"), Kind::TryMissing);
                            ok = false;
                        }
                    }
                }
                (ok && complete).then_some(Model::Subscales(model))
            }
            ModelDraft::Levels(model) => model.filter(|_| complete).map(Model::Levels),
            ModelDraft::Ratio { model } => {
                let model = model.filter(|_| complete)?;
                let mut ok = true;
                let mut shapes = Vec::new();
                for (c, component) in model.components.iter().enumerate() {
                    let used = rated(&|f| f == Feeds::Component(c));
                    if used.is_empty() {
                        self.report(
                            "items",
                            Kind::ComponentWithoutItems {
                                id: component.id.clone(),
                            },
                        );
                        ok = false;
                        continue;
                    }
                    if used.iter().any(|(s, _)| *s != used[0].0) {
                        self.report(
                            "items",
                            Kind::MixedScales {
                                component: component.id.clone(),
                            },
                        );
                        ok = false;
                        continue;
                    }
                    shapes.push((c, used.len(), used[0].0));
                }
                if !ok {
                    return None;
                }
                let (_, count, scale) = shapes[0];
                if shapes.iter().any(|&(_, n, s)| n != count || s != scale) {
                    let found = shapes
                        .iter()
                        .map(|&(c, n, s)| (model.components[c].id.clone(), n, scales[s].id.clone()))
                        .collect();
                    self.report("items", Kind::UnevenComponents { found });
                    return None;
                }
                let options = &scales[scale].options;
                let (lo, hi) = (options[0].value, options[options.len() - 1].value);
                let (sum_lo, sum_hi) = (lo * count as i32, hi * count as i32);
                if sum_lo <= 0 {
                    self.report(
                        format!("scales (\"{}\")", scales[scale].id),
                        Kind::ScaleNotPositive,
                    );
                    return None;
                }
                let numerators = (model.components.len() - 1) as i32;
                let q_lo = crate::scoring::ratio::tenths(numerators * sum_lo, sum_hi);
                let q_hi = crate::scoring::ratio::tenths(numerators * sum_hi, sum_lo);
                let quotient_bands = self.cover(model.quotient_bands, q_lo, q_hi);
                let balance_bands = self.cover(model.balance_bands, 0, sum_hi - sum_lo);
                Some(Model::Ratio(RatioModel {
                    components: model.components,
                    denominator: model.denominator,
                    tie_order: model.tie_order,
                    temperaments: model.temperaments,
                    quotient_bands: quotient_bands?,
                    balance_bands: balance_bands?,
                    reference: model.reference,
                    balanced: model.balanced,
                }))
            }
            ModelDraft::Grid(model) => {
                let model = model.filter(|_| complete)?;
                let mut ok = true;
                for (r, row) in model.rows.iter().enumerate() {
                    for (c, column) in model.columns.iter().enumerate() {
                        if rated(&|f| f == Feeds::Cell { row: r, column: c }).is_empty() {
                            self.report(
                                "items",
                                Kind::CellWithoutItems {
                                    row: row.id.clone(),
                                    column: column.id.clone(),
                                },
                            );
                            ok = false;
                        }
                    }
                }
                ok.then_some(Model::Grid(model))
            }
        }
    }

    /// Checks the texts others answer: none, or one on every item, each naming the person
    /// with `{name}`.
    pub(super) fn check_raters(&mut self, items: &[Item]) {
        if items.iter().all(|item| item.rater.is_none()) {
            return;
        }
        for (i, item) in items.iter().enumerate() {
            match &item.rater {
                None => self.report(join(&index("items", i), "rater"), Kind::RaterMissing),
                Some(text) if !text.contains("{name}") => {
                    self.report(join(&index("items", i), "rater"), Kind::RaterUnnamed)
                }
                Some(_) => {}
            }
        }
    }

    /// Checks what "does not apply" needs: a label for every item that offers it, and no
    /// part of the model with fewer items than `min` (it could never be scored).
    pub(super) fn check_not_applicable(
        &mut self,
        items: &[Item],
        scales: &[Scale],
        model: &Model,
        min: u8,
    ) {
        let mut priority = false;
        for (i, item) in items.iter().enumerate() {
            if matches!(
                item.kind,
                ItemKind::Rated {
                    feeds: Feeds::Priority,
                    ..
                }
            ) {
                if priority {
                    let id = "priority".to_owned();
                    self.report(join(&index("items", i), "priority"), Kind::Duplicate { id });
                }
                priority = true;
            }
            if item.added_in.is_some() && !item.not_applicable {
                // Answers from before it was added read as "does not apply".
                self.report(
                    join(&index("items", i), "added_in"),
                    Kind::AddedWithoutNotApplicable,
                );
            }
            if !item.not_applicable {
                continue;
            }
            let owner = match (&item.kind, model) {
                (ItemKind::Rated { scale, .. }, _) => {
                    let scale = &scales[*scale];
                    scale.not_applicable.is_none().then(|| scale.id.clone())
                }
                (ItemKind::Levels { .. }, Model::Levels(m)) => {
                    m.not_applicable.is_none().then(|| "model".to_owned())
                }
                _ => None,
            };
            if let Some(owner) = owner {
                self.report(
                    join(&index("items", i), "not_applicable"),
                    Kind::NoNotApplicableLabel { owner },
                );
            }
        }
        let least = usize::from(min);
        let feeding = |pred: &dyn Fn(Feeds) -> bool| {
            items
                .iter()
                .filter(|item| matches!(item.kind, ItemKind::Rated { feeds, .. } if pred(feeds)))
                .count()
        };
        let parts: Vec<(String, usize)> = match model {
            Model::Subscales(m) => (m.subscales.iter().enumerate())
                .map(|(s, sub)| {
                    let part = format!("\"{}\"", sub.id);
                    (part, feeding(&|f| f == Feeds::Subscale(s)))
                })
                .collect(),
            Model::Ratio(m) => (m.components.iter().enumerate())
                .map(|(c, comp)| {
                    let part = format!("\"{}\"", comp.id);
                    (part, feeding(&|f| f == Feeds::Component(c)))
                })
                .collect(),
            Model::Grid(m) => (m.rows.iter().enumerate())
                .flat_map(|(r, row)| {
                    m.columns.iter().enumerate().map(move |(c, column)| {
                        (format!("\"{}\" × \"{}\"", row.id, column.id), r, c)
                    })
                })
                .map(|(part, row, column)| (part, feeding(&|f| f == Feeds::Cell { row, column })))
                .collect(),
            Model::Levels(_) => vec![("\"items\"".to_owned(), items.len())],
        };
        for (part, found) in parts {
            if found < least {
                self.report(
                    "model.min_answers",
                    Kind::MinAnswersUnreachable {
                        part,
                        items: found,
                        least,
                    },
                );
            }
        }
    }
}
