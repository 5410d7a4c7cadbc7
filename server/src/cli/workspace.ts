import { ReportIndex, surveyReport, type ReportWorkspace, type Survey } from '../core';
import type { Message } from '../core/l10n/text';
import type { Options } from './args';
import { decodeReport, probe, readBounded } from './files';
import { walk } from './walk';

/** The other reports of a batch (what the cross-report rules compare with), and the `--with` paths that could not be read. */
export interface BatchReports {
  /** The files of the workspace (none below two): `surveyed` makes its index. */
  files?: BatchFiles;
  problems: { path: string; problem: Message }[];
}

/**
 * The workspace of a batch: every report its paths name or walk to, and those under each `--with` path
 * (context only: read, never reported), filed by body and year before the first file is checked (by
 * `surveyed`, in this thread or from worker threads' surveys). Each file is read through the same bounds
 * as a checked one (regular files, the size limit); a text is read again only when a rule asks for it.
 * Fewer than two reports: no workspace. A file is in it once, under the first name that reaches it (a
 * file linked or named twice), as `check` reports it once (main.ts, `checkFile`): a batch's first pass
 * checks each of its files, so a folder of 10,000 files and 30,000 more links to them was checked four
 * times over (38.6 s against 13.3 s). `notReports`: files that are none (by `probe`'s key: the output file).
 */
export function batchReports(o: Options, notReports: ReadonlySet<string> = new Set()): BatchReports {
  const files: string[] = [];
  const seen = new Set(notReports);
  const problems: BatchReports['problems'] = [];
  const walked = new Set<string>();
  const file = (path: string, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    files.push(path);
  };
  const add = (path: string, context: boolean) => {
    const p = probe(path);
    if (!p.ok) {
      if (context) problems.push({ path, problem: p.problem });
      return;
    }
    if (p.kind === 'file') return file(path, p.key);
    for (const item of walk(path, p.key, walked)) {
      if ('problem' in item) {
        if (context) problems.push(item);
        continue;
      }
      // What is no regular file (a FIFO with a report's name) is said where it is checked, and read by nobody.
      const f = probe(item.file);
      if (f.ok && f.kind === 'file') file(item.file, f.key);
    }
  };
  for (const path of o.paths) if (path !== '-') add(path, false);
  for (const path of o.with) add(path, true);
  if (files.length < 2) return { problems };
  return { files: { files, maxFileSize: o.maxFileSize, formatVersion: batchVersion(o) }, problems };
}

/** The files of a batch's workspace and how to read them: what a worker thread needs to make its own index. */
export interface BatchFiles {
  files: string[];
  maxFileSize: number;
  formatVersion: 'auto' | '2019' | '2021';
}

const batchVersion = (o: Options) => (o.formatVersion === '2019' || o.formatVersion === '2021' ? o.formatVersion : 'auto');

/** A batch's index, each file read here, or from the surveys worker threads made (`surveyFile`). */
export function surveyed(at: BatchFiles, surveys?: readonly Survey[]): ReportIndex {
  return new ReportIndex(filesWorkspace(at), { formatVersion: at.formatVersion }, surveys);
}

/** What the index needs of one file of the batch, read and decoded through the same bounds as a checked file. */
export function surveyFile(at: Omit<BatchFiles, 'files'>, path: string): Survey {
  return surveyReport(path, readText(path, at.maxFileSize));
}

function filesWorkspace(at: BatchFiles): ReportWorkspace {
  return { reports: () => at.files, read: (path) => readText(path, at.maxFileSize) };
}

function readText(path: string, maxFileSize: number): string | null {
  // Transient: the bytes are decoded at once, so the buffer is the one every read of a batch reuses.
  const read = readBounded(path, maxFileSize, true);
  const decoded = read.ok ? decodeReport(read.bytes, path) : null;
  return decoded?.ok ? decoded.text : null;
}
