// Languages: with locale="fr" no English shows, on any screen. Each screen's words (its
// text, and what assistive technology reads: aria-label, title, alt and SVG titles) are
// checked against the English tables of the interface (view/src/text.rs for the taking
// screens, widget/src/text.rs's three tables for the rest) and of the core's
// messages (core/src/messages.rs), and against the English texts of every built-in
// instrument that has a French translation (core/instruments/*.en.json): a phrase of two
// words or more from them is English left untranslated.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { Quiz } from './helpers.mjs';

const expectations = JSON.parse(readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'));
const cases = expectations.instruments;

/** `key → text` of the table that starts at `start` in `file` (`key: "text",` lines, up to a line starting with `}`). */
function table(file, start) {
  const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const body = source.slice(source.indexOf(start));
  const entries = {};
  for (const m of body.slice(0, body.indexOf('\n}')).matchAll(/^\s+(\w+): "((?:[^"\\]|\\.)*)",$/gm)) {
    entries[m[1]] = JSON.parse(`"${m[2]}"`);
  }
  return entries;
}

/** `path → text` of every text in the built-in definition `file` (core/instruments). */
function definitionTexts(file) {
  const texts = {};
  const walk = (value, path) => {
    if (typeof value === 'string') texts[path] = value;
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${path}/${key}`);
  };
  walk(JSON.parse(readFileSync(new URL(`../../core/instruments/${file}`, import.meta.url), 'utf8')), '');
  return texts;
}

/** The English phrases (two words or more, between a template's blanks) whose French differs. */
function englishPhrases() {
  const translated = readdirSync(new URL('../../core/instruments/', import.meta.url)).filter((f) => f.endsWith('.fr.json'));
  expect(translated.length, 'the French definitions were found').toBeGreaterThan(0);
  const pairs = [
    [table('view/src/text.rs', '\nui_table! {'), table('view/src/text/fr.rs', 'pub const FR: Words')],
    [table('widget/src/text.rs', 'Ui, read from UiWords'), table('widget/src/text/fr.rs', 'pub const FR: UiWords')],
    [table('widget/src/text.rs', 'FacilitatorUi, read from'), table('widget/src/text/fr.rs', 'pub const FACILITATOR_FR')],
    [table('widget/src/text.rs', 'ReaderUi, read from'), table('widget/src/text/fr.rs', 'pub const READER_FR')],
    [table('core/src/messages.rs', 'pub const EN: Messages'), table('core/src/messages/fr.rs', 'pub const FR: Messages')],
    ...translated.map((fr) => [definitionTexts(fr.replace('.fr.', '.en.')), definitionTexts(fr)]),
  ];
  const phrases = new Set();
  for (const [en, fr] of pairs) {
    expect(Object.keys(en).length, 'the English table was read').toBeGreaterThan(25);
    for (const [key, text] of Object.entries(en)) {
      if (fr[key] === text) continue;
      for (const part of text.split(/\{\w+\}/)) {
        const phrase = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        if (phrase.includes(' ') && phrase.length >= 8) phrases.add(phrase);
      }
    }
  }
  return [...phrases];
}

const ENGLISH = englishPhrases();

/** The English phrases found in what `root`'s widget shows and says, every disclosure open. */
async function englishIn(root, screen) {
  const words = await root.evaluate((host) => {
    const shadow = host.shadowRoot;
    for (const details of shadow.querySelectorAll('details')) details.open = true;
    const said = [...shadow.querySelectorAll('[aria-label], [title], [alt]')].flatMap((el) =>
      ['aria-label', 'title', 'alt'].map((name) => el.getAttribute(name) || ''),
    );
    const svgTitles = [...shadow.querySelectorAll('svg title, svg desc')].map((el) => el.textContent);
    const text = [...shadow.children].map((el) => el.innerText || el.textContent).join('\n');
    return [text, ...said, ...svgTitles].join('\n');
  });
  expect(words.trim().length, `${screen} shows something`).toBeGreaterThan(0);
  return ENGLISH.filter((phrase) => words.includes(phrase)).map((phrase) => `${screen}: "${phrase}"`);
}

test.use({ locale: 'fr-FR' });

test('in French, no screen shows English', async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.use.hasTouch === true, 'the words do not depend on the viewport: the desktop run checks them');
  // Every instrument twice, a shared view each, and the facilitator: longer than one screen's test.
  test.setTimeout(300_000);
  const found = [];
  const check = async (root, screen) => found.push(...(await englishIn(root, screen)));

  for (const case_ of cases) {
    await page.goto(`/embed.html?instrument=${case_.id}&locale=fr`);
    const quiz = new Quiz(page, case_.id, testInfo);
    await expect(quiz.byTestId('intro')).toBeVisible();
    await check(quiz.root, `${case_.id} intro`);
    await quiz.press(quiz.byTestId('start'));
    if (case_.group !== null) {
      await expect(quiz.byTestId('group')).toBeVisible();
      await check(quiz.root, `${case_.id} group`);
      await quiz.chooseGroup(case_.group);
    }
    await expect(quiz.byTestId('question')).toBeVisible();
    await check(quiz.root, `${case_.id} question`);
    for (const value of case_.answers) await quiz.answer(value);
    await expect(quiz.byTestId('result')).toBeVisible();
    await check(quiz.root, `${case_.id} result`);
    // A second attempt: history and trend; then the data controls with the confirmation of
    // delete, and a file that is not an export.
    await quiz.press(quiz.byTestId('retake'));
    if (case_.group !== null) await quiz.chooseGroup(case_.group);
    for (const value of case_.answers) await quiz.answer(value);
    await expect(quiz.byTestId('history')).toBeVisible();
    await quiz.press(quiz.byTestId('result').getByTestId('delete'));
    await expect(quiz.byTestId('delete-confirm')).toBeVisible();
    await quiz.byTestId('result').getByTestId('import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') });
    await expect(quiz.byTestId('notice').last()).toBeVisible();
    await check(quiz.root, `${case_.id} result with history, data controls and a refused import`);

    // The shared result, opened by someone else.
    const link = await quiz.byTestId('share-link').inputValue();
    const other = await browser.newContext({ ...testInfo.project.use, locale: 'fr-FR' });
    const friend = await other.newPage();
    await friend.goto(link);
    await expect(friend.locator('candor-quiz').getByTestId('shared-banner')).toBeVisible();
    await check(friend.locator('candor-quiz'), `${case_.id} shared result`);
    await other.close();
    await page.evaluate(() => localStorage.clear());
  }

  // The facilitator, with a group and a line that is not a code.
  await page.goto('/fixtures/widget.html');
  await page.evaluate(() => {
    const element = document.createElement('candor-quiz');
    element.setAttribute('mode', 'facilitator');
    element.setAttribute('instrument', 'trust-equation');
    element.setAttribute('locale', 'fr');
    document.querySelector('candor-quiz').replaceWith(element);
  });
  const facilitator = page.locator('candor-quiz');
  await expect(facilitator.getByTestId('paste')).toBeVisible();
  await check(facilitator, 'facilitator, empty');
  const attendee = await browser.newContext(testInfo.project.use);
  const phone = await attendee.newPage();
  await phone.goto('/embed.html?instrument=trust-equation&locale=fr');
  const quiz = new Quiz(phone, 'trust-equation', testInfo);
  const equation = cases.find((c) => c.id === 'trust-equation');
  await quiz.press(quiz.byTestId('start'));
  for (const value of equation.answers) await quiz.answer(value);
  const code = (await quiz.byTestId('code').textContent()).trim();
  await attendee.close();
  await facilitator.getByTestId('paste').fill(`${code}\n${code}\n1ZZZZZZZZZZZZZZZZ`);
  await expect(facilitator.getByTestId('group-count')).toBeVisible();
  await check(facilitator, 'facilitator with a group');

  // Storage refused, a record set aside, an unknown instrument.
  await page.addInitScript(() => {
    if (location.search.includes('blocked')) {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    }
  });
  await page.goto('/embed.html?instrument=trust-equation&locale=fr&storage-key=blocked');
  await expect(page.locator('candor-quiz').getByTestId('notice')).toBeVisible();
  await check(page.locator('candor-quiz'), 'storage refused');
  await page.goto('/fixtures/blank.html');
  await page.evaluate(() => localStorage.setItem('candor:default:trust-equation:progress', '{broken'));
  await page.goto('/embed.html?instrument=trust-equation&locale=fr');
  await expect(page.locator('candor-quiz').getByTestId('notice')).toBeVisible();
  await check(page.locator('candor-quiz'), 'a record set aside');
  await page.goto('/embed.html?instrument=no-such-quiz&locale=fr');
  await expect(page.locator('candor-quiz').getByTestId('load-error')).toBeVisible();
  await check(page.locator('candor-quiz'), 'unknown instrument');

  expect(found).toEqual([]);
});
