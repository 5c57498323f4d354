//! Numbers written with at most a few decimals, by integer arithmetic.
//!
//! Every number Candor writes (a mean on a result, a coordinate in a picture, a cell of
//! the group's CSV) goes through [`decimal`]. It rounds half away from zero and drops
//! trailing zeros. Rust's own float formatting (`{}` and `{:.2}` on an `f64`) would add
//! about 10 KB to each WebAssembly bundle for the same output.

/// `value` with at most `places` decimals (up to 6), `separator` before them, trailing
/// zeros and a bare separator dropped. Not-a-number is written `0`. A value too large for
/// its decimals (beyond about 10^13 with six) is written whole, and beyond ±9.2 × 10^18
/// as that.
///
/// ```
/// use candor_core::decimal::decimal;
/// assert_eq!(decimal(21.0, 1, "."), "21");
/// assert_eq!(decimal(6.06, 1, ","), "6,1");
/// assert_eq!(decimal(-2.346, 2, "."), "-2.35");
/// assert_eq!(decimal(2.5, 2, "."), "2.5");
/// assert_eq!(decimal(-0.004, 2, "."), "0");
/// assert_eq!(decimal(12.5, 0, "."), "13");
/// ```
pub fn decimal(value: f64, places: u32, separator: &str) -> String {
    let places = places.min(6);
    let scale = 10_u64.pow(places);
    let scaled = (value * scale as f64).round();
    if scaled.abs() >= u64::MAX as f64 {
        return (value.round() as i64).to_string();
    }
    let units = scaled.abs() as u64;
    let mut out = String::new();
    if scaled < 0.0 && units > 0 {
        out.push('-');
    }
    out.push_str(&(units / scale).to_string());
    let mut fraction = units % scale;
    let mut digits = places;
    while digits > 0 && fraction.is_multiple_of(10) {
        fraction /= 10;
        digits -= 1;
    }
    if digits > 0 {
        out.push_str(separator);
        let text = fraction.to_string();
        out.extend(std::iter::repeat_n('0', digits as usize - text.len()));
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::decimal;
    use proptest::prelude::*;

    #[test]
    fn keeps_leading_zeros_of_the_fraction() {
        assert_eq!(decimal(3.05, 2, "."), "3.05");
        assert_eq!(decimal(0.001, 3, "."), "0.001");
        assert_eq!(decimal(-0.5, 1, "."), "-0.5");
        assert_eq!(decimal(f64::NAN, 2, "."), "0");
        assert_eq!(decimal(2.5e16, 6, "."), "25000000000000000");
        assert_eq!(decimal(-1.0e40, 1, "."), i64::MIN.to_string());
    }

    proptest! {
        /// Within the range Candor writes, the result reads back as the value rounded to
        /// `places`, as the standard formatter would write it.
        #[test]
        fn reads_back_as_the_rounded_value(value in -1.0e6..1.0e6_f64, places in 0_u32..7) {
            let text = decimal(value, places, ".");
            let back: f64 = text.parse().expect("a number");
            let step = 10_f64.powi(-(places as i32));
            prop_assert!((back - value).abs() <= step / 2.0 + 1e-9, "{value} → {text}");
            prop_assert!(!text.ends_with('.'));
            prop_assert!(places == 0 || !text.contains('.') || !text.ends_with('0'));
            let standard = format!("{value:.*}", places as usize);
            let standard: f64 = standard.parse().expect("a number");
            prop_assert!((back - standard).abs() <= step + 1e-9);
        }
    }
}
