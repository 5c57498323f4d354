//! Small pieces the screens share.

mod choices;
mod heat_map;
mod progress;
mod quadrant_map;

pub use choices::ChoiceList;
pub use heat_map::HeatMap;
pub use progress::ProgressBar;
pub use quadrant_map::QuadrantMap;
