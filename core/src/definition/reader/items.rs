//! Items, each checked against the model's shape and the answer scales.

use super::*;

impl Reader {
    /// Reads the items; each entry is `None` where that item has problems, so checks that
    /// join items and model can still run on the others.
    pub(super) fn items(
        &mut self,
        obj: &Obj,
        shape: &ModelShape,
        scales: Option<&[Scale]>,
    ) -> Option<Vec<Option<Item>>> {
        let values = self.array(obj, "items", 1, MAX_ITEMS)?;
        let path = obj.at("items");
        let scale_ids = scales.map(|s| Ids {
            ids: s.iter().map(|s| s.id.clone()).collect(),
        });
        let mut items = Vec::new();
        let mut ids = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let item = self.item(value, &at, shape, scale_ids.as_ref());
            if let Some(item) = &item {
                ids.push((item.id.0.clone(), join(&at, "id")));
            }
            items.push(item);
        }
        self.unique(&ids);
        Some(items)
    }

    fn item(
        &mut self,
        value: &Value,
        path: &str,
        shape: &ModelShape,
        scales: Option<&Ids>,
    ) -> Option<Item> {
        let feed_key = match shape {
            ModelShape::Subscales { .. } => "subscale",
            ModelShape::Ratio { .. } => "component",
            ModelShape::Grid { .. } => "cell",
            ModelShape::Levels { .. } => "options",
        };
        let allowed: &[&str] = match shape {
            ModelShape::Levels { .. } => &[
                "id",
                "text",
                "options",
                "try",
                "raise",
                "not_applicable",
                "opposite_from",
                "added_in",
            ],
            ModelShape::Grid { .. } => &[
                "id",
                "text",
                "scale",
                "reverse",
                feed_key,
                "priority",
                "try",
                "raise",
                "not_applicable",
                "opposite_from",
                "added_in",
            ],
            _ => &[
                "id",
                "text",
                "scale",
                "reverse",
                feed_key,
                "try",
                "raise",
                "not_applicable",
                "opposite_from",
                "added_in",
                "rater",
            ],
        };
        let o = self.object(value, path, allowed)?;
        let id = self.id(&o, "id").map(ItemId);
        let text = self.text(&o, "text");
        let try_next = self.optional_text(&o, "try");
        let raise = self.optional_text(&o, "raise");
        let opposite_from = self.version_from(&o, "opposite_from");
        let added_in = self.version_from(&o, "added_in");
        let not_applicable = self.boolean(&o, "not_applicable");
        let rater = self.optional_text(&o, "rater");
        let kind = match shape {
            ModelShape::Levels { levels } => self.level_options(&o, *levels),
            _ => self.rated(&o, shape, feed_key, scales),
        };
        Some(Item {
            id: id?,
            text: text?,
            kind: kind?,
            try_next: try_next?,
            raise: raise?,
            opposite_from: opposite_from?,
            added_in: added_in?,
            not_applicable: not_applicable?,
            rater: rater?,
        })
    }

    /// An optional version number, 2 or more, at `key`.
    fn version_from(&mut self, o: &Obj, key: &str) -> Option<Option<u16>> {
        match o.get(key) {
            None => Some(None),
            Some(v) => self
                .whole(v, &o.at(key), 2, i64::from(u16::MAX))
                .map(|v| Some(v as u16)),
        }
    }

    fn rated(
        &mut self,
        o: &Obj,
        shape: &ModelShape,
        feed_key: &str,
        scales: Option<&Ids>,
    ) -> Option<ItemKind> {
        let scale = self.required(o, "scale").and_then(|v| match scales {
            Some(ids) => self.lookup(ids, v, &o.at("scale"), Named::Scale),
            None => None,
        });
        let reverse = self.boolean(o, "reverse");
        // The grid's priority question feeds no cell.
        if let ModelShape::Grid { .. } = shape
            && self.boolean(o, "priority")?
        {
            if o.get(feed_key).is_some() {
                self.report(o.at(feed_key), Kind::UnknownField);
                return None;
            }
            return Some(ItemKind::Rated {
                scale: scale?,
                reverse: reverse?,
                feeds: Feeds::Priority,
            });
        }
        let feeds = self.required(o, feed_key).and_then(|v| {
            let at = o.at(feed_key);
            match shape {
                ModelShape::Subscales { subscales } => self
                    .lookup(subscales, v, &at, Named::Subscale)
                    .map(Feeds::Subscale),
                ModelShape::Ratio { components } => self
                    .lookup(components, v, &at, Named::Component)
                    .map(Feeds::Component),
                ModelShape::Grid { rows, columns } => {
                    let cell = self.object(v, &at, &["row", "column"])?;
                    let row = self
                        .required(&cell, "row")
                        .and_then(|r| self.lookup(rows, r, &cell.at("row"), Named::Row));
                    let column = self
                        .required(&cell, "column")
                        .and_then(|c| self.lookup(columns, c, &cell.at("column"), Named::Column));
                    Some(Feeds::Cell {
                        row: row?,
                        column: column?,
                    })
                }
                ModelShape::Levels { .. } => None,
            }
        });
        Some(ItemKind::Rated {
            scale: scale?,
            reverse: reverse?,
            feeds: feeds?,
        })
    }

    fn level_options(&mut self, o: &Obj, levels: usize) -> Option<ItemKind> {
        let values = self.array(o, "options", 2, MAX_LEVELS)?;
        let path = o.at("options");
        let mut options: Vec<LevelOption> = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(opt) = self.object(value, &at, &["level", "text"]) else {
                ok = false;
                continue;
            };
            let level = self.int(&opt, "level", 1, levels as i64);
            let text = self.text(&opt, "text");
            match (level, text) {
                (Some(level), Some(text)) => {
                    let level = level as u8;
                    if options.iter().any(|o| o.level == level) {
                        self.report(
                            opt.at("level"),
                            Kind::Duplicate {
                                id: format!("level {level}"),
                            },
                        );
                        ok = false;
                    }
                    options.push(LevelOption { level, text });
                }
                _ => ok = false,
            }
        }
        if !ok {
            return None;
        }
        for level in 1..=levels as u8 {
            if !options.iter().any(|o| o.level == level) {
                self.report(path.clone(), Kind::NoOption { level });
                ok = false;
            }
        }
        ok.then_some(ItemKind::Levels { options })
    }
}
