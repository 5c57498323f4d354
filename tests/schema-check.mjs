// Checks every built-in instrument and the documented example against the published JSON
// Schema (docs/instrument.schema.json), so the schema and the reader cannot drift apart.
// With file names (`node tests/schema-check.mjs my-quiz.json`), checks those files instead.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync, readdirSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('docs/instrument.schema.json', root), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const given = process.argv.slice(2);
const documents = given.length
  ? given.map((f) => [f, readFileSync(f, 'utf8')])
  : readdirSync(new URL('core/instruments/', root))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [`core/instruments/${f}`, readFileSync(new URL(`core/instruments/${f}`, root), 'utf8')]);
if (!given.length) {
  const page = readFileSync(new URL('docs/instrument-format.md', root), 'utf8');
  const example = page.slice(page.lastIndexOf('```json\n{') + '```json\n'.length);
  documents.push(['docs/instrument-format.md (example)', example.slice(0, example.indexOf('\n```'))]);
}

let failed = 0;
for (const [name, text] of documents) {
  if (validate(JSON.parse(text))) {
    console.log(`schema ok: ${name}`);
  } else {
    failed++;
    console.error(`schema FAILED: ${name}`);
    for (const e of validate.errors) console.error(`  ${e.instancePath || '/'} ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
