//! The ratio model (components, one the denominator, with quotient and balance bands).

use super::*;

impl Reader {
    pub(super) fn ratio_model(
        &mut self,
        value: &Value,
        path: &str,
    ) -> Option<(ModelShape, ModelDraft)> {
        let o = self.object(
            value,
            path,
            &[
                "kind",
                "components",
                "denominator",
                "tie_order",
                "temperaments",
                "quotient_bands",
                "balance_bands",
                "reference",
                "min_answers",
                "balanced",
            ],
        )?;
        let values = self.array(&o, "components", 2, 8)?;
        let list_path = o.at("components");
        let mut components = Vec::new();
        let mut ids = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&list_path, i);
            let Some(c) = self.object(value, &at, &["id", "name", "virtue", "practice"]) else {
                ok = false;
                continue;
            };
            let id = self.id(&c, "id");
            if let Some(id) = &id {
                ids.push((id.clone(), c.at("id")));
            }
            let name = self.text(&c, "name");
            let virtue = self.optional_text(&c, "virtue");
            let practice = self.text(&c, "practice");
            match (id, name, virtue, practice) {
                (Some(id), Some(name), Some(virtue), Some(practice)) => {
                    components.push(Component {
                        id,
                        virtue: virtue.unwrap_or_else(|| name.clone()),
                        name,
                        practice,
                    });
                }
                _ => ok = false,
            }
        }
        self.unique(&ids);
        let names = Ids {
            ids: ids.into_iter().map(|(id, _)| id).collect(),
        };
        let denominator = self
            .required(&o, "denominator")
            .and_then(|v| self.lookup(&names, v, &o.at("denominator"), Named::Component));
        let tie_order = self.tie_order(&o, &names);
        let temperaments = self.temperaments(&o, &names);
        let quotient_bands = self.bands(&o, "quotient_bands", true);
        let balance_bands = self.bands(&o, "balance_bands", false);
        let reference = match o.get("reference") {
            None => Some(None),
            Some(v) => self.reference(v, &o.at("reference")).map(Some),
        };
        let balanced = match o.get("balanced") {
            None => Some(None),
            Some(v) => self.balanced(v, &o.at("balanced")).map(Some),
        };
        let model = match (
            ok,
            denominator,
            tie_order,
            temperaments,
            quotient_bands,
            balance_bands,
            reference,
            balanced,
        ) {
            (
                true,
                Some(denominator),
                Some(tie_order),
                Some(temperaments),
                Some(quotient_bands),
                Some(balance_bands),
                Some(reference),
                Some(balanced),
            ) => Some(RatioModelDraft {
                components,
                denominator,
                tie_order,
                temperaments,
                quotient_bands,
                balance_bands,
                reference,
                balanced,
            }),
            _ => None,
        };
        Some((
            ModelShape::Ratio { components: names },
            ModelDraft::Ratio { model },
        ))
    }

    fn balanced(&mut self, value: &Value, path: &str) -> Option<Balanced> {
        let o = self.object(value, path, &["name", "text"])?;
        let name = self.text(&o, "name");
        let text = self.text(&o, "text");
        Some(Balanced {
            name: name?,
            text: text?,
        })
    }

    fn tie_order(&mut self, obj: &Obj, names: &Ids) -> Option<Vec<usize>> {
        let values = self.array(obj, "tie_order", 1, 8)?;
        let path = obj.at("tie_order");
        let order: Option<Vec<usize>> = values
            .iter()
            .enumerate()
            .map(|(i, v)| self.lookup(names, v, &index(&path, i), Named::Component))
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        let order = order?;
        let repeated = (1..order.len()).any(|i| order[..i].contains(&order[i]));
        if order.len() != names.ids.len() || repeated {
            self.report(
                path,
                Kind::ComponentOrder {
                    ids: names.ids.clone(),
                },
            );
            return None;
        }
        Some(order)
    }

    fn temperaments(&mut self, obj: &Obj, names: &Ids) -> Option<Vec<Temperament>> {
        let n = names.ids.len();
        let pairs = n * n.saturating_sub(1) / 2;
        let values = self.array(obj, "temperaments", 1, 28)?;
        let path = obj.at("temperaments");
        let mut temperaments: Vec<Temperament> = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(t) = self.object(value, &at, &["pair", "name", "text"]) else {
                ok = false;
                continue;
            };
            let pair = self.array(&t, "pair", 2, 2).and_then(|ends| {
                let pair_path = t.at("pair");
                let a = self.lookup(names, &ends[0], &index(&pair_path, 0), Named::Component);
                let b = self.lookup(names, &ends[1], &index(&pair_path, 1), Named::Component);
                match (a, b) {
                    (Some(a), Some(b)) if a == b => {
                        self.report(pair_path, Kind::PairSame);
                        None
                    }
                    (Some(a), Some(b)) => Some([a.min(b), a.max(b)]),
                    _ => None,
                }
            });
            let name = self.text(&t, "name");
            let text = self.text(&t, "text");
            match (pair, name, text) {
                (Some(pair), Some(name), Some(text)) => {
                    if temperaments.iter().any(|other| other.pair == pair) {
                        self.report(
                            t.at("pair"),
                            Kind::Duplicate {
                                id: format!("{}+{}", names.ids[pair[0]], names.ids[pair[1]]),
                            },
                        );
                        ok = false;
                    }
                    temperaments.push(Temperament { pair, name, text });
                }
                _ => ok = false,
            }
        }
        if !ok {
            return None;
        }
        for a in 0..n {
            for b in a + 1..n {
                if !temperaments.iter().any(|t| t.pair == [a, b]) {
                    self.report(
                        path.clone(),
                        Kind::PairMissing {
                            a: names.ids[a].clone(),
                            b: names.ids[b].clone(),
                        },
                    );
                    ok = false;
                }
            }
        }
        (ok && temperaments.len() == pairs).then_some(temperaments)
    }

    fn reference(&mut self, value: &Value, path: &str) -> Option<Reference> {
        let o = self.object(value, path, &["mean", "text"])?;
        let mean = self
            .required(&o, "mean")
            .and_then(|v| self.number(v, &o.at("mean"), 0.0, 1000.0));
        let text = self.text(&o, "text");
        Some(Reference {
            mean_tenths: (mean? * 10.0).round() as i32,
            text: text?,
        })
    }
}
