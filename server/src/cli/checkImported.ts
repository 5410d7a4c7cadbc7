import { importKind } from './importKind';
import { loadImporters } from './loadImporters';
import { checkReportBytes, checkReportText, type Outcome, type ReportTask } from './checkReport';
import { readBounded } from './files';

// Kept apart from checkReport.ts, and the importers loaded on first use (loadImporters.ts), so that a thread
// that checks text only never loads them.

/**
 * A received Word or PDF file, imported in memory and checked (positions are the imported text's). A file
 * named .docx/.pdf without the signature of one is read as text, as any other file would be.
 */
export async function importAndCheck(task: ReportTask): Promise<Outcome> {
  // Its own bytes, not the buffer every transient read reuses: the import awaits its importer, and its
  // thread checks other files meanwhile, reading each into that buffer.
  const read = readBounded(task.file, task.maxFileSize);
  if (!read.ok) return { checked: false, problem: read.problem };
  const kind = importKind(task.file, read.bytes);
  if (kind !== 'docx' && kind !== 'pdf') return checkReportBytes(task, read.bytes);
  const imported = await (await loadImporters()).importReport(task.file, read.bytes, kind, task.maxFileSize);
  if (!imported.ok) return { checked: false, problem: imported.problem };
  return checkReportText(task, imported.text);
}
