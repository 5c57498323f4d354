//! Small pieces the later bundles' screens share: the pictures, the history, sharing, others'
//! view and the reader's data controls. The heat map, the QR code and wrapped labels are
//! `candor-view` trees, which the facilitator's screen draws and the Leptos screens show
//! as inert elements ([`html_view`], [`svg_view`]); the rest are Leptos components.

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

pub use heat_map::{HeatMap, HeatTable, heat_map_chart, tint};
pub use history::{HistoryList, local_date};
pub use ladder::LadderChart;
pub use others::{OthersPanel, PasteReport, refusal};
pub use quadrant_map::QuadrantMap;
pub use radar::{Axis, QuotientScale, RadarChart};
pub use share::{SharePanel, qr_code};
pub use slope::SlopeChart;
pub use svg::{html_view, multiline, multiline_extent, num, svg_view, wrap};
pub use trend::{Series, TrendChart};
