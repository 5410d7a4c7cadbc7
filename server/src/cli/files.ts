import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { msg, type Message, type Text } from '../core/l10n/text';
import { CLI_TEXT } from './messages';
import { decodeText, strictUtf8 } from '../core/text/decode';
import { isUtf8, transcode } from 'node:buffer';

// Every file-system access of the CLI, all of it reading. A path is looked at (stat) before it is
// opened: only regular files are opened, and never more than the size limit plus one byte is read.

export type Failure = { ok: false; problem: Message };

/** What a path names, symlinks followed; `key` (device and inode) tells the same file or directory reached twice. */
export type Probed = { ok: true; kind: 'file' | 'directory'; key: string } | Failure;

export function probe(path: string): Probed {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    return { ok: false, problem: statProblem(path, e) };
  }
  const key = `${st.dev}:${st.ino}`;
  if (st.isDirectory()) return { ok: true, kind: 'directory', key };
  if (st.isFile()) return { ok: true, kind: 'file', key };
  return { ok: false, problem: notRegular(path, st) };
}

/**
 * Is there a regular file at `path` (a project configuration looked for up the tree)? `blocked`: a
 * folder the CLI may not look into (no permission, or outside what Node's permission model allows).
 */
export function lookFor(path: string): 'file' | 'absent' | 'blocked' {
  try {
    return statSync(path).isFile() ? 'file' : 'absent';
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ELOOP') return 'file'; // reading it says the loop
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'absent' : 'blocked';
  }
}

function statProblem(path: string, e: unknown): Message {
  const code = errorCode(e);
  if (code === 'ELOOP') return msg(CLI_TEXT.linkLoop, { path });
  if (code === 'ENOENT' || code === 'ENOTDIR') return msg(isSymlink(path) ? CLI_TEXT.danglingLink : CLI_TEXT.notFound, { path });
  return msg(CLI_TEXT.unreadable, { path, reason: reason(e) });
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function notRegular(path: string, st: Stats): Message {
  const kind = st.isFIFO() ? CLI_TEXT.fifo : st.isSocket() ? CLI_TEXT.socket : st.isCharacterDevice() ? CLI_TEXT.charDevice : st.isBlockDevice() ? CLI_TEXT.blockDevice : CLI_TEXT.special;
  return msg(CLI_TEXT.notRegular, { path, kind });
}

export type DirEntry = Dirent;

/** A directory's entries in a stable order (by name). */
export function listDir(dir: string): { ok: true; entries: DirEntry[] } | Failure {
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { ok: true, entries };
  } catch (e) {
    return { ok: false, problem: msg(CLI_TEXT.unreadableDir, { path: dir, reason: reason(e) }) };
  }
}

const scratch = Buffer.alloc(1 << 16);
/** Reused for every report read when the caller is done with the bytes before the next read. */
let reportBuffer = Buffer.alloc(0);
/** A report larger than this gets a buffer of its own, so that a huge one is not kept for the run. */
const REUSED_MAX = 4 << 20;

/**
 * A regular file's bytes, at most `limitMb` MB. Opened non-blocking, so a FIFO put in its place since
 * it was looked at cannot hang the batch; its kind and size are checked on the open file before a
 * byte is read, and no more than the limit plus one byte is read (a file that grows, /proc).
 * `transient`: the bytes are a view of a buffer reused by the next transient read (a batch decodes
 * each file before reading the next: one allocation, not one per file waiting for a collection).
 */
export function readBounded(path: string, limitMb: number, transient = false): { ok: true; bytes: Buffer } | Failure {
  const limit = Math.floor(limitMb * 1024 * 1024);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, problem: statProblem(path, e) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, problem: notRegular(path, st) };
    if (st.size > limit) return { ok: false, problem: tooLarge(path, st.size, limitMb) };
    // The stated size plus one byte in one read; what comes after (a file that grew, /proc) through a
    // scratch buffer, copied only when there is something. A file that gave exactly its stated size, asked
    // for one byte more, was whole then: no read is made to be told so (a batch makes one a file less).
    const first = readBuffer(Math.min(st.size, limit) + 1, transient);
    let total = readSync(fd, first, 0, first.length, null);
    const chunks = [first.subarray(0, total)];
    const whole = st.size > 0 && total === st.size;
    for (let n = whole ? 0 : total; n > 0 && total <= limit; total += n) {
      n = readSync(fd, scratch, 0, Math.min(scratch.length, limit + 1 - total), null);
      if (n > 0) chunks.push(Buffer.from(scratch.subarray(0, n)));
    }
    if (total > limit) return { ok: false, problem: msg(CLI_TEXT.tooLargeRead, { path, limit: limitMb }) };
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, problem: msg(CLI_TEXT.unreadable, { path, reason: reason(e) }) };
  } finally {
    closeSync(fd);
  }
}

function readBuffer(size: number, transient: boolean): Buffer {
  if (!transient || size > REUSED_MAX) return Buffer.allocUnsafe(size);
  if (reportBuffer.length < size) reportBuffer = Buffer.allocUnsafe(Math.min(REUSED_MAX, Math.max(size, reportBuffer.length * 2, 1 << 16)));
  return reportBuffer.subarray(0, size);
}

function tooLarge(path: string, bytes: number, limitMb: number): Message {
  // Rounded up, so a file just above the limit never reads as equal to it.
  return msg(CLI_TEXT.tooLarge, { path, size: (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1), limit: limitMb });
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: Message };

/**
 * A report's bytes as an editor shows them: UTF-8 (BOM dropped), or GB18030 — the encoding many
 * Chinese Windows tools still save text in — when the bytes are not UTF-8. A binary file is refused.
 */
export function decodeReport(bytes: Uint8Array, path = ''): ReadResult {
  if (looksBinary(bytes)) return { ok: false, message: msg(CLI_TEXT.binary, { path }) };
  return { ok: true, text: decodeText(bytes, nodeUtf8) };
}

/**
 * UTF-8 as Node decodes it fastest: simdutf's check (`isUtf8`, nearly free), then ICU's transcoding to
 * UTF-16, which V8 takes as it is. On Chinese reports this takes about a quarter less time than
 * TextDecoder's strict mode, the same text (a test compares them). A Node without ICU has no `transcode`.
 */
function nodeUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return strictUtf8(bytes);
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  // Zip containers (.docx) and PDF start with these signatures.
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46);
}

function errorCode(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}

function reason(e: unknown): Text {
  const code = errorCode(e);
  if (code === 'EACCES' || code === 'EPERM') return CLI_TEXT.permissionDenied;
  const what = code ?? (e instanceof Error ? e.message : String(e));
  return { zh: CLI_TEXT.readFailed.zh.replace('{code}', what), en: CLI_TEXT.readFailed.en.replace('{code}', what) };
}
