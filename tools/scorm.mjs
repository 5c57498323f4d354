// Writes the SCORM packages of one instrument from the built site (dist/): a SCORM 1.2 and a
// SCORM 2004 (4th edition) zip, each one SCO whose launch page runs the widget and reports
// to the LMS (tools/scorm/launch.js).
//
//   node tools/scorm.mjs <instrument id | definition.json> [--locale fr] [--resume-in-lms]
//                        [--mastery 80] [--out packages] [--dist dist]
//
// - The title and description come from the definition (a built-in's, in the locale).
// - --resume-in-lms keeps the attempt in progress in the LMS's suspend data too, so a
//   learner continues on another device; without it, nothing but status and score reaches
//   the LMS, and a relaunch resumes from the browser's own storage.
// - --mastery N (0–100) makes the result passed or failed at N; without it, completed.
// - A trainer's definition is checked by the core first (`cargo xtask validate`), so an
//   invalid one is never packaged.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { minifyModule } from './minify.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** The files of the widget a package carries, from the built site. */
const WIDGET_FILES = [
  'candor.js',
  'candor-later.js',
  'candor-take.js',
  'candor-take_bg.wasm',
  'candor-widget.js',
  'candor-widget_bg.wasm',
  'embed.css',
];

/** What the element knows of the Rust side: candor-data.js (its `export default` is JSON,
 * written by `cargo xtask data`). */
const data = (() => {
  const source = readFileSync(join(root, 'public', 'candor-data.js'), 'utf8');
  return JSON.parse(source.slice(source.indexOf('{', source.indexOf('export default')), source.lastIndexOf('}') + 1));
})();

/** The names of the widget's records the launch script needs to find the attempt in progress. */
const { prefix, defaultNamespace, progress } = data.records;
const records = { prefix, defaultNamespace, progress };

const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a package is made of: the instrument's id, title and description, and its definition file if it is a trainer's. */
export function readSource(source, locale) {
  if (source.endsWith('.json')) {
    const text = readFileSync(source, 'utf8');
    const definition = JSON.parse(text);
    return { id: definition.id, title: definition.title, intro: definition.intro, definition: text };
  }
  const dir = join(root, 'core', 'instruments');
  const file = [join(dir, `${source}.${locale}.json`), join(dir, `${source}.en.json`)].find((f) => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  });
  if (!file) throw new Error(`there is no built-in instrument "${source}" (core/instruments/)`);
  const definition = JSON.parse(readFileSync(file, 'utf8'));
  return { id: definition.id, title: definition.title, intro: definition.intro, definition: null };
}

function manifest12(source, files, mastery) {
  const masteryScore = mastery === null ? '' : `\n        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="candor-${xml(source.id)}-scorm12" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="candor">
    <organization identifier="candor">
      <title>${xml(source.title)}</title>
      <item identifier="candor-item" identifierref="candor-sco" isvisible="true">
        <title>${xml(source.title)}</title>${masteryScore}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="candor-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

function manifest2004(source, files, mastery) {
  const sequencing =
    mastery === null
      ? ''
      : `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="candor-mastery" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${(mastery / 100).toFixed(2)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="candor-${xml(source.id)}-scorm2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="candor">
    <organization identifier="candor">
      <title>${xml(source.title)}</title>
      <item identifier="candor-item" identifierref="candor-sco">
        <title>${xml(source.title)}</title>${sequencing}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="candor-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
${files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * The launch page: the widget of `source`, and the SCORM settings the launch script reads.
 * The template's comments are for this repository's readers, not for a learner's download.
 */
function launchPage(source, settings, locale) {
  const template = readFileSync(join(here, 'scorm', 'index.html'), 'utf8').replace(/[ \t]*<!--[\s\S]*?-->\n?/g, '');
  const attributes = [
    source.definition ? `src="definition.json"` : `instrument="${xml(source.id)}"`,
    `locale="${xml(locale)}"`,
  ].join(' ');
  return template
    .replaceAll('__TITLE__', xml(source.title))
    .replaceAll('__LANG__', xml(locale))
    .replace('__ATTRIBUTES__', attributes)
    .replace('__SETTINGS__', JSON.stringify(settings).replace(/</g, '\\u003c'));
}

/** The launch script as a learner's browser downloads it: minified, as the site's scripts are. */
const launchScript = async () => Buffer.from(await minifyModule(readFileSync(join(here, 'scorm', 'launch.js'), 'utf8')));

/**
 * The two packages of `source` (an instrument id or a definition file) built from `dist`:
 * resolves to `[{ name, files: { path: bytes } }]`.
 */
export async function buildPackages({ source: input, dist = join(root, 'dist'), locale = 'en', resume = false, mastery = null }) {
  if (mastery !== null && !(mastery >= 0 && mastery <= 100)) throw new Error('--mastery takes a score from 0 to 100');
  const source = readSource(input, locale);
  const widget = {};
  for (const file of WIDGET_FILES) widget[file] = readFileSync(join(dist, file));
  // A built-in's questions form and packed definition, in every language served (the
  // widget picks one), and the shared result's bundle of its model, for a result's link.
  if (!source.definition) {
    const shared = `candor-shared-${data.shareLinks[source.id].model}`;
    for (const file of [`${shared}.js`, `${shared}_bg.wasm`]) widget[file] = readFileSync(join(dist, file));
    for (const folder of ['questions', 'packed']) {
      for (const file of readdirSync(join(dist, folder))) {
        if (file.startsWith(`${source.id}.`)) widget[`${folder}/${file}`] = readFileSync(join(dist, folder, file));
      }
    }
  } else {
    widget['definition.json'] = Buffer.from(source.definition);
  }
  widget['scorm.js'] = await launchScript();
  const packages = [];
  for (const standard of ['1.2', '2004']) {
    const settings = { standard, instrument: source.id, resume, mastery, records };
    const files = { ...widget, 'index.html': Buffer.from(launchPage(source, settings, locale)) };
    const list = Object.keys(files).sort();
    const manifest = standard === '1.2' ? manifest12(source, list, mastery) : manifest2004(source, list, mastery);
    files['imsmanifest.xml'] = Buffer.from(manifest);
    const name = `candor-${source.id}-scorm${standard.replace('.', '')}.zip`;
    packages.push({ name, standard, files });
  }
  return packages;
}

/** Writes `files` (`{ path: bytes }`: a package's, or an unzipped one's) below `folder`, as an LMS unpacks a package. */
export function unpack(files, folder) {
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  }
}

/** Zips a package's files. */
export const zip = (pkg) => zipSync(Object.fromEntries(Object.entries(pkg.files).map(([k, v]) => [k, new Uint8Array(v)])), { level: 9 });

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const source = args.find((a, i) => !a.startsWith('--') && !(i > 0 && ['--locale', '--mastery', '--out', '--dist'].includes(args[i - 1])));
  if (!source) {
    console.error('usage: node tools/scorm.mjs <instrument id | definition.json> [--locale fr] [--resume-in-lms] [--mastery 80] [--out packages] [--dist dist]');
    process.exit(2);
  }
  const out = option('out') || join(root, 'packages');
  try {
    const packages = await buildPackages({
      source,
      dist: option('dist') || join(root, 'dist'),
      locale: option('locale') || 'en',
      resume: args.includes('--resume-in-lms'),
      mastery: option('mastery') === undefined ? null : Number(option('mastery')),
    });
    mkdirSync(out, { recursive: true });
    for (const pkg of packages) {
      const bytes = zip(pkg);
      writeFileSync(join(out, pkg.name), bytes);
      console.log(`scorm: ${relative(process.cwd(), join(out, pkg.name))} (${(bytes.length / 1024).toFixed(0)} KB, SCORM ${pkg.standard}, ${Object.keys(pkg.files).length} files)`);
    }
  } catch (error) {
    console.error(`scorm: ${error.message}`);
    process.exit(1);
  }
}

