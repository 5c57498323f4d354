// The authoring page's loader: starts the authoring bundle (candor-author.js) and mounts
// the page into #author (the header is the page's own, given its words by the bundle). The preview's widget comes from candor.js, loaded by the page.
import init, { mountAuthor } from './candor-author.js';

await init({ module_or_path: new URL('candor-author_bg.wasm', import.meta.url) });
const root = document.getElementById('author');
root.replaceChildren();
mountAuthor(root);

// Works offline once loaded (candor-offline.js).
import('./candor-offline.js');
