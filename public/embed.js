// The standalone page (embed.html?instrument=…&theme=…): builds one <candor-quiz> from the
// query string and, inside an iframe, tells the parent page its height on every change:
//
//   window.parent.postMessage({ type: 'candor:height', height: <CSS px>, frame: <the
//   "frame" query parameter, or null> }, '*')
//
// candor-resizer.js, on the parent page, sets each Candor iframe's height from it.
//
// A share link (`#candor=<code>`, the element's share key) shows a result with a bundle of
// its own. This small script arrives well before candor.js, which the page preloads, so it
// asks for that bundle at once: its download starts a round trip sooner, beside
// candor.js's. The element still decides what it shows; a hint it does not take up costs
// only the download.
if (/[#&]candor=/.test(location.hash)) {
  document.head.insertAdjacentHTML(
    'beforeend',
    '<link rel=modulepreload href=candor-shared.js><link rel=preload href=candor-shared_bg.wasm as=fetch crossorigin>',
  );
}
import('./candor.js');

const params = new URLSearchParams(location.search);
const quiz = document.createElement('candor-quiz');
for (const name of ['instrument', 'locale', 'theme', 'session', 'mode', 'storage-key', 'src']) {
  const value = params.get(name);
  if (value) quiz.setAttribute(name, value);
}
document.getElementById('candor-embed').replaceChildren(quiz);

if (window.parent !== window) {
  const frame = params.get('frame');
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'candor:height', height, frame }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}

// Once the page has loaded, it is kept for offline use (candor-offline.js): the service
// worker's install does not compete with the first screen's files.
addEventListener('load', () => import('./candor-offline.js'), { once: true });
