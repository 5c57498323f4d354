// The authoring page's loader: starts the authoring bundle (candor-author.js) and mounts
// the page into #author (the header is the page's own, given its words by the bundle).
import init, { mountAuthor } from './candor-author.js';

await init({ module_or_path: new URL('candor-author_bg.wasm', import.meta.url) });
const root = document.getElementById('author');
root.replaceChildren();
mountAuthor(root);

// The preview is the real widget, loaded as any host page loads it, once the page is up:
// the start screen does not wait for it, and a preview drawn before it arrives upgrades
// when it does.
import('./candor.js');

// Works offline once loaded (candor-offline.js).
import('./candor-offline.js');
