import type { Cell, Position, Report, Table, TableRow } from '../model';
import { relationDef, relationInstances, sameRef } from '../formats/relations';
import { TableValues } from '../rules/arithmetic';
import { columnName, rowName, tableName } from '../rules/names';
import { render, type Lang, type Text } from '../l10n/text';

const T = {
  where: { zh: '**{table}** · “{row}”行“{column}”列', en: '**{table}** · row “{row}” · column “{column}”' },
  written: { zh: '填写值：{value}', en: 'Written: {value}' },
  computed: { zh: '计算值{expected}，填写值{actual}', en: 'computed {expected}, written {actual}' },
  notComputable: { zh: '有空白或非数字的单元格，无法计算', en: 'not computable (a cell is blank or not a number)' },
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
  const r = (template: Text, args: Record<string, string | number> = {}) => render({ template, args }, lang);
  const name = (x: Text) => (lang === 'en' ? x.en : x.zh);
  const lines = [
    r(T.where, { table: name(tableName(t.kind)), row: name(rowName(t.kind, row.key!)), column: name(columnName(t.kind, row.key!, cell.column!, t.version)) }),
    '',
    r(T.written, { value: cell.text ? markdownText(cell.text) : '∅' }),
  ];
  if (t.kind === 'active') return [...lines, '', r(T.none)].join('\n');
  const here = { row: row.key!, column: cell.column! };
  const values = new TableValues(t);
  const mine = relationInstances(t.kind, t.version).filter((i) => [i.stated, ...i.parts, ...i.besides].some((x) => sameRef(x, here)));
  if (mine.length) lines.push('');
  for (const i of mine) {
    const expected = values.expected(i);
    const actual = values.get(i.stated);
    const state = expected === null || actual === null ? r(T.notComputable)
      : `${r(T.computed, { expected, actual })} ${expected === actual ? '✓' : '✗'}`;
    // The formula has its own colon (“行合计：…”): the state follows after a comma (a dash in English).
    lines.push(`- ${name(relationDef(i.relation).formula)}${lang === 'en' ? ' — ' : '，'}${state}`);
  }
  return lines.join('\n');
}
