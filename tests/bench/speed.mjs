// Speed benchmark (figures to read, not a pass/fail test): time from navigation to the first
// answer option being visible, enabled and clickable; the longest main-thread task before
// it (and over the first 3 s, where a bundle arriving after a first screen does its work);
// when the page's scripts and its wasm arrived; and click → next paint, for Candor's
// standalone page and a hand-written ten-question
// quiz measured in the same run. Debian Chromium on a phone profile: 412 × 823, CPU 4×
// slower, 150 ms latency, 1.6 Mbps down, 750 kbps up, a fresh profile per run.
//
// A second reference, the same quiz as the plainest Leptos CSR app (bench/leptos-quiz,
// built by scripts/bench.sh into tests/fixtures/leptos-quiz/), shows what the stack itself
// costs before any of Candor's code; it is skipped when it has not been built.
//
//   node tests/bench/speed.mjs [runs] [port]
//   BENCH_TASKS=1 node tests/bench/speed.mjs   (also prints each run's long tasks: [start, ms])
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
// Long tasks are also reported over this window from navigation (the first option and a
// click on it included), where a bundle that arrives after the first screen does its work.
const WINDOW_MS = 3000;

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
  const roots = () => [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
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
  const clickToPaint = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
        const label = roots.map((r) => r.querySelector('label:has(input[type=radio])')).find(Boolean);
        const started = performance.now();
        label.click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
      }),
  );
  // What the page did in its first seconds after the first option: a bundle that arrives
  // later (Candor's takes over from its first screen) runs its long tasks then.
  // (One timer in the page: polling from here would run tasks of its own in the page.)
  await page.evaluate((end) => new Promise((resolve) => setTimeout(resolve, Math.max(0, end - performance.now()))), WINDOW_MS);
  const bench = await page.evaluate(() => window.bench);
  // When the last byte of the page's scripts and stylesheets arrived, and of its wasm.
  const arrived = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource').filter((e) => e.startTime < window.bench.firstOption);
    const end = (re) => Math.max(0, ...entries.filter((e) => re.test(new URL(e.name).pathname)).map((e) => e.responseEnd));
    return { scripts: end(/\.(js|css)$/), wasm: end(/\.wasm$/) };
  });
  const before = bench.tasks.filter(([start]) => start < bench.firstOption);
  const longest = Math.max(0, ...before.map(([, d]) => d));
  const longestAll = Math.max(0, ...bench.tasks.filter(([start]) => start < WINDOW_MS).map(([, d]) => d));
  await context.close();
  if (process.env.BENCH_TASKS) {
    const ms = (t) => Math.round(t ?? 0);
    const tasks = JSON.stringify(bench.tasks.map((t) => t.map(Math.round)));
    console.log(`${url}: scripts in ${ms(arrived.scripts)}, wasm in ${ms(arrived.wasm)}, Start ${ms(bench.start)}, option ${ms(bench.firstOption)}, long tasks ${tasks}`);
  }
  return { firstOption: bench.firstOption, start: bench.start, ...arrived, longest, longestAll, clickToPaint };
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
  }));
  console.log(`${PROFILE}, median of ${runs} cold runs:`);
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(40)} scripts in ${Math.round(r.scripts)} ms${r.wasm ? ` · wasm in ${Math.round(r.wasm)} ms` : ''} · first option ${Math.round(r.firstOption)} ms${r.start ? ` (Start shown at ${Math.round(r.start)} ms)` : ''} · longest task ${Math.round(r.longest)} ms before it, ${Math.round(r.longestAll)} ms in the first ${WINDOW_MS / 1000} s · click → paint ${Math.round(r.clickToPaint)} ms`,
    );
  }
  const [baseline, ...candor] = results;
  for (const r of candor) {
    console.log(`  ratio ${r.name} / baseline (first option): ${(r.firstOption / baseline.firstOption).toFixed(2)}×`);
  }
  // Every run, not only the medians: the slow tail is where a reader on a cheap phone is.
  console.log('  each run (first option as a ratio of the same run\'s baseline · longest task before it · click → paint):');
  for (const [i, { name }] of pages.entries()) {
    if (i === 0) continue;
    const each = samples[i].map((s, r) => `${(s.firstOption / samples[0][r].firstOption).toFixed(2)}× · ${Math.round(s.longest)} ms · ${Math.round(s.clickToPaint)} ms`);
    console.log(`    ${name}: ${each.join(' | ')}`);
  }
} finally {
  await browser.close();
  server.close();
  for (const other of servers) other.close();
}
