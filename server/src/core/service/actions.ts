import type { Report } from '../model';
import type { Finding, OffsetEdit } from '../rules/types';
import { msg, type Message } from '../l10n/text';
import { planRecompute, recomputeAll } from './recompute';
import { consistentEdits, keepsRelations } from './consistency';

export interface Action {
  title: Message;
  kind: 'quickfix' | 'source.fixAll';
  edits: OffsetEdit[];
  preferred?: boolean;
  /** The findings this action resolves (for LSP's CodeAction.diagnostics). */
  resolves: Finding[];
}

const RECOMPUTE_TABLE = { zh: '重新计算本表全部合计', en: 'Recompute all totals of this table' };
const FIX_ALL = { zh: '修正全部可自动修正的问题', en: 'Fix all auto-fixable problems' };

const relationTables = (report: Report) => [report.tables.applications, report.tables.reviewLitigation];

/**
 * Quick fixes for one finding: its own fix, and for an arithmetic one, recomputing its whole table.
 * A fix that would make a relation it touches fail is not offered (service/consistency.ts).
 */
export function quickFixes(report: Report, finding: Finding): Action[] {
  const out: Action[] = [];
  if (finding.fix && finding.fix.edits.length && keepsRelations(relationTables(report), finding.fix.edits)) {
    out.push({ title: finding.fix.title, kind: 'quickfix', edits: finding.fix.edits, preferred: finding.fix.preferred, resolves: [finding] });
  }
  if (finding.data) {
    // Offered only where it settles this finding (a blank or missing cell may leave it open).
    const { edits, holds } = planRecompute(report.tables[finding.data.table]);
    if (holds(finding.data) && (edits.length > 1 || (edits.length === 1 && !sameEdits(edits, finding.fix?.edits ?? [])))) {
      out.push({ title: msg(RECOMPUTE_TABLE), kind: 'quickfix', edits, resolves: [finding] });
    }
  }
  return out;
}

/**
 * Every safe fix of the document in one edit: all totals recomputed together (so the result
 * satisfies every relation at once), plus the safe fixes of non-arithmetic findings, less the edits
 * that would make a relation fail. Applying it twice changes nothing the second time.
 */
export function fixAll(report: Report, findings: Finding[]): Action | null {
  const edits: OffsetEdit[] = [...recomputeAll(report)];
  for (const f of findings) if (!f.data && f.fix?.safe) edits.push(...f.fix.edits);
  const merged = consistentEdits(relationTables(report), withoutOverlaps(edits));
  if (merged.length === 0) return null;
  // What it resolves: the findings whose own fix writes where fix-all writes (not a total too large to write).
  const written = new Set(merged.map((e) => e.start));
  const resolves = findings.filter((f) => (f.data || f.fix?.safe) && f.fix && f.fix.edits.some((e) => written.has(e.start)));
  return { title: msg(FIX_ALL), kind: 'source.fixAll', edits: merged, resolves };
}

function sameEdits(a: OffsetEdit[], b: OffsetEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.start === b[i].start && e.end === b[i].end && e.newText === b[i].newText);
}

/** Sorted edits with duplicates and overlaps dropped (the first of two overlapping edits wins). */
export function withoutOverlaps(edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end || x.i - y.i);
  const out: OffsetEdit[] = [];
  let lastEnd = -1;
  for (const { e } of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.start === e.start && prev.end === e.end && prev.newText === e.newText) continue;
    if (e.start < lastEnd || (prev && e.start === prev.start && e.start === e.end)) continue;
    out.push(e);
    lastEnd = e.end;
  }
  return out;
}

/** Applies offset edits to a text (for tests, the CLI and fix-all previews). */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
