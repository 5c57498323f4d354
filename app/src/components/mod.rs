//! Small pieces the full bundle's screens share: the radio list, the progress bar, the
//! notices, the pictures, sharing and the reader's data controls.

mod choices;
mod data_panel;
mod messages;
mod progress;

mod heat_map;
mod history;
mod ladder;
mod quadrant_map;
mod radar;
mod share;
mod slope;
mod svg;
mod trend;

pub use choices::ChoiceList;
pub use data_panel::{DataPanel, download};
pub use messages::Messages;
pub use progress::ProgressBar;

pub use heat_map::{HeatMapChart, HeatTable, tint};
pub use history::{HistoryList, local_date};
pub use ladder::LadderChart;
pub use quadrant_map::QuadrantMap;
pub use radar::{Axis, QuotientScale, RadarChart};
pub use share::{QrCode, SharePanel};
pub use slope::SlopeChart;
pub use svg::{multiline, multiline_extent, wrap};
pub use trend::{Series, TrendChart};
