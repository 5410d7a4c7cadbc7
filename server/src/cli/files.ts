import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Text } from '../core';
import { CLI_TEXT } from './messages';
import { decodeText } from '../core/text/decode';

export interface InputFile {
  /** The path as the user gave it (or found under a directory they gave). */
  display: string;
  path: string | null;
}

const EXTENSIONS = /\.(txt|md|html?|nianbao)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist']);
/** Documentation beside the reports in a folder is not a report (a file named on the command line always is). */
const SKIP_FILES = /^(readme|changelog|license|licence)(\..*)?$/i;

export function collectFiles(paths: string[]): { files: InputFile[]; problems: { path: string; message: Text }[] } {
  const files: InputFile[] = [];
  const problems: { path: string; message: Text }[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push({ display: '-', path: null });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push({ path: p, message: CLI_TEXT.notFound });
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(p);
      if (found.length === 0) problems.push({ path: p, message: CLI_TEXT.emptyDir });
      files.push(...found.map((f) => ({ display: f, path: f })));
    } else {
      files.push({ display: p, path: p });
    }
  }
  return { files, problems };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...walk(full));
    } else if (e.isFile() && EXTENSIONS.test(e.name) && !SKIP_FILES.test(e.name)) {
      out.push(full);
    }
  }
  return out;
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: Text };

/**
 * Reads a report as an editor would show it: UTF-8 (BOM dropped), or GB18030 —
 * the encoding many Chinese Windows tools still save text in — when the bytes are not UTF-8.
 */
export async function readReportFile(f: InputFile, readStdin: () => Promise<Buffer>): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = f.path === null ? await readStdin() : readFileSync(f.path);
  } catch (e) {
    return { ok: false, message: { zh: CLI_TEXT.unreadable.zh.replace('{reason}', errorReason(e, 'zh')), en: CLI_TEXT.unreadable.en.replace('{reason}', errorReason(e, 'en')) } };
  }
  return decodeReport(bytes);
}

export function decodeReport(bytes: Uint8Array): ReadResult {
  if (looksBinary(bytes)) return { ok: false, message: CLI_TEXT.binary };
  return { ok: true, text: decodeText(bytes) };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  // Zip containers (.docx) and PDF start with these signatures.
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46);
}

function errorReason(e: unknown, lang: 'zh' | 'en'): string {
  const code = (e as { code?: string })?.code;
  if (code === 'EACCES' || code === 'EPERM') return lang === 'zh' ? '没有读取权限' : 'permission denied';
  if (code === 'EISDIR') return lang === 'zh' ? '这是一个目录' : 'it is a directory';
  return lang === 'zh' ? `读取失败(${code ?? '未知原因'})` : `read failed (${code ?? 'unknown'})`;
}
