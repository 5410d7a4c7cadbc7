import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename } from 'node:path';
import { ReportIndex, type ReportIdentity } from '../core';
import { ProjectConfigs } from '../cli/config';
import { decodeReport, readBounded } from '../cli/files';
import { isReportFile } from '../cli/walk';
import { identityOfFile, inside, realPath, scanFolders } from './reportFiles';


/** A workspace/didChangeWatchedFiles change type (LSP FileChangeType). */
export type FileChange = 1 | 2 | 3;
const DELETED = 3;

/**
 * The server's workspace for the cross-report rules: the report files of the workspace folders and
 * the open documents, filed by issuing body and year in a `ReportIndex`. An open document's text wins
 * over its file on disk. The folders are scanned in the background (reportFiles.ts); a file is read
 * whole only when a rule asks for its model, and only when it was found in a folder.
 */
export class WorkspaceReports {
  readonly index: ReportIndex;
  /** Report files on disk, by path: the URI they are filed under. */
  private readonly onDisk = new Map<string, string>();
  /** Open documents, by path (or URI when not a file): their URI. */
  private readonly opened = new Map<string, string>();
  private folders: string[] = [];
  private stopped = false;
  /** Set when the scan of the folders has ended. */
  scanned = false;

  constructor(private readonly openText: (uri: string) => string | null, private readonly maxFileSizeMb: () => number) {
    this.index = new ReportIndex({ reports: () => [], read: (uri) => this.read(uri) });
  }

  /** Scans the folders (file: URIs; others are virtual and left out); `done` once it has ended. */
  async scan(folderUris: readonly string[], log: (line: string) => void): Promise<void> {
    const paths = folderUris.map(pathOf).filter((p): p is string => p !== null);
    this.folders = paths.map(realPath).filter((p): p is string => p !== null);
    if (paths.length > 0) await this.scanInto(paths, 'workspace scanned', log);
    this.scanned = true;
  }

  /** Files the report files of the folders (walked in slices), and logs how many and how long. */
  private async scanInto(paths: readonly string[], what: string, log: (line: string) => void): Promise<void> {
    const t0 = performance.now();
    const r = await scanFolders(paths, this.maxFileSizeMb(), ({ path, identity }) => this.fileOnDisk(path, identity), () => this.stopped);
    log(`${what}: ${r.files} report file(s) in ${Math.round(performance.now() - t0)} ms${r.complete ? '' : ' (stopped at the limit)'}`);
  }

  /**
   * Folders added to or removed from the workspace during the session (workspace/didChangeWorkspaceFolders):
   * a removed folder's files leave the index (an open document stays, by its text), an added one is scanned.
   */
  async changeFolders(added: readonly string[], removed: readonly string[], log: (line: string) => void): Promise<void> {
    const gone = removed.map(pathOf).filter((p): p is string => p !== null).map((p) => realPath(p) ?? p);
    this.folders = this.folders.filter((f) => !gone.includes(f));
    for (const [path, uri] of [...this.onDisk]) {
      const real = realPath(path) ?? path;
      if (!inside(gone, real) || inside(this.folders, real)) continue;
      this.onDisk.delete(path);
      if (!this.opened.has(path)) this.index.file(uri, null);
    }
    const paths = added.map(pathOf).filter((p): p is string => p !== null);
    this.folders.push(...paths.map(realPath).filter((p): p is string => p !== null && !this.folders.includes(p)));
    if (paths.length > 0) await this.scanInto(paths, 'workspace folder(s) added, scanned', log);
  }

  stop(): void {
    this.stopped = true;
  }

  /** A document was opened or its text changed: filed by its identity (`identityOfText` of its text). */
  openedOrChanged(uri: string, identity: ReportIdentity | null): void {
    const key = keyOf(uri);
    const disk = this.onDisk.get(key);
    if (disk !== undefined && disk !== uri) this.index.file(disk, null);
    this.opened.set(key, uri);
    this.index.file(uri, identity);
  }

  /** A document was closed: its file on disk (if it is one of the folders') is filed again. */
  async closed(uri: string): Promise<void> {
    const key = keyOf(uri);
    this.opened.delete(key);
    this.index.file(uri, null);
    if (this.onDisk.has(key)) await this.refile(key);
  }

  /** A report file was created, changed or deleted on disk (workspace/didChangeWatchedFiles). Returns whether it is one of the workspace's. */
  async fileChanged(uri: string, type: FileChange): Promise<boolean> {
    const path = pathOf(uri);
    if (path === null || !isReportFile(basename(path))) return false;
    if (type === DELETED) {
      const was = this.onDisk.get(path);
      if (was === undefined) return false;
      this.onDisk.delete(path);
      if (!this.opened.has(path)) this.index.file(was, null);
      return true;
    }
    const real = realPath(path);
    if (!real || !inside(this.folders, real) || this.ignored(path)) return false;
    if (!this.onDisk.has(path)) this.onDisk.set(path, pathToFileURL(path).href);
    await this.refile(path);
    return true;
  }

  private async refile(path: string): Promise<void> {
    const identity = await identityOfFile(path, this.maxFileSizeMb());
    // Opened meanwhile: the document's text wins.
    if (!this.opened.has(path) && this.onDisk.has(path)) this.index.file(this.onDisk.get(path)!, identity);
  }

  private fileOnDisk(path: string, identity: ReportIdentity | null): void {
    const uri = pathToFileURL(path).href;
    this.onDisk.set(path, uri);
    if (!this.opened.has(path)) this.index.file(uri, identity);
  }

  /** What `.nianbao.jsonc` leaves out (read again each time: a changed configuration counts at once). */
  private ignored(path: string): boolean {
    return new ProjectConfigs('zh-CN', () => undefined).ignoring(path) !== null;
  }

  /** A filed report's text: the open document's, else its file's (only a file the scan or a file event found). */
  private read(uri: string): string | null {
    const open = this.openText(uri);
    if (open !== null) return open;
    const path = pathOf(uri);
    if (path === null || this.onDisk.get(path) !== uri) return null;
    const bytes = readBounded(path, this.maxFileSizeMb());
    const decoded = bytes.ok ? decodeReport(bytes.bytes, path) : null;
    return decoded?.ok ? decoded.text : null;
  }
}

/** One key for a file whatever its URI's spelling (VS Code and Node encode some characters differently). */
function keyOf(uri: string): string {
  return pathOf(uri) ?? uri;
}

/** A file: URI's path; null for another scheme (a virtual folder's: not scanned) or a URI Node cannot map. */
function pathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
