// Speed benchmark (figures to read, not a pass/fail test) for the screens a new reader does
// not see first, on the phone of speed.mjs (phone.mjs): time from navigation to
// - a returning reader's result (on the standalone page and on a host page with the one
//   tag), shown as last drawn while the full bundle loads;
// - a result someone shared, opened by a new visitor (both pages), and the facilitator's
//   screen (its own page, and a host page with the one tag), each drawn by a bundle of its
//   own, and the facilitator's box for codes, which the bundle that draws that screen
//   whole brings;
// - the question a reader who left half-way comes back to, shown as last drawn while the
//   small bundle loads;
// - the authoring page's start screen;
// - an LMS package's launch page (tools/scorm.mjs): a new learner's first screen, and a
//   learner coming back half-way or to their result.
// The vanilla quiz's first option is measured in the same run as the baseline.
//
//   node tests/bench/later-screens.mjs [runs] [port]
//   BENCH_COMPARE=before=/path/to/other/dist node tests/bench/later-screens.mjs
//     (also measures another build's pages, in turns with this one's)
//   BENCH_LINK=1 node tests/bench/later-screens.mjs
//     (the pages download over one shared link, the server's (phone.mjs `LINK`), with their
//     service worker: what the worker downloads then slows what the page downloads)
//   BENCH_PAGES='shared result' node tests/bench/later-screens.mjs
//     (only the pages whose name the regular expression matches; the baseline always runs)
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unpack } from '../../tools/scorm.mjs';
import { startServer } from '../local-server.mjs';
import { LINK, PROFILE, compared, launch, median, phonePage, turns } from './phone.mjs';

const runs = Number(process.argv[2] || 5);
const port = Number(process.argv[3] || 4184);
const link = process.env.BENCH_LINK ? LINK : null;
const only = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;
const base = `http://127.0.0.1:${port}`;

// The instrument the returning reader took (the one tests/fixtures/widget.html shows).
const RETURNING = 'service-or-servility';
// How many questions the reader who left half-way answered.
const HALF_WAY = 4;

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures');

// Writes the SCORM 1.2 package of RETURNING, made from the built site at `dist` by that
// checkout's tools/scorm.mjs (this one's when it has none set up), into tests/fixtures/lms-test/
// (ignored by git); resolves to the launch page's path on the test server. The page is
// opened on its own, without an LMS around it: it says the course cannot be reached and the
// quiz goes on, and the LMS's own page is not Candor's to time.
async function lmsPackage(dist, folder) {
  const theirs = join(dist, '..', 'tools');
  const tools = join(existsSync(join(theirs, 'node_modules')) ? theirs : join(here, '..', '..', 'tools'), 'scorm.mjs');
  const { buildPackages } = await import(pathToFileURL(tools).href);
  const [pkg] = await buildPackages({ source: RETURNING, dist });
  const root = join(fixtures, 'lms-test', folder);
  rmSync(root, { recursive: true, force: true });
  unpack(pkg.files, root);
  return `/fixtures/lms-test/${folder}/index.html`;
}

// What each page is waited for: `selector` visible in the page or in an open shadow root;
// `storage`: the reader's records the page opens with (none: a new reader); `shared`: the
// page's address carries the returning reader's share link (`#candor=<their code>`).
// Candor's pages on the build served at `site`, its LMS launch page at `lms`, named with
// `label`.
const candorPages = (site, lms, label) => [
  { name: 'returning reader, result: standalone page', url: `${site}/embed.html?instrument=${RETURNING}`, selector: '[data-testid=result]', storage: 'finished' },
  { name: 'returning reader, result: host page tag', url: `${site}/fixtures/widget.html`, selector: '[data-testid=result]', storage: 'finished' },
  { name: 'shared result, new visitor: standalone page', url: `${site}/embed.html?instrument=${RETURNING}`, selector: '[data-testid=shared-banner]', shared: true },
  { name: 'shared result, new visitor: host page tag', url: `${site}/fixtures/widget.html`, selector: '[data-testid=shared-banner]', shared: true },
  { name: 'facilitator page, facilitator screen', url: `${site}/facilitator.html`, selector: '[data-testid=facilitator]' },
  { name: 'facilitator screen: host page tag', url: `${site}/fixtures/host-facilitator.html`, selector: '[data-testid=facilitator]' },
  // The box for codes, which the bundle that draws the facilitator's screen whole brings.
  { name: 'facilitator page, box for codes', url: `${site}/facilitator.html`, selector: '[data-testid=paste]' },
  { name: 'facilitator box for codes: host page tag', url: `${site}/fixtures/host-facilitator.html`, selector: '[data-testid=paste]' },
  { name: 'reader who left half-way: standalone page', url: `${site}/embed.html?instrument=${RETURNING}`, selector: `[data-testid=question][data-index="${HALF_WAY}"]`, storage: 'halfWay' },
  { name: 'reader who left half-way: host page tag', url: `${site}/fixtures/widget.html`, selector: `[data-testid=question][data-index="${HALF_WAY}"]`, storage: 'halfWay' },
  { name: 'authoring page, start screen ready', url: `${site}/author.html`, selector: '#copy-builtin' },
  { name: 'LMS launch page, new learner: first screen', url: `${site}${lms}`, selector: '[data-testid=start]' },
  { name: 'LMS launch page, learner who left half-way', url: `${site}${lms}`, selector: `[data-testid=question][data-index="${HALF_WAY}"]`, storage: 'lmsHalfWay' },
  { name: 'LMS launch page, learner who finished: result', url: `${site}${lms}`, selector: '[data-testid=result]', storage: 'lmsFinished' },
]
  .filter((page) => !only || only.test(page.name))
  .map((page) => ({ ...page, site, lms, name: label ? `${page.name} [${label}]` : page.name }));

const others = compared().map((build, i) => ({ ...build, port: port + 1 + i }));
const pages = [
  { name: 'vanilla quiz, first option (baseline)', url: `${base}/fixtures/vanilla/index.html`, selector: 'input[type=radio]' },
  ...candorPages(base, await lmsPackage(join(here, '..', '..', 'dist'), 'bench-0')),
  ...(
    await Promise.all(others.map(async ({ name, port, root }, i) => candorPages(`http://127.0.0.1:${port}`, await lmsPackage(root, `bench-${i + 1}`), name)))
  ).flat(),
];

// Runs in the page before anything else: reports, through a binding, when `selector` is
// first visible (a poll from the benchmark would run script in the page, on its clock).
function probe(selector) {
  const roots = () => [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
  const watch = () => {
    for (const root of roots()) {
      const found = root.querySelector(selector);
      if (found && found.getBoundingClientRect().height > 0) {
        window.benchFound(performance.now());
        return;
      }
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

// The storage of a reader who took the instrument once on the page at `url` (answers: the
// first option each time), or who left after `answers` questions, taken from the widget
// itself without throttling; with the result's code once they finished.
async function returningReader(browser, url, answers = Infinity) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const widget = page.locator('candor-quiz');
  await widget.getByTestId('start').click();
  const result = widget.getByTestId('result');
  for (let answered = 0; answered < answers && !(await result.isVisible()); answered++) {
    const question = widget.getByTestId('question');
    await question.waitFor();
    const index = await question.getAttribute('data-index');
    await question.locator('input[type=radio]').first().check();
    await widget.getByTestId('next').click();
    // The next question, or the result.
    await page.waitForFunction(
      (before) => {
        const root = document.querySelector('candor-quiz').shadowRoot;
        const q = root.querySelector('[data-testid=question]');
        return root.querySelector('[data-testid=result]') || (q && q.getAttribute('data-index') !== before);
      },
      index,
    );
  }
  // The screen they left is kept once their page is idle: a reader who comes back later.
  await page.waitForFunction(() =>
    Object.keys(localStorage).some((key) => {
      if (!key.endsWith(':kept')) return false;
      const { records } = JSON.parse(localStorage.getItem(key));
      const prefix = key.slice(0, -'kept'.length);
      return records[0] === localStorage.getItem(`${prefix}progress`) && records[1] === localStorage.getItem(`${prefix}history`);
    }),
  );
  const state = await context.storageState();
  const code = (await result.isVisible()) ? await widget.getByTestId('code').textContent() : null;
  await context.close();
  return { state, code };
}

async function measure(browser, { url, selector }, storageState, code) {
  // No service worker under the browser's throttling: the standalone page's worker fetches
  // the widget's files to cache them outside it, and would hand the page a bundle it did not
  // wait for. Over the server's link, the worker's downloads share the page's.
  const workers = link ? {} : { serviceWorkers: 'block' };
  const { context, page } = await phonePage(browser, { storageState, ...workers }, { link });
  let found;
  const shown = new Promise((resolve) => (found = resolve));
  await page.exposeFunction('benchFound', (at) => found(at));
  await page.addInitScript(probe, selector);
  await page.goto(code ? `${url}#candor=${code}` : url, { waitUntil: 'commit' });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${selector} not shown within 60 s: ${url}`)), 60_000);
  });
  const at = await Promise.race([shown, timeout]).finally(() => clearTimeout(timer));
  if (process.env.BENCH_FILES) {
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, Math.round(e.startTime), Math.round(e.responseEnd)]));
    console.log(url, Math.round(at), JSON.stringify(files));
  }
  await context.close();
  return at;
}

const server = await startServer(port, undefined, { link });
const servers = await Promise.all(others.map(({ port, root }) => startServer(port, root, { link })));
const browser = await launch();
try {
  // Storage belongs to an origin: each build's reader is made on its own server.
  const storage = {};
  for (const [site, lms] of new Map(pages.filter((page) => page.site).map((page) => [page.site, page.lms]))) {
    const standalone = `${site}/embed.html?instrument=${RETURNING}`;
    const finished = await returningReader(browser, standalone);
    storage[site] = {
      finished: finished.state,
      code: finished.code,
      halfWay: (await returningReader(browser, standalone, HALF_WAY)).state,
      // A learner's kept screen holds for the page that kept it: made on the launch page.
      lmsFinished: (await returningReader(browser, `${site}${lms}`)).state,
      lmsHalfWay: (await returningReader(browser, `${site}${lms}`, HALF_WAY)).state,
    };
  }
  // The pages take turns, run after run (see speed.mjs).
  const samples = pages.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const i of turns(pages.length, r)) {
      const page = pages[i];
      const stored = page.site && storage[page.site];
      samples[i][r] = await measure(browser, page, page.storage && stored[page.storage], page.shared && stored.code);
    }
  }
  const results = pages.map(({ name }, i) => ({ name, at: median(samples[i]), samples: samples[i] }));
  console.log(`${PROFILE}${link ? ', over the server\'s link, with service workers' : ''}, median of ${runs} cold runs:`);
  const [baseline] = results;
  for (const r of results) {
    const runs = r.samples.map(Math.round).join(', ');
    console.log(`  ${r.name.padEnd(56)} ${Math.round(r.at)} ms (${(r.at / baseline.at).toFixed(2)}× the baseline; runs ${runs})`);
  }
} finally {
  await browser.close();
  server.close();
  for (const other of servers) other.close();
}
