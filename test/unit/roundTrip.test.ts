// The round trip of issue 19: a report exported as a Word file and imported back (issue 17's import)
// reads as the same report — header, headings, every table's cells by row and column, the findings, every
// prose paragraph and every number the Word file holds — on the seeds, the complete corpus reports and the skeletons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readReport } from '../../server/src/core';
import { planExport, type ExportDocument } from '../../server/src/core/export/document';
import { fold } from '../../server/src/core/text/normalize';
import { writeDocx } from '../../server/src/export/docx';
import { importReport } from '../../server/src/cli/importers';
import type { ProseLine, TableKind } from '../../server/src/core/model';
import { exportSamples, modelCells } from '../helpers/exportSamples';
import { lostNumbers, modelSummary } from '../helpers/importModel';

/**
 * The prose paragraphs by part, folded and without spacing (punctuation the export makes official folds
 * back). What comes before the first part is one run (a title split over two lines is written as one);
 * a line of nothing but marks (a table's stray `||`) is no paragraph.
 */
function proseOf(text: string): string[] {
  const report = readReport(text);
  const title = report.title?.range.start;
  // Page furniture above the title (a page's <title>, a converter's 正文) is not the report's: the export leaves it.
  const aboveTitle = (p: ProseLine) => !!title && (p.range.start.line < title.line || (p.range.start.line === title.line && p.range.start.character < title.character));
  const lines = report.prose.filter((p) => !aboveTitle(p))
    .map((p) => ({ part: p.section ?? '-', text: fold(p.text).replace(/\s+/g, '') }))
    .filter((p) => /[\p{L}\p{N}]/u.test(p.text));
  const before = lines.filter((p) => p.part === '-').map((p) => p.text).join('');
  return [`-:${before}`, ...lines.filter((p) => p.part !== '-').map((p) => `${p.part}:${p.text}`)];
}

/**
 * What must come back: the model but the rows as a layout groups them (the export writes the official
 * layout, whatever the source's), so each table's cells by row and column; the findings but
 * `section-numeral` (the export writes each part's official numeral, as its heading should be).
 */
function sameReport(text: string) {
  const { tables, findings, ...rest } = modelSummary(text);
  const report = readReport(text);
  return {
    ...rest,
    tables: Object.fromEntries(Object.entries(tables).map(([kind, t]) => [kind, t && {
      version: t.version,
      unreadable: t.unreadable,
      missing: t.missing,
      cells: [...modelCells(report, kind as TableKind)].map(([k, v]) => `${k}=${v}`).sort(),
    }])),
    findings: findings.filter((f) => !f.startsWith('section-numeral ')),
  };
}

/** Every text the exported document holds, in order: what the Word file carries. */
function documentText(document: ExportDocument): string {
  return document.blocks.map((b) => (b.kind === 'table' ? b.table.layout.rows.map((r) => r.map((c) => c.text).join(' | ')).join('\n') : b.text)).join('\n');
}

for (const { name, text } of exportSamples()) {
  test(`export to Word, import back: ${name} reads as the same report`, async () => {
    const { document } = planExport(text);
    const imported = await importReport(`${name}.docx`, await writeDocx(document), 'docx', 20);
    assert.ok(imported.ok, name);
    const back = imported.text;
    assert.deepEqual(sameReport(back), sameReport(text), `${name}: the model`);
    assert.deepEqual(proseOf(back), proseOf(text), `${name}: the prose`);
    // Every number the Word file holds comes back (the model's equality above covers what the export takes from the source).
    assert.deepEqual(lostNumbers(documentText(document), back), [], `${name}: numbers lost`);
  });
}
