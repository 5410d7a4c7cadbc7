import type { Diagnostic } from '../core';

/** One file's entry in the output (JSON: one element of the array; `error` when it could not be checked). */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** The diagnostics silenced by the file's comments; only when there are any. */
  silenced?: Diagnostic[];
  error?: string;
}

/** A failure to write the output (a full disk, a closed pipe): the batch stops. */
export class OutputFailure extends Error {
  constructor(readonly cause: unknown) {
    super('output failed');
  }
}

export type Emit = (s: string) => Promise<void>;

/** Writes each file's results as soon as it is checked, so none is lost to a later file. */
export interface ResultWriter {
  file(r: FileResult): Promise<void>;
  end(summary: string): Promise<void>;
}

const SEVERITY_WORD: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** `file:line:col severity rule-id message` per diagnostic, then the summary line. */
export function textWriter(emit: Emit, printable: (s: string) => string): ResultWriter {
  return {
    async file(r) {
      if (r.diagnostics.length === 0) return;
      const lines = r.diagnostics.map((d) => printable(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_WORD[d.severity]} ${d.code} ${d.message}`));
      await emit(lines.join('\n') + '\n');
    },
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
    async file(r) {
      const element = JSON.stringify(r, null, 2).replace(/\n/g, '\n  ');
      await emit(`${count++ === 0 ? '[\n' : ',\n'}  ${element}`);
    },
    end: () => emit(count === 0 ? '[]\n' : '\n]\n'),
  };
}
