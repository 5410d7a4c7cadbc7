// The official layout of the statutory tables (server/src/core/render/layout.ts): the spans tile the
// grid exactly, every cell of the format appears once, and the merged headers are where the format puts them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeCells, statutoryLayout, type StatutoryLayout } from '../../server/src/core/render/layout';
import { rowsOf } from '../../server/src/core/render/tables';
import { activeColumns } from '../../server/src/core/formats/activeTable';
import { APPLICANT_COLUMNS } from '../../server/src/core/formats/applicationsTable';
import { OUTCOME_COLUMNS } from '../../server/src/core/formats/reviewLitigationTable';
import type { FormatVersion, TableKind } from '../../server/src/core/model';

const KINDS: TableKind[] = ['active', 'applications', 'reviewLitigation'];
const VERSIONS: FormatVersion[] = ['2019', '2021'];

/** The grid each cell covers, by the cells' own spans: every place covered exactly once. */
function coverage(layout: StatutoryLayout): number[][] {
  const grid = layout.rows.map(() => Array<number>(layout.width).fill(0));
  for (const { cell, row, column } of placeCells(layout)) {
    for (let r = row; r < row + cell.rowSpan; r++) {
      for (let c = column; c < column + cell.colSpan; c++) {
        assert.ok(r < layout.rows.length && c < layout.width, `${cell.text || cell.key?.row} spills out of the grid at ${r},${c}`);
        grid[r][c]++;
      }
    }
  }
  return grid;
}

function modelCells(kind: TableKind, version: FormatVersion): string[] {
  if (kind === 'reviewLitigation') return rowsOf(kind, version).flatMap((g) => OUTCOME_COLUMNS.map((c) => `${g.key}/${c.key}`));
  const cols = (r: ReturnType<typeof rowsOf>[number]) => (kind === 'active' ? activeColumns(r, version) : APPLICANT_COLUMNS);
  return rowsOf(kind, version).filter((r) => !r.group).flatMap((r) => cols(r).map((c) => `${r.key}/${c.key}`));
}

for (const kind of KINDS) {
  for (const version of VERSIONS) {
    test(`table ${kind} (${version}): the spans tile the grid and every cell of the model appears once`, () => {
      const layout = statutoryLayout(kind, version);
      for (const row of coverage(layout)) assert.deepEqual(row, Array(layout.width).fill(1));
      const keys = layout.rows.flat().filter((c) => c.key).map((c) => `${c.key!.row}/${c.key!.column}`);
      assert.deepEqual(keys, modelCells(kind, version));
      for (const c of layout.rows.flat()) if (c.role !== 'value') assert.ok(c.text.length > 0, 'a header or label cell without text');
      for (const c of layout.rows.flat()) assert.doesNotMatch(c.text, /[():,;]/, `half-width punctuation in ${c.text}`);
    });
  }
}

test('table 三: the note over three header rows, 申请人情况 over seven columns, 法人或其他组织 over five', () => {
  const layout = statutoryLayout('applications', '2021');
  assert.equal(layout.width, 10);
  assert.equal(layout.headerRows, 3);
  const [first, second, third] = layout.rows;
  assert.deepEqual(first.map((c) => [c.role, c.rowSpan, c.colSpan]), [['note', 3, 3], ['header', 1, 7]]);
  assert.equal(first[1].text, '申请人情况');
  assert.deepEqual(second.map((c) => [c.text, c.rowSpan, c.colSpan]), [['自然人', 2, 1], ['法人或其他组织', 1, 5], ['总计', 2, 1]]);
  assert.deepEqual(third.map((c) => c.text), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
});

test('table 三: 三、本年度办理结果 spans its results; the sub-groups span their reasons; (六) has three rows in 2021 and one in 2019', () => {
  for (const [version, results, other] of [['2021', 22, 3], ['2019', 20, null]] as const) {
    const cells = statutoryLayout('applications', version).rows.flat();
    const find = (text: string) => cells.find((c) => c.text.startsWith(text))!;
    assert.equal(find('三、本年度办理结果').rowSpan, results, version);
    assert.equal(find('（三）不予公开').rowSpan, 8);
    assert.equal(find('（四）无法提供').rowSpan, 3);
    assert.equal(find('（五）不予处理').rowSpan, 5);
    const sixth = find('（六）其他处理');
    if (other) assert.deepEqual([sixth.role, sixth.rowSpan, sixth.colSpan], ['group', other, 1]);
    else assert.deepEqual([sixth.role, sixth.rowSpan, sixth.colSpan], ['label', 1, 2]);
    assert.deepEqual([find('（一）予以公开').colSpan, find('（七）总计').colSpan, find('一、本年新收').colSpan, find('四、结转下年度').colSpan], [2, 2, 3, 3]);
  }
});

test('table 四: 行政复议 and 行政诉讼 over two header rows, the outcomes of 行政复议 over both', () => {
  const [top, middle, bottom, values] = statutoryLayout('reviewLitigation', '2021').rows;
  assert.deepEqual(top.map((c) => [c.text, c.colSpan]), [['行政复议', 5], ['行政诉讼', 10]]);
  assert.deepEqual(middle.map((c) => [c.text, c.rowSpan, c.colSpan]), [
    ['结果维持', 2, 1], ['结果纠正', 2, 1], ['其他结果', 2, 1], ['尚未审结', 2, 1], ['总计', 2, 1],
    ['未经复议直接起诉', 1, 5], ['复议后起诉', 1, 5],
  ]);
  assert.equal(bottom.length, 10);
  assert.equal(values.length, 15);
});

test('table 二: each article item a full-width row with its 信息内容 header; one value column spans three places', () => {
  const rows = statutoryLayout('active', '2021').rows;
  assert.deepEqual(rows[0].map((c) => [c.text, c.colSpan]), [['第二十条第（一）项', 4]]);
  assert.deepEqual(rows[1].map((c) => c.text), ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
  const licensing = rows.find((r) => r[0].text === '行政许可')!;
  assert.deepEqual(licensing.map((c) => c.colSpan), [1, 3]);
  const fees = statutoryLayout('active', '2019').rows.find((r) => r[0].text === '行政事业性收费')!;
  assert.deepEqual(fees.map((c) => c.colSpan), [1, 1, 2]);
});
