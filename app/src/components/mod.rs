//! Small pieces the screens share.

mod choices;
mod data_panel;
mod heat_map;
mod history;
mod ladder;
mod messages;
mod progress;
mod quadrant_map;
mod radar;
mod share;
mod slope;
mod svg;
mod trend;

pub use choices::ChoiceList;
pub use data_panel::{DataPanel, download};
pub use heat_map::{HeatMapChart, HeatTable, tint};
pub use history::{HistoryList, local_date};
pub use ladder::LadderChart;
pub use messages::{Messages, describe};
pub use progress::ProgressBar;
pub use quadrant_map::QuadrantMap;
pub use radar::{Axis, QuotientScale, RadarChart};
pub use share::{QrCode, SharePanel};
pub use slope::SlopeChart;
pub use svg::{multiline, short_number, wrap};
pub use trend::{Series, TrendChart};
