// Shared steps for the end-to-end tests: a page object for one <candor-quiz> element.
import { expect } from '@playwright/test';

export class Quiz {
  /** @param {import('@playwright/test').Page} page @param {string} instrument */
  constructor(page, instrument, testInfo) {
    this.page = page;
    this.root = page.locator(`candor-quiz[instrument="${instrument}"]`);
    this.touch = testInfo.project.use.hasTouch === true;
  }

  byTestId(id) {
    return this.root.getByTestId(id);
  }

  /** Taps on a phone, clicks on a desktop. */
  async press(locator) {
    if (this.touch) await locator.tap();
    else await locator.click();
  }

  async start() {
    await this.press(this.byTestId('start'));
    await expect(this.byTestId('question')).toBeVisible();
  }

  /** Picks group `index` on the group screen and goes on to the first question. */
  async chooseGroup(index) {
    await expect(this.byTestId('group')).toBeVisible();
    const choice = this.root.locator(`label.cq-choice:has(input[value="${index}"])`);
    await this.press(choice);
    await expect(choice.locator('input')).toBeChecked();
    await this.press(this.byTestId('next'));
  }

  /** The 1-based number of the question on screen, read from the progress label. */
  async questionNumber() {
    const label = await this.byTestId('progress').textContent();
    return Number(/Question (\d+) of/.exec(label)[1]);
  }

  /** Chooses option `value` (definition order) on the current question and goes on. */
  async answer(value) {
    const before = await this.questionNumber();
    const total = Number(/of (\d+)/.exec(await this.byTestId('progress').textContent())[1]);
    const choice = this.root.locator(`label.cq-choice:has(input[value="${value}"])`);
    await this.press(choice);
    await expect(choice.locator('input')).toBeChecked();
    await this.press(this.byTestId('next'));
    if (before < total) {
      await expect(this.byTestId('progress')).toHaveText(`Question ${before + 1} of ${total}`);
    } else {
      await expect(this.byTestId('result')).toBeVisible();
    }
  }
}

/** Fails the test on any uncaught page error or console error. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}
