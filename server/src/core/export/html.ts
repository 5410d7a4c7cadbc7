import type { Block, ExportDocument, FilledTable } from './document';
import { FONTS, PAGE, SIZES } from './style';

/**
 * The report as one self-contained web page: inline CSS, no script, no remote resource, printing on
 * A4. Tables keep the official layout (rowspan/colspan); every cell says what it is (`data-row` and
 * `data-column` on value cells) so that the page reads back exactly.
 */
export function writeHtml(doc: ExportDocument): string {
  const body = doc.blocks.map(block).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="nianbao">',
    `<title>${escapeHtml(doc.title ?? '政府信息公开工作年度报告')}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title': return `<h1>${escapeHtml(b.text)}</h1>`;
    case 'heading': return `<h2 data-section="${b.section}">${escapeHtml(b.text)}</h2>`;
    case 'subheading': return `<p class="lead">${escapeHtml(b.text)}</p>`;
    case 'paragraph': return `<p>${escapeHtml(b.text)}</p>`;
    case 'table': return table(b.table);
  }
}

function table(t: FilledTable): string {
  const { layout } = t;
  const tr = (cells: FilledTable['layout']['rows'][number], header: boolean) => {
    const tds = cells.map((c) => {
      const tag = header || c.role === 'note' || c.role === 'header' ? 'th' : 'td';
      const attrs = [
        c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
        c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
        ` class="${c.role}"`,
        c.key ? ` data-row="${c.key.row}" data-column="${c.key.column}"` : '',
      ].join('');
      return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
    });
    return `<tr>${tds.join('')}</tr>`;
  };
  const head = layout.rows.slice(0, layout.headerRows).map((r) => tr(r, true));
  const body = layout.rows.slice(layout.headerRows).map((r) => tr(r, false));
  const cols = `<colgroup>${columnWidths(t).map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;
  return [
    `<table class="statutory ${t.kind}" data-table="${t.kind}" data-version="${t.version}">`,
    cols,
    ...(head.length ? ['<thead>', ...head, '</thead>'] : []),
    '<tbody>', ...body, '</tbody>',
    '</table>',
  ].join('\n');
}

/** Label columns wide enough for the labels, value columns equal. */
function columnWidths(t: FilledTable): number[] {
  const { width } = t.layout;
  const labels = t.kind === 'applications' ? width - 7 : t.kind === 'active' ? 1 : 0;
  const labelShare = t.kind === 'applications' ? [8, 10, 22] : t.kind === 'active' ? [31] : [];
  const rest = 100 - labelShare.slice(0, labels).reduce((a, b) => a + b, 0);
  const values = width - labels;
  return [...labelShare.slice(0, labels), ...Array(values).fill(Math.round((rest / values) * 100) / 100)];
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A CSS font-family list: each font quoted, generic families bare. */
export const family = (names: readonly string[]) => names.map((n) => (/^[a-z-]+$/.test(n) ? n : `"${n}"`)).join(', ');

const CSS = `
@page { size: A4; margin: ${PAGE.top}mm ${PAGE.right}mm ${PAGE.bottom}mm ${PAGE.left}mm; }
html { background: #fff; color: #000; }
body { margin: 0; font-family: ${family(FONTS.body)}; font-size: ${SIZES.body}pt; line-height: 1.75; }
main { max-width: ${PAGE.width - PAGE.left - PAGE.right}mm; margin: 2em auto; padding: 0 1em; }
h1 { font-family: ${family(FONTS.title)}; font-size: ${SIZES.title}pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
h2 { font-family: ${family(FONTS.heading)}; font-size: ${SIZES.heading}pt; font-weight: normal; text-indent: 2em; margin: 0; break-after: avoid; page-break-after: avoid; }
p { text-indent: 2em; margin: 0; text-align: justify; orphans: 2; widows: 2; }
p.lead { font-family: ${family(FONTS.subheading)}; }
table { width: 100%; border-collapse: collapse; margin: 0.5em 0 1em; font-family: ${family(FONTS.table)}; font-size: ${SIZES.table}pt; line-height: 1.4; table-layout: fixed; }
th, td { border: 0.75pt solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; font-weight: normal; word-break: break-all; }
td.label { text-align: left; }
th.note { font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print { main { max-width: none; margin: 0; padding: 0; } }
`.trim();
