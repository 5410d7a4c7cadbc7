import { check, toDiagnostic, type CheckOptions } from '../core';
import { msg, type Message } from '../core/l10n/text';
import { decodeReport, readBounded } from './files';
import { CLI_TEXT } from './messages';
import { formatResult, type OutputFormat } from './output';

/** One report file to check, as the main thread hands it to whichever thread checks it. */
export interface ReportTask {
  file: string;
  maxFileSize: number;
  format: OutputFormat;
  /** The command line's options over the file's project configuration (main.ts). */
  options: CheckOptions;
}

/** What checking one file gives: its part of the output and its counts, or why it was not checked. */
export type Outcome = { checked: true; part: string; severities: number[]; silenced: number } | { checked: false; problem: Message };

/** Reading, decoding and checking one file: whatever fails is this file's problem, and the batch goes on. */
export function readAndCheck(task: ReportTask): Outcome {
  const read = readBounded(task.file, task.maxFileSize, true);
  if (!read.ok) return { checked: false, problem: read.problem };
  return checkReportBytes(task.file, read.bytes, task.options, task.format);
}

export function checkReportBytes(file: string, bytes: Uint8Array, options: CheckOptions, format: OutputFormat): Outcome {
  const decoded = decodeReport(bytes, file);
  if (!decoded.ok) return { checked: false, problem: decoded.message };
  return checkReportText(file, decoded.text, options, format);
}

export function checkReportText(file: string, text: string, options: CheckOptions, format: OutputFormat): Outcome {
  try {
    const result = check(text, options);
    const diagnostics = result.findings.map((x) => toDiagnostic(x, options.lang));
    const silenced = result.silenced.map((x) => toDiagnostic(x, options.lang));
    const severities = [0, 0, 0, 0, 0];
    for (const d of diagnostics) severities[d.severity]++;
    const part = formatResult(silenced.length ? { file, diagnostics, silenced } : { file, diagnostics }, format, result.report);
    return { checked: true, part, severities, silenced: silenced.length };
  } catch (e) {
    return { checked: false, problem: msg(CLI_TEXT.internalError, { path: file, reason: e instanceof Error ? e.message : String(e) }) };
  }
}
