// The two engines of the smoke suite behind one small interface:
//   goto(url), run(fn, ...args) (fn runs in the page, its result comes back),
//   tick() (a short wait between two looks), errors() / clearErrors() (what the engine
//   itself reported), close().
// Both open a phone-sized window (390 × 844) and nothing outside the local server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

const WIDTH = 390;
const HEIGHT = 844;
const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Debian's Firefox ESR over WebDriver BiDi. */
export async function firefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // A fresh profile with Firefox's own traffic off: only the local server is reached.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: WIDTH, height: HEIGHT });
  let errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    goto: (url) => page.goto(url, { waitUntil: 'domcontentloaded' }),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    tick,
    errors: () => errors,
    clearErrors: () => {
      errors = [];
    },
    close: () => browser.close(),
  };
}

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Starts `command` and resolves once `ready()` holds (checked every 100 ms, up to 20 s). */
async function started(command, args, env, ready) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${command} exited (${child.exitCode})`);
    if (await ready().catch(() => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${command} did not start`);
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver), under Xvfb. */
export async function webkit() {
  if (!existsSync(MINIBROWSER)) throw new Error(`${MINIBROWSER} is missing (Debian package webkit2gtk-driver)`);
  const display = `:${90 + (process.pid % 9)}`;
  const xvfb = await started('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {}, async () => existsSync(`/tmp/.X11-unix/X${display.slice(1)}`));
  const port = 4400 + (process.pid % 500);
  const driverUrl = `http://127.0.0.1:${port}`;
  let driver;
  try {
    driver = await started('WebKitWebDriver', [`--port=${port}`], { DISPLAY: display }, async () => (await fetch(`${driverUrl}/status`)).ok);
  } catch (error) {
    xvfb.kill();
    throw error;
  }
  const call = async (method, path, body) => {
    const response = await fetch(`${driverUrl}${path}`, {
      // A command the driver never answers fails the step rather than the whole run.
      signal: AbortSignal.timeout(20_000),
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.message || response.status}`);
    return json.value;
  };
  const stop = () => {
    driver.kill();
    xvfb.kill();
  };
  let session;
  try {
    session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          // Back from a navigation at once: `goto` waits for the new document itself, and a
          // file the test server holds back then holds nothing up.
          pageLoadStrategy: 'none',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      },
    });
  } catch (error) {
    stop();
    throw error;
  }
  const s = `/session/${session.sessionId}`;
  const run = (fn, ...args) => call('POST', `${s}/execute/sync`, { script: `return (${fn}).apply(null, arguments);`, args });
  await call('POST', `${s}/window/rect`, { width: WIDTH, height: HEIGHT }).catch(() => {});
  return {
    goto: async (url) => {
      await call('POST', `${s}/url`, { url });
      // The new document, parsed (a script may fail while the old one goes: look again).
      for (let i = 0; i < 300; i++) {
        const state = await run(() => [location.href, document.readyState]).catch(() => null);
        if (state && state[0] === url && state[1] !== 'loading') return;
        await tick();
      }
      throw new Error(`${url} did not load`);
    },
    run,
    tick,
    // WebKitWebDriver reports no console: the page's own record (recordErrors) covers it.
    errors: () => [],
    clearErrors: () => {},
    close: async () => {
      await call('DELETE', s).catch(() => {});
      stop();
    },
  };
}
