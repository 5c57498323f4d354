//! Small pieces the later bundles' screens share: the pictures, the history, sharing, others'
//! view and the reader's data controls. The pictures (map, slope, radar, quotient scale,
//! ladder, heat map and its table, QR code) are `candor-view` trees, which the
//! facilitator's screen draws and the Leptos screens show as inert elements
//! ([`html_view`]); the trend, the history, sharing, others' view and the data panel are
//! Leptos components.

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

pub use heat_map::{HeatMap, heat_map_chart, heat_table, tint};
pub use history::{HistoryList, local_date};
pub use ladder::ladder_chart;
pub use others::{OthersPanel, PasteReport, refusal};
pub use quadrant_map::{Quadrants, quadrant_map};
pub use radar::{Axis, Quotient, quotient_scale, radar_chart};
pub use share::{SharePanel, qr_code};
pub use slope::slope_chart;
pub use svg::{html_view, multiline, multiline_extent, num, picture, wrap};
pub use trend::{Series, TrendChart};
