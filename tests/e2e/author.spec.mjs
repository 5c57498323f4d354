// The authoring page (author.html): a trainer builds an instrument of each model kind from a
// blank template, sees each problem at its field, tries it in the real widget, keeps the
// draft over a reload, exports the file and imports it back, and pastes a snippet that
// works on a host page. The result of each authored instrument must be what the core
// computes natively (core/examples/e2e_expectations.rs, "authored").
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Quiz, expectNoViolations, watchErrors } from './helpers.mjs';

const authored = JSON.parse(
  readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'),
).authored;

/** Fills every required control left empty as the core's expectations did: `Text <path>`. */
async function fillBlanks(page) {
  const blanks = page.locator('[data-path][aria-required="true"]:is(input, textarea)');
  const paths = await blanks.evaluateAll((els) => els.filter((e) => e.value === '').map((e) => e.dataset.path));
  for (const path of paths) {
    await page.locator(`[data-path="${path}"]:is(input, textarea)`).fill(`Text ${path}`);
  }
  return paths.length;
}

/** The preview's widget, as the shared page object. */
function preview(page, testInfo) {
  const quiz = new Quiz(page, 'preview', testInfo);
  quiz.root = page.getByTestId('preview-quiz');
  return quiz;
}

/** Exports the definition and returns the downloaded file's name and bytes. */
async function exportFile(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test.describe('authoring page', () => {
  // The page registers the offline service worker, which would fetch the host page below
  // past the test's routes.
  test.use({ serviceWorkers: 'block' });
  for (const case_ of authored) {
    test(`from a blank ${case_.kind} template to a result that matches the core`, async ({ page }, testInfo) => {
      const errors = watchErrors(page);
      await page.goto('/author.html');
      await page.locator(`button[data-kind="${case_.kind}"]`).click();
      await expect(page.getByTestId('problems-summary')).toContainText('problems to fix');
      await expect(page.locator('#export')).toBeDisabled();
      expect(await fillBlanks(page)).toBeGreaterThan(0);
      await expect(page.getByTestId('problems-summary')).toHaveText('No problems: ready to export.');

      // The form wrote what the core's expectations were computed from.
      const file = await exportFile(page);
      expect(JSON.parse(file.bytes.toString('utf8'))).toEqual(case_.definition);

      const quiz = preview(page, testInfo);
      await quiz.root.scrollIntoViewIfNeeded();
      await quiz.press(quiz.byTestId('start'));
      if (case_.group !== null) await quiz.chooseGroup(case_.group);
      for (const value of case_.answers) await quiz.answer(value);
      const want = case_.expected;
      await expect(quiz.byTestId('headline')).toHaveText(want.headline);
      for (const [id, value] of Object.entries(want.scores ?? {})) {
        await expect(quiz.byTestId(`score-${id}`)).toHaveText(String(value));
      }
      for (const [id, value] of Object.entries(want.sums ?? {})) {
        await expect(quiz.byTestId(`sum-${id}`)).toHaveText(String(value));
      }
      for (const [i, n] of (want.counts ?? []).entries()) {
        await expect(quiz.byTestId(`level-count-${i + 1}`)).toHaveText(String(n));
      }
      if (want.cells) await expect(quiz.byTestId('overall')).toContainText(`Overall ${want.overall} out of 100`);
      expect(errors).toEqual([]);
    });
  }

  test('a problem shows at its field, moves focus there and blocks export', async ({ page }) => {
    test.skip(test.info().project.name !== 'phone', 'one viewport is enough for this one');
    await page.goto('/author.html');
    await page.locator('#builtin').selectOption('trust-equation');
    await page.locator('#copy-builtin').click();
    await expect(page.getByTestId('problems-summary')).toHaveText('No problems: ready to export.');
    await expect(page.locator('#export')).toBeEnabled();

    await page.locator('[data-path="title"]').fill('');
    await expect(page.locator('#f-title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-title-problems')).toHaveText('must not be empty');
    await expect(page.getByTestId('problems-summary')).toHaveText('1 problem to fix before export');
    await expect(page.locator('#export')).toBeDisabled();
    await expect(page.getByTestId('preview-quiz')).toHaveCount(0);

    await page.locator('#tab-json').click();
    await page.getByTestId('problems').getByRole('link', { name: 'Title: must not be empty' }).click();
    await expect(page.locator('#f-title')).toBeFocused();
    await page.keyboard.type('Back again');
    await expect(page.getByTestId('problems-summary')).toHaveText('No problems: ready to export.');
    await expect(page.locator('#export')).toBeEnabled();
    // The snippets are written again once typing pauses.
    await expect(page.locator('#snippet-inline')).toHaveValue(/"title":"Back again"/);
  });

  test('a built-in that cannot be downloaded: the page says so, opens nothing, and copies it on a second try', async ({ page }) => {
    test.skip(test.info().project.name !== 'phone', 'one viewport is enough for this one');
    await page.goto('/author.html');
    await page.route('**/instruments/*.json*', (route) => route.abort('internetdisconnected'));
    await page.locator('#builtin').selectOption('curiosity');
    await page.locator('#copy-builtin').click();
    await expect(page.locator('#start-notice')).toContainText('The built-in could not be downloaded, so nothing was opened');
    await expect(page.locator('#start-notice')).toBeFocused();
    await expect(page.locator('[data-path="title"]')).toHaveCount(0);
    await page.unroute('**/instruments/*.json*');
    await page.locator('#copy-builtin').click();
    await expect(page.locator('[data-path="id"]')).toHaveValue('my-curiosity');
  });

  test('a built-in copy, one item changed, exported, imported and exported again byte for byte', async ({ page }, testInfo) => {
    test.skip(test.info().project.name !== 'desktop', 'one viewport is enough for this one');
    await page.goto('/author.html');
    await page.locator('#builtin').selectOption('service-or-servility');
    await page.locator('#copy-builtin').click();
    await page.locator('[data-path="items[0].text"]').fill('I say what I think of the brief before I start the work.');
    const first = await exportFile(page);
    expect(first.name).toBe('my-service-or-servility.json');
    const original = JSON.parse(readFileSync(new URL('../../core/instruments/service-or-servility.en.json', import.meta.url), 'utf8'));
    const exported = JSON.parse(first.bytes.toString('utf8'));
    expect(exported.id).toBe('my-service-or-servility');
    expect(exported).not.toHaveProperty('$schema');
    expect(exported.items[0].text).toBe('I say what I think of the brief before I start the work.');
    exported.id = original.id;
    exported.items[0].text = original.items[0].text;
    delete original.$schema;
    delete exported.$schema;
    expect(exported).toEqual(original);

    // The file passes the published JSON Schema.
    const dir = mkdtempSync(join(tmpdir(), 'candor-author-'));
    const file = join(dir, first.name);
    writeFileSync(file, first.bytes);
    execFileSync('node', [new URL('../schema-check.mjs', import.meta.url).pathname, file]);

    // Imported as a new draft, it exports to the same bytes.
    await page.locator('#back').click();
    await page.locator('#import-file').setInputFiles(file);
    await expect(page.locator('#draft-name')).toHaveValue(exported.title);
    const second = await exportFile(page);
    expect(second.bytes.equals(first.bytes)).toBe(true);

    const inline = await page.locator('#snippet-inline').inputValue();

    // The src snippet's file on a host page, then the inline snippet pasted as it is.
    await page.route('**/host/authored.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Host</title><script type="module" src="/candor.js"></script>
          <candor-quiz src="/host/${first.name}"></candor-quiz>`,
      }),
    );
    await page.route(`**/host/${first.name}`, (route) => route.fulfill({ contentType: 'application/json', body: first.bytes }));
    await page.goto('/host/authored.html');
    const quiz = new Quiz(page, 'x', testInfo);
    quiz.root = page.locator('candor-quiz');
    await expect(quiz.byTestId('start')).toBeVisible();
    await quiz.press(quiz.byTestId('start'));
    await expect(quiz.byTestId('question')).toContainText('I say what I think of the brief');

    await page.evaluate(() => localStorage.clear());
    await page.route('**/host/inline.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>Host</title>\n${inline}` }),
    );
    await page.goto('/host/inline.html');
    const pasted = new Quiz(page, 'x', testInfo);
    pasted.root = page.locator('candor-quiz');
    await pasted.press(pasted.byTestId('start'));
    await expect(pasted.byTestId('question')).toContainText('I say what I think of the brief');
  });

  test('a reload keeps the draft, even half-typed JSON; deleting asks first', async ({ page }) => {
    test.skip(test.info().project.name !== 'phone', 'one viewport is enough for this one');
    await page.goto('/author.html');
    await page.locator('button[data-kind="grid"]').click();
    await page.locator('[data-path="title"]').fill('Our trust values');
    await page.locator('#draft-name').fill('Team day');
    await page.reload();
    await expect(page.locator('[data-path="title"]')).toHaveValue('Our trust values');
    await expect(page.locator('#draft-name')).toHaveValue('Team day');

    await page.locator('#tab-json').click();
    const json = page.locator('#json');
    const text = await json.inputValue();
    await json.fill(text.replace('"Our trust values"', '"Our trust values'));
    await expect(page.getByTestId('problems')).toContainText('The JSON cannot be read');
    await expect(page.locator('#export')).toBeDisabled();
    await page.reload();
    await expect(page.locator('#json')).toHaveValue(text.replace('"Our trust values"', '"Our trust values'));
    await page.locator('#json').fill(text.replace('Our trust values', 'Our values'));
    await page.locator('#tab-form').click();
    await expect(page.locator('[data-path="title"]')).toHaveValue('Our values');

    await page.locator('#back').click();
    const draft = page.getByTestId('draft').filter({ hasText: 'Team day' });
    await draft.getByRole('button', { name: 'Delete Team day' }).click();
    await expect(page.locator('#delete-yes')).toBeFocused();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect(draft).toHaveCount(1);
    await draft.getByRole('button', { name: 'Delete Team day' }).click();
    await page.locator('#delete-yes').click();
    await expect(page.getByTestId('draft')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('draft')).toHaveCount(0);
  });

  test('a draft the browser will not store says so, and export keeps the work', async ({ page }) => {
    test.skip(test.info().project.name !== 'desktop', 'one viewport is enough for this one');
    // Storage full: every write of the drafts is refused, as a full quota refuses it.
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith('candor-author:drafts')) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await page.goto('/author.html');
    await page.locator('#builtin').selectOption('curiosity');
    await page.locator('#copy-builtin').click();
    await expect(page.getByRole('alert')).toContainText('could not be saved');
    await expect(page.locator('#export')).toBeEnabled();
  });

  test('lists reorder from the keyboard, focus following the item', async ({ page }) => {
    test.skip(test.info().project.name !== 'desktop', 'one viewport is enough for this one');
    await page.goto('/author.html');
    await page.locator('button[data-kind="subscales"]').click();
    await page.locator('[data-path="items[0].text"]').fill('First');
    await page.locator('[data-path="items[1].text"]').fill('Second');
    await page.locator('#f-items-1-up').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-path="items[0].text"]')).toHaveValue('Second');
    await expect(page.locator('[data-path="items[1].text"]')).toHaveValue('First');
    await expect(page.locator('#f-items-0-down')).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'moved to position 1' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-path="items[0].text"]')).toHaveValue('First');
    await page.locator('#f-items-add').click();
    await expect(page.locator('[data-path="items[4].id"]')).toHaveValue('item-5');
    await expect(page.locator('[data-path="items[4].id"]')).toBeFocused();
  });

  test.describe('accessibility', () => {
    // axe is injected as an inline script.
    test.use({ bypassCSP: true });
    test('the page in French, and no axe violations on its screens', async ({ page }) => {
      test.skip(test.info().project.name !== 'phone', 'one viewport is enough for this one');
      await page.goto('/author.html?lang=fr');
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Écrire votre propre questionnaire');
      await expectNoViolations(page, 'start (fr)');
      await page.locator('button[data-kind="levels"]').click();
      await expect(page.locator('#f-title-problems')).toHaveText('ne doit pas être vide');
      await expect(page.getByTestId('problems-summary')).toContainText('problèmes à corriger');
      await expectNoViolations(page, 'editor with problems (fr)');
      await page.goto('/author.html?lang=en');
      await page.locator('#back').click();
      await page.locator('#builtin').selectOption('trust-roadmap');
      await page.locator('#copy-builtin').click();
      await expect(page.getByTestId('preview-quiz')).toBeVisible();
      await expectNoViolations(page, 'editor of a valid instrument (en)');
    });
  });
});
