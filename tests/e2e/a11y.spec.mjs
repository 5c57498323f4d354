// Accessibility: axe-core finds nothing on any screen, with no rule
// disabled; no chart label overlaps another, leaves its chart or has under 4.5:1 contrast
// with the shape under it; the whole quiz works with the keyboard alone; results are
// announced; touch targets are at least 44 × 44 px; every screen reflows at 320 px with
// doubled text; reduced motion is honoured.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz, chartContrastProblems, chartLabelProblems, expectNoViolations, outOfBounds } from './helpers.mjs';

const cases = JSON.parse(
  readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'),
).instruments;
const workshop = JSON.parse(
  readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'),
).workshop;

// axe-core is injected as an inline script, which the demo pages' own Content-Security-Policy
// would refuse; the policy itself is tested in embedding.spec.mjs.
test.use({ bypassCSP: true });

async function complete(quiz, case_) {
  await quiz.press(quiz.byTestId('start'));
  if (case_.group !== null) await quiz.chooseGroup(case_.group);
  for (const value of case_.answers) await quiz.answer(value);
}

// Each theme in one language: every screen of every instrument is checked in English and
// in French, whose longer words also test the charts' labels. One test per instrument.
for (const [theme, locale] of [['light', 'en'], ['dark', 'fr']]) {
  for (const case_ of cases) {
    test(`every screen of ${case_.id} passes axe, its charts can be read (${theme}, ${locale})`, async ({ page }, testInfo) => {
      await page.goto(`/embed.html?instrument=${case_.id}&theme=${theme}&locale=${locale}`);
      const quiz = new Quiz(page, case_.id, testInfo);
      await expect(quiz.byTestId('intro')).toBeVisible();
      await expectNoViolations(page, `${case_.id} intro`);
      await quiz.press(quiz.byTestId('start'));
      if (case_.group !== null) {
        await expect(quiz.byTestId('group')).toBeVisible();
        await expectNoViolations(page, `${case_.id} group`);
        await quiz.chooseGroup(case_.group);
      }
      await expect(quiz.byTestId('question')).toBeVisible();
      await expectNoViolations(page, `${case_.id} question`);
      for (const value of case_.answers) await quiz.answer(value);
      await expectNoViolations(page, `${case_.id} result`);
      expect(await chartLabelProblems(quiz.root), `${case_.id} result`).toEqual([]);
      expect(await chartContrastProblems(quiz.root), `${case_.id} result`).toEqual([]);
      // A second attempt adds the history list and its trend.
      await quiz.press(quiz.byTestId('retake'));
      if (case_.group !== null) await quiz.chooseGroup(case_.group);
      for (const value of case_.answers) await quiz.answer(value);
      await expect(quiz.byTestId('history')).toBeVisible();
      await expectNoViolations(page, `${case_.id} result with history`);
      expect(await chartLabelProblems(quiz.root), `${case_.id} result with history`).toEqual([]);
      expect(await chartContrastProblems(quiz.root), `${case_.id} result with history`).toEqual([]);
    });
  }
}

/** Two attendees' roadmap codes from two groups in session AX, so the facilitator's heat
 * maps and the comparison between groups show. */
async function roadmapCodes(browser, testInfo) {
  const codes = [];
  for (const group of [0, 1]) {
    const context = await browser.newContext(testInfo.project.use);
    const attendee = await context.newPage();
    await attendee.goto('/embed.html?instrument=trust-roadmap&session=AX');
    const quiz = new Quiz(attendee, 'trust-roadmap', testInfo);
    await complete(quiz, { group, answers: Array(21).fill(group + 2) });
    codes.push((await quiz.byTestId('code').textContent()).trim());
    await context.close();
  }
  return codes;
}

test('the facilitator screen, with a group, passes axe; its charts can be read', async ({ page, browser }, testInfo) => {
  const codes = await roadmapCodes(browser, testInfo);
  await page.goto('/facilitator.html');
  const facilitator = page.locator('candor-quiz');
  await facilitator.getByTestId('instrument-choice').selectOption('trust-roadmap');
  await facilitator.getByTestId('session').fill('AX');
  await expectNoViolations(page, 'facilitator, empty');
  await facilitator.getByTestId('paste').fill(`${codes.join('\n')}\nnot a code 1ZZZZZZZZZZZZZZZZ`);
  await expect(facilitator.getByTestId('group-count')).toHaveText('2 code(s) in the group.');
  await expect(facilitator.getByTestId('difference')).toBeVisible();
  await expectNoViolations(page, 'facilitator with a group');
  expect(await chartLabelProblems(facilitator), 'facilitator with a group').toEqual([]);
  expect(await chartContrastProblems(facilitator), 'facilitator with a group').toEqual([]);
});

/** The English definition of built-in instrument `id`, as a trainer would start from it. */
function builtIn(id) {
  const definition = JSON.parse(readFileSync(new URL(`../../core/instruments/${id}.en.json`, import.meta.url), 'utf8'));
  delete definition.$schema;
  return definition;
}

/** Puts a widget with `definition` inline on a page and returns it, on its intro. */
async function mountInline(page, definition, testInfo) {
  await page.goto('/fixtures/custom.html');
  await page.evaluate((json) => {
    const element = document.createElement('candor-quiz');
    element.id = 'inline-test';
    element.setAttribute('storage-key', 'inline-test');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = json;
    element.append(script);
    document.querySelector('main').prepend(element);
  }, JSON.stringify(definition));
  const quiz = new Quiz(page, definition.id, testInfo);
  quiz.root = page.locator('#inline-test');
  await expect(quiz.byTestId('intro')).toBeVisible();
  return quiz;
}

// The reader's mark at an end of its scale, its label beside the scale's own end labels.
for (const case_ of cases) {
  test(`at the lowest and the highest result of ${case_.id}, every chart stays readable`, async ({ page }, testInfo) => {
    for (const end of ['lowest', 'highest']) {
      await page.goto(`/embed.html?instrument=${case_.id}`);
      const quiz = new Quiz(page, case_.id, testInfo);
      await complete(quiz, { group: case_.group, answers: case_[end] });
      await expect(quiz.byTestId('result')).toBeVisible();
      expect(await chartLabelProblems(quiz.root), `${case_.id}, ${end}`).toEqual([]);
      expect(await outOfBounds(quiz.root), `${case_.id}, ${end}`).toEqual([]);
      await page.evaluate(() => localStorage.clear());
    }
  });
}

test("a trainer's long names (levels, quadrants, axes, stations, factors, rows) keep every chart readable", async ({ page }, testInfo) => {
  // Every name and label of each built-in model, made longer.
  const longer = (value, key) => {
    if (Array.isArray(value)) return value.map((v) => longer(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, longer(v, k)]));
    if (typeof value === 'string' && ['name', 'label'].includes(key)) return `${value} with a much longer tail that goes on for a while`;
    return value;
  };
  for (const case_ of cases) {
    const definition = builtIn(case_.id);
    const quiz = await mountInline(page, { ...definition, id: `long-${case_.id}`, model: longer(definition.model) }, testInfo);
    await complete(quiz, case_);
    await expect(quiz.byTestId('result')).toBeVisible();
    expect(await chartLabelProblems(quiz.root), case_.id).toEqual([]);
    expect(await outOfBounds(quiz.root), case_.id).toEqual([]);
    await page.evaluate(() => localStorage.clear());
  }
});

test("a trainer's grid with eight long column names keeps its heat map readable", async ({ page }, testInfo) => {
  // The roadmap's definition with eight columns, two rows and an item for each cell.
  const roadmap = builtIn('trust-roadmap');
  const names = [
    'Attention to what the other side needs',
    'Collaboration',
    'A long-term view of the relationship',
    'Transparency about mistakes and trade-offs',
    'Candour',
    'Promises kept',
    'Fairness when things go wrong',
    'Respect',
  ];
  const columns = names.map((name, i) => ({ id: `c${i}`, name }));
  const rows = roadmap.model.rows.slice(0, 2);
  const items = rows.flatMap((row) =>
    columns.map((column) => ({
      id: `${row.id}-${column.id}`,
      scale: 'agree',
      cell: { row: row.id, column: column.id },
      text: `In ${row.name.toLowerCase()}, the organisation shows ${column.name.toLowerCase()}.`,
      try: `Name one moment this month where ${column.name.toLowerCase()} mattered.`,
    })),
  );
  const definition = { ...roadmap, id: 'long-columns', model: { ...roadmap.model, rows, columns }, items };
  const quiz = await mountInline(page, definition, testInfo);
  await complete(quiz, { group: 0, answers: items.map((_, i) => i % 5) });
  await expect(quiz.byTestId('heatmap-chart')).toBeVisible();
  expect(await chartLabelProblems(quiz.root)).toEqual([]);
  expect(await chartContrastProblems(quiz.root)).toEqual([]);
});

test('notices, errors and the shared view pass axe', async ({ page, browser }, testInfo) => {
  // Storage refused: the in-memory notice.
  await page.addInitScript(() => {
    if (location.search.includes('blocked')) {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    }
  });
  await page.goto('/embed.html?instrument=service-or-servility&storage-key=blocked');
  await expect(page.locator('candor-quiz').getByTestId('notice')).toBeVisible();
  await expectNoViolations(page, 'storage notice');

  // A record set aside.
  await page.goto('/fixtures/blank.html');
  await page.evaluate(() => localStorage.setItem('candor:default:trust-equation:progress', '{broken'));
  await page.goto('/embed.html?instrument=trust-equation');
  await expect(page.locator('candor-quiz').getByTestId('notice')).toContainText('put aside');
  await expectNoViolations(page, 'set-aside notice');

  // An invalid custom instrument and an unknown built-in.
  await page.goto('/fixtures/custom.html');
  await expect(page.locator('#inline-bad').getByTestId('problems')).toBeVisible();
  await expect(page.locator('#src-missing').getByTestId('load-error')).toBeVisible();
  await expectNoViolations(page, 'definition problems');
  await page.goto('/embed.html?instrument=no-such-quiz');
  await expect(page.locator('candor-quiz').getByTestId('load-error')).toBeVisible();
  await expectNoViolations(page, 'unknown instrument');

  // A shared result, opened in another browser.
  await page.goto('/embed.html?instrument=service-or-servility');
  const quiz = new Quiz(page, 'service-or-servility', testInfo);
  await complete(quiz, { group: null, answers: workshop.attendees[0] });
  const link = await quiz.byTestId('share-link').inputValue();
  const other = await browser.newContext(testInfo.project.use);
  const friend = await other.newPage();
  await friend.goto(link);
  await expect(friend.locator('candor-quiz').getByTestId('shared-banner')).toBeVisible();
  await expectNoViolations(friend, 'shared result');
  await other.close();

  // The data controls open, with the delete confirmation.
  await quiz.press(quiz.byTestId('result').getByTestId('delete'));
  await expect(quiz.byTestId('delete-confirm')).toBeVisible();
  await expectNoViolations(page, 'delete confirmation');
});

test('the French interface passes axe', async ({ page }, testInfo) => {
  await page.goto('/embed.html?instrument=trust-equation&locale=fr');
  const quiz = new Quiz(page, 'trust-equation', testInfo);
  await expect(quiz.byTestId('intro')).toContainText('Votre équation de la confiance');
  await expectNoViolations(page, 'French intro');
  await quiz.press(quiz.byTestId('start'));
  await expect(quiz.byTestId('progress')).toHaveText('Question 1 sur 20');
  for (let i = 0; i < 20; i++) {
    const choice = quiz.root.locator('label.cq-choice').nth(i % 5);
    await quiz.press(choice);
    await quiz.press(quiz.byTestId('next'));
    if (i < 19) await expect(quiz.byTestId('progress')).toHaveText(`Question ${i + 2} sur 20`);
  }
  await expect(quiz.byTestId('result')).toBeVisible();
  await expect(quiz.byTestId('headline')).toContainText('Quotient de confiance');
  await expectNoViolations(page, 'French result');

  // A file that is not an export, and one from a newer widget: refused, and said in French.
  const importFile = (name, text) =>
    quiz.byTestId('result').getByTestId('import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await importFile('notes.json', '{"hello": "world"}');
  await expect(quiz.byTestId('notice').last()).toContainText('Rien n’a été importé\u00a0: ce fichier n’est pas un export de Candor.');
  await importFile('newer.json', JSON.stringify({ format: 'candor-export', version: 99, namespace: 'default', exported_at: 0, records: [] }));
  await expect(quiz.byTestId('notice').last()).toContainText('ce fichier vient d’une version plus récente de Candor (format 99)');
  await expectNoViolations(page, 'French import notices');
});

test("in French, a trainer's invalid definition is explained in French", async ({ page }) => {
  const definition = builtIn('trust-equation');
  definition.id = 'fr-bad';
  delete definition.title;
  definition.minutes = 'five';
  definition.items[3].scale = 'freq';
  definition.model.quotient_bands[1].min = 2.25;
  await page.goto('/fixtures/widget.html');
  await page.evaluate((json) => {
    const element = document.createElement('candor-quiz');
    element.setAttribute('locale', 'fr');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = json;
    element.append(script);
    document.querySelector('candor-quiz').replaceWith(element);
  }, JSON.stringify(definition));
  const problems = page.locator('candor-quiz').getByTestId('problems');
  await expect(problems).toContainText('Ce questionnaire ne peut pas être lancé');
  const listed = await problems.locator('li').allInnerTexts();
  expect(listed).toEqual([
    'title\u00a0: est obligatoire mais absent',
    'minutes\u00a0: doit être un nombre\u00a0; trouvé\u00a0: une chaîne de caractères',
    'model.quotient_bands[1].min\u00a0: une décimale au plus',
    'items[3].scale\u00a0: échelle inconnue\u00a0: «\u00a0freq\u00a0»',
  ]);
  await expectNoViolations(page, 'French definition problems');
});

test('keyboard only: a whole instrument with Tab, arrows and Enter; focus follows', async ({ page }, testInfo) => {
  test.skip(testInfo.project.use.hasTouch === true, 'keyboards are for the desktop run');
  await page.goto('/embed.html?instrument=service-or-servility');
  const quiz = new Quiz(page, 'service-or-servility', testInfo);
  await expect(quiz.byTestId('start')).toBeVisible();
  // Tab into the widget until Start has focus, then press it.
  for (let i = 0; i < 10 && !(await quiz.byTestId('start').evaluate((el) => el.matches(':focus'))); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(quiz.byTestId('start')).toBeFocused();
  await page.keyboard.press('Enter');
  const pattern = workshop.attendees[1];
  for (const [k, value] of pattern.entries()) {
    // Focus is on the new question's legend.
    await expect(quiz.root.locator('legend')).toBeFocused();
    await expect(quiz.byTestId('progress')).toHaveText(`Question ${k + 1} of 16`);
    // Tab into the radio group, then arrows to the answer: the first arrow press from an
    // unchecked group moves to the second option, so Space first checks the first one.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let i = 0; i < value; i++) await page.keyboard.press('ArrowDown');
    await expect(quiz.root.locator(`input[value="${value}"]`)).toBeChecked();
    await page.keyboard.press('Enter');
  }
  await expect(quiz.byTestId('headline')).toHaveText('Going through the motions');
  await expect(quiz.byTestId('headline')).toBeFocused();
  await expect(quiz.byTestId('announce')).toHaveText('Your result is ready: Going through the motions.');
});

test('touch targets are at least 44 × 44 px on every screen', async ({ page }, testInfo) => {
  const small = async (screen) => {
    const found = await page.locator('candor-quiz').evaluate((host) => {
      const out = [];
      const targets = host.shadowRoot.querySelectorAll('button, summary, select, label.cq-choice, label.cq-file, .cq-link, a:not(.cq-link-text)');
      for (const el of targets) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.width < 44 || r.height < 44) out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      return out;
    });
    expect(found, screen).toEqual([]);
  };
  const case_ = cases.find((c) => c.id === 'trust-roadmap');
  await page.goto(`/embed.html?instrument=${case_.id}`);
  const quiz = new Quiz(page, case_.id, testInfo);
  await small('intro');
  await quiz.press(quiz.byTestId('start'));
  await small('group');
  await quiz.chooseGroup(case_.group);
  await small('question');
  for (const value of case_.answers) await quiz.answer(value);
  await quiz.press(quiz.byTestId('result').locator('summary').first());
  await small('result');
});

// At 320 px wide with the text doubled: what `page` shows must fit, nothing running past
// the edge. Returns `fits(root, screen)`, which checks it.
async function narrowAndDoubled(page) {
  await page.setViewportSize({ width: 320, height: 640 });
  return async (root, screen) => {
    expect(await outOfBounds(root), screen).toEqual([]);
    expect(await page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth), screen).toBe(true);
  };
}
const DOUBLED = 'candor-quiz { --candor-font-size: 200%; }';

test('at 320 px wide with the text doubled, every screen of every instrument fits: nothing runs past the edge', async ({ page }, testInfo) => {
  const fits = await narrowAndDoubled(page);
  for (const case_ of cases) {
    await page.goto(`/embed.html?instrument=${case_.id}`);
    await page.addStyleTag({ content: DOUBLED });
    const quiz = new Quiz(page, case_.id, testInfo);
    await expect(quiz.byTestId('intro')).toBeVisible();
    await fits(quiz.root, `${case_.id} intro`);
    await quiz.press(quiz.byTestId('start'));
    if (case_.group !== null) {
      await expect(quiz.byTestId('group')).toBeVisible();
      await fits(quiz.root, `${case_.id} group`);
      await quiz.chooseGroup(case_.group);
    }
    await expect(quiz.byTestId('question')).toBeVisible();
    await fits(quiz.root, `${case_.id} question`);
    for (const value of case_.answers) await quiz.answer(value);
    await expect(quiz.byTestId('qr')).toBeVisible();
    await fits(quiz.root, `${case_.id} result`);
    await page.evaluate(() => localStorage.clear());
  }
});

test("at 320 px wide with the text doubled, French's longer words and the facilitator's screen fit", async ({ page, browser }, testInfo) => {
  const fits = await narrowAndDoubled(page);
  // French words run longer ("Commencer", "Partenariat").
  for (const case_ of cases.filter((c) => ['service-or-servility', 'trust-equation'].includes(c.id))) {
    await page.goto(`/embed.html?instrument=${case_.id}&locale=fr`);
    await page.addStyleTag({ content: DOUBLED });
    const quiz = new Quiz(page, case_.id, testInfo);
    await expect(quiz.byTestId('intro')).toBeVisible();
    await fits(quiz.root, `${case_.id} intro (fr)`);
    await quiz.press(quiz.byTestId('start'));
    await expect(quiz.byTestId('question')).toBeVisible();
    await fits(quiz.root, `${case_.id} question (fr)`);
    for (const value of case_.answers) await quiz.answer(value);
    await expect(quiz.byTestId('qr')).toBeVisible();
    await fits(quiz.root, `${case_.id} result (fr)`);
    await page.evaluate(() => localStorage.clear());
  }
  // The facilitator's screen, with a group to report on.
  const codes = await roadmapCodes(browser, testInfo);
  await page.goto('/facilitator.html');
  await page.addStyleTag({ content: DOUBLED });
  const facilitator = page.locator('candor-quiz');
  await facilitator.getByTestId('instrument-choice').selectOption('trust-roadmap');
  await facilitator.getByTestId('session').fill('AX');
  await facilitator.getByTestId('paste').fill(`${codes.join('\n')}\nnot a code 1ZZZZZZZZZZZZZZZZ`);
  await expect(facilitator.getByTestId('difference')).toBeVisible();
  await fits(facilitator, 'facilitator with a group');
});

test('reduced motion turns transitions off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/fixtures/widget.html');
  const quiz = page.locator('candor-quiz');
  await quiz.getByTestId('start').click();
  await expect(quiz.locator('label.cq-choice').first()).toHaveCSS('transition-duration', '0s');
});
