//! Entry point of the widget bundle: registers `<candor-quiz>`; each element mounts itself.

fn main() {
    candor_app::start();
}
