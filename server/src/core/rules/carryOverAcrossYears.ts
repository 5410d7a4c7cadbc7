import { APPLICANT_COLUMNS } from '../formats/applicationsTable';
import { msg } from '../l10n/text';
import type { Cell, Table } from '../model';
import { writeCell } from '../service/cellEdit';
import { keepsRelations } from '../service/consistency';
import { fileName } from '../workspace/workspace';
import { cell as cellAt, columnName } from './names';
import { subject, type Finding, type Fix, type OffsetEdit, type Rule } from './types';

const MESSAGE = {
  zh: '“上年结转政府信息公开申请数量”（{column}）为{actual}，而上年报告“{file}”的“结转下年度继续办理”为{expected}，两者应当相等。',
  en: '“Carried over from last year” ({column}) is {actual}, but last year\'s report “{file}” carried {expected} forward: the two should be equal.',
};
const RELATED = {
  zh: '上年报告的“结转下年度继续办理”（{column}）：{expected}',
  en: 'Last year\'s “carried forward” ({column}): {expected}',
};
const WRITE_ONE = { zh: '按上年报告改为{value}', en: 'Change to last year\'s carried-forward figure {value}' };
const WRITE_ROW = {
  zh: '按上年报告的“结转下年度继续办理”改写本行{count}个数',
  en: 'Write last year\'s carried-forward figures into the {count} differing cells of this row',
};

interface Mismatch {
  cell: Cell;
  last: Cell;
  column: string;
}

/**
 * Table 三 across years: this year's 上年结转 is last year's 结转下年度继续办理, column by column. The
 * fix writes last year's figure into this year's cell, or, where that alone would break the row's
 * total, every differing cell of the row (the consistency guard decides which). It is offered only
 * where this year's balance does not come to fail through it: then either year may be wrong.
 */
export const carryOverAcrossYears: Rule = {
  id: 'carry-over-across-years',
  severity: 1,
  inputs: ['applications'],
  across: true,
  description: { zh: '本年“上年结转”等于上年报告的“结转下年度继续办理”', en: 'Carried over equals last year\'s carried forward' },
  check(ctx) {
    const last = ctx.workspace?.lastYear();
    const table = ctx.report.tables.applications;
    const before = last?.report.tables.applications;
    if (!last || !table || !before || table.unreadable || before.unreadable) return [];
    const mismatches: Mismatch[] = [];
    for (const { key: column } of APPLICANT_COLUMNS) {
      const cell = cellAt(table, 'carriedOver', column);
      const lastCell = cellAt(before, 'carriedForward', column);
      if (cell?.value == null || lastCell?.value == null || cell.value === lastCell.value) continue;
      mismatches.push({ cell, last: lastCell, column });
    }
    const file = fileName(last.uri);
    return mismatches.map((m): Finding => {
      const column = columnName('applications', 'carriedOver', m.column, table.version);
      const args = { column, actual: m.cell.value!, expected: m.last.value!, file };
      return {
        ruleId: carryOverAcrossYears.id,
        subject: subject.cell('applications', 'carriedOver', m.column),
        severity: carryOverAcrossYears.severity,
        range: m.cell.range,
        message: msg(MESSAGE, args),
        related: [{ uri: last.uri, range: m.last.range, message: msg(RELATED, args) }],
        fix: fixFor(table, m, mismatches),
      };
    });
  },
};

/** Does 本年新收 + 上年结转 = (七)总计 + 结转下年度 hold with last year's figures written, in each column where it held before? */
function keepsBalance(table: Table, written: readonly Mismatch[]): boolean {
  return written.every(({ column, cell, last }) => {
    const [fresh, total, forward] = ['newReceived', 'total', 'carriedForward'].map((row) => cellAt(table, row, column)?.value);
    if (fresh == null || total == null || forward == null) return true;
    const holds = (carriedOver: number) => fresh + carriedOver === total + forward;
    return !holds(cell.value!) || holds(last.value!);
  });
}

function fixFor(table: Table, m: Mismatch, row: readonly Mismatch[]): Fix | undefined {
  const own = writeCell(m.cell, m.last.value!);
  if (row.length === 1 || keepsRelations([table], own)) {
    return keepsBalance(table, [m]) ? { title: msg(WRITE_ONE, { value: m.last.value! }), edits: own, preferred: true } : undefined;
  }
  const edits: OffsetEdit[] = row.flatMap((x) => writeCell(x.cell, x.last.value!));
  return keepsBalance(table, row) ? { title: msg(WRITE_ROW, { count: row.length }), edits, preferred: true } : undefined;
}
