// The <candor-quiz> custom element. candor.js imports this file next to the small bundle
// (a file of its own, so the page fetches it in parallel with the bundle instead of after
// it); the small bundle's `start` calls `defineElement` with its stylesheet text, its mount
// function and a loader of the full bundle. This file only does what needs a JavaScript
// class: the element's life cycle, and two methods the bundles call on their host element,
// `candorUpgrade(handoff)` and `candorPrint()`.
//
// Each element renders into its own open shadow root, styled by one constructable
// stylesheet shared by every element on the page (no inline <style>, so a strict
// Content-Security-Policy without 'unsafe-inline' is fine). Attribute changes after mount
// remount the widget with the new options; its state is in storage, so nothing is lost.
//
// Two bundles: the first question is shown by the small bundle; once the page is idle the
// full bundle (results, sharing, facilitator) is fetched in the background, and an element
// switches to it when it needs a screen only the full bundle has. From then on every
// element of the page mounts with the full bundle.

const OBSERVED = ['instrument', 'locale', 'theme', 'session', 'mode', 'storage-key', 'src'];

let fullMount = null;
let fullLoading = null;

export function defineElement(tag, css, mount, loadFull) {
  if (customElements.get(tag)) return;
  const getFull = () => {
    if (!fullLoading) {
      fullLoading = loadFull().then((mountFull) => {
        fullMount = mountFull;
        return mountFull;
      });
      fullLoading.catch(() => {
        fullLoading = null;
      });
    }
    return fullLoading;
  };
  let prefetching = false;
  const prefetch = () => {
    if (prefetching || fullMount) return;
    prefetching = true;
    const go = () => getFull().catch(() => {});
    if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 4000 });
    else setTimeout(go, 1500);
  };
  let sheet = null;
  const sharedSheet = () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    return sheet;
  };

  class CandorQuiz extends HTMLElement {
    static get observedAttributes() {
      return OBSERVED;
    }

    connectedCallback() {
      if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
      this.shadowRoot.adoptedStyleSheets = [sharedSheet()];
      // Moved within the page: the widget moved with its shadow root and keeps its state.
      if (this.mounted || this.scheduled) return;
      // Each element mounts in a task of its own, after the one that defined the element
      // (and built the stylesheet): a phone paints and takes input between them, and a
      // page with several widgets never has one long task for all of them.
      this.scheduled = true;
      setTimeout(() => {
        this.scheduled = false;
        if (this.isConnected && !this.mounted) this.#render();
      }, 0);
    }

    disconnectedCallback() {
      // Moving an element within the page disconnects and reconnects it at once: wait a
      // microtask before tearing down so a move keeps its state.
      queueMicrotask(() => {
        if (!this.isConnected) this.#unmount();
      });
    }

    attributeChangedCallback(_name, before, after) {
      if (before === after || !this.mounted) return;
      // Several attributes set in a row cause one remount.
      if (this.pending) return;
      this.pending = true;
      queueMicrotask(() => {
        this.pending = false;
        if (this.isConnected) this.#render();
      });
    }

    #render(handoff) {
      this.#unmount();
      const container = document.createElement('div');
      this.shadowRoot.replaceChildren(container);
      if (fullMount) {
        this.mounted = fullMount(this, container, handoff ?? null);
      } else {
        this.mounted = mount(this, container);
        prefetch();
      }
    }

    // Called by the small bundle when this element needs the full one.
    candorUpgrade(handoff) {
      getFull().then(
        () => {
          if (this.isConnected) this.#render(handoff);
        },
        (error) => {
          console.error('Candor could not load its results:', error);
        },
      );
    }

    // Called by a bundle to print this element's result alone on the page.
    candorPrint() {
      printAlone(this);
    }

    #unmount() {
      if (this.mounted) {
        this.mounted.unmount();
        this.mounted.free();
        this.mounted = null;
      }
    }
  }

  customElements.define(tag, CandorQuiz);
}

// Prints one widget's result on a clean page: marks the element and the page, so a print
// stylesheet adopted by the document once hides everything else; the marks go after printing.
let printSheet = null;
function printAlone(host) {
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
