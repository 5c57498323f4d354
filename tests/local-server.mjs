// Starts tests/server.mjs on `port` for a script (a benchmark, Lighthouse) and resolves once
// that server listens; `close()` stops it. `root` is the built site it serves (dist/ by
// default); `options.link` ("<kbit/s>/<ms>") serves it over one shared slow link
// (server.mjs).
//
// It waits for the server it started to say it listens, not for any answer on the port:
// a server left over from an interrupted run would answer too, with its own root and link,
// and every figure taken from it would be of the wrong set-up.
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
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const close = () => server.kill();
  // A script that stops early (another server failed, a browser crashed) leaves none behind.
  process.on('exit', close);
  let said = '';
  const failed = (why) => new Error(`the test server did not start on port ${port}: ${why}${said ? `\n${said}` : ''}`);
  // The server compresses every file before it listens: seconds on a busy machine.
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      close();
      reject(failed('it did not listen within 60 s'));
    }, 60_000);
    server.stderr.on('data', (chunk) => (said += chunk));
    server.stdout.on('data', (chunk) => {
      if (String(chunk).startsWith('Serving ')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(failed(`it exited with code ${code} (is the port in use?)`));
    });
  });
  server.removeAllListeners('exit');
  return { base, close };
}
