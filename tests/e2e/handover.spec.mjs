// The switch from the small bundle to the full one (results, data controls, sharing): the
// small bundle asks for it, the element makes it once the full bundle is in, and what is
// handed over is taken then, so a reader who went on while it loaded is not sent back and
// loses nothing, even with storage refused (the records are then held in memory). A widget
// that opens on a screen only the full bundle has loads it at once, without the small one.
import { test, expect } from '@playwright/test';
import { Quiz, cutOff, expectNoViolations, holdBack, pressAt, refuseStorage, requestedPaths, shownRoot, unexpectedBesidesDownloads, watchErrors } from './helpers.mjs';

// A service worker would serve the held-back bundle from its cache.
test.use({ serviceWorkers: 'block' });

const ID = 'trust-equation';

/** Holds the full bundle's WebAssembly back; returns the function that lets it through. */
const holdFullBundle = (page) => holdBack(page, 'candor-widget_bg.wasm');

/**
 * Opens the standalone page with the full bundle held back, waits for the small bundle's
 * own intro (not the first screen shown before it) and opens the intro's data controls,
 * which asks for the full bundle. Returns the quiz and the function that lets it through.
 */
async function askForFullBundle(page, testInfo) {
  const release = await holdFullBundle(page);
  await page.goto(`/embed.html?instrument=${ID}`);
  const quiz = new Quiz(page, ID, testInfo);
  await page.waitForFunction((id) => document.querySelector(`candor-quiz[instrument="${id}"]`).mounted, ID);
  await quiz.press(quiz.byTestId('intro-data').locator('summary'));
  await expect(quiz.byTestId('intro-data')).toHaveAttribute('open', '');
  return { quiz, release };
}

for (const storage of ['kept', 'refused']) {
  test(`data controls asked for, then Start and two answers before the full bundle is in: the reader stays on their question (storage ${storage})`, async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    if (storage === 'refused') await refuseStorage(page);
    const { quiz, release } = await askForFullBundle(page, testInfo);
    await quiz.press(quiz.byTestId('start'));
    await quiz.answer(1);
    await quiz.answer(3);
    await expect(quiz.byTestId('progress')).toHaveText(/^Question 3 of/);

    const before = await shownRoot(page, ID);
    release();
    await expect.poll(() => before.evaluate((root) => root.isConnected)).toBe(false);
    await expect(quiz.byTestId('progress')).toHaveText(/^Question 3 of/);
    await expect(quiz.byTestId('intro')).toHaveCount(0);
    await quiz.press(quiz.byTestId('back'));
    await expect(quiz.byTestId('progress')).toHaveText(/^Question 2 of/);
    await expect(quiz.root.locator('input[value="3"]')).toBeChecked();
    if (storage === 'refused') await expect(quiz.byTestId('notice')).toContainText('not letting the quiz save anything');
    expect(errors).toEqual([]);
  });
}

test('data controls asked for and the reader still on the intro when the full bundle is in: they open', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const { quiz, release } = await askForFullBundle(page, testInfo);
  await expect(quiz.byTestId('intro-data')).toContainText(/Loading/);
  release();
  await expect(quiz.byTestId('data')).toBeVisible();
  await expect(quiz.byTestId('intro')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a press that began on the small bundle is not lost when the switch to the full one comes before its release', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const { quiz, release } = await askForFullBundle(page, testInfo);
  const start = quiz.byTestId('start');
  const box = await start.boundingBox();
  const small = await shownRoot(page, ID);
  const lift = await pressAt(page, testInfo, box.x + box.width / 2, box.y + box.height / 2);
  release();
  // The full bundle is in (the element no longer waits for it) and the switch was due
  // in the task after: it waits for the press.
  await page.waitForFunction((id) => document.querySelector(`candor-quiz[instrument="${id}"]`).upgrading === false, ID);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(await small.evaluate((root) => root.isConnected)).toBe(true);
  await lift();
  await expect.poll(() => small.evaluate((root) => root.isConnected)).toBe(false);
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 1 of/);
  await expect(quiz.byTestId('intro')).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** Makes the full bundle's files fail to download; returns the function that lets them through. */
const cutFullBundle = (page) => cutOff(page, /candor-widget(_bg\.wasm|\.js)$/);

/**
 * Opens the standalone page for `id`, answers every question and presses Finish on the
 * last (with its answer, option 1); returns the quiz and the number of questions.
 */
async function finishQuiz(page, testInfo, id = ID) {
  await page.goto(`/embed.html?instrument=${id}`);
  const quiz = new Quiz(page, id, testInfo);
  await quiz.start();
  const { total } = await quiz.progress();
  for (let n = 1; n < total; n++) await quiz.answer(2);
  const last = quiz.root.locator('label.cq-choice:has(input[value="1"])');
  await quiz.press(last);
  await expect(last.locator('input')).toBeChecked();
  await quiz.press(quiz.byTestId('next'));
  return { quiz, total };
}

test('Finish while the full bundle is on its way: the question says the result is loading, then it shows', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const release = await holdFullBundle(page);
  const { quiz } = await finishQuiz(page, testInfo);
  await expect(quiz.byTestId('upgrading')).toHaveText('Loading your result…');
  await expect(quiz.byTestId('question')).toBeVisible();
  // Back to the previous question: the status is for the place the result was asked at.
  await quiz.press(quiz.byTestId('back'));
  await expect(quiz.byTestId('upgrading')).toHaveCount(0);
  await quiz.press(quiz.byTestId('next'));
  await quiz.press(quiz.byTestId('next'));
  await expect(quiz.byTestId('upgrading')).toBeVisible();
  release();
  await expect(quiz.byTestId('result')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the full bundle cannot be downloaded when the reader finishes: they are told, lose nothing, and can try again', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const restore = await cutFullBundle(page);
  const { quiz, total } = await finishQuiz(page, testInfo);
  const notice = quiz.byTestId('notice');
  await expect(notice).toContainText('could not be downloaded');
  await expect(quiz.byTestId('upgrading')).toHaveCount(0);
  await expect(quiz.byTestId('progress')).toHaveText(`Question ${total} of ${total}`);
  await expect(quiz.root.locator('input[value="1"]')).toBeChecked();
  await expectNoViolations(page, 'the notice that the results could not be downloaded');
  // Trying again while still cut off says so again; once the connection is back, the result.
  await quiz.press(notice.getByRole('button', { name: 'Try again' }));
  await expect(notice.getByRole('button', { name: 'Try again' })).toBeVisible();
  restore();
  await quiz.press(notice.getByRole('button', { name: 'Try again' }));
  await expect(quiz.byTestId('result')).toBeVisible();
  await expect(quiz.byTestId('notice')).toHaveCount(0);
  expect(unexpectedBesidesDownloads(errors)).toEqual([]);
});

test('the full bundle could not be downloaded: it comes by itself when the browser is back online', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const restore = await cutFullBundle(page);
  const { quiz } = await finishQuiz(page, testInfo);
  await expect(quiz.byTestId('notice')).toContainText('could not be downloaded');
  restore();
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await expect(quiz.byTestId('result')).toBeVisible();
  await expect(quiz.byTestId('notice')).toHaveCount(0);
  expect(unexpectedBesidesDownloads(errors)).toEqual([]);
});

test("a share link while the shared result's bundle cannot be downloaded: its widget says so and tries again; the others are their own quizzes", async ({ page, browser }, testInfo) => {
  const { quiz } = await finishQuiz(page, testInfo);
  await expect(quiz.byTestId('result')).toBeVisible();
  const link = new URL(await quiz.byTestId('share-link').inputValue());

  const other = await browser.newContext({ ...testInfo.project.use, serviceWorkers: 'block' });
  const friend = await other.newPage();
  const errors = watchErrors(friend);
  const restore = await cutOff(friend, /candor-shared-[a-z]+(_bg\.wasm|\.js)$/);
  await friend.goto(`/fixtures/course.html${link.hash}`);
  // Every widget asks for the shared result's bundle first (the address shares a result),
  // then runs on the small one: the shared result's widget hands over and says it could
  // not; another instrument's widget is the reader's own quiz.
  const shared = new Quiz(friend, ID, testInfo);
  await expect(shared.byTestId('notice')).toContainText('could not be downloaded');
  await expect(shared.byTestId('intro')).toHaveCount(0);
  const own = new Quiz(friend, 'service-or-servility', testInfo);
  await expect(own.byTestId('intro')).toBeVisible();
  restore();
  await shared.press(shared.byTestId('notice').getByRole('button', { name: 'Try again' }));
  await expect(shared.byTestId('shared-banner')).toBeVisible();
  await expect(own.byTestId('intro')).toBeVisible();
  expect(unexpectedBesidesDownloads(errors)).toEqual([]);
  await other.close();
});

test.describe(() => {
  // axe is added to the page as a script, which the facilitator page's
  // Content-Security-Policy would refuse.
  test.use({ bypassCSP: true });

  test("the facilitator's bundles cannot be downloaded: the screen says so and tries again", async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    const restore = await cutOff(page, /candor-facilitator(-top)?(_bg\.wasm|\.js)$/);
    await page.goto('/facilitator.html');
    const quiz = new Quiz(page, ID, testInfo);
    await expect(quiz.byTestId('unloaded')).toContainText('could not be downloaded');
    await expectNoViolations(page, "the facilitator's screen that could not be downloaded");
    restore();
    // The small bundle's stand-in asks for the bundle that draws the screen whole.
    await quiz.press(quiz.root.getByRole('button', { name: 'Try again' }));
    await expect(quiz.byTestId('facilitator')).toBeVisible();
    await expect(quiz.byTestId('paste')).toBeVisible();
    expect(unexpectedBesidesDownloads(errors)).toEqual([]);
  });

  test("the facilitator's screen's top is up when the rest cannot be downloaded: it says so and tries again", async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    const requested = bundleRequests(page);
    const restore = await cutOff(page, /candor-facilitator(_bg\.wasm|\.js)$/);
    await page.goto('/facilitator.html');
    const quiz = new Quiz(page, ID, testInfo);
    await expect(quiz.byTestId('qr')).toBeVisible();
    await expect(quiz.byTestId('attendee-link')).toBeVisible();
    await expect(quiz.byTestId('unloaded')).toContainText('The box for result codes could not be downloaded');
    await expect(quiz.byTestId('paste')).toHaveCount(0);
    await expectNoViolations(page, "the facilitator's screen's top without the rest");
    // The session's tag typed meanwhile goes with the switch.
    await quiz.byTestId('session').fill('Room 4');
    restore();
    await quiz.press(quiz.byTestId('retry'));
    await expect(quiz.byTestId('paste')).toBeVisible();
    await expect(quiz.byTestId('unloaded')).toHaveCount(0);
    await expect(quiz.byTestId('session')).toHaveValue('Room 4');
    await expect(quiz.byTestId('attendee-link')).toHaveText(/[?&]session=Room\+4$/);
    expect(requested.filter((path) => /^candor-(take|widget)/.test(path))).toEqual([]);
    expect(unexpectedBesidesDownloads(errors)).toEqual([]);
  });
});

/** The paths of the widget's bundle files `page` requests from now on. */
const bundleRequests = (page) => requestedPaths(page, /candor-(take|widget|facilitator)/);

test('a returning reader with a result: the full bundle shows it without the small one first; a new reader beside them gets the first screen', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const returning = 'service-or-servility';
  const { quiz } = await finishQuiz(page, testInfo, returning);
  await expect(quiz.byTestId('result')).toBeVisible();

  // A host page with one tag, theirs.
  let requested = bundleRequests(page);
  await page.goto('/fixtures/widget.html');
  await expect(new Quiz(page, returning, testInfo).byTestId('result')).toBeVisible();
  expect(requested.filter((path) => path.startsWith('candor-take'))).toEqual([]);

  // A course page with theirs and two they have not taken.
  requested = bundleRequests(page);
  await page.goto('/fixtures/course.html');
  await expect(new Quiz(page, returning, testInfo).byTestId('result')).toBeVisible();
  const fresh = new Quiz(page, ID, testInfo);
  await fresh.start();
  await fresh.answer(2);
  await expect(fresh.byTestId('progress')).toHaveText(/^Question 2 of/);
  expect(requested).toContain('candor-take_bg.wasm');
  expect(errors).toEqual([]);
});

test("a returning reader's result shows as the full bundle last drew it while that bundle loads, and a press on it is made once the bundle is in; a changed history waits for the bundle", async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const returning = 'service-or-servility';
  const { quiz } = await finishQuiz(page, testInfo, returning);
  await expect(quiz.byTestId('result')).toBeVisible();
  const keys = `candor:default:${returning}:`;
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) !== null, `${keys}kept`)).toBe(true);
  const headline = await quiz.byTestId('headline').textContent();
  // Resolves once candor-later.js is in and what the element asked of it has run.
  const laterRan = () => page.evaluate(() => import('/candor-later.js').then(() => true));

  // Changes to storage are made on a page without the widget, which keeps no more then.
  await page.goto('/fixtures/blank.html');
  // Kept under another build's texts or stylesheet, or in another language: not shown.
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)), stamp: '[]' })), `${keys}kept`);
  let release = await holdFullBundle(page);
  await page.goto('/fixtures/widget.html');
  const back = new Quiz(page, returning, testInfo);
  await expect(back.byTestId('loading')).toBeVisible();
  expect(await laterRan()).toBe(true);
  await expect(back.byTestId('result')).toHaveCount(0);
  release();
  await expect(back.byTestId('headline')).toHaveText(headline);

  // Their history changed since the result was kept (another tab, say): the widget waits
  // for the full bundle, which keeps the result anew.
  await page.goto('/fixtures/blank.html');
  await page.evaluate((key) => localStorage.setItem(key, `${localStorage.getItem(key)} `), `${keys}history`);
  release = await holdFullBundle(page);
  await page.goto('/fixtures/widget.html');
  await expect(back.byTestId('loading')).toBeVisible();
  expect(await laterRan()).toBe(true);
  await expect(back.byTestId('result')).toHaveCount(0);
  release();
  await expect(back.byTestId('headline')).toHaveText(headline);
  await expect.poll(() => page.evaluate((keys) => JSON.parse(localStorage.getItem(`${keys}kept`)).records[1] === localStorage.getItem(`${keys}history`), keys)).toBe(true);

  // Back again: the result shows before the full bundle, busy, and its Take again waits.
  release = await holdFullBundle(page);
  await page.goto('/fixtures/widget.html');
  await expect(back.byTestId('headline')).toHaveText(headline);
  await expect(back.root.locator('[aria-busy=true]').first()).toBeAttached();
  expect(await page.evaluate(() => Boolean(document.querySelector('candor-quiz').mounted))).toBe(false);
  await back.press(back.byTestId('retake'));
  await expect(back.byTestId('result')).toBeVisible();
  release();
  await expect(back.byTestId('question')).toBeVisible();
  expect(await back.questionNumber()).toBe(1);
  expect(errors).toEqual([]);
});

test("a reader who left half-way sees their question as last drawn while the small bundle loads; the option chosen and the button pressed there are chosen and pressed on the bundle's drawing", async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto(`/embed.html?instrument=${ID}`);
  const quiz = new Quiz(page, ID, testInfo);
  await quiz.start();
  await quiz.answer(2);
  await quiz.answer(2);
  const keys = `candor:default:${ID}:`;
  const keptNow = () => page.evaluate((keys) => JSON.parse(localStorage.getItem(`${keys}kept`) || 'null')?.records?.[0] === localStorage.getItem(`${keys}progress`), keys);
  await expect.poll(keptNow).toBe(true);

  const release = await holdBack(page, 'candor-take_bg.wasm');
  await page.goto(`/embed.html?instrument=${ID}`);
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 3 of/);
  expect(await page.evaluate(() => Boolean(document.querySelector('candor-quiz').mounted))).toBe(false);
  const choice = quiz.root.locator('label.cq-choice:has(input[value="1"])');
  await quiz.press(choice);
  await expect(choice.locator('input')).toBeChecked();
  await quiz.press(quiz.byTestId('back'));
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 3 of/);
  release();
  // The bundle's drawing: the choice made, then Back.
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 2 of/);
  await quiz.press(quiz.byTestId('next'));
  await expect(quiz.byTestId('progress')).toHaveText(/^Question 3 of/);
  await expect(choice.locator('input')).toBeChecked();
  expect(errors).toEqual([]);
});

test("the facilitator's page loads the facilitator's bundles alone, saying it is loading meanwhile", async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const requested = bundleRequests(page);
  const release = await holdBack(page, 'candor-facilitator-top_bg.wasm');
  await page.goto('/facilitator.html');
  const quiz = new Quiz(page, ID, testInfo);
  await expect(quiz.byTestId('loading')).toHaveText('Loading the quiz…');
  release();
  await expect(quiz.byTestId('facilitator')).toBeVisible();
  await expect(quiz.byTestId('loading')).toHaveCount(0);
  await expect(quiz.byTestId('paste')).toBeVisible();
  // The top's bundle first; the whole screen's once the top is drawn.
  expect(requested.filter((path) => path.endsWith('.wasm'))).toEqual(['candor-facilitator-top_bg.wasm', 'candor-facilitator_bg.wasm']);
  expect(requested.filter((path) => /^candor-(take|widget)/.test(path))).toEqual([]);
  expect(errors).toEqual([]);
});

test("the facilitator switching the quiz on the screen's top before the rest is in gets the whole screen of that quiz", async ({ page }) => {
  const errors = watchErrors(page);
  const release = await holdBack(page, 'candor-facilitator_bg.wasm');
  await page.goto('/facilitator.html');
  // Not the Quiz helper: it finds the element by the instrument it shows.
  const facilitator = page.locator('candor-quiz');
  await expect(facilitator.getByTestId('qr')).toBeVisible();
  await facilitator.getByTestId('instrument-choice').selectOption('trust-roadmap');
  await expect(facilitator.getByTestId('loading')).toBeVisible();
  release();
  await expect(facilitator.getByTestId('paste')).toBeVisible();
  await expect(facilitator.getByTestId('facilitator')).toContainText('Trust values roadmap');
  await expect(facilitator.getByTestId('attendee-link')).toHaveText(/[?&]instrument=trust-roadmap&/);
  expect(errors).toEqual([]);
});

test("the facilitator typing the session's tag as the whole screen takes over from its top keeps typing in it", async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const release = await holdBack(page, 'candor-facilitator_bg.wasm');
  await page.goto('/facilitator.html');
  const quiz = new Quiz(page, ID, testInfo);
  const session = quiz.byTestId('session');
  await session.fill('Room');
  await session.press('End');
  await session.pressSequentially(' 4');
  release();
  await expect(quiz.byTestId('paste')).toBeVisible();
  await session.page().keyboard.type('B');
  await expect(session).toHaveValue('Room 4B');
  await expect(session).toBeFocused();
  await expect(quiz.byTestId('attendee-link')).toHaveText(/[?&]session=Room\+4B$/);
  expect(errors).toEqual([]);
});
