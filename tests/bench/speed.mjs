// Speed benchmark (figures to read, not a pass/fail test): time from navigation to the first
// answer option being visible, enabled and clickable; the longest main-thread task before
// it; when the page's scripts and its wasm arrived; and click → next paint, for Candor's
// standalone page and a hand-written ten-question quiz measured in the same run. Then the
// reader answers on to the result, as fast as a reader can: a press every PRESS_EVERY ticks
// of TICK_MS (an option, then Next), and a tap on the page (outside the quiz) at every other
// tick, so that some land while a bundle is arriving or taking over. Each press's and tap's
// time from when it was due to the end of the next frame's rendering (`benchPainted`) is
// kept: the slowest of each is reported,
// with the longest task from the first option to the result. Debian Chromium on a phone
// profile: 412 × 823, CPU 4× slower, 150 ms latency, 1.6 Mbps down, 750 kbps up, a fresh
// profile per run.
//
// A second reference, the same quiz as the plainest Leptos CSR app (bench/leptos-quiz,
// built by scripts/bench.sh into tests/fixtures/leptos-quiz/), shows what the stack itself
// costs before any of Candor's code; it is skipped when it has not been built.
//
//   node tests/bench/speed.mjs [runs] [port]
//   BENCH_TASKS=1 node tests/bench/speed.mjs   (also prints each run's long tasks: [start, ms],
//     and each press and tap over 50 ms: [when due, ms to paint])
//   BENCH_COMPARE=before=/path/to/other/dist node tests/bench/speed.mjs
//     (also measures another build's page, in turns with this one's)
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../local-server.mjs';
import { PROFILE, compared, launch, median, phonePage, turns } from './phone.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.argv[2] || 5);
const port = Number(process.argv[3] || 4181);
const base = `http://127.0.0.1:${port}`;
// The answering reader's pace: a tick every TICK_MS, a press every PRESS_EVERY ticks (an
// option, then Next: about three seconds a question) and a tap on the page at the others.
const TICK_MS = 100;
const PRESS_EVERY = 3;
// A reader who has not reached a result by then is reported as such.
const ANSWER_FOR_MS = 30_000;

const leptosBuilt = existsSync(join(here, '..', 'fixtures', 'leptos-quiz', 'index.html'));
const pages = [
  { name: 'vanilla HTML/JS quiz (baseline)', url: `${base}/fixtures/vanilla/index.html` },
  ...(leptosBuilt ? [{ name: 'the same quiz, plain Leptos CSR', url: `${base}/fixtures/leptos-quiz/index.html` }] : []),
  { name: 'Candor, customer-focus (10 questions)', url: `${base}/embed.html?instrument=customer-focus` },
];
// Other builds measured in the same run, in turns (BENCH_COMPARE=name=/path/to/dist,…).
const others = compared().map((build, i) => ({ ...build, port: port + 1 + i }));
for (const { name, port } of others) {
  pages.push({ name: `Candor [${name}]`, url: `http://127.0.0.1:${port}/embed.html?instrument=customer-focus` });
}
if (!leptosBuilt) console.log('(the plain Leptos reference is not built: scripts/bench.sh builds it)');

// Runs in the page before anything else: watches for the first answer option (in the page
// or in any open shadow root), presses a Start button if there is one, and records long
// tasks and the input delay of the first click.
function probe() {
  window.bench = { longest: 0, tasks: [], firstOption: null, start: null, click: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.bench.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (['pointerdown', 'pointerup', 'click'].includes(e.name)) {
        window.bench.click = Math.max(window.bench.click || 0, e.duration);
      }
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  // The page and every open shadow root in it; the functions run in the page later use it.
  const roots = () => [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
  window.benchRoots = roots;
  // Resolves with the time of the next paint: a frame's callbacks, style, layout and paint
  // run in one task, and a task asked for at user-blocking priority from its callback runs
  // right after it. A timer would also wait for the tasks the page queued before it (a
  // switch a frame callback asked for), which the reader sees painted before they run.
  window.benchPainted = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const done = () => resolve(performance.now());
        if (window.scheduler && scheduler.postTask) scheduler.postTask(done, { priority: 'user-blocking' });
        else setTimeout(done, 0);
      }),
    );
  const usable = (el) => el && !el.disabled && el.getBoundingClientRect().height > 0;
  const watch = () => {
    for (const root of roots()) {
      const option = root.querySelector('input[type=radio]');
      const label = option && option.closest('label');
      if (usable(option) && usable(label)) {
        window.bench.firstOption = performance.now();
        window.benchFound();
        return;
      }
      const start = root.querySelector('[data-testid=start]');
      if (usable(start) && window.bench.start === null) {
        window.bench.start = performance.now();
        // A tap arrives as a task of its own, not inside the frame that showed the button.
        setTimeout(() => start.click(), 0);
      }
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

// Runs in the page once the first option has been clicked: answers on to the result at the
// pace above. Each press (an unanswered question's option, else an enabled Next) and each
// tap (a click on the page's body, outside the quiz) is timed from when it was due, so a
// task that holds the main thread delays it as it would a reader's tap.
function answerOn({ tick, pressEvery, limit }) {
  const roots = window.benchRoots;
  const shown = (el) => el && el.getBoundingClientRect().height > 0;
  const find = (selector) => roots().map((r) => r.querySelector(selector)).find(shown) || null;
  // Candor's result and Next, and the baseline's.
  const result = '[data-testid=result], #quiz > p';
  const next = '[data-testid=next], #quiz > button';
  const toPress = () => {
    const options = roots().flatMap((r) => [...r.querySelectorAll('input[type=radio]')]).filter(shown);
    if (options.length && !options.some((o) => o.checked)) return options[options.length - 1].closest('label');
    const button = find(next);
    return button && !button.disabled && button.getAttribute('aria-busy') !== 'true' ? button : null;
  };
  return (async () => {
    const presses = [];
    const taps = [];
    const began = performance.now();
    let due = began;
    for (let n = 1; performance.now() - began < limit; n++) {
      due += tick;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      if (find(result)) return { presses, taps, result: performance.now() };
      const target = n % pressEvery === 0 ? toPress() : null;
      (target || document.body).click();
      const paint = await window.benchPainted();
      (target ? presses : taps).push([Math.round(due), Math.round(paint - due)]);
    }
    return { presses, taps, result: null };
  })();
}

async function measure(browser, url) {
  const { context, page } = await phonePage(browser);
  // The probe reports the first option through a binding rather than being polled: a
  // poll runs Playwright's own script in the page, a long task of its own on a 4× slower
  // CPU that would count against the page measured.
  let found;
  const firstOptionFound = new Promise((resolve) => (found = resolve));
  await page.exposeFunction('benchFound', () => found());
  await page.addInitScript(probe);
  await page.goto(url, { waitUntil: 'commit' });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer option within 60 s: ${url}`)), 60_000);
  });
  await Promise.race([firstOptionFound, timeout]).finally(() => clearTimeout(timer));
  // Click → next paint, measured in the page: from the click to the frame after it.
  const clickToPaint = await page.evaluate(async () => {
    const label = window.benchRoots().map((r) => r.querySelector('label:has(input[type=radio])')).find(Boolean);
    const started = performance.now();
    label.click();
    return (await window.benchPainted()) - started;
  });
  // The reader answers on to the result, the later bundles arriving and taking over meanwhile.
  const answering = await page.evaluate(answerOn, { tick: TICK_MS, pressEvery: PRESS_EVERY, limit: ANSWER_FOR_MS });
  if (answering.result === null) throw new Error(`no result within ${ANSWER_FOR_MS / 1000} s of answering: ${url}`);
  // The result's own drawing, in the frames after it shows.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  const bench = await page.evaluate(() => window.bench);
  // When the last byte of the page's scripts and stylesheets arrived, and of its wasm.
  const arrived = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource').filter((e) => e.startTime < window.bench.firstOption);
    const end = (re) => Math.max(0, ...entries.filter((e) => re.test(new URL(e.name).pathname)).map((e) => e.responseEnd));
    return { scripts: end(/\.(js|css)$/), wasm: end(/\.wasm$/) };
  });
  const before = bench.tasks.filter(([start]) => start < bench.firstOption);
  const longest = Math.max(0, ...before.map(([, d]) => d));
  const longestAll = Math.max(0, ...bench.tasks.filter(([start]) => start >= bench.firstOption).map(([, d]) => d));
  // When each later bundle's WebAssembly was in, to place the slow presses and taps.
  const bundles = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm'))
      .map((e) => `${new URL(e.name).pathname.slice(1).replace('_bg.wasm', '')} ${Math.round(e.responseEnd)}`),
  );
  await context.close();
  const slowest = (xs) => Math.max(0, ...xs.map(([, ms]) => ms));
  if (process.env.BENCH_TASKS) {
    const ms = (t) => Math.round(t ?? 0);
    const tasks = JSON.stringify(bench.tasks.map((t) => t.map(Math.round)));
    const slow = (xs) => JSON.stringify(xs.filter(([, d]) => d > 50));
    console.log(`${url}: scripts in ${ms(arrived.scripts)}, wasm in ${ms(arrived.wasm)}, Start ${ms(bench.start)}, option ${ms(bench.firstOption)}, result ${ms(answering.result)}, long tasks ${tasks}`);
    console.log(`    bundles in: ${bundles.join(', ') || 'none'}; presses over 50 ms ${slow(answering.presses)}, taps over 50 ms ${slow(answering.taps)}`);
  }
  return {
    firstOption: bench.firstOption,
    start: bench.start,
    ...arrived,
    longest,
    longestAll,
    clickToPaint,
    result: answering.result,
    press: slowest(answering.presses),
    tap: slowest(answering.taps),
    presses: answering.presses.length,
    taps: answering.taps.length,
  };
}

const server = await startServer(port);
const servers = await Promise.all(others.map(({ port, root }) => startServer(port, root)));
const browser = await launch();
try {
  // The pages take turns, run after run, so that a machine growing busier or quieter while
  // the benchmark runs weighs on each of them alike, and on their ratios not at all; each
  // run starts one page further on (`turns`).
  const samples = pages.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const i of turns(pages.length, r)) samples[i][r] = await measure(browser, pages[i].url);
  }
  const results = pages.map(({ name }, i) => ({
    name,
    firstOption: median(samples[i].map((s) => s.firstOption)),
    start: median(samples[i].map((s) => s.start ?? 0)),
    scripts: median(samples[i].map((s) => s.scripts)),
    wasm: median(samples[i].map((s) => s.wasm)),
    longest: median(samples[i].map((s) => s.longest)),
    longestAll: median(samples[i].map((s) => s.longestAll)),
    clickToPaint: median(samples[i].map((s) => s.clickToPaint)),
    result: median(samples[i].map((s) => s.result)),
    press: median(samples[i].map((s) => s.press)),
    tap: median(samples[i].map((s) => s.tap)),
  }));
  console.log(`${PROFILE}, median of ${runs} cold runs:`);
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(40)} scripts in ${Math.round(r.scripts)} ms${r.wasm ? ` · wasm in ${Math.round(r.wasm)} ms` : ''} · first option ${Math.round(r.firstOption)} ms${r.start ? ` (Start shown at ${Math.round(r.start)} ms)` : ''} · longest task ${Math.round(r.longest)} ms before it · click → paint ${Math.round(r.clickToPaint)} ms`,
    );
    console.log(
      `  ${''.padEnd(40)} answering on: result at ${Math.round(r.result)} ms · slowest press → paint ${Math.round(r.press)} ms, tap → paint ${Math.round(r.tap)} ms · longest task from the first option on ${Math.round(r.longestAll)} ms`,
    );
  }
  const [baseline, ...candor] = results;
  for (const r of candor) {
    console.log(`  ratio ${r.name} / baseline (first option): ${(r.firstOption / baseline.firstOption).toFixed(2)}×`);
  }
  // Every run, not only the medians: the slow tail is where a reader on a cheap phone is.
  console.log(
    "  each run (first option as a ratio of the same run's baseline · longest task before it · click → paint; answering on: slowest press → paint / tap → paint · longest task):",
  );
  for (const [i, { name }] of pages.entries()) {
    const ratio = (s, r) => (i === 0 ? '' : `${(s.firstOption / samples[0][r].firstOption).toFixed(2)}× · `);
    const each = samples[i].map(
      (s, r) => `${ratio(s, r)}${Math.round(s.longest)} ms · ${Math.round(s.clickToPaint)} ms; ${s.press} / ${s.tap} ms · ${Math.round(s.longestAll)} ms`,
    );
    console.log(`    ${name}: ${each.join(' | ')}`);
  }
} finally {
  await browser.close();
  server.close();
  for (const other of servers) other.close();
}
