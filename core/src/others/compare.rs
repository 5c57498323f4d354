//! The codes a reader received, and their own view against the others'.
//!
//! * An [`Inbox`] takes pasted text (a chat transcript will do), keeps the rater codes that
//!   answer the reader's request, and says why it refused the others.
//! * [`compare`] scores each part of the model (a subscale, a component) for the reader and
//!   for every rater, with the same arithmetic as a result. "I can't tell" is left out like
//!   "does not apply": a rater short of answers in a part does not count for that part.
//! * Below [`MIN_RATERS`] raters nothing is shown but how many more are needed. A part
//!   that fewer raters could score shows no figure either.
//! * Others' view of a part is their mean and spread (standard deviation), in tenths.
//! * A gap is named when others' mean and the reader's own score differ by a tenth of the
//!   part's range or more (10 points on a 0–100 subscale, 2 on a 5–25 component); the two
//!   largest, largest first.

use crate::code::{self as result_code, CodeError};
use crate::definition::{Instrument, Model};
use crate::records::Asked;
use crate::response::Response;
use crate::scoring::{ratio, round_div, subscales};

use super::MIN_RATERS;
use super::code::{RaterCode, candidates, decode};

/// Most gaps named.
pub const MAX_GAPS: usize = 2;

/// Why a pasted code was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a readable rater code of this instrument.
    Invalid(CodeError),
    /// A rater code of this instrument, but for another request (someone else's link).
    OtherRequest,
    /// Already received.
    Duplicate,
    /// A result code (someone's own result), not a rater's answers.
    ResultCode,
    /// A rater code of another session than the facilitator's.
    OtherSession,
}

/// What one paste did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    /// Codes taken.
    pub added: usize,
    /// Codes refused, as pasted, with why.
    pub refused: Vec<(String, Refusal)>,
}

/// The rater codes received for one request.
#[derive(Clone, Debug)]
pub struct Inbox<'a> {
    instrument: &'a Instrument,
    request: u32,
    received: Vec<RaterCode>,
}

impl<'a> Inbox<'a> {
    /// An empty inbox for `request` (its id) on `instrument`.
    pub fn new(instrument: &'a Instrument, request: u32) -> Self {
        Self {
            instrument,
            request,
            received: Vec::new(),
        }
    }

    /// The inbox of a stored request (`asked`), its codes read again; a request that
    /// cannot be read answers no code.
    pub fn of(instrument: &'a Instrument, asked: &Asked) -> Self {
        let request = super::Request::from_param(&asked.request).map_or(u32::MAX, |r| r.id);
        let mut inbox = Self::new(instrument, request);
        inbox.paste(&asked.codes.join("\n"));
        inbox
    }

    /// Takes every rater code in `text`; refuses, with the reason, those that are damaged,
    /// for another instrument or request, already received, or result codes.
    pub fn paste(&mut self, text: &str) -> Pasted {
        let mut pasted = Pasted::default();
        for token in candidates(text) {
            match decode(token, self.instrument) {
                Err(e) => pasted.refused.push((token.to_owned(), Refusal::Invalid(e))),
                Ok(code) if code.request != self.request => {
                    pasted
                        .refused
                        .push((token.to_owned(), Refusal::OtherRequest));
                }
                Ok(code) if self.received.iter().any(|r| r.symbols == code.symbols) => {
                    pasted.refused.push((token.to_owned(), Refusal::Duplicate));
                }
                Ok(code) => {
                    self.received.push(code);
                    pasted.added += 1;
                }
            }
        }
        for token in result_code::candidates(text) {
            pasted.refused.push((token.to_owned(), Refusal::ResultCode));
        }
        pasted
    }

    /// The codes received, as symbols, in the order received: what is stored.
    pub fn codes(&self) -> Vec<String> {
        self.received.iter().map(|r| r.symbols.clone()).collect()
    }

    /// The raters' answers, one list per code received.
    pub fn answers(&self) -> Vec<Vec<u8>> {
        self.received.iter().map(|r| r.answers.clone()).collect()
    }

    /// The reader's own `response` beside what the raters said (see [`compare`]).
    pub fn view(&self, own: Option<&Response>) -> Option<View> {
        compare(self.instrument, own, &self.answers())
    }
}

/// What the reader may see of others' view.
#[derive(Clone, Debug, PartialEq)]
pub enum View {
    /// Fewer than [`MIN_RATERS`] raters: nothing but how many are in and how many more are
    /// needed.
    Waiting {
        /// Codes received.
        received: usize,
        /// Codes still needed.
        needed: usize,
    },
    /// Enough raters: own view against others', part by part.
    Ready(Comparison),
}

/// The reader's view against others', per part of the model.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Raters counted.
    pub raters: usize,
    /// One per subscale or component, in the model's order.
    pub parts: Vec<PartView>,
    /// The largest differences, largest first (at most [`MAX_GAPS`]).
    pub gaps: Vec<Gap>,
    /// The lowest and highest score a part can have.
    pub range: (i32, i32),
    /// The part that counts against the others (the ratio's denominator), if any: its
    /// virtue is the range turned around.
    pub denominator: Option<usize>,
}

/// One part: the reader's own score and others' view of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartView {
    /// The reader's own score, if they answered enough of its items.
    pub own: Option<i32>,
    /// Others' view, if at least [`MIN_RATERS`] raters could score it.
    pub others: Option<Spread>,
}

/// Others' scores of one part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spread {
    /// Their mean, in tenths, rounded half up.
    pub mean_tenths: i32,
    /// Their standard deviation (of the population of raters), in tenths, rounded.
    pub sd_tenths: i32,
    /// How many raters scored the part.
    pub raters: usize,
}

/// A part where others' mean differs from the reader's own score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Which part.
    pub part: usize,
    /// Others' mean minus own score, in tenths: above zero, others see more of it.
    pub tenths: i32,
}

impl Comparison {
    /// A part's score (in tenths) as the virtue the picture draws: the denominator turned
    /// around, the others as they are.
    pub fn virtue_tenths(&self, part: usize, tenths: i32) -> i32 {
        if self.denominator == Some(part) {
            10 * (self.range.0 + self.range.1) - tenths
        } else {
            tenths
        }
    }
}

/// The parts of one response: each part's score (`None` where short of answers), the range
/// a part can take, and the part that counts against the others, if any.
struct Parts {
    scores: Vec<Option<i32>>,
    range: (i32, i32),
    denominator: Option<usize>,
}

/// The parts scored from `chosen` (an option, or `None` where left out); `None` for a model
/// without parts others can rate.
fn part_scores(instrument: &Instrument, chosen: &[Option<u8>]) -> Option<Parts> {
    match instrument.model() {
        Model::Subscales(model) => Some(Parts {
            scores: subscales::parts(instrument, model, chosen),
            range: (0, 100),
            denominator: None,
        }),
        Model::Ratio(model) => {
            let (scores, range) = ratio::parts(instrument, model, chosen);
            Some(Parts {
                scores,
                range,
                denominator: Some(model.denominator),
            })
        }
        Model::Levels(_) | Model::Grid(_) => None,
    }
}

/// A reader's own answers as the scoring takes them: "does not apply" left out.
fn own_answers(instrument: &Instrument, response: &Response) -> Vec<Option<u8>> {
    (0..instrument.items().len())
        .map(|i| {
            (response.answers.get(i).copied().flatten())
                .filter(|&a| !instrument.is_not_applicable(i, a))
        })
        .collect()
}

/// A rater's answers as the scoring takes them: "I can't tell" (one past the options) left
/// out.
fn rater_answers(instrument: &Instrument, answers: &[u8]) -> Vec<Option<u8>> {
    (0..instrument.items().len())
        .map(|i| (answers.get(i).copied()).filter(|&a| usize::from(a) < instrument.option_count(i)))
        .collect()
}

/// The reader's `own` response beside the raters' `answers` (one list per rater: an option
/// index per item, or the option count for "I can't tell"). `None` for a model others
/// cannot rate (levels, grid).
pub fn compare(
    instrument: &Instrument,
    own: Option<&Response>,
    answers: &[Vec<u8>],
) -> Option<View> {
    let own_chosen = match own {
        Some(response) => own_answers(instrument, response),
        None => vec![None; instrument.items().len()],
    };
    let Parts {
        scores: own_parts,
        range,
        denominator,
    } = part_scores(instrument, &own_chosen)?;
    if answers.len() < MIN_RATERS {
        return Some(View::Waiting {
            received: answers.len(),
            needed: MIN_RATERS - answers.len(),
        });
    }
    let raters: Vec<Vec<Option<i32>>> = answers
        .iter()
        .filter_map(|a| part_scores(instrument, &rater_answers(instrument, a)).map(|p| p.scores))
        .collect();
    let parts: Vec<PartView> = (own_parts.iter().enumerate())
        .map(|(p, &own)| {
            let scores: Vec<i64> = (raters.iter())
                .filter_map(|r| r[p].map(i64::from))
                .collect();
            PartView {
                own,
                others: spread(&scores),
            }
        })
        .collect();
    let threshold = 10 * (range.1 - range.0) / 10;
    let mut gaps: Vec<Gap> = (parts.iter().enumerate())
        .filter_map(|(part, view)| {
            let tenths = view.others?.mean_tenths - 10 * view.own?;
            (tenths.abs() >= threshold).then_some(Gap { part, tenths })
        })
        .collect();
    // Largest first; among equal sizes, the model's order.
    crate::sort::sort_by(&mut gaps, |a, b| {
        b.tenths
            .abs()
            .cmp(&a.tenths.abs())
            .then(a.part.cmp(&b.part))
    });
    gaps.truncate(MAX_GAPS);
    Some(View::Ready(Comparison {
        raters: answers.len(),
        parts,
        gaps,
        range,
        denominator,
    }))
}

/// A group's own view against the raters' view of its members, per part (the
/// facilitator's): the members' mean and spread, and the raters'.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupView {
    /// Members counted.
    pub members: usize,
    /// Raters counted.
    pub raters: usize,
    /// One per subscale or component, in the model's order.
    pub parts: Vec<GroupPart>,
}

/// One part of a [`GroupView`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupPart {
    /// The members' own scores, if any member could be scored on it.
    pub own: Option<Spread>,
    /// The raters' scores, if at least [`MIN_RATERS`] raters could score it.
    pub others: Option<Spread>,
}

/// The members' own `members` responses against the raters' `answers` (as for
/// [`compare`]); `None` for a model others cannot rate.
pub fn group(
    instrument: &Instrument,
    members: &[&Response],
    answers: &[Vec<u8>],
) -> Option<GroupView> {
    let items = instrument.items().len();
    let own: Vec<Vec<Option<i32>>> = members
        .iter()
        .filter_map(|r| part_scores(instrument, &own_answers(instrument, r)).map(|p| p.scores))
        .collect();
    let others: Vec<Vec<Option<i32>>> = answers
        .iter()
        .filter_map(|a| part_scores(instrument, &rater_answers(instrument, a)).map(|p| p.scores))
        .collect();
    let parts = part_scores(instrument, &vec![None; items])?.scores.len();
    let column = |rows: &[Vec<Option<i32>>], p: usize| -> Vec<i64> {
        rows.iter().filter_map(|r| r[p].map(i64::from)).collect()
    };
    Some(GroupView {
        members: members.len(),
        raters: answers.len(),
        parts: (0..parts)
            .map(|p| GroupPart {
                own: spread_of(&column(&own, p), 1),
                others: spread(&column(&others, p)),
            })
            .collect(),
    })
}

/// Mean and standard deviation of `scores`, in tenths; `None` below [`MIN_RATERS`].
fn spread(scores: &[i64]) -> Option<Spread> {
    spread_of(scores, MIN_RATERS)
}

/// Mean and standard deviation of `scores`, in tenths; `None` below `least` scores.
fn spread_of(scores: &[i64], least: usize) -> Option<Spread> {
    if scores.len() < least.max(1) {
        return None;
    }
    let n = scores.len() as i64;
    let sum: i64 = scores.iter().sum();
    // Variance × n², in whole numbers: n·Σx² − (Σx)².
    let squares: i64 = scores.iter().map(|x| x * x).sum();
    let spread_n2 = n * squares - sum * sum;
    // sd = √(spread_n2) / n; in tenths, 10·√(spread_n2) / n.
    let sd_tenths = (100.0 * spread_n2 as f64).sqrt() / n as f64;
    Some(Spread {
        mean_tenths: round_div(10 * sum, n) as i32,
        sd_tenths: sd_tenths.round() as i32,
        raters: scores.len(),
    })
}
