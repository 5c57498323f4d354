//! The levels model (dimensions scored on a ladder of levels).

use super::*;

impl Reader {
    pub(super) fn level_model(
        &mut self,
        value: &Value,
        path: &str,
    ) -> Option<(ModelShape, ModelDraft)> {
        let o = self.object(
            value,
            path,
            &[
                "kind",
                "dimensions",
                "levels",
                "min_answers",
                "not_applicable",
            ],
        )?;
        let dimensions = self.array(&o, "dimensions", 1, 8).map(|values| {
            let path = o.at("dimensions");
            values
                .iter()
                .enumerate()
                .map(|(i, v)| self.check_text(v, &index(&path, i)))
                .collect::<Vec<_>>()
        });
        let dimensions: Option<Vec<String>> = dimensions.and_then(|d| d.into_iter().collect());
        let not_applicable = self.optional_text(&o, "not_applicable");
        let values = self.array(&o, "levels", 2, MAX_LEVELS)?;
        let count = values.len();
        let list_path = o.at("levels");
        let mut levels = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&list_path, i);
            let Some(l) = self.object(value, &at, &["name", "source_name", "text", "up", "try"])
            else {
                ok = false;
                continue;
            };
            let name = self.text(&l, "name");
            let source_name = self.optional_text(&l, "source_name");
            let text = self.text(&l, "text");
            let top = i + 1 == count;
            let try_next = match (l.get("try"), top) {
                (Some(_), true) => {
                    self.report(l.at("try"), Kind::TopLevelUp);
                    None
                }
                _ => self.optional_text(&l, "try"),
            };
            let up = match (l.get("up"), top) {
                (None, true) => Some(Vec::new()),
                (Some(_), true) => {
                    self.report(l.at("up"), Kind::TopLevelUp);
                    None
                }
                (None, false) => {
                    self.report(l.at("up"), Kind::Missing);
                    None
                }
                (Some(v), false) => {
                    let up_path = l.at("up");
                    let want = dimensions.as_ref().map_or(0, Vec::len);
                    self.list(v, &up_path, 0, 8).and_then(|texts| {
                        if dimensions.is_some() && texts.len() != want {
                            self.report(
                                up_path.clone(),
                                Kind::TextsPerDimension {
                                    expected: want,
                                    found: texts.len(),
                                },
                            );
                            return None;
                        }
                        texts
                            .iter()
                            .enumerate()
                            .map(|(j, t)| self.check_text(t, &index(&up_path, j)))
                            .collect::<Vec<_>>()
                            .into_iter()
                            .collect()
                    })
                }
            };
            match (name, source_name, text, up, try_next) {
                (Some(name), Some(source_name), Some(text), Some(up), Some(try_next)) => levels
                    .push(Level {
                        name,
                        source_name,
                        text,
                        up,
                        try_next,
                    }),
                _ => ok = false,
            }
        }
        let model = match (ok, dimensions, not_applicable) {
            (true, Some(dimensions), Some(not_applicable)) => Some(LevelModel {
                levels,
                dimensions,
                not_applicable,
            }),
            _ => None,
        };
        Some((
            ModelShape::Levels { levels: count },
            ModelDraft::Levels(model),
        ))
    }
}
