// The cross-engine smoke suite: every built-in instrument from the intro to its result in
// WebKit and in Firefox, on a phone-sized window, against the built dist/.
//
//   node tests/engines/smoke.mjs [webkit] [firefox]     (both when none is named)
//   SMOKE_DEBUG=1 node tests/engines/smoke.mjs          (also prints every step and look)
//
// Chromium runs the full e2e suite (tests/e2e); these engines run this suite only:
// - each instrument taken with the fixed answer pattern, its result checked against what
//   the core computes (tests/.generated/expectations.json), stored, and shown again after a
//   reload;
// - the first screen taken over by the bundle: the small bundle is held back by the test
//   server until the reader has started and chosen on the first screen;
// - the page under a strict Content-Security-Policy;
// - no page error and no console error.
// A failure names the engine, the instrument and the screen. The pages are driven with
// scripts run in them (the same for both engines), not with simulated pointer input.
//
// Firefox is Debian's firefox-esr, driven over WebDriver BiDi (puppeteer-core). WebKit is
// WebKitGTK's MiniBrowser, driven by WebKitWebDriver under Xvfb (it has no headless mode).
import { readFileSync } from 'node:fs';
import { startServer } from '../local-server.mjs';
import { firefox, webkit } from './drivers.mjs';

const expectations = JSON.parse(readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8')).instruments;
const port = Number(process.env.CANDOR_SMOKE_PORT || 4192);
const engines = { webkit, firefox };
const wanted = process.argv.slice(2).filter((a) => a in engines);

/** A failure that says where it happened. */
class Failure extends Error {}

// Runs in the page: what the widget of instrument `id` shows. Everything the suite reads
// goes through this one function, given as text to both engines.
function shown(id) {
  const host = document.querySelector(`candor-quiz[instrument="${id}"]`) || document.querySelector('candor-quiz');
  const root = host && host.shadowRoot;
  const text = (testid) => {
    const el = root && root.querySelector(`[data-testid="${testid}"]`);
    return el ? el.textContent.trim() : null;
  };
  const all = (prefix) =>
    root ? Object.fromEntries([...root.querySelectorAll(`[data-testid^="${prefix}"]`)].map((e) => [e.dataset.testid.slice(prefix.length), e.textContent.trim()])) : {};
  return {
    mounted: Boolean(host && host.mounted),
    intro: text('intro') !== null,
    group: text('group') !== null,
    progress: text('progress'),
    headline: text('headline'),
    // Drawn with the rest of the result, a frame after its top.
    retake: text('retake') !== null,
    notices: root ? [...root.querySelectorAll('[data-testid=notice]')].map((n) => n.textContent.trim()) : [],
    scores: all('score-'),
    counts: all('level-count-'),
    sums: all('sum-'),
    cells: all('cell-'),
    errors: window.candorSmokeErrors || [],
    markup: root ? root.innerHTML.replace(/<(path|text)[^>]*>.*?<\/\1>/g, '').slice(0, 400) : null,
  };
}

// Runs in the page: presses `testid` (or chooses the option `value`) in the widget of `id`.
function press(id, testid, value) {
  const host = document.querySelector(`candor-quiz[instrument="${id}"]`) || document.querySelector('candor-quiz');
  const root = host.shadowRoot;
  if (value !== null) {
    const input = root.querySelector(`input[type=radio][value="${value}"]`);
    if (!input) return false;
    input.click();
    return true;
  }
  const button = root.querySelector(`[data-testid="${testid}"]`);
  if (!button || button.disabled) return false;
  button.click();
  return true;
}

// Runs in the page: records page errors and console errors from now on.
function recordErrors() {
  if (window.candorSmokeErrors) return;
  window.candorSmokeErrors = [];
  addEventListener('error', (e) => window.candorSmokeErrors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => window.candorSmokeErrors.push(`unhandled rejection: ${e.reason}`));
  const error = console.error;
  console.error = (...args) => {
    window.candorSmokeErrors.push(`console: ${args.join(' ')}`);
    error.apply(console, args);
  };
}

/** Waits until `test(state)` holds for what the widget of `id` shows; fails naming `screen`. */
async function until(driver, id, screen, test) {
  const deadline = Date.now() + 30_000;
  let state;
  for (;;) {
    if (process.env.SMOKE_DEBUG) console.log(`      look: ${screen}`);
    state = await driver.run(shown, id);
    if (test(state)) return state;
    if (Date.now() > deadline) throw new Failure(`${screen}: not reached in 30 s (the widget shows ${JSON.stringify(state)})`);
    await driver.tick();
  }
}

// Waits until the page has its offline module (embed.js imports it once the page has
// loaded): leaving before would abort that import, which the browser reports as an error.
async function settled(driver) {
  const deadline = Date.now() + 30_000;
  const loaded = () => performance.getEntriesByType('resource').some((e) => e.name.includes('candor-offline.js'));
  while (!(await driver.run(loaded))) {
    if (Date.now() > deadline) throw new Failure('candor-offline.js: not loaded in 30 s');
    await driver.tick();
  }
}

async function act(driver, id, screen, testid, value = null) {
  if (process.env.SMOKE_DEBUG) console.log(`    ${id}: ${screen}: ${testid ?? `option ${value}`}`);
  if (!(await driver.run(press, id, testid, value))) throw new Failure(`${screen}: nothing to press (${testid ?? `option ${value}`})`);
}

/** A number the core computes, as the result shows it: a cell the core cannot score says so. */
const asShown = (value) => (value === null ? NOT_SCORED : String(value));
const NOT_SCORED = /^—not scored/;
const matches = (got, want) => (want instanceof RegExp ? typeof got === 'string' && want.test(got) : got === want);

/** The numbers the core computes for the pattern, as the result shows them. */
function expectedNumbers(want) {
  const numbers = {};
  for (const [id, value] of Object.entries(want.scores || {})) numbers[`score-${id}`] = asShown(value);
  for (const [i, n] of (want.counts || []).entries()) numbers[`level-count-${i + 1}`] = String(n);
  for (const [id, value] of Object.entries(want.sums || {})) numbers[`sum-${id}`] = asShown(value);
  const columns = (want.column_means || []).length;
  for (const [i, value] of (want.cells || []).entries()) numbers[`cell-${Math.floor(i / columns)}-${i % columns}`] = asShown(value);
  return numbers;
}

function shownNumbers(state) {
  const numbers = {};
  for (const [prefix, map] of [['score-', state.scores], ['level-count-', state.counts], ['sum-', state.sums], ['cell-', state.cells]]) {
    for (const [key, value] of Object.entries(map)) numbers[prefix + key] = value;
  }
  return numbers;
}

async function takeInstrument(driver, base, c) {
  const id = c.id;
  // The small bundle is held back until the reader has started on the first screen.
  const bundle = '/candor-take_bg.wasm';
  await fetch(`${base}/__hold${bundle}`);
  await driver.goto(`${base}/embed.html?instrument=${id}`);
  await driver.run(recordErrors);
  await until(driver, id, 'the first screen', (s) => s.intro && !s.mounted);
  await act(driver, id, 'the first screen\'s intro', 'start');
  let first = 0;
  if (c.group !== null) {
    await until(driver, id, 'the first screen\'s group question', (s) => s.group);
    await act(driver, id, 'the first screen\'s group question', null, c.group);
  } else {
    await until(driver, id, 'the first screen\'s first question', (s) => s.progress !== null);
    await act(driver, id, 'the first screen\'s first question', null, c.answers[0]);
    first = 1;
  }
  const before = await driver.run(shown, id);
  if (before.mounted) throw new Failure('the first screen: the bundle came before it was let through');
  await fetch(`${base}/__release${bundle}`);
  // The bundle takes over where the reader is, with their choice.
  if (c.group !== null) {
    await until(driver, id, 'the group question, taken over', (s) => s.mounted && s.group);
  } else {
    await until(driver, id, 'question 1, taken over', (s) => s.mounted && s.progress !== null);
  }
  await act(driver, id, 'the step taken over (its choice kept)', 'next');
  for (const [i, value] of c.answers.entries()) {
    if (i < first) continue;
    const screen = `question ${i + 1}`;
    await until(driver, id, screen, (s) => s.progress && Number(/\d+/.exec(s.progress)[0]) === i + 1);
    await act(driver, id, screen, null, value);
    await act(driver, id, screen, 'next');
  }
  const result = await until(driver, id, 'the result', (s) => s.headline !== null && s.retake);
  if (result.headline !== c.expected.headline) {
    throw new Failure(`the result: headline "${result.headline}", the core computes "${c.expected.headline}"`);
  }
  const want = expectedNumbers(c.expected);
  const got = shownNumbers(result);
  for (const [key, value] of Object.entries(want)) {
    if (!matches(got[key], value)) throw new Failure(`the result: ${key} shows ${got[key]}, the core computes ${value}`);
  }
  const stored = await driver.run((key) => JSON.parse(localStorage.getItem(key) || '{"attempts":[]}').attempts.length, `candor:default:${id}:history`);
  if (stored !== 1) throw new Failure(`the result: ${stored} attempt(s) stored, not 1`);
  await settled(driver);
  await driver.goto(`${base}/embed.html?instrument=${id}`);
  await driver.run(recordErrors);
  // The full bundle's own result, not the kept screen shown while it loads.
  const again = await until(driver, id, 'the result after a reload', (s) => s.headline !== null && s.mounted);
  if (again.headline !== c.expected.headline) throw new Failure(`the result after a reload: "${again.headline}"`);
  await settled(driver);
  return again.errors;
}

async function runEngine(name, base) {
  const failures = [];
  let driver;
  try {
    driver = await engines[name]();
  } catch (error) {
    return [`[${name}] could not start: ${error.message}`];
  }
  try {
    for (const c of expectations) {
      const started = Date.now();
      try {
        const errors = [...(await takeInstrument(driver, base, c)), ...driver.errors()];
        if (errors.length) throw new Failure(`page or console errors: ${errors.join(' | ')}`);
        console.log(`  [${name}] ${c.id}: result "${c.expected.headline}", stored, shown again after a reload (${Date.now() - started} ms)`);
      } catch (error) {
        failures.push(`[${name}] ${c.id}: ${error instanceof Failure ? error.message : error.stack}`);
      }
      driver.clearErrors();
    }
    try {
      // A new reader: the first screen, then the bundle under the policy.
      await driver.run(() => localStorage.clear());
      await driver.goto(`${base}/fixtures/strict-csp.html`);
      await driver.run(recordErrors);
      const state = await until(driver, 'service-or-servility', 'the strict-CSP page', (s) => s.mounted && s.intro);
      const errors = [...state.errors, ...driver.errors()];
      if (errors.length) throw new Failure(`the strict-CSP page: ${errors.join(' | ')}`);
      console.log(`  [${name}] the strict-CSP page: the quiz starts, no error`);
    } catch (error) {
      failures.push(`[${name}] strict-CSP page: ${error instanceof Failure ? error.message : error.stack}`);
    }
  } finally {
    await driver.close();
  }
  return failures;
}

const server = await startServer(port);
const failures = [];
try {
  for (const name of wanted.length ? wanted : Object.keys(engines)) {
    console.log(`${name}:`);
    failures.push(...(await runEngine(name, server.base)));
  }
} finally {
  server.close();
}
if (failures.length) {
  console.error(`\n${failures.length} failure(s):`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log('cross-engine smoke suite: every instrument reaches its result in each engine');
