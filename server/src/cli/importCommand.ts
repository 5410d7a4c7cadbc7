import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { msg, render, type Message } from '../core/l10n/text';
import type { Options } from './args';
import { probe, readBounded } from './files';
import { importKind, importReport } from './importers';
import { CLI_TEXT, t } from './messages';

export interface ImportIO {
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  printable: (s: string) => string;
}

/**
 * `nianbao import FILE... [--output DIR] [--force]`: each file written as `NAME.md` beside it or in
 * DIR; an existing file is never overwritten without --force. Exit 0 when all were imported, 2 otherwise.
 */
export async function runImport(o: Options, io: ImportIO): Promise<number> {
  let done = 0;
  let failed = 0;
  const fail = (m: Message) => {
    failed++;
    io.stderr(io.printable(render(m, o.lang)) + '\n');
  };
  for (const path of o.paths) {
    const p = probe(path);
    if (!p.ok) {
      fail(p.problem);
      continue;
    }
    if (p.kind !== 'file') {
      fail(msg(CLI_TEXT.importKind, { path }));
      continue;
    }
    const read = readBounded(path, o.maxFileSize);
    if (!read.ok) {
      fail(read.problem);
      continue;
    }
    const kind = importKind(path, read.bytes);
    if (!kind) {
      fail(msg(CLI_TEXT.importKind, { path }));
      continue;
    }
    const imported = await importReport(path, read.bytes, kind, o.maxFileSize);
    if (!imported.ok) {
      fail(imported.problem);
      continue;
    }
    const output = join(o.output ?? dirname(path), basename(path, extname(path)) + '.md');
    const written = writeNew(output, imported.text, !!o.force);
    if (written) {
      fail(msg(written === 'EEXIST' ? CLI_TEXT.importExists : CLI_TEXT.importWriteFailed, { output, reason: written }));
      continue;
    }
    done++;
    await io.stdout(io.printable(t(CLI_TEXT.imported, o.lang, { path, output })) + '\n');
  }
  if (failed) io.stderr(t(CLI_TEXT.importSummary, o.lang, { done, failed }) + '\n');
  return failed ? 2 : 0;
}

/** Writes a new file (`wx`: never over an existing one unless forced); the error code, or null. */
function writeNew(path: string, text: string, force: boolean): string | null {
  try {
    writeFileSync(path, text, { flag: force ? 'w' : 'wx' });
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
