import * as vscode from 'vscode';
import { render, type Lang, type Text } from '../../server/src/core';
import { parseProjectConfig, PROJECT_CONFIG_FILE } from '../../server/src/core/config';
import { LineIndex } from '../../server/src/core/text/positions';
import { decodeText } from '../../server/src/core/text/decode';
import { CLIENT_TEXT, noLinks } from './text';
import { watchFile } from './watchFile';

/** What the server gets with a document's settings: the nearest configuration file and its text. */
export interface ProjectFile {
  uri: string;
  text: string;
}

/** A configuration file is small; more than this is not one. */
const MAX_BYTES = 1024 * 1024;

/**
 * The nearest `.nianbao.jsonc` up the folder tree from each report, read through `workspace.fs`
 * (virtual workspaces too) and passed to the server with the settings: the server reads no file.
 * Its problems are shown once per content; a change to any such file in the workspace makes the
 * open reports be checked again.
 */
export class ProjectConfigs implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<ProjectFile | null>>();
  /** The text each file's problems were last shown for. */
  private readonly shown = new Map<string, string>();
  private readonly watcher: vscode.Disposable;

  constructor(private readonly lang: Lang, onChange: () => void) {
    this.watcher = watchFile(PROJECT_CONFIG_FILE, () => {
      this.byFolder.clear();
      onChange();
    });
  }

  private t(text: Text, args: Record<string, string | number> = {}): string {
    return render({ template: text, args }, this.lang);
  }

  /** The configuration for a document, or null (an untitled document has none). */
  forDocument(uri: vscode.Uri): Promise<ProjectFile | null> {
    if (uri.scheme === 'untitled') return Promise.resolve(null);
    return this.inFolder(vscode.Uri.joinPath(uri, '..'));
  }

  private inFolder(folder: vscode.Uri): Promise<ProjectFile | null> {
    const key = folder.toString();
    let found = this.byFolder.get(key);
    if (!found) {
      found = this.read(vscode.Uri.joinPath(folder, PROJECT_CONFIG_FILE)).then((file) => {
        if (file) return file;
        const parent = vscode.Uri.joinPath(folder, '..');
        return parent.path === folder.path ? null : this.inFolder(parent);
      });
      this.byFolder.set(key, found);
    }
    return found;
  }

  private async read(uri: vscode.Uri): Promise<ProjectFile | null> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return null;
    }
    if (stat.type & vscode.FileType.Directory) return null;
    if (stat.size > MAX_BYTES) {
      this.warnOnce(uri, '', this.t(CLIENT_TEXT.configTooLarge, { file: this.name(uri) }));
      return { uri: uri.toString(), text: '{}' };
    }
    let text: string;
    try {
      text = decodeText(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      this.warnOnce(uri, '', this.t(CLIENT_TEXT.unreadable, { file: this.name(uri), reason: noLinks(String(e)) }));
      return { uri: uri.toString(), text: '{}' }; // found, but says nothing: as in the CLI, no file above it applies
    }
    this.sayProblems(uri, text);
    return { uri: uri.toString(), text };
  }

  /** A broken file is said once per content, with where: what can be read of it still applies. */
  private sayProblems(uri: vscode.Uri, text: string): void {
    const { problems } = parseProjectConfig(text);
    if (problems.length === 0) {
      this.shown.delete(uri.toString());
      return;
    }
    const first = problems[0];
    const at = new LineIndex(text).positionAt(first.offset);
    const more = problems.length > 1 ? this.t(CLIENT_TEXT.configMore, { count: problems.length - 1 }) : '';
    const message = this.t(CLIENT_TEXT.configProblem, {
      file: this.name(uri), line: at.line + 1, col: at.character + 1, problem: noLinks(render(first.message, this.lang)), more,
    });
    this.warnOnce(uri, text, message, new vscode.Position(at.line, at.character));
  }

  private warnOnce(uri: vscode.Uri, text: string, message: string, at?: vscode.Position): void {
    if (this.shown.get(uri.toString()) === text) return;
    this.shown.set(uri.toString(), text);
    const open = this.t(CLIENT_TEXT.configOpen);
    void vscode.window.showWarningMessage(message, open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(uri, at ? { selection: new vscode.Range(at, at) } : {});
    });
  }

  private name(uri: vscode.Uri): string {
    return noLinks(vscode.workspace.asRelativePath(uri));
  }

  dispose(): void {
    this.watcher.dispose();
  }
}

/** A settings answer with the document's project configuration added (`project`), as the server reads it. */
export function withProject(settings: unknown, project: ProjectFile | null): unknown {
  if (!project || !settings || typeof settings !== 'object') return settings;
  return { ...(settings as object), project };
}
