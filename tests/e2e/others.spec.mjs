// Others' view, the rater's side: a link that carries a request (#candor-rate=…) opens the
// instrument as raters take it, about the person named in the link; the rater answers, with
// "I can't tell" on every item, and ends with the code the core makes of those answers
// (core/examples/e2e_expectations.rs). Nothing reaches the browser's storage or the host
// page's completion event. Every screen passes axe, in English and in French.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Quiz, chartLabelProblems, expectNoViolations, watchErrors } from './helpers.mjs';

const { raters } = JSON.parse(readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8'));

// axe-core is injected as an inline script, which the page's own policy would refuse.
test.use({ bypassCSP: true });

const words = {
  en: { intro: 'Sam would like to know how you see them.', cannotTell: "I can't tell", done: 'Now send this code to Sam' },
  fr: { intro: 'Sam aimerait connaître votre regard sur sa façon de travailler.', cannotTell: 'Je ne peux pas le dire', done: 'Envoyez maintenant ce code à Sam' },
};

const rateLink = (id, version, request, locale) =>
  `/embed.html?instrument=${id}&locale=${locale}#candor-rate=${encodeURIComponent(`${id}~${version}~${request}`)}`;

for (const rater of raters) {
  for (const locale of ['en', 'fr']) {
    test(`${rater.id} (${locale}): a rater answers about Sam from a link and gets the code the core makes, and nothing is kept`, async ({ page }, testInfo) => {
      const errors = watchErrors(page);
      await page.addInitScript(() => {
        window.completes = 0;
        document.addEventListener('candor:complete', () => window.completes++, true);
      });
      await page.goto(rateLink(rater.id, rater.version, rater.request, locale));
      const quiz = new Quiz(page, rater.id, testInfo);
      const said = words[locale];
      await expect(quiz.byTestId('intro')).toContainText(said.intro);
      // A rater has no data of their own to manage.
      await expect(quiz.byTestId('intro-data')).toHaveCount(0);
      await expectNoViolations(page, `${rater.id} rater intro (${locale})`);
      await quiz.start();
      await expect(quiz.byTestId('question')).toContainText('Sam');
      await expect(quiz.root.locator('label.cq-choice', { hasText: said.cannotTell })).toHaveCount(1);
      await expectNoViolations(page, `${rater.id} rater question (${locale})`);
      const last = rater.answers.length - 1;
      for (const value of rater.answers.slice(0, last)) await quiz.answer(value);
      await quiz.press(quiz.root.locator(`label.cq-choice:has(input[value="${rater.answers[last]}"])`));
      await quiz.press(quiz.byTestId('next'));

      await expect(quiz.byTestId('headline')).toContainText(said.done);
      await expect(quiz.byTestId('rater-code')).toHaveText(rater.code);
      await expect(quiz.byTestId('headline')).toBeFocused();
      await expect(quiz.byTestId('qr')).toBeVisible();
      await expectNoViolations(page, `${rater.id} rater code (${locale})`);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('candor')))).toEqual([]);
      expect(await page.evaluate(() => window.completes)).toBe(0);
      expect(errors).toEqual([]);
    });
  }
}

test('a damaged link, one for another version, or one for a questionnaire others cannot answer, says so instead of opening a quiz', async ({ page }) => {
  const error = page.locator('candor-quiz').getByTestId('load-error');
  // Each link opened afresh: a link that differs only after "#" does not reload the page.
  const open = async (url) => {
    await page.goto('about:blank');
    await page.goto(url);
  };
  await open(rateLink('trust-equation', 2, 'UUUU..Sam', 'en'));
  await expect(error).toContainText('This link to give your view of someone is damaged');
  await open(rateLink('trust-equation', 'x', 'EEJW..Sam', 'en'));
  await expect(error).toContainText('This link to give your view of someone is damaged');
  await open(rateLink('trust-equation', 99, 'EEJW..Sam', 'en'));
  await expect(error).toContainText('made for another version');
  await open(rateLink('curiosity', 1, 'EEJW..Sam', 'fr'));
  await expect(error).toContainText('ne peut pas être rempli au sujet de quelqu’un d’autre');
});

const views = JSON.parse(readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8')).others;

// The reader's side: the trust equation in English on the desktop, service or servility in
// French on the phone.
const reading = {
  en: {
    title: 'Ask others how they see you',
    named: 'They will be asked about Sam.',
    raterIntro: 'Sam would like to know',
    waiting: "2 answers in. Others' view shows from 3 on: waiting for 1 more.",
    added: 'Codes added: 1.',
    twice: 'already added',
    foreign: 'an answer about another questionnaire',
    ready: 'How 3 people see you',
    othersMore: 'Others see more',
    youMore: 'You see more',
    number: (text) => text,
  },
  fr: {
    title: 'Demandez aux autres comment ils vous voient',
    named: 'Les questions porteront sur Sam.',
    raterIntro: 'Sam aimerait connaître',
    waiting: '2 réponses reçues. Le regard des autres s’affiche à partir de 3\u00a0: encore 1 à attendre.',
    added: 'Codes ajoutés\u00a0: 1.',
    twice: 'déjà ajouté',
    foreign: 'une réponse à un autre questionnaire',
    ready: 'Comment 3 personnes vous voient',
    othersMore: 'Les autres voient en vous plus de',
    youMore: 'Vous voyez en vous plus de',
    number: (text) => text.replace('.', ','),
  },
};

test('a reader asks three people from their result, pastes their codes and sees own view against theirs, as the core computes it', async ({ page, browser, context, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const locale = testInfo.project.name === 'phone' ? 'fr' : 'en';
  const said = reading[locale];
  const view = views.find((v) => v.id === (locale === 'fr' ? 'service-or-servility' : 'trust-equation'));
  // The privacy gate over the whole exchange: nothing leaves the page's origin, no cookie.
  const origin = new URL(baseURL).origin;
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await page.goto(`/embed.html?instrument=${view.id}&locale=${locale}`);
  const reader = new Quiz(page, view.id, testInfo);
  await reader.start();
  for (const value of view.own) await reader.answer(value);
  const panel = reader.byTestId('others');
  await expect(panel).toContainText(said.title);
  await panel.getByTestId('others-name').fill('Sam');
  await reader.press(panel.getByTestId('others-ask'));
  const link = await panel.getByTestId('others-link').inputValue();
  expect(link).toContain('#candor-rate=');
  await expect(panel).toContainText(said.named);

  // Three people answer on their own phones and send their codes back in a chat.
  const codes = [];
  for (const answers of view.raters) {
    const raterContext = await browser.newContext({ ...testInfo.project.use, permissions: ['clipboard-read', 'clipboard-write'] });
    raterContext.on('request', (request) => requests.push(request.url()));
    const other = await raterContext.newPage();
    await other.goto(link);
    const rater = new Quiz(other, view.id, testInfo);
    await expect(rater.byTestId('intro')).toContainText(said.raterIntro);
    await rater.start();
    for (const value of answers.slice(0, -1)) await rater.answer(value);
    await rater.press(rater.root.locator(`label.cq-choice:has(input[value="${answers.at(-1)}"])`));
    await rater.press(rater.byTestId('next'));
    // The code as the rater's copy button puts it on the clipboard.
    await rater.press(rater.byTestId('copy-code'));
    await expect(rater.root.locator('.cq-status')).not.toBeEmpty();
    const copied = await other.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await rater.byTestId('rater-code').textContent());
    codes.push(copied);
    expect(await raterContext.cookies()).toEqual([]);
    await raterContext.close();
  }

  // Two codes: nothing but how many more are needed.
  await panel.getByTestId('others-paste').fill(`Ana: ${codes[0]}\nBo: here is mine ${codes[1]}`);
  await reader.press(panel.getByTestId('others-add'));
  await expect(panel.getByTestId('others-waiting')).toHaveText(said.waiting);
  await expect(panel.getByTestId('others-table')).toHaveCount(0);
  // The third, the first again and a rater's code for another questionnaire: one added,
  // two refused, each with why.
  const foreign = raters.find((r) => r.id !== view.id).code;
  await panel.getByTestId('others-paste').fill(`${codes[2]} and ${codes[0]} and ${foreign}`);
  await reader.press(panel.getByTestId('others-add'));
  await expect(panel.getByTestId('others-added')).toHaveText(said.added);
  await expect(panel.getByTestId('others-refused')).toContainText(said.twice);
  await expect(panel.getByTestId('others-refused')).toContainText(said.foreign);
  await expect(panel.getByTestId('others-ready')).toHaveText(said.ready);

  const check = async () => {
    for (const [p, part] of view.parts.entries()) {
      await expect(panel.getByTestId(`others-own-${p}`)).toHaveText(part.own);
      await expect(panel.getByTestId(`others-mean-${p}`)).toHaveText(said.number(part.mean));
      await expect(panel.getByTestId(`others-sd-${p}`)).toHaveText(said.number(part.sd));
    }
    const gaps = panel.getByTestId('others-gaps').locator('li');
    await expect(gaps).toHaveCount(view.gaps.length);
    for (const [i, gap] of view.gaps.entries()) {
      await expect(gaps.nth(i)).toContainText(gap.others_more ? said.othersMore : said.youMore);
      await expect(gaps.nth(i)).toContainText(`(${said.number(gap.points)} points)`);
    }
    // The result's picture with both: two shapes on the radar; two points on the map and
    // two marks on the slope.
    if (view.id === 'trust-equation') await expect(panel.getByTestId('others-shape')).toBeVisible();
    else {
      await expect(panel.getByTestId('others-point')).toBeVisible();
      await expect(panel.getByTestId('others-station')).toBeVisible();
    }
  };
  await check();
  await expectNoViolations(page, `others' view of a result (${locale})`);
  expect(await chartLabelProblems(reader.root)).toEqual([]);

  // The request and the codes are kept with the result.
  await page.reload();
  await check();
  expect(errors).toEqual([]);
  expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

const workshop = JSON.parse(readFileSync(new URL('../.generated/expectations.json', import.meta.url), 'utf8')).group_others;

test("a facilitator pastes members' and raters' codes together and sees the group's own view against others'", async ({ page }) => {
  await page.goto('/facilitator.html');
  const facilitator = page.locator('candor-quiz');
  await facilitator.getByTestId('instrument-choice').selectOption(workshop.id);
  await facilitator.getByTestId('session').fill(workshop.session);
  const [a, b, c] = workshop.raters;
  await facilitator.getByTestId('paste').fill([...workshop.members, a, b].join('\n'));
  const report = facilitator.getByTestId('group-report');
  await expect(report.getByTestId('group-count')).toHaveText('2 code(s) in the group.');
  await expect(report.getByTestId('group-others-waiting')).toHaveText("2 raters' codes so far: others' view shows from 3 on.");
  await facilitator.getByTestId('paste').fill([...workshop.members, a, b, c, `again ${a}`].join('\n'));
  for (const [p, own] of workshop.own.entries()) {
    await expect(report.getByTestId(`group-own-${p}`)).toHaveText(own);
    await expect(report.getByTestId(`group-others-${p}`)).toHaveText(workshop.others[p]);
  }
  await expect(report.getByTestId('group-others-refused')).toContainText('Rater codes left out: 1');
  await expectNoViolations(page, "the facilitator's own view against others'");
});
