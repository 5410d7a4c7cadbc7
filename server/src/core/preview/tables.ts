import type { Cell, Range, Report, Table, TableKind } from '../model';
import type { Finding } from '../rules/types';
import { render, type Lang } from '../l10n/text';
import { statutoryLayout, type LayoutCell } from '../render/layout';
import { tableName } from '../rules/names';
import { escapeHtml, family } from '../export/html';
import { FONTS } from '../export/style';

/**
 * The table preview (issue 17): tables 二, 三 and 四 of a report drawn in their official layout, as the
 * model reads them, with every cell a finding points at marked and its messages on hover. A pure function
 * of the model: the editor shows it in a webview, a test reads it in Chromium.
 *
 * Each value cell carries where its text is (`data-line`, `data-character`): clicking it asks the editor to
 * reveal it. A table that could not be read says so in its place, and nothing in it is drawn as if read.
 */
export interface PreviewOptions {
  lang: Lang;
  /** The nonce of the page's script and style (Content-Security-Policy: nothing else runs or applies). */
  nonce: string;
}

const KINDS: readonly TableKind[] = ['active', 'applications', 'reviewLitigation'];

const TEXT = {
  title: { zh: '表格预览', en: 'Table preview' },
  missing: { zh: '本报告中没有找到此表。', en: 'This table is not in the report.' },
  unreadable: { zh: '此表无法准确读取，未作检查：', en: 'This table could not be read with certainty and was not checked: ' },
  marked: { zh: '{count}个单元格有问题。', en: '{count} cell(s) with problems. ' },
  hint: { zh: '点击单元格可跳转到正文中的位置。', en: 'Click a cell to show it in the text.' },
};

/** A cell marked by a finding: the finding's range starts in the cell's text (or at a blank cell's place). */
export function findingsAt(cell: Cell, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => startsIn(f.range, cell.range));
}

export function previewHtml(report: Report, findings: readonly Finding[], o: PreviewOptions): string {
  const t = (x: { zh: string; en: string }, args: Record<string, string | number> = {}) => render({ template: x, args }, o.lang);
  const sections = KINDS.map((kind) => section(kind, report, findings, o, t));
  const marked = sections.reduce((n, s) => n + s.marked, 0);
  return [
    '<!DOCTYPE html>',
    `<html lang="${o.lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'">`,
    `<title>${escapeHtml(t(TEXT.title))}</title>`,
    `<style nonce="${o.nonce}">${CSS}</style>`,
    '</head>',
    '<body>',
    `<p class="summary">${escapeHtml((marked ? t(TEXT.marked, { count: marked }) : '') + t(TEXT.hint))}</p>`,
    ...sections.map((s) => s.html),
    `<script nonce="${o.nonce}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

type Translate = (x: { zh: string; en: string }, args?: Record<string, string | number>) => string;

function section(kind: TableKind, report: Report, findings: readonly Finding[], o: PreviewOptions, t: Translate): { html: string; marked: number } {
  const name = tableName(kind);
  const heading = `<h2>${escapeHtml(o.lang === 'en' ? name.en : name.zh)}</h2>`;
  const table = report.tables[kind];
  if (!table) return { html: `<section data-table="${kind}">${heading}<p class="absent">${escapeHtml(t(TEXT.missing))}</p></section>`, marked: 0 };
  if (table.unreadable) {
    const why = findings.find((f) => f.ruleId === 'table-unreadable' && startsIn(f.range, table.range));
    const reason = why ? render(why.message, o.lang) : '';
    return { html: `<section data-table="${kind}">${heading}<p class="unreadable" ${at(table.range)}>${escapeHtml(t(TEXT.unreadable) + reason)}</p></section>`, marked: 0 };
  }
  const { html, marked } = drawTable(table, report, findings, o.lang);
  return { html: `<section data-table="${kind}">${heading}${html}</section>`, marked };
}

function drawTable(table: Table, report: Report, findings: readonly Finding[], lang: Lang): { html: string; marked: number } {
  const layout = statutoryLayout(table.kind, table.version ?? report.format.version ?? '2021');
  const byKey = new Map<string, Cell>();
  for (const row of table.rows) for (const c of row.cells) if (row.key && c.column) byKey.set(`${row.key}/${c.column}`, c);
  let marked = 0;
  const td = (c: LayoutCell) => {
    const spans = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
    if (!c.key) return `<th${spans} class="${c.role}">${escapeHtml(c.text)}</th>`;
    const key = `${c.key.row}/${c.key.column}`;
    const cell = byKey.get(key);
    if (!cell) return `<td${spans} class="value absent" data-cell="${key}"></td>`;
    const here = findingsAt(cell, findings);
    if (here.length) marked++;
    const title = here.map((f) => render(f.message, lang)).join('\n');
    const cls = ['value', here.length ? `marked severity-${Math.min(...here.map((f) => f.severity))}` : '', cell.value === null && cell.text ? 'invalid' : ''].filter(Boolean).join(' ');
    return `<td${spans} class="${cls}" data-cell="${key}" ${at(cell.range)}${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(cell.text)}</td>`;
  };
  const rows = layout.rows.map((cells, i) => `<tr${i < layout.headerRows ? ' class="head"' : ''}>${cells.map(td).join('')}</tr>`);
  return { html: `<table class="statutory ${table.kind}" data-table="${table.kind}">${rows.join('')}</table>`, marked };
}

function at(r: Range): string {
  return `data-line="${r.start.line}" data-character="${r.start.character}"`;
}

function startsIn(r: Range, cell: Range): boolean {
  const { line, character } = r.start;
  const afterStart = line > cell.start.line || (line === cell.start.line && character >= cell.start.character);
  const beforeEnd = line < cell.end.line || (line === cell.end.line && character <= cell.end.character);
  return afterStart && beforeEnd;
}

/** Clicking a cell (or an unreadable table's note) asks the editor to show its place in the text. */
const SCRIPT = `const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
document.addEventListener('click', (e) => {
  const el = e.target.closest('[data-line]');
  if (el && vscode) vscode.postMessage({ type: 'reveal', line: Number(el.dataset.line), character: Number(el.dataset.character) });
});`;

const CSS = `
body { font-family: ${family(FONTS.table)}; font-size: 13px; padding: 0 12px 24px; color: var(--vscode-editor-foreground, #222); background: var(--vscode-editor-background, #fff); }
h2 { font-family: ${family(FONTS.heading)}; font-size: 15px; margin: 20px 0 8px; }
table.statutory { border-collapse: collapse; width: 100%; table-layout: auto; }
th, td { border: 1px solid var(--vscode-editorWidget-border, #888); padding: 3px 5px; text-align: center; vertical-align: middle; }
th.label { text-align: left; font-weight: normal; }
th.header, th.note, th.group { font-weight: bold; }
td.value { cursor: pointer; font-variant-numeric: tabular-nums; min-width: 2.5em; }
td.value:hover { outline: 1px solid var(--vscode-focusBorder, #07f); }
td.marked { background: rgba(255, 0, 0, 0.16); outline: 2px solid var(--vscode-editorError-foreground, #e51400); outline-offset: -2px; }
td.marked.severity-2 { background: rgba(255, 180, 0, 0.2); outline-color: var(--vscode-editorWarning-foreground, #bf8803); }
td.marked.severity-3, td.marked.severity-4 { background: rgba(0, 120, 255, 0.12); outline-color: var(--vscode-editorInfo-foreground, #1a85ff); }
td.absent { background: repeating-linear-gradient(45deg, transparent 0 4px, rgba(128, 128, 128, 0.15) 4px 8px); }
p.unreadable { border-left: 4px solid var(--vscode-editorWarning-foreground, #bf8803); padding: 6px 10px; cursor: pointer; }
p.summary { opacity: 0.8; }
`;
