// Values as written (issue 14, item 7): only ASCII and full-width digits are digits; '-0' is zero;
// a number of any length is one cell; a total too large for a cell is said, never written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check as checkAll, toDiagnostic, type Finding, type Report } from '../../server/src/core';
import { applyEdits, fixAll, quickFixes } from '../../server/src/core/service/actions';
import { recomputeAll } from '../../server/src/core/service/recompute';
import { fitsCell, isTooLarge, MAX_DIGITS, parseValue } from '../../server/src/core/reader/values';
import { fold } from '../../server/src/core/text/normalize';
import { fixedModel, modelValues, readableShapes, reportValues, type ReportModel } from '../helpers/layouts';
import { fuzz } from '../helpers/fuzz';

/** The checks of values: a layout in Traditional script is also said to be one (traditional-script), not this file's concern. */
function check(text: string) {
  const r = checkAll(text);
  return { ...r, findings: r.findings.filter((f) => f.ruleId !== 'traditional-script') };
}

const SHAPES = readableShapes();
const KINDS = ['count', 'signed', 'amount'] as const;

/** The model with one cell's text replaced. */
function withCell(m: ReportModel, key: string, index: number, text: string): ReportModel {
  return { ...m, cells: { ...m.cells, [key]: m.cells[key].map((t, i) => (i === index ? text : t)) } };
}

function cellAt(report: Report, key: string, index: number) {
  const [kind, row] = key.split('.') as [keyof Report['tables'], string];
  return report.tables[kind]?.rows.find((r) => r.key === row)?.cells[index];
}

const messages = (fs: Finding[], rule?: string) => fs.filter((f) => !rule || f.ruleId === rule).map((f) => toDiagnostic(f).message);

/**
 * Every character that is not an ASCII or full-width digit but that NFKC folds to digits only (superscripts,
 * subscripts, circled numbers, mathematical digits…) or that Unicode calls a decimal digit (Arabic-Indic,
 * Devanagari, Thai…): taken from Unicode itself, not listed by hand.
 */
const LOOK_ALIKES: string[] = (() => {
  const out: string[] = [];
  for (let cp = 0x80; cp < 0x20000; cp++) {
    if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xff10 && cp <= 0xff19)) continue;
    const ch = String.fromCodePoint(cp);
    if (/\p{Nd}/u.test(ch) || /^[0-9]+$/.test(ch.normalize('NFKC'))) out.push(ch);
  }
  return out;
})();

test('the look-alike digits are many and of every kind the issue names', () => {
  for (const ch of ['²', '⑫', '𝟏', '١', '९', '₃', '⓪']) assert.ok(LOOK_ALIKES.includes(ch), ch);
  assert.ok(LOOK_ALIKES.length > 400, String(LOOK_ALIKES.length));
});

test('parseValue: ASCII and full-width digits are numbers, look-alikes are not (NFKC would read 12)', () => {
  assert.deepEqual(parseValue('12', 'count'), { value: 12, problem: null });
  assert.deepEqual(parseValue('１２', 'count'), { value: 12, problem: null });
  assert.deepEqual(parseValue('１，２３４', 'count'), { value: 1234, problem: null });
  assert.deepEqual(parseValue('１２．５', 'amount'), { value: 12.5, problem: null });
  assert.deepEqual(parseValue('－３', 'signed'), { value: -3, problem: null });
  assert.deepEqual(parseValue('\u22123', 'signed'), { value: -3, problem: null });
  for (const t of ['1²', '⑫', '𝟏𝟐', '¹²', '⒓', '1₂', '㏠', '١٢', '४२']) {
    if (!/\p{Nd}/u.test(t)) assert.match(fold(t), /\d/, `NFKC reads digits in ${t}`);
    for (const kind of KINDS) assert.deepEqual(parseValue(t, kind), { value: null, problem: 'notNumber' }, `${t} as ${kind}`);
  }
});

test('parseValue: -0 is zero, not negative, in every kind and width', () => {
  for (const t of ['-0', '－0', '－０', '\u22120', '-000', '+0']) {
    for (const kind of KINDS) {
      const p = parseValue(t, kind);
      assert.equal(p.problem, null, `${t} as ${kind}`);
      assert.ok(Object.is(p.value, 0), `${t} as ${kind}: ${p.value}`);
    }
  }
  assert.deepEqual(parseValue('-0.00', 'amount'), { value: 0, problem: null });
  assert.deepEqual(parseValue('-0.0', 'count'), { value: null, problem: 'notWhole' });
  assert.deepEqual(parseValue('-1', 'count'), { value: null, problem: 'negative' });
  assert.deepEqual(parseValue('-0.01', 'amount'), { value: null, problem: 'negative' });
});

test('parseValue: at most 12 digits; more is too large, whatever the separators', () => {
  assert.equal(MAX_DIGITS, 12);
  assert.deepEqual(parseValue('999999999999', 'count'), { value: 999999999999, problem: null });
  assert.deepEqual(parseValue('999,999,999,999', 'count'), { value: 999999999999, problem: null });
  for (const t of ['1999999999998', '1,999,999,999,998', '１９９９９９９９９９９９８', '1234567890123456789012345']) {
    assert.deepEqual(parseValue(t, 'count'), { value: null, problem: 'notNumber' }, t);
    assert.ok(isTooLarge(t), t);
  }
  assert.ok(!isTooLarge('减1234567890123'));
  assert.ok(fitsCell(999999999999) && !fitsCell(1e12) && !fitsCell(1e21) && !fitsCell(NaN));
  assert.ok(fitsCell('25.1') && !fitsCell('1234567890.123'));
});

test('a look-alike digit in a cell is a cell that is not a number, quoted as written, in every layout', () => {
  const m = fixedModel('2021');
  const looks = ['1²', '⑫', '𝟏𝟐', '١٢'];
  SHAPES.forEach(([name, shape], s) => {
    const text = looks[s % looks.length];
    const model = withCell(m, 'applications.newReceived', 0, text);
    const { report, findings } = check(shape(model));
    const cell = cellAt(report, 'applications.newReceived', 0)!;
    assert.equal(cell.value, null, name);
    assert.deepEqual(findings.map((f) => f.ruleId), ['cell-not-number'], `${name}: ${messages(findings)}`);
    assert.equal(messages(findings)[0], `“本年新收政府信息公开申请数量”的“自然人”应填写非负整数，表中是“${cell.text}”。`, name);
    assert.ok([...cell.text].some((c) => LOOK_ALIKES.includes(c)), `${name}: ${cell.text}`);
    const want = modelValues(model);
    want['applications.newReceived'][0] = null;
    assert.deepEqual(reportValues(report), want, name);
  });
});

test('-0 and －0 are zero: no finding, the numbers read back, in every layout', () => {
  const m = fixedModel('2021');
  const zeros = Object.entries(m.cells).flatMap(([k, v]) => v.flatMap((t, i) => (t === '0' ? [[k, i] as const] : [])));
  SHAPES.forEach(([name, shape], s) => {
    const [key, index] = zeros[s % zeros.length];
    const model = withCell(m, key, index, s % 2 ? '-0' : '－0');
    const { report, findings } = check(shape(model));
    assert.deepEqual(messages(findings), [], `${name}: ${key}[${index}]`);
    assert.deepEqual(reportValues(report), modelValues(m), name);
  });
});

test('-0 in the 2019 signed column (本年增/减) is zero too', () => {
  const m = fixedModel('2019');
  const key = 'active.fees';
  const [, shape] = SHAPES.find(([n]) => n === 'pipeRows')!;
  const { report, findings } = check(shape(withCell(m, key, 1, '-0')));
  assert.deepEqual(messages(findings), []);
  assert.equal(cellAt(report, key, 1)!.kind, 'signed');
  assert.ok(Object.is(cellAt(report, key, 1)!.value, 0));
});

test('a number over 20 characters is one cell that is too large, and the table goes on, in every layout', () => {
  const m = fixedModel('2021');
  const long = '1234567890123456789012345';
  const places = [['applications.newReceived', 0], ['applications.granted', 3], ['reviewLitigation.review', 1], ['active.regulations', 0]] as const;
  SHAPES.forEach(([name, shape], s) => {
    const [key, index] = places[s % places.length];
    if (!m.cells[key]) return;
    const model = withCell(m, key, index, long);
    const { report, findings } = check(shape(model));
    const cell = cellAt(report, key, index)!;
    assert.deepEqual(findings.map((f) => f.ruleId), ['cell-not-number'], `${name} ${key}: ${messages(findings)}`);
    assert.match(messages(findings)[0], new RegExp(`填写的“${cell.text}”超过12位数字，数值过大，无法核对。$`), name);
    const want = modelValues(model);
    want[key][index] = null;
    assert.deepEqual(reportValues(report), want, name);
  });
});

/** Table 三 in Markdown with one row's cells replaced (the rest of the fixed model holds). */
function applications(cells: Record<string, string[]>): string {
  const m = fixedModel('2021');
  const [, shape] = SHAPES.find(([n]) => n === 'markdown')!;
  return shape({ ...m, cells: { ...m.cells, ...cells } });
}

/** Applies a set of edits, checks again, and requires no finding that was not there before. */
function noNewFinding(text: string, before: Finding[], edits: { start: number; end: number; newText: string }[]): string {
  const fixed = applyEdits(text, edits);
  const had = new Set(before.map((f) => `${f.ruleId} ${toDiagnostic(f).message}`));
  const after = check(fixed).findings.map((f) => `${f.ruleId} ${toDiagnostic(f).message}`);
  assert.deepEqual(after.filter((f) => !had.has(f)), []);
  return fixed;
}

test('a computed total over 12 digits is said too large, never offered, and skipped by recompute and fix-all', () => {
  const text = applications({
    'applications.newReceived': ['999999999999', '999999999999', '0', '0', '0', '0', '0'],
  });
  const { report, findings } = check(text);
  const rowTotal = findings.filter((f) => f.ruleId === 'row-total');
  assert.equal(rowTotal.length, 1);
  assert.equal(messages(rowTotal)[0],
    '“本年新收政府信息公开申请数量”行“总计”列应为1999999999998（自然人与法人或其他组织各列之和），表中填写的是0。计算结果超过12位数字，数值过大，无法填入表格，请核对参与计算的各个数字。');
  assert.equal(rowTotal[0].data!.expected, 1999999999998);
  assert.equal(rowTotal[0].fix, undefined);
  assert.deepEqual(quickFixes(report, rowTotal[0]), []);
  for (const f of findings) for (const a of quickFixes(report, f)) assert.ok(a.edits.every((e) => !e.newText.includes('1999999999998')), a.title.template.zh);
  assert.ok(recomputeAll(report).every((e) => fitsCell(e.newText.trim())));
  const all = fixAll(report, findings);
  const fixed = noNewFinding(text, findings, all?.edits ?? []);
  assert.ok(!fixed.includes('1999999999998'));
  assert.equal(fixAll(check(fixed).report, check(fixed).findings), null, 'fix-all has nothing left to write');
  const en = toDiagnostic(rowTotal[0], 'en').message;
  assert.match(en, /The computed value has more than 12 digits, too large to be written into the table/);
});

test('fix-all beside a total too large to write: it writes the others and does not claim to resolve that one', () => {
  const text = applications({
    'applications.newReceived': ['999999999999', '999999999999', '0', '0', '0', '0', '0'],
    'applications.carriedOver': ['1', '0', '0', '0', '0', '0', '0'],
  });
  const { report, findings } = check(text);
  const tooLarge = findings.find((f) => f.ruleId === 'row-total' && f.data?.row === 'newReceived')!;
  const writable = findings.find((f) => f.ruleId === 'row-total' && f.data?.row === 'carriedOver')!;
  const all = fixAll(report, findings)!;
  assert.ok(all.resolves.includes(writable));
  assert.ok(!all.resolves.includes(tooLarge));
});

test('a computed total of exactly 12 digits is written, and reads back as itself', () => {
  const m = fixedModel('2021');
  const [, shape] = SHAPES.find(([n]) => n === 'pipeRows')!;
  const text = shape({ ...m, cells: { ...m.cells, 'reviewLitigation.review': ['499999999999', '500000000000', '0', '0', '0'] } });
  const { report, findings } = check(text);
  const f = findings.find((x) => x.ruleId === 'review-litigation-total')!;
  assert.equal(f.data!.expected, 999999999999);
  const [own] = quickFixes(report, f);
  const fixed = noNewFinding(text, findings, own.edits);
  assert.deepEqual(messages(check(fixed).findings), []);
  assert.equal(check(fixed).report.tables.reviewLitigation!.rows[0].cells[4].value, 999999999999);
});

test('table 四: a group total over 12 digits is said too large, without a fix', () => {
  const m = fixedModel('2021');
  const [, shape] = SHAPES.find(([n]) => n === 'pipeRows')!;
  const text = shape({ ...m, cells: { ...m.cells, 'reviewLitigation.review': ['999999999999', '999999999999', '999999999999', '999999999999', '0'] } });
  const { report, findings } = check(text);
  const f = findings.filter((x) => x.ruleId === 'review-litigation-total');
  assert.equal(f.length, 1);
  assert.match(messages(f)[0], /^“行政复议”的“总计”应为3999999999996（.*），表中填写的是0。计算结果超过12位数字，数值过大，无法填入表格，请核对参与计算的各个数字。$/);
  assert.equal(f[0].fix, undefined);
  noNewFinding(text, findings, fixAll(report, findings)?.edits ?? []);
});

test('a blank total whose parts add up to more than 12 digits stays blank: the blank fix does not write it', () => {
  const text = applications({ 'applications.newReceived': ['999999999999', '999999999999', '0', '0', '0', '0', ''] });
  const { report, findings } = check(text);
  const blank = findings.find((f) => f.ruleId === 'cell-blank')!;
  assert.ok(!blank.fix || (blank.fix.edits.length === 0 && !blank.fix.safe));
  noNewFinding(text, findings, fixAll(report, findings)?.edits ?? []);
});

test('an amount with a unit: look-alike digits or too many digits are not a number, not a unit to drop', () => {
  const m = fixedModel('2021');
  const [, shape] = SHAPES.find(([n]) => n === 'pipeRows')!;
  const key = Object.keys(m.cells).find((k) => k.startsWith('active.') && m.cells[k].length === 1 && m.cells[k][0].includes('.'))
    ?? Object.keys(m.cells).find((k) => k === 'active.fees')!;
  const run = (t: string) => check(shape(withCell(m, key, 0, t))).findings;
  assert.deepEqual(run('12.5万元').map((f) => f.ruleId), ['cell-unit']);
  for (const t of ['1²万元', '⑫万元', '1234567890123万元']) assert.deepEqual(run(t).map((f) => f.ruleId), ['cell-not-number'], t);
});

test('property: cells written with look-alike digits never read as numbers', () => {
  const m = fixedModel('2021');
  const places = Object.entries(m.cells).flatMap(([k, v]) => v.map((_, i) => [k, i] as const));
  const digit = fc.constantFrom(...'0123456789０１２３４５６７８９');
  const look = fc.constantFrom(...LOOK_ALIKES);
  const cellText = fc
    .tuple(fc.constantFrom('', '-', '+', '－'), fc.array(fc.oneof(digit, look), { maxLength: 5 }), look, fc.array(fc.oneof(digit, look), { maxLength: 5 }))
    .map(([sign, a, l, b]) => sign + [...a, l, ...b].join(''));
  fuzz('look-alike digits', 200, fc.tuple(cellText, fc.constantFrom(...places), fc.nat(SHAPES.length - 1)), ([t, [key, index], s]) => {
    for (const kind of KINDS) assert.equal(parseValue(t, kind).value, null, `${t} as ${kind}`);
    const [name, shape] = SHAPES[s];
    const { report, findings } = check(shape(withCell(m, key, index, t)));
    const want = modelValues(m);
    want[key][index] = null;
    assert.deepEqual(reportValues(report), want, `${name}: ${key}[${index}] = ${t}`);
    assert.deepEqual(findings.map((f) => f.ruleId), ['cell-not-number'], `${name}: ${key}[${index}] = ${t}: ${messages(findings)}`);
  });
});
