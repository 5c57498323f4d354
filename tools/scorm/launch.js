// The launch page of a Candor SCORM package (written by tools/scorm.mjs): finds the LMS's API
// as the standard prescribes, marks the attempt incomplete, and reports completion and the
// score when the widget's result shows. The answers stay in the learner's browser.
//
// - SCORM 1.2 looks for `API`, SCORM 2004 for `API_1484_11`: in this window's parents (up to
//   seven), then in its opener's.
// - Only status and score reach the LMS. With the package option "resume in the LMS", the
//   attempt in progress (the widget's own record) also goes to suspend data after each
//   step the widget stores (its `candor:stored` page event), and is put back into this browser's storage on a relaunch, so a learner carries
//   on from another device.
// - An LMS that is missing or refuses a call is said above the widget; the quiz goes on.
//
// The settings (written by tools/scorm.mjs) carry the names of the widget's records, from
// candor-data.js, which the package holds only inside candor.js.

const settings = JSON.parse(document.getElementById('candor-scorm').textContent);
const is2004 = settings.standard === '2004';
const locale = document.documentElement.lang.startsWith('fr') ? 'fr' : 'en';

const WORDS = {
  en: {
    missing: 'This course could not be reached: your result is not recorded by it. Your answers stay in this browser.',
    refused: 'This course did not record your attempt (LMS error {code}). Your answers stay in this browser.',
    tooLong: 'Your answers so far are too long to keep in this course: they stay in this browser only.',
    sent: 'This course records that you finished and your score. Your answers stay in this browser.',
    sentResume:
      'This course records that you finished and your score, and keeps your answers until you finish so you can carry on from another device.',
  },
  fr: {
    missing: 'Ce cours est injoignable : il n’enregistre pas votre résultat. Vos réponses restent dans ce navigateur.',
    refused: 'Ce cours n’a pas enregistré votre tentative (erreur {code} de la plateforme). Vos réponses restent dans ce navigateur.',
    tooLong: 'Vos réponses sont trop longues pour être gardées par ce cours : elles restent dans ce navigateur seulement.',
    sent: 'Ce cours enregistre que vous avez terminé et votre score. Vos réponses restent dans ce navigateur.',
    sentResume:
      'Ce cours enregistre que vous avez terminé et votre score, et garde vos réponses jusqu’à la fin pour que vous puissiez continuer depuis un autre appareil.',
  },
}[locale];

// The data model's names in each standard.
const CMI = is2004
  ? {
      init: 'Initialize',
      get: 'GetValue',
      set: 'SetValue',
      commit: 'Commit',
      finish: 'Terminate',
      error: 'GetLastError',
      completion: 'cmi.completion_status',
      success: 'cmi.success_status',
      raw: 'cmi.score.raw',
      min: 'cmi.score.min',
      max: 'cmi.score.max',
      scaled: 'cmi.score.scaled',
      suspend: 'cmi.suspend_data',
      exit: 'cmi.exit',
      passing: 'cmi.scaled_passing_score',
      // SCORM 2004 keeps up to 64,000 characters of suspend data.
      room: 64000,
    }
  : {
      init: 'LMSInitialize',
      get: 'LMSGetValue',
      set: 'LMSSetValue',
      commit: 'LMSCommit',
      finish: 'LMSFinish',
      error: 'LMSGetLastError',
      completion: 'cmi.core.lesson_status',
      raw: 'cmi.core.score.raw',
      min: 'cmi.core.score.min',
      max: 'cmi.core.score.max',
      suspend: 'cmi.suspend_data',
      exit: 'cmi.core.exit',
      passing: 'cmi.student_data.mastery_score',
      // SCORM 1.2 keeps up to 4,096 characters of suspend data.
      room: 4096,
    };

/** Says `text` above the widget (once per kind). */
function say(text) {
  const notice = document.getElementById('candor-lms');
  notice.textContent = text;
  notice.hidden = false;
}

/** The LMS's API in `win` or one of its parents (at most seven up), as ADL's algorithm finds it. */
function apiIn(win) {
  const name = is2004 ? 'API_1484_11' : 'API';
  for (let tries = 0; win && tries <= 7; tries++) {
    try {
      if (win[name]) return win[name];
      if (win.parent === win) return null;
      win = win.parent;
    } catch {
      // A parent on another origin cannot be searched.
      return null;
    }
  }
  return null;
}

const api = apiIn(window) || (window.opener ? apiIn(window.opener) : null);
let refused = false;

/** Calls the API's `method`; a refusal is said once and the quiz goes on. */
function call(method, ...args) {
  if (!api) return '';
  let result;
  try {
    result = api[method](...args);
  } catch {
    result = 'false';
  }
  if (result === 'false' || result === false) {
    if (!refused) {
      refused = true;
      let code = '?';
      try {
        code = String(api[CMI.error]());
      } catch {
        // The code is only for the learner's support.
      }
      say(WORDS.refused.replace('{code}', code));
    }
    return '';
  }
  return result;
}

/** The key of the widget's attempt in progress, made as the core makes it. */
function progressKey() {
  const { prefix, defaultNamespace, progress } = settings.records;
  return `${prefix}:${defaultNamespace}:${settings.instrument}:${progress}`;
}

let finished = false;
let completed = false;

function start() {
  if (!api) {
    say(WORDS.missing);
    return;
  }
  if (call(CMI.init, '') === '') return;
  const status = call(CMI.get, CMI.completion);
  if (status !== 'completed' && status !== 'passed' && status !== 'failed') {
    call(CMI.set, CMI.completion, 'incomplete');
  }
  completed = status === 'completed' || status === 'passed' || status === 'failed';
  if (settings.resume) {
    // The attempt kept in the LMS, put back where the widget reads it, unless this browser
    // holds one of its own.
    const kept = call(CMI.get, CMI.suspend);
    try {
      const record = kept ? JSON.parse(kept).progress : null;
      if (typeof record === 'string' && localStorage.getItem(progressKey()) === null) {
        localStorage.setItem(progressKey(), record);
      }
    } catch {
      // Suspend data this package did not write, or a browser without storage: nothing to put back.
    }
  }
  call(CMI.commit, '');
}

let tooLongSaid = false;

/** Keeps the attempt in progress in the LMS (the package option). */
function suspend() {
  let record = null;
  try {
    record = localStorage.getItem(progressKey());
  } catch {
    return;
  }
  if (record === null) return;
  const text = JSON.stringify({ progress: record });
  if (text.length > CMI.room) {
    if (!tooLongSaid) say(WORDS.tooLong);
    tooLongSaid = true;
    return;
  }
  call(CMI.set, CMI.suspend, text);
  call(CMI.commit, '');
}

/**
 * Reports the result: completion, the score, and passed or failed where a mastery score is
 * set. A result with too few answers that applied has no score (`scaled` is null): it is
 * completed, with no score and no verdict.
 */
function complete(detail) {
  const passing = call(CMI.get, CMI.passing);
  const scored = typeof detail.scaled === 'number';
  const raw = scored ? Math.round(detail.scaled * 100) : 0;
  if (scored) {
    call(CMI.set, CMI.raw, String(raw));
    call(CMI.set, CMI.min, '0');
    call(CMI.set, CMI.max, '100');
  }
  if (is2004) {
    if (scored) call(CMI.set, CMI.scaled, String(Math.round(detail.scaled * 1000) / 1000));
    call(CMI.set, CMI.completion, 'completed');
    if (scored && passing !== '') call(CMI.set, CMI.success, detail.scaled >= Number(passing) ? 'passed' : 'failed');
  } else if (scored && passing !== '') {
    call(CMI.set, CMI.completion, raw >= Number(passing) ? 'passed' : 'failed');
  } else {
    call(CMI.set, CMI.completion, 'completed');
  }
  if (settings.resume) call(CMI.set, CMI.suspend, '');
  completed = true;
  call(CMI.commit, '');
}

/** Ends the session with the LMS, once, as the page goes. */
function finish() {
  if (!api || finished) return;
  finished = true;
  call(CMI.set, CMI.exit, completed ? (is2004 ? 'normal' : '') : 'suspend');
  call(CMI.commit, '');
  call(CMI.finish, '');
}

document.getElementById('candor-lms-sent').textContent = settings.resume ? WORDS.sentResume : WORDS.sent;
start();
// After each step the widget stores (an answer, Next, Back), the attempt goes to the LMS too.
addEventListener('candor:stored', () => settings.resume && !completed && suspend());
document.addEventListener('candor:complete', (event) => complete(event.detail));
addEventListener('pagehide', finish);
// Only now the widget: it opens on the attempt put back from the LMS, if any.
await import('./candor.js');
