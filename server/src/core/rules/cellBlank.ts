import type { Table } from '../model';
import { msg, type Message, type Text } from '../l10n/text';
import { inRelation } from '../formats/relations';
import { problemCells, visibleRange, type PlacedCell } from './cells';
import { columnName, rowName, span, tableName } from './names';
import { derivedValue, isDerived } from '../service/recompute';
import { writeCell } from '../service/cellEdit';
import { TableValues } from './arithmetic';
import { fitsCell } from '../reader/values';
import { subject, type Finding, type Fix, type Rule, type RuleContext } from './types';

const ROW = {
  zh: '“{row}”行的{columns}列未填写{totals}。没有发生的事项应填0。',
  en: '“{row}”: {columns} blank{totals}. Write 0 where nothing happened.',
};
const TABLE = {
  zh: '{table}大部分单元格未填写：{rows}行共{count}个空白单元格，在{columns}列{totals}。没有发生的事项应填0。',
  en: 'Most of the {table} is blank: {count} blank cells in {rows} rows, in {columns}{totals}. Write 0 where nothing happened.',
};
const UNCHECKED = { zh: '，这些行的合计无法核对', en: '; the totals of these rows could not be checked' };
const UNCHECKED_ROW = { zh: '，该行的合计无法核对', en: '; the totals of this row could not be checked' };
const AS_ZERO = { zh: '（已按设置将空白按0核对合计）', en: ' (the totals were checked counting blanks as 0, as set)' };
const FILL_ZERO = { zh: '在空白处填写0', en: 'Write 0 in the blank cells' };
const FILL_TOTAL = { zh: '填写合计{value}', en: 'Write the total {value}' };
const FILL_TOTALS = { zh: '填写各合计', en: 'Write the totals' };

/**
 * Blank cells: one finding per row naming its blank columns, or one for the table when most of its
 * cells are blank. A blank total whose parts are numbers gets their sum (safe); other blanks get 0
 * (a guess: offered, never unattended), and a blank total beside them the sum of its parts after that.
 */
export const cellBlank: Rule = {
  id: 'cell-blank',
  severity: 2,
  inputs: ['active', 'applications', 'reviewLitigation'],
  description: { zh: '表格中没有空白单元格', en: 'No table cell is blank' },
  check(ctx) {
    const out: Finding[] = [];
    const blanks = problemCells(ctx.report, ['blank']).filter((p) => p.cell.problem === 'blank');
    for (const table of new Set(blanks.map((p) => p.table))) {
      const mine = blanks.filter((p) => p.table === table);
      const cells = table.rows.reduce((n, r) => n + r.cells.filter((c) => c.column).length, 0);
      if (mine.length * 2 > cells) {
        out.push(finding(ctx, subject.table(table.kind), mine, msg(TABLE, {
          table: tableName(table.kind), rows: new Set(mine.map((p) => p.row)).size, count: mine.length,
          columns: quoted(mine), totals: totalsClause(ctx, table, mine, UNCHECKED),
        })));
        continue;
      }
      for (const row of new Set(mine.map((p) => p.row))) {
        const inRow = mine.filter((p) => p.row === row);
        out.push(finding(ctx, subject.row(table.kind, row.key!), inRow, msg(ROW, {
          row: rowName(table.kind, row.key!), columns: quoted(inRow), totals: totalsClause(ctx, table, inRow, UNCHECKED_ROW),
        })));
      }
    }
    return out;
  },
};

function finding(ctx: RuleContext, about: string, blanks: PlacedCell[], message: Message): Finding {
  const range = span(visibleRange(blanks[0].cell, ctx.index), visibleRange(blanks[blanks.length - 1].cell, ctx.index));
  return { ruleId: cellBlank.id, subject: about, severity: cellBlank.severity, range, message, fix: fillFix(blanks) };
}

/** The blank columns, each quoted once, in table order: “商业企业”“科研机构”. */
function quoted(blanks: PlacedCell[]): Text {
  const names = [...new Map(blanks.map((p) => [p.cell.column, columnName(p.table.kind, p.row.key!, p.cell.column!, p.table.version)])).values()];
  return { zh: names.map((n) => `“${n.zh}”`).join(''), en: names.map((n) => `“${n.en}”`).join(', ') };
}

/** Said only where a blank takes part in a statutory relation (table 二 has none). */
function totalsClause(ctx: RuleContext, table: Table, blanks: PlacedCell[], unchecked: Text): Text | string {
  if (table.kind === 'active') return '';
  if (!blanks.some((p) => inRelation(table.kind as 'applications' | 'reviewLitigation', table.version, ref(p)))) return '';
  return ctx.options?.blankAsZero ? AS_ZERO : unchecked;
}

/**
 * One fix for the blanks of a finding: each blank total gets the sum of its parts, safe when that is
 * all it does; other blanks get 0 (a guess, never unattended), and the totals beside them their sums after that.
 */
function fillFix(blanks: PlacedCell[]): Fix {
  const table = blanks[0].table;
  const totals = blanks.filter((p) => isDerived(table, ref(p)));
  const others = blanks.filter((p) => !totals.includes(p));
  const values = new TableValues(table, false, new Set(others.map((p) => p.cell)));
  const sums = new Map<PlacedCell, number>();
  for (let pass = 0; pass < 2; pass++) {
    for (const p of totals) {
      const v = derivedValue(table, ref(p), values);
      if (v !== null) values.set(ref(p), v), sums.set(p, v);
    }
  }
  // A sum no cell can hold is not written: the total stays blank.
  const writable = totals.filter((p) => fitsCell(sums.get(p) ?? 0));
  const edits = [...others.flatMap((p) => writeCell(p.cell, 0)), ...writable.flatMap((p) => writeCell(p.cell, sums.get(p) ?? 0))].sort((a, b) => a.start - b.start);
  const safe = others.length === 0 && sums.size === totals.length && writable.length === totals.length;
  const title = safe && totals.length === 1 ? msg(FILL_TOTAL, { value: sums.get(totals[0])! }) : safe ? msg(FILL_TOTALS) : msg(FILL_ZERO);
  return { title, edits, preferred: true, safe };
}

const ref = (p: PlacedCell) => ({ row: p.row.key!, column: p.cell.column! });
