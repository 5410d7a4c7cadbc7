import type { Diagnostic } from '../engine';
import type { Report } from '../model';
import type { Severity } from '../rules/types';
import { readHeader } from '../reader/header';
import { findHeadings } from '../reader/headings';
import { splitAtParts } from '../reader/pieces';
import { readSource } from '../text/source';

/** A finding as the review outputs show it: 1-based line and column, the end column exclusive (SARIF's regions). */
export interface ReviewFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
  /** Where in another report the finding points (last year's report, a copied part), 1-based as above. */
  related?: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

/**
 * What the review outputs (page, SARIF, CSV) keep of one file: who issued it and for which year, its
 * findings — never its text — or why it was not checked.
 */
export interface ReviewEntry {
  file: string;
  /** The issuing body as the report writes it (its title, else its 落款); absent when unrecognised. */
  body?: string;
  year?: number;
  findings: ReviewFinding[];
  /** Findings silenced by the report's comments: counted, not shown. */
  silenced?: number;
  /** Why the file was not checked. */
  error?: string;
}

export function reviewEntry(file: string, report: Pick<Report, 'issuer' | 'signatory' | 'year'> | null, diagnostics: readonly Diagnostic[], silenced = 0): ReviewEntry {
  const body = (report?.issuer?.text ?? report?.signatory?.text ?? '').trim();
  const entry: ReviewEntry = { file, findings: diagnostics.map(reviewFinding) };
  if (body) entry.body = body;
  if (report?.year) entry.year = report.year.value;
  if (silenced) entry.silenced = silenced;
  return entry;
}

function reviewFinding(d: Diagnostic): ReviewFinding {
  const f: ReviewFinding = { ...position(d.range), rule: d.code, severity: d.severity, message: d.message };
  if (d.related?.length) f.related = d.related.map((r) => ({ file: r.uri, ...position(r.range), message: r.message }));
  return f;
}

function position({ start, end }: Diagnostic['range']) {
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function countBySeverity(e: ReviewEntry): { errors: number; warnings: number; others: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of e.findings) {
    if (f.severity === 1) errors++;
    else if (f.severity === 2) warnings++;
  }
  return { errors, warnings, others: e.findings.length - errors - warnings };
}

/** Worst first: most errors, then most warnings, then by name (body and year, else the file). */
export function worstFirst(entries: readonly ReviewEntry[]): ReviewEntry[] {
  const keyed = entries.map((e) => ({ e, c: countBySeverity(e), name: displayName(e) }));
  keyed.sort((a, b) => b.c.errors - a.c.errors || b.c.warnings - a.c.warnings || a.name.localeCompare(b.name, 'zh-CN') || a.e.file.localeCompare(b.e.file));
  return keyed.map((k) => k.e);
}

export function displayName(e: ReviewEntry): string {
  return e.body ?? e.file;
}

/** A report's issuing body and year from its text, reading only its headings and header (no table): the client's page. */
export function readReviewHeader(text: string): Pick<Report, 'issuer' | 'signatory' | 'year'> {
  const src = splitAtParts(readSource(text));
  return readHeader(src, findHeadings(src));
}
