import type { Diagnostic } from '../core';
import type { Report } from '../core/model';
import { reviewEntry } from '../core/review/summary';

/** One file's entry in the output (JSON: one element of the array; `error` when it could not be checked). */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** The diagnostics silenced by the file's comments; only when there are any. */
  silenced?: Diagnostic[];
  /** The diagnostics the baseline accepts (`.nianbao-baseline.json`); only when there are any. */
  accepted?: Diagnostic[];
  /** `check --fix`: the findings its safe fixes resolved (the file was written); only when there are any. */
  fixed?: number;
  error?: string;
}

/** A failure to write the output (a full disk, a closed pipe): the batch stops. */
export class OutputFailure extends Error {
  constructor(readonly cause: unknown) {
    super('output failed');
  }
}

export type Emit = (s: string) => Promise<void>;
export type OutputFormat = 'text' | 'json' | 'html' | 'sarif' | 'csv';

/**
 * A file's part of the output, made where the file is checked (a worker thread or the main one): the
 * writer only joins parts, so both paths write the same bytes. The review formats' part is the file's
 * `ReviewEntry` as JSON (its header gives the issuing body and year; never its text): their writers
 * (review.ts) make the page, SARIF or CSV of it.
 */
export function formatResult(r: FileResult, format: OutputFormat, header: Pick<Report, 'issuer' | 'signatory' | 'year'> | null = null): string {
  if (format === 'html' || format === 'sarif' || format === 'csv') {
    const entry = reviewEntry(r.file, header, r.diagnostics, r.silenced?.length);
    return JSON.stringify(r.error === undefined ? entry : { file: r.file, findings: [], error: r.error });
  }
  if (format === 'json') return JSON.stringify(r, null, 2).replace(/\n/g, '\n  ');
  if (r.diagnostics.length === 0) return '';
  return r.diagnostics.map((d) => printable(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_WORD[d.severity]} ${d.code} ${d.message}`)).join('\n') + '\n';
}

/** Writes each file's part as soon as it comes, so none is lost to a later file. */
export interface ResultWriter {
  file(part: string): Promise<void>;
  end(summary: string): Promise<void>;
}

const SEVERITY_WORD: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** `file:line:col severity rule-id message` per diagnostic, then the summary line. */
export function textWriter(emit: Emit): ResultWriter {
  return {
    file: async (part) => (part ? emit(part) : undefined),
    end: (summary) => emit(summary + '\n'),
  };
}

/**
 * One JSON array, written an element at a time, byte for byte what `JSON.stringify(results, null, 2)`
 * gives: the document is whole whenever the batch ends normally, every failed file being an element
 * with `error`.
 */
export function jsonWriter(emit: Emit): ResultWriter {
  let count = 0;
  return {
    file: (part) => emit(`${count++ === 0 ? '[\n' : ',\n'}  ${part}`),
    end: () => emit(count === 0 ? '[]\n' : '\n]\n'),
  };
}

/**
 * A line for the terminal. Report text appears in messages (a cell's text, a heading) and file
 * names in every line: control characters there (an ESC sequence could recolour the terminal, set
 * its title or hide text; a line break could forge a diagnostic line) and invisible bidi controls
 * are shown as \u{…} escapes. JSON output escapes them by itself.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
