import type { FormatVersion, TableKind, TableLayout } from '../model';
import type { RowDef } from '../formats/types';
import { fullWidth } from '../l10n/text';
import { alignPipeRows } from '../text/pipeTable';
import { ACTIVE_ROWS, activeColumns } from '../formats/activeTable';
import { APPLICANT_COLUMNS, APPLICATIONS_ROWS, OTHER_2019_ROW } from '../formats/applicationsTable';
import { OUTCOME_COLUMNS, REVIEW_LITIGATION_GROUPS } from '../formats/reviewLitigationTable';

/** Text of a value cell; by default every cell is 0. */
export type CellText = (rowKey: string, columnKey: string) => string;

const zero: CellText = () => '0';
export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** A table as rows of cell texts: header rows, then labelled rows. The layouts below all write this grid. */
interface Grid {
  width: number;
  header: string[][];
  rows: { cells: string[]; group: boolean }[];
}

/** The rows of a table in a format version, in template order. */
export function rowsOf(kind: TableKind, version: FormatVersion): readonly RowDef[] {
  if (kind === 'active') return ACTIVE_ROWS.filter((r) => !r.versions || r.versions.includes(version));
  if (kind === 'applications') {
    return APPLICATIONS_ROWS.flatMap((r) => {
      if (r.key === 'otherHandling' && version === '2019') return [OTHER_2019_ROW];
      return !r.versions || r.versions.includes(version) ? [r] : [];
    });
  }
  return REVIEW_LITIGATION_GROUPS;
}

function grid(kind: TableKind, version: FormatVersion, value: CellText): Grid {
  if (kind === 'applications') {
    return {
      width: 8,
      header: [[BALANCE_NOTE, ...APPLICANT_COLUMNS.map((c) => fullWidth(c.label))]],
      rows: rowsOf(kind, version).map((r) => ({
        group: !!r.group,
        cells: [fullWidth(r.label), ...(r.group ? [] : APPLICANT_COLUMNS.map((c) => value(r.key, c.key)))],
      })),
    };
  }
  if (kind === 'reviewLitigation') {
    const names = ['行政复议', '行政诉讼：未经复议直接起诉', '行政诉讼：复议后起诉'];
    return {
      width: 15,
      header: [
        names.flatMap((n) => [n, '', '', '', '']),
        REVIEW_LITIGATION_GROUPS.flatMap(() => OUTCOME_COLUMNS.map((c) => c.label)),
      ],
      rows: [{ group: false, cells: REVIEW_LITIGATION_GROUPS.flatMap((g) => OUTCOME_COLUMNS.map((c) => value(g.key, c.key))) }],
    };
  }
  const rows: Grid['rows'] = [];
  let width = 0;
  for (const r of rowsOf(kind, version)) {
    if (r.group) {
      rows.push({ group: true, cells: [fullWidth(r.label)] });
      continue;
    }
    const cols = activeColumns(r, version);
    width = Math.max(width, cols.length + 1);
    const previous = rows[rows.length - 1];
    if (previous?.group) rows.push({ group: true, cells: ['信息内容', ...cols.map((c) => fullWidth(c.label))] });
    rows.push({ group: false, cells: [r.label, ...cols.map((c) => value(r.key, c.key))] });
  }
  return { width, header: [], rows };
}

/** Writes an empty (or filled) statutory table in one of the layouts the reader understands. */
export function renderTable(kind: TableKind, version: FormatVersion, layout: TableLayout | 'markdown', value: CellText = zero, eol = '\n'): string {
  const g = grid(kind, version, value);
  const all = [...g.header.map((cells) => ({ cells, group: true })), ...g.rows];
  const pad = (cells: string[]) => [...cells, ...Array(Math.max(0, g.width - cells.length)).fill('')];
  switch (layout) {
    case 'markdown': {
      const [first, ...rest] = all;
      const rows = [first.cells, Array<string>(g.width).fill('---'), ...rest.map((r) => r.cells)];
      return alignPipeRows(rows.map((cells) => ({ indent: '', cells: pad(cells) }))).join(eol);
    }
    case 'pipeRows':
      return all.map((r) => `${r.cells.join(' | ')} |`).join(eol);
    case 'cellPerLine':
      return all.flatMap((r) => r.cells.filter((c) => c !== '').map((c) => `${c} |`)).join(eol);
    case 'tabbed':
      return all.map((r) => r.cells.filter((c) => c !== '').map((c) => `\t${c}`).join(eol)).join(eol + eol);
    case 'html': {
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const tr = (r: { cells: string[] }) => `<tr>${pad(r.cells).map((c) => `<td>${c === '' ? '&nbsp;' : esc(c)}</td>`).join('')}</tr>`;
      return ['<table>', ...all.map(tr), '</table>'].join(eol);
    }
  }
}
