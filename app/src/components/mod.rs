//! Small pieces the screens share.

mod choices;
mod data_panel;
mod heat_map;
mod history;
mod messages;
mod progress;
mod quadrant_map;

pub use choices::ChoiceList;
pub use data_panel::DataPanel;
pub use heat_map::HeatMap;
pub use history::{HistoryList, local_date};
pub use messages::{Messages, describe};
pub use progress::ProgressBar;
pub use quadrant_map::QuadrantMap;
