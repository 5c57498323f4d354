// Privacy gate: a full run of every instrument, with its result, sharing
// and history, asks nothing of any other origin and sets no cookie.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz } from './helpers.mjs';

const cases = JSON.parse(
  readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'),
).instruments;

test('no request leaves the widget\'s origin and no cookie is set', async ({ page, context, baseURL }, testInfo) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await page.goto('/');
  for (const case_ of cases) {
    const quiz = new Quiz(page, case_.id, testInfo);
    await quiz.root.scrollIntoViewIfNeeded();
    await quiz.press(quiz.byTestId('start'));
    if (case_.group !== null) await quiz.chooseGroup(case_.group);
    for (const value of case_.answers) await quiz.answer(value);
    await expect(quiz.byTestId('headline')).toHaveText(case_.expected.headline);
    await expect(quiz.byTestId('qr')).toBeVisible();
  }
  // The standalone page and the facilitator too.
  await page.goto('/embed.html?instrument=customer-focus');
  await expect(page.locator('candor-quiz').getByTestId('result')).toBeVisible();
  await page.goto('/facilitator.html');
  await expect(page.locator('candor-quiz').getByTestId('facilitator')).toBeVisible();

  const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(elsewhere).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});
