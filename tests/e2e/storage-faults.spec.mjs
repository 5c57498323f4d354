// A storage that fails for a while: a full storage is not a refused one, what
// cannot be written is held in memory and goes with every hand-over, and the first write
// that succeeds stores it. The reader never lands on an earlier screen, and nothing that
// was completed is lost once storage takes a write again.
import { test, expect } from '@playwright/test';
import { Quiz, watchErrors } from './helpers.mjs';

const ID = 'customer-focus';
const KEY = `candor:default:${ID}`;

// Phone only: what is tested is storage, not the viewport.
test.skip(({ isMobile }) => !isMobile, 'storage faults are tested on the phone');

/** `localStorage.setItem` throws `name` while `window.candorFault` is set to it. */
async function faultable(page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.candorFault) throw new DOMException('storage fault', window.candorFault);
      return setItem.call(this, key, value);
    };
  });
}

const fault = (page, name) => page.evaluate((name) => (window.candorFault = name), name);

const history = (page) =>
  page.evaluate((key) => {
    const text = localStorage.getItem(`${key}:history`);
    return text ? JSON.parse(text).attempts.length : 0;
  }, KEY);

const notices = (quiz) => quiz.byTestId('notice');

/** Answers questions until `count` are answered, each with option 1. */
async function answerUpTo(quiz, count) {
  while ((await quiz.questionNumber()) <= count) {
    const number = await quiz.questionNumber();
    await quiz.answer(1);
    if (number === count) break;
  }
}

for (const [name, says] of [
  ['QuotaExceededError', /storage is full/],
  ['SecurityError', /not letting the quiz save anything/],
]) {
  test(`${name} at the last answer: the result shows, and is stored once storage works again`, async ({ page }, testInfo) => {
    await faultable(page);
    const errors = watchErrors(page);
    await page.goto(`/embed.html?instrument=${ID}`);
    const quiz = new Quiz(page, ID, testInfo);
    await quiz.start();
    const { total } = await quiz.progress();
    await answerUpTo(quiz, total - 1);

    // The last answer and Next while storage fails: the hand-over and the full bundle's own
    // probe meet the fault too.
    await fault(page, name);
    await quiz.answer(1);
    await expect(quiz.byTestId('headline')).toBeVisible();
    await expect(notices(quiz)).toContainText([says]);
    expect(await history(page)).toBe(0);

    // Storage works again: the retake's first save stores the held result too.
    await fault(page, null);
    await quiz.press(quiz.byTestId('retake'));
    await expect(quiz.byTestId('question')).toBeVisible();
    await expect(notices(quiz)).toHaveText([/saved in this browser again/]);
    expect(await history(page)).toBe(1);
    await answerUpTo(quiz, total);
    await expect(quiz.byTestId('headline')).toBeVisible();
    expect(await history(page)).toBe(2);

    await page.reload();
    await expect(quiz.byTestId('headline')).toBeVisible();
    await expect(quiz.byTestId('history').locator('li')).toHaveCount(2);
    expect(errors).toEqual([]);
  });
}

test('a full storage during a retake: the finished attempt is stored when the page closes', async ({ page }, testInfo) => {
  await faultable(page);
  await page.goto(`/embed.html?instrument=${ID}`);
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.start();
  const { total } = await quiz.progress();
  await answerUpTo(quiz, total);
  await expect(quiz.byTestId('headline')).toBeVisible();

  // The storage fills up from the first answer of the retake to its result.
  await quiz.press(quiz.byTestId('retake'));
  await fault(page, 'QuotaExceededError');
  await answerUpTo(quiz, 3);
  await expect(notices(quiz)).toHaveText([/storage is full/]);
  // Reloading now would resume at question 1: the widget holds question 4 in memory.
  await expect(quiz.byTestId('progress')).toHaveText(`Question 4 of ${total}`);
  await answerUpTo(quiz, total);
  await expect(quiz.byTestId('headline')).toBeVisible();
  await expect(quiz.byTestId('history').locator('li')).toHaveCount(2);
  expect(await history(page)).toBe(1);

  // Space is freed; the reader leaves the page, which stores what was held.
  await fault(page, null);
  await page.reload();
  await expect(quiz.byTestId('headline')).toBeVisible();
  await expect(quiz.byTestId('history').locator('li')).toHaveCount(2);
  expect(await history(page)).toBe(2);
});
