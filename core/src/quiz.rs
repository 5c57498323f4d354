//! One quiz being taken, as plain values: the state machine every copy of the widget obeys.
//!
//! * [`Quiz`] is one widget's attempt: the screen, the answers, the completed attempts and
//!   the messages. It is serializable, so one copy of the widget hands it to another.
//! * It also knows whether focus should move, a result is on its way or the data controls
//!   are open.
//! * [`Quiz::act`] moves it on by one [`Action`] and saves through the [`Vault`]. It returns
//!   what to tell the page ([`Tell`]): host events, other widgets, scoring.
//! * Time and randomness come from a [`Clock`] the caller supplies.
//!
//! Rules every action keeps:
//!
//! * every answer is saved as it is given; Back and Next never lose one;
//! * the position is always on a question of the instrument;
//! * a result is asked for ([`Tell::Finish`]) only when every step has its answer;
//!   otherwise the reader goes to the first step without one;
//! * a completed attempt is merged into the stored history before its result shows;
//! * what the vault reports about storage is told once and kept true ([`add_notices`]).

use serde::{Deserialize, Serialize};

use crate::messages::Messages;
use crate::questions::Questions;
use crate::records::{Asked, Attempt, History, Progress};
use crate::vault::{Backend, Codec, Notice, Saving, Vault};

/// The time and randomness a quiz needs, supplied by its host.
pub trait Clock {
    /// Milliseconds since 1970.
    fn now(&self) -> f64;
    /// A seed for a new attempt's option order.
    fn seed(&self) -> u32;
}

/// Which screen the quiz shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Screen {
    /// Title, intro and the start button.
    Intro,
    /// The respondent-group question, for instruments that have one.
    Group,
    /// The question at the attempt's position.
    Question,
    /// The latest completed attempt.
    Result,
    /// A result opened from a share link: shown read-only, never stored.
    Shared,
}

/// Something to tell the reader, shown above the current screen until dismissed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Message {
    /// What the vault reported about stored data.
    Storage(Notice),
    /// An import added this many completed attempts.
    Imported(usize),
    /// An import was refused, for this reason (in the reader's language); nothing changed.
    ImportFailed(String),
    /// Everything was deleted.
    Deleted,
    /// What the reader waits for (their result, their data controls) could not be
    /// downloaded; nothing they did is lost, and they can try again.
    Unloaded,
}

/// Adds `notices` to `messages`, leaving out any already there. Whether answers are saved
/// is said once and kept true: "saved again" replaces "in memory" and "not saved", and
/// the other way round.
///
/// ```
/// use candor_core::quiz::{Message, add_notices};
/// use candor_core::vault::Notice;
/// let mut messages = vec![Message::Storage(Notice::NotSaved)];
/// add_notices(&mut messages, vec![Notice::SavedAgain]);
/// assert_eq!(messages, [Message::Storage(Notice::SavedAgain)]);
/// ```
pub fn add_notices(messages: &mut Vec<Message>, notices: Vec<Notice>) {
    let unsaved = |m: &Message| matches!(m, Message::Storage(Notice::InMemory | Notice::NotSaved));
    let saved_again = |m: &Message| *m == Message::Storage(Notice::SavedAgain);
    for notice in notices {
        match notice {
            Notice::SavedAgain => messages.retain(|m| !unsaved(m)),
            Notice::InMemory | Notice::NotSaved => messages.retain(|m| !saved_again(m)),
            _ => {}
        }
        let message = Message::Storage(notice);
        if !messages.contains(&message) {
            messages.push(message);
        }
    }
}

/// Something that happens to a quiz: the reader's steps, then what the page and storage do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start (or continue) the attempt from the intro.
    Start,
    /// Choose option `n` (definition order) on the question, or group `n` on the group step.
    Choose(u8),
    /// Go on: the next question, or the result after the last.
    Next,
    /// Go back one step.
    Back,
    /// Start a new attempt from the result.
    Retake,
    /// Leave a shared result for the reader's own quiz.
    LeaveShared,
    /// Open or close the reader's data controls on the intro.
    Data(bool),
    /// Remove message `n`.
    Dismiss(usize),
    /// Another tab or widget wrote the records: read them again and follow.
    Follow,
    /// Try storage again for what is held in memory (the page is being hidden or closed).
    Flush,
    /// What the reader waits for could not be downloaded.
    Unloaded,
    /// Ask again for what could not be downloaded.
    Retry,
}

/// A step a reader takes on a first screen shown before the widget arrived: the actions it
/// records, in the same words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// See [`Action::Start`].
    Start,
    /// See [`Action::Choose`].
    Choose(u8),
    /// See [`Action::Next`].
    Next,
    /// See [`Action::Back`].
    Back,
    /// See [`Action::Data`].
    Data(bool),
}

impl From<Step> for Action {
    fn from(step: Step) -> Self {
        match step {
            Step::Start => Self::Start,
            Step::Choose(n) => Self::Choose(n),
            Step::Next => Self::Next,
            Step::Back => Self::Back,
            Step::Data(open) => Self::Data(open),
        }
    }
}

/// What the page is told after an action.
#[derive(Clone, Debug, PartialEq)]
pub enum Tell {
    /// An attempt began (`candor:start`).
    Started,
    /// Question `index` was answered with `option`; `answered` questions have an answer now
    /// (`candor:answer`).
    Answered {
        /// The question's position.
        index: usize,
        /// The option chosen, in definition order.
        option: u8,
        /// How many questions have an answer.
        answered: usize,
    },
    /// The records changed: other widgets of the page read them again.
    Wrote,
    /// The reader asked for their result: score the response, then call
    /// [`Quiz::finished`].
    Finish,
}

/// What a quiz waits for that only a copy of the widget with results can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// A result: the one asked for, the latest one, or a shared one.
    Result,
    /// The reader's data controls.
    Data,
}

/// Where Back leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Back {
    Question(u16),
    Screen(Screen),
}

/// The state of one quiz.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    screen: Screen,
    progress: Progress,
    history: History,
    messages: Vec<Message>,
    /// The reader's last step changed the screen: focus moves to its heading.
    focus: bool,
    /// The reader asked for their result at the last question and it is on its way.
    finishing: bool,
    /// The intro's data controls are open.
    data_open: bool,
}

impl Quiz {
    /// Opens the quiz of `questions` from what `vault` holds: a shared result when the
    /// page's address carries one for this instrument (`shared`), the attempt in progress
    /// (its group question while nothing is answered), the latest result, or the intro.
    pub fn open<B: Backend, C: Codec>(
        questions: &Questions,
        vault: &Vault<B, C>,
        clock: &impl Clock,
        shared: bool,
    ) -> Self {
        let loaded = vault.load(questions, clock.now());
        let mut messages = Vec::new();
        let memory = (vault.saving() == Saving::Refused).then_some(Notice::InMemory);
        add_notices(
            &mut messages,
            memory.into_iter().chain(loaded.notices).collect(),
        );
        let progress = loaded
            .progress
            .unwrap_or_else(|| Progress::start(questions, clock.seed(), clock.now()));
        let screen = if shared {
            Screen::Shared
        } else if progress.is_started() {
            if progress.answers.iter().any(Option::is_some) || questions.groups().is_none() {
                Screen::Question
            } else {
                Screen::Group
            }
        } else if !loaded.history.attempts.is_empty() {
            Screen::Result
        } else {
            Screen::Intro
        };
        Self {
            screen,
            progress,
            history: loaded.history,
            messages,
            focus: false,
            finishing: false,
            data_open: false,
        }
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The attempt in progress.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The completed attempts, oldest first.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The messages for the reader, oldest first.
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// Whether the intro's data controls are open.
    pub fn data_open(&self) -> bool {
        self.data_open
    }

    /// Whether the reader's last step changed the screen and focus should move to it; reading
    /// it clears it.
    pub fn take_focus(&mut self) -> bool {
        std::mem::take(&mut self.focus)
    }

    /// Whether focus should move to the screen (without clearing it).
    pub fn wants_focus(&self) -> bool {
        self.focus
    }

    /// Whether what the reader waits for could not be downloaded.
    pub fn unloaded(&self) -> bool {
        self.messages.contains(&Message::Unloaded)
    }

    /// Whether the reader asked for their result on a question and no copy of the widget
    /// has scored it yet: a copy with results finishes the quiz.
    pub fn finish_pending(&self) -> bool {
        self.finishing && self.screen == Screen::Question
    }

    /// Whether the reader asked for their result and it is on its way.
    pub fn result_on_its_way(&self) -> bool {
        self.finish_pending() && !self.unloaded()
    }

    /// What the quiz waits for that only a copy of the widget with results can do.
    pub fn wants(&self) -> Option<Want> {
        match self.screen {
            Screen::Result | Screen::Shared => Some(Want::Result),
            Screen::Question if self.finishing => Some(Want::Result),
            Screen::Intro if self.data_open => Some(Want::Data),
            _ => None,
        }
    }

    /// The answer the step on show has: the group on the group question, otherwise the
    /// option chosen for the question at the position.
    pub fn chosen(&self) -> Option<u8> {
        match self.screen {
            Screen::Group => self.progress.group,
            _ => self
                .progress
                .answers
                .get(usize::from(self.progress.position))
                .copied()
                .flatten(),
        }
    }

    /// Scores the attempts stored without scores (migrated from an older record shape),
    /// with the whole `instrument`; a copy of the widget that can score does it on opening.
    pub fn backfill<B: Backend, C: Codec>(
        &mut self,
        vault: &Vault<B, C>,
        instrument: &crate::definition::Instrument,
    ) {
        let notices = vault.backfill(&mut self.history, instrument);
        add_notices(&mut self.messages, notices);
    }

    /// Replays what the reader did on a first screen shown before the widget arrived: the
    /// option order they saw (`seed`) and their steps. Only a new attempt on the intro is
    /// replayed: if storage holds something else by now (another tab), that is shown instead.
    pub fn replay<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        clock: &impl Clock,
        seed: Option<u32>,
        steps: Vec<Step>,
    ) -> Vec<Tell> {
        let fresh = self.screen == Screen::Intro && !self.progress.is_started();
        let mut tells = Vec::new();
        if !fresh {
            return tells;
        }
        if let Some(seed) = seed {
            self.progress.seed = seed;
        }
        for step in steps {
            tells.extend(self.act(questions, vault, clock, step.into()));
        }
        tells
    }

    /// Moves the quiz on by `action`, saving through `vault`; returns what to tell the page.
    pub fn act<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        clock: &impl Clock,
        action: Action,
    ) -> Vec<Tell> {
        let mut tells = Vec::new();
        match action {
            Action::Start => self.start(questions, vault, &mut tells),
            Action::Choose(n) => self.choose(questions, vault, n, &mut tells),
            Action::Next => self.next(questions, vault, &mut tells),
            Action::Back => self.back(questions, vault, &mut tells),
            Action::Retake => {
                self.progress = Progress::start(questions, clock.seed(), clock.now());
                self.start(questions, vault, &mut tells);
            }
            Action::LeaveShared => {
                let screen = if self.history.attempts.is_empty() {
                    Screen::Intro
                } else {
                    Screen::Result
                };
                self.go(screen);
            }
            Action::Data(open) => self.data_open = open && self.screen == Screen::Intro,
            Action::Dismiss(index) => {
                if index < self.messages.len() {
                    self.messages.remove(index);
                }
            }
            Action::Follow => self.follow(questions, vault, clock),
            Action::Flush => {
                let notices = vault.flush();
                add_notices(&mut self.messages, notices);
            }
            Action::Unloaded => {
                if !self.unloaded() {
                    self.messages.push(Message::Unloaded);
                }
            }
            Action::Retry => self.messages.retain(|m| *m != Message::Unloaded),
        }
        tells
    }

    fn go(&mut self, screen: Screen) {
        if screen != Screen::Intro {
            self.data_open = false;
        }
        self.screen = screen;
        self.focus = true;
    }

    fn save<B: Backend, C: Codec>(&mut self, vault: &Vault<B, C>, tells: &mut Vec<Tell>) {
        let notices = vault.save_progress(&self.progress, &mut self.history);
        add_notices(&mut self.messages, notices);
        tells.push(Tell::Wrote);
    }

    /// The first step of the attempt: the group question until a group is chosen.
    fn first_step(&self, questions: &Questions) -> Screen {
        if questions.groups().is_some() && self.progress.group.is_none() {
            Screen::Group
        } else {
            Screen::Question
        }
    }

    fn start<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        tells: &mut Vec<Tell>,
    ) {
        self.save(vault, tells);
        tells.push(Tell::Started);
        self.finishing = false;
        self.go(self.first_step(questions));
    }

    fn choose<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        option: u8,
        tells: &mut Vec<Tell>,
    ) {
        match self.screen {
            Screen::Group
                if questions
                    .group_count()
                    .is_some_and(|n| usize::from(option) < n) =>
            {
                self.progress.group = Some(option);
                self.save(vault, tells);
            }
            Screen::Question => {
                let index = usize::from(self.progress.position);
                if usize::from(option) >= questions.answer_count(index) {
                    return;
                }
                if let Some(slot) = self.progress.answers.get_mut(index) {
                    *slot = Some(option);
                }
                self.save(vault, tells);
                let answered = self.progress.answers.iter().flatten().count();
                tells.push(Tell::Answered {
                    index,
                    option,
                    answered,
                });
            }
            _ => {}
        }
    }

    fn next<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        tells: &mut Vec<Tell>,
    ) {
        if self.chosen().is_none() {
            return;
        }
        match self.screen {
            Screen::Group => self.go(Screen::Question),
            Screen::Question if usize::from(self.progress.position) + 1 < questions.len() => {
                self.progress.position += 1;
                self.save(vault, tells);
                self.go(Screen::Question);
            }
            Screen::Question => {
                let missing = self.progress.answers.iter().position(Option::is_none);
                let no_group = questions.groups().is_some() && self.progress.group.is_none();
                match missing {
                    _ if no_group => self.go(Screen::Group),
                    Some(index) => {
                        self.progress.position = index as u16;
                        self.save(vault, tells);
                        self.go(Screen::Question);
                    }
                    None => {
                        // The screen changes when the result comes: focus moves then.
                        self.finishing = true;
                        tells.push(Tell::Finish);
                    }
                }
            }
            _ => {}
        }
    }

    fn back<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        tells: &mut Vec<Tell>,
    ) {
        self.finishing = false;
        let position = self.progress.position;
        let back = match self.screen {
            Screen::Question if position > 0 => Back::Question(position - 1),
            Screen::Question if questions.groups().is_some() => Back::Screen(Screen::Group),
            _ => Back::Screen(Screen::Intro),
        };
        match back {
            Back::Question(position) => {
                self.progress.position = position;
                self.save(vault, tells);
                self.go(Screen::Question);
            }
            Back::Screen(screen) => self.go(screen),
        }
    }

    /// Follows records another tab or widget wrote: the same attempt picks up the other's
    /// answers (staying on the question the reader looks at); an attempt finished elsewhere
    /// shows its result; data deleted elsewhere returns to the intro.
    fn follow<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        clock: &impl Clock,
    ) {
        // What is held here goes first, merged with what the other wrote.
        let notices = vault.flush();
        add_notices(&mut self.messages, notices);
        let (stored, history) = vault.reload(questions);
        let mut screen = self.screen;
        match stored {
            Some(p) if p.started_at == self.progress.started_at && screen == Screen::Question => {
                let last = p.answers.len().saturating_sub(1) as u16;
                let position = self.progress.position.min(last);
                self.progress = Progress { position, ..p };
            }
            Some(p) => self.progress = p,
            None if self.progress.is_started() => {
                // The attempt under way here ended elsewhere: finished, or deleted.
                let started_at = self.progress.started_at;
                self.progress = Progress::start(questions, clock.seed(), clock.now());
                let finished = history
                    .attempts
                    .last()
                    .is_some_and(|a| a.completed_at >= started_at);
                screen = if finished {
                    Screen::Result
                } else {
                    Screen::Intro
                };
            }
            None => {}
        }
        if screen == Screen::Result && history.attempts.is_empty() {
            screen = Screen::Intro;
        }
        self.history = history;
        if screen != self.screen {
            self.finishing = false;
            self.screen = screen;
        }
    }

    /// Stores `attempt`, the response scored after [`Tell::Finish`], and shows its result.
    /// (Not an [`Action`]: only a copy of the widget that can score finishes an attempt.)
    pub fn finished<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        clock: &impl Clock,
        attempt: Attempt,
    ) -> Vec<Tell> {
        let (history, notices) = vault.add_attempt(&self.history, attempt);
        vault.clear_progress();
        self.history = history;
        add_notices(&mut self.messages, notices);
        self.progress = Progress::start(questions, clock.seed(), clock.now());
        self.finishing = false;
        self.go(Screen::Result);
        vec![Tell::Wrote]
    }

    /// Records the reader's request for others' view of the result completed at
    /// `completed_at`, and the codes received for it. (Not an [`Action`]: only a copy of the
    /// widget that shows results asks others.)
    pub fn ask_others<B: Backend, C: Codec>(
        &mut self,
        vault: &Vault<B, C>,
        completed_at: f64,
        asked: Asked,
    ) -> Vec<Tell> {
        let (history, notices) = vault.ask_others(&self.history, completed_at, asked);
        self.history = history;
        add_notices(&mut self.messages, notices);
        vec![Tell::Wrote]
    }

    /// Imports an export file from the reader's data controls: its results show, or the
    /// reason nothing changed, in the language of `words`. (Not an [`Action`]: only a copy
    /// of the widget with data controls imports, and the others carry none of it.)
    pub fn import<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        clock: &impl Clock,
        text: &str,
        words: &Messages,
    ) -> Vec<Tell> {
        match vault.import(text) {
            Ok(report) => {
                self.follow(questions, vault, clock);
                if self.screen == Screen::Intro && !self.history.attempts.is_empty() {
                    self.screen = Screen::Result;
                }
                self.messages.push(Message::Imported(report.attempts));
                vec![Tell::Wrote]
            }
            Err(error) => {
                self.messages
                    .push(Message::ImportFailed(error.message_in(words)));
                Vec::new()
            }
        }
    }

    /// Deletes every record of the namespace from the reader's data controls, and starts
    /// afresh on the intro. (Not an [`Action`], as [`Quiz::import`] is not.)
    pub fn delete_all<B: Backend, C: Codec>(
        &mut self,
        questions: &Questions,
        vault: &Vault<B, C>,
        clock: &impl Clock,
    ) -> Vec<Tell> {
        vault.delete_all();
        self.history = History::new(questions.id().as_str());
        self.progress = Progress::start(questions, clock.seed(), clock.now());
        self.messages = vec![Message::Deleted];
        self.finishing = false;
        self.data_open = false;
        self.go(Screen::Intro);
        vec![Tell::Wrote]
    }
}
