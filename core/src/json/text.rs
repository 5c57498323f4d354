//! JSON text read into a [`Value`], with the line and column of the first syntax error.
//!
//! * Strict JSON (RFC 8259): no comments, no trailing commas, strings in double quotes.
//! * Numbers become `f64`, as in the browser; one too large for it is an error.
//! * Objects keep every member in document order, a repeated key included: the definition
//!   reader names the second one.
//! * Nesting stops at [`MAX_DEPTH`] levels, so hostile text cannot exhaust the stack.

use std::fmt;

use super::Value;

/// How deeply arrays and objects may nest.
pub const MAX_DEPTH: usize = 128;

/// What is wrong with a JSON text, and where: the first problem met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// What the parser met.
    pub kind: SyntaxErrorKind,
    /// Line of the problem, from 1.
    pub line: usize,
    /// Character on that line, from 1.
    pub column: usize,
}

/// The kinds of syntax error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The text ends inside a value.
    EndOfText,
    /// Something other than a value where one must be.
    ExpectedValue,
    /// An object member's key is not a string.
    ExpectedKey,
    /// A key is not followed by `:`.
    ExpectedColon,
    /// An element is followed by something other than `,` or the closing bracket (`]` or
    /// `}`, held here).
    ExpectedCommaOr(char),
    /// A number that JSON does not allow (`01`, `1.`, `.5`, `+1`, `1e`).
    InvalidNumber,
    /// A number too large for a double.
    NumberOutOfRange,
    /// A backslash followed by something other than a JSON escape.
    InvalidEscape,
    /// A `\u` escape that is not a character (a lone surrogate).
    InvalidUnicode,
    /// A raw control character (a line break, a tab) inside a string.
    ControlCharacter,
    /// More text after the value.
    TrailingText,
    /// Arrays and objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl fmt::Display for SyntaxErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EndOfText => f.write_str("the text ends too early"),
            Self::ExpectedValue => f.write_str("expected a value"),
            Self::ExpectedKey => f.write_str("expected a key in double quotes"),
            Self::ExpectedColon => f.write_str("expected `:`"),
            Self::ExpectedCommaOr(close) => write!(f, "expected `,` or `{close}`"),
            Self::InvalidNumber => f.write_str("invalid number"),
            Self::NumberOutOfRange => f.write_str("number out of range"),
            Self::InvalidEscape => f.write_str("invalid escape"),
            Self::InvalidUnicode => f.write_str("invalid unicode escape"),
            Self::ControlCharacter => f.write_str("control character in a string"),
            Self::TrailingText => f.write_str("text after the end of the value"),
            Self::TooDeep => write!(f, "nested more than {MAX_DEPTH} levels deep"),
        }
    }
}

/// Reads as `expected `,` or `}` at line 3 column 5`.
impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.kind, self.line, self.column
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Reads `text`, one JSON value with optional white space around it.
///
/// ```
/// use candor_core::json::{Value, text::parse};
/// let v = parse(r#"{"a": [1, "x"]}"#).unwrap();
/// assert_eq!(v.get("a").and_then(Value::as_array).map(<[Value]>::len), Some(2));
/// let e = parse("{\n  \"a\": 1,\n}").unwrap_err();
/// assert_eq!(e.to_string(), "expected a key in double quotes at line 3 column 1");
/// ```
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.error(SyntaxErrorKind::TrailingText));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// The error `kind` at the next character.
    fn error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        let before = &self.text[..self.at];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[start..].chars().count() + 1;
        SyntaxError { kind, line, column }
    }

    /// `kind`, or the end of the text when that is what was met.
    fn unexpected(&self, kind: SyntaxErrorKind) -> SyntaxError {
        match self.peek() {
            None => self.error(SyntaxErrorKind::EndOfText),
            Some(_) => self.error(kind),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => Err(self.unexpected(SyntaxErrorKind::ExpectedValue)),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error(SyntaxErrorKind::ExpectedValue))
        }
    }

    /// After an element: `,` (true, another follows) or `close` (false, the end).
    fn next_or_close(&mut self, close: u8) -> Result<bool, SyntaxError> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            _ => Err(self.unexpected(SyntaxErrorKind::ExpectedCommaOr(close as char))),
        }
    }

    /// Steps past the opening bracket; true when `close` follows at once (an empty one).
    fn open(&mut self, depth: usize, close: u8) -> Result<bool, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error(SyntaxErrorKind::TooDeep));
        }
        self.at += 1;
        self.skip_space();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        Ok(empty)
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        let mut items = Vec::new();
        if !self.open(depth, b']')? {
            loop {
                items.push(self.value(depth)?);
                if !self.next_or_close(b']')? {
                    break;
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        let mut members = Vec::new();
        if !self.open(depth, b'}')? {
            loop {
                self.skip_space();
                if self.peek() != Some(b'"') {
                    return Err(self.unexpected(SyntaxErrorKind::ExpectedKey));
                }
                let key = self.string()?;
                self.skip_space();
                if self.peek() != Some(b':') {
                    return Err(self.unexpected(SyntaxErrorKind::ExpectedColon));
                }
                self.at += 1;
                members.push((key, self.value(depth)?));
                if !self.next_or_close(b'}')? {
                    break;
                }
            }
        }
        Ok(Value::Object(members))
    }

    /// A string, the opening quote next.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // Only ASCII bytes stop the scan, so both ends are character boundaries.
            out.push_str(&self.text[start..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.error(SyntaxErrorKind::ControlCharacter)),
                None => return Err(self.error(SyntaxErrorKind::EndOfText)),
            }
        }
    }

    /// The character an escape stands for, its backslash read.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                return self.unicode();
            }
            _ => return Err(self.unexpected(SyntaxErrorKind::InvalidEscape)),
        };
        self.at += 1;
        Ok(c)
    }

    /// A `\u` escape, its `\u` read: one character, or a surrogate pair's two escapes.
    fn unicode(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF if self.text[self.at..].starts_with("\\u") => {
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error(SyntaxErrorKind::InvalidUnicode));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error(SyntaxErrorKind::InvalidUnicode))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.at..self.at + 4);
        let code = digits
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.unexpected(SyntaxErrorKind::InvalidEscape))?;
        self.at += 4;
        Ok(code)
    }

    /// A number: `-`? int frac? exp?, as JSON spells it.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - from
        };
        let mut at = self.at;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        let whole = digits(&mut at);
        let mut valid = whole == 1 || (whole > 1 && bytes[at - whole] != b'0');
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            valid &= digits(&mut at) > 0;
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            at += 1;
            if let Some(b'+' | b'-') = bytes.get(at) {
                at += 1;
            }
            valid &= digits(&mut at) > 0;
        }
        if !valid {
            return Err(self.error(SyntaxErrorKind::InvalidNumber));
        }
        let value = decimal_value(&self.text[start..at]);
        if !value.is_finite() {
            return Err(self.error(SyntaxErrorKind::NumberOutOfRange));
        }
        self.at = at;
        Ok(Value::Number(value))
    }
}

/// Exact powers of ten as doubles.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The double nearest a number `text` spells as JSON does.
///
/// Exact (correctly rounded) when the digits make at most 2^53 and the power of ten is within
/// 10^±22: every number a definition holds. Beyond that, within a few units in the last
/// place. The standard library's parser is exact everywhere but adds about 8 KB to a
/// bundle, most of it a table of powers.
fn decimal_value(text: &str) -> f64 {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].trim_start_matches('+')),
        None => (text, "0"),
    };
    // More than 10^6 would be out of range anyway; saturating keeps the sum finite.
    let mut power = exponent
        .parse::<i64>()
        .unwrap_or(0)
        .clamp(-1_000_000, 1_000_000);
    let mut mantissa: u64 = 0;
    let mut seen_point = false;
    for b in digits.bytes() {
        match b {
            b'.' => seen_point = true,
            _ if mantissa < 1_000_000_000_000_000_000 => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                power -= i64::from(seen_point);
            }
            // Digits beyond the nineteenth only scale the value.
            _ => power += i64::from(!seen_point),
        }
    }
    let value = mantissa as f64;
    let value = match power {
        0..=22 if mantissa <= 1 << 53 => value * POWERS[power as usize],
        -22..=-1 if mantissa <= 1 << 53 => value / POWERS[(-power) as usize],
        _ if mantissa == 0 => 0.0,
        _ => value * 10_f64.powi(power.clamp(-400, 400) as i32),
    };
    if negative { -value } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use proptest::prelude::*;

    fn kind(text: &str) -> (SyntaxErrorKind, usize, usize) {
        let e = parse(text).expect_err(text);
        (e.kind, e.line, e.column)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#" {"a": [null, true, false, -0, 12, -3.25e2, 1E-2, "é\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"],
            "b": {}, "c": [], "a": "twice"} "#;
        let ours = parse(text).expect("valid JSON");
        let theirs: Value = serde_json::from_str(text).expect("valid JSON");
        assert_eq!(ours, theirs);
        assert_eq!(ours.as_object().map(<[_]>::len), Some(4));
    }

    #[test]
    fn names_each_syntax_error_where_it_is() {
        use SyntaxErrorKind::*;
        assert_eq!(kind(""), (EndOfText, 1, 1));
        assert_eq!(kind("[1, 2"), (EndOfText, 1, 6));
        assert_eq!(kind("[1 2]"), (ExpectedCommaOr(']'), 1, 4));
        assert_eq!(kind("{\"a\" 1}"), (ExpectedColon, 1, 6));
        assert_eq!(kind("{\"a\": 1,}"), (ExpectedKey, 1, 9));
        assert_eq!(kind("{'a': 1}"), (ExpectedKey, 1, 2));
        assert_eq!(kind("[1,]"), (ExpectedValue, 1, 4));
        assert_eq!(kind("nul"), (ExpectedValue, 1, 1));
        assert_eq!(kind("01"), (InvalidNumber, 1, 1));
        assert_eq!(kind("[1.]"), (InvalidNumber, 1, 2));
        assert_eq!(kind("-"), (InvalidNumber, 1, 1));
        assert_eq!(kind("1e"), (InvalidNumber, 1, 1));
        assert_eq!(kind("1e999"), (NumberOutOfRange, 1, 1));
        assert_eq!(kind("\"a\\x\""), (InvalidEscape, 1, 4));
        assert_eq!(kind("\"\\ud800\\u0041\""), (InvalidUnicode, 1, 14));
        assert_eq!(kind("\"\\udc00\""), (InvalidUnicode, 1, 8));
        assert_eq!(kind("\"a\nb\""), (ControlCharacter, 1, 3));
        assert_eq!(kind("\"abc"), (EndOfText, 1, 5));
        assert_eq!(kind("{} {}"), (TrailingText, 1, 4));
        assert_eq!(kind("{\n  \"é\": [\n    1 2"), (ExpectedCommaOr(']'), 3, 7));
    }

    #[test]
    fn reads_numbers_exactly_within_a_definitions_range() {
        for text in [
            "0",
            "-0",
            "7",
            "0.1",
            "-2.5",
            "1e3",
            "1.5E-3",
            "123456.789",
            "1e22",
            "1e-22",
        ] {
            assert_eq!(
                decimal_value(text),
                text.parse::<f64>().expect("a number"),
                "{text}"
            );
        }
        assert_eq!(decimal_value("1e400"), f64::INFINITY);
        assert_eq!(decimal_value("1e-400"), 0.0);
        assert_eq!(decimal_value("0e999999999999"), 0.0);
    }

    #[test]
    fn stops_at_the_depth_limit() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(
            parse(&deep).map_err(|e| e.kind),
            Err(SyntaxErrorKind::TooDeep)
        );
    }

    #[test]
    fn reads_every_built_in() {
        for id in crate::builtin::ids() {
            for locale in ["en", "fr"] {
                let texts = [
                    builtin::source_in(id, locale),
                    builtin::served_text(id, locale),
                ];
                for text in texts.into_iter().flatten() {
                    let theirs: Value = serde_json::from_str(text).expect("a built-in");
                    assert_eq!(parse(text), Ok(theirs), "{id}.{locale}");
                }
            }
        }
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            // Up to 15 significant digits, as a definition's numbers.
            (-1_000_000_000_i64..1_000_000_000, 0..6)
                .prop_map(|(n, places)| Value::Number(n as f64 / 10_f64.powi(places))),
            any::<i32>().prop_map(|n| Value::Number(n.into())),
            ".{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((".{0,6}", inner), 0..6).prop_map(Value::Object),
            ]
        })
    }

    proptest! {
        /// Up to 15 significant digits and powers within ±22, a number is read exactly;
        /// longer or larger ones are within a few units in the last place.
        #[test]
        fn reads_numbers_as_the_standard_parser(
            digits in 0_u64..1_000_000_000_000_000, point in 0_usize..16, power in -30_i32..30,
            negative: bool,
        ) {
            let mut text = digits.to_string();
            let mut scale = power;
            if point < text.len() {
                text.insert(text.len() - point, '.');
                scale -= point as i32;
            }
            let text = format!("{}{text}e{power}", if negative { "-" } else { "" });
            let ours = decimal_value(&text);
            let exact: f64 = text.parse().expect("a number");
            if (-22..=22).contains(&scale) {
                prop_assert_eq!(ours, exact, "{}", text);
            }
            prop_assert!((ours - exact).abs() <= exact.abs() * 1e-15, "{} → {}", text, ours);
        }

        /// Any value serde_json writes, compact or pretty, reads back the same.
        #[test]
        fn reads_back_what_serde_json_writes(value in any_value()) {
            let compact = serde_json::to_string(&value).expect("writable");
            prop_assert_eq!(parse(&compact), Ok(value.clone()));
            let pretty = serde_json::to_string_pretty(&value).expect("writable");
            prop_assert_eq!(parse(&pretty), Ok(value));
        }

        /// Any text at all is read or refused, never a panic, and agrees with serde_json
        /// on which.
        #[test]
        fn agrees_with_serde_json_on_any_text(text in "[\\[\\]{}\",:0-9a-z\\\\ .eE+-]{0,24}") {
            let theirs = serde_json::from_str::<Value>(&text).is_ok();
            prop_assert_eq!(parse(&text).is_ok(), theirs, "{}", text);
        }
    }
}
