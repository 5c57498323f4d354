// Service or servility? end to end on the demo page: a full run with a fixed answer
// pattern, and a reload in the middle.
import { test, expect } from '@playwright/test';
import { Quiz, watchErrors } from './helpers.mjs';

// Answer k goes to question k: option (k mod 5), where 0 = never … 4 = regularly.
// Items alternate servility (even k) and partnership (odd k).
//   servility answers   0 2 4 1 3 0 2 4 → weights 0 10 100 0 60 0 10 100 = 280 / 8 = 35
//   partnership answers 1 3 0 2 4 1 3 0 → weights 25 75 0 50 100 25 75 0 = 350 / 8 = 43.75 → 44
// Partnership 44 < 50 and servility 35 < 40: "Going through the motions"; servility 35
// lies in 20–39, "Station One". Habits (weight ≥ 60), heaviest first, then by order:
// item 4 (regularly), item 14 (regularly), item 8 (often).
const PATTERN = Array.from({ length: 16 }, (_, k) => k % 5);

test('a reader completes the quiz and sees the expected scores', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const quiz = new Quiz(page, 'service-or-servility', testInfo);
  await quiz.start();
  await expect(quiz.byTestId('progress')).toHaveText('Question 1 of 16');
  for (const value of PATTERN) await quiz.answer(value);

  await expect(quiz.byTestId('headline')).toHaveText('Going through the motions');
  await expect(quiz.byTestId('score-partnership')).toHaveText('44');
  await expect(quiz.byTestId('score-servility')).toHaveText('35');
  await expect(quiz.byTestId('slope')).toHaveText('You are at: Station One.');
  await expect(quiz.byTestId('slope-chart')).toHaveAttribute('aria-label', /“Station One”, station 2 of 4/);
  const habits = quiz.byTestId('habits').locator('li');
  await expect(habits).toHaveCount(3);
  await expect(habits.nth(0)).toContainText('give up a weekend');
  await expect(habits.nth(1)).toContainText('notices the extra effort');
  await expect(habits.nth(2)).toContainText('step out of a training session');
  await expect(quiz.byTestId('credit')).toContainText('Charles H. Green');
  await expect(quiz.byTestId('map')).toHaveAttribute('aria-label', /Partnership 44.*Servility 35/);

  // The result survives a reload.
  await page.reload();
  await expect(quiz.byTestId('headline')).toHaveText('Going through the motions');
  expect(errors).toEqual([]);
});

test('a reload mid-quiz resumes at the same question with the same answers', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const quiz = new Quiz(page, 'service-or-servility', testInfo);
  await quiz.start();
  for (const value of PATTERN.slice(0, 5)) await quiz.answer(value);
  await expect(quiz.byTestId('progress')).toHaveText('Question 6 of 16');

  await page.reload();
  await expect(quiz.byTestId('progress')).toHaveText('Question 6 of 16');
  await expect(quiz.root.locator('input[type=radio]:checked')).toHaveCount(0);

  // Every earlier answer is still there, walking back to the first question.
  for (let k = 4; k >= 0; k--) {
    await quiz.press(quiz.byTestId('back'));
    await expect(quiz.byTestId('progress')).toHaveText(`Question ${k + 1} of 16`);
    await expect(quiz.root.locator(`input[value="${PATTERN[k]}"]`)).toBeChecked();
  }
  expect(errors).toEqual([]);
});
