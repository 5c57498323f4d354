// The small bundle draws its screens by hand (app/src/take/), the full bundle with Leptos
// (app/src/screens/): a reader must not be able to tell which one drew a screen. The same
// walk through an instrument is taken with each bundle, and every screen's markup compared.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz, refuseStorage, watchErrors } from './helpers.mjs';

// Each page's requests go through its routes, not the standalone page's offline cache.
test.use({ serviceWorkers: 'block' });

// Every model, both interface languages, a group question and both kinds of item.
const WALKS = [
  ['service-or-servility', 'en'],
  ['customer-focus', 'fr'],
  ['trust-equation', 'fr'],
  ['trust-roadmap', 'en'],
];

// The widget's markup, without Leptos's empty placeholder comments, and with the intro's
// data controls folded to their summary: the small bundle hands over to the full one for
// them, and says so inside them.
const markup = (quiz) =>
  quiz.root.evaluate((host) => {
    const copy = host.shadowRoot.firstElementChild.cloneNode(true);
    for (const details of copy.querySelectorAll('details')) {
      for (const child of [...details.children]) if (child.tagName !== 'SUMMARY') child.remove();
    }
    return copy.innerHTML.replaceAll('<!---->', '');
  });

// Walks `id` in `locale` as a reader would (intro, the group question, every question
// answered with its first option shown, one step back), with the bundle the page gives,
// and returns each screen's markup. A session tag keeps the element's first screen out of
// the walk: each screen is the bundle's own.
async function walk(page, testInfo, id, locale) {
  await page.goto(`/embed.html?instrument=${id}&locale=${locale}&session=two-bundles`);
  const quiz = new Quiz(page, id, testInfo);
  const screens = [];
  await expect(quiz.byTestId('intro')).toBeVisible();
  screens.push(await markup(quiz));
  await quiz.press(quiz.byTestId('start'));
  const step = quiz.root.locator('[data-testid=group], [data-testid=question]');
  await expect(step).toBeVisible();
  if ((await step.getAttribute('data-testid')) === 'group') {
    screens.push(await markup(quiz));
    await quiz.chooseGroup(0);
  }
  const { total } = await quiz.progress();
  for (let n = 1; n <= total; n++) {
    await expect(quiz.byTestId('progress')).toHaveText(new RegExp(`^\\D*${n}\\D+${total}$`));
    screens.push(await markup(quiz));
    const choice = quiz.root.locator('label.cq-choice').first();
    await quiz.press(choice);
    await expect(choice.locator('input')).toBeChecked();
    await expect(quiz.byTestId('next')).toBeEnabled();
    screens.push(await markup(quiz));
    if (n === 2) {
      await quiz.press(quiz.byTestId('back'));
      await expect(quiz.byTestId('progress')).toHaveText(new RegExp(`^\\D*1\\D+${total}$`));
      screens.push(await markup(quiz));
      await quiz.press(quiz.byTestId('next'));
      await expect(quiz.byTestId('progress')).toHaveText(new RegExp(`^\\D*2\\D+${total}$`));
    }
    // The last answer asks for the result, which only the full bundle shows.
    if (n < total) await quiz.press(quiz.byTestId('next'));
  }
  return screens;
}

for (const [id, locale] of WALKS) {
  test(`the small bundle draws what the full bundle draws: ${id} in ${locale}`, async ({ context }, testInfo) => {
    const seeded = async (setUp) => {
      const page = await context.newPage();
      // One attempt seed for both walks, so level items show their options in one order.
      await page.addInitScript(() => {
        Math.random = () => 0.25;
      });
      await setUp(page);
      return page;
    };
    // Each walk starts as a new reader.
    const done = async (page) => {
      await page.evaluate(() => localStorage.clear());
      await page.close();
    };

    // The small bundle, which cannot hand over: the full one is out of reach.
    const small = await seeded((page) => page.route(/candor-widget/, (route) => route.abort()));
    const smallErrors = watchErrors(small);
    const bySmall = await walk(small, testInfo, id, locale);
    await done(small);

    // The full bundle, which takes over when the small one refuses the questions form (one
    // question reworded: as if another build had left it on the server).
    const form = `${id}.${locale}.txt`;
    const served = readFileSync(new URL(`../../dist/questions/${form}`, import.meta.url), 'utf8');
    const prompt = served.split('\n').find((line) => line.length > 40);
    const full = await seeded((page) =>
      page.route(`**/questions/${form}`, (route) =>
        route.fulfill({ contentType: 'text/plain', body: served.replace(prompt, `${prompt} `) }),
      ),
    );
    const fullErrors = watchErrors(full);
    const byFull = await walk(full, testInfo, id, locale);
    await done(full);

    expect(bySmall.length).toBeGreaterThan(3);
    for (let k = 0; k < bySmall.length; k++) expect(bySmall[k], `screen ${k + 1}`).toBe(byFull[k]);
    expect(bySmall.length).toBe(byFull.length);
    // The small bundle drew every screen of the first walk (the full one was out of reach,
    // which is all the console says), and the full bundle every screen of the second (the
    // small one would not read the form, and said so).
    expect(smallErrors.filter((e) => !/ERR_FAILED|candor-widget|could not load its results/.test(e))).toEqual([]);
    expect(fullErrors.filter((e) => !/could not be read \(it is not one this build serves\)/.test(e))).toEqual([]);
    expect(fullErrors.length).toBe(1);
  });
}

test('the small bundle draws the notices as the full bundle does', async ({ context }, testInfo) => {
  const draw = async (full) => {
    const page = await context.newPage();
    await refuseStorage(page);
    if (full) {
      await page.route('**/questions/trust-equation.en.txt', (route) =>
        route.fulfill({ contentType: 'text/plain', body: 'not a questions form' }),
      );
    } else {
      await page.route(/candor-widget/, (route) => route.abort());
    }
    await page.goto('/embed.html?instrument=trust-equation&locale=en&session=two-bundles');
    const quiz = new Quiz(page, 'trust-equation', testInfo);
    await expect(quiz.byTestId('intro')).toBeVisible();
    await expect(quiz.byTestId('notice')).toBeVisible();
    const notices = await quiz.root.evaluate((host) =>
      host.shadowRoot.querySelector('.cq-notices').outerHTML.replaceAll('<!---->', ''),
    );
    await page.close();
    return notices;
  };
  const bySmall = await draw(false);
  expect(bySmall).toContain('cq-dismiss');
  expect(bySmall).toBe(await draw(true));
});
