import { ReportIndex, type CrossReports, type ReportWorkspace } from '../core';
import type { Message } from '../core/l10n/text';
import type { Options } from './args';
import { decodeReport, probe, readBounded } from './files';
import { walk } from './walk';

/** The other reports of a batch: what the cross-report rules compare with, and the `--with` paths that could not be read. */
export interface BatchReports {
  workspace?: CrossReports;
  problems: { path: string; problem: Message }[];
}

/**
 * The workspace of a batch: every report its paths name or walk to, and those under each `--with` path
 * (context only: read, never reported), filed by body and year before the first file is checked. Each
 * file is read through the same bounds as a checked one (regular files, the size limit); a text is read
 * again only when a rule asks for it. Fewer than two reports: no workspace.
 */
export function batchReports(o: Options): BatchReports {
  const files = new Set<string>();
  const problems: BatchReports['problems'] = [];
  const walked = new Set<string>();
  const add = (path: string, context: boolean) => {
    const p = probe(path);
    if (!p.ok) {
      if (context) problems.push({ path, problem: p.problem });
      return;
    }
    if (p.kind === 'file') return void files.add(path);
    for (const item of walk(path, p.key, walked)) {
      if ('file' in item) files.add(item.file);
      else if (context) problems.push(item);
    }
  };
  for (const path of o.paths) if (path !== '-') add(path, false);
  for (const path of o.with) add(path, true);
  if (files.size < 2) return { problems };
  const workspace: ReportWorkspace = {
    reports: () => files,
    read(path) {
      const read = readBounded(path, o.maxFileSize);
      const decoded = read.ok ? decodeReport(read.bytes, path) : null;
      return decoded?.ok ? decoded.text : null;
    },
  };
  const formatVersion = o.formatVersion === '2019' || o.formatVersion === '2021' ? o.formatVersion : 'auto';
  return { workspace: new ReportIndex(workspace, { formatVersion }), problems };
}
