// xAPI statements from Candor's host events, for a page that records learning in a learning
// record store. Candor never sends anything itself: sending a statement is the page's choice.
//
//   import { xapiStatement } from 'https://your.site/candor/candor-xapi.js';
//   document.addEventListener('candor:complete', (event) => {
//     const statement = xapiStatement(event, { mbox: 'mailto:learner@example.com' });
//     // …POST it to your LRS's /statements resource.
//   });
//
// The mapping (docs/embedding.md):
// - candor:start    → verb "attempted", object the instrument;
// - candor:answer   → verb "answered", object the question (a cmi.interaction whose parent is
//                     the instrument), result.response the option chosen;
// - candor:complete → verb "completed", object the instrument, result: completion, the score
//                     (scaled 0–1, and raw 0–100) and the named scores in an extension.
// Activity ids are IRIs under `activityBase` (default `urn:candor:`); the language, the
// instrument's version and the session tag go into the context.

const VERBS = {
  'candor:start': ['http://adlnet.gov/expapi/verbs/attempted', 'attempted'],
  'candor:answer': ['http://adlnet.gov/expapi/verbs/answered', 'answered'],
  'candor:complete': ['http://adlnet.gov/expapi/verbs/completed', 'completed'],
};

/** A version 4 UUID, from the browser's (or Node's) crypto. */
const uuid = () => globalThis.crypto.randomUUID();

/**
 * The xAPI statement for a Candor host event (`event`: the CustomEvent, or `{ type, detail }`)
 * by `actor` (an xAPI Agent, such as `{ mbox: 'mailto:…', name: '…' }`). Options:
 * `activityBase` (the IRI activity ids start with), `timestamp` (a Date, now by default).
 */
export function xapiStatement(event, actor, { activityBase = 'urn:candor:', timestamp = new Date() } = {}) {
  const verb = VERBS[event.type];
  if (!verb) throw new Error(`not a Candor event: ${event.type}`);
  const detail = event.detail || {};
  const instrument = {
    objectType: 'Activity',
    id: `${activityBase}instrument:${encodeURIComponent(detail.instrument)}`,
    definition: { type: 'http://adlnet.gov/expapi/activities/assessment' },
  };
  const extensions = { [`${activityBase}version`]: detail.version };
  if (detail.session) extensions[`${activityBase}session`] = detail.session;
  const context = { extensions };
  if (detail.locale) context.language = detail.locale;
  const statement = {
    id: uuid(),
    actor: { objectType: 'Agent', ...actor },
    verb: { id: verb[0], display: { 'en-US': verb[1] } },
    object: instrument,
    timestamp: timestamp.toISOString(),
    context,
  };
  if (event.type === 'candor:answer') {
    statement.object = {
      objectType: 'Activity',
      id: `${instrument.id}:item:${encodeURIComponent(detail.item)}`,
      definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'other' },
    };
    context.contextActivities = { parent: [instrument] };
    statement.result = { response: String(detail.option) };
  }
  if (event.type === 'candor:complete') {
    statement.result = {
      completion: true,
      extensions: { [`${activityBase}scores`]: detail.scores, [`${activityBase}headline`]: detail.headline },
    };
    // A result with too few answers that applied has no score (scaled is null).
    if (typeof detail.scaled === 'number') {
      const scaled = Math.round(detail.scaled * 1000) / 1000;
      statement.result.score = { scaled, raw: Math.round(detail.scaled * 100), min: 0, max: 100 };
    }
  }
  return statement;
}
