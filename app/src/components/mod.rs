//! Small pieces the screens share. The pictures and sharing pieces are only in the full
//! bundle (feature `full`); the first-question bundle has what taking a quiz needs.

mod choices;
#[cfg(feature = "full")]
mod data_panel;
mod messages;
mod progress;

#[cfg(feature = "full")]
mod heat_map;
#[cfg(feature = "full")]
mod history;
#[cfg(feature = "full")]
mod ladder;
#[cfg(feature = "full")]
mod quadrant_map;
#[cfg(feature = "full")]
mod radar;
#[cfg(feature = "full")]
mod share;
#[cfg(feature = "full")]
mod slope;
#[cfg(feature = "full")]
mod svg;
#[cfg(feature = "full")]
mod trend;

pub use choices::ChoiceList;
#[cfg(feature = "full")]
pub use data_panel::{DataPanel, download};
pub use messages::{Messages, describe};
pub use progress::ProgressBar;

#[cfg(feature = "full")]
pub use heat_map::{HeatMapChart, HeatTable, tint};
#[cfg(feature = "full")]
pub use history::{HistoryList, local_date};
#[cfg(feature = "full")]
pub use ladder::LadderChart;
#[cfg(feature = "full")]
pub use quadrant_map::QuadrantMap;
#[cfg(feature = "full")]
pub use radar::{Axis, QuotientScale, RadarChart};
#[cfg(feature = "full")]
pub use share::{QrCode, SharePanel};
#[cfg(feature = "full")]
pub use slope::SlopeChart;
#[cfg(feature = "full")]
pub use svg::{multiline, multiline_extent, wrap};
#[cfg(feature = "full")]
pub use trend::{Series, TrendChart};
