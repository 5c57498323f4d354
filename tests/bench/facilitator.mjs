// In-browser measurement of the facilitator's group profile for 1,000 and 100,000 codes
// (a benchmark that reports figures, not a pass/fail test). Codes arrive as a real paste
// does: one `paste` event carrying the text. Then a key is typed in the session's tag,
// twice, with the codes in. Run by scripts/bench.sh after a
// build; it serves dist/ itself.
//
//   node tests/bench/facilitator.mjs [instrument] [port] [site]
//
// `site` is another build's dist/ to measure instead of this one's.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startServer } from '../local-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const instrument = process.argv[2] || 'trust-equation';
const port = Number(process.argv[3] || 4180);
const site = process.argv[4];
const counts = [1000, 100000];
const runs = 3;

const codes = (n) =>
  execFileSync('cargo', ['run', '-q', '-p', 'candor-core', '--release', '--example', 'codes', '--', instrument, String(n), 'WS-42'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  }).toString();

async function clear(page) {
  await page.evaluate(() => {
    const root = document.querySelector('candor-quiz').shadowRoot;
    const clear = root.querySelector('[data-testid="clear-bulk"]');
    if (clear) clear.click();
    const box = root.querySelector('[data-testid="paste"]');
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

// What the screen says the core took, in milliseconds.
async function coreTime(quiz) {
  const took = await quiz.getByTestId('group-time').textContent();
  return Number(/(\d+) ms/.exec(took)[1]);
}

const server = await startServer(port, site);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  // The longest task that ended after the last paste began, for the figures.
  await page.addInitScript(() => {
    window.candorLongest = 0;
    window.candorSince = Infinity;
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        if (task.startTime + task.duration > window.candorSince) window.candorLongest = Math.max(window.candorLongest, task.duration);
      }
    }).observe({ type: 'longtask' });
  });
  await page.goto(`${server.base}/facilitator.html`);
  const quiz = page.locator('candor-quiz');
  await quiz.getByTestId('instrument-choice').selectOption(instrument);
  await quiz.getByTestId('session').fill('WS-42');
  console.log(`facilitator group profile, ${instrument}${site ? ` (${site})` : ''}, median of ${runs} runs`);
  for (const n of counts) {
    const text = codes(n);
    const inside = [];
    const wall = [];
    const longest = [];
    const typedInside = [];
    const typedWall = [];
    for (let r = 0; r < runs; r++) {
      await clear(page);
      // The text goes into the page first: handing it over is the bench's work, not Candor's.
      await page.evaluate((text) => {
        window.candorText = text;
      }, text);
      // As a real paste: one new value, one input event; time until the figures are drawn.
      const ms = await page.evaluate(
        ({ n }) =>
          new Promise((resolve) => {
            const text = window.candorText;
            const root = document.querySelector('candor-quiz').shadowRoot;
            const box = root.querySelector('[data-testid="paste"]');
            const started = performance.now();
            window.candorLongest = 0;
            window.candorSince = started;
            if (text.length >= 64 * 1024) {
              // A large paste: the widget takes it in bulk, out of the text box.
              const data = new DataTransfer();
              data.setData('text/plain', text);
              box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            } else {
              // A small one lands in the box, as a synthetic paste event cannot do.
              box.value = text;
              box.dispatchEvent(new Event('input', { bubbles: true }));
            }
            const done = () => {
              const count = root.querySelector('[data-testid="group-count"]');
              if (count && count.textContent.startsWith(`${n} code`)) {
                // Wait for the frame that shows it.
                requestAnimationFrame(() => resolve(performance.now() - started));
              } else {
                requestAnimationFrame(done);
              }
            };
            done();
          }),
        { n },
      );
      wall.push(Math.round(ms));
      inside.push(await coreTime(quiz));
      longest.push(Math.round(await page.evaluate(() => window.candorLongest)));
      // The session's tag typed with the codes in: its last letter deleted (no code of the
      // session is left), then typed again; each keystroke until its figures are drawn.
      for (const [tag, shown] of [['WS-4', false], ['WS-42', true]]) {
        const ms = await page.evaluate(
          ({ tag, shown, n }) =>
            new Promise((resolve) => {
              const root = document.querySelector('candor-quiz').shadowRoot;
              const box = root.querySelector('[data-testid="session"]');
              const started = performance.now();
              box.value = tag;
              box.dispatchEvent(new Event('input', { bubbles: true }));
              const done = () => {
                const count = root.querySelector('[data-testid="group-count"]');
                if (count && count.textContent.startsWith(`${n} code`) === shown) {
                  requestAnimationFrame(() => resolve(performance.now() - started));
                } else {
                  requestAnimationFrame(done);
                }
              };
              done();
            }),
          { tag, shown, n },
        );
        typedWall.push(Math.round(ms));
        typedInside.push(await coreTime(quiz));
      }
    }
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `  ${String(n).padStart(6)} codes: core in wasm ${median(inside)} ms; paste to figures on screen ${median(wall)} ms; longest task ${median(longest)} ms`,
    );
    console.log(`  ${' '.repeat(6)}        a key in the session's tag: core in wasm ${median(typedInside)} ms; key to figures on screen ${median(typedWall)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
