// The SCORM packages of tools/scorm.mjs: each manifest holds what its standard requires, it
// lists exactly the package's files, and the launch page carries the package's settings.
// Built from dist/ (run after `trunk build`); their run in a SCORM runtime is e2e/scorm.spec.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackages } from '../../tools/scorm.mjs';

const text = (bytes) => Buffer.from(bytes).toString('utf8');
const all = (xml, re) => [...xml.matchAll(re)].map((m) => m[1]);

function checkManifest(pkg, { standard, mastery }) {
  const xml = text(pkg.files['imsmanifest.xml']);
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
  assert.match(xml, /<schema>ADL SCORM<\/schema>/);
  // The organization the default names, one item pointing at the one resource, a SCO.
  const orgDefault = /<organizations default="([^"]+)">/.exec(xml)[1];
  assert.deepEqual(all(xml, /<organization identifier="([^"]+)"/g), [orgDefault]);
  const resource = /<resource identifier="([^"]+)" type="webcontent" adlcp:scorm[tT]ype="sco" href="index\.html">/.exec(xml);
  assert.ok(resource, 'one SCO resource launched at index.html');
  assert.deepEqual(all(xml, /identifierref="([^"]+)"/g), [resource[1]]);
  if (standard === '1.2') {
    assert.match(xml, /<schemaversion>1\.2<\/schemaversion>/);
    assert.match(xml, /xmlns="http:\/\/www\.imsproject\.org\/xsd\/imscp_rootv1p1p2"/);
    assert.match(xml, /xmlns:adlcp="http:\/\/www\.adlnet\.org\/xsd\/adlcp_rootv1p2"/);
    assert.match(xml, /adlcp:scormtype="sco"/);
    assert.deepEqual(all(xml, /<adlcp:masteryscore>(\d+)<\/adlcp:masteryscore>/g), mastery === null ? [] : [String(mastery)]);
  } else {
    assert.match(xml, /<schemaversion>2004 4th Edition<\/schemaversion>/);
    assert.match(xml, /xmlns="http:\/\/www\.imsglobal\.org\/xsd\/imscp_v1p1"/);
    assert.match(xml, /xmlns:adlcp="http:\/\/www\.adlnet\.org\/xsd\/adlcp_v1p3"/);
    assert.match(xml, /adlcp:scormType="sco"/);
    const measure = all(xml, /<imsss:minNormalizedMeasure>([\d.]+)<\/imsss:minNormalizedMeasure>/g);
    assert.deepEqual(measure, mastery === null ? [] : [(mastery / 100).toFixed(2)]);
  }
  // Every file of the package is listed, and nothing else.
  const listed = all(xml, /<file href="([^"]+)"\/>/g).sort();
  const files = Object.keys(pkg.files).filter((f) => f !== 'imsmanifest.xml').sort();
  assert.deepEqual(listed, files);
}

test('a built-in: both standards, the title from the definition, resume and mastery as asked', async () => {
  const packages = await buildPackages({ source: 'trust-equation', resume: true, mastery: 80 });
  assert.deepEqual(packages.map((p) => p.name), ['candor-trust-equation-scorm12.zip', 'candor-trust-equation-scorm2004.zip']);
  for (const pkg of packages) {
    checkManifest(pkg, { standard: pkg.standard, mastery: 80 });
    const xml = text(pkg.files['imsmanifest.xml']);
    assert.match(xml, /<title>Your trust equation<\/title>/);
    const page = text(pkg.files['index.html']);
    assert.match(page, /<candor-quiz instrument="trust-equation" locale="en">/);
    // The widget downloads beside the launch script, which imports it once the attempt is
    // in place; what a learner downloads carries no comments.
    assert.match(page, /<link rel="modulepreload" href="candor\.js">/);
    assert.doesNotMatch(page, /<!--/);
    assert.doesNotMatch(text(pkg.files['scorm.js']), /^\s*\/\/|\/\*/m);
    const settings = JSON.parse(/<script type="application\/json" id="candor-scorm">(.*)<\/script>/.exec(page)[1]);
    const records = { prefix: 'candor', defaultNamespace: 'default', progress: 'progress' };
    assert.deepEqual(settings, { standard: pkg.standard, instrument: 'trust-equation', resume: true, mastery: 80, records });
    assert.ok(pkg.files['questions/trust-equation.fr.json'], 'the questions in every language served');
    assert.ok(pkg.files['packed/trust-equation.fr.bin'], 'the packed definition in every language served');
    assert.ok(!Object.keys(pkg.files).some((f) => /^(questions|packed)\/customer-focus/.test(f)), 'only its own files');
  }
});

test('a trainer\'s definition goes in as a file the widget reads, in its language', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-scorm-'));
  const file = join(dir, 'mine.json');
  writeFileSync(file, JSON.stringify({ id: 'my-quiz', title: 'Mine & yours <3', intro: 'About us.' }));
  for (const pkg of await buildPackages({ source: file, locale: 'fr' })) {
    checkManifest(pkg, { standard: pkg.standard, mastery: null });
    assert.match(text(pkg.files['imsmanifest.xml']), /<title>Mine &amp; yours &lt;3<\/title>/);
    assert.match(text(pkg.files['index.html']), /<candor-quiz src="definition\.json" locale="fr">/);
    assert.ok(pkg.files['definition.json']);
  }
});

test('a mastery score out of range, or an unknown instrument, is refused', async () => {
  await assert.rejects(buildPackages({ source: 'trust-equation', mastery: 120 }), /0 to 100/);
  await assert.rejects(buildPackages({ source: 'no-such-quiz' }), /no built-in instrument "no-such-quiz"/);
});
