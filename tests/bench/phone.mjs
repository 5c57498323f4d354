// The phone the load benchmarks (speed.mjs, later-screens.mjs) open pages on: Debian
// Chromium, 412 × 823, touch, CPU 4× slower, 150 ms latency, 1.6 Mbps down, 750 kbps up,
// a fresh profile per page.
import { chromium } from '@playwright/test';

/** How the figures' headings name the profile. */
export const PROFILE = 'Phone profile (412×823, CPU 4×, 150 ms, 1.6 Mbps/750 kbps)';

/** Debian's Chromium, without the background traffic of a first run. */
export const launch = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

/**
 * The phone's link as the test server's `--link` holds it (server.mjs): 150 ms and
 * 1.6 Mbps, counted as the browser's throttling counts it (1.6 × 2^20 bit/s).
 */
export const LINK = '1678/150';

/**
 * A new page on the phone, in a context of its own (`options` are added to the context's).
 * With `link`, the network is left to a server that serves over the phone's link (`LINK`),
 * and the browser throttles only the CPU.
 */
export async function phonePage(browser, options = {}, { link = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, ...options });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (!link) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

/** The median of `xs`. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The order in which `count` pages take their turn in run `run`: each run starts one page
 * further on, so no page always follows the same one (measured in a fixed order, either
 * build of the first question came 4–9% later when measured right after the baseline).
 */
export const turns = (count, run) => Array.from({ length: count }, (_, k) => (k + run) % count);

/**
 * Other builds to measure beside this one, in the same run (`BENCH_COMPARE="before=/path/to/dist,…"`):
 * `[{ name, root }]`. Each is served on a port of its own, and each of Candor's pages is
 * measured on it too, in turns with the others.
 */
export const compared = () =>
  (process.env.BENCH_COMPARE || '')
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const [name, root] = entry.split('=');
      return { name, root };
    });
