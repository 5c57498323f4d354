// Starts tests/server.mjs on `port` for a script (a benchmark, Lighthouse) and resolves once
// it answers; `close()` stops it. `root` is the built site it serves (dist/ by default);
// `options.link` ("<kbit/s>/<ms>") serves it over one shared slow link (server.mjs).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export async function startServer(port, root, options = {}) {
  const base = `http://127.0.0.1:${port}`;
  const args = [
    join(here, 'server.mjs'),
    '--port',
    String(port),
    ...(root ? ['--root', root] : []),
    ...(options.link ? ['--link', options.link] : []),
  ];
  const server = spawn(process.execPath, args, { stdio: 'ignore' });
  const close = () => server.kill();
  // The server compresses every file before it listens: seconds on a busy machine.
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await fetch(`${base}/embed.html`);
      return { base, close };
    } catch (error) {
      if (Date.now() > deadline || server.exitCode !== null) {
        close();
        throw new Error(`the test server did not start on port ${port}: ${error.cause?.message || error.message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
