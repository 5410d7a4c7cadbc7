// PDF import on real PDF files: the seeds and the HTML shapes printed to A4 by headless Chromium (Debian's
// chromium through playwright-core, as the e2e tier), with a running header and page numbers; extracted
// with unpdf and imported, each must read as its source does, every number kept. Also `nianbao check x.pdf`
// and `nianbao import x.pdf x.docx`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { importPdf } from '../../server/src/core/import/pdf';
import { allShapes, fixedModel } from '../helpers/layouts';
import { docxOf, pdfOf, printableHtml, seedHtml } from '../helpers/documents';
import { assertSameReport } from '../helpers/importModel';
import { SEEDS_DIR } from '../helpers/fixtures';
import { useChromium } from '../helpers/browser';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SEEDS = SEEDS_DIR;
const browser = useChromium();

const documents = () => [
  ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => [f, seedHtml(readFileSync(join(SEEDS, f), 'utf8'))] as const),
  ...(['2019', '2021'] as const).flatMap((v) => ['html', 'html+wordExport', 'html+paragraphs']
    .map((name) => [`${name} ${v}`, printableHtml(allShapes()[name](fixedModel(v)))] as const)),
];

test('PDFs printed from the seeds and the HTML shapes import to the same report, every number kept', async () => {
  for (const [name, html] of documents()) {
    const pdf = await pdfOf(browser(), html);
    const { items } = await extractTextItems(await getDocumentProxy(new Uint8Array(pdf)));
    assert.ok(items.length >= 2, `${name}: a report of more than one page, so that headers and page numbers are met`);
    assertSameReport(html, importPdf(items), `${name} (pdf)`);
  }
});

test('nianbao check x.pdf and x.docx checks the imported text; nianbao import writes the .md files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-browser-'));
  try {
    const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('004'))!), 'utf8');
    const html = seedHtml(seed);
    writeFileSync(join(dir, 'r.pdf'), await pdfOf(browser(), html));
    writeFileSync(join(dir, 'w.docx'), await docxOf(html));
    const checked = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', join(dir, 'r.pdf'), join(dir, 'w.docx')], { encoding: 'utf8' });
    assert.equal(checked.status, 1, checked.stderr);
    const results: { file: string; diagnostics: { code: string }[] }[] = JSON.parse(checked.stdout);
    assert.equal(results.length, 2);
    for (const r of results) {
      const rules = r.diagnostics.map((d) => d.code);
      assert.ok(rules.includes('row-total') && rules.includes('prose-table-mismatch'), `${r.file}: ${rules}`);
    }
    const imported = spawnSync(process.execPath, [CLI, 'import', '--output', dir, join(dir, 'r.pdf'), join(dir, 'w.docx')], { encoding: 'utf8' });
    assert.equal(imported.status, 0, imported.stderr);
    for (const f of ['r.md', 'w.md']) assertSameReport(html, readFileSync(join(dir, f), 'utf8'), f);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
