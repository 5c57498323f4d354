// Post-build step (tools/post-build.mjs): gives each bundle's WebAssembly imports short
// names, in the .wasm and in its glue alike.
//
// wasm-bindgen names each import after the function it wraps with a hash after it
// (`__wbg_setAttribute_2704501201f15687`), and the import section names the glue's module
// in every entry. Those names are written twice, in the WebAssembly and in the glue's
// object of imports, and their hashes do not compress: about 1 KB of brotli in a bundle's
// WebAssembly and 0.8 KB in its glue. Here each import is named `a`, `b`, … `Z`, `aa`, … in
// the order of the import section, and each module `a`, `b`, …, in both files; nothing else
// changes.
//
// The glue must give each import's name once, as a key of its object of imports, and each
// module's name once, quoted: anything else stops the build, since a rename that missed a
// use would leave a bundle that cannot start.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { walk } from './staged-files.mjs';

/** The `n`th short name: `a`…`z`, `A`…`Z`, then two letters and more. */
export function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/**
 * Reads a WebAssembly module's sections: `[{ id, head, start, end }]`, `head` where its id
 * is, `start` where its body begins, `end` (exclusive) where it ends.
 */
function sections(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('not a WebAssembly module');
  }
  const reader = new Reader(bytes, 8);
  const found = [];
  while (!reader.done()) {
    const head = reader.at;
    const id = reader.byte();
    const size = reader.u32();
    found.push({ id, head, start: reader.at, end: reader.at + size });
    reader.at += size;
  }
  return found;
}

/** Reads LEB128 numbers, bytes and names from `bytes` at `at`. */
class Reader {
  constructor(bytes, at) {
    this.bytes = bytes;
    this.at = at;
  }

  done() {
    return this.at >= this.bytes.length;
  }

  byte() {
    if (this.done()) throw new Error('the module ends in the middle of a section');
    return this.bytes[this.at++];
  }

  u32() {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
    throw new Error('a number in the module is too long');
  }

  name() {
    const length = this.u32();
    const name = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return name;
  }

  // An import's description, after its kind: skipped.
  description(kind) {
    const limits = () => {
      const flags = this.u32();
      this.u32();
      if (flags & 1) this.u32();
    };
    if (kind === 0) {
      this.u32(); // a function: its type
    } else if (kind === 1) {
      this.byte(); // a table: its type and limits
      limits();
    } else if (kind === 2) {
      limits(); // a memory
    } else if (kind === 3) {
      this.byte(); // a global: its type and mutability
      this.byte();
    } else if (kind === 4) {
      this.byte(); // a tag: its attribute and type
      this.u32();
    } else {
      throw new Error(`an import of an unknown kind (${kind})`);
    }
  }
}

/** LEB128 bytes of `value`. */
function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const encodeName = (name) => {
  const bytes = new TextEncoder().encode(name);
  return [...u32(bytes.length), ...bytes];
};

/** Where `text` holds `name` with no character of a name on either side (not inside a longer name). */
function wordsAt(text, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'))].map((m) => m.index);
}

/**
 * Gives `wasm`'s imports short names, and the same to `glue`'s object of imports.
 * Returns `{ wasm, glue, imports }` (`imports`: how many were renamed); throws when the
 * glue does not give each name exactly once as expected.
 */
export function shortenImports(wasm, glue) {
  const all = sections(wasm);
  const section = all.find(({ id }) => id === 2);
  if (!section) return { wasm, glue, imports: 0 };
  const reader = new Reader(wasm, section.start);
  const count = reader.u32();
  const modules = new Map();
  const entries = [];
  for (let index = 0; index < count; index++) {
    const module = reader.name();
    const name = reader.name();
    const from = reader.at;
    reader.description(reader.byte());
    if (!modules.has(module)) modules.set(module, shortName(modules.size));
    entries.push({ module, name, short: shortName(index), description: wasm.subarray(from, reader.at) });
  }
  if (reader.at !== section.end) throw new Error('the import section is longer than its imports');

  // The glue: each import's name once, as a key; each module's once, quoted.
  const edits = [];
  for (const { name, short } of entries) {
    const at = wordsAt(glue, name);
    if (at.length !== 1 || glue[at[0] + name.length] !== ':') {
      throw new Error(`the glue gives the import ${name} ${at.length} time(s), not once as a key`);
    }
    edits.push({ at: at[0], length: name.length, text: short });
  }
  for (const [module, short] of modules) {
    const at = [`"${module}"`, `'${module}'`].flatMap((quoted) => wordsAt(glue, quoted));
    if (at.length !== 1) throw new Error(`the glue names the module ${module} ${at.length} time(s), not once`);
    edits.push({ at: at[0] + 1, length: module.length, text: short });
  }
  edits.sort((a, b) => b.at - a.at);
  for (const { at, length, text } of edits) glue = glue.slice(0, at) + text + glue.slice(at + length);

  const body = [...u32(count)];
  for (const { module, short, description } of entries) body.push(...encodeName(modules.get(module)), ...encodeName(short), ...description);
  const renamed = new Uint8Array([
    ...wasm.subarray(0, section.head),
    2,
    ...u32(body.length),
    ...body,
    ...wasm.subarray(section.end),
  ]);
  return { wasm: renamed, glue, imports: count };
}

/** Every bundle in `dir`: its `<name>_bg.wasm` and its glue, `<name>.js`, renamed in place. */
export function shortenSite(dir) {
  let before = 0;
  let after = 0;
  let bundles = 0;
  for (const path of walk(dir).filter((path) => path.endsWith('_bg.wasm'))) {
    const gluePath = path.replace(/_bg\.wasm$/, '.js');
    const wasm = readFileSync(path);
    const glue = readFileSync(gluePath, 'utf8');
    let renamed;
    try {
      renamed = shortenImports(wasm, glue);
    } catch (error) {
      throw new Error(`${relative(dir, path)}: ${error.message}`);
    }
    writeFileSync(path, renamed.wasm);
    writeFileSync(gluePath, renamed.glue);
    before += wasm.length + glue.length;
    after += renamed.wasm.length + renamed.glue.length;
    bundles++;
  }
  return { bundles, before, after };
}
