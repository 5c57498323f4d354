//! Small pieces the later bundles' screens share: the pictures, the history, sharing, others'
//! view and the reader's data controls. The pictures (map, slope, radar, quotient scale,
//! ladder, heat map and its table, QR code) are `candor-view` trees, which the
//! facilitator's screen draws and the Leptos screens show as inert elements
//! ([`html_view`]); the trend, the history, sharing, others' view and the data panel are
//! Leptos components.

mod heat_map;
mod ladder;
mod qr;
mod quadrant_map;
mod radar;
mod slope;
mod svg;

pub use heat_map::{HeatMap, heat_map_chart, heat_table, tint};
pub use ladder::ladder_chart;
pub use qr::qr_code;
pub use quadrant_map::{Quadrants, quadrant_map};
pub use radar::{Axis, Quotient, quotient_scale, radar_chart};
pub use slope::slope_chart;
pub use svg::{diamond, multiline, multiline_extent, num, picture, points, sin_cos, wrap};

// The reader's tools, in Leptos: the full bundle's alone.
#[cfg(feature = "readers")]
mod data_panel;
#[cfg(feature = "readers")]
mod history;
#[cfg(feature = "readers")]
mod others;
#[cfg(feature = "readers")]
mod share;
#[cfg(feature = "readers")]
mod trend;

#[cfg(feature = "readers")]
pub use data_panel::DataPanel;
#[cfg(feature = "readers")]
pub use history::{HistoryList, local_date};
#[cfg(feature = "readers")]
pub use others::{OthersPanel, PasteReport};
#[cfg(feature = "readers")]
pub use share::{SharePanel, copy_and_say};
#[cfg(feature = "readers")]
pub use svg::html_view;
#[cfg(feature = "readers")]
pub use trend::{Series, TrendChart};
