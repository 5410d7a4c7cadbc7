import { check, surveyOf, surveyReport, toDiagnostic, type CheckOptions, type CheckResult, type Survey } from '../core';
import { entryOf, type BaselineEntry } from '../core/baseline';
import { msg, type Message } from '../core/l10n/text';
import { decodeReport, readBounded } from './files';
import { encodeLike, fixDiff, planFix, writeFixed, type FixMode } from './fix';
import { CLI_TEXT } from './messages';
import { formatResult, type OutputFormat } from './output';

/** One report file to check, as the main thread hands it to whichever thread checks it. */
export interface ReportTask {
  file: string;
  maxFileSize: number;
  format: OutputFormat;
  /** The command line's options over the file's project configuration (main.ts). */
  options: CheckOptions;
  /** `--fix` (write the safe fixes) or `--fix --dry-run` (their diff is the file's part of the output). */
  fix?: FixMode;
  /** `--update-baseline`: the outcome carries the baseline entries of the findings (all accepted). */
  record?: true;
}

/**
 * What checking one file gives: its part of the output and its counts, or why it was not checked. With
 * `--fix`: the findings its fixes resolved, and why it was not written (said on standard error).
 */
export type Outcome =
  | { checked: true; part: string; severities: number[]; silenced: number; accepted: number; entries?: BaselineEntry[]; fixed?: number; unfixed?: Message }
  | { checked: false; problem: Message };

/** Reading, decoding and checking one file: whatever fails is this file's problem, and the batch goes on. */
export function readAndCheck(task: ReportTask): Outcome {
  const read = readBounded(task.file, task.maxFileSize, true);
  if (!read.ok) return { checked: false, problem: read.problem };
  return checkReportBytes(task, read.bytes);
}

/** A file of a batch checked without the batch's workspace, and its survey made from the model that check read. */
export interface FirstCheck {
  outcome: Outcome;
  survey: Survey;
}

/**
 * The one read of a file of a batch (main.ts): its check, which holds unless the batch's index
 * `concerns` it, and what the index needs of it. A file that cannot be read or decoded is filed under
 * no identity, as its survey alone would file it.
 */
export function checkAndSurvey(task: ReportTask): FirstCheck {
  const uri = task.file;
  const read = readBounded(uri, task.maxFileSize, true);
  if (!read.ok) return { outcome: { checked: false, problem: read.problem }, survey: { uri, filedAs: null } };
  const decoded = decodeReport(read.bytes, uri);
  if (!decoded.ok) return { outcome: { checked: false, problem: decoded.message }, survey: { uri, filedAs: null } };
  let survey: Survey | undefined;
  const outcome = guarded(uri, () => {
    const result = check(decoded.text, task.options);
    survey = surveyOf(uri, result.report);
    return outcomeOf(task, result);
  });
  return { outcome, survey: survey ?? surveyedAnyway(uri, decoded.text) };
}

/** A report whose check failed is still filed as its survey files it (or under no identity, should that fail too). */
function surveyedAnyway(uri: string, text: string): Survey {
  try {
    return surveyReport(uri, text);
  } catch {
    return { uri, filedAs: null };
  }
}

export function checkReportBytes(task: ReportTask, bytes: Uint8Array): Outcome {
  const decoded = decodeReport(bytes, task.file);
  if (!decoded.ok) return { checked: false, problem: decoded.message };
  return guarded(task.file, () => (task.fix ? fixReport(task, bytes, decoded.text) : outcomeOf(task, check(decoded.text, task.options))));
}

/** A text that is not the file's own (an imported Word or PDF file): checked, never written. */
export function checkReportText(task: ReportTask, text: string): Outcome {
  return guarded(task.file, () => {
    if (!task.fix) return outcomeOf(task, check(text, task.options));
    const plan = planFix(text, task.options);
    const unwritten = plan.fixed ? msg(CLI_TEXT.fixImported, { path: task.file }) : undefined;
    return task.fix === 'diff' ? { ...outcomeOf(task, plan.result), part: '', unfixed: unwritten } : { ...outcomeOf(task, check(text, task.options)), unfixed: unwritten };
  });
}

function fixReport(task: ReportTask, bytes: Uint8Array, text: string): Outcome {
  const plan = planFix(text, task.options);
  if (task.fix === 'diff') return { ...outcomeOf(task, plan.result, plan.fixed), part: fixDiff(task.file, text, plan.text) };
  if (plan.text === text) return outcomeOf(task, plan.result);
  const encoded = encodeLike(bytes, text, plan.text);
  const unfixed = encoded ? writeFixed(task.file, bytes, encoded, task.maxFileSize) : msg(CLI_TEXT.fixEncoding, { path: task.file });
  // Not written: the file's own findings stand.
  return unfixed ? { ...outcomeOf(task, check(text, task.options)), unfixed } : outcomeOf(task, plan.result, plan.fixed);
}

function outcomeOf(task: ReportTask, result: CheckResult, fixed = 0): Outcome & { checked: true } {
  const { file, options, format } = task;
  const diagnostics = result.findings.map((x) => toDiagnostic(x, options.lang));
  const silenced = result.silenced.map((x) => toDiagnostic(x, options.lang));
  const accepted = (result.accepted ?? []).map((x) => toDiagnostic(x, options.lang));
  const severities = [0, 0, 0, 0, 0];
  for (const d of diagnostics) severities[d.severity]++;
  const part = formatResult({ file, diagnostics, ...(silenced.length ? { silenced } : {}), ...(accepted.length ? { accepted } : {}), ...(fixed ? { fixed } : {}) }, format, result.report);
  const out: Outcome & { checked: true } = { checked: true, part, severities, silenced: silenced.length, accepted: accepted.length };
  if (fixed) out.fixed = fixed;
  if (task.record) out.entries = (result.accepted ?? []).map(entryOf);
  return out;
}

function guarded(file: string, run: () => Outcome): Outcome {
  try {
    return run();
  } catch (e) {
    return { checked: false, problem: msg(CLI_TEXT.internalError, { path: file, reason: e instanceof Error ? e.message : String(e) }) };
  }
}
