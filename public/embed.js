// The standalone page (embed.html?instrument=…&theme=…): builds one <candor-quiz> from the
// query string and, inside an iframe, tells the parent page its height on every change:
//
//   window.parent.postMessage({ type: 'candor:height', height: <CSS px>, frame: <the
//   "frame" query parameter, or null> }, '*')
//
// candor-resizer.js, on the parent page, sets each Candor iframe's height from it.
import './candor.js';

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
// worker's install does not compete with the first screen's files. A reader who leaves
// meanwhile aborts the import; the page needs nothing of it, so that is no error.
addEventListener('load', () => import('./candor-offline.js').catch(() => {}), { once: true });
