// Candor: the one script a host page includes.
//
//   <script type="module" src="https://your.site/candor/candor.js"></script>
//   <candor-quiz instrument="trust-equation"></candor-quiz>
//
// As a module it runs once per page however many elements there are. It fetches and
// compiles the small first-question bundle (candor-take) once, which defines <candor-quiz>
// (the element class is in candor-element.js);
// the full bundle (candor-widget: results, sharing, facilitator) is loaded once, in the
// background, when the page is idle or a result is due. Paths are relative to this file,
// so the widget's files can live anywhere.

import init, { start } from './candor-take.js';
import { defineElement } from './candor-element.js';

const base = new URL('./', import.meta.url);

// Resolves to the full bundle's mount function, loading it on first call.
async function loadFull() {
  const full = await import('./candor-widget.js');
  await full.default({ module_or_path: new URL('./candor-widget_bg.wasm', base) });
  full.setBaseUrl(base.href);
  return full.mountFull;
}

// Each element then mounts in a task of its own (see candor-element.js), after the one
// that finishes compiling: shorter tasks, so a phone can paint and take input in between.
init({ module_or_path: new URL('./candor-take_bg.wasm', base) })
  .then(() => start(base.href, defineElement, loadFull))
  .catch((error) => {
    console.error('Candor could not start:', error);
    defineFallback(error);
  });

// When the module cannot run (most often a Content-Security-Policy without
// 'wasm-unsafe-eval'), each element says so and links to the standalone page.
function defineFallback(error) {
  if (customElements.get('candor-quiz')) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    :host { display: block; }
    p { all: initial; display: block; font: 1rem/1.5 system-ui, sans-serif; color: #1b1f24;
        background: #fff4e5; border-left: 4px solid #8a4b00; padding: 0.75rem 1rem; }
    a { color: #2150b8; }
  `);
  customElements.define('candor-quiz', class extends HTMLElement {
    connectedCallback() {
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      const page = new URL('./embed.html', import.meta.url);
      for (const name of ['instrument', 'locale', 'theme', 'session', 'mode']) {
        const value = this.getAttribute(name);
        if (value) page.searchParams.set(name, value);
      }
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.setAttribute('data-candor-fallback', String(error && error.name || 'Error'));
      const link = document.createElement('a');
      link.href = page.href;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = 'Open the quiz on its own page';
      p.append('This quiz cannot start on this page: its security settings do not allow WebAssembly. ', link, '.');
      root.replaceChildren(p);
    }
  });
}
