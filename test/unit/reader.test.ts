import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, readReport, toDiagnostic, type Report } from '../../server/src/core';
import { renderReport } from '../../server/src/core/render/report';
import { APPLICANT_COLUMNS } from '../../server/src/core/formats/applicationsTable';
import { rowsOf } from '../../server/src/core/render/tables';
import { fullWidth } from '../../server/src/core/l10n/text';

/** Every relation holds, and every row's numbers differ from its neighbours' (a misplaced row shows). */
const PARTS: Record<string, number[]> = {
  newReceived: [6, 2, 1, 0, 1, 0], carriedOver: [1, 0, 0, 0, 0, 1], granted: [3, 1, 0, 0, 0, 0],
  partiallyGranted: [1, 1, 0, 0, 0, 0], 'denied.thirdParty': [0, 0, 1, 0, 0, 0], 'unable.notHeld': [1, 0, 0, 0, 1, 0],
  'other.other': [1, 0, 0, 0, 0, 0], total: [6, 2, 1, 0, 1, 0], carriedForward: [1, 0, 0, 0, 0, 1],
};
const GROUPS: Record<string, number[]> = { review: [2, 0, 1, 0, 3], litigationDirect: [1, 2, 0, 1, 4], litigationAfterReview: [0, 1, 0, 0, 1] };

function value(row: string, col: string): string {
  if (GROUPS[row]) return String(GROUPS[row][['upheld', 'corrected', 'otherResult', 'pending', 'total'].indexOf(col)]);
  const p = PARTS[row] ?? [0, 0, 0, 0, 0, 0];
  if (col === 'total') return String(p.reduce((a, b) => a + b, 0));
  const i = APPLICANT_COLUMNS.findIndex((c) => c.key === col);
  return i >= 0 ? String(p[i]) : col === 'feeAmount' ? '1.5' : '2';
}

const expected = (row: string) => [...(PARTS[row] ?? [0, 0, 0, 0, 0, 0]), (PARTS[row] ?? []).reduce((a, b) => a + b, 0)];

function numbers(r: Report, kind: 'applications' | 'reviewLitigation') {
  return Object.fromEntries((r.tables[kind]?.rows ?? []).filter((x) => x.key && !x.group).map((x) => [x.key, x.cells.map((c) => c.value)]));
}

const messages = (text: string) => check(text).findings.map((f) => `${f.ruleId} ${toDiagnostic(f).message}`);

/** Table 四 as converters write it: each group under its own heading, its five numbers in a small table. */
function perGroupTable4(groups: Record<string, string[] | null>): string {
  const names: Record<string, string> = { review: '行政复议', litigationDirect: '未经复议直接起诉', litigationAfterReview: '复议后起诉' };
  return Object.entries(groups).map(([k, cells]) => [
    `### ${names[k]}`,
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    '|---|---|---|---|---|',
    ...(cells ? [`| ${cells.join(' | ')} |`] : []),
  ].join('\n')).join('\n\n');
}

function withTable4(table4: string): string {
  const base = renderReport({ issuer: '某县某局', year: 2023, layout: 'markdown', value });
  const from = base.indexOf('四、政府信息公开行政复议');
  const to = base.indexOf('五、存在的主要问题');
  return `${base.slice(0, from)}四、政府信息公开行政复议、行政诉讼情况\n\n${table4}\n\n${base.slice(to)}`;
}

test('table 四 in per-group tables: each group gets its own numbers', () => {
  const text = withTable4(perGroupTable4({
    review: GROUPS.review.map(String), litigationDirect: GROUPS.litigationDirect.map(String), litigationAfterReview: GROUPS.litigationAfterReview.map(String),
  }));
  assert.deepEqual(numbers(readReport(text), 'reviewLitigation'), GROUPS);
  assert.deepEqual(messages(text), []);
});

test('table 四: a group without numbers is missing, and the next group\'s numbers never move onto it', () => {
  const text = withTable4(perGroupTable4({ review: GROUPS.review.map(String), litigationDirect: null, litigationAfterReview: GROUPS.litigationAfterReview.map(String) }));
  const read = numbers(readReport(text), 'reviewLitigation');
  assert.deepEqual(read, { review: GROUPS.review, litigationAfterReview: GROUPS.litigationAfterReview });
  assert.deepEqual(check(text).findings.map((f) => f.ruleId), ['table-row-missing']);
});

test('table 四: numbers under two labels that do not make five each are unreadable, not misread', () => {
  const text = withTable4(perGroupTable4({
    review: GROUPS.review.map(String), litigationDirect: null,
    litigationAfterReview: [...GROUPS.litigationDirect, ...GROUPS.litigationAfterReview].map(String),
  }));
  const r = readReport(text);
  assert.equal(r.tables.reviewLitigation?.unreadable?.reason, 'rowCounts');
  assert.deepEqual(r.tables.reviewLitigation?.rows, []);
  assert.deepEqual(check(text).findings.map((f) => f.ruleId), ['table-unreadable']);
});

/** Table 三 in Markdown with some labels moved off their rows onto text lines above (a PDF converter's doing). */
function displacedLabels(text: string, keys: string[]): string {
  const lines = text.split('\n');
  for (const key of keys) {
    const label = fullWidth(rowsOf('applications', '2021').find((r) => r.key === key)!.label);
    // The skeleton's table is aligned: the label's cell is padded.
    const cell = new RegExp(`^\\| ${label} *\\| `);
    const i = lines.findIndex((l) => cell.test(l));
    assert.ok(i > 2, key);
    lines[i] = lines[i].replace(cell, '| ');
    // The label lands two rows up, as a text line of its own.
    lines.splice(i - 2, 0, label);
  }
  return lines.join('\n');
}

test('table 三 with labels displaced from their numbers is read in template order', () => {
  const base = renderReport({ issuer: '某县某局', year: 2023, layout: 'markdown', value });
  const text = displacedLabels(base, ['partiallyGranted', 'denied.thirdParty', 'unable.notHeld', 'notProcessed.excessive', 'other.noFee']);
  assert.notEqual(text, base);
  const r = readReport(text);
  assert.equal(r.tables.applications?.unreadable, null);
  const read = numbers(r, 'applications');
  for (const key of Object.keys(PARTS)) assert.deepEqual(read[key], expected(key), key);
  assert.equal(Object.keys(read).length, 25);
  assert.deepEqual(messages(text), []);
});

test('labels broken over cells and lines: (三)不 | 4.保护…, (三) / 不予公开, 三、 / 本 / 年 / …', () => {
  const base = renderReport({ issuer: '某县某局', year: 2023, layout: 'pipeRows', value });
  const split = base
    .replace('（三）不予公开 |\n1.属于国家秘密', '（三） |\n不予公开 |\n1.属于国家秘密')
    .replace('三、本年度办理结果 |', '三、\n本\n年\n度\n办\n理\n结\n果 |')
    .replace('（四）无法提供 |\n1.本机关', '（四）无 |\n1.本机关');
  assert.notEqual(split, base);
  const read = numbers(readReport(split), 'applications');
  for (const key of Object.keys(PARTS)) assert.deepEqual(read[key], expected(key), key);
  assert.deepEqual(messages(split), []);
});

test('cells glued to their labels cannot be split: one diagnostic per table, nothing checked', () => {
  const base = renderReport({ issuer: '某县某局', year: 2023, layout: 'pipeRows', value });
  const glued = base.replace(/(一、本年新收政府信息公开申请数量) \| (.*) \|\n/, (_, label: string, cells: string) => `${label}${cells.replace(/ \| /g, '')}\n`);
  assert.notEqual(glued, base);
  const r = readReport(glued);
  assert.equal(r.tables.applications?.unreadable?.reason, 'glued');
  const found = messages(glued);
  assert.equal(found.length, 1);
  assert.match(found[0], /^table-unreadable .*数字与行名称粘连在一起（如“本年新收政府信息公开申请数量62101010”）/);
});

test('blank-line cells: empty cells collapsed into a run of blank lines are blanks of the row, not a short row', () => {
  const base = renderReport({ issuer: '某县某局', year: 2023, layout: 'cellPerLine', value: (r, c) => (r === 'carriedOver' && c !== 'total' && c !== 'naturalPerson' ? '' : value(r, c)) });
  const blankLined = base.replace(/ \|\n/g, '\n\n').replace(/^\|\n/gm, '');
  const collapsed = blankLined.replace('上年结转政府信息公开申请数量\n\n1\n\n', '上年结转政府信息公开申请数量\n\n1\n\n\n\n\n');
  assert.notEqual(collapsed, blankLined);
  const row = readReport(collapsed).tables.applications?.rows.find((x) => x.key === 'carriedOver');
  assert.deepEqual(row?.cells.map((c) => c.text), ['1', '', '', '', '', '', '2']);
  assert.deepEqual(check(collapsed).findings.map((f) => f.ruleId).filter((id) => id !== 'cell-blank'), []);
});

test('a page footer inside a table is no cell', () => {
  const base = renderReport({ issuer: '某县某局', year: 2023, layout: 'cellPerLine', value });
  const footer = base.replace('（三）不予公开 |', '— 4 —\n（三）不予公开 |');
  assert.notEqual(footer, base);
  assert.deepEqual(numbers(readReport(footer), 'applications'), numbers(readReport(base), 'applications'));
  assert.deepEqual(messages(footer), []);
});

test('a page that starts inside table 二: the rows above the first anchor are its rows; prose above an anchor is not', () => {
  const page = ['- 4 -', '信息内容 本年处理决定数量', '行政处罚 12', '行政强制 3', '第二十条 第（八）项', '信息内容 本年收费金额（单位：万元）', '行政事业性收费 1.5', '三、收到和处理政府信息公开申请情况'].join('\n');
  const t = readReport(page).tables.active!;
  assert.deepEqual(t.rows.filter((r) => !r.group).map((r) => [r.key, r.cells.map((c) => c.value)]), [['penalties', [12]], ['enforcement', [3]], ['fees', [1.5]]]);
  assert.equal(t.range.start.line, 1, 'from the header line above the rows');
  const prose = ['二、主动公开政府信息情况', '行政处罚方面，全年作出处罚决定12件。', '第二十条第（六）项', '信息内容 本年处理决定数量', '行政处罚 12', '行政强制 3'].join('\n');
  assert.equal(readReport(prose).tables.active!.range.start.line, 2);
});

test('a part heading cut off where the text stops is that part (an excerpt), and stops being one when text follows', () => {
  const base = renderReport({ issuer: '某县某局', year: 2023, layout: 'markdown', value });
  const cut = base.slice(0, base.indexOf('五、存在的主要问题') + '五、存在的主'.length);
  assert.deepEqual(readReport(cut).sections.map((s) => s.ordinal), [1, 2, 3, 4, 5]);
  assert.deepEqual(readReport(`${cut}\n下文。`).sections.map((s) => s.ordinal), [1, 2, 3, 4]);
});

test('table 四 glued to its header: fifteen digits are fifteen one-digit cells; any other count cannot be split', () => {
  const header = '行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';
  const fifteen = withTable4(`${header}201031201400000`);
  assert.deepEqual(numbers(readReport(fifteen), 'reviewLitigation'), { review: [2, 0, 1, 0, 3], litigationDirect: [1, 2, 0, 1, 4], litigationAfterReview: [0, 0, 0, 0, 0] });
  assert.deepEqual(messages(fifteen), []);
  const sixteen = withTable4(`${header}2010312014000010`);
  assert.equal(readReport(sixteen).tables.reviewLitigation?.unreadable?.reason, 'glued');
  assert.deepEqual(check(sixteen).findings.map((f) => f.ruleId), ['table-unreadable']);
});

test('table 四: three numbers under 行政复议 and five under 复议后起诉 are unreadable, never read as two groups', () => {
  const text = withTable4(['行政复议', '结果维持 结果纠正 其他结果 尚未审结 总计', '1 0 0', '### 复议后起诉', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '| 0 | 1 | 0 | 0 | 1 |'].join('\n'));
  const found = check(text).findings;
  assert.deepEqual(found.map((f) => f.ruleId), ['table-unreadable']);
  assert.doesNotMatch(toDiagnostic(found[0]).message, /“”/);
});
