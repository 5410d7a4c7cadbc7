/**
 * `check --fix`: the safe fixes of each report (the editor's Fix All, core/service/actions.ts) applied
 * in place; `--fix --dry-run`: the same edits as a unified diff. A file is written only when it was read
 * whole, its encoding is written back byte for byte (UTF-8 with or without BOM, or GB18030), and it has
 * not changed since it was read; the new bytes replace it by a rename, so a failed write leaves it whole.
 */
import { closeSync, fchmodSync, fstatSync, fsyncSync, openSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { check, type CheckOptions, type CheckResult } from '../core';
import { applyEdits, fixAll } from '../core/service/actions';
import { msg, type Message } from '../core/l10n/text';
import { readBounded } from './files';
import { CLI_TEXT } from './messages';
import type { Emit, ResultWriter } from './output';

export type FixMode = 'write' | 'diff';

/** A report after its safe fixes: the new text, the findings it resolved, and what a check of it finds. */
export interface FixPlan {
  text: string;
  fixed: number;
  result: CheckResult;
}

/** The editor's Fix All on a text; `fixed` is 0 (and the text the same) when nothing is safe to fix. */
export function planFix(text: string, options: CheckOptions): FixPlan {
  const before = check(text, options);
  const all = fixAll(before.report, before.findings);
  if (!all) return { text, fixed: 0, result: before };
  const after = applyEdits(text, all.edits);
  return { text: after, fixed: all.resolves.length, result: check(after, options) };
}

/** `--fix --dry-run`: each file's diff as it comes, and no summary (the output is a patch). */
export function diffWriter(emit: Emit): ResultWriter {
  return { file: async (part) => (part ? emit(part) : undefined), end: async () => undefined };
}

/** The fixes as a unified diff (`patch -p0` applies it); empty when there is none. */
export function fixDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(file, file, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/**
 * `text` in the encoding `original` was read in, or null when that encoding does not give `original`
 * back from its own text (then writing could change what the fixes did not touch).
 */
export function encodeLike(original: Uint8Array, oldText: string, text: string): Uint8Array | null {
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  for (const { encode, decode } of ENCODINGS) {
    if (!same(encode(oldText), original)) continue;
    const bytes = encode(text);
    // Only what reads back as the fixed text is written.
    return decode(bytes) === text ? bytes : null;
  }
  return null;
}

const ENCODINGS: { encode: (s: string) => Uint8Array; decode: (b: Uint8Array) => string }[] = [
  { encode: (s) => Buffer.from(s, 'utf8'), decode: (b) => Buffer.from(b).toString('utf8') },
  { encode: (s) => Buffer.concat([BOM, Buffer.from(s, 'utf8')]), decode: (b) => Buffer.from(b).subarray(3).toString('utf8') },
  { encode: (s) => gb18030().encodeGb18030(s), decode: (b) => gb18030().decodeGb18030(b) },
];

let gb18030Codec: typeof import('./gb18030') | undefined;
/** Loaded on first use (a file that is not UTF-8); in the bundles this require is `dist/gb18030.js`, beside them (esbuild.mjs). */
const gb18030 = () => (gb18030Codec ??= require('./gb18030') as typeof import('./gb18030'));

/**
 * Writes a fixed report over `path`, if it still holds `original`: a new file beside it (its mode
 * copied), synced, then renamed over it. Returns why it was not written, or null.
 */
export function writeFixed(named: string, original: Uint8Array, bytes: Uint8Array, maxFileSize: number): Message | null {
  // Through a symbolic link, the file it names is replaced, not the link.
  let path: string;
  try {
    path = realpathSync(named);
  } catch (e) {
    return msg(CLI_TEXT.fixWriteFailed, { path: named, reason: (e as { code?: string }).code ?? String(e) });
  }
  const now = readBounded(path, maxFileSize);
  if (!now.ok) return now.problem;
  if (!Buffer.from(now.bytes).equals(Buffer.from(original))) return msg(CLI_TEXT.fixChanged, { path: named });
  const failed = replaceFile(path, bytes, statMode(path));
  return failed === null ? null : msg(CLI_TEXT.fixWriteFailed, { path: named, reason: failed });
}

/**
 * New contents for a file (it may not exist yet): written to a file beside it, created exclusively with
 * `mode`, synced, then renamed over it, so a failure leaves the old file whole. The error's code, or null.
 */
export function replaceFile(path: string, bytes: Uint8Array, mode: number): string | null {
  // Web Crypto's global: node:crypto is loaded only when a file is written, not by every run and thread.
  const temp = join(dirname(path), `.${basename(path)}.nianbao-${Buffer.from(crypto.getRandomValues(new Uint8Array(4))).toString('hex')}`);
  let fd = -1;
  try {
    fd = openSync(temp, 'wx', 0o600);
    fchmodSync(fd, mode);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(temp, path);
    return null;
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Not made, or already renamed.
    }
    return (e as { code?: string }).code ?? String(e);
  }
}

/** A file's permission bits; a file that does not exist yet gets the usual 0644. */
export function statMode(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 0o644;
  }
  try {
    return fstatSync(fd).mode & 0o7777;
  } finally {
    closeSync(fd);
  }
}
