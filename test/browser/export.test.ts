// The exported web page in headless Chromium (Debian's, through playwright-core as test/e2e does):
// the tables' cells read back from the page equal the model, the page is self-contained and fits A4.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { planExport } from '../../server/src/core/export/document';
import { writeHtml } from '../../server/src/core/export/html';
import { readReport } from '../../server/src/core';
import { placeCells } from '../../server/src/core/render/layout';
import { exportSamples, modelCells } from '../helpers/exportSamples';
import { BROWSER_RESULTS, useChromium } from '../helpers/browser';

const RESULTS = BROWSER_RESULTS;
const browser = useChromium();

before(() => mkdirSync(RESULTS, { recursive: true }));

/** The little of the DOM the page is read through (the tests compile without the DOM library). */
interface DomCell { rowSpan: number; colSpan: number; textContent: string | null; dataset: Record<string, string | undefined> }
interface DomTable { rows: ArrayLike<{ cells: ArrayLike<DomCell> }>; dataset: Record<string, string | undefined>; getBoundingClientRect(): { width: number } }
interface DomDocument { querySelectorAll(s: string): ArrayLike<DomTable>; querySelector(s: string): DomTable | null }

interface PageCell { row: number; column: number; rowSpan: number; colSpan: number; text: string; key: string | null }

/** Each table of the page as the browser lays it out: every cell at its grid place, by the DOM's own spans. */
const READ_TABLES = () => Array.from((globalThis as unknown as { document: DomDocument }).document.querySelectorAll('table')).map((table) => {
  const taken: boolean[][] = [];
  const cells: PageCell[] = [];
  Array.from(table.rows).forEach((tr, row) => {
    let column = 0;
    for (const td of Array.from(tr.cells)) {
      while (taken[row]?.[column]) column++;
      for (let r = row; r < row + td.rowSpan; r++) for (let k = column; k < column + td.colSpan; k++) (taken[r] ??= [])[k] = true;
      const key = td.dataset.row ? `${td.dataset.row}/${td.dataset.column}` : null;
      cells.push({ row, column, rowSpan: td.rowSpan, colSpan: td.colSpan, text: td.textContent ?? '', key });
      column += td.colSpan;
    }
  });
  return { kind: table.dataset.table ?? '', cells, width: table.getBoundingClientRect().width };
});

for (const sample of exportSamples()) {
  test(`${sample.name}: the web page's tables read back as the model, self-contained, within A4`, async () => {
    const plan = planExport(sample.text);
    const html = writeHtml(plan.document);
    const report = readReport(sample.text);
    const page = await browser().newPage({ viewport: { width: 1000, height: 1400 } });
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const tables = (await page.evaluate(READ_TABLES)) as { kind: string; cells: PageCell[]; width: number }[];
      const expected = plan.document.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
      assert.deepEqual(tables.map((t) => t.kind), expected.map((t) => t.kind));
      for (const [i, t] of expected.entries()) {
        // Every cell of the layout where the layout puts it, with its spans and text.
        const want = placeCells(t.layout).map(({ cell, row, column }) => ({
          row, column, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: cell.text, key: cell.key ? `${cell.key.row}/${cell.key.column}` : null,
        }));
        assert.deepEqual(tables[i].cells, want, `table ${t.kind}`);
        // Every value the reader found in the text is on the page, in its row and column.
        const onPage = new Map(tables[i].cells.filter((c) => c.key).map((c) => [c.key!, c.text]));
        const model = modelCells(report, t.kind);
        assert.ok(model.size > 0, `no values read from ${t.kind}`);
        for (const [key, text] of model) assert.equal(onPage.get(key), text, `${t.kind} ${key}`);
      }
      assert.equal(await page.locator('script, link, img, iframe, object, embed').count(), 0);
      assert.deepEqual(requests, [], 'the page asked for a resource');
      // Printed on A4 the tables fit the text width (210 − 28 − 26 mm).
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: Math.round((156 / 25.4) * 96), height: 1100 });
      const printed = (await page.evaluate(READ_TABLES)) as { width: number }[];
      const textWidth = await page.evaluate(() => (globalThis as unknown as { document: DomDocument }).document.querySelector('main')!.getBoundingClientRect().width);
      for (const t of printed) assert.ok(t.width <= textWidth + 0.5, `a table ${t.width}px wide in ${textWidth}px`);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      assert.ok(pdf.length > 10_000);
      if (sample.name.startsWith('003_')) {
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1000, height: 1300 });
        await page.screenshot({ path: join(RESULTS, 'export-003-top.png') });
        await page.locator('table.applications').screenshot({ path: join(RESULTS, 'export-003-table-applications.png') });
        await page.locator('table.reviewLitigation').screenshot({ path: join(RESULTS, 'export-003-table-review.png') });
      }
    } finally {
      await page.close();
    }
  });
}
