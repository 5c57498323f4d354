// The xAPI statements of public/candor-xapi.js, checked by Learning Locker's conformance-tested
// validator (xapi-validation) for every host event, with and without a session.
//   node --test tests/unit/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import validation from 'xapi-validation';
import { xapiStatement } from '../../public/candor-xapi.js';

const validate = validation.default ?? validation;
const actor = { mbox: 'mailto:learner@example.com', name: 'A learner' };

// Events as the widget sends them (web/src/events.rs).
const events = [
  { type: 'candor:start', detail: { instrument: 'trust-equation', version: 1, locale: 'fr', session: null, total: 20 } },
  {
    type: 'candor:answer',
    detail: { instrument: 'trust-equation', version: 1, session: 'WS-7K3M', item: 'clients-come-back', index: 0, option: 3, answered: 1, total: 20 },
  },
  {
    type: 'candor:complete',
    detail: {
      instrument: 'trust-equation',
      version: 1,
      locale: 'en',
      session: null,
      completedAt: 1764700000000,
      answered: 20,
      headline: 'Trust quotient 3.6',
      scores: { C: 21, R: 19, I: 14, S: 15, TQ: 3.6 },
      scaled: 0.2069,
      code: 'X1Y2Z3',
    },
  },
];

for (const event of events) {
  test(`${event.type} makes a valid xAPI statement`, () => {
    const statement = xapiStatement(event, actor, { timestamp: new Date('2026-12-02T10:00:00Z') });
    assert.deepEqual(validate(statement), [], JSON.stringify(statement));
  });
}

test('the mapping: verbs, objects and the result', () => {
  const [start, answer, complete] = events.map((event) => xapiStatement(event, actor));
  assert.equal(start.verb.id, 'http://adlnet.gov/expapi/verbs/attempted');
  assert.equal(start.object.id, 'urn:candor:instrument:trust-equation');
  assert.equal(start.context.language, 'fr');
  assert.equal(answer.object.id, 'urn:candor:instrument:trust-equation:item:clients-come-back');
  assert.equal(answer.result.response, '3');
  assert.equal(answer.context.contextActivities.parent[0].id, start.object.id);
  assert.equal(answer.context.extensions['urn:candor:session'], 'WS-7K3M');
  assert.deepEqual(complete.result.score, { scaled: 0.207, raw: 21, min: 0, max: 100 });
  assert.equal(complete.result.completion, true);
  assert.notEqual(start.id, answer.id);
});

test('a result too few answers applied to score completes with no score', () => {
  const unscored = { type: 'candor:complete', detail: { ...events[2].detail, scaled: null, notApplicable: 14, headline: '', scores: {} } };
  const statement = xapiStatement(unscored, actor);
  assert.deepEqual(validate(statement), [], JSON.stringify(statement));
  assert.equal(statement.result.completion, true);
  assert.equal(statement.result.score, undefined);
});

test('another activity base, and what is not a Candor event', () => {
  const statement = xapiStatement(events[0], actor, { activityBase: 'https://courses.example.com/candor/' });
  assert.equal(statement.object.id, 'https://courses.example.com/candor/instrument:trust-equation');
  assert.deepEqual(validate(statement), []);
  assert.throws(() => xapiStatement({ type: 'click', detail: {} }, actor), /not a Candor event/);
});
