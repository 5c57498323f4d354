// The <candor-quiz> custom element. candor.js defines it as soon as the page's scripts have
// run, before any WebAssembly has arrived, and hands it the small bundle once that is
// compiled (`useBundle`), the reason it could not be (`bundleFailed`), or a way to try
// again when it could not be downloaded (`bundleUnreachable`). This file only does what
// needs a JavaScript class: the element's life cycle, which bundle mounts it, the first
// screen shown before any WebAssembly, and three methods the bundles call on their host
// element, `candorHandOver(handoff, failed)`, `candorKeep()` and `candorPrint()`.
//
// Everything it must know of the Rust side (the attributes and what they mean, the records'
// keys, the share key, its words, the questions forms and the first screens) is in
// candor-data.js, written by `cargo xtask data` from the code that decides it.
//
// Each element renders into its own open shadow root, styled by one constructable
// stylesheet (public/candor.css, built into candor-style.js) shared by every element on
// the page (no inline <style>, so a strict Content-Security-Policy without 'unsafe-inline'
// is fine). Attribute changes after mount remount the widget with the new options; its
// state is in storage, so nothing is lost.
//
// The life of an element: waiting → first screen → small bundle → full bundle.
// - A reader coming back to a question or their result sees it at once as a bundle last
//   drew it, while the bundle loads (a kept screen: candor-later.js, loaded when needed).
// - A new reader of a built-in sees the first screen at once (`FirstScreen`); the small
//   bundle replays what they did there (`Mounted.replay`) when it mounts.
// - The small bundle (intro, group question, questions) is handed each built-in's
//   questions form (`questions/<id>.<language>.json`), fetched alongside it. A later bundle
//   is handed its definition the same way, packed as the reader made it at build time
//   (`packed/<id>.<language>.bin`, bytes).
// - When a quiz needs a result or the data controls, the small bundle hands its state over
//   (`candorHandOver`) and the element remounts with the full bundle, once it is in.
// - An element that opens on a screen only the full bundle has (`opensOnFull`) loads the
//   full bundle at once; once the full bundle is in, every element mounts with it.
// - A result someone shared (`#candor=<code>` in the page's address) and the facilitator's
//   screen are later bundles of their own (`laterOf`, candor-address.js): the readers'
//   full bundle carries neither, and neither carries a reader's quiz, nor the reader of a
//   trainer's own definition: an element that reads one shows those screens with the
//   bundle for a trainer's own definition (`own-shared`, `own-facilitator`). The
//   facilitator's screen's top (`facilitator-top`) hands over to the bundle that draws it
//   whole (`facilitator`) through `candorHandOver`, as the small bundle does. The shared
//   result's bundle hands back an element the code is not for, or whose reader chose to
//   take the quiz (`candorShowOwn`): it then opens as the reader's own quiz.

import { attrOf, facilitates, hashHas, instrumentOf, laterOf, readsOwnDefinition, showsShared } from './candor-address.js';

let data = null; // candor-data.js
let loaders = null; // candor.js's { small, full, shared-<model>…, facilitator-top, facilitator, own-… }
let smallAsked = false;
let bundle = null; // { mount } once the small bundle is compiled
let failure = null; // why the small bundle could not start
// The later bundles' screens, by the name of their loader ('full', one 'shared-<model>' per
// model, 'facilitator-top' and 'facilitator', and the last two of a trainer's own
// definition: 'own-shared', 'own-facilitator'): `mount` once it is in, `loading` while it
// is on its way.
const laterBundles = {};
const waiting = new Set(); // connected elements not yet mounted by a bundle

const sheet = new CSSStyleSheet();

// Defines the element with its stylesheet (candor-style.js, built from candor.css), what
// it knows of the Rust side (candor-data.js) and candor.js's loaders: `small()` loads the
// small bundle (which calls `useBundle`, `bundleFailed` or `bundleUnreachable`); the others
// (named as in `laterBundles`) load a later bundle and resolve to its mount function.
export function defineElement(css, rustData, bundleLoaders) {
  if (customElements.get(rustData.element.tag)) return;
  sheet.replaceSync(css);
  data = rustData;
  loaders = bundleLoaders;
  for (const name of Object.keys(loaders)) if (name !== 'small') laterBundles[name] = {};
  customElements.define(data.element.tag, CandorQuiz);
}

// Runs `step` once the page has painted content, as the browser reports it (at once in a
// hidden page, which paints none, or a browser that does not report it). A report comes
// late on a busy phone, often between a tap and its frame: the step then waits for the
// first idle moment (at most 200 ms), so the tap is painted first.
function afterPaint(step) {
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (document.hidden || painted() || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return step();
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(step, { timeout: 200 }) : setTimeout(step, 0));
  const observer = new PerformanceObserver(() => painted() && (observer.disconnect(), idle()));
  observer.observe({ type: 'paint' });
}

// Runs `step` in a task after the next frame. A timer stands in for a frame that does not
// come (a hidden page paints none).
function afterFrame(step) {
  let due = true;
  const run = () => {
    if (!due) return;
    due = false;
    setTimeout(step, 0);
  };
  requestAnimationFrame(run);
  setTimeout(run, 100);
}

// Loads the small bundle, once.
function needSmall() {
  if (smallAsked) return;
  smallAsked = true;
  loaders.small();
}

// The elements waiting for the small bundle, not for the full one.
const waitingForSmall = () => [...waiting].filter((element) => !element.awaitingFull);

// The small bundle is compiled: `mount(host, container, overFirstScreen, form)` mounts a
// widget, `form` being the questions form of its built-in instrument (or null).
// Each waiting element mounts in a task of its own, so a phone paints and takes input
// between them.
export function useBundle(mount) {
  bundle = { mount };
  for (const element of waitingForSmall()) element.schedule();
}

// The small bundle cannot run (most often a Content-Security-Policy without
// 'wasm-unsafe-eval'): each element says so and links to the standalone page.
export function bundleFailed(error) {
  failure = error;
  for (const element of waitingForSmall()) element.schedule();
}

// The small bundle could not be downloaded: each waiting element says so, with a button
// (and the browser coming back online) calling `retry`, which loads it again.
let retryBundle = null;
export function bundleUnreachable(retry) {
  retryBundle = retry;
  for (const element of waitingForSmall()) element.unreachable(true);
}

// Tries again what could not be downloaded: the small bundle, the questions forms of the
// elements waiting for theirs, or both.
function tryBundleAgain() {
  const retry = retryBundle;
  const stuck = waitingForSmall().filter((element) => element.formFailed);
  if (!retry && !stuck.length) return;
  retryBundle = null;
  for (const element of waitingForSmall()) element.unreachable(false);
  if (retry) retry();
  // Their forms are fetched afresh when they mount (once the bundle is in).
  for (const element of stuck) {
    element.formFailed = false;
    if (bundle) element.schedule();
  }
}
addEventListener('online', tryBundleAgain);

// Whether `host` asks no built-in's questions: the facilitator's screen, or a trainer's
// own definition.
const asksNoBuiltin = (host) => facilitates(host) || readsOwnDefinition(host);

// Whether `host` shows a shared result (`showsShared`) or a request for others' view
// (`#candor-rate=…`, a screen of the full bundle).
const sharesResult = (host) => showsShared(host) || hashHas(data.element.rate);

// Whether `host` opens on a screen only the full bundle shows (the facilitator's, a shared
// result, the result of a returning reader with no attempt in progress) or reads a
// trainer's own definition. A guess from its attributes, the address and which records
// exist: a wrong one only changes which bundle comes first, since either shows whatever
// the quiz decides to show.
function opensOnFull(host) {
  if (asksNoBuiltin(host) || sharesResult(host)) return true;
  try {
    const keys = recordsPrefix(host);
    return localStorage.getItem(keys + data.records.history) !== null && localStorage.getItem(keys + data.records.progress) === null;
  } catch {
    return false;
  }
}

// The prefix of the keys of `host`'s records, `<prefix>:<namespace>:<instrument>:`, made as
// the core makes them (a namespace it would not take falls back to the default).
function recordsPrefix(host) {
  const { prefix, defaultNamespace, namespaceRule } = data.records;
  const asked = attrOf(host, 'storage-key');
  const namespace = new RegExp(namespaceRule).test(asked) ? asked : defaultNamespace;
  return `${prefix}:${namespace}:${instrumentOf(host)}:`;
}

// What the element does only beyond its first screen (candor-later.js), once asked.
let later = null;
const needLater = () =>
  (later ||= import('./candor-later.js').catch((error) => {
    later = null;
    throw error;
  }));

// Where `host`'s screen is kept, and what it is kept with (see candor-later.js); null
// when it shows no built-in quiz of its reader's own.
function keptAt(host) {
  if (asksNoBuiltin(host) || sharesResult(host)) return null;
  const keys = recordsPrefix(host);
  const { kept, progress, history, contents } = data.records;
  return { key: keys + kept, records: [keys + progress, keys + history], attributes: data.element.attributes, contents };
}

// Shows `host`'s kept screen, if it has one that still holds, until a bundle mounts.
function showKept(host) {
  const at = keptAt(host);
  if (at) needLater().then((later) => !host.mounted && waiting.has(host) && later.showKept(host, at), () => {});
}

// The built-ins' files fetched for the bundles (questions forms, packed definitions), by
// URL: `{ loading }`, a promise, and `body` once it is in (a form's text, a definition's
// bytes). A failed fetch is forgotten, so the next asks afresh.
const files = new Map();

// The URL of the file in `folder` of the built-in `host` shows: its questions form
// (`questions/<id>.<language>.json`, for the small bundle) or its packed definition
// (`packed/<id>.<language>.bin`, for a later one).
// Null when it shows no built-in (a trainer's own definition, the facilitator's screen
// of one, an id no built-in has: the bundle says what to do). The language is chosen as
// the bundles choose it, among those served (every built-in in every interface language).
function builtinUrl(host, folder) {
  if (folder === 'questions' ? asksNoBuiltin(host) : readsOwnDefinition(host)) return null;
  const id = instrumentOf(host);
  const languages = Object.hasOwn(data.forms, id) ? Object.fromEntries(data.forms[id].map((l) => [l, true])) : null;
  if (!languages) return null;
  const extension = folder === 'questions' ? 'json' : 'bin';
  return new URL(`./${folder}/${id}.${language(host, languages)}.${extension}`, import.meta.url).href;
}
const formUrl = (host) => builtinUrl(host, 'questions');
// The facilitator's screen's top is drawn from the built-in's id alone: the definition
// comes with the bundle that draws the screen whole.
const definitionUrl = (host) => (laterOf(host) === 'facilitator-top' ? null : builtinUrl(host, 'packed'));

// How each file is read: a questions form as text, a packed definition as bytes.
const asText = (response) => response.text();
const asBytes = (response) => response.arrayBuffer().then((buffer) => new Uint8Array(buffer));

// Fetches the file at `url` (once), read by `read`; resolves when its body is in.
function fetchFile(url, read) {
  let file = files.get(url);
  if (!file) {
    file = {};
    file.loading = fetch(url)
      .then((response) => (response.ok ? read(response) : Promise.reject(new Error(`${url}: HTTP ${response.status}`))))
      .then((body) => {
        file.body = body;
      });
    file.loading.catch(() => files.delete(url));
    files.set(url, file);
  }
  return file.loading;
}

const fetchForm = (url) => fetchFile(url, asText);
const fetchDefinition = (url) => fetchFile(url, asBytes);

// The mount function of `host`'s later bundle, once it is in (else null).
const laterMount = (host) => laterBundles[laterOf(host)].mount || null;

// Loads `host`'s later bundle (once); resolves to its mount function. A failed load is
// forgotten, so the next asks afresh.
function getLater(host) {
  const name = laterOf(host);
  const state = laterBundles[name];
  if (!state.loading) {
    state.loading = loaders[name]().then((mount) => {
      state.mount = mount;
      return mount;
    });
    state.loading.catch(() => {
      state.loading = null;
    });
  }
  return state.loading;
}

// Loads `host`'s later bundle and, for a built-in, its definition alongside (each once);
// resolves when both are in.
function laterFor(host) {
  const url = definitionUrl(host);
  return Promise.all([getLater(host), url && fetchDefinition(url)]);
}

// Loads `host`'s later bundle and its definition when the page is idle.
function prefetch(host) {
  const state = laterBundles[laterOf(host)];
  if (state.prefetching || state.mount) return;
  state.prefetching = true;
  state.due = true;
  const go = () => {
    state.due = false;
    laterFor(host).catch(() => {});
  };
  if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 4000 });
  else setTimeout(go, 1500);
}

// Whether a bundle is still on its way: an element waits for one, or a later bundle is
// loading or due to load once the page is idle.
const bundlesDue = () =>
  waiting.size > 0 || Object.values(laterBundles).some((state) => !state.mount && (state.due || state.loading));

// Resolves once no bundle the page's elements asked for is on its way, the full bundle
// they load in the background included. The offline install (candor-offline.js) waits for
// it: on a phone's one slow link, its downloads would slow the bundles the reader waits for.
export function bundlesIn() {
  return new Promise((resolve) => {
    const check = () => (bundlesDue() ? setTimeout(check, 250) : resolve());
    check();
  });
}

class CandorQuiz extends HTMLElement {
  static get observedAttributes() {
    return data.element.attributes;
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      this.attachShadow({ mode: 'open' });
      this.#watchPresses();
    }
    this.shadowRoot.adoptedStyleSheets = [sheet];
    // Moved within the page: the widget moved with its shadow root and keeps its state.
    if (this.mounted || this.scheduled || waiting.has(this)) return;
    this.#open();
  }

  // Opens the widget with the bundle it needs, or its first screen until that is in.
  #open() {
    waiting.add(this);
    if (laterMount(this) || bundle || failure) this.schedule();
    else if (opensOnFull(this)) {
      this.#awaitFull();
      this.#waitingLine();
      showKept(this);
    } else {
      // The first screen is up before the bundle is asked for.
      this.first = FirstScreen.show(this);
      if (!this.first) {
        this.#waitingLine();
        showKept(this);
      }
      // The bundle and the questions form are asked for once the first screen has painted:
      // a request that starts before a page's first paint counts in that paint's path in
      // the simulations that score pages (Lighthouse), the host page's own paint included.
      afterPaint(() => {
        needSmall();
        this.#wantForm();
      });
      if (retryBundle) this.unreachable(true);
    }
  }

  // Says that the quiz is loading, in a widget that has no first screen to show meanwhile.
  #waitingLine() {
    this.#showAlone(loadingLine(this));
  }

  // Shows `node` alone in the widget, in the page's theme.
  #showAlone(node) {
    const box = document.createElement('div');
    box.className = themed(this);
    box.append(node);
    this.shadowRoot.replaceChildren(box);
  }

  // Waits for its later bundle and mounts with it; if it cannot be loaded, waits for the
  // small one instead, which opens where the widget decides and asks for the later one
  // again (saying so when it still cannot be loaded).
  #awaitFull() {
    this.awaitingFull = true;
    laterFor(this).then(
      () => {
        this.awaitingFull = false;
        this.schedule();
      },
      () => {
        this.awaitingFull = false;
        needSmall();
        this.#wantForm();
        if (bundle || failure) this.schedule();
        else if (retryBundle) this.unreachable(true);
      },
    );
  }

  // Starts fetching the questions form the small bundle will need for this element.
  #wantForm() {
    const url = formUrl(this);
    if (url) fetchForm(url).catch(() => {});
  }

  // The questions form of this element's built-in instrument, for the small bundle: its
  // text, null when it needs none, or false while it is on its way (the element renders
  // once it is in, or says that it could not be downloaded and offers to try again; the
  // first screen stays usable meanwhile).
  #form() {
    const url = formUrl(this);
    if (!url) return null;
    const form = files.get(url);
    if (form && form.body !== undefined) return form.body;
    waiting.add(this);
    if (!this.formFailed) {
      fetchForm(url).then(
        () => this.schedule(),
        (error) => {
          if (!waiting.has(this) || this.formFailed) return;
          console.error('Candor could not download its questions:', error);
          this.formFailed = true;
          this.unreachable(true);
        },
      );
    }
    return false;
  }

  // The definition of this element's built-in, for its later bundle: its packed bytes,
  // null when it needs none or it could not be downloaded (the bundle fetches it itself,
  // and says what went wrong), or false while it is on its way (the element renders once it is in;
  // a widget it showed, of what it asked for before, goes at once, so nothing is typed
  // into it meanwhile).
  #definition() {
    const url = definitionUrl(this);
    if (!url) return null;
    const file = files.get(url);
    if (file && file.body !== undefined) return file.body;
    if (this.definitionFailed) return null;
    if (this.mounted) {
      this.#unmount();
      this.#waitingLine();
    }
    waiting.add(this);
    fetchDefinition(url).then(
      () => this.schedule(),
      () => {
        this.definitionFailed = true;
        this.schedule();
      },
    );
    return false;
  }

  // Says that the bundle could not be downloaded, on the first screen if one is up, else
  // alone; `false` takes it back (trying again).
  unreachable(shown) {
    const notice = shown ? unreachableNotice(this) : null;
    if (this.first) this.first.notice(notice);
    else if (notice) this.#showAlone(notice);
    else this.#waitingLine();
  }

  disconnectedCallback() {
    // Moving an element within the page disconnects and reconnects it at once: wait a
    // microtask before tearing down so a move keeps its state.
    queueMicrotask(() => {
      if (this.isConnected) return;
      waiting.delete(this);
      this.first = null;
      this.#unmount();
    });
  }

  attributeChangedCallback(_name, before, after) {
    if (before === after) return;
    // Options changed before the bundle came: show the first screen of what the element
    // now asks for, if it has one (once, after several attributes set in a row).
    if (waiting.has(this) && !bundle && !failure && !this.awaitingFull) {
      this.first = null;
      this.formFailed = false;
      this.shadowRoot.replaceChildren();
      queueMicrotask(() => {
        if (!waiting.has(this) || bundle || failure || this.first) return;
        this.first = FirstScreen.show(this);
        if (!this.first) this.#waitingLine();
        this.#wantForm();
        if (retryBundle) this.unreachable(true);
      });
    }
    if (!this.mounted) return;
    // Several attributes set in a row cause one remount.
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      if (!this.isConnected) return;
      if (laterMount(this) || bundle || failure) this.#render();
      else {
        // The bundle it needs now is still on its way (the facilitator's screen whole, which
        // its top asked for): the element opens anew, as when it connects.
        this.#unmount();
        this.#open();
      }
    });
  }

  // A press that began on one screen of the widget ends on it: `afterPress` holds a swap
  // of what the element shows (the first screen taken over by the bundle, the small
  // bundle replaced by the full one) until the press's click is handled, it is cancelled,
  // or it is released without a click. A click whose press and release land on different
  // buttons is lost. A press is a pointer's (finger, mouse) or the Space key's, which
  // clicks a button on its release (Enter clicks at once); a key press also ends when
  // focus leaves what was pressed, since its release then makes no click here.
  #watchPresses() {
    const begin = (kind) => {
      this.pressing = kind;
      this.presses = (this.presses || 0) + 1;
    };
    const end = () => {
      if (!this.pressing) return;
      this.pressing = null;
      const run = this.afterRelease;
      this.afterRelease = null;
      if (run) setTimeout(run, 0);
    };
    // A tap's click can follow its release in a task of its own; a release without a
    // click (dragged off, or a key on something that is not a button) ends the press a
    // moment later, unless a new one began.
    const released = () => {
      const press = this.presses;
      setTimeout(() => press === this.presses && end(), 250);
    };
    const root = this.shadowRoot;
    root.addEventListener('pointerdown', () => begin('pointer'), true);
    root.addEventListener('click', end, true);
    root.addEventListener('pointercancel', end, true);
    root.addEventListener('pointerup', released, true);
    root.addEventListener('keydown', (event) => event.key === ' ' && !event.repeat && begin('key'), true);
    root.addEventListener('keyup', (event) => event.key === ' ' && released(), true);
    root.addEventListener('focusout', () => this.pressing === 'key' && end(), true);
  }

  // Runs `step` now, or once a press on the widget has ended (the latest step wins).
  #afterPress(step) {
    if (this.pressing) this.afterRelease = step;
    else step();
  }

  // Mounts in a task of its own (called once the bundle, or its failure, is known).
  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      if (this.isConnected && waiting.has(this)) this.#render();
    }, 0);
  }

  #render(handoff) {
    // The small bundle mounts over a first screen, and every widget until its later one is in.
    const laterMounts = laterMount(this);
    const byLater = laterMounts && !this.first;
    const form = failure || byLater ? null : this.#form();
    const definition = byLater ? this.#definition() : null;
    if (form === false || definition === false) return;
    waiting.delete(this);
    this.definitionFailed = false;
    if (failure && !laterMounts) {
      needLater().then((later) => this.shadowRoot.replaceChildren(later.fallback(this, failure, words(this).cannotStart)));
      return;
    }
    const first = this.first;
    this.first = null;
    const focused = this.shadowRoot.activeElement;
    this.#unmount();
    const container = document.createElement('div');
    if (first) {
      // Over the first screen: the widget reads its questions now and opens storage in a
      // task after the next frame. In a task after the frame after that (a tap that landed
      // meanwhile is painted first), it replays what the reader did meanwhile and takes the
      // first screen's drawing over, mending it in place; the first screen stays up and
      // takes taps until then.
      const mounted = bundle.mount(this, first.container, true, form);
      this.mounted = mounted;
      afterFrame(() =>
        afterFrame(() =>
          this.#afterPress(() => {
            if (this.mounted !== mounted) return;
            const prelude = JSON.stringify(first.state());
            first.retire();
            mounted.replay(prelude);
          }),
        ),
      );
    } else if (laterMounts) {
      const testid = focused?.getAttribute('data-testid');
      this.shadowRoot.replaceChildren(container);
      this.mounted = laterMounts(this, container, definition, handoff ?? null);
      // Focus the new drawing did not move stays on the same control, with the caret where
      // it was (a box being typed in).
      const control = testid && !this.shadowRoot.activeElement && container.querySelector(`[data-testid="${testid}"]`);
      if (control) {
        control.focus();
        if (typeof focused.selectionStart === 'number') control.setSelectionRange(focused.selectionStart, focused.selectionEnd);
      }
    } else {
      this.shadowRoot.replaceChildren(container);
      this.mounted = bundle.mount(this, container, false, form);
    }
    if (!laterMounts) prefetch(this);
  }

  // Called by the small bundle when this element needs its later one (the full bundle, or
  // the facilitator's), and by the facilitator's screen's top for the bundle that draws it
  // whole. `handoff` is a function that gives what to hand over as of the switch, when
  // that bundle is in (the quiz's state and the records held in memory: the reader may
  // have gone on meanwhile; the facilitator's session tag); `failed` is called instead if
  // it cannot be loaded (the widget says so and offers to try again). The latest call
  // wins. The switch comes in a task after the next frame once the bundle is in, and
  // after any press under way; focus in the widget stays on the same control of the new
  // drawing.
  candorHandOver(handoff, failed) {
    // From now on, the element's later bundle is the whole facilitator's screen (laterOf).
    this.handedOver = true;
    this.handoff = handoff;
    this.failed = failed;
    if (this.upgrading) return;
    this.upgrading = true;
    laterFor(this).then(
      // After a frame: what the press that asked for the switch drew (the result on its
      // way) is on screen before the switch, a long task on a phone.
      () =>
        afterFrame(() => {
          this.upgrading = false;
          this.failed = null;
          this.#afterPress(() => {
            const handoff = this.handoff;
            this.handoff = null;
            if (this.isConnected) this.#render(typeof handoff === 'function' ? handoff() : null);
          });
        }),
      (error) => {
        this.upgrading = false;
        const failed = this.failed;
        this.handoff = null;
        this.failed = null;
        console.error('Candor could not load its results:', error);
        if (typeof failed === 'function') failed();
      },
    );
  }

  // Called by the shared result's bundle when this element shows no shared result (the
  // address's code is for another instrument, or the reader chose to take the quiz and the
  // code has left the address): the element opens as its reader's own quiz. In a
  // microtask: the bundle's handler may still be running in what is unmounted.
  candorShowOwn() {
    this.ownQuiz = true;
    const focus = this.shadowRoot.activeElement !== null;
    queueMicrotask(() => {
      if (!this.isConnected || !this.mounted) return;
      this.#unmount();
      this.#open();
      if (focus && this.first) this.first.focusHeading();
    });
  }

  // Called by a bundle to print this element's result alone on the page.
  candorPrint() {
    needLater().then((later) => later.printAlone(this));
  }

  // Called by a bundle when this element shows a screen its reader comes back to (a
  // question, their result) with every record stored: kept for their next visit, in a
  // task after the step's frame (the first keep loads candor-later.js).
  candorKeep() {
    const at = keptAt(this);
    if (at) afterFrame(() => needLater().then((later) => later.keep(this, at), () => {}));
  }

  #unmount() {
    // A switch asked for by the widget going away hands nothing of it over.
    this.handoff = null;
    if (this.mounted) {
      this.mounted.unmount();
      this.mounted.free();
      this.mounted = null;
    }
  }
}

// The first screen: the intro and first step of a built-in, shown before any WebAssembly
// (drawn by the quiz itself at build time: candor-data.js `screens`), and the reader's
// steps on it, recorded in the quiz's words (`Action` in the core) for the bundle to
// replay through the same quiz. It only moves between the screens it was given: Start
// shows the first step in one of the option orders it has (whose seed goes with the
// steps), Back the intro (its Start button in the words the quiz gives it once something
// is chosen: `back`), a choice enables Next, and Next waits for the bundle. Focus moves to
// the new step's heading, as in the bundles.
class FirstScreen {
  // Shows the first screen in `host` if it has one for a new reader; returns it, or null.
  static show(host) {
    const screens = FirstScreen.#screens(host);
    if (!screens) return null;
    try {
      return new FirstScreen(host, screens);
    } catch (error) {
      // A page whose policy forbids setting markup (Trusted Types) waits for the bundle.
      host.shadowRoot.replaceChildren();
      return null;
    }
  }

  // The first screens for `host`, when what it shows first is the intro of a built-in.
  static #screens(host) {
    if (asksNoBuiltin(host) || attrOf(host, 'session') || attrOf(host, 'storage-key')) return null;
    if (sharesResult(host)) return null;
    const instrument = data.screens[instrumentOf(host)];
    if (!instrument) return null;
    // A returning reader may have answers or results: the bundle decides what they see.
    try {
      const prefix = recordsPrefix(host);
      for (let i = 0; i < localStorage.length; i++) {
        if ((localStorage.key(i) || '').startsWith(prefix)) return null;
      }
    } catch {
      return null;
    }
    return instrument[language(host, instrument)] || null;
  }

  constructor(host, screens) {
    this.host = host;
    this.screens = screens;
    this.seed = null;
    this.chosen = null;
    this.waiting = false;
    this.actions = [];
    // The widget's outer box, in the page's theme, which the bundle takes over with what
    // it shows; the first screen follows the reader on the box around it until then.
    const container = (this.container = document.createElement('div'));
    const root = (this.root = container.appendChild(document.createElement('div')));
    root.className = themed(host);
    container.addEventListener('click', (event) => this.#clicked(event));
    container.addEventListener('change', (event) => event.target.matches('input[type=radio]') && this.#choose(Number(event.target.value)));
    container.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input[type=radio]')) {
        event.preventDefault();
        this.#next();
      }
    });
    // `toggle` does not bubble: heard on the way down.
    container.addEventListener('toggle', (event) => event.target.matches('details') && this.actions.push({ data: event.target.open }), true);
    this.#put(screens.intro);
    host.shadowRoot.replaceChildren(container);
  }

  // Takes no more steps (each waits, as after Next): the bundle has replayed the reader's
  // steps and takes the drawing over, without the first screen's notice.
  retire() {
    this.waiting = true;
    this.notice(null);
  }

  // What the reader did, for the bundle to replay (`Prelude` in web/src/element.rs).
  state() {
    // Focus moves to the new step's heading when it is in the widget, or on its way there
    // (the heading is focused in the next frame, which a take-over in a task before it must
    // not lose); not when it is on a button or an option of the step the bundle keeps,
    // which keeps it. After Next, the bundle's step is the next one.
    const active = this.host.shadowRoot.activeElement;
    const kept = active && !this.waiting && (active.dataset.testid || active.type === 'radio');
    const focus = !kept && (active !== null || this.focusing);
    return { seed: this.seed, actions: this.actions, focus };
  }

  // Shows `html`, a screen drawn at build time.
  #put(html, focus = false) {
    this.root.innerHTML = html;
    this.#placeNotice();
    if (focus) this.focusHeading();
  }

  // Moves focus to the heading of the step shown, in the next frame.
  focusHeading() {
    this.focusing = true;
    requestAnimationFrame(() => {
      this.focusing = false;
      const heading = this.container.querySelector('.cq-step [tabindex="-1"]');
      if (heading && heading.isConnected) heading.focus();
    });
  }

  #clicked(event) {
    const button = event.target.closest('button');
    const step = button && button.dataset.testid;
    if (step === 'start') this.#start();
    else if (step === 'next') this.#next();
    else if (step === 'back') this.#back();
  }

  #start() {
    if (this.waiting) return;
    const start = this.screens.start;
    if (this.seed === null) this.seed = start[Math.floor(Math.random() * start.length)][0];
    this.actions.push('start');
    this.#put(start.find(([seed]) => seed === this.seed)[1], true);
    if (this.chosen !== null) this.#check();
  }

  #choose(value) {
    if (this.waiting) return;
    this.chosen = value;
    this.actions.push({ choose: value });
    this.#check();
  }

  // Shows the choice made, and enables Next.
  #check() {
    const radio = this.container.querySelector(`input[type=radio][value="${this.chosen}"]`);
    if (radio) radio.checked = true;
    const next = this.container.querySelector('[data-testid=next]');
    if (next) next.disabled = false;
  }

  #next() {
    if (this.waiting || this.chosen === null) return;
    this.waiting = true;
    this.actions.push('next');
    this.container.querySelector('[data-testid=next]').setAttribute('aria-busy', 'true');
  }

  #back() {
    if (this.waiting) return;
    this.actions.push('back');
    this.#put(this.screens.intro, true);
    if (this.chosen !== null && this.screens.back) this.container.querySelector('[data-testid=start]').textContent = this.screens.back;
  }

  // Shows `notice` (an element, or null for none) above whatever the first screen shows.
  notice(notice) {
    this.shown = notice;
    this.#placeNotice();
  }

  #placeNotice() {
    for (const old of this.root.querySelectorAll('[data-candor-notice]')) old.remove();
    if (this.shown) this.root.prepend(this.shown);
  }
}

// The element's own words in `host`'s language (the WebAssembly that holds the others may
// be what could not arrive).
const words = (host) => data.words[language(host, data.words)];

function loadingLine(host) {
  const line = document.createElement('p');
  line.className = 'cq-meta';
  line.setAttribute('role', 'status');
  line.dataset.testid = 'loading';
  line.textContent = words(host).loading;
  return line;
}

// The notice that the bundle could not be downloaded, with its Try again button.
function unreachableNotice(host) {
  const { loadFailed: message, tryAgain: again } = words(host);
  const notice = document.createElement('div');
  notice.setAttribute('role', 'alert');
  notice.setAttribute('data-candor-notice', '');
  notice.className = 'cq-notice';
  notice.dataset.testid = 'notice';
  const text = document.createElement('span');
  text.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cq-retry';
  button.textContent = again;
  button.addEventListener('click', tryBundleAgain);
  notice.append(text, button);
  return notice;
}

// The class of the widget's outermost box, in `host`'s theme.
const themed = (host) => data.element.themes[attrOf(host, 'theme')] || data.element.themes.auto;

// The interface language for `host`, chosen as the bundles choose it: an exact match, else
// the language without its region, else the default. `tables` is keyed by language tag.
function language(host, tables) {
  const wanted = (attrOf(host, 'locale') || navigator.language || data.defaultLocale).toLowerCase();
  const base = wanted.split(/[-_]/)[0];
  return tables[wanted] ? wanted : tables[base] ? base : data.defaultLocale;
}
