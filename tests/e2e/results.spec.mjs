// Results that travel without a server: a workshop's codes become the
// facilitator's group profile; a share link opens a read-only result; a result prints alone.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz, requestedPaths } from './helpers.mjs';

const workshop = JSON.parse(
  readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'),
).workshop;
const ID = workshop.id;
// The shared result's bundle of its model.
const SHARED = `candor-shared-${workshop.model}`;

/** Completes the quiz at `url` in a fresh context with `answers` and returns the code shown. */
async function attend(browser, url, answers, testInfo) {
  const context = await browser.newContext(testInfo.project.use);
  const page = await context.newPage();
  await page.goto(url);
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.press(quiz.byTestId('start'));
  for (const value of answers) await quiz.answer(value);
  const code = await quiz.byTestId('code').textContent();
  await context.close();
  return code.trim();
}

/** A copy of `code` with one character changed. */
function corrupt(code) {
  const i = 9;
  const swap = code[i] === '7' ? '8' : '7';
  return code.slice(0, i) + swap + code.slice(i + 1);
}

test("a workshop: attendees' codes in a chat become the group profile the core computes", async ({ page, browser }, testInfo) => {
  await page.goto('/facilitator.html');
  const facilitator = page.locator('candor-quiz');
  await expect(facilitator.getByTestId('facilitator')).toBeVisible();
  await facilitator.getByTestId('instrument-choice').selectOption(ID);
  await expect(facilitator.getByTestId('facilitator')).toContainText('Service or servility?');
  await facilitator.getByTestId('session').fill(workshop.session);
  const link = await facilitator.getByTestId('attendee-link').getAttribute('href');
  expect(link).toContain(`instrument=${ID}`);
  expect(link).toContain('session=WS-42');

  const codes = [];
  for (const answers of workshop.attendees) codes.push(await attend(browser, link, answers, testInfo));
  const elsewhere = await attend(browser, link.replace('WS-42', 'OTHER-ROOM'), Array(16).fill(0), testInfo);

  const chat = [
    `[10:02] Ana: done! my code is ${codes[0]}`,
    `[10:03] Bo: ${codes[1]}`,
    `[10:03] Cara: here -> ${codes[2]} :)`,
    `[10:04] Ana: posting again ${codes[0]}`,
    `[10:05] Dev: ${corrupt(codes[1])}`,
    `[10:05] Eli (other room): ${elsewhere}`,
    `[10:06] Facilitator: thanks all, 3 minutes left`,
  ].join('\n');
  await facilitator.getByTestId('paste').fill(chat);

  const report = facilitator.getByTestId('group-report');
  await expect(report.getByTestId('group-count')).toHaveText('3 code(s) in the group.');
  await expect(report.getByTestId('rejected-invalid')).toContainText('1 invalid');
  await expect(report.getByTestId('rejected-other-session')).toContainText('1 from another session');
  await expect(report.getByTestId('rejected-duplicate')).toContainText('1 duplicate');
  for (const stat of workshop.stats) {
    const row = report.getByTestId(`stat-${stat.id}`);
    await expect(row.locator('td').nth(0)).toHaveText(stat.mean);
    await expect(row.locator('td').nth(1)).toHaveText(stat.sd);
    await expect(row.locator('td').nth(2)).toHaveText(stat.range);
  }
  for (const c of workshop.counts) {
    await expect(report.getByTestId(`count-${c.set}-${c.id}`)).toHaveText(new RegExp(`^${c.count} \\(`));
  }

  const [download] = await Promise.all([page.waitForEvent('download'), facilitator.getByTestId('export-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  expect(csv[0]).toBe('code,status,quadrant,slope,partnership,servility,not_applicable');
  expect(csv.filter((l) => l.includes(',ok,'))).toHaveLength(3);
  expect(csv.filter((l) => /,(invalid|other-session|duplicate)$/.test(l))).toHaveLength(3);
});

test('a share link opens the same result read-only, with its own bundle, and leaves no trace', async ({ page, browser }, testInfo) => {
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.press(quiz.byTestId('start'));
  for (const value of workshop.attendees[1]) await quiz.answer(value);
  const headline = await quiz.byTestId('headline').textContent();
  const link = await quiz.byTestId('share-link').inputValue();
  expect(link).toMatch(/#candor=2[0-9A-Z]{16}$/);
  await expect(quiz.byTestId('qr')).toBeVisible();

  const other = await browser.newContext(testInfo.project.use);
  const friend = await other.newPage();
  const requested = requestedPaths(friend, /candor-(take|widget|shared)/);
  await friend.goto(link);
  const shared = new Quiz(friend, ID, testInfo);
  await expect(shared.byTestId('shared-banner')).toBeVisible();
  await expect(shared.byTestId('headline')).toHaveText(headline);
  await expect(shared.byTestId('score-partnership')).toHaveText('44');
  expect([...requested].sort()).toEqual([`${SHARED}.js`, `${SHARED}_bg.wasm`]);
  const stored = await friend.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('candor:')));
  expect(stored).toEqual([]);
  // Taking it oneself: the code leaves the address, so a reload opens the reader's own quiz.
  await shared.press(shared.byTestId('take-yourself'));
  await expect(shared.byTestId('intro')).toBeVisible();
  await expect(shared.byTestId('intro').locator('h2')).toBeFocused();
  expect(new URL(friend.url()).hash).toBe('');
  await friend.reload();
  await expect(shared.byTestId('intro')).toBeVisible();

  // A damaged code says so; the page's other instruments are the reader's own quizzes.
  const code = link.split('#candor=')[1];
  const damaged = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
  requested.length = 0;
  await friend.goto(`/fixtures/course.html#candor=${damaged}`);
  await expect(shared.byTestId('shared-damaged')).toBeVisible();
  await expect(new Quiz(friend, 'trust-equation', testInfo).byTestId('intro')).toBeVisible();
  // The page's three instruments have three models: every widget loaded the bundle of the
  // model the code is of, which handed the others back.
  expect(new Set(requested.filter((path) => path.startsWith('candor-shared')))).toEqual(new Set([`${SHARED}.js`, `${SHARED}_bg.wasm`]));
  await shared.press(shared.byTestId('take-yourself'));
  await expect(shared.byTestId('intro')).toBeVisible();

  // The standalone page asks for the shared result's WebAssembly as it is read, and the
  // bundle uses that download: the file is fetched once, by the page's preload.
  await friend.goto(`/embed.html?instrument=${ID}#candor=${code}`);
  await expect(shared.byTestId('headline')).toHaveText(headline);
  const fetched = await friend.evaluate(
    (wasm) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/${wasm}`)).map((e) => e.initiatorType),
    `${SHARED}_bg.wasm`,
  );
  expect(fetched).toEqual(['link']);
  await other.close();
});

test('printing shows the result alone, without buttons or page chrome', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    window.printed = 0;
    window.print = () => {
      window.printed++;
    };
  });
  await page.goto('/');
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.press(quiz.byTestId('start'));
  for (const value of workshop.attendees[0]) await quiz.answer(value);
  await quiz.press(quiz.byTestId('print'));
  expect(await page.evaluate(() => window.printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(quiz.byTestId('headline')).toBeVisible();
  await expect(quiz.byTestId('map')).toBeVisible();
  await expect(quiz.byTestId('retake')).toBeHidden();
  await expect(quiz.byTestId('data')).toBeHidden();
  const chrome = await page.evaluate(() => ({
    header: getComputedStyle(document.querySelector('.demo-header')).visibility,
    nav: getComputedStyle(document.querySelector('.demo-nav')).visibility,
    otherQuiz: getComputedStyle(document.querySelector('candor-quiz[instrument="trust-equation"]')).visibility,
  }));
  expect(chrome).toEqual({ header: 'hidden', nav: 'hidden', otherQuiz: 'hidden' });
});

test('earlier results show as a list and a trend', async ({ page }, testInfo) => {
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.press(quiz.byTestId('start'));
  for (const value of workshop.attendees[0]) await quiz.answer(value);
  await quiz.press(quiz.byTestId('retake'));
  for (const value of workshop.attendees[2]) await quiz.answer(value);
  await expect(quiz.byTestId('history').locator('li')).toHaveCount(2);
  await expect(quiz.byTestId('trend')).toHaveAttribute('aria-label', /Partnership: 75, 25; Servility: 60, 0/);
});
