//! The pictures' own arithmetic, against the standard library's.
#![allow(missing_docs)]

use candor_widget::components::{diamond, num, points, sin_cos};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn sine_and_cosine_match_the_standard_ones_over_two_turns_either_way() {
    for step in -96..=96 {
        let degrees = f64::from(step) * 7.5 + 0.3;
        let (sin, cos) = sin_cos(degrees);
        let (want_sin, want_cos) = degrees.to_radians().sin_cos();
        assert!(
            (sin - want_sin).abs() < 1e-13,
            "sin {degrees}: {sin} ≠ {want_sin}"
        );
        assert!(
            (cos - want_cos).abs() < 1e-13,
            "cos {degrees}: {cos} ≠ {want_cos}"
        );
    }
}

#[wasm_bindgen_test]
fn coordinates_are_written_with_at_most_two_decimals() {
    assert_eq!(num(180.0), "180");
    assert_eq!(num(96.543), "96.54");
    assert_eq!(num(-0.5), "-0.5");
    assert_eq!(num(2.0 / 3.0), "0.67");
    assert_eq!(points([(1.0, 2.5), (1.0 / 3.0, 4.0)]), "1,2.5 0.33,4");
    assert_eq!(diamond(10.0, 20.0, 8.0), "10,12 18,20 10,28 2,20");
}
