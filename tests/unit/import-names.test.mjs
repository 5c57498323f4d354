// The build's renaming of a bundle's WebAssembly imports (tools/import-names.mjs), on a
// module made here: what it renames still links and runs, and a glue it cannot rename
// safely stops the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortName, shortenImports } from '../../tools/import-names.mjs';

const LOG = '__wbg_log_0123456789abcdef';
const NOW = '__wbg_now_fedcba9876543210';
const MODULE = './x_bg.js';

const bytes = (text) => [...new TextEncoder().encode(text)];
const named = (text) => [bytes(text).length, ...bytes(text)];
const section = (id, body) => [id, body.length, ...body];

// A module importing two functions and a memory from the glue, whose export `run` calls
// both imports in turn.
const wasm = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [1, 0x60, 0, 0]),
  ...section(2, [
    3,
    ...named(MODULE), ...named(LOG), 0, 0,
    ...named(MODULE), ...named(NOW), 0, 0,
    ...named(MODULE), ...named('memory'), 2, 1, 1, 2,
  ]),
  ...section(3, [1, 0]),
  ...section(7, [1, ...named('run'), 0, 2]),
  ...section(10, [1, 6, 0, 0x10, 0, 0x10, 1, 0x0b]),
]);

// Its glue as wasm-bindgen writes it, minified: the object of imports under its module.
const glue =
  `function imports(){const e={__proto__:null,${LOG}:function(){calls.push("log")},${NOW}:function(){calls.push("now")},memory:new WebAssembly.Memory({initial:1,maximum:2})};` +
  `return{__proto__:null,"${MODULE}":e}}`;

const importsOf = (text, calls) => new Function('calls', `${text};return imports();`)(calls);

test('the renamed module links to the renamed glue and runs as before', async () => {
  const renamed = shortenImports(wasm, glue);
  assert.equal(renamed.imports, 3);
  assert.deepEqual(
    WebAssembly.Module.imports(new WebAssembly.Module(renamed.wasm)).map(({ module, name, kind }) => [module, name, kind]),
    [
      ['a', 'a', 'function'],
      ['a', 'b', 'function'],
      ['a', 'c', 'memory'],
    ],
  );
  assert.doesNotMatch(renamed.glue, /__wbg_|x_bg/);
  assert.ok(renamed.wasm.length < wasm.length);
  const calls = [];
  const { instance } = await WebAssembly.instantiate(renamed.wasm, importsOf(renamed.glue, calls));
  instance.exports.run();
  assert.deepEqual(calls, ['log', 'now']);
});

test('a glue that does not give each name once, as expected, stops the build', () => {
  assert.throws(() => shortenImports(wasm, glue.replace('calls.push("log")', `calls.push("${LOG}")`)), /import __wbg_log_0123456789abcdef 2 time/);
  assert.throws(() => shortenImports(wasm, glue.replace(`${NOW}:`, `"${NOW}":`)), /import __wbg_now_fedcba9876543210 1 time\(s\), not once as a key/);
  assert.throws(() => shortenImports(wasm, glue.replace(`"${MODULE}"`, 'x')), /module \.\/x_bg\.js 0 time/);
  assert.throws(() => shortenImports(wasm.subarray(4), glue), /not a WebAssembly module/);
});

test('short names are letters, distinct, and shortest first', () => {
  assert.deepEqual([0, 1, 25, 26, 51, 52, 53].map(shortName), ['a', 'b', 'z', 'A', 'Z', 'aa', 'ab']);
  // Every one- and two-letter name, each once.
  const names = Array.from({ length: 52 + 52 * 52 }, (_, n) => shortName(n));
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.every((name) => /^[a-zA-Z]{1,2}$/.test(name)));
  assert.equal(shortName(names.length), 'aaa');
});
