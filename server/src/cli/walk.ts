import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { boundedPattern } from '../core/config';
import { msg, type Message } from '../core/l10n/text';
import { decodeText } from '../core/text/decode';
import { CLI_TEXT } from './messages';
import { listDir, probe, readBounded, type DirEntry } from './files';

/** A report file found under a directory, or a problem met on the way. */
export type WalkItem = { file: string } | { path: string; problem: Message };

const EXTENSIONS = /\.(txt|md|html?|nianbao)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist']);
/** Documentation beside the reports in a folder is not a report (a file named on the command line always is). */
const SKIP_FILES = /^(readme|changelog|license|licence)(\..*)?$/i;

export function isReportFile(name: string): boolean {
  return EXTENSIONS.test(name) && !SKIP_FILES.test(name);
}

/** Received Word and PDF files: `check` imports them in memory before checking (by name; their signature decides: importers.ts). */
export const IMPORTED = /\.(docx|pdf)$/i;

/** What `check DIR` walks to: the text reports, and the Word and PDF files it imports. */
export function isCheckedFile(name: string): boolean {
  return isReportFile(name) || (IMPORTED.test(name) && !SKIP_FILES.test(name));
}

/** The text reports `nianbao import` writes, or a reviewer keeps, beside a received file of the same name. */
const TEXT_BESIDE = ['.md', '.txt', '.html', '.htm', '.nianbao'];

/**
 * A text report beside a Word or PDF file, named as it is ('r.md' beside 'r.docx': what `nianbao import`
 * writes): the same report, which a folder's check takes instead of importing the file again.
 */
export function textBeside(file: string, exists: (path: string) => boolean): string | null {
  const stem = file.replace(IMPORTED, '');
  return TEXT_BESIDE.map((ext) => stem + ext).find(exists) ?? null;
}

interface Frame {
  dir: string;
  key: string;
  entries: DirEntry[];
  next: number;
  /** The .gitignore files of this directory and the walked ones above it. */
  gitignores: GitIgnore[];
}

interface GitIgnore {
  dir: string;
  rules: Ignore;
}

/** A directory's .gitignore, if it has one: its patterns apply to everything below it. */
function readGitignore(dir: string, entries: DirEntry[]): GitIgnore | { path: string; problem: Message } | null {
  if (!entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) return null;
  const path = join(dir, '.gitignore');
  const read = readBounded(path, 1);
  if (!read.ok) return { path, problem: read.problem };
  // Patterns whose matching could take seconds on a deep path are skipped (core/config.ts).
  const patterns = decodeText(read.bytes).split(/\r?\n/).filter((p) => boundedPattern(p));
  return { dir, rules: ignore().add(patterns) };
}

function gitIgnored(gitignores: GitIgnore[], path: string, isDir: boolean): boolean {
  return gitignores.some((g) => {
    const rel = relative(g.dir, path).split(sep).join('/');
    return g.rules.ignores(isDir ? `${rel}/` : rel);
  });
}

/**
 * The report files under `root`, depth first in name order, without recursion (a folder of any
 * size or depth). Symbolic links are followed: to a file, it is a report like any other; to a
 * directory, it is walked unless already walked (`walked`, by device and inode, shared by the whole
 * run); a link back to a directory that contains it is a loop, said once and not entered.
 * Special files with a report's name are given too: reading them says what they are. What the
 * .gitignore files of the walked directories ignore is not walked. `isReportName`: the files it gives
 * (`nianbao import` walks for received Word, PDF and web files).
 */
export function* walk(root: string, rootKey: string, walked: Set<string>, isReportName: (name: string) => boolean = isReportFile): Generator<WalkItem> {
  const stack: Frame[] = [];
  const open = new Set<string>();
  const enter = (dir: string, key: string, above: GitIgnore[]): WalkItem | null => {
    walked.add(key);
    const listed = listDir(dir);
    if (!listed.ok) return { path: dir, problem: listed.problem };
    const own = readGitignore(dir, listed.entries);
    stack.push({ dir, key, entries: listed.entries, next: 0, gitignores: own && 'rules' in own ? [...above, own] : above });
    open.add(key);
    return own && 'problem' in own ? own : null;
  };
  const first = enter(root, rootKey, []);
  if (first) yield first;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next === top.entries.length) {
      stack.pop();
      open.delete(top.key);
      continue;
    }
    const e = top.entries[top.next++];
    const path = join(top.dir, e.name);
    if (!e.isDirectory() && !e.isSymbolicLink()) {
      if (isReportName(e.name) && !gitIgnored(top.gitignores, path, false)) yield { file: path };
      continue;
    }
    if (top.gitignores.length > 0 && gitIgnored(top.gitignores, path, e.isDirectory())) continue;
    const p = probe(path);
    if (!p.ok) {
      // A link to nothing that is not named as a report is not a report; a loop is always said.
      if (isReportName(e.name) || p.problem.template === CLI_TEXT.linkLoop) yield { path, problem: p.problem };
    } else if (p.kind === 'file') {
      if (isReportName(e.name)) yield { file: path };
    } else if (SKIP_DIRS.has(e.name) || (walked.has(p.key) && !open.has(p.key)) || (e.isSymbolicLink() && gitIgnored(top.gitignores, path, true))) {
      continue;
    } else if (open.has(p.key)) {
      yield { path, problem: msg(CLI_TEXT.dirLoop, { path }) };
    } else {
      const failed = enter(path, p.key, top.gitignores);
      if (failed) yield failed;
    }
  }
}
