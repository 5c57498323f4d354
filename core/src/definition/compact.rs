//! The compact form of an instrument: what the first-question bundle reads its built-in's
//! questions from, without the definition reader.
//!
//! The definition reader (JSON in, every rule checked, every problem named with its path)
//! is what a trainer's definition needs, and it is a sixth of the small bundle. A built-in's
//! questions need none of it: the build reads each one with the reader, writes what it read
//! in this form (`public/questions/`, by a test), and the small bundle takes those files
//! back only when their digest is one this build wrote ([`crate::builtin::read_form`]), so
//! what it reads is an instrument the reader has already checked.
//!
//! The form is text, one value per line, in the order of the types' fields, so that a
//! change to a built-in shows in a diff of the served files:
//!
//! * a text with `\` written `\\` and a line break `\n`;
//! * a number in decimal, a `bool` as `0` or `1`;
//! * an optional value as `0` (none) or `1` followed by the value;
//! * a list as its length followed by its values;
//! * an enum as the name of its variant followed by its fields.
//!
//! The first line names the form and its version ([`HEADER`]).

use std::fmt::Write as _;
use std::str::FromStr;

use super::{
    Band, Bands, Component, Credit, Feeds, GridModel, Groups, Habits, Instrument, InstrumentId,
    Item, ItemId, ItemKind, Label, Level, LevelModel, LevelOption, Model, Quadrant, QuadrantMap,
    RatioModel, Reference, Scale, ScaleOption, Subscale, SubscaleModel, Temperament,
};

/// The first line of every compact form: its name and version.
pub(crate) const HEADER: &str = "candor-instrument 1";

impl Instrument {
    /// This instrument in the compact form (see the module's documentation).
    pub fn to_compact(&self) -> String {
        let mut out = Writer(format!("{HEADER}\n"));
        self.put(&mut out);
        out.0
    }
}

/// Reads an instrument from its compact form: `None` when `text` is not one, or has
/// values left over. Nothing else is checked, so this is only for forms the build wrote
/// from instruments the reader checked (see the module's documentation).
pub(crate) fn from_compact(text: &str) -> Option<Instrument> {
    let mut lines = text.strip_suffix('\n')?.split('\n');
    if lines.next()? != HEADER {
        return None;
    }
    let mut tape = Tape(lines);
    let instrument = Instrument::take(&mut tape)?;
    tape.0.next().is_none().then_some(instrument)
}

/// Where values are written.
struct Writer(String);

impl Writer {
    fn line(&mut self, value: impl std::fmt::Display) {
        let _ = writeln!(self.0, "{value}");
    }
}

/// The lines values are read from.
struct Tape<'a>(std::str::Split<'a, char>);

impl Tape<'_> {
    fn number<T: FromStr>(&mut self) -> Option<T> {
        self.0.next()?.parse().ok()
    }
}

/// A type written to and read from the compact form.
trait Compact: Sized {
    fn put(&self, out: &mut Writer);
    fn take(tape: &mut Tape<'_>) -> Option<Self>;
}

impl Compact for String {
    fn put(&self, out: &mut Writer) {
        out.line(self.replace('\\', "\\\\").replace('\n', "\\n"));
    }

    fn take(tape: &mut Tape<'_>) -> Option<Self> {
        let line = tape.0.next()?;
        let mut text = String::with_capacity(line.len());
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            text.push(match c {
                '\\' => match chars.next()? {
                    '\\' => '\\',
                    'n' => '\n',
                    _ => return None,
                },
                c => c,
            });
        }
        Some(text)
    }
}

macro_rules! compact_numbers {
    ($($ty:ty),*) => {$(
        impl Compact for $ty {
            fn put(&self, out: &mut Writer) {
                out.line(self);
            }

            fn take(tape: &mut Tape<'_>) -> Option<Self> {
                tape.number()
            }
        }
    )*};
}

compact_numbers!(u8, u16, i32, usize);

impl Compact for bool {
    fn put(&self, out: &mut Writer) {
        u8::from(*self).put(out);
    }

    fn take(tape: &mut Tape<'_>) -> Option<Self> {
        match u8::take(tape)? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl<T: Compact> Compact for Option<T> {
    fn put(&self, out: &mut Writer) {
        self.is_some().put(out);
        if let Some(value) = self {
            value.put(out);
        }
    }

    fn take(tape: &mut Tape<'_>) -> Option<Self> {
        if bool::take(tape)? {
            T::take(tape).map(Some)
        } else {
            Some(None)
        }
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn put(&self, out: &mut Writer) {
        self.len().put(out);
        self.iter().for_each(|value| value.put(out));
    }

    fn take(tape: &mut Tape<'_>) -> Option<Self> {
        let len = usize::take(tape)?;
        // Each value takes a line at least: a length beyond the lines left is a damaged form,
        // not a reason to reserve memory.
        let mut values = Vec::new();
        for _ in 0..len {
            values.push(T::take(tape)?);
        }
        Some(values)
    }
}

impl<T: Compact, const N: usize> Compact for [T; N] {
    fn put(&self, out: &mut Writer) {
        self.iter().for_each(|value| value.put(out));
    }

    fn take(tape: &mut Tape<'_>) -> Option<Self> {
        let values = (0..N).map(|_| T::take(tape)).collect::<Option<Vec<T>>>()?;
        values.try_into().ok()
    }
}

impl<T: Compact> Compact for Box<T> {
    fn put(&self, out: &mut Writer) {
        (**self).put(out);
    }

    fn take(tape: &mut Tape<'_>) -> Option<Self> {
        T::take(tape).map(Box::new)
    }
}

/// Writes and reads a struct as its fields in the order listed, which must be all of them
/// (the pattern and the constructor fail to compile otherwise).
macro_rules! compact_struct {
    ($($ty:ident { $($field:ident),* })*) => {$(
        impl Compact for $ty {
            fn put(&self, out: &mut Writer) {
                let Self { $($field),* } = self;
                $($field.put(out);)*
            }

            fn take(tape: &mut Tape<'_>) -> Option<Self> {
                Some(Self { $($field: Compact::take(tape)?),* })
            }
        }
    )*};
}

compact_struct! {
    Instrument { id, version, locale, title, intro, minutes, period, caveat, credit, scales, items, model }
    Credit { model, source, url }
    Scale { id, options }
    ScaleOption { label, value }
    Item { id, text, kind, try_next }
    LevelOption { level, text }
    Band { min, max, name, text }
    SubscaleModel { subscales, map, slope, habits }
    Subscale { id, name, weights, bands }
    QuadrantMap { x, y, x_split, y_split, quadrants }
    Quadrant { id, name, text, next }
    Habits { subscale, min_weight, max }
    LevelModel { levels, dimensions }
    Level { name, text, up }
    RatioModel { components, denominator, tie_order, temperaments, quotient_bands, balance_bands, reference }
    Component { id, name, virtue, practice }
    Temperament { pair, name, text }
    Reference { mean_tenths, text }
    GridModel { rows, columns, groups, bands }
    Label { id, name }
    Groups { question, options }
}

/// Writes and reads a type that wraps one value as that value.
macro_rules! compact_wrapper {
    ($($ty:ident),*) => {$(
        impl Compact for $ty {
            fn put(&self, out: &mut Writer) {
                self.0.put(out);
            }

            fn take(tape: &mut Tape<'_>) -> Option<Self> {
                Compact::take(tape).map(Self)
            }
        }
    )*};
}

compact_wrapper!(InstrumentId, ItemId, Bands);

impl Compact for ItemKind {
    fn put(&self, out: &mut Writer) {
        match self {
            Self::Rated {
                scale,
                reverse,
                feeds,
            } => {
                out.line("rated");
                scale.put(out);
                reverse.put(out);
                feeds.put(out);
            }
            Self::Levels { options } => {
                out.line("levels");
                options.put(out);
            }
        }
    }

    fn take(tape: &mut Tape<'_>) -> Option<Self> {
        match tape.0.next()? {
            "rated" => Some(Self::Rated {
                scale: Compact::take(tape)?,
                reverse: Compact::take(tape)?,
                feeds: Compact::take(tape)?,
            }),
            "levels" => Compact::take(tape).map(|options| Self::Levels { options }),
            _ => None,
        }
    }
}

impl Compact for Feeds {
    fn put(&self, out: &mut Writer) {
        match self {
            Self::Subscale(index) => {
                out.line("subscale");
                index.put(out);
            }
            Self::Component(index) => {
                out.line("component");
                index.put(out);
            }
            Self::Cell { row, column } => {
                out.line("cell");
                row.put(out);
                column.put(out);
            }
        }
    }

    fn take(tape: &mut Tape<'_>) -> Option<Self> {
        match tape.0.next()? {
            "subscale" => Compact::take(tape).map(Self::Subscale),
            "component" => Compact::take(tape).map(Self::Component),
            "cell" => Some(Self::Cell {
                row: Compact::take(tape)?,
                column: Compact::take(tape)?,
            }),
            _ => None,
        }
    }
}

impl Compact for Model {
    fn put(&self, out: &mut Writer) {
        out.line(self.kind());
        match self {
            Self::Subscales(model) => model.put(out),
            Self::Levels(model) => model.put(out),
            Self::Ratio(model) => model.put(out),
            Self::Grid(model) => model.put(out),
        }
    }

    fn take(tape: &mut Tape<'_>) -> Option<Self> {
        match tape.0.next()? {
            "subscales" => Compact::take(tape).map(Self::Subscales),
            "levels" => Compact::take(tape).map(Self::Levels),
            "ratio" => Compact::take(tape).map(Self::Ratio),
            "grid" => Compact::take(tape).map(Self::Grid),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{QUESTIONS, SOURCES};
    use crate::definition::Prose;
    use proptest::prelude::*;

    fn parse(text: &str) -> Result<crate::json::Value, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// Every built-in, in every language, with and without its result texts.
    fn builtins() -> Vec<(String, Instrument)> {
        let read = |table: &[(&str, &str, &str)], prose| {
            table
                .iter()
                .map(move |(id, locale, text)| {
                    let instrument = Instrument::from_json_with(text, parse, prose)
                        .unwrap_or_else(|e| panic!("{id} ({locale}): {e}"));
                    (format!("{id} ({locale}, {prose:?})"), instrument)
                })
                .collect::<Vec<_>>()
        };
        let mut all = read(SOURCES, Prose::Required);
        all.extend(read(QUESTIONS, Prose::LeftOut));
        all
    }

    #[test]
    fn every_built_in_reads_back_as_it_was_written() {
        for (name, instrument) in builtins() {
            let text = instrument.to_compact();
            assert_eq!(from_compact(&text).as_ref(), Some(&instrument), "{name}");
        }
    }

    #[test]
    fn a_form_cut_short_or_with_values_left_over_is_not_read() {
        let (_, instrument) = builtins().swap_remove(0);
        let text = instrument.to_compact();
        let lines: Vec<&str> = text.lines().collect();
        for cut in [1, lines.len() / 2, lines.len() - 1] {
            let short = format!("{}\n", lines[..cut].join("\n"));
            assert_eq!(from_compact(&short), None, "cut after {cut} lines");
        }
        assert_eq!(from_compact(&format!("{text}0\n")), None);
        assert_eq!(from_compact(text.trim_end()), None, "no final line break");
    }

    #[test]
    fn another_header_or_a_damaged_value_is_not_read() {
        let (_, instrument) = builtins().swap_remove(0);
        let text = instrument.to_compact();
        let other = text.replacen(HEADER, "candor-instrument 2", 1);
        assert_eq!(from_compact(&other), None);
        // The version line, the second: a word where a number is.
        let mut lines: Vec<&str> = text.lines().collect();
        lines[2] = "two";
        assert_eq!(from_compact(&format!("{}\n", lines.join("\n"))), None);
        // An escape that is not one.
        lines[2] = "1";
        lines[3] = "e\\x";
        assert_eq!(from_compact(&format!("{}\n", lines.join("\n"))), None);
    }

    proptest! {
        /// Any text, with backslashes and line breaks, reads back as written, on one line.
        #[test]
        fn texts_read_back_as_written(text in "[a-z\\\\\n\r\t ]{0,40}|\\PC{0,40}") {
            let mut out = Writer(String::new());
            text.put(&mut out);
            prop_assert_eq!(out.0.matches('\n').count(), 1);
            let mut tape = Tape(out.0.strip_suffix('\n').unwrap().split('\n'));
            prop_assert_eq!(String::take(&mut tape), Some(text));
        }
    }
}
