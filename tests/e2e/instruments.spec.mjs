// Every built-in instrument, completed in the browser with a fixed answer pattern; the
// result screen must show what the core computes for that pattern natively
// (core/examples/e2e_expectations.rs, written to tests/.generated/ by scripts/test.sh).
// The pattern answers "does not apply" on every other item that offers it (the second, the
// fourth…).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz, watchErrors } from './helpers.mjs';

const expectations = JSON.parse(
  readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'),
).instruments;

for (const case_ of expectations) {
  test(`${case_.id}: the result matches the core`, async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    await page.goto(`/#${case_.id}`);
    const quiz = new Quiz(page, case_.id, testInfo);
    await quiz.root.scrollIntoViewIfNeeded();
    await quiz.press(quiz.byTestId('start'));
    if (case_.group !== null) await quiz.chooseGroup(case_.group);
    await expect(quiz.byTestId('question')).toBeVisible();
    for (const value of case_.answers) await quiz.answer(value);

    const want = case_.expected;
    await expect(quiz.byTestId('headline')).toHaveText(want.headline);
    const skipped = quiz.byTestId('not-applicable');
    if (case_.notApplicable > 0) {
      await expect(skipped).toContainText(`${case_.notApplicable} of ${case_.items} questions did not apply`);
    } else {
      await expect(skipped).toHaveCount(0);
    }
    if (want.scores) {
      for (const [id, value] of Object.entries(want.scores)) {
        await expect(quiz.byTestId(`score-${id}`)).toHaveText(String(value));
      }
      const habits = quiz.byTestId('habits').locator('li');
      await expect(habits).toHaveCount(want.habits.length);
      for (const [i, text] of want.habits.entries()) await expect(habits.nth(i)).toContainText(text);
    }
    if (want.counts) {
      for (const [i, n] of want.counts.entries()) {
        await expect(quiz.byTestId(`level-count-${i + 1}`)).toHaveText(String(n));
      }
      await expect(quiz.byTestId('consistency')).toContainText(`${want.consistency}%`);
    }
    if (want.sums) {
      for (const [id, value] of Object.entries(want.sums)) {
        await expect(quiz.byTestId(`sum-${id}`)).toHaveText(String(value));
      }
      await expect(quiz.byTestId('temperament')).toContainText(want.temperament);
      for (const name of want.blends) await expect(quiz.byTestId('blend')).toContainText(name);
      await expect(quiz.byTestId('balance')).toContainText(want.balance);
      await expect(quiz.root.getByRole('heading', { name: `Your weakest factor: ${want.weakest}` })).toBeVisible();
      await expect(quiz.byTestId('reference')).toContainText('7.1');
    }
    if (want.cells) {
      const columns = want.column_means.length;
      // A cell, or a mean, with no real answer shows a dash and says why to a screen reader.
      const shown = (value) => (value === null ? /^—not scored/ : String(value));
      for (const [i, value] of want.cells.entries()) {
        const r = Math.floor(i / columns);
        const c = i % columns;
        await expect(quiz.byTestId(`cell-${r}-${c}`)).toHaveText(shown(value));
      }
      for (const [r, value] of want.row_means.entries()) {
        await expect(quiz.byTestId(`row-mean-${r}`)).toHaveText(shown(value));
      }
      for (const [c, value] of want.column_means.entries()) {
        await expect(quiz.byTestId(`column-mean-${c}`)).toHaveText(shown(value));
      }
      await expect(quiz.byTestId('overall')).toContainText(`Overall ${want.overall} out of 100`);
      await expect(quiz.byTestId('group')).toContainText(want.group);
      if (want.priority) await expect(quiz.byTestId('priority')).toContainText(want.priority);
      else await expect(quiz.byTestId('priority')).toHaveCount(0);
    }
    await expect(quiz.byTestId('credit')).toBeVisible();
    // Every result has a picture drawn by the widget, with a text alternative.
    const pictures = {
      'service-or-servility': ['map', 'slope-chart'],
      'customer-focus': ['ladder-chart'],
      'trust-equation': ['radar-chart', 'quotient-scale'],
      'trust-roadmap': ['heatmap-chart'],
      'put-yourself-on-the-list': ['map'],
      curiosity: ['map'],
      'existing-customers': ['map'],
    }[case_.id];
    for (const id of pictures) {
      const svg = quiz.byTestId(id);
      await expect(svg).toBeVisible();
      await expect(svg).toHaveAttribute('role', 'img');
      await expect(svg).toHaveAttribute('aria-label', /\w{3,}/);
    }
    expect(errors).toEqual([]);
  });
}

test('level items show their options shuffled, and the order survives a reload', async ({ page }, testInfo) => {
  await page.goto('/#customer-focus');
  const quiz = new Quiz(page, 'customer-focus', testInfo);
  await quiz.press(quiz.byTestId('start'));
  const order = () => quiz.root.locator('input[type=radio]').evaluateAll((inputs) => inputs.map((i) => i.value).join(','));
  const orders = [];
  for (let k = 0; k < 4; k++) {
    orders.push(await order());
    await quiz.answer(0);
  }
  // Four questions in a row shown in definition order is a 1 in 120^4 chance.
  expect(orders.some((o) => o !== '0,1,2,3,4')).toBe(true);
  await page.reload();
  await expect(quiz.byTestId('progress')).toHaveText('Question 5 of 10');
  for (let k = 3; k >= 0; k--) {
    await quiz.press(quiz.byTestId('back'));
    await expect(quiz.byTestId('progress')).toHaveText(`Question ${k + 1} of 10`);
    expect(await order()).toBe(orders[k]);
  }
});
