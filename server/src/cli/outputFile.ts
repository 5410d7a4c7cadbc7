import { closeSync, openSync, writeSync } from 'node:fs';
import { probe } from './files';

/** The file `check --output` writes: created exclusively (never over an existing file) unless forced. */
export type OutputFile = { ok: true; fd: number } | { ok: false; code: string };

export function openOutput(path: string, force: boolean): OutputFile {
  try {
    return { ok: true, fd: openSync(path, force ? 'w' : 'wx', 0o644) };
  } catch (e) {
    return { ok: false, code: (e as { code?: string }).code ?? String(e) };
  }
}

/** Writes all of `s` (a write that fails throws: the batch stops, as with standard output). */
export function writeAll(fd: number, s: string): void {
  const bytes = Buffer.from(s, 'utf8');
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

export function closeOutput(fd: number): void {
  closeSync(fd);
}

/** Where `check` writes: standard output, or the `--output` file (its key so that the run does not check it). */
export interface CheckTarget {
  write: (s: string) => void | Promise<void>;
  close: () => void;
  /** The output file's identity (files.ts `probe`), or null for standard output. */
  key: string | null;
}

/**
 * Opens `check --output FILE` (`-`: standard output). Refused: an existing file without --force, and
 * even with it a file the command line names to check (it would be emptied before it is read).
 */
export function openCheckTarget(output: string | undefined, force: boolean, inputs: readonly string[], stdout: CheckTarget['write']): CheckTarget | { refused: 'exists' | 'input' | string } {
  if (output === undefined || output === '-') return { write: stdout, close: () => undefined, key: null };
  const before = probe(output);
  if (before.ok && inputs.some((p) => p !== '-' && probeKey(p) === before.key)) return { refused: 'input' };
  const opened = openOutput(output, force);
  if (!opened.ok) return { refused: opened.code === 'EEXIST' ? 'exists' : opened.code };
  const after = probe(output);
  return { write: (s) => writeAll(opened.fd, s), close: () => closeOutput(opened.fd), key: after.ok ? after.key : null };
}

function probeKey(path: string): string | null {
  const p = probe(path);
  return p.ok ? p.key : null;
}
