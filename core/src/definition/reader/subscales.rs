//! The subscale model (two subscales, a quadrant map, an optional slope and habits).

use super::*;

impl Reader {
    pub(super) fn subscale_model(
        &mut self,
        value: &Value,
        path: &str,
    ) -> Option<(ModelShape, ModelDraft)> {
        let o = self.object(
            value,
            path,
            &["kind", "subscales", "map", "slope", "habits", "min_answers"],
        )?;
        let values = self.array(&o, "subscales", 2, 2)?;
        let list_path = o.at("subscales");
        let mut subscales = Vec::new();
        let mut ids = Vec::new();
        let mut weights_path = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&list_path, i);
            let Some(s) = self.object(value, &at, &["id", "name", "weights", "bands"]) else {
                ok = false;
                continue;
            };
            let id = self.id(&s, "id");
            if let Some(id) = &id {
                ids.push((id.clone(), s.at("id")));
            }
            let name = self.text(&s, "name");
            let weights = self.weights(&s);
            let bands = self
                .bands(&s, "bands", false)
                .and_then(|b| self.cover(b, 0, 100));
            weights_path.push(s.at("weights"));
            match (id, name, weights, bands) {
                (Some(id), Some(name), Some(weights), Some(bands)) => {
                    subscales.push(Subscale {
                        id,
                        name,
                        weights,
                        bands,
                    });
                }
                _ => ok = false,
            }
        }
        self.unique(&ids);
        let names = Ids {
            ids: ids.into_iter().map(|(id, _)| id).collect(),
        };
        let map = self.map(&o, &names);
        let slope = match o.get("slope") {
            None => Some(None),
            Some(v) => self
                .lookup(&names, v, &o.at("slope"), Named::Subscale)
                .map(Some),
        };
        let habits = match o.get("habits") {
            None => Some(None),
            Some(v) => self.habits(v, &o.at("habits"), &names).map(Some),
        };
        let model = match (ok, map, slope, habits) {
            (true, Some(map), Some(slope), Some(habits)) => Some(SubscaleModel {
                subscales,
                map,
                slope,
                habits,
            }),
            _ => None,
        };
        Some((
            ModelShape::Subscales { subscales: names },
            ModelDraft::Subscales {
                model,
                weights_path,
            },
        ))
    }

    fn weights(&mut self, obj: &Obj) -> Option<Vec<u8>> {
        let values = self.array(obj, "weights", 2, MAX_SCALE_OPTIONS)?;
        let path = obj.at("weights");
        let mut weights = Vec::new();
        for (i, value) in values.iter().enumerate() {
            weights.push(self.whole(value, &index(&path, i), 0, 100).map(|w| w as u8));
        }
        weights.into_iter().collect()
    }

    fn map(&mut self, obj: &Obj, names: &Ids) -> Option<QuadrantMap> {
        let value = self.required(obj, "map")?;
        let o = self.object(
            value,
            &obj.at("map"),
            &["x", "y", "x_split", "y_split", "quadrants"],
        )?;
        let x = self
            .required(&o, "x")
            .and_then(|v| self.lookup(names, v, &o.at("x"), Named::Subscale));
        let y = self
            .required(&o, "y")
            .and_then(|v| self.lookup(names, v, &o.at("y"), Named::Subscale));
        if let (Some(x), Some(y)) = (x, y)
            && x == y
        {
            self.report(o.at("y"), Kind::SameAxes);
        }
        let x_split = self.int(&o, "x_split", 1, 100);
        let y_split = self.int(&o, "y_split", 1, 100);
        let quadrants = self.quadrants(&o);
        Some(QuadrantMap {
            x: x?,
            y: y.filter(|y| Some(*y) != x)?,
            x_split: x_split? as u8,
            y_split: y_split? as u8,
            quadrants: quadrants?,
        })
    }

    fn quadrants(&mut self, obj: &Obj) -> Option<Box<[Quadrant; 4]>> {
        let values = self.array(obj, "quadrants", 4, 4)?;
        let path = obj.at("quadrants");
        let mut slots: [Option<Quadrant>; 4] = [None, None, None, None];
        // A place counts as taken once its x and y read, whatever else is wrong with the
        // quadrant: a quadrant with an empty text is not also reported missing.
        let mut taken = [false; 4];
        let mut ids = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(q) = self.object(value, &at, &["x", "y", "id", "name", "text", "next"]) else {
                ok = false;
                continue;
            };
            let x = self.high_low(&q, "x");
            let y = self.high_low(&q, "y");
            let id = self.id(&q, "id");
            let name = self.text(&q, "name");
            let text = self.text(&q, "text");
            let next = self.text(&q, "next");
            let (Some(x), Some(y)) = (x, y) else {
                ok = false;
                continue;
            };
            let slot = usize::from(x) + 2 * usize::from(y);
            if taken[slot] {
                self.report(at, Kind::QuadrantTaken);
                ok = false;
                continue;
            }
            taken[slot] = true;
            match (id, name, text, next) {
                (Some(id), Some(name), Some(text), Some(next)) => {
                    ids.push((id.clone(), q.at("id")));
                    slots[slot] = Some(Quadrant {
                        id,
                        name,
                        text,
                        next,
                    });
                }
                _ => ok = false,
            }
        }
        self.unique(&ids);
        let [a, b, c, d] = slots;
        let mut missing = false;
        for (slot, placed) in taken.into_iter().enumerate() {
            if !placed {
                missing = true;
                self.report(
                    path.clone(),
                    Kind::QuadrantMissing {
                        x_high: slot & 1 == 1,
                        y_high: slot & 2 == 2,
                    },
                );
            }
        }
        if missing || !ok {
            return None;
        }
        Some(Box::new([a?, b?, c?, d?]))
    }

    fn high_low(&mut self, obj: &Obj, key: &str) -> Option<bool> {
        let text = self.text(obj, key)?;
        match text.as_str() {
            "high" => Some(true),
            "low" => Some(false),
            _ => {
                self.report(obj.at(key), Kind::NotHighOrLow { found: text });
                None
            }
        }
    }

    fn habits(&mut self, value: &Value, path: &str, names: &Ids) -> Option<Habits> {
        let o = self.object(value, path, &["subscale", "min_weight", "max"])?;
        let subscale = self
            .required(&o, "subscale")
            .and_then(|v| self.lookup(names, v, &o.at("subscale"), Named::Subscale));
        let min_weight = self.int(&o, "min_weight", 1, 100);
        let max = self.int(&o, "max", 1, 10);
        Some(Habits {
            subscale: subscale?,
            min_weight: min_weight? as u8,
            max: max? as u8,
        })
    }
}
