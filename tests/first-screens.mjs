// Writes public/candor-first.js: the intro and first question of every built-in instrument
// in every interface language, exactly as the built widget renders them for a new reader,
// and the questions forms the site serves (dist/questions/, written by the core), by
// instrument and language. candor-element.js shows the first screens while the bundle is
// still on its way, and hands the small bundle the form of its instrument (see its header).
//
//   node tests/first-screens.mjs           rewrite public/candor-first.js from dist/
//   node tests/first-screens.mjs --check   fail when it differs from what dist/ renders
//
// Run it after `trunk build` whenever an instrument, an interface string or the markup of
// the intro or question screen changes; the test command runs the check. The snapshots
// are taken in Debian's Chromium from the standalone page with the committed snapshots
// blanked out, so they always come from the bundle itself. A level item shows its options
// in an order drawn from the attempt's seed: its first question is taken once per seed in
// SEEDS, and the element picks one of them and hands its seed to the bundle.
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './local-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const target = join(root, 'public', 'candor-first.js');
const check = process.argv.includes('--check');

// The seeds of the orders a level item's first question is snapshot in (any u32 will do).
const SEEDS = [2654435769, 1013904223, 3141592653, 2718281828, 1618033988, 4056069621, 271828182, 577215664];

// Built-in instruments (core/instruments/<id>.<locale>.json) and interface languages
// (English, and one app/src/text/<locale>.rs per translation).
const instruments = [...new Set(readdirSync(join(root, 'core', 'instruments')).map((f) => f.split('.')[0]))].sort();
const locales = ['en', ...readdirSync(join(root, 'app', 'src', 'text')).map((f) => f.replace(/\.rs$/, ''))].sort();

// The questions forms the built site serves, as `{ id: [locale, …] }`.
const forms = {};
for (const file of readdirSync(join(root, 'dist', 'questions')).sort()) {
  const [, id, locale] = file.match(/^(.+)\.([a-z-]+)\.txt$/) || [];
  if (id) (forms[id] ||= []).push(locale);
}
for (const id of instruments) {
  for (const locale of locales) {
    if (!(forms[id] || []).includes(locale)) {
      console.error(`dist/questions has no ${id}.${locale}.txt: a reader of ${id} in that language would get no questions`);
      process.exit(1);
    }
  }
}

// Makes the widget draw `seed` as the attempt's seed (it draws it from Math.random).
function fixSeed() {
  const seed = new URLSearchParams(location.search).get('snapshot-seed');
  if (seed !== null) Math.random = () => (Number(seed) + 0.5) / 4294967295;
}

// The markup without Leptos's empty placeholder comments, if any (the full bundle leaves
// them where a view may later put something; the small bundle, which these come from, has
// none): the first screen is replaced whole when the bundle takes over, never updated.
const widget = (page) =>
  page.evaluate(() => document.querySelector('candor-quiz').shadowRoot.firstElementChild.innerHTML.replaceAll('<!---->', ''));

async function snapshot(context, base, id, locale) {
  const take = async (seed) => {
    const page = await context.newPage();
    await page.goto(`${base}/embed.html?instrument=${id}&locale=${locale}&snapshot-seed=${seed}`);
    await page.locator('candor-quiz [data-testid=intro]').waitFor();
    const intro = await widget(page);
    await page.locator('candor-quiz [data-testid=start]').click();
    const next = page.locator('candor-quiz [data-testid=question], candor-quiz [data-testid=group]');
    await next.waitFor();
    let question = null;
    if ((await next.getAttribute('data-testid')) === 'question') {
      const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `candor:default:${id}:progress`);
      if (stored.seed !== seed) throw new Error(`${id}/${locale}: the widget drew seed ${stored.seed}, not ${seed}`);
      question = await widget(page);
    }
    await page.evaluate(() => localStorage.clear());
    await page.close();
    return { intro, question };
  };
  const first = await take(SEEDS[0]);
  const entry = { intro: first.intro, questions: [] };
  if (first.question === null) return entry; // a group to choose first: no question snapshot
  entry.questions.push([SEEDS[0], first.question]);
  const second = await take(SEEDS[1]);
  if (second.question === first.question) return entry; // options in a fixed order
  entry.questions.push([SEEDS[1], second.question]);
  for (const seed of SEEDS.slice(2)) entry.questions.push([seed, (await take(seed)).question]);
  return entry;
}

const server = await startServer(Number(process.env.PORT || 4183));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const screens = {};
try {
  const context = await browser.newContext();
  await context.addInitScript(fixSeed);
  // The committed snapshots are blanked out: what is taken comes from the bundle alone.
  await context.route('**/candor-first.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: `export const screens = {};\nexport const forms = ${JSON.stringify(forms)};` }),
  );
  for (const id of instruments) {
    screens[id] = {};
    for (const locale of locales) screens[id][locale] = await snapshot(context, server.base, id, locale);
  }
} finally {
  await browser.close();
  server.close();
}

const text = `// Generated by \`node tests/first-screens.mjs\` from the built widget: do not edit.
// The intro and first question of each built-in instrument in each interface language, as
// the bundle renders them for a new reader; candor-element.js shows them while the bundle
// is on its way. questions: [seed, markup] for each option order snapshot.
export const screens = ${JSON.stringify(screens, null, 1)};

// The questions forms the site serves (questions/<id>.<locale>.txt), by instrument.
export const forms = ${JSON.stringify(forms)};
`;

if (check) {
  if (readFileSync(target, 'utf8') === text) {
    console.log(`first screens: public/candor-first.js matches the built widget (${instruments.length} instruments, ${locales.join(', ')})`);
  } else {
    console.error('public/candor-first.js differs from what the built widget renders (an instrument, an');
    console.error('interface string, the intro or question markup, or the questions forms changed): run `node tests/first-screens.mjs`');
    console.error('after `trunk build` and commit the result.');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`first screens: wrote public/candor-first.js (${(text.length / 1024).toFixed(1)} KB)`);
}
