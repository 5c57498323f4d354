//! Result codes: a completed attempt as a short string to copy, read aloud, type or paste.
//!
//! * A reader can copy a code, read it aloud or type it on a phone. A facilitator can
//!   paste it.
//! * A code holds no name and no personal data: only what the instrument needs to rebuild
//!   the result.
//! * It is written in Crockford's base 32: digits and capital letters without I, L, O and
//!   U, so nothing looks alike.
//! * Decoding reads `O` as 0 and `I`, `L` as 1, and ignores case, spaces and hyphens.
//! * It is shown in groups of four.
//! * The nonce makes two people with the same answers usually get different codes.
//! * The check's hash symbol covers everything before it, plus the full instrument id and
//!   version. The Luhn mod 32 symbol after it covers everything before it, hash included.
//! * The Luhn symbol catches every single mistyped symbol and every swap of two
//!   neighbours. The hash symbol catches most other damage.
//! * Lengths of the built-in instruments: *Service or servility?* 17, *customer focus* 14,
//!   *trust equation* 19, *trust roadmap* 20, and 15 for each of the twelve-item
//!   instruments (*on your own list*, *curiosity*, *existing customers*).
//!
//! A code's parts, in order:
//!
//! | part | symbols | holds |
//! |---|---|---|
//! | format | 1 | `2`, the version of this layout (see below) |
//! | instrument | 2 | 10 bits of a hash of the instrument id |
//! | version | 1 | the instrument version, modulo 32 |
//! | session | 2 | 10 bits of a hash of the session tag; `00` without one |
//! | nonce | 1 | 5 bits drawn from the attempt |
//! | answers | n | the group (if any) and every answer, as one mixed-radix number |
//! | check | 2 | a hash symbol, then a Luhn mod 32 symbol |
//!
//! * In layout 2 an item that offers "does not apply" has one more value than it has
//!   options: that answer is the last. Layout 1, written before "does not apply" existed,
//!   packs each item with its options only; its codes still decode.
//! * A code of an earlier version the instrument lists as fitting (`earlier`) decodes as
//!   a code of this version; the hash symbol is checked with the version it was made for.
//!
//! ```
//! use candor_core::{builtin, code, response::Response};
//! let instrument = builtin::load("customer-focus").unwrap();
//! let response = Response { answers: vec![Some(2); 10], group: None };
//! let text = code::encode(&instrument, &response, Some("WS-42"), 7).unwrap();
//! assert_eq!(text.replace('-', "").len(), 14);
//! let decoded = code::decode(&text, &instrument).unwrap();
//! assert_eq!(decoded.response, response);
//! assert_eq!(decoded.session, code::session_hash(Some("ws42")));
//! ```

use std::fmt;

use crate::definition::Instrument;
use crate::digest::{FNV32_START, fnv1a_32};
use crate::response::{Response, ResponseError};

/// The symbols, in value order.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The layout version written as the first symbol.
pub const FORMAT: u8 = 2;
/// The layout before "does not apply", still read.
const FORMAT_1: u8 = 1;

/// Symbols before the answers: format, instrument (2), version, session (2), nonce.
const HEADER: usize = 7;
/// Check symbols at the end.
pub(crate) const CHECK: usize = 2;

/// Why a string is not a usable code for an instrument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing but spaces and hyphens.
    Empty,
    /// A character that is not in the code alphabet, at this position (0-based, counting
    /// only letters and digits).
    BadCharacter {
        /// The character.
        found: char,
        /// Its position.
        position: usize,
    },
    /// A layout this version of Candor does not know.
    UnknownFormat(char),
    /// The check symbols do not match: a symbol was mistyped, lost or swapped.
    Checksum,
    /// A valid code, but for another instrument.
    OtherInstrument,
    /// A valid code for this instrument, but another version of it.
    OtherVersion,
    /// The code has the wrong length for this instrument.
    WrongLength {
        /// Symbols expected (without hyphens).
        expected: usize,
        /// Symbols found.
        found: usize,
    },
    /// The answers part holds a number no set of answers produces.
    OutOfRange,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the code is empty"),
            Self::BadCharacter { found, position } => {
                write!(
                    f,
                    "\"{found}\" at position {} is not a code character",
                    position + 1
                )
            }
            Self::UnknownFormat(c) => write!(f, "unknown code format \"{c}\""),
            Self::Checksum => {
                f.write_str("the code does not check out (a character is wrong or missing)")
            }
            Self::OtherInstrument => f.write_str("the code is for another instrument"),
            Self::OtherVersion => f.write_str("the code is for another version of this instrument"),
            Self::WrongLength { expected, found } => {
                write!(
                    f,
                    "the code has {found} characters; this instrument's have {expected}"
                )
            }
            Self::OutOfRange => f.write_str("the code holds answers that do not exist"),
        }
    }
}

impl std::error::Error for CodeError {}

/// A decoded code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The answers, complete.
    pub response: Response,
    /// The session hash carried (0 for none); compare with [`session_hash`].
    pub session: u16,
    /// The code's symbols, normalised (upper case, no hyphens): the same code pasted twice
    /// has the same symbols.
    pub symbols: String,
}

/// 10 bits identifying an instrument id.
pub fn instrument_tag(id: &str) -> u16 {
    (fnv1a_32(FNV32_START, id.as_bytes()) & 0x3FF) as u16
}

/// The form a session tag is compared in: letters and digits only, upper case
/// (`ws-42` and `WS42` are the same session).
pub fn normalize_session(tag: &str) -> String {
    tag.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// 10 bits identifying a session tag; 0 means no session.
pub fn session_hash(tag: Option<&str>) -> u16 {
    let tag = tag.map(normalize_session).unwrap_or_default();
    if tag.is_empty() {
        return 0;
    }
    match (fnv1a_32(FNV32_START, tag.as_bytes()) & 0x3FF) as u16 {
        0 => 1,
        h => h,
    }
}

pub(crate) fn symbol(value: u32) -> u8 {
    ALPHABET[(value & 31) as usize]
}

/// The characters of a code as typed or pasted, without the hyphens and spaces that group
/// them.
pub(crate) fn code_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| *c != '-' && !c.is_whitespace())
}

/// The value of a code character, reading `O` as 0 and `I`, `L` as 1, any case.
pub(crate) fn value_of(c: char) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .map(|p| p as u32)
}

/// The symbols of a code as typed or pasted (upper case, as bytes) and their values;
/// fails on the first character outside the alphabet, with its position.
pub(crate) fn read_symbols(text: &str) -> Result<(Vec<u8>, Vec<u32>), CodeError> {
    let mut symbols: Vec<u8> = Vec::new();
    let mut values: Vec<u32> = Vec::new();
    for c in code_chars(text) {
        let Some(v) = value_of(c) else {
            return Err(CodeError::BadCharacter {
                found: c,
                position: values.len(),
            });
        };
        values.push(v);
        symbols.push(ALPHABET[v as usize]);
    }
    Ok((symbols, values))
}

/// Luhn mod 32 check symbol value for `values` (the symbols before it).
pub(crate) fn luhn_check(values: &[u32]) -> u32 {
    let mut factor = 2;
    let mut sum = 0;
    for &v in values.iter().rev() {
        let addend = factor * v;
        factor = if factor == 2 { 1 } else { 2 };
        sum += addend / 32 + addend % 32;
    }
    (32 - sum % 32) % 32
}

/// The hash check symbol value: everything before it, plus the full id and version.
pub(crate) fn hash_check(symbols: &[u8], id: &str, version: u16) -> u32 {
    let h = fnv1a_32(FNV32_START, symbols);
    let h = fnv1a_32(h, b"|");
    let h = fnv1a_32(h, id.as_bytes());
    let h = fnv1a_32(h, &version.to_le_bytes());
    h & 31
}

/// The radix of each packed value in layout `format` of a code made for `version`: the
/// group count first (if the instrument asks for a group), then the answer count (layout 2)
/// or option count (layout 1) of each item asked in that version.
fn radices(instrument: &Instrument, format: u8, version: u16) -> Vec<u32> {
    let mut radices = Vec::with_capacity(instrument.items.len() + 1);
    if let Some(groups) = instrument.groups() {
        radices.push(groups.options.len() as u32);
    }
    let asked = (0..instrument.items.len()).filter(|&i| instrument.asked_in(i, version));
    radices.extend(asked.map(|i| {
        let count = if format == FORMAT_1 {
            instrument.option_count(i)
        } else {
            instrument.answer_count(i)
        };
        count as u32
    }));
    radices
}

/// Base-32 digits (most significant first) of the mixed-radix number `values`.
pub(crate) fn pack(values: &[u32], radices: &[u32]) -> Vec<u32> {
    // Little-endian base-32 digits while computing.
    let mut digits: Vec<u32> = vec![0];
    for (&value, &radix) in values.iter().zip(radices) {
        let mut carry = value;
        for d in digits.iter_mut() {
            let x = *d * radix + carry;
            *d = x % 32;
            carry = x / 32;
        }
        while carry > 0 {
            digits.push(carry % 32);
            carry /= 32;
        }
    }
    digits.reverse();
    digits
}

/// How many base-32 digits the answers of `instrument` take.
pub fn payload_len(instrument: &Instrument) -> usize {
    digits_for(&radices(instrument, FORMAT, instrument.version))
}

/// How many base-32 digits values of `radices` take.
pub(crate) fn digits_for(radices: &[u32]) -> usize {
    let largest: Vec<u32> = radices.iter().map(|r| r.saturating_sub(1)).collect();
    pack(&largest, radices)
        .iter()
        .skip_while(|&&d| d == 0)
        .count()
        .max(1)
}

/// How many symbols (without hyphens) the codes of `instrument` have.
pub fn code_len(instrument: &Instrument) -> usize {
    HEADER + payload_len(instrument) + CHECK
}

/// Writes `symbols` in groups of four separated by hyphens.
pub(crate) fn grouped(symbols: &[u8]) -> String {
    let mut out = String::with_capacity(symbols.len() + symbols.len() / 4);
    for (i, &s) in symbols.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(s));
    }
    out
}

/// The nonce of an attempt completed at `completed_at` (milliseconds), so its code is the
/// same every time it is shown.
pub fn nonce_for(completed_at: f64) -> u8 {
    (fnv1a_32(FNV32_START, &completed_at.to_le_bytes()) & 31) as u8
}

/// The code of a complete response to `instrument`, tagged with `session` if given; `nonce`
/// (0–31, see [`nonce_for`]) tells apart people who gave the same answers.
pub fn encode(
    instrument: &Instrument,
    response: &Response,
    session: Option<&str>,
    nonce: u8,
) -> Result<String, ResponseError> {
    let chosen = response.check(instrument, true)?;
    let radices = radices(instrument, FORMAT, instrument.version);
    let mut values: Vec<u32> = Vec::with_capacity(radices.len());
    if instrument.groups().is_some() {
        values.push(u32::from(response.group.unwrap_or(0)));
    }
    values.extend(chosen.iter().map(|&c| u32::from(c)));
    let len = payload_len(instrument);
    let mut payload = pack(&values, &radices);
    // Left-pad to the fixed length.
    while payload.len() < len {
        payload.insert(0, 0);
    }
    let payload = &payload[payload.len() - len..];

    let tag = u32::from(instrument_tag(instrument.id.as_str()));
    let session = u32::from(session_hash(session));
    let mut symbols = vec![
        symbol(u32::from(FORMAT)),
        symbol(tag >> 5),
        symbol(tag),
        symbol(u32::from(instrument.version)),
        symbol(session >> 5),
        symbol(session),
        symbol(u32::from(nonce)),
    ];
    symbols.extend(payload.iter().map(|&d| symbol(d)));
    Ok(sealed(symbols, instrument))
}

/// A code of `instrument` from its `symbols` before the check: the hash symbol, then the
/// Luhn symbol, added; written in groups of four.
pub(crate) fn sealed(mut symbols: Vec<u8>, instrument: &Instrument) -> String {
    symbols.push(symbol(hash_check(
        &symbols,
        instrument.id.as_str(),
        instrument.version,
    )));
    let values: Vec<u32> = symbols
        .iter()
        .filter_map(|&s| value_of(char::from(s)))
        .collect();
    symbols.push(symbol(luhn_check(&values)));
    grouped(&symbols)
}

/// The code's symbols, upper case, without hyphens or spaces; fails on any other character.
pub fn normalize(text: &str) -> Result<String, CodeError> {
    let mut out = String::with_capacity(text.len());
    for c in code_chars(text) {
        match value_of(c) {
            Some(v) => out.push(char::from(ALPHABET[v as usize])),
            None => {
                return Err(CodeError::BadCharacter {
                    found: c,
                    position: out.chars().count(),
                });
            }
        }
    }
    if out.is_empty() {
        return Err(CodeError::Empty);
    }
    Ok(out)
}

/// Reads a code of `instrument`. Any input gives a value or an error, never a panic.
/// To read many codes of one instrument, make a [`Decoder`] once.
pub fn decode(text: &str, instrument: &Instrument) -> Result<Decoded, CodeError> {
    Decoder::new(instrument).decode(text)
}

/// The first symbols of a code of the instrument `questions` come from, as a share link
/// writes a code (upper case, no hyphens): format, instrument and version, one string per
/// format and version read. [`is_for`] tests a code against them; a page's script does the
/// same with them, before any bundle arrives, to tell which built-in a share link's result
/// is of.
pub fn heads(questions: &crate::questions::Questions) -> Vec<String> {
    let tag = u32::from(instrument_tag(questions.id().as_str()));
    let versions = std::iter::once(questions.version()).chain(questions.earlier().iter().copied());
    let mut heads = Vec::new();
    for version in versions {
        for format in [FORMAT, FORMAT_1] {
            let head = [u32::from(format), tag >> 5, tag, u32::from(version)];
            heads.push(head.into_iter().map(|v| char::from(symbol(v))).collect());
        }
    }
    heads
}

/// Whether `text` starts as a code of the instrument `questions` come from does (one of
/// its [`heads`], read as codes are typed), without checking or reading the rest: a widget
/// that only asks questions needs no more to know that a share link is meant for it. Every
/// code [`decode`] accepts passes.
pub fn is_for(text: &str, questions: &crate::questions::Questions) -> bool {
    let head: String = code_chars(text)
        .take(4)
        .map_while(|c| value_of(c).map(|v| char::from(symbol(v))))
        .collect();
    head.len() == 4 && heads(questions).contains(&head)
}

/// What reading the codes of one instrument needs, worked out once.
#[derive(Clone, Debug)]
pub struct Decoder<'a> {
    instrument: &'a Instrument,
    id: &'a str,
    /// The versions read: this one first, then the earlier ones that fit.
    versions: Vec<u16>,
    tag: u32,
    /// `(layout, version, radices, code length)` of every layout and version read.
    layouts: Vec<(u8, u16, Vec<u32>, usize)>,
    groups: bool,
}

impl<'a> Decoder<'a> {
    /// A decoder for the codes of `instrument`.
    pub fn new(instrument: &'a Instrument) -> Self {
        let versions: Vec<u16> = std::iter::once(instrument.version)
            .chain(instrument.earlier.iter().copied())
            .collect();
        let layouts = [FORMAT, FORMAT_1]
            .into_iter()
            .flat_map(|format| versions.iter().map(move |&version| (format, version)))
            .map(|(format, version)| {
                let radices = radices(instrument, format, version);
                let len = HEADER + digits_for(&radices) + CHECK;
                (format, version, radices, len)
            })
            .collect();
        Self {
            instrument,
            id: instrument.id.as_str(),
            versions,
            tag: u32::from(instrument_tag(instrument.id.as_str())),
            layouts,
            groups: instrument.groups().is_some(),
        }
    }

    /// Reads one code. Any input gives a value or an error, never a panic.
    pub fn decode(&self, text: &str) -> Result<Decoded, CodeError> {
        // Symbols as bytes (upper case) and values, without hyphens or spaces.
        let (symbols, values) = read_symbols(text)?;
        let Some(&first) = values.first() else {
            return Err(CodeError::Empty);
        };
        let format = match u8::try_from(first) {
            Ok(f @ (FORMAT | FORMAT_1)) => f,
            _ => return Err(CodeError::UnknownFormat(char::from(symbols[0]))),
        };
        // The layouts of this format, this version's first.
        let mut layouts = (self.layouts.iter()).filter(|l| l.0 == format);
        let len = layouts.clone().next().map_or(0, |l| l.3);
        if values.len() < HEADER + 1 + CHECK {
            return Err(CodeError::WrongLength {
                expected: len,
                found: values.len(),
            });
        }
        // The Luhn symbol is checked over the whole code, whatever its instrument.
        let (body, luhn) = values.split_at(values.len() - 1);
        if luhn_check(body) != luhn[0] {
            return Err(CodeError::Checksum);
        }
        if (values[1] << 5) | values[2] != self.tag {
            return Err(CodeError::OtherInstrument);
        }
        if !(self.versions.iter()).any(|&v| values[3] == u32::from(v) & 31) {
            return Err(CodeError::OtherVersion);
        }
        // The version whose symbol, length and hash the code has.
        let hash_at = values.len() - CHECK;
        let hashed = |v: u16| hash_check(&symbols[..hash_at], self.id, v) == values[hash_at];
        let fits = |l: &&(u8, u16, Vec<u32>, usize)| {
            values[3] == u32::from(l.1) & 31 && values.len() == l.3
        };
        let Some(first_fit) = layouts.clone().find(fits) else {
            return Err(CodeError::WrongLength {
                expected: len,
                found: values.len(),
            });
        };
        let (_, version, radices, _) = if hashed(first_fit.1) {
            first_fit
        } else {
            layouts
                .find(|l| fits(l) && hashed(l.1))
                .ok_or(CodeError::Checksum)?
        };
        let session = ((values[4] << 5) | values[5]) as u16;
        let unpacked = unpack(radices, &values[HEADER..hash_at])?;
        // Only alphabet bytes were pushed, so this is ASCII.
        let symbols = String::from_utf8(symbols).unwrap_or_default();
        let (group, answers) = if self.groups {
            (Some(unpacked[0] as u8), &unpacked[1..])
        } else {
            (None, &unpacked[..])
        };
        let answers: Vec<Option<u8>> = answers.iter().map(|&a| Some(a as u8)).collect();
        let answers = self.instrument.read_answers(*version, answers);
        Ok(Decoded {
            response: Response { answers, group },
            session,
            symbols,
        })
    }
}

/// The packed values of `radices` in the base-32 `digits` (most significant first).
pub(crate) fn unpack(radices: &[u32], digits: &[u32]) -> Result<Vec<u32>, CodeError> {
    let mut unpacked = vec![0u32; radices.len()];
    if digits.len() * 5 <= 128 {
        // Fits in a u128: plain division, last value first.
        let mut n = digits.iter().fold(0u128, |n, &d| (n << 5) | u128::from(d));
        for (slot, &radix) in unpacked.iter_mut().zip(radices).rev() {
            *slot = (n % u128::from(radix)) as u32;
            n /= u128::from(radix);
        }
        return if n == 0 {
            Ok(unpacked)
        } else {
            Err(CodeError::OutOfRange)
        };
    }
    // Long division of the base-32 number by each radix, last value first.
    let mut digits = digits.to_vec();
    for (slot, &radix) in unpacked.iter_mut().zip(radices).rev() {
        let mut remainder = 0;
        for d in digits.iter_mut() {
            let x = remainder * 32 + *d;
            *d = x / radix;
            remainder = x % radix;
        }
        *slot = remainder;
    }
    if digits.iter().any(|&d| d != 0) {
        return Err(CodeError::OutOfRange);
    }
    Ok(unpacked)
}

/// The pieces of `text` that look like result codes: runs of code characters and hyphens
/// that start with the format symbol and are long enough, so a whole chat transcript can be
/// pasted ("Ana: mine is 1K3M-7QX2-M9AB-CD12!").
pub fn candidates(text: &str) -> impl Iterator<Item = &str> {
    let formats = [FORMAT, FORMAT_1].map(|f| char::from(ALPHABET[usize::from(f)]));
    tokens(text, HEADER, move |first| formats.contains(&first))
}

/// The runs of code characters and hyphens in `text` that start with a symbol `first`
/// accepts, hold at least `header` symbols plus the answers and the check, and have a
/// digit and a letter: the pieces of a pasted chat that may be codes of one kind.
pub(crate) fn tokens(
    text: &str,
    header: usize,
    first: impl Fn(char) -> bool,
) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map(|token| token.trim_matches('-'))
        .filter(move |token| {
            let symbols = token.chars().filter(|&c| c != '-').count();
            (header + 1 + CHECK..=600).contains(&symbols)
                && token
                    .chars()
                    .next()
                    .is_some_and(|c| first(c.to_ascii_uppercase()))
                && token.chars().any(|c| c.is_ascii_digit())
                && token.chars().any(|c| c.is_ascii_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_catches_every_single_substitution_and_neighbour_swap() {
        let values: Vec<u32> = vec![1, 7, 30, 2, 0, 0, 12, 19, 4, 4, 31, 9];
        let check = luhn_check(&values);
        let mut all = values.clone();
        all.push(check);
        let ok = |v: &[u32]| luhn_check(&v[..v.len() - 1]) == v[v.len() - 1];
        assert!(ok(&all));
        for i in 0..all.len() {
            for other in 0..32 {
                if other == all[i] {
                    continue;
                }
                let mut changed = all.clone();
                changed[i] = other;
                assert!(!ok(&changed), "substitution at {i} by {other} not caught");
            }
        }
        for i in 0..all.len() - 1 {
            if all[i] == all[i + 1] {
                continue;
            }
            let mut swapped = all.clone();
            swapped.swap(i, i + 1);
            // Luhn mod N misses only swaps of the two values whose doubled forms coincide.
            if !((all[i] == 0 && all[i + 1] == 31) || (all[i] == 31 && all[i + 1] == 0)) {
                assert!(!ok(&swapped), "swap at {i} not caught");
            }
        }
    }

    #[test]
    fn crockford_reading_rules() {
        assert_eq!(
            normalize("1o-il u").unwrap_err(),
            CodeError::BadCharacter {
                found: 'u',
                position: 4
            }
        );
        assert_eq!(normalize("1o-il").unwrap(), "1011");
        assert_eq!(normalize(" - ").unwrap_err(), CodeError::Empty);
    }

    #[test]
    fn pack_is_mixed_radix() {
        // 3 * 5 + 4 = 19 → one base-32 digit.
        assert_eq!(pack(&[3, 4], &[5, 5]), [19]);
        // 2 * 32 + 1 = 65 with radix 32 twice → digits [2, 1].
        assert_eq!(pack(&[2, 1], &[32, 32]), [2, 1]);
    }
}
