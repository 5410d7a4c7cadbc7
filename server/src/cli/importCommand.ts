import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { msg, render, type Message } from '../core/l10n/text';
import type { Options } from './args';
import { probe, readBounded } from './files';
import { walk } from './walk';
import { importKind } from './importKind';
import { loadImporters } from './loadImporters';
import { CLI_TEXT, t } from './messages';

export interface ImportIO {
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  printable: (s: string) => string;
}

/**
 * `nianbao import FILE|FOLDER... [--output DIR] [--force]`: each file written as `NAME.md` beside it or in
 * DIR (a folder: its received files, kept in their subfolders under DIR); an existing file is never overwritten without --force. Exit 0 when all were imported, 2 otherwise.
 */
export async function runImport(o: Options, io: ImportIO): Promise<number> {
  let done = 0;
  let failed = 0;
  const fail = (m: Message) => {
    failed++;
    io.stderr(io.printable(render(m, o.lang)) + '\n');
  };
  // The output folder must exist: a mistyped --output does not make a new folder (its subfolders are made).
  if (o.output !== undefined) {
    const out = probe(o.output);
    if (!out.ok || out.kind !== 'directory') {
      io.stderr(io.printable(t(CLI_TEXT.importNoOutput, o.lang, { output: o.output })) + '\n');
      return 2;
    }
  }
  for (const { path, into } of received(o, fail)) {
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
    const imported = await (await loadImporters()).importReport(path, read.bytes, kind, o.maxFileSize);
    if (!imported.ok) {
      fail(imported.problem);
      continue;
    }
    const output = join(into, basename(path, extname(path)) + '.md');
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

const RECEIVED = /\.(docx|pdf|html?)$/i;

/**
 * The files to import, each with the folder its text goes to: a file named, or every .docx, .pdf, .html
 * and .htm under a folder named (walked as `check` walks, .gitignore respected); under `--output DIR`
 * a walked file keeps its place below the folder, so that two `报告.pdf` in two subfolders do not meet.
 */
function* received(o: Options, fail: (m: Message) => void): Generator<{ path: string; into: string }> {
  const walked = new Set<string>();
  for (const path of o.paths) {
    const p = probe(path);
    if (!p.ok) {
      fail(p.problem);
      continue;
    }
    if (p.kind === 'file') {
      yield { path, into: o.output ?? dirname(path) };
      continue;
    }
    let found = 0;
    for (const item of walk(path, p.key, walked, (name) => RECEIVED.test(name))) {
      if ('problem' in item) {
        fail(item.problem);
        continue;
      }
      found++;
      yield { path: item.file, into: o.output ? join(o.output, relative(path, dirname(item.file))) : dirname(item.file) };
    }
    if (found === 0) fail(msg(CLI_TEXT.importEmptyDir, { path }));
  }
}

/** Writes a new file (`wx`: never over an existing one unless forced); the error code, or null. */
function writeNew(path: string, text: string, force: boolean): string | null {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag: force ? 'w' : 'wx' });
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
