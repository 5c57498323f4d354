// Embedding: shadow-root isolation on a hostile page, several quizzes with one
// module fetch, attribute changes, host-page events, the iframe route, strict CSP and its
// fallback, custom instruments inline and by URL.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz, requestedPaths, watchErrors } from './helpers.mjs';

const ID = 'service-or-servility';
const PATTERN = Array.from({ length: 16 }, (_, k) => k % 5);
const expectations = JSON.parse(
  readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'),
).instruments;

/** Computed styles of the widget's inner parts, on the question screen and the result. */
async function widgetStyles(page, quiz) {
  // Found and read in one step inside the element (which stays): the screen inside may be
  // replaced at any moment (the first screen by the bundle), and a locator's element found
  // before that and read after it has no styles.
  const read = (selector, props) =>
    quiz.root.evaluate(
      (host, [selector, props]) => {
        const style = getComputedStyle(host.shadowRoot.querySelector(selector));
        return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
      },
      [selector, props],
    );
  const text = ['font-size', 'color', 'font-family', 'text-transform', 'letter-spacing', 'line-height'];
  await quiz.start();
  const question = {
    root: await read('.cq', text),
    prompt: await read('[data-testid=prompt]', text),
    button: await read('[data-testid=next]', ['background-color', 'border-top-style', 'padding-top', 'display']),
    label: await read('label.cq-choice', ['display', 'float', 'border-top-color', 'box-sizing']),
    input: await read('input.cq-radio', ['display', 'appearance', 'width']),
  };
  for (const value of PATTERN) await quiz.answer(value);
  await expect(quiz.byTestId('map').locator('circle')).toBeVisible();
  const result = {
    svg: await read('[data-testid=map]', ['display']),
    point: await read('[data-testid=map] circle', ['fill']),
  };
  return { question, result };
}

test('a hostile host page cannot restyle the widget, and the widget does not restyle the page', async ({ page }, testInfo) => {
  await page.goto('/fixtures/widget.html');
  const baseline = await widgetStyles(page, new Quiz(page, ID, testInfo));
  await page.evaluate(() => localStorage.clear());

  await page.goto('/fixtures/hostile.html');
  const styles = await widgetStyles(page, new Quiz(page, ID, testInfo));
  expect(styles).toEqual(baseline);
  // The host's own button, with the widget's class names, keeps the host's styles.
  const hostButton = await page.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(hostButton).toBe('rgb(0, 255, 0)');
});

test('the widget\'s styles do not leak onto look-alike elements of the page', async ({ page }) => {
  await page.goto('/fixtures/leak.html');
  await expect(page.locator('candor-quiz').getByTestId('start')).toBeVisible();
  const styles = await page.evaluate(() => {
    const button = getComputedStyle(document.getElementById('host-button'));
    const label = getComputedStyle(document.getElementById('host-label'));
    return { background: button.backgroundColor, minHeight: button.minHeight, labelBorder: label.borderTopWidth };
  });
  expect(styles.background).not.toBe('rgb(33, 80, 184)');
  expect(styles.minHeight).not.toBe('48px');
  expect(styles.labelBorder).toBe('0px');
});

test('three quizzes on one course page share one module and complete independently', async ({ page }, testInfo) => {
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const errors = watchErrors(page);
  await page.goto('/fixtures/course.html');
  for (const id of ['service-or-servility', 'trust-equation', 'trust-roadmap']) {
    const case_ = expectations.find((c) => c.id === id);
    const quiz = new Quiz(page, id, testInfo);
    await quiz.root.scrollIntoViewIfNeeded();
    await quiz.press(quiz.byTestId('start'));
    if (case_.group !== null) await quiz.chooseGroup(case_.group);
    for (const value of case_.answers) await quiz.answer(value);
    await expect(quiz.byTestId('headline')).toHaveText(case_.expected.headline);
  }
  // Each bundle is fetched once for the whole page: the small one first, the full one
  // when a result is due (or the page is idle); and each quiz's questions form and
  // definition once, the definition with the full bundle.
  const served = ['questions/.json', 'packed/.bin'].flatMap((file) => {
    const [folder, extension] = file.split('/');
    return ['service-or-servility', 'trust-equation', 'trust-roadmap'].map((id) => `/${folder}/${id}.en${extension}`);
  });
  for (const file of ['/candor.js', '/candor-take.js', '/candor-take_bg.wasm', '/candor-widget.js', '/candor-widget_bg.wasm', ...served]) {
    expect(fetched.filter((p) => p === file), file).toHaveLength(1);
  }
  expect(errors).toEqual([]);
});

test("a facilitator's screen and a quiz on one page: each mounts with its own bundle", async ({ page }, testInfo) => {
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const errors = watchErrors(page);
  await page.goto('/fixtures/workshop.html');
  const facilitator = page.locator('candor-quiz[mode="facilitator"]');
  await expect(facilitator.getByTestId('facilitator')).toBeVisible();
  const case_ = expectations.find((c) => c.id === ID);
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.press(quiz.byTestId('start'));
  if (case_.group !== null) await quiz.chooseGroup(case_.group);
  for (const value of case_.answers) await quiz.answer(value);
  await expect(quiz.byTestId('headline')).toHaveText(case_.expected.headline);
  await expect(facilitator.getByTestId('paste')).toBeVisible();
  // The facilitator's bundles show only the facilitator; the reader's result comes with
  // the full bundle, each fetched once.
  const facilitators = ['-top.js', '-top_bg.wasm', '.js', '_bg.wasm'].map((end) => `/candor-facilitator${end}`);
  for (const file of [...facilitators, '/candor-widget.js', '/candor-widget_bg.wasm']) {
    expect(fetched.filter((p) => p === file), file).toHaveLength(1);
  }
  expect(errors).toEqual([]);
});

test('changing an attribute after mount updates the widget', async ({ page }, testInfo) => {
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  await expect(quiz.byTestId('intro')).toContainText('Service or servility?');
  const element = page.locator('candor-quiz');
  await element.evaluate((el) => el.setAttribute('theme', 'dark'));
  await expect(element.locator('.cq')).toHaveClass(/cq-dark/);
  await expect(element.locator('.cq')).toHaveCSS('background-color', 'rgb(20, 24, 30)');
  await element.evaluate((el) => el.setAttribute('instrument', 'customer-focus'));
  await expect(element.getByTestId('intro')).toContainText('The five levels of customer focus');
  await expect(element.locator('.cq')).toHaveClass(/cq-dark/);
});

test('a widget moved within the page keeps its screen; one removed and added again mounts afresh', async ({ page }, testInfo) => {
  await page.goto('/fixtures/widget.html');
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.start();
  await quiz.answer(2);
  await expect(quiz.byTestId('progress')).toContainText('Question 2 of');
  // Mark the widget's rendered content, then move the element elsewhere in the page.
  await quiz.root.evaluate((el) => {
    el.shadowRoot.firstElementChild.dataset.marked = 'yes';
    const box = document.createElement('section');
    document.body.prepend(box);
    box.append(el);
  });
  await expect(quiz.byTestId('progress')).toContainText('Question 2 of');
  expect(await quiz.root.evaluate((el) => el.shadowRoot.firstElementChild.dataset.marked)).toBe('yes');

  // Removed for longer than a move, the widget is torn down; added again, it mounts anew
  // and resumes from storage at the same question.
  await quiz.root.evaluate(async (el) => {
    const parent = el.parentNode;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    parent.append(el);
  });
  await expect(quiz.byTestId('progress')).toContainText('Question 2 of');
  expect(await quiz.root.evaluate((el) => el.shadowRoot.firstElementChild.dataset.marked)).toBeUndefined();
});

test('the host page hears start, answer and complete with their details', async ({ page }, testInfo) => {
  await page.goto('/fixtures/widget.html');
  await page.evaluate(() => {
    window.heard = [];
    for (const name of ['candor:start', 'candor:answer', 'candor:complete']) {
      document.addEventListener(name, (e) => window.heard.push({ name: e.type, bubbles: e.bubbles, composed: e.composed, detail: e.detail }));
    }
  });
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.press(quiz.byTestId('start'));
  for (const value of PATTERN) await quiz.answer(value);
  const heard = await page.evaluate(() => window.heard);
  expect(heard.map((e) => e.name)).toEqual(['candor:start', ...Array(16).fill('candor:answer'), 'candor:complete']);
  expect(heard.every((e) => e.bubbles && e.composed)).toBe(true);
  expect(heard[0].detail).toMatchObject({ instrument: ID, version: 2, total: 16, session: null });
  expect(heard[5].detail).toMatchObject({ instrument: ID, item: 'weekend-polish', index: 4, option: 4, answered: 5, total: 16 });
  const done = heard[17].detail;
  expect(done).toMatchObject({
    instrument: ID,
    version: 2,
    answered: 16,
    notApplicable: 0,
    headline: 'Going through the motions',
    scores: { partnership: 44, servility: 35 },
  });
  // (44 + (100 - 35)) / 200
  expect(done.scaled).toBeCloseTo(0.545, 5);
  expect(typeof done.completedAt).toBe('number');
});

test('the iframe route reports its height and stays free of scroll bars', async ({ page }) => {
  await page.goto('/fixtures/iframe-host.html');
  const frameElement = page.locator('#quiz');
  const frame = page.frameLocator('#quiz');
  await expect(frame.locator('candor-quiz').getByTestId('start')).toBeVisible();
  const fits = async () => {
    const outer = await frameElement.evaluate((el) => el.clientHeight);
    const inner = await frameElement.evaluate((el) => {
      const doc = el.contentDocument;
      return { scroll: doc.scrollingElement.scrollHeight, view: el.contentWindow.innerHeight };
    });
    return outer > 300 && inner.scroll <= inner.view;
  };
  await expect.poll(fits).toBe(true);
  const before = await frameElement.evaluate((el) => el.clientHeight);
  await frame.locator('candor-quiz').getByTestId('start').click();
  await expect(frame.locator('candor-quiz').getByTestId('question')).toBeVisible();
  await expect.poll(fits).toBe(true);
  await expect.poll(() => frameElement.evaluate((el) => el.clientHeight)).not.toBe(before);
});

test('under a strict CSP the quiz runs with no violation and no request off its origin', async ({ page, baseURL }, testInfo) => {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/fixtures/strict-csp.html');
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.press(quiz.byTestId('start'));
  for (const value of PATTERN) await quiz.answer(value);
  await expect(quiz.byTestId('headline')).toHaveText('Going through the motions');
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  const origin = new URL(baseURL).origin;
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
});

test('without wasm-unsafe-eval the element shows a readable fallback with a link', async ({ page }) => {
  await page.goto('/fixtures/no-wasm.html');
  const fallback = page.locator('#en').getByRole('alert');
  await expect(fallback).toContainText('cannot start on this page');
  await expect(fallback.getByRole('link')).toHaveAttribute('href', /embed\.html\?instrument=service-or-servility$/);
  // In the element's language.
  const french = page.locator('#fr').getByRole('alert');
  await expect(french).toContainText('ne peut pas démarrer sur cette page');
  await expect(french.getByRole('link')).toHaveText('Ouvrir le questionnaire dans sa propre page');
  await expect(french.getByRole('link')).toHaveAttribute('href', /embed\.html\?instrument=trust-equation&locale=fr-CA$/);
});

test('custom instruments: inline and same-origin src run; invalid ones list their problems', async ({ page, baseURL }, testInfo) => {
  await page.goto('/fixtures/custom.html');
  const good = new Quiz(page, 'x', testInfo);
  good.root = page.locator('#inline-good');
  await expect(good.byTestId('intro')).toContainText('Feedback habits');
  await good.press(good.byTestId('start'));
  await good.answer(2);
  await good.answer(0);
  await expect(good.byTestId('headline')).toHaveText('Adviser');

  const problems = page.locator('#inline-bad').getByTestId('problems');
  await expect(problems).toBeVisible();
  const items = problems.locator('li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveText(/^minutes: 0 is out of range/);
  await expect(items.nth(1)).toHaveText('items[0].scale: unknown scale "frequency"');
  await expect(items.nth(2)).toHaveText(/^model\.subscales\[1\]\.weights: has 2 weights/);

  const bySrc = new Quiz(page, 'x', testInfo);
  bySrc.root = page.locator('#src-good');
  await expect(bySrc.byTestId('intro')).toContainText('Feedback habits');
  await expect(page.locator('#src-missing').getByTestId('load-error')).toContainText('HTTP 404');

  const port = new URL(baseURL).port;
  await page.evaluate((port) => {
    const el = document.createElement('candor-quiz');
    el.id = 'src-other-origin';
    el.setAttribute('src', `http://localhost:${port}/fixtures/custom.json`);
    document.body.append(el);
  }, port);
  await expect(page.locator('#src-other-origin').getByTestId('load-error')).toContainText('must be on the same site');
});

test("a trainer's own definition: its shared result and facilitator's screen come with the bundle that reads it", async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one viewport is enough for this one');
  const later = /candor-(widget|shared|facilitator|own)/;
  const requested = requestedPaths(page, later);
  await page.goto('/fixtures/custom.html');
  const quiz = new Quiz(page, 'x', testInfo);
  quiz.root = page.locator('#src-good');
  await quiz.press(quiz.byTestId('start'));
  await quiz.answer(2);
  await quiz.answer(0);
  await expect(quiz.byTestId('headline')).toHaveText('Adviser');
  const link = await quiz.byTestId('share-link').inputValue();
  await page.evaluate(() => {
    const el = document.createElement('candor-quiz');
    el.id = 'own-facilitator';
    el.setAttribute('mode', 'facilitator');
    el.setAttribute('src', '/fixtures/custom.json');
    document.body.append(el);
  });
  await expect(page.locator('#own-facilitator').getByTestId('facilitator')).toContainText('Feedback habits');
  // The reader's result comes with the full bundle; the facilitator's screen of the same
  // definition with the bundle that reads it, not the facilitator's (built-ins only).
  expect([...new Set(requested)].sort()).toEqual(['candor-own.js', 'candor-own_bg.wasm', 'candor-widget.js', 'candor-widget_bg.wasm']);

  const other = await browser.newContext(testInfo.project.use);
  const friend = await other.newPage();
  const friendRequested = requestedPaths(friend, later);
  await friend.goto(link);
  const shared = friend.locator('#src-good');
  await expect(shared.getByTestId('shared-banner')).toBeVisible();
  await expect(shared.getByTestId('headline')).toHaveText('Adviser');
  // The definition written inline with a problem still lists it.
  await expect(friend.locator('#inline-bad').getByTestId('problems')).toBeVisible();
  // The result comes with the bundle that reads its definition; every element on the page
  // reads a trainer's own, so the built-ins' shared result bundle is not asked for.
  expect([...new Set(friendRequested)].sort()).toEqual(['candor-own.js', 'candor-own_bg.wasm']);
  await other.close();
});
