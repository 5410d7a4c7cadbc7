import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Report, TableKind } from '../../server/src/core/model';
import { foldDigits } from '../../server/src/core/text/normalize';
import { corpusExpectation, corpusFiles, SEEDS_DIR } from './fixtures';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport } from '../../server/src/core/render/report';

/** The reports every export test writes: the five seeds, the corpus reports whose three tables are complete, a new report's skeleton (2021 and 2019). */
export function exportSamples(): { name: string; text: string }[] {
  const seeds = readdirSync(SEEDS_DIR).filter((n) => /^\d{3}_.*\.txt$/.test(n)).sort().map((n) => join(SEEDS_DIR, n));
  const complete = corpusFiles().filter((f) => {
    const e = corpusExpectation(f);
    return !e.todo && Object.values(e.tables).every((s) => s === 'complete');
  });
  if (complete.length < 2) throw new Error('the corpus should hold complete reports');
  const skeletons = (['2021', '2019'] as const).map((version) => {
    const value = (row: string, column: string) => String((row.length * 7 + column.length * 3) % 10);
    return { name: `skeleton-${version}`, text: renderReport({ issuer: '某某县人民政府办公室', year: version === '2021' ? 2023 : 2020, version, value }) };
  });
  return [...[...seeds, ...complete].map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') })), ...skeletons];
}

/** A table's value cells as the model read them: `row/column` → the text an export writes (digits folded, blank ''). */
export function modelCells(report: Report, kind: TableKind): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of report.tables[kind]?.rows ?? []) {
    if (!row.key || row.group) continue;
    for (const c of row.cells) if (c.column) out.set(`${row.key}/${c.column}`, c.problem === 'blank' ? '' : foldDigits(c.text.trim()));
  }
  return out;
}
