// Offline in the workshop: after one visit, the standalone page starts and finishes a
// quiz, and the authoring page writes and previews an instrument, with the network off.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz } from './helpers.mjs';

const cases = JSON.parse(
  readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'),
).instruments;

test('once loaded, the standalone page works with the network off', async ({ page, context }, testInfo) => {
  const case_ = cases.find((c) => c.id === 'customer-focus');
  await page.goto(`/embed.html?instrument=${case_.id}`);
  await expect(page.locator('candor-quiz').getByTestId('start')).toBeVisible();
  // The service worker has cached the widget's files and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  const quiz = new Quiz(page, case_.id, testInfo);
  await quiz.press(quiz.byTestId('start'));
  for (const value of case_.answers) await quiz.answer(value);
  await expect(quiz.byTestId('headline')).toHaveText(case_.expected.headline);
  await context.setOffline(false);
});

test('once loaded, the authoring page writes and previews with the network off', async ({ page, context }) => {
  await page.goto('/author.html');
  await expect(page.locator('#copy-builtin')).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await page.locator('#builtin').selectOption('trust-equation');
  await page.locator('#copy-builtin').click();
  await expect(page.getByTestId('problems-summary')).toHaveText('No problems: ready to export.');
  await expect(page.getByTestId('preview-quiz').getByTestId('start')).toBeVisible();
  await context.setOffline(false);
});
