// The exported Word file as a word processor lays it out: seed 003 and a new report's skeleton written
// by the export, converted to PDF by LibreOffice (Debian's, installed by scripts/setup-test-deps.sh) and
// read back with poppler: A4 pages, every number of the Word file on them, the tables' headers in place.
// Seed 003's pages go to test-results/browser/ for the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../e2e/driver';
import { planExport, type ExportDocument } from '../../server/src/core/export/document';
import { writeDocx } from '../../server/src/export/docx';
import { exportSamples } from '../helpers/exportSamples';
import { lostNumbers } from '../helpers/importModel';

const RESULTS = join(REPO, 'test-results', 'browser');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });

/** The Word file of a report, laid out by LibreOffice as PDF: its path. */
function wordToPdf(dir: string, name: string, docx: Uint8Array): string {
  writeFileSync(join(dir, `${name}.docx`), docx);
  // A profile of its own: a fresh HOME-less run, and no clash with another office process.
  run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)]);
  return join(dir, `${name}.pdf`);
}

/** Every text of the exported document, tables cell by cell. */
function documentText(document: ExportDocument): string {
  return document.blocks.map((b) => (b.kind === 'table' ? b.table.layout.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n') : b.text)).join('\n');
}

const squash = (s: string) => s.replace(/\s+/g, '');

const samples = exportSamples().filter((s) => s.name.startsWith('003') || s.name.startsWith('skeleton'));
assert.equal(samples.length, 3);

for (const { name, text } of samples) {
  test(`the Word file of ${name}, laid out by LibreOffice: A4, every number on its pages, the tables' headers`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-word-'));
    try {
      const { document } = planExport(text);
      const pdf = wordToPdf(dir, 'report', await writeDocx(document));
      const info = run('pdfinfo', [pdf]);
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      assert.ok(Math.abs(Number(w) - 595.3) < 2 && Math.abs(Number(h) - 841.9) < 2, `A4 portrait: ${w} x ${h}`);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      assert.ok(pages >= 2 && pages <= 12, `${pages} pages`);
      const laidOut = run('pdftotext', ['-layout', pdf, '-']);
      assert.deepEqual(lostNumbers(documentText(document), laidOut), [], 'numbers of the Word file missing from its pages');
      for (const header of ['申请人情况', '法人或其他组织', '行政复议', '行政诉讼', '信息内容']) assert.ok(squash(laidOut).includes(header), header);
      if (name.startsWith('003')) {
        mkdirSync(RESULTS, { recursive: true });
        // The first page and the page that holds table 三's header.
        const withTable = Array.from({ length: pages }, (_, i) => i + 1).find((p) => squash(run('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'])).includes('申请人情况'))!;
        for (const [page, file] of [[1, 'export-003-word-p1'], [withTable, 'export-003-word-table-3']] as const) {
          run('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(RESULTS, file)]);
          assert.ok(readFileSync(join(RESULTS, `${file}.png`)).length > 10_000, file);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
