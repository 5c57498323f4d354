// What a <candor-quiz> element does only beyond its first screen, loaded by
// candor-element.js when it is first needed, so the first screen never waits for it:
// keeping the screen a reader left (a question, or their result) to show it again on
// their next visit before a bundle arrives, printing one widget's result alone, and
// saying that the quiz cannot start on this page.
//
// A kept screen is a bundle's own drawing (the markup of the element's shadow root),
// stored beside the reader's records under `<records prefix>kept` with the records it was
// drawn from (the attempt in progress and the history, as stored) and a stamp of what it
// was drawn under (the element's attributes, the browser's language, the built-in
// instruments' texts and the stylesheet). The bundles ask for it to be kept
// (`candorKeep`) only on a question or the reader's result, with every record stored. It
// is shown again only while the records and the stamp are unchanged, and only until a
// bundle draws the screen itself. What the reader does on it waits: the option they choose
// and the button they press are chosen and pressed again on the bundle's drawing. It is not
// a record: the core never exports it, removes it first when storage is full, and deletes
// it with the reader's data (`candor_core::records::KEPT`).

// `at`, from candor-element.js: `key` (the kept screen's storage key), `records` (the keys
// of the records it is kept with), `attributes` (the element's attributes' names) and
// `contents` (candor-data.js's digest of the built-in instruments' texts and the
// stylesheet).

// What `host` draws under.
const stampOf = (host, at) => JSON.stringify([at.attributes.map((name) => host.getAttribute(name)), navigator.language, at.contents]);

// Shows `host`'s kept screen, if it has one that still holds; says whether it did.
export function showKept(host, at) {
  let kept;
  try {
    kept = JSON.parse(localStorage.getItem(at.key));
    if (!kept || kept.stamp !== stampOf(host, at) || JSON.stringify(recordsOf(at)) !== JSON.stringify(kept.records)) return false;
  } catch {
    return false;
  }
  const container = document.createElement('div');
  try {
    container.innerHTML = kept.html;
  } catch {
    // A page whose policy forbids setting markup (Trusted Types) waits for the bundle.
    return false;
  }
  tame(container);
  const frame = container.firstElementChild;
  if (!frame) return false;
  frame.setAttribute('aria-busy', 'true');
  container.addEventListener('click', (event) => hold(host, container, event), true);
  container.addEventListener('change', (event) => event.target.matches('input[type=radio]') && (host.keptChoice = event.target.value));
  host.shadowRoot.replaceChildren(container);
  return true;
}

// The text of each record a kept screen goes with, as stored now (null: absent).
const recordsOf = (at) => at.records.map((key) => localStorage.getItem(key));

// Leaves only the drawing and its options: no script, no handler, no field to type into,
// and no live region saying again what it said when the screen was new.
function tame(container) {
  for (const node of container.querySelectorAll('script, style, link, meta, base, iframe, object, embed')) node.remove();
  for (const node of container.querySelectorAll('*')) {
    for (const { name, value } of [...node.attributes]) {
      if (/^on/i.test(name) || /^\s*javascript:/i.test(value)) node.removeAttribute(name);
    }
  }
  for (const field of container.querySelectorAll('input:not([type=radio]), textarea, select')) field.disabled = true;
  for (const region of container.querySelectorAll('[aria-live], [role=status], [role=alert]')) region.replaceChildren();
}

// A press on one of the kept screen's buttons: remembered, to be made again once the full
// bundle has drawn the result (links and disclosures work as they are).
function hold(host, container, event) {
  const button = event.target.closest('button');
  if (!button) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  host.keptPress = { index: [...container.querySelectorAll('button')].indexOf(button), text: button.textContent.trim() };
  button.setAttribute('aria-busy', 'true');
}

// A bundle shows `host`'s reader a screen to keep, every record stored: makes again what
// they did on the kept screen meanwhile, and once the page is idle keeps the screen
// (the latest asked) for their next visit.
export function keep(host, at) {
  setTimeout(() => replay(host), 0);
  if (unkept.has(host)) return;
  const write = () => {
    if (!unkept.delete(host)) return;
    const container = host.shadowRoot.firstElementChild;
    if (!host.isConnected || !container) return;
    try {
      const records = recordsOf(at);
      // Deleted meanwhile: nothing to come back to.
      if (records.every((text) => text === null)) return localStorage.removeItem(at.key);
      const text = JSON.stringify({ records, stamp: stampOf(host, at), html: container.innerHTML });
      if (localStorage.getItem(at.key) !== text) localStorage.setItem(at.key, text);
    } catch {
      // Full or refused: the next visit waits for the bundle.
      try {
        localStorage.removeItem(at.key);
      } catch {}
    }
  };
  unkept.set(host, write);
  if ('requestIdleCallback' in window) requestIdleCallback(write, { timeout: 2000 });
  else setTimeout(write, 200);
}

// The screens waiting for the page to be idle to be kept, by element: kept at once when the
// page is hidden (the reader leaving, or switching away), which may be its last chance.
const unkept = new Map();
addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && [...unkept.values()].forEach((write) => write()));

// Chooses and presses on the bundle's drawing what the reader chose and pressed on the
// kept screen: the same option, the same button.
function replay(host) {
  const { keptChoice: choice, keptPress: press } = host;
  host.keptChoice = host.keptPress = null;
  const root = host.shadowRoot;
  const option = choice != null && root.querySelector(`input[type=radio][value="${CSS.escape(choice)}"]`);
  if (option && !option.checked) option.click();
  const button = press && root.querySelectorAll('button')[press.index];
  if (button && button.textContent.trim() === press.text) button.click();
}

// Prints one widget's result on a clean page: marks the element and the page, so a print
// stylesheet adopted by the document once hides everything else; the marks go after printing.
let printSheet = null;
export function printAlone(host) {
  if (!printSheet) {
    printSheet = new CSSStyleSheet();
    printSheet.replaceSync(`@media print {
      html[data-candor-printing] body * { visibility: hidden !important; }
      html[data-candor-printing] candor-quiz[data-candor-print] {
        visibility: visible !important; position: absolute !important;
        left: 0 !important; top: 0 !important; width: 100% !important; margin: 0 !important;
      }
    }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
  }
  const root = document.documentElement;
  root.setAttribute('data-candor-printing', '');
  host.setAttribute('data-candor-print', '');
  const done = () => {
    root.removeAttribute('data-candor-printing');
    host.removeAttribute('data-candor-print');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

// Says that the quiz cannot start here (`error`, most often a Content-Security-Policy
// without 'wasm-unsafe-eval'), with a link to the standalone page; `words` are the
// element's words for it: before the link, the link, after it.
export function fallback(host, error, words) {
  const page = new URL('./embed.html', import.meta.url);
  for (const name of ['instrument', 'locale', 'theme', 'session', 'mode']) {
    const value = host.getAttribute(name);
    if (value) page.searchParams.set(name, value);
  }
  const [before, linkText, after] = words;
  const p = document.createElement('p');
  p.className = 'cq-fallback';
  p.setAttribute('role', 'alert');
  p.setAttribute('data-candor-fallback', String((error && error.name) || 'Error'));
  const link = document.createElement('a');
  link.href = page.href;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = linkText;
  p.append(before, link, after);
  return p;
}
