// Lighthouse (mobile preset: a mid-range phone, 4× CPU, simulated slow 4G) against the
// built site on the local test server, in Debian's Chromium, with nothing fetched from
// anywhere else. Prints the performance and accessibility scores of each page.
//
//   node tests/lighthouse.mjs [--gate] [text]   (text: only the pages whose name holds it)
//
// With --gate (the test command) it fails when accessibility is under 100: that score
// depends only on the page. Performance is reported, never gated: on a loaded CI machine
// its timings vary from run to run; it is tracked by scripts/bench.sh and docs/performance.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './local-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const gate = process.argv.includes('--gate');
const port = 4185;
const only = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';
const pages = [
  ['standalone page (intro)', '/embed.html?instrument=service-or-servility'],
  ['demo page', '/index.html'],
  ['facilitator page', '/facilitator.html'],
  ['authoring page', '/author.html'],
].filter(([name]) => name.includes(only));

const { base, close } = await startServer(port);
const work = mkdtempSync(join(tmpdir(), 'candor-lighthouse-'));
let failed = false;
try {
  console.log('Lighthouse, mobile preset:');
  for (const [name, path] of pages) {
    const report = join(work, 'report.json');
    const run = spawnSync(
      join(here, 'node_modules', '.bin', 'lighthouse'),
      [
        base + path,
        '--only-categories=performance,accessibility',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking',
        '--output=json',
        `--output-path=${report}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`lighthouse failed on ${path}:\n${run.stderr}`);
    const result = JSON.parse(readFileSync(report, 'utf8'));
    if (result.runtimeError) throw new Error(`lighthouse could not load ${path}: ${result.runtimeError.message}`);
    const score = (id) => Math.round(100 * result.categories[id].score);
    const audit = (id) => result.audits[id]?.displayValue ?? '?';
    console.log(
      `  ${name.padEnd(26)} performance ${score('performance')} · accessibility ${score('accessibility')}` +
        ` (FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')})`,
    );
    if (score('accessibility') < 100) {
      failed = true;
      for (const a of Object.values(result.audits)) {
        if (a.score === 0 && result.categories.accessibility.auditRefs.some((r) => r.id === a.id)) {
          console.log(`    failing: ${a.id}: ${a.title}`);
        }
      }
    }
  }
} finally {
  close();
  rmSync(work, { recursive: true, force: true });
}
if (failed && gate) {
  console.error('Lighthouse accessibility is under 100.');
  process.exit(1);
}
