// The baseline (issue 17, "Decisions kept"): accepted findings by rule, subject and what they say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, render } from '../../server/src/core';
import { entryOf, fingerprint, parseBaseline, serializeBaseline, splitAccepted, withAccepted } from '../../server/src/core/baseline';
import { seed } from '../helpers/fixtures';

const rowTotals = (text: string) => check(text).findings.filter((f) => f.ruleId === 'row-total');

test('an accepted finding is counted, not shown; the others stay', () => {
  const all = check(seed('004')).findings;
  const [first] = rowTotals(seed('004'));
  const r = check(seed('004'), { accepted: [entryOf(first)] });
  assert.deepEqual(r.accepted!.map((f) => f.subject), [first.subject]);
  assert.equal(r.findings.length, all.length - 1);
  assert.ok(!r.findings.some((f) => f.subject === first.subject && f.ruleId === 'row-total'));
  // 'all': what --update-baseline records.
  const every = check(seed('004'), { accepted: 'all' });
  assert.deepEqual([every.findings.length, every.accepted!.length], [0, all.length]);
});

test('the entry holds through lines inserted above; a finding whose cell or sums change is shown again', () => {
  const entries = rowTotals(seed('004')).map(entryOf);
  const moved = '本报告另附说明。\n\n' + seed('004');
  assert.equal(check(moved, { accepted: entries }).accepted!.length, entries.length);
  // The first wrong total written 5 instead of 0: the finding now says 5, and is shown again.
  const lines = seed('004').split('\n');
  const at = rowTotals(seed('004'))[0].range.start.line;
  lines[at] = lines[at].replace('0', '5');
  const changed = check(lines.join('\n'), { accepted: entries });
  assert.equal(changed.accepted!.length, entries.length - 1);
  assert.ok(changed.findings.some((f) => f.ruleId === 'row-total' && /填写的是5/.test(render(f.message, 'zh-CN'))));
});

test('each entry accepts one finding; fingerprints differ by rule, subject and message', () => {
  const [a] = rowTotals(seed('004'));
  assert.equal(splitAccepted([a, a], [entryOf(a)]).accepted.length, 1);
  assert.equal(splitAccepted([a, a], [entryOf(a), entryOf(a)]).accepted.length, 2);
  assert.notEqual(fingerprint(a), fingerprint({ ...a, subject: a.subject + 'x' }));
  assert.notEqual(fingerprint(a), fingerprint({ ...a, ruleId: 'column-total' }));
  assert.match(fingerprint(a), /^[0-9a-f]{16}$/);
});

test('the file: written sorted and read back; anything else refused with why', () => {
  const [a, b] = rowTotals(seed('004')).map(entryOf);
  const base = withAccepted(withAccepted(new Map(), 'z/2023.txt', b), 'a/2023.txt', a);
  const text = serializeBaseline(base);
  assert.ok(text.indexOf('a/2023.txt') < text.indexOf('z/2023.txt'));
  const back = parseBaseline(text);
  assert.ok(back.ok);
  assert.deepEqual(back.baseline.get('a/2023.txt'), [a]);
  assert.equal(serializeBaseline(back.baseline), text);
  for (const bad of ['', '[]', '{"version": 2, "reports": {}}', '{"version": 1, "reports": {"x": [{"rule": 1}]}}', '{"version":1,"reports":{"x":{}}}']) assert.equal(parseBaseline(bad).ok, false, bad);
  assert.ok(parseBaseline('\ufeff{"version": 1, "reports": {}}').ok);
});
