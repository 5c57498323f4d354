//! Small pieces the full bundle's screens share: the pictures, the history, sharing, others'
//! view and the reader's data controls.

mod data_panel;

mod heat_map;
mod history;
mod ladder;
mod others;
mod quadrant_map;
mod radar;
mod share;
mod slope;
mod svg;
mod trend;

pub use data_panel::DataPanel;

pub use heat_map::{HeatMapChart, HeatTable, tint};
pub use history::{HistoryList, local_date};
pub use ladder::LadderChart;
pub use others::{OthersPanel, PasteReport, refusal};
pub use quadrant_map::QuadrantMap;
pub use radar::{Axis, QuotientScale, RadarChart};
pub use share::{QrCode, SharePanel};
pub use slope::SlopeChart;
pub use svg::{multiline, multiline_extent, wrap};
pub use trend::{Series, TrendChart};
