import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Browser } from 'playwright-core';
import { readReport } from '../../server/src/core/reader/read';
import { renderTable } from '../../server/src/core/render/tables';
import { htmlBlocks } from '../../server/src/core/import/html';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A seed as the page a body would publish: its lines as paragraphs, and each table the reader reads
 * completely as a real table (the statutory rows and headers holding the seed's own cell texts).
 */
export function seedHtml(text: string): string {
  const rep = readReport(text);
  const lines = text.split(/\r\n|\r|\n/);
  const replaced = new Map<number, { end: number; html: string }>();
  for (const t of Object.values(rep.tables)) {
    if (!t || t.unreadable || t.missingRows.length || !t.version || !t.rows.length) continue;
    const cell = (row: string, col: string) => t.rows.find((r) => r.key === row)?.cells.find((c) => c.column === col)?.text ?? '';
    replaced.set(t.firstLine, { end: t.endLine, html: renderTable(t.kind, t.version, 'html', cell) });
  }
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const table = replaced.get(i);
    if (table) {
      out.push(table.html);
      i = table.end;
    } else if (lines[i].trim()) out.push(`<p>${esc(lines[i])}</p>`);
  }
  return out.join('\n');
}

/** An HTML report as a browser should print it: each line a paragraph, each table row a table row. */
export function printableHtml(html: string): string {
  return htmlBlocks(html).map((b) => b.kind === 'paragraph'
    ? `<p>${esc(b.text)}</p>`
    : `<table>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c.trim())}</td>`).join('')}</tr>`).join('')}</table>`).join('\n');
}

/** A Word file with the paragraphs and tables of an HTML report (as the reader's HTML pass sees them). */
export async function docxOf(html: string): Promise<Buffer> {
  const children = htmlBlocks(html).map((b) => b.kind === 'paragraph'
    ? new Paragraph(b.text)
    : new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c.trim())] })) })),
    }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** CSS of a printed report: a CJK font, ruled tables with cells padded as Word does. */
const PRINT_CSS = `body{font-family:'Noto Serif CJK SC',serif;font-size:12pt;line-height:1.5}
p{margin:0 0 4pt;text-indent:2em} table{border-collapse:collapse;width:100%;margin:6pt 0}
td,th{border:1px solid #000;padding:3pt 4pt;vertical-align:middle} td p{margin:0;text-indent:0}`;

/** An HTML report printed to A4 by Chromium, with a running header and page numbers (— 3 —) as offices print them. */
export async function pdfOf(browser: Browser, html: string, header = '政府信息公开工作年度报告'): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${PRINT_CSS}</style></head><body>${html}</body></html>`);
    return await page.pdf({
      format: 'A4',
      margin: { top: '2.5cm', bottom: '2.5cm', left: '2.8cm', right: '2.6cm' },
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;font-family:'Noto Serif CJK SC'">${esc(header)}</div>`,
      footerTemplate: '<div style="font-size:10pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
    });
  } finally {
    await page.close();
  }
}
