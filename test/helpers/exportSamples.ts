import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Report, TableKind } from '../../server/src/core/model';
import { foldDigits } from '../../server/src/core/text/normalize';
import { corpusExpectation, corpusFiles, SEEDS_DIR } from './fixtures';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The reports every export test writes: the five seeds and the corpus reports whose three tables are complete. */
export function exportSamples(): { name: string; text: string }[] {
  const seeds = readdirSync(SEEDS_DIR).filter((n) => /^\d{3}_.*\.txt$/.test(n)).sort().map((n) => join(SEEDS_DIR, n));
  const complete = corpusFiles().filter((f) => {
    const e = corpusExpectation(f);
    return !e.todo && Object.values(e.tables).every((s) => s === 'complete');
  });
  if (complete.length < 2) throw new Error('the corpus should hold complete reports');
  return [...seeds, ...complete].map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
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
