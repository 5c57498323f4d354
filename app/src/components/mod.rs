//! Small pieces the screens share.

mod choices;
mod progress;
mod quadrant_map;

pub use choices::ChoiceList;
pub use progress::ProgressBar;
pub use quadrant_map::QuadrantMap;
