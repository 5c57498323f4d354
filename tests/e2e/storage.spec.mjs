// The storage contract in a real browser: every fault is injected, the reader
// sees a short notice, the quiz still completes, and nothing stored before is lost.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz, refuseStorage, watchErrors } from './helpers.mjs';

const ID = 'service-or-servility';
const NS = 'candor:default:service-or-servility';
const PATTERN = Array.from({ length: 16 }, (_, k) => k % 5);

/** Every localStorage entry, as stored. */
const snapshot = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => !k.endsWith(':kept')).map((k) => [k, localStorage.getItem(k)])));

/** Writes `entries` into localStorage on the widget's origin before the widget loads. */
async function seed(page, entries) {
  await page.goto('/fixtures/blank.html');
  await page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);
}

async function completeAll(quiz, pattern = PATTERN) {
  await quiz.press(quiz.byTestId('start'));
  for (const value of pattern) await quiz.answer(value);
  await expect(quiz.byTestId('headline')).toHaveText('Going through the motions');
}

const attempt = (t, version = 1) => ({
  completed_at: t,
  version,
  answers: Array(16).fill(3),
  group: null,
  headline: 'Eager to please',
  scores: [
    { id: 'partnership', value: 75 },
    { id: 'servility', value: 60 },
  ],
});

test('storage blocked: the getter throws, the quiz runs in memory and says so', async ({ page }, testInfo) => {
  await refuseStorage(page);
  const errors = watchErrors(page);
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  await expect(quiz.byTestId('notice')).toContainText('not letting the quiz save anything');
  await completeAll(quiz);
  expect(errors).toEqual([]);
});

test('setItem always throws: the quiz runs in memory and says so', async ({ page }, testInfo) => {
  await seed(page, { 'host:own-key': 'kept' });
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('denied', 'SecurityError');
    };
  });
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  await expect(quiz.byTestId('notice')).toContainText('not letting the quiz save anything');
  await completeAll(quiz);
  expect(await snapshot(page)).toEqual({ 'host:own-key': 'kept' });
});

test('a sandboxed iframe without allow-same-origin runs in memory', async ({ page }, testInfo) => {
  await page.goto('/fixtures/sandboxed.html');
  const frame = page.frameLocator('iframe');
  const quiz = new Quiz(page, ID, testInfo);
  quiz.root = frame.locator(`candor-quiz[instrument="${ID}"]`);
  await expect(quiz.byTestId('notice')).toContainText('not letting the quiz save anything');
  await completeAll(quiz);
});

test('quota full part-way: the oldest history goes first, the attempt in progress is kept', async ({ page }, testInfo) => {
  // Another instrument's old result, and twelve of ours, fill most of a small quota.
  const trust = {
    schema: 2,
    instrument: 'trust-equation',
    attempts: [{ ...attempt(1), answers: Array(20).fill(2), headline: 'TQ 3.0', scores: [] }],
  };
  const ours = { schema: 2, instrument: ID, attempts: Array.from({ length: 12 }, (_, i) => attempt(100 + i)) };
  await seed(page, {
    'candor:default:trust-equation:history': JSON.stringify(trust),
    [`${NS}:history`]: JSON.stringify(ours),
  });
  const used = await page.evaluate(() =>
    Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0),
  );
  // A quota a little above what is used now: the first saves fit, completing does not.
  await page.addInitScript((limit) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      let total = key.length + String(value).length;
      for (let i = 0; i < this.length; i++) {
        const k = this.key(i);
        if (k !== key) total += k.length + this.getItem(k).length;
      }
      if (total > limit) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  }, used + 400);
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  // The saved history shows the result screen; start a new attempt.
  await expect(quiz.byTestId('result')).toBeVisible();
  await quiz.press(quiz.byTestId('retake'));
  for (const value of PATTERN.slice(0, 15)) await quiz.answer(value);
  // The progress record is still complete after every save.
  const progress = JSON.parse((await snapshot(page))[`${NS}:progress`]);
  expect(progress.answers.slice(0, 15)).toEqual(PATTERN.slice(0, 15));
  await quiz.answer(PATTERN[15]);
  await expect(quiz.byTestId('headline')).toHaveText('Going through the motions');
  await expect(quiz.byTestId('notice').first()).toContainText('storage was full');
  const after = await snapshot(page);
  const left = JSON.parse(after[`${NS}:history`]).attempts.map((a) => a.completed_at);
  // The other instrument's older attempt went first, then ours from the oldest; the new
  // result is kept.
  expect(JSON.parse(after['candor:default:trust-equation:history']).attempts).toEqual([]);
  expect(left.length).toBeGreaterThan(1);
  const kept = left.slice(0, -1);
  expect(kept).toEqual(ours.attempts.map((a) => a.completed_at).slice(12 - kept.length));
});

test('corrupt, wrong-shape and newer records are set aside byte for byte', async ({ page }, testInfo) => {
  const records = {
    [`${NS}:progress`]: '{"schema": 2, "instrument": "service-or-servility", "answers": [1, 2',
    [`${NS}:history`]: '{"schema":99,"instrument":"service-or-servility","future":true}',
    'candor:default:trust-equation:history': '{"schema":2,"instrument":"trust-equation","attempts":"none"}',
    'host:unrelated': 'left as it is',
  };
  await seed(page, records);
  const errors = watchErrors(page);
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  await expect(quiz.byTestId('notice')).toHaveCount(2);
  await expect(quiz.byTestId('notice').first()).toContainText('could not be read');
  await expect(quiz.byTestId('notice').nth(1)).toContainText('newer version');
  await completeAll(quiz);
  const after = await snapshot(page);
  const values = Object.values(after);
  // Each record is still stored somewhere, exactly as it was.
  for (const text of Object.values(records)) expect(values).toContain(text);
  // The two of this instrument moved to backup keys; the fresh history holds the result.
  const backups = Object.keys(after).filter((k) => k.startsWith(`${NS}:`) && k.includes(':backup-'));
  expect(backups).toHaveLength(2);
  expect(JSON.parse(after[`${NS}:history`]).attempts).toHaveLength(1);
  // The other instrument's record was not touched at all.
  expect(after['candor:default:trust-equation:history']).toBe(records['candor:default:trust-equation:history']);
  expect(errors).toEqual([]);
});

test('after the instrument changes, old results keep their scores and an old attempt restarts', async ({ page }, testInfo) => {
  const oldProgress = JSON.stringify({
    schema: 2,
    instrument: ID,
    version: 0,
    seed: 5,
    position: 3,
    answers: [1, 2, 3, ...Array(13).fill(null)],
    group: null,
    started_at: 1000,
  });
  const history = JSON.stringify({ schema: 2, instrument: ID, attempts: [attempt(500, 0)] });
  await seed(page, { [`${NS}:progress`]: oldProgress, [`${NS}:history`]: history });
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  // The old result is shown as stored, labelled with its version (by the full bundle, which
  // the small one handed over to)...
  await expect(quiz.byTestId('headline')).toHaveText('Eager to please');
  await expect(quiz.byTestId('result')).toContainText('earlier version 0');
  // ...and the notice the small bundle raised when it set the old attempt aside is still there.
  await expect(quiz.byTestId('notice').filter({ hasText: 'has changed since you began' })).toBeVisible();
  await quiz.press(quiz.byTestId('retake'));
  await expect(quiz.byTestId('progress')).toHaveText('Question 1 of 16');
  for (const value of PATTERN) await quiz.answer(value);
  await expect(quiz.byTestId('history')).toContainText('earlier version 0');
  const after = await snapshot(page);
  expect(Object.values(after)).toContain(oldProgress);
  const attempts = JSON.parse(after[`${NS}:history`]).attempts;
  expect(attempts[0]).toEqual(attempt(500, 0));
  expect(attempts).toHaveLength(2);
});

/**
 * Waits until the bundle has taken over from the first screen on `page`, brought to the
 * front for it (a hidden tab's timers are slowed to one a second).
 */
async function bundleTookOver(page) {
  await page.bringToFront();
  await page.waitForFunction(() => document.querySelector('candor-quiz').mounted);
  // The take-over runs in a task queued when the bundle mounted, so before this one.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

test('two tabs on one instrument stay consistent', async ({ context }, testInfo) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/fixtures/widget.html');
  await b.goto('/fixtures/widget.html');
  // Both tabs run the bundle (a first screen does not follow the other tab) before the
  // reader starts in one.
  await bundleTookOver(b);
  await bundleTookOver(a);
  const qa = new Quiz(a, ID, testInfo);
  const qb = new Quiz(b, ID, testInfo);
  await a.bringToFront();
  await qa.press(qa.byTestId('start'));
  for (const value of PATTERN.slice(0, 3)) await qa.answer(value);
  // The other tab offers to continue where the first one is.
  await b.bringToFront();
  await expect(qb.byTestId('start')).toHaveText('Continue at question 4');
  await qb.press(qb.byTestId('start'));
  await expect(qb.byTestId('progress')).toHaveText('Question 4 of 16');
  await qb.answer(PATTERN[3]);
  // The first tab, still on question 4, now shows the answer given in the second.
  await a.bringToFront();
  await expect(qa.root.locator(`input[value="${PATTERN[3]}"]`)).toBeChecked();
  await b.bringToFront();
  for (const value of PATTERN.slice(4)) await qb.answer(value);
  // Finishing in one tab shows the result in the other.
  await a.bringToFront();
  await expect(qa.byTestId('headline')).toHaveText('Going through the motions');
  const stored = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), `${NS}:history`));
  expect(stored.attempts).toHaveLength(1);
  expect(stored.attempts[0].answers).toEqual(PATTERN);
});

test('two widgets of one instrument on one page do not corrupt each other', async ({ page }, testInfo) => {
  await page.goto('/fixtures/two-widgets.html');
  const first = new Quiz(page, ID, testInfo);
  first.root = page.locator('#first');
  const second = new Quiz(page, ID, testInfo);
  second.root = page.locator('#second');
  await completeAll(first);
  await expect(second.byTestId('headline')).toHaveText('Going through the motions');
  await second.press(second.byTestId('retake'));
  for (const value of Array(16).fill(3)) await second.answer(value);
  await expect(second.byTestId('headline')).toHaveText('Eager to please');
  await expect(first.byTestId('history').locator('li')).toHaveCount(2);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `${NS}:history`));
  expect(stored.attempts.map((a) => a.headline)).toEqual(['Going through the motions', 'Eager to please']);
});

test('export, delete everything, import: the same history comes back', async ({ page }, testInfo) => {
  await seed(page, { 'host:unrelated': 'left as it is' });
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  await completeAll(quiz);
  await quiz.press(quiz.byTestId('retake'));
  for (const value of Array(16).fill(3)) await quiz.answer(value);
  const before = await snapshot(page);

  const [download] = await Promise.all([page.waitForEvent('download'), quiz.press(quiz.byTestId('export'))]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('candor-export');
  expect(exported.records.map((r) => r.key)).toEqual(['service-or-servility:history']);

  await quiz.press(quiz.byTestId('result').getByTestId('delete'));
  await quiz.press(quiz.byTestId('delete-confirm'));
  await expect(quiz.byTestId('intro')).toBeVisible();
  await expect(quiz.byTestId('notice')).toContainText('has been deleted');
  expect(await snapshot(page)).toEqual({ 'host:unrelated': 'left as it is' });

  await quiz.press(quiz.root.locator('summary'));
  await quiz.root.getByTestId('import').setInputFiles(file);
  await expect(quiz.byTestId('notice').last()).toContainText('2 result(s) added');
  await expect(quiz.byTestId('headline')).toHaveText('Eager to please');
  expect(await snapshot(page)).toEqual(before);
});

test('a bad import file is refused with a clear message and changes nothing', async ({ page }, testInfo) => {
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  await completeAll(quiz);
  const before = await snapshot(page);
  await quiz.byTestId('result').getByTestId('import').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(quiz.byTestId('notice').last()).toContainText('Nothing was imported: this file is not a Candor export');
  expect(await snapshot(page)).toEqual(before);
});
