// The first screen before the bundle (candor-element.js, public/candor-data.js): a new
// reader of a built-in instrument sees the intro and can start, answer and go on while the
// small bundle is still on its way; the bundle takes over from where they are, with the
// option order they saw. Each test holds the bundle's WebAssembly back until it says so.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { Quiz, cutOff, expectNoViolations, holdBack, pressAt, requestedPaths, shownRoot, takenOver, unexpectedBesidesDownloads, watchErrors } from './helpers.mjs';

// axe is injected as an inline script; a service worker would serve the held-back bundle
// from its cache on a reload.
test.use({ bypassCSP: true, serviceWorkers: 'block' });

/** Holds the small bundle's WebAssembly back; returns the function that lets it through. */
const holdBundle = (page) => holdBack(page, 'candor-take_bg.wasm');

const optionOrder = (quiz) => quiz.root.locator('input[type=radio]').evaluateAll((inputs) => inputs.map((i) => i.value));

test('a new reader starts and answers before the bundle arrives; it takes over where they are', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const release = await holdBundle(page);
  await page.goto('/embed.html?instrument=customer-focus');
  const quiz = new Quiz(page, 'customer-focus', testInfo);
  await expect(quiz.byTestId('intro')).toBeVisible();
  await expectNoViolations(page, 'the first screen: intro');

  // Start, Back to the intro, Start again: all before the bundle.
  await quiz.press(quiz.byTestId('start'));
  await expect(quiz.byTestId('question')).toBeVisible();
  await expect(quiz.root.locator('legend')).toBeFocused();
  await quiz.press(quiz.byTestId('back'));
  await expect(quiz.byTestId('intro')).toBeVisible();
  await quiz.press(quiz.byTestId('start'));
  await expect(quiz.byTestId('progress')).toHaveText('Question 1 of 10');
  await expectNoViolations(page, 'the first screen: first question');
  const first = await shownRoot(page, 'customer-focus');

  const order = await optionOrder(quiz);
  const next = quiz.byTestId('next');
  await expect(next).toBeDisabled();
  const choice = quiz.root.locator('label.cq-choice').nth(3);
  await quiz.press(choice);
  await expect(choice.locator('input')).toBeChecked();
  await expect(next).toBeEnabled();
  await quiz.press(next);
  // Still the first screen: nothing is stored until the bundle has taken over.
  expect(await first.evaluate((root) => root.isConnected)).toBe(true);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  release();
  await expect(quiz.byTestId('progress')).toHaveText('Question 2 of 10');
  // The bundle took the first screen's own drawing over and moved it on.
  expect(await first.evaluate((root) => root.isConnected)).toBe(true);
  await expect(quiz.root.locator('legend')).toBeFocused();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('candor:default:customer-focus:progress')));
  expect(stored.answers[0]).toBe(Number(order[3]));

  // The first question keeps the order the reader saw, with their answer.
  await quiz.press(quiz.byTestId('back'));
  await expect(quiz.byTestId('progress')).toHaveText('Question 1 of 10');
  expect(await optionOrder(quiz)).toEqual(order);
  await expect(quiz.root.locator(`input[value="${order[3]}"]`)).toBeChecked();
  expect(errors).toEqual([]);
});

test('the first screen asks for the small bundle and its questions form in an idle moment after its paint', async ({ page }) => {
  // The page's idle moments are held until the test lets them come.
  await page.addInitScript(() => {
    window.heldIdle = [];
    window.requestIdleCallback = (step) => window.heldIdle.push(step);
  });
  const requested = requestedPaths(page, /^\/(candor-take_bg\.wasm|questions\/)/);
  await page.goto('/embed.html?instrument=customer-focus');
  await expect(page.locator('candor-quiz').getByTestId('intro')).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0 && window.heldIdle.length > 0);
  expect(requested).toEqual([]);
  await page.evaluate(() => window.heldIdle.splice(0).forEach((step) => step()));
  await takenOver(page);
  expect(requested.sort()).toEqual(['candor-take_bg.wasm', 'questions/customer-focus.en.json']);
});

test('the first screen is the bundle\'s own, in the reader\'s language', async ({ page }) => {
  const release = await holdBundle(page);
  await page.goto('/embed.html?instrument=service-or-servility&locale=fr-CA');
  const intro = page.locator('candor-quiz').getByTestId('intro');
  await expect(intro.getByTestId('start')).toHaveText('Commencer');
  const before = await intro.innerText();
  const first = await shownRoot(page, 'service-or-servility');
  release();
  await takenOver(page);
  expect(await first.evaluate((root) => root.isConnected)).toBe(true);
  await expect(intro).toBeVisible();
  expect(await intro.innerText()).toBe(before);
});

test('a widget that names no instrument shows the first screen of the one it opens', async ({ page }) => {
  const errors = watchErrors(page);
  const release = await holdBundle(page);
  await page.goto('/embed.html');
  const widget = page.locator('candor-quiz');
  expect(await widget.getAttribute('instrument')).toBeNull();
  await expect(widget.getByTestId('intro')).toBeVisible();
  await expect(widget.locator('h2')).toHaveText('Service or servility?');
  const first = await page.evaluateHandle(() => document.querySelector('candor-quiz').shadowRoot.firstElementChild);
  release();
  await takenOver(page);
  expect(await first.evaluate((root) => root.isConnected)).toBe(true);
  await expect(widget.locator('h2')).toHaveText('Service or servility?');
  expect(errors).toEqual([]);
});

test('Enter on an option goes on, as in the bundle', async ({ page }, testInfo) => {
  test.skip(testInfo.project.use.hasTouch === true, 'keyboard');
  const release = await holdBundle(page);
  await page.goto('/embed.html?instrument=trust-equation');
  const quiz = new Quiz(page, 'trust-equation', testInfo);
  await quiz.byTestId('start').click();
  await expect(quiz.root.locator('legend')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(quiz.root.locator('input[type=radio]').nth(1)).toBeChecked();
  await page.keyboard.press('Enter');
  release();
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 2 of/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('candor:default:trust-equation:progress')));
  expect(stored.answers[0]).toBe(1);
});

test('a returning reader gets no first screen: the bundle shows where they left off', async ({ page }, testInfo) => {
  await page.goto('/embed.html?instrument=trust-equation');
  const quiz = new Quiz(page, 'trust-equation', testInfo);
  await quiz.start();
  await quiz.answer(2);
  // Without the screen kept as they left it (handover.spec.mjs shows that one), removed
  // on a page without the widget, which keeps no more then.
  const kept = 'candor:default:trust-equation:kept';
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) !== null, kept)).toBe(true);
  await page.goto('/fixtures/blank.html');
  await page.evaluate((key) => localStorage.removeItem(key), kept);

  const release = await holdBundle(page);
  await page.goto('/embed.html?instrument=trust-equation');
  // Once the element is defined and its stylesheet is in, a first screen would be up.
  await page.waitForFunction(() => {
    const root = document.querySelector('candor-quiz')?.shadowRoot;
    return customElements.get('candor-quiz') && root && root.adoptedStyleSheets[0]?.cssRules.length > 0;
  });
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await expect(quiz.byTestId('intro')).toHaveCount(0);
  await expect(quiz.byTestId('question')).toHaveCount(0);
  // Meanwhile the widget says it is loading.
  await expect(quiz.byTestId('loading')).toHaveText('Loading the quiz…');
  await expect(quiz.byTestId('loading')).toHaveAttribute('role', 'status');
  release();
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 2 of/);
  await expect(quiz.root.locator('input[value="2"]')).toHaveCount(1);
  await expect(quiz.byTestId('loading')).toHaveCount(0);
});

test('a widget with no first screen says it is loading in its language', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one language check is enough');
  const release = await holdBundle(page);
  await page.goto('/embed.html?instrument=trust-equation&locale=fr&session=ws1');
  const quiz = new Quiz(page, 'trust-equation', testInfo);
  await expect(quiz.byTestId('loading')).toHaveText('Chargement du questionnaire…');
  await expectNoViolations(page, 'a widget with no first screen, loading');
  release();
  await expect(quiz.byTestId('intro')).toBeVisible();
  await expect(quiz.byTestId('loading')).toHaveCount(0);
});

test('changing the element before the bundle arrives shows the first screen of what it now asks for, if any', async ({ page }) => {
  const release = await holdBundle(page);
  await page.goto('/embed.html?instrument=trust-equation');
  const widget = page.locator('candor-quiz');
  await expect(widget.getByTestId('intro')).toContainText('trust');
  await widget.evaluate((element) => element.setAttribute('instrument', 'customer-focus'));
  await expect(widget.getByTestId('intro').locator('h2')).toHaveText('The five levels of customer focus');
  // A session is the bundle's to handle: no first screen until it arrives.
  await widget.evaluate((element) => element.setAttribute('session', 'WS-1'));
  await expect(widget.getByTestId('intro')).toHaveCount(0);
  // Without it, the first screen is back.
  await widget.evaluate((element) => element.removeAttribute('session'));
  await expect(widget.getByTestId('intro').locator('h2')).toHaveText('The five levels of customer focus');
  await widget.evaluate((element) => element.setAttribute('session', 'WS-1'));
  release();
  await expect(widget.getByTestId('intro').locator('h2')).toHaveText('The five levels of customer focus');
});

/** Counts, in `window.switches`, the switches to the full bundle `instrument`'s element is asked for. */
const recordSwitches = (page, instrument) =>
  page.evaluate((id) => {
    const element = document.querySelector(`candor-quiz[instrument="${id}"]`);
    const upgrade = element.candorHandOver;
    window.switches = 0;
    element.candorHandOver = function (handoff) {
      window.switches += 1;
      return upgrade.call(this, handoff);
    };
  }, instrument);

/** A new reader again (storage cleared, the bundle held back anew) who opens the intro's data controls. */
async function againWithDataOpen(page, testInfo) {
  await page.unrouteAll();
  const release = await holdBundle(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const quiz = new Quiz(page, 'trust-equation', testInfo);
  await quiz.press(quiz.byTestId('intro-data').locator('summary'));
  return { quiz, release };
}

test('the intro\'s data controls: open when the bundle arrives, they stay open; after Start, the reader stays where they went', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  // Opened and left open on the intro: the bundle opens them too.
  let release = await holdBundle(page);
  await page.goto('/embed.html?instrument=trust-equation');
  let quiz = new Quiz(page, 'trust-equation', testInfo);
  await quiz.press(quiz.byTestId('intro-data').locator('summary'));
  await expect(quiz.byTestId('intro-data')).toHaveAttribute('open', '');
  release();
  await expect(quiz.byTestId('data')).toBeVisible();
  await expect(quiz.byTestId('intro')).toBeVisible();

  // Opened, then Start: the take-over shows the question the reader is on, and does not
  // send them back to the intro's data controls (a switch to the full bundle to open
  // them would be asked for in the take-over's own task, before the question shows).
  ({ quiz, release } = await againWithDataOpen(page, testInfo));
  await expect(quiz.byTestId('intro-data')).toHaveAttribute('open', '');
  await quiz.press(quiz.byTestId('start'));
  await expect(quiz.byTestId('question')).toBeVisible();
  await recordSwitches(page, 'trust-equation');
  release();
  await takenOver(page);
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 1 of/);
  expect(await page.evaluate(() => window.switches)).toBe(0);
  await quiz.answer(1);

  // Opened, Start, then Back to a fresh intro (its data controls closed): they stay closed.
  ({ quiz, release } = await againWithDataOpen(page, testInfo));
  await quiz.press(quiz.byTestId('start'));
  await quiz.press(quiz.byTestId('back'));
  await expect(quiz.byTestId('intro-data')).not.toHaveAttribute('open');
  await recordSwitches(page, 'trust-equation');
  release();
  await takenOver(page);
  await expect(quiz.byTestId('intro-data')).not.toHaveAttribute('open');
  expect(await page.evaluate(() => window.switches)).toBe(0);

  // An instrument whose Start leads to a group question: Start pressed with the data
  // controls open leads there.
  await page.unrouteAll();
  release = await holdBundle(page);
  await page.goto('/embed.html?instrument=trust-roadmap');
  quiz = new Quiz(page, 'trust-roadmap', testInfo);
  await quiz.press(quiz.byTestId('intro-data').locator('summary'));
  await quiz.press(quiz.byTestId('start'));
  await recordSwitches(page, 'trust-roadmap');
  release();
  await expect(quiz.byTestId('group')).toBeVisible();
  expect(await page.evaluate(() => window.switches)).toBe(0);
  expect(errors).toEqual([]);
});

test('a press that began on the first screen is not lost when the bundle arrives before its release', async ({ page }, testInfo) => {
  const release = await holdBundle(page);
  await page.goto('/embed.html?instrument=customer-focus');
  const quiz = new Quiz(page, 'customer-focus', testInfo);
  const start = quiz.byTestId('start');
  await expect(start).toBeVisible();
  const box = await start.boundingBox();
  const lift = await pressAt(page, testInfo, box.x + box.width / 2, box.y + box.height / 2);
  release();
  // The bundle mounts while the press is held; the press ends on the same button.
  await page.waitForFunction(() => document.querySelector('candor-quiz').mounted);
  await lift();
  await takenOver(page);
  await expect(quiz.byTestId('progress')).toHaveText('Question 1 of 10');
  await expect(quiz.root.locator('legend')).toBeFocused();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('candor:default:customer-focus:progress')));
  expect(stored).not.toBeNull();
});

for (const late of [false, true]) {
  test(`a Space key held on the first screen's Start is not lost when the bundle arrives before its release${late ? ', and the next frame comes after the take-over' : ''}`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'a keyboard run');
    // A loaded machine may run the take-over's task before the frame that focuses the new
    // step's heading: frames come late here, and focus must still follow the reader.
    if (late) {
      await page.addInitScript(() => {
        const frame = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (step) => frame(() => setTimeout(() => frame(step), 100));
      });
    }
    const release = await holdBundle(page);
    await page.goto('/embed.html?instrument=customer-focus');
    const quiz = new Quiz(page, 'customer-focus', testInfo);
    const start = quiz.byTestId('start');
    await start.focus();
    // A button's Space press clicks on the key's release.
    await page.keyboard.down(' ');
    release();
    // The bundle mounts while the key is held; it is released on the same button.
    await page.waitForFunction(() => document.querySelector('candor-quiz').mounted);
    await page.keyboard.up(' ');
    await takenOver(page);
    await expect(quiz.byTestId('progress')).toHaveText('Question 1 of 10');
    await expect(quiz.root.locator('legend')).toBeFocused();
  });
}

for (const control of ['Start', 'an option']) {
  test(`${control} focused on the first screen keeps the focus when the bundle takes over`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'a keyboard run');
    const release = await holdBundle(page);
    await page.goto('/embed.html?instrument=customer-focus');
    const quiz = new Quiz(page, 'customer-focus', testInfo);
    let focused = quiz.byTestId('start');
    if (control === 'an option') {
      await quiz.byTestId('start').click();
      await expect(quiz.byTestId('progress')).toHaveText('Question 1 of 10');
      // The first screen moves focus to the new step's heading in the next frame: the
      // reader's focus on an option comes after that, as a reader's would.
      await expect(quiz.root.locator('legend')).toBeFocused();
      focused = quiz.root.locator('input[type=radio]').nth(2);
    }
    await focused.focus();
    const value = control === 'an option' ? await focused.getAttribute('value') : null;
    release();
    await takenOver(page);
    const now = value === null ? quiz.byTestId('start') : quiz.root.locator(`input[type=radio][value="${value}"]`);
    await expect(now).toBeFocused();
  });
}

test('a Space key held on the first screen and released elsewhere does not hold the bundle back', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a keyboard run');
  const release = await holdBundle(page);
  await page.goto('/embed.html?instrument=customer-focus');
  const quiz = new Quiz(page, 'customer-focus', testInfo);
  await quiz.byTestId('start').focus();
  await page.keyboard.down(' ');
  // Focus leaves the widget before the key is released: no click will come.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.up(' ');
  release();
  await takenOver(page);
  await expect(quiz.byTestId('start')).toBeVisible();
});

/** Makes the small bundle's WebAssembly fail to download; returns the function that lets it through. */
const cutBundle = (page) => cutOff(page, '**/candor-take_bg.wasm');

test('the small bundle cannot be downloaded: the first screen says so, stays usable, and takes it up again', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const restore = await cutBundle(page);
  await page.goto('/embed.html?instrument=customer-focus');
  const quiz = new Quiz(page, 'customer-focus', testInfo);
  const notice = quiz.byTestId('notice');
  await expect(notice).toContainText('could not be downloaded');
  await expect(quiz.byTestId('start')).toBeVisible();
  await expectNoViolations(page, 'the first screen, the bundle not downloaded');
  // The first screen goes on meanwhile, and keeps saying so.
  await quiz.press(quiz.byTestId('start'));
  const choice = quiz.root.locator('label.cq-choice').nth(2);
  await quiz.press(choice);
  await expect(choice.locator('input')).toBeChecked();
  const value = await choice.locator('input').getAttribute('value');
  await expect(notice).toContainText('could not be downloaded');
  const first = await shownRoot(page, 'customer-focus');
  restore();
  await quiz.press(notice.getByRole('button', { name: 'Try again' }));
  await takenOver(page);
  expect(await first.evaluate((root) => root.isConnected)).toBe(true);
  await expect(quiz.byTestId('progress')).toHaveText('Question 1 of 10');
  await expect(quiz.root.locator(`input[value="${value}"]`)).toBeChecked();
  await expect(quiz.byTestId('notice')).toHaveCount(0);
  expect(unexpectedBesidesDownloads(errors)).toEqual([]);
});

test('the small bundle cannot be downloaded for a widget with no first screen: it says so, and comes when the browser is back online', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const restore = await cutBundle(page);
  // A session tag: no first screen, the bundle decides what is shown.
  await page.goto('/embed.html?instrument=trust-equation&session=ws1');
  const quiz = new Quiz(page, 'trust-equation', testInfo);
  await expect(quiz.byTestId('notice')).toContainText('could not be downloaded');
  await expectNoViolations(page, 'a widget with no first screen, the bundle not downloaded');
  restore();
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await expect(quiz.byTestId('intro')).toBeVisible();
  await expect(quiz.byTestId('notice')).toHaveCount(0);
  expect(unexpectedBesidesDownloads(errors)).toEqual([]);
});

test('the small bundle cannot be downloaded, in French: the notice is in French', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one language check is enough');
  await cutBundle(page);
  await page.goto('/embed.html?instrument=trust-equation&locale=fr');
  const quiz = new Quiz(page, 'trust-equation', testInfo);
  const notice = quiz.byTestId('notice');
  await expect(notice).toContainText('n’a pas pu être téléchargée');
  await expect(notice.getByRole('button', { name: 'Réessayer' })).toBeVisible();
});

// The small bundle holds no instrument's text: the element fetches the questions form of
// each widget's instrument (questions/<id>.<locale>.json) and hands it over; the bundle
// takes only a form its build serves.

/** The paths of the questions forms `page` requests from now on. */
const formRequests = (page) => requestedPaths(page, /^\/questions\//);

test('each widget is handed the questions form of its instrument, in its language, each fetched once a page', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  // The full bundle is held back: every widget here runs on the small one.
  await holdBack(page, 'candor-widget_bg.wasm');
  const requested = formRequests(page);
  await page.goto('/fixtures/course.html');
  for (const id of ['service-or-servility', 'trust-equation', 'trust-roadmap']) {
    const quiz = new Quiz(page, id, testInfo);
    await quiz.press(quiz.byTestId('start'));
    // The trust roadmap asks how the reader knows the organisation first.
    if (id === 'trust-roadmap') await quiz.chooseGroup(0);
    await quiz.answer(1);
    await expect(quiz.byTestId('progress')).toHaveText(/^Question 2 of/);
  }
  // A French reader's widget added to the page, and a second one of an instrument already on it.
  await page.evaluate(() => {
    const main = document.querySelector('main');
    main.insertAdjacentHTML('beforeend', '<candor-quiz instrument="customer-focus" locale="fr-CA"></candor-quiz>');
    main.insertAdjacentHTML('beforeend', '<candor-quiz id="again" instrument="trust-equation" storage-key="again"></candor-quiz>');
  });
  const definition = JSON.parse(readFileSync(new URL('../../core/instruments/customer-focus.fr.json', import.meta.url), 'utf8'));
  const french = new Quiz(page, 'customer-focus', testInfo);
  await french.press(french.byTestId('start'));
  await french.answer(1);
  await expect(french.byTestId('progress')).toHaveText(/^Question 2 sur/);
  await expect(french.root.locator('legend')).toContainText(definition.items[1].text);
  await expect(page.locator('#again').getByTestId('intro')).toBeVisible();
  expect(requested.sort()).toEqual([
    'questions/customer-focus.fr.json',
    'questions/service-or-servility.en.json',
    'questions/trust-equation.en.json',
    'questions/trust-roadmap.en.json',
  ]);
  expect(errors).toEqual([]);
});

test('the questions form cannot be downloaded: the first screen says so, stays usable, and takes it up again', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const restore = await cutOff(page, '**/questions/*.json');
  await page.goto('/embed.html?instrument=service-or-servility');
  const quiz = new Quiz(page, 'service-or-servility', testInfo);
  const notice = quiz.byTestId('notice');
  await expect(notice).toContainText('could not be downloaded');
  await expectNoViolations(page, 'the first screen, the questions not downloaded');
  // The first screen goes on meanwhile, and keeps saying so.
  await quiz.press(quiz.byTestId('start'));
  const choice = quiz.root.locator('label.cq-choice').nth(1);
  await quiz.press(choice);
  const value = await choice.locator('input').getAttribute('value');
  await quiz.press(quiz.byTestId('next'));
  await expect(notice).toContainText('could not be downloaded');
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  restore();
  await quiz.press(notice.getByRole('button', { name: 'Try again' }));
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 2 of/);
  await expect(quiz.byTestId('notice')).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('candor:default:service-or-servility:progress')));
  expect(stored.answers[0]).toBe(Number(value));
  expect(unexpectedBesidesDownloads(errors)).toEqual([]);
});

test('a damaged questions form, or one another build left: the full bundle, which reads the definition instead, takes the widget over', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  // The form as served, one question reworded: what a form of another build looks like.
  const served = readFileSync(new URL('../../dist/questions/trust-equation.en.json', import.meta.url), 'utf8');
  const reworded = served.replace('Clients come to me', 'Customers come to me');
  expect(reworded).not.toBe(served);
  await page.route('**/questions/trust-equation.en.json', (route) => route.fulfill({ contentType: 'application/json', body: reworded }));
  await page.goto('/embed.html?instrument=trust-equation&session=ws1');
  const quiz = new Quiz(page, 'trust-equation', testInfo);
  await quiz.start();
  // The questions this build holds, not the form's.
  await expect(quiz.root.locator('legend')).toContainText('Clients come to me');
  await quiz.answer(1);
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 2 of/);
  // The server's fault is said where a developer looks, and nowhere else.
  expect(errors.filter((e) => !/the questions of "trust-equation" could not be read \(it is not one this build serves\)/.test(e))).toEqual([]);
  expect(errors.length).toBe(1);
});

test('a questions form another build left, under a first screen the reader went on from: the full bundle takes over from where they are', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  // The form as served with its first question reworded: not one this build serves.
  const definition = JSON.parse(readFileSync(new URL('../../core/instruments/customer-focus.en.json', import.meta.url), 'utf8'));
  const question = definition.items[0].text;
  const served = readFileSync(new URL('../../dist/questions/customer-focus.en.json', import.meta.url), 'utf8');
  const older = served.replace(JSON.stringify(question), JSON.stringify(`${question} (an older build)`));
  expect(older).not.toBe(served);
  await page.route('**/questions/customer-focus.en.json', (route) => route.fulfill({ contentType: 'application/json', body: older }));
  const release = await holdBundle(page);
  await page.goto('/embed.html?instrument=customer-focus');
  const quiz = new Quiz(page, 'customer-focus', testInfo);
  await quiz.press(quiz.byTestId('start'));
  const order = await optionOrder(quiz);
  await quiz.press(quiz.root.locator('label.cq-choice').nth(3));
  await quiz.press(quiz.byTestId('next'));

  release();
  await expect(quiz.byTestId('progress')).toHaveText('Question 2 of 10');
  await expect(quiz.root.locator('legend')).toBeFocused();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('candor:default:customer-focus:progress')));
  expect(stored.answers[0]).toBe(Number(order[3]));
  // The first question keeps the order the reader saw, with their answer.
  await quiz.press(quiz.byTestId('back'));
  expect(await optionOrder(quiz)).toEqual(order);
  await expect(quiz.root.locator(`input[value="${order[3]}"]`)).toBeChecked();
  await expect(quiz.root.locator('legend')).toHaveText(question);
  expect(errors).toEqual([
    expect.stringMatching(/the questions of "customer-focus" could not be read \(it is not one this build serves\)/),
  ]);
});

test('another instrument\'s questions form: the full bundle takes the widget over', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the damaged form covers the phone');
  const errors = watchErrors(page);
  await page.route('**/questions/trust-equation.en.json', (route) => route.fulfill({ path: fileURLToPath(new URL('../../dist/questions/service-or-servility.en.json', import.meta.url)) }));
  await page.goto('/embed.html?instrument=trust-equation&session=ws1');
  const quiz = new Quiz(page, 'trust-equation', testInfo);
  await quiz.start();
  await quiz.answer(1);
  // The trust equation's twenty questions, not the other instrument's.
  await expect(quiz.byTestId('progress')).toHaveText('Question 2 of 20');
  expect(errors).toEqual([
    expect.stringMatching(/the questions of "trust-equation" could not be read \(it is that of "service-or-servility"\)/),
  ]);
});
