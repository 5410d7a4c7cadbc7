import { importKind } from './importKind';
import { loadImporters } from './loadImporters';
import { checkReportBytes, checkReportText, type Outcome, type ReportTask } from './checkReport';
import { readBounded } from './files';

// Kept apart from checkReport.ts so that the worker threads, which check text only, do not load the importers.

/**
 * A received Word or PDF file, imported in memory and checked (positions are the imported text's). A file
 * named .docx/.pdf without the signature of one is read as text, as any other file would be.
 */
export async function importAndCheck(task: ReportTask): Promise<Outcome> {
  const read = readBounded(task.file, task.maxFileSize, true);
  if (!read.ok) return { checked: false, problem: read.problem };
  const kind = importKind(task.file, read.bytes);
  if (kind !== 'docx' && kind !== 'pdf') return checkReportBytes(task, read.bytes);
  const imported = await (await loadImporters()).importReport(task.file, read.bytes, kind, task.maxFileSize);
  if (!imported.ok) return { checked: false, problem: imported.problem };
  return checkReportText(task, imported.text);
}
