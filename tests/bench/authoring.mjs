// How quickly the authoring page answers a trainer on a phone (a benchmark that reports
// figures, not a pass/fail test): the built-in with the longest form (customer-focus) copied into a
// draft, then keys typed in its first question's text and a question added, each timed
// from the input to the next paint (the browser's Event Timing: the event's processing and
// the drawing it caused, in steps of 8 ms). CPU 4× slower, as the phone of the load
// benchmarks. Builds given in BENCH_COMPARE are measured in turns with this one.
//
//   node tests/bench/authoring.mjs [keys]
//   BENCH_COMPARE=before=/path/to/other/dist node tests/bench/authoring.mjs 20
import { startServer } from '../local-server.mjs';
import { PROFILE, compared, launch, median, phonePage } from './phone.mjs';

const keys = Number(process.argv[2] || 20);
const runs = 3;
const port = Number(process.env.CANDOR_BENCH_PORT || 4183);

// In the page: the longest event of each interaction, from the first input on.
function observe() {
  window.benchLongest = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.interactionId) continue;
      window.benchLongest.set(e.interactionId, Math.max(window.benchLongest.get(e.interactionId) || 0, e.duration));
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: false });
}

/** The durations of the interactions since `observe`, then forgets them. */
const taken = (page) =>
  page.evaluate(() => {
    const all = [...window.benchLongest.values()];
    window.benchLongest.clear();
    return all;
  });

async function measure(browser, base) {
  const { context, page } = await phonePage(browser, { serviceWorkers: 'block' });
  await page.goto(`${base}/author.html`);
  await page.locator('#builtin').selectOption('customer-focus');
  await page.locator('#copy-builtin').click();
  const text = page.locator('[data-path="items[0].text"]');
  await text.waitFor();
  await page.evaluate(observe);
  await text.focus();
  await text.press('End');
  const typed = [];
  for (let k = 0; k < keys; k++) {
    await page.keyboard.type('x');
    // Typing waits for the page: the next key comes once this one has painted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    typed.push(...(await taken(page)));
  }
  // Interactions under 16 ms are not reported: count them as 16.
  while (typed.length < keys) typed.push(16);
  const before = await page.locator('#f-items > ol > li').count();
  await page.locator('#f-items-add').click();
  await page.locator(`#f-items-${before}`).waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const added = Math.max(16, ...(await taken(page)));
  await context.close();
  return { key: median(typed), slowest: Math.max(...typed), added };
}

const builds = [{ name: 'this build' }, ...compared()];
const servers = await Promise.all(builds.map((b, i) => startServer(port + i, b.root)));
const browser = await launch();
try {
  const samples = builds.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, server] of servers.entries()) samples[i].push(await measure(browser, server.base));
  }
  console.log(`${PROFILE}: the authoring page, customer-focus, ${keys} keys, median of ${runs} runs`);
  for (const [i, build] of builds.entries()) {
    const pick = (field) => median(samples[i].map((s) => s[field]));
    const all = (field) => samples[i].map((s) => Math.round(s[field])).join(', ');
    console.log(
      `  ${build.name.padEnd(12)} a key: ${pick('key')} ms (runs ${all('key')}); slowest key ${pick('slowest')} ms (runs ${all('slowest')}); a question added ${pick('added')} ms (runs ${all('added')})`,
    );
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
}
