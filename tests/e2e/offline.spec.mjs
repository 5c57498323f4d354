// Offline in the workshop: after one visit, the standalone page starts and finishes a
// quiz, the authoring page writes and previews an instrument, and the facilitator's page
// shows its screen, with the network off.
// A reader's phone keeps only the reader's files: the authoring and facilitator's bundles
// are kept by the pages that load them.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz } from './helpers.mjs';

// Whether the service worker's cache holds `file` (a path relative to the page).
const kept = (page, file) => page.evaluate(async (f) => (await caches.match(new URL(f, location.href).href)) !== undefined, file);

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
  expect(await kept(page, 'candor-widget_bg.wasm')).toBe(true);
  expect(await kept(page, 'candor-author_bg.wasm')).toBe(false);
  expect(await kept(page, 'candor-facilitator_bg.wasm')).toBe(false);

  await context.setOffline(true);
  await page.reload();
  const quiz = new Quiz(page, case_.id, testInfo);
  await quiz.press(quiz.byTestId('start'));
  for (const value of case_.answers) await quiz.answer(value);
  await expect(quiz.byTestId('headline')).toHaveText(case_.expected.headline);
  await context.setOffline(false);
});

test('the service worker is registered only once the bundles the page asked for are in', async ({ page }) => {
  test.skip(test.info().project.name !== 'phone', 'one viewport is enough for this one');
  // When the page registered its worker, by the page's clock.
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.registeredAt = performance.now();
      return register.apply(this, args);
    };
  });
  // The small bundle is held back until the page has loaded and the offline module has run.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/candor-take_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/embed.html?instrument=customer-focus');
  await expect(page.locator('candor-quiz').getByTestId('start')).toBeVisible();
  // The page imports the offline module once loaded; importing it here resolves once it has run.
  await page.evaluate(() => import(new URL('candor-offline.js', location.href).href));
  expect(await page.evaluate(() => window.registeredAt)).toBeUndefined();

  release();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // After the small bundle, and after the full bundle the page loads in the background.
  const [registeredAt, bundlesEnd] = await page.evaluate(() => [
    window.registeredAt,
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('_bg.wasm'))
      .map((entry) => [entry.name.split('/').pop(), entry.responseEnd]),
  ]);
  expect(bundlesEnd.map(([name]) => name).sort()).toEqual(['candor-take_bg.wasm', 'candor-widget_bg.wasm']);
  for (const [, end] of bundlesEnd) expect(registeredAt).toBeGreaterThanOrEqual(end);
});

test('once loaded, the authoring page writes and previews with the network off', async ({ page, context }) => {
  await page.goto('/author.html');
  await expect(page.locator('#copy-builtin')).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The page asks the worker to keep its own files once the worker is active.
  for (const file of ['author.html', 'author.js', 'candor-author.js', 'candor-author_bg.wasm']) {
    await expect.poll(() => kept(page, file)).toBe(true);
  }

  await context.setOffline(true);
  await page.reload();
  await page.locator('#builtin').selectOption('trust-equation');
  await page.locator('#copy-builtin').click();
  await expect(page.getByTestId('problems-summary')).toHaveText('No problems: ready to export.');
  await expect(page.getByTestId('preview-quiz').getByTestId('start')).toBeVisible();
  await context.setOffline(false);
});

test("once loaded, the facilitator's page works with the network off", async ({ page, context }) => {
  await page.goto('/facilitator.html');
  await expect(page.locator('candor-quiz').getByTestId('facilitator')).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);
  for (const file of ['facilitator.html', 'candor-facilitator-top.js', 'candor-facilitator-top_bg.wasm', 'candor-facilitator.js', 'candor-facilitator_bg.wasm']) {
    await expect.poll(() => kept(page, file)).toBe(true);
  }

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('candor-quiz').getByTestId('facilitator')).toBeVisible();
  await expect(page.locator('candor-quiz').getByTestId('paste')).toBeVisible();
  await context.setOffline(false);
});
