// The SCORM packages (tools/scorm.mjs) in a real SCORM runtime: scorm-again as the LMS's
// API on a test LMS page (fixtures/lms.html) that launches the unzipped package in a frame
// (written into fixtures/lms-test/<worker>/ first).
// A whole attempt on a phone: initialize, incomplete, suspend data after each answer (with
// the package option), a relaunch that resumes, completed with the score the core computes,
// terminate; and an LMS that is missing or refuses its calls.
import { test, expect } from '@playwright/test';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { buildPackages, unpack, zip } from '../../tools/scorm.mjs';
import { Quiz, watchErrors } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', 'dist');
// Served at /fixtures/lms-test/<worker>/ (written here, ignored by git): each worker writes
// its own, so that one worker's set-up never removes files another is loading.
let served;
let base;
const ID = 'customer-focus';
const expectation = JSON.parse(readFileSync(join(here, '..', '.generated', 'expectations.json'), 'utf8')).instruments.find((c) => c.id === ID);
const SCORE = String(Math.round(expectation.summary.scaled * 100));

// What a test does is the LMS's, not the viewport's: the phone only.
test.skip(({ isMobile }) => !isMobile, 'SCORM is tested on the phone');

test.beforeAll(async ({}, workerInfo) => {
  base = `/fixtures/lms-test/w${workerInfo.workerIndex}`;
  served = join(here, '..', 'fixtures', 'lms-test', `w${workerInfo.workerIndex}`);
  rmSync(served, { recursive: true, force: true });
  mkdirSync(join(served, 'scorm-again'), { recursive: true });
  for (const file of ['scorm12.min.js', 'scorm2004.min.js']) {
    cpSync(join(here, '..', 'node_modules', 'scorm-again', 'dist', file), join(served, 'scorm-again', file));
  }
  // Each package is zipped and unzipped as an LMS receives it.
  const variants = [
    ['-resume', { resume: true }],
    ['', { resume: false }],
    // Passed or failed at exactly the score the pattern gets: passed.
    ['-mastery', { mastery: Number(SCORE) }],
  ];
  for (const [suffix, options] of variants) {
    for (const pkg of await buildPackages({ source: ID, dist, ...options })) {
      const folder = join(served, `${pkg.name.replace('.zip', '')}${suffix}`);
      unpack(unzipSync(zip(pkg)), folder);
    }
  }
});

const lms = (standard, pkg, extra = '') => `/fixtures/lms.html?standard=${standard}&package=${base}/${pkg}/${extra}`;

/** The calls the package made to the LMS so far. */
const calls = (page) => page.evaluate(() => window.lmsCalls || []);
const sets = async (page, name) => (await calls(page)).filter(([method, [key]]) => /SetValue/.test(method) && key === name).map(([, [, value]]) => value);

/** The quiz in the launched package. */
function quizIn(page, testInfo) {
  const quiz = new Quiz(page, ID, testInfo);
  quiz.root = page.frameLocator('iframe').locator('candor-quiz');
  return quiz;
}

async function answerFrom(quiz, from) {
  for (const value of expectation.answers.slice(from)) await quiz.answer(value);
}

test('SCORM 1.2, resume in the LMS: incomplete, suspend data per answer, a relaunch on another device resumes, completed with the score', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto(lms('1.2', 'candor-customer-focus-scorm12-resume'));
  const quiz = quizIn(page, testInfo);
  await expect(page.frameLocator('iframe').locator('#candor-lms-sent')).toContainText('keeps your answers until you finish');
  await quiz.start();
  await expect.poll(() => sets(page, 'cmi.core.lesson_status')).toEqual(['incomplete']);
  expect((await calls(page))[0][0]).toBe('LMSInitialize');
  for (const value of expectation.answers.slice(0, 3)) await quiz.answer(value);
  // The attempt in progress, as the widget stores it, after each step.
  await expect.poll(async () => JSON.parse(JSON.parse((await sets(page, 'cmi.suspend_data')).at(-1) || '{"progress":"{}"}').progress).position).toBe(3);
  const suspended = JSON.parse((await sets(page, 'cmi.suspend_data')).at(-1));
  expect(JSON.parse(suspended.progress).answers.slice(0, 3)).toEqual(expectation.answers.slice(0, 3));

  // Another device: nothing in this browser; the LMS gives back what it kept.
  await page.evaluate((kept) => {
    localStorage.clear();
    sessionStorage.setItem('lms-cmi', JSON.stringify({ suspend_data: kept }));
  }, JSON.stringify(suspended));
  await page.reload();
  await expect(quiz.byTestId('progress')).toHaveText('Question 4 of 10');
  await answerFrom(quiz, 3);
  await expect(quiz.byTestId('headline')).toHaveText(expectation.expected.headline);
  await expect.poll(() => sets(page, 'cmi.core.lesson_status')).toContain('completed');
  expect(await sets(page, 'cmi.core.score.raw')).toEqual([SCORE]);
  expect(await sets(page, 'cmi.core.score.max')).toEqual(['100']);
  expect((await sets(page, 'cmi.suspend_data')).at(-1)).toBe('');
  // The learner leaves the activity: the session ends.
  await page.evaluate(() => document.querySelector('iframe').remove());
  await expect.poll(async () => (await calls(page)).map(([m]) => m)).toContain('LMSFinish');
  expect(await sets(page, 'cmi.core.exit')).toEqual(['']);
  expect(errors).toEqual([]);
});

test('SCORM 2004 without the option: only status and score reach the LMS, and a relaunch resumes from the browser', async ({ page }, testInfo) => {
  await page.goto(lms('2004', 'candor-customer-focus-scorm2004'));
  const quiz = quizIn(page, testInfo);
  await expect(page.frameLocator('iframe').locator('#candor-lms-sent')).toHaveText(
    'This course records that you finished and your score. Your answers stay in this browser.',
  );
  await quiz.start();
  for (const value of expectation.answers.slice(0, 2)) await quiz.answer(value);
  await expect.poll(() => sets(page, 'cmi.completion_status')).toEqual(['incomplete']);
  await page.evaluate(() => document.querySelector('iframe').remove());
  await expect.poll(() => sets(page, 'cmi.exit')).toEqual(['suspend']);
  await page.reload();
  await expect(quiz.byTestId('progress')).toHaveText('Question 3 of 10');
  await answerFrom(quiz, 2);
  await expect(quiz.byTestId('headline')).toHaveText(expectation.expected.headline);
  await expect.poll(() => sets(page, 'cmi.completion_status')).toContain('completed');
  expect(await sets(page, 'cmi.score.scaled')).toEqual([String(Math.round(expectation.summary.scaled * 1000) / 1000)]);
  expect(await sets(page, 'cmi.score.raw')).toEqual([SCORE]);
  // No passing score in the package: success is left to the LMS.
  expect(await sets(page, 'cmi.success_status')).toEqual([]);
  const keys = (await calls(page)).filter(([m]) => m === 'SetValue').map(([, [key]]) => key);
  expect(keys.filter((k) => /suspend_data|interactions|learner_response/.test(k))).toEqual([]);
});

test('without an LMS, or with one that refuses: the quiz works and says the course did not record it', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  // Opened on its own: no API anywhere.
  await page.goto(`${base}/candor-customer-focus-scorm12/index.html`);
  await expect(page.locator('#candor-lms')).toContainText('could not be reached');
  const alone = new Quiz(page, ID, testInfo);
  await alone.start();

  // An LMS that refuses every value.
  await page.goto(lms('2004', 'candor-customer-focus-scorm2004', '&refuse=1'));
  const quiz = quizIn(page, testInfo);
  await expect(page.frameLocator('iframe').locator('#candor-lms')).toContainText('did not record your attempt');
  await quiz.start();
  await answerFrom(quiz, 0);
  await expect(quiz.byTestId('headline')).toHaveText(expectation.expected.headline);
  expect(errors).toEqual([]);
});

test('a mastery score: passed at exactly it, in both standards', async ({ page }, testInfo) => {
  for (const [standard, name, status] of [
    ['1.2', 'candor-customer-focus-scorm12-mastery', 'cmi.core.lesson_status'],
    ['2004', 'candor-customer-focus-scorm2004-mastery', 'cmi.success_status'],
  ]) {
    await page.goto(lms(standard, name));
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const quiz = quizIn(page, testInfo);
    await quiz.start();
    await answerFrom(quiz, 0);
    await expect(quiz.byTestId('headline')).toHaveText(expectation.expected.headline);
    await expect.poll(() => sets(page, status)).toContain('passed');
  }
});
