import assert from 'node:assert/strict';
import { check, type Report } from '../../server/src/core';
import { readReport } from '../../server/src/core/reader/read';
import { fold, foldDigits } from '../../server/src/core/text/normalize';
import { readSource } from '../../server/src/core/text/source';

/**
 * What a report says, without where it says it: the header, the part headings, every table's verdict,
 * rows (label, cell texts and values), missing rows and stray cells, and the findings by rule and
 * subject. An imported text must give the same as its source.
 */
export function modelSummary(text: string) {
  const rep: Report = readReport(text);
  const key = (s: string) => fold(s).replace(/\s+/g, '');
  const tables = Object.fromEntries(Object.entries(rep.tables).map(([kind, t]) => [kind, t && {
    version: t.version,
    unreadable: t.unreadable?.reason ?? null,
    rows: t.rows.map((r) => [r.key, key(r.label.text), ...r.cells.map((c) => `${key(c.text)}=${c.value}`)]),
    missing: t.missingRows.map((m) => m.key),
    orphans: t.orphanCells.map((c) => key(c.text)),
  }]));
  return {
    title: rep.title && key(rep.title.text),
    issuer: rep.issuer && key(rep.issuer.text),
    year: rep.year?.value ?? null,
    period: rep.period && [rep.period.from, rep.period.to],
    version: rep.format.version,
    sections: rep.sections.map((s) => `${s.key}:${key(s.title.text)}`),
    tables,
    findings: check(text).findings.map((f) => `${f.ruleId} ${f.subject}`).sort(),
  };
}

/** Every number written in a text (digit runs, full-width digits folded), counted. */
export function numbersOf(text: string): Map<string, number> {
  const visible = readSource(text).lines.map((l) => l.text).join('\n');
  const counts = new Map<string, number>();
  for (const m of foldDigits(visible).matchAll(/\d+/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/** The numbers of `source` that `imported` has fewer of (empty when none is lost). */
export function lostNumbers(source: string, imported: string): string[] {
  const have = numbersOf(imported);
  return [...numbersOf(source)].filter(([n, k]) => (have.get(n) ?? 0) < k).map(([n, k]) => `${n}×${k - (have.get(n) ?? 0)}`);
}

/**
 * `imported` reads as `source` does: the same model (header, headings, every table's rows and cells) and
 * findings, and no number of the source missing. `text-residue` is left out of the findings: it is judged
 * on plain text only, and conversion residue a page's markup hid is plain in the imported text.
 */
export function assertSameReport(source: string, imported: string, name: string): void {
  const summary = (text: string) => {
    const s = modelSummary(text);
    return { ...s, findings: s.findings.filter((f) => !f.startsWith('text-residue ')) };
  };
  assert.deepEqual(summary(imported), summary(source), name);
  assert.deepEqual(lostNumbers(source, imported), [], `${name}: numbers lost`);
}
