//! The grid model (rows by columns of cells, with optional respondent groups).

use super::*;

impl Reader {
    pub(super) fn grid_model(
        &mut self,
        value: &Value,
        path: &str,
    ) -> Option<(ModelShape, ModelDraft)> {
        let o = self.object(
            value,
            path,
            &["kind", "rows", "columns", "groups", "bands", "min_answers"],
        )?;
        let rows = self.labels(&o, "rows", 1, 12);
        let columns = self.labels(&o, "columns", 1, 12);
        let groups = match o.get("groups") {
            None => Some(None),
            Some(v) => self.groups(v, &o.at("groups")).map(Some),
        };
        let bands = self
            .bands(&o, "bands", false)
            .and_then(|b| self.cover(b, 0, 100));
        let ids = |labels: &Option<Vec<Label>>| Ids {
            ids: labels.iter().flatten().map(|l| l.id.clone()).collect(),
        };
        let shape = ModelShape::Grid {
            rows: ids(&rows),
            columns: ids(&columns),
        };
        // Without readable rows and columns, items cannot be checked against cells.
        if shape_is_empty(&shape) {
            return None;
        }
        let model = match (rows, columns, groups, bands) {
            (Some(rows), Some(columns), Some(groups), Some(bands)) => Some(GridModel {
                rows,
                columns,
                groups,
                bands,
            }),
            _ => None,
        };
        Some((shape, ModelDraft::Grid(model)))
    }

    fn groups(&mut self, value: &Value, path: &str) -> Option<Groups> {
        let o = self.object(value, path, &["question", "options"])?;
        let question = self.text(&o, "question");
        let options = self.flagged_labels(&o, "options", 2, 12, Some("acts"));
        let options = options?
            .into_iter()
            .map(|(Label { id, name }, acts)| GroupOption { id, name, acts })
            .collect();
        Some(Groups {
            question: question?,
            options,
        })
    }
}
