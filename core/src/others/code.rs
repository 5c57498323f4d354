//! Rater codes: one rater's answers about a reader, as a short code to send back by any
//! channel.
//!
//! * The same alphabet, grouping, reading rules and check symbols as result codes
//!   ([`crate::code`]); the first symbol, `R`, tells the two kinds apart.
//! * It holds the request it answers and the answers, nothing about the rater.
//! * Every item packs one value more than it has options: "I can't tell", the last.
//!
//! A rater code's parts, in order:
//!
//! | part | symbols | holds |
//! |---|---|---|
//! | kind | 1 | `R`, the layout of rater codes |
//! | instrument | 2 | 10 bits of a hash of the instrument id |
//! | version | 1 | the instrument version, modulo 32 |
//! | session | 2 | 10 bits of a hash of the request's session tag; `00` without one |
//! | request | 4 | the request id, 20 bits |
//! | answers | n | every answer, as one mixed-radix number |
//! | check | 2 | a hash symbol, then a Luhn mod 32 symbol |

use crate::code::{
    CHECK, CodeError, digits_for, hash_check, instrument_tag, luhn_check, pack, read_symbols,
    sealed, session_hash, symbol, tokens, unpack,
};
use crate::definition::Instrument;

use super::{REQUEST_SYMBOLS, Request};

/// The kind symbol's value: `R`.
pub const KIND: u32 = 24;
/// Symbols before the answers: kind, instrument (2), version, session (2), request (4).
const HEADER: usize = 6 + REQUEST_SYMBOLS;

/// A decoded rater code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaterCode {
    /// The request it answers.
    pub request: u32,
    /// The session hash it carries (0 for none); compare with
    /// [`crate::code::session_hash`].
    pub session: u16,
    /// One answer per item of the instrument as it is now: an option index, or the option
    /// count for "I can't tell".
    pub answers: Vec<u8>,
    /// The code's symbols, normalised: the same code pasted twice has the same symbols.
    pub symbols: String,
}

/// The radix of each answer in a code made for `version`: every item asked in that version
/// offers its options and "I can't tell".
fn radices(instrument: &Instrument, version: u16) -> Vec<u32> {
    (0..instrument.items().len())
        .filter(|&i| instrument.asked_in(i, version))
        .map(|i| instrument.option_count(i) as u32 + 1)
        .collect()
}

/// How many symbols (without hyphens) the rater codes of `instrument` have.
pub fn code_len(instrument: &Instrument) -> usize {
    HEADER + digits_for(&radices(instrument, instrument.version())) + CHECK
}

/// The rater code of `answers` to `request`: one per item, an option index or the option
/// count for "I can't tell". `None` when the answers do not fit the instrument.
pub fn encode(instrument: &Instrument, request: &Request, answers: &[u8]) -> Option<String> {
    let radices = radices(instrument, instrument.version());
    let fits = answers.len() == radices.len()
        && answers
            .iter()
            .zip(&radices)
            .all(|(&a, &r)| u32::from(a) < r);
    if !fits {
        return None;
    }
    let values: Vec<u32> = answers.iter().map(|&a| u32::from(a)).collect();
    let len = digits_for(&radices);
    let mut payload = pack(&values, &radices);
    while payload.len() < len {
        payload.insert(0, 0);
    }
    let tag = u32::from(instrument_tag(instrument.id().as_str()));
    let session = u32::from(session_hash(request.session.as_deref()));
    let mut symbols = vec![
        symbol(KIND),
        symbol(tag >> 5),
        symbol(tag),
        symbol(u32::from(instrument.version())),
        symbol(session >> 5),
        symbol(session),
    ];
    symbols.extend(request.id_symbols().bytes());
    symbols.extend(payload[payload.len() - len..].iter().map(|&d| symbol(d)));
    Some(sealed(symbols, instrument))
}

/// Reads a rater code of `instrument`, or of an earlier version it lists as fitting. Any
/// input gives a value or an error, never a panic.
pub fn decode(text: &str, instrument: &Instrument) -> Result<RaterCode, CodeError> {
    let (symbols, values) = read_symbols(text)?;
    let Some(&kind) = values.first() else {
        return Err(CodeError::Empty);
    };
    if kind != KIND {
        return Err(CodeError::UnknownFormat(char::from(symbols[0])));
    }
    let expected = code_len(instrument);
    if values.len() < HEADER + 1 + CHECK {
        return Err(CodeError::WrongLength {
            expected,
            found: values.len(),
        });
    }
    let (body, luhn) = values.split_at(values.len() - 1);
    if luhn_check(body) != luhn[0] {
        return Err(CodeError::Checksum);
    }
    if (values[1] << 5) | values[2] != u32::from(instrument_tag(instrument.id().as_str())) {
        return Err(CodeError::OtherInstrument);
    }
    let hash_at = values.len() - CHECK;
    let versions =
        std::iter::once(instrument.version()).chain(instrument.earlier().iter().copied());
    let mut same_symbol = versions
        .filter(|&v| values[3] == u32::from(v) & 31)
        .peekable();
    if same_symbol.peek().is_none() {
        return Err(CodeError::OtherVersion);
    }
    let mut wrong_length = true;
    for version in same_symbol {
        let radices = radices(instrument, version);
        if values.len() != HEADER + digits_for(&radices) + CHECK {
            continue;
        }
        wrong_length = false;
        if hash_check(&symbols[..hash_at], instrument.id().as_str(), version) != values[hash_at] {
            continue;
        }
        let unpacked = unpack(&radices, &values[HEADER..hash_at])?;
        let answers = read(instrument, version, &unpacked);
        let request = values[6..HEADER].iter().fold(0, |id, &v| (id << 5) | v);
        return Ok(RaterCode {
            request,
            session: ((values[4] << 5) | values[5]) as u16,
            answers,
            // Only alphabet bytes were pushed, so this is ASCII.
            symbols: String::from_utf8(symbols).unwrap_or_default(),
        });
    }
    Err(if wrong_length {
        CodeError::WrongLength {
            expected,
            found: values.len(),
        }
    } else {
        CodeError::Checksum
    })
}

/// A code's answers made for `version`, as answers to the instrument as it is now. "I can't
/// tell" (one past the options) stays that; items added since read that way too.
fn read(instrument: &Instrument, version: u16, unpacked: &[u32]) -> Vec<u8> {
    let given = unpacked.iter().map(|&a| Some(a as u8)).collect();
    (instrument
        .read_answers(version, given)
        .into_iter()
        .enumerate())
    .map(|(i, a)| {
        let cannot_tell = instrument.option_count(i) as u8;
        a.map_or(cannot_tell, |a| a.min(cannot_tell))
    })
    .collect()
}

/// The pieces of `text` that look like rater codes: runs of code characters and hyphens
/// that start with `R` and are long enough, so a chat transcript can be pasted whole.
pub fn candidates(text: &str) -> impl Iterator<Item = &str> {
    tokens(text, HEADER, |first| first == char::from(symbol(KIND)))
}
