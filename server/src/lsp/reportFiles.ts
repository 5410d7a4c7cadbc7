import { open } from 'node:fs/promises';
import { constants, realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { readIdentity, type ReportIdentity } from '../core';
import { decodeText } from '../core/text/decode';
import { ProjectConfigs } from '../cli/config';
import { probe } from '../cli/files';
import { walk } from '../cli/walk';

// The report files of the workspace folders, as the CLI walks a folder (cli/walk.ts: report
// extensions, .gitignore, no node_modules) and leaves out what a `.nianbao.jsonc` ignores
// (cli/config.ts). Only regular files whose real path lies inside a workspace folder are read.

/** Files filed at most: beyond, a folder is not a region's reports and the scan stops. */
export const MAX_SCANNED_FILES = 10_000;
/** A report's identity is read from its first bytes (title, issuer and year are at its top). */
export const IDENTITY_PREFIX_BYTES = 64 * 1024;
/** The scan gives the event loop back after this many milliseconds of work. */
const SLICE_MS = 8;

export interface ScannedReport {
  path: string;
  identity: ReportIdentity | null;
}

/** Is a real path inside one of the folders (real paths too)? */
export function inside(folders: readonly string[], path: string): boolean {
  return folders.some((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
}

export function realPath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/**
 * Walks the folders in slices, yielding to other work between them, and gives each report file
 * found with its identity (read from its first bytes). Stops at `MAX_SCANNED_FILES` files or when
 * `cancelled()` says so; returns whether it walked everything.
 */
export async function scanFolders(
  folders: readonly string[], maxFileSizeMb: number, onReport: (r: ScannedReport) => void, cancelled: () => boolean,
): Promise<{ complete: boolean; files: number }> {
  const roots = folders.map(realPath).filter((p): p is string => p !== null);
  // Walked as the client names them (file events use those paths), checked by real path.
  const configs = new ProjectConfigs('zh-CN', () => undefined); // its problems are the client's to show
  const walked = new Set<string>();
  let files = 0;
  let slice = performance.now();
  for (const root of folders) {
    const p = probe(root);
    if (!p.ok || p.kind !== 'directory') continue;
    for (const item of walk(root, p.key, walked)) {
      if (cancelled()) return { complete: false, files };
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        slice = performance.now();
      }
      if (!('file' in item)) continue;
      const real = realPath(item.file);
      if (!real || !inside(roots, real) || configs.ignoring(item.file)) continue;
      if (++files > MAX_SCANNED_FILES) return { complete: false, files: files - 1 };
      onReport({ path: item.file, identity: await identityOfFile(item.file, maxFileSizeMb) });
    }
  }
  return { complete: true, files };
}

/** A file's identity from its first bytes; null when it cannot be read, is over the size limit or is no report. */
export async function identityOfFile(path: string, maxFileSizeMb: number): Promise<ReportIdentity | null> {
  const bytes = await readPrefix(path, IDENTITY_PREFIX_BYTES, maxFileSizeMb * 1024 * 1024);
  return bytes ? identityOfText(decodeText(bytes)) : null;
}

/** The identity of a text from its start (an open document's, as a file's is read). */
export function identityOfText(text: string): ReportIdentity | null {
  const prefix = text.length > IDENTITY_PREFIX_BYTES ? text.slice(0, text.lastIndexOf('\n', IDENTITY_PREFIX_BYTES) + 1 || IDENTITY_PREFIX_BYTES) : text;
  return readIdentity(prefix);
}

/** A regular file's first `limit` bytes, cut after its last whole line; null for a binary file or one over `maxBytes`. */
async function readPrefix(path: string, limit: number, maxBytes: number): Promise<Uint8Array | null> {
  let handle;
  try {
    // Non-blocking: a FIFO with a report's name cannot hold the scan; only a regular file is read.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = await handle.stat();
    if (!st.isFile() || st.size > maxBytes) return null;
    const buffer = Buffer.alloc(Math.min(limit, st.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.includes(0)) return null; // binary
    const cut = bytesRead === st.size ? bytesRead : bytes.lastIndexOf(0x0a) + 1;
    return bytes.subarray(0, cut > 0 ? cut : bytesRead);
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
