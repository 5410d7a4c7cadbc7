import type { Cell, Position, Report, Table, TableRow } from '../model';
import { APPLICANT_PART_COLUMNS, RESULT_ROWS } from '../formats/applicationsTable';
import { OUTCOME_PART_COLUMNS } from '../formats/reviewLitigationTable';
import { columnName, rowName, tableName } from '../rules/names';
import { render, type Lang } from '../l10n/text';

const T = {
  where: { zh: '**{table}** · “{row}”行 · “{column}”列', en: '**{table}** · row “{row}” · column “{column}”' },
  written: { zh: '填写值:{value}', en: 'Written: {value}' },
  rowTotal: { zh: '行合计:总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他', en: 'Row total: total = the six applicant types' },
  columnTotal: { zh: '列合计:(七)总计 = 本年度各项办理结果之和', en: 'Column total: (7) total = sum of all results' },
  balance: { zh: '结转平衡:本年新收 + 上年结转 = (七)总计 + 结转下年度继续办理', en: 'Balance: new + carried over = total + carried forward' },
  group: { zh: '组合计:总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', en: 'Group total: total = upheld + corrected + other + pending' },
  computed: { zh: '计算值 {expected},填写值 {actual}', en: 'computed {expected}, written {actual}' },
  notComputable: { zh: '有空白或非数字的单元格,无法计算', en: 'not computable: a cell is blank or not a number' },
  none: { zh: '本表在同一年度内没有勾稽关系。', en: 'No arithmetic relation holds inside this table within a year.' },
};

/** Markdown for a hover on a table cell: where it is, and each relation it takes part in with both values. */
export function hoverAt(report: Report, pos: Position, lang: Lang): { markdown: string; cell: Cell } | null {
  for (const t of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
    if (!t || pos.line < t.range.start.line || pos.line > t.range.end.line) continue;
    for (const row of t.rows) {
      if (!row.key) continue;
      for (const cell of row.cells) {
        if (cell.column && contains(cell, pos)) return { markdown: describe(t, row, cell, lang), cell };
      }
    }
  }
  return null;
}

/**
 * A cell's text as Markdown that shows exactly that text: a cell written `![](//host/1.png)` or
 * `[1](command:…)` must not become an image the editor fetches or a link it follows.
 */
export function markdownText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

function contains(c: Cell, p: Position): boolean {
  const s = c.range.start;
  const e = c.range.end;
  const after = p.line > s.line || (p.line === s.line && p.character >= s.character);
  const before = p.line < e.line || (p.line === e.line && p.character <= e.character);
  return after && before;
}

function describe(t: Table, row: TableRow, cell: Cell, lang: Lang): string {
  const r = (template: { zh: string; en: string }, args: Record<string, string | number> = {}) => render({ template, args }, lang);
  const name = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const lines = [
    r(T.where, { table: name(tableName(t.kind)), row: name(rowName(t.kind, row.key!)), column: name(columnName(t.kind, row.key!, cell.column!, t.version)) }),
    '',
    r(T.written, { value: cell.text ? markdownText(cell.text) : '∅' }),
  ];
  const v = (rowKey: string, col: string) => t.rows.find((x) => x.key === rowKey)?.cells.find((c) => c.column === col)?.value ?? null;
  const sum = (rows: readonly string[], cols: readonly string[]) => {
    let s = 0;
    for (const a of rows) for (const b of cols) {
      const x = v(a, b);
      if (x === null) return null;
      s += x;
    }
    return s;
  };
  const relation = (title: { zh: string; en: string }, totalRow: string, totalCol: string, expected: number | null) => {
    const actual = v(totalRow, totalCol);
    const state = expected === null || actual === null ? r(T.notComputable)
      : `${r(T.computed, { expected, actual })} ${expected === actual ? '✓' : '✗'}`;
    lines.push(`- ${r(title)}:${state}`);
  };
  if (t.kind === 'applications') {
    const key = row.key!;
    const results = RESULT_ROWS[t.version ?? '2021'];
    lines.push('');
    relation(T.rowTotal, key, 'total', sum([key], APPLICANT_PART_COLUMNS));
    if (key === 'total' || results.includes(key)) relation(T.columnTotal, 'total', cell.column!, sum(results, [cell.column!]));
    if (['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(key)) {
      const a = v('newReceived', cell.column!);
      const b = v('carriedOver', cell.column!);
      const c = v('total', cell.column!);
      relation(T.balance, 'carriedForward', cell.column!, a === null || b === null || c === null ? null : a + b - c);
    }
  } else if (t.kind === 'reviewLitigation') {
    lines.push('');
    relation(T.group, row.key!, 'total', sum([row.key!], OUTCOME_PART_COLUMNS));
  } else {
    lines.push('', r(T.none));
  }
  return lines.join('\n');
}
