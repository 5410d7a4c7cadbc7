// The label tests of the table reader (reader/labels.ts) against their plain statements, on generated
// cells: `isNoise` looks at a cell's first character before its patterns, and `gluedLabel` only where a
// digit follows a label; neither may decide otherwise than the patterns alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATIONS_ROWS } from '../../server/src/core/formats/applicationsTable';
import { ACTIVE_ROWS } from '../../server/src/core/formats/activeTable';
import { canonicalKey, gluedLabel, isNoise } from '../../server/src/core/reader/labels';
import { fold } from '../../server/src/core/text/normalize';
import { rng } from '../helpers/rng';

const PAGE_FOOTER = /^(?:[-—–－_]+\s*\d{1,4}\s*[-—–－_]+|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
const CAPTION = /^表[一二三四五1-5](?:[：:、.\s]|$)/;
const JUNK = /^[?？!！。…*#~=_]{2,}$/;
const RUNNING_HEADER = /年度?报告$/;

function noiseAsWritten(text: string): boolean {
  if (/^[0-9]+$/.test(text)) return false;
  if (text.length > 200) return JUNK.test(text.trim());
  const t = fold(text).trim();
  return PAGE_FOOTER.test(t) || CAPTION.test(t.replace(/^#+\s*/, '')) || JUNK.test(t) || (t.length <= 60 && RUNNING_HEADER.test(t));
}

function gluedAsWritten(text: string, defs: typeof APPLICATIONS_ROWS): string | null {
  if (!/\d/.test(text) || /^[0-9０-９+\-,. ．，]*$/.test(text) && /[0-9０-９]/.test(text)) return null;
  const t = fold(text.length > 5000 ? text.slice(0, 5000) : text);
  for (const d of defs) {
    if (d.group) continue;
    const key = canonicalKey(d);
    if (key.length < 2) continue;
    for (let at = t.indexOf(key); at >= 0; at = t.indexOf(key, at + 1)) {
      const digits = /^\d+(?![.、．\d])/.exec(t.slice(at + key.length, at + key.length + 40));
      if (digits) return key + digits[0];
    }
  }
  return null;
}

/** Cells as tables hold them, and the noise around them, glued at random. */
function cells(seed: number, count: number, defs: typeof APPLICATIONS_ROWS): string[] {
  const draw = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(draw() * xs.length)];
  const pieces = [
    ...defs.map((d) => d.label), ...defs.map((d) => canonicalKey(d)), '0', '12', '３', '1.', '.', '、', '2.5', '—', '－', '- 3 -', '— 12 —', '第3页', '第 2 页，共 9 页', '3/12',
    '表三', '## 表二：', '表5 ', '？？', '!!', '…', '**', '==', '某县2023年政府信息公开工作年度报告', '年度報告', '报告', ' ', '\u3000', '（一）', '本年', '数据1', '總計', '１０',
  ];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(draw() * 4) }, () => pick(pieces)).join(''));
}

test('isNoise decides as its patterns do, on generated cells', () => {
  let noise = 0;
  for (const c of cells(3, 20_000, APPLICATIONS_ROWS)) {
    assert.equal(isNoise(c), noiseAsWritten(c), JSON.stringify(c));
    if (isNoise(c)) noise++;
  }
  assert.ok(noise > 500, `${noise} noise cells among them`);
});

test('gluedLabel finds what looking for each label everywhere finds, on generated cells', () => {
  for (const defs of [APPLICATIONS_ROWS, ACTIVE_ROWS]) {
    let glued = 0;
    for (const c of cells(5, 20_000, defs)) {
      assert.equal(gluedLabel(c, defs), gluedAsWritten(c, defs), JSON.stringify(c));
      if (gluedLabel(c, defs)) glued++;
    }
    assert.ok(glued > 200, `${glued} glued cells among them`);
  }
});
