//! The document's top level: identity, texts, credit, answer scales, and which model it
//! uses.

use super::*;

impl Reader {
    pub(super) fn instrument(&mut self, value: &Value) -> Option<Instrument> {
        let obj = self.object(
            value,
            "",
            &[
                "$schema", "format", "id", "version", "locale", "title", "intro", "minutes",
                "period", "caveat", "credit", "scales", "model", "items", "earlier",
            ],
        )?;
        if let Some(format) = self.required(&obj, "format") {
            self.whole(format, "format", FORMAT, FORMAT);
        }
        let id = self.id(&obj, "id").map(InstrumentId);
        let version = self.int(&obj, "version", 1, i64::from(u16::MAX));
        let locale = self.locale(&obj);
        let title = self.text(&obj, "title");
        let intro = self.text(&obj, "intro");
        let minutes = self.int(&obj, "minutes", 1, 120);
        let period = self.optional_text(&obj, "period");
        let caveat = self.text(&obj, "caveat");
        let credit = self.credit(&obj);
        let scales = self.scales(&obj);
        let earlier = self.earlier(&obj, version);
        let min_answers = self.min_answers(&obj);
        let (shape, draft) = self.model(&obj)?;
        let items = self.items(&obj, &shape, scales.as_deref());
        let model = self.finish_model(draft, items.as_deref(), scales.as_deref());
        // Every item must have read for the instrument to exist.
        let items = items.and_then(|items| items.into_iter().collect::<Option<Vec<Item>>>());
        if let (Some(items), Some(scales), Some(model), Some(min)) =
            (&items, &scales, &model, min_answers)
        {
            self.check_not_applicable(items, scales, model, min);
        }
        if let Some(items) = &items {
            self.check_raters(items);
        }
        Some(Instrument {
            id: id?,
            version: u16::try_from(version?).ok()?,
            locale: locale?,
            title: title?,
            intro: intro?,
            minutes: u8::try_from(minutes?).ok()?,
            period: period?,
            caveat: caveat?,
            credit: credit?,
            scales: scales?,
            items: items?,
            model: model?,
            min_answers: min_answers?,
            earlier: earlier?,
        })
    }

    /// The earlier versions whose answers fit: each below `version`, none twice.
    fn earlier(&mut self, obj: &Obj, version: Option<i64>) -> Option<Vec<u16>> {
        let Some(value) = obj.get("earlier") else {
            return Some(Vec::new());
        };
        let path = obj.at("earlier");
        let values = self.list(value, &path, 0, 64)?;
        let below = version.unwrap_or(i64::from(u16::MAX)).max(2) - 1;
        let mut found = Vec::new();
        let mut seen = Vec::new();
        let mut ok = true;
        for (i, v) in values.iter().enumerate() {
            let at = index(&path, i);
            match self.whole(v, &at, 1, below) {
                Some(v) => {
                    seen.push((v.to_string(), at));
                    found.push(v as u16);
                }
                None => ok = false,
            }
        }
        self.unique(&seen);
        ok.then_some(found)
    }

    /// The model's `min_answers`: 1 when absent.
    fn min_answers(&mut self, obj: &Obj) -> Option<u8> {
        let Some(value) = obj.get("model").and_then(|m| m.get("min_answers")) else {
            return Some(1);
        };
        let path = join(&obj.at("model"), "min_answers");
        self.whole(value, &path, 1, 100).map(|n| n as u8)
    }

    fn locale(&mut self, obj: &Obj) -> Option<String> {
        let text = self.text(obj, "locale")?;
        let ok = text.len() <= 35
            && text.split('-').all(|part| {
                !part.is_empty()
                    && part.len() <= 8
                    && part.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if !ok {
            self.report(obj.at("locale"), Kind::BadLocale { found: text });
            return None;
        }
        Some(text)
    }

    fn credit(&mut self, obj: &Obj) -> Option<Credit> {
        let value = self.required(obj, "credit")?;
        let o = self.object(value, &obj.at("credit"), &["model", "source", "url"])?;
        let model = self.text(&o, "model");
        let source = self.text(&o, "source");
        let url = self.optional_text(&o, "url");
        if let Some(Some(url)) = &url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            self.report(o.at("url"), Kind::BadLink);
            return None;
        }
        Some(Credit {
            model: model?,
            source: source?,
            url: url?,
        })
    }

    fn scales(&mut self, obj: &Obj) -> Option<Vec<Scale>> {
        let Some(value) = obj.get("scales") else {
            return Some(Vec::new());
        };
        let path = obj.at("scales");
        let values = self.list(value, &path, 0, 20)?;
        let mut scales = Vec::new();
        let mut ids = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(o) = self.object(value, &at, &["id", "options", "not_applicable"]) else {
                ok = false;
                continue;
            };
            let id = self.id(&o, "id");
            if let Some(id) = &id {
                ids.push((id.clone(), o.at("id")));
            }
            let options = self.scale_options(&o);
            let not_applicable = self.optional_text(&o, "not_applicable");
            match (id, options, not_applicable) {
                (Some(id), Some(options), Some(not_applicable)) => {
                    scales.push(Scale {
                        id,
                        options,
                        not_applicable,
                    });
                }
                _ => ok = false,
            }
        }
        self.unique(&ids);
        ok.then_some(scales)
    }

    fn scale_options(&mut self, obj: &Obj) -> Option<Vec<ScaleOption>> {
        let values = self.array(obj, "options", 2, MAX_SCALE_OPTIONS)?;
        let path = obj.at("options");
        let mut options = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(o) = self.object(value, &at, &["label", "value"]) else {
                ok = false;
                continue;
            };
            let label = self.text(&o, "label");
            let value = self.int(&o, "value", -1000, 1000);
            match (label, value) {
                (Some(label), Some(value)) => options.push(ScaleOption {
                    label,
                    value: value as i32,
                }),
                _ => ok = false,
            }
        }
        if ok && options.windows(2).any(|w| w[1].value <= w[0].value) {
            self.report(path, Kind::NotAscending);
            return None;
        }
        ok.then_some(options)
    }

    // ---- models --------------------------------------------------------------------------

    fn model(&mut self, obj: &Obj) -> Option<(ModelShape, ModelDraft)> {
        let value = self.required(obj, "model")?;
        let path = obj.at("model");
        let Some(kind) = value.get("kind") else {
            // Report the type problem or the missing kind, whichever applies.
            if value.as_object().is_none() {
                self.object(value, &path, &[]);
            } else {
                self.report(join(&path, "kind"), Kind::Missing);
            }
            return None;
        };
        let kind_path = join(&path, "kind");
        let kind = self.check_text(kind, &kind_path)?;
        match kind.as_str() {
            "subscales" => self.subscale_model(value, &path),
            "levels" => self.level_model(value, &path),
            "ratio" => self.ratio_model(value, &path),
            "grid" => self.grid_model(value, &path),
            _ => {
                self.report(kind_path, Kind::UnsupportedModel { found: kind });
                None
            }
        }
    }
}
