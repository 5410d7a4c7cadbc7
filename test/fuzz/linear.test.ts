// Linear reading (issue 14, item 2): for every shape the reader knows (test/helpers/layouts.ts) and every
// bulk shape (test/helpers/bigShapes.ts), the time grows as the input does. Measured as a ratio within one
// run: four times the input, best of five each, timed by turns; linear gives 4, quadratic 16, and the
// bound, 8, is about twice the time for each doubling (generous for a busy machine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';
import { LineIndex } from '../../server/src/core/text/positions';
import { allShapes, fixedModel } from '../helpers/layouts';
import { BULK_NAMES, withBulk } from '../helpers/bigShapes';

const GROWTH = 4;
const BOUND = 8;

function time(text: string): number {
  const t0 = performance.now();
  check(text);
  return performance.now() - t0;
}

/**
 * The time ratio of `grow(4n)` to `grow(n)`, n grown until one check takes long enough to time well;
 * the two are timed by turns, so that a busy machine slows both alike.
 */
function growth(grow: (n: number) => string, n: number): { ratio: number; ms: number } {
  // Other test files run beside this one, and a large check's collections fall as the heap left by the
  // shapes before lets them: a ratio over the bound is measured again (three times at most); a path that is
  // really superlinear is over it every time. (A CI run measured ×8.09 three times for pipeLinesBetween+traditional,
  // which measures 2–3 here; a check of the same text repeated 32 or 128 times costs the same per copy.)
  let r = measure(grow, n);
  for (let k = 0; k < 3 && r.ratio > BOUND; k++) {
    const again = measure(grow, n);
    if (again.ratio < r.ratio) r = again;
  }
  return r;
}

function measure(grow: (n: number) => string, n: number): { ratio: number; ms: number } {
  let small = grow(n);
  time(grow(GROWTH * n));
  while (time(small) < 6 && n < 1 << 22) small = grow((n *= 2));
  const large = grow(GROWTH * n);
  let a = Infinity;
  let b = Infinity;
  for (let k = 0; k < 5; k++) {
    a = Math.min(a, time(small));
    b = Math.min(b, time(large));
  }
  return { ratio: b / a, ms: b };
}

/** The text with the applications table's own span written `copies` times (rows and markup as they are). */
function tableRepeated(text: string, copies: number): string {
  const t = check(text).report.tables.applications;
  if (!t) return text;
  const index = new LineIndex(text);
  const a = index.offsetAt(t.range.start);
  const b = index.offsetAt(t.range.end);
  return text.slice(0, b) + ('\n' + text.slice(a, b)).repeat(copies) + text.slice(b);
}

test('every layout: a report written four times as often, and table 三 written four times as often, take about four times the time', () => {
  const model = fixedModel('2021');
  const slow: string[] = [];
  for (const [name, shape] of Object.entries(allShapes())) {
    const text = shape(model);
    const whole = growth((n) => Array<string>(n).fill(text).join('\n'), 2);
    const table = growth((n) => tableRepeated(text, n), 2);
    if (whole.ratio > BOUND) slow.push(`${name} (whole report): ×${whole.ratio.toFixed(2)}`);
    if (table.ratio > BOUND) slow.push(`${name} (table 三): ×${table.ratio.toFixed(2)}`);
  }
  assert.deepEqual(slow, []);
});

test('every bulk shape: four times the bulk takes about four times the time', () => {
  const slow: string[] = [];
  for (const name of BULK_NAMES) {
    const r = growth((n) => withBulk(name, n), 16 << 10);
    if (r.ratio > BOUND) slow.push(`${name}: ×${r.ratio.toFixed(2)} (${r.ms.toFixed(1)} ms)`);
  }
  assert.deepEqual(slow, []);
});
