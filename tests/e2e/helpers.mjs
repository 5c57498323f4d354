// Shared steps for the end-to-end tests: a page object for one <candor-quiz> element.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the whole page (shadow roots included) and fails on any violation. It is
 * injected as an inline script: a spec using it on a page with its own
 * Content-Security-Policy needs `test.use({ bypassCSP: true })`.
 */
export async function expectNoViolations(page, screen) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.split('\n').slice(0, 2).join(' ')),
    }));
  });
  expect(violations, `axe on ${screen}`).toEqual([]);
}

export class Quiz {
  /** @param {import('@playwright/test').Page} page @param {string} instrument */
  constructor(page, instrument, testInfo) {
    this.page = page;
    this.root = page.locator(`candor-quiz[instrument="${instrument}"]`);
    this.touch = testInfo.project.use.hasTouch === true;
  }

  byTestId(id) {
    return this.root.getByTestId(id);
  }

  /** Taps on a phone, clicks on a desktop. */
  async press(locator) {
    if (this.touch) await locator.tap();
    else await locator.click();
  }

  async start() {
    await this.press(this.byTestId('start'));
    await expect(this.byTestId('question')).toBeVisible();
  }

  /** Picks group `index` on the group screen and goes on to the first question. */
  async chooseGroup(index) {
    await expect(this.byTestId('group')).toBeVisible();
    const choice = this.root.locator(`label.cq-choice:has(input[value="${index}"])`);
    await this.press(choice);
    await expect(choice.locator('input')).toBeChecked();
    await this.press(this.byTestId('next'));
  }

  /** The question on screen and how many there are, read from the progress label
   * ("Question 3 of 16", "Question 3 sur 16": any interface language). */
  async progress() {
    const label = await this.byTestId('progress').textContent();
    const [, number, total] = /(\d+)\D+(\d+)/.exec(label);
    return { number: Number(number), total: Number(total) };
  }

  /** The 1-based number of the question on screen. */
  async questionNumber() {
    return (await this.progress()).number;
  }

  /** Chooses option `value` (definition order) on the current question and goes on. */
  async answer(value) {
    const { number: before, total } = await this.progress();
    const choice = this.root.locator(`label.cq-choice:has(input[value="${value}"])`);
    await this.press(choice);
    await expect(choice.locator('input')).toBeChecked();
    await this.press(this.byTestId('next'));
    if (before < total) {
      await expect(this.byTestId('progress')).toHaveText(new RegExp(`^\\D*${before + 1}\\D+${total}$`));
    } else {
      await expect(this.byTestId('result')).toBeVisible();
    }
  }
}

/** Holds `file` of the site (a bundle's WebAssembly) back; returns the function that lets it through. */
export async function holdBack(page, file) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route(`**/${file}`, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/**
 * Makes the site's files matching `pattern` fail to download, as on a connection that
 * dropped after the page came; returns the function that lets them through again.
 */
export async function cutOff(page, pattern) {
  let cut = true;
  await page.route(pattern, (route) => (cut ? route.abort('internetdisconnected') : route.continue()));
  return () => {
    cut = false;
  };
}

/** The errors of `watchErrors` but those a failed download is expected to log. */
export const unexpectedBesidesDownloads = (errors) =>
  errors.filter(
    (e) =>
      !/could not download its bundle|could not download its questions|could not load its results|Failed to load resource|preloaded using link preload|dynamically imported module|Failed to fetch/.test(e),
  );

/** The root element of what widget `instrument` shows now (to tell when a new mount replaced it). */
/**
 * Waits until the small bundle has taken over the first screen of the widget `selector`
 * finds: it has mounted, and its replay of the reader's steps, due in a task after the next
 * frame (once no press is under way), has run. The bundle takes the first screen's own
 * drawing over, so nothing else on the page shows that it has.
 */
export async function takenOver(page, selector = 'candor-quiz') {
  await page.waitForFunction((selector) => document.querySelector(selector).mounted, selector);
  // The replay's task was asked for in a frame callback before this one.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

export const shownRoot = (page, instrument) =>
  page.evaluateHandle((id) => document.querySelector(`candor-quiz[instrument="${id}"]`).shadowRoot.firstElementChild, instrument);

/** Makes the page's storage refuse the widget as a browser's privacy setting does (the getter throws). */
export const refuseStorage = (page) =>
  page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });

/** A finger (on the phone) or the mouse button (on the desktop) put down at `x, y`; returns the function that lifts it. */
export async function pressAt(page, testInfo, x, y) {
  if (testInfo.project.use.hasTouch !== true) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    return () => page.mouse.up();
  }
  // Playwright's tap puts the finger down and lifts it at once: the touch is held through
  // the browser's own protocol.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  return () => cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Fails the test on any uncaught page error or console error. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * What is wrong with the labels of the charts inside `root` (a locator of a widget): each
 * text, as the box its glyphs take (rotated with it, if it is), must lie inside its chart's
 * viewBox and overlap no other text of that chart. Returns one line per problem; [] when
 * every label can be read.
 */
export async function chartLabelProblems(root) {
  return root.evaluate((host) => {
    const problems = [];
    const charts = host.shadowRoot ? host.shadowRoot.querySelectorAll('svg') : [];
    for (const svg of charts) {
      const name = svg.getAttribute('data-testid') || svg.getAttribute('class');
      const toChart = svg.getScreenCTM().inverse();
      const boxes = [];
      for (const text of svg.querySelectorAll('text')) {
        const label = text.textContent.trim();
        if (!label) continue;
        const b = text.getBBox();
        const m = toChart.multiply(text.getScreenCTM());
        const corners = [
          [b.x, b.y],
          [b.x + b.width, b.y],
          [b.x + b.width, b.y + b.height],
          [b.x, b.y + b.height],
        ].map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
        boxes.push({ label, corners });
      }
      const view = svg.viewBox.baseVal;
      const slack = 1;
      for (const { label, corners } of boxes) {
        const outside = corners.some(
          ([x, y]) => x < view.x - slack || y < view.y - slack || x > view.x + view.width + slack || y > view.y + view.height + slack,
        );
        if (outside) problems.push(`${name}: "${label}" leaves the chart (corners ${JSON.stringify(corners.map((c) => c.map(Math.round)))}, viewBox ${view.width} × ${view.height})`);
      }
      // Two convex quadrilaterals overlap unless some edge's normal separates them
      // (by more than a hair: touching boxes are fine).
      const separated = (p, q) =>
        [p, q].some((poly) =>
          poly.some(([x1, y1], i) => {
            const [x2, y2] = poly[(i + 1) % 4];
            const [nx, ny] = [y2 - y1, x1 - x2];
            const len = Math.hypot(nx, ny) || 1;
            const project = (pts) => pts.map(([x, y]) => (x * nx + y * ny) / len);
            const [a, b] = [project(p), project(q)];
            return Math.max(...a) <= Math.min(...b) + 0.5 || Math.max(...b) <= Math.min(...a) + 0.5;
          }),
        );
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          if (!separated(boxes[i].corners, boxes[j].corners)) {
            problems.push(`${name}: "${boxes[i].label}" overlaps "${boxes[j].label}"`);
          }
        }
      }
    }
    return problems;
  });
}

/**
 * The elements of the widget `root` (a locator) whose box runs past the left or right edge
 * of the viewport, as one line each; [] when everything fits. What sits inside a
 * `.cq-table-wrap` is left out: a data table may scroll sideways inside it, by design.
 */
export async function outOfBounds(root) {
  return root.evaluate((host) => {
    const width = window.innerWidth;
    const out = [];
    for (const el of host.shadowRoot.querySelectorAll('*')) {
      if (el.closest('.cq-table-wrap') && !el.matches('.cq-table-wrap')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || (box.left >= -1 && box.right <= width + 1)) continue;
      const name = `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
      out.push(`${name} spans ${Math.round(box.left)}–${Math.round(box.right)} px: "${el.textContent.trim().slice(0, 40)}"`);
    }
    return out;
  });
}

/**
 * The chart labels inside the widget `root` (a locator) whose colour has less than 4.5:1
 * contrast with what is painted under them (the shape under the label's centre, or the
 * nearest background behind the chart), one line each; [] when all can be read. axe-core
 * works out a label's background from the page's boxes, not from the SVG shape painted
 * under it (a heat-map cell, a highlighted quadrant); this check does, opacity included.
 */
export async function chartContrastProblems(root) {
  return root.evaluate((host) => {
    const shadow = host.shadowRoot;
    // Computed colours come as rgb(…)/rgba(…) (0–255) or color(srgb …) (0–1, from color-mix).
    const rgb = (text) => {
      const numbers = (text.match(/[\d.]+/g) || []).map(Number);
      if (numbers.length < 3) return null;
      const scale = text.startsWith('color(srgb') ? 255 : 1;
      return { c: numbers.slice(0, 3).map((v) => v * scale), a: numbers.length > 3 ? numbers[3] : 1 };
    };
    const over = (top, alpha, bottom) => top.map((v, i) => v * alpha + bottom[i] * (1 - alpha));
    const luminance = (c) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement || e.getRootNode().host) {
        const color = rgb(getComputedStyle(e).backgroundColor);
        if (color && color.a > 0) return color.c;
      }
      return [255, 255, 255];
    };
    const problems = [];
    for (const text of shadow.querySelectorAll('svg text')) {
      const label = text.textContent.trim();
      if (!label) continue;
      const svg = text.closest('svg');
      const behind = background(svg);
      const box = text.getBoundingClientRect();
      const shape = shadow
        .elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)
        .find((e) => e instanceof SVGGeometryElement && svg.contains(e) && getComputedStyle(e).fill !== 'none');
      let under = behind;
      if (shape) {
        const style = getComputedStyle(shape);
        const fill = rgb(style.fill);
        if (fill) under = over(fill.c, fill.a * Number(style.fillOpacity) * Number(style.opacity), behind);
      }
      const style = getComputedStyle(text);
      const fill = rgb(style.fill);
      if (!fill) continue;
      const ink = over(fill.c, fill.a * Number(style.fillOpacity) * Number(style.opacity), under);
      const ratio = contrast(ink, under);
      if (ratio < 4.5) problems.push(`${svg.getAttribute('class')}: "${label.slice(0, 30)}" at ${ratio.toFixed(2)}:1`);
    }
    return problems;
  });
}

/** The paths (without the leading `/`) of the requests `page` makes from now on whose path matches `pattern`. */
export function requestedPaths(page, pattern) {
  const paths = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (pattern.test(path)) paths.push(path.slice(1));
  });
  return paths;
}
