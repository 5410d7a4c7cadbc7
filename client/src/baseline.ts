import * as vscode from 'vscode';
import { render, type Lang, type Text } from '../../server/src/core';
import { BASELINE_FILE, parseBaseline, serializeBaseline, withAccepted, type BaselineEntry } from '../../server/src/core/baseline';
import { decodeText } from '../../server/src/core/text/decode';
import { CLIENT_TEXT, noLinks } from './text';
import { watchFile } from './watchFile';

/** What the server gets with a document's settings: its workspace folder's baseline file and its text. */
export interface BaselineText {
  uri: string;
  text: string;
}

/** A baseline of a whole province's folder stays well under this; more is not one. */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * `.nianbao-baseline.json` at the root of each workspace folder (where `nianbao check` run in that folder
 * finds it): read through `workspace.fs` and passed to the server with the settings (the server reads no
 * file); 标记为已核实 adds a finding to it. A change to the file makes the open reports be checked again.
 */
export class Baselines implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<BaselineText | null>>();
  private readonly watcher: vscode.Disposable;
  private readonly warned = new Set<string>();

  constructor(private readonly lang: Lang, onChange: () => void) {
    this.watcher = watchFile(BASELINE_FILE, () => {
      this.byFolder.clear();
      onChange();
    });
  }

  private t(text: Text, args: Record<string, string | number> = {}): string {
    return render({ template: text, args }, this.lang);
  }

  /** The baseline of a document's workspace folder, or null (none, or a document outside every folder). */
  forDocument(uri: vscode.Uri): Promise<BaselineText | null> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return Promise.resolve(null);
    const key = folder.uri.toString();
    let found = this.byFolder.get(key);
    if (!found) this.byFolder.set(key, (found = this.read(vscode.Uri.joinPath(folder.uri, BASELINE_FILE))));
    return found;
  }

  private async read(uri: vscode.Uri): Promise<BaselineText | null> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return null;
      if (stat.size > MAX_BYTES) return this.warn(uri, CLIENT_TEXT.baselineTooLarge), null;
      const text = decodeText(await vscode.workspace.fs.readFile(uri));
      const parsed = parseBaseline(text);
      if (!parsed.ok) this.warn(uri, CLIENT_TEXT.baselineBroken, noLinks(parsed.reason));
      return { uri: uri.toString(), text };
    } catch {
      return null;
    }
  }

  /** 标记为已核实: the finding's entry added to the baseline of the document's workspace folder. */
  async accept(args: unknown): Promise<void> {
    const given = args as { uri?: unknown; entry?: Partial<BaselineEntry> } | undefined;
    const entry = given?.entry;
    if (typeof given?.uri !== 'string' || !entry || typeof entry.rule !== 'string' || typeof entry.subject !== 'string' || typeof entry.fingerprint !== 'string') return;
    const doc = vscode.Uri.parse(given.uri);
    const folder = vscode.workspace.getWorkspaceFolder(doc);
    if (!folder) {
      void vscode.window.showWarningMessage(this.t(CLIENT_TEXT.baselineNoFolder));
      return;
    }
    const file = vscode.Uri.joinPath(folder.uri, BASELINE_FILE);
    let text = '';
    try {
      text = decodeText(await vscode.workspace.fs.readFile(file));
    } catch {
      // None yet: this is the first accepted finding.
    }
    const parsed = text ? parseBaseline(text) : { ok: true as const, baseline: new Map() };
    if (!parsed.ok) {
      // Writing over a file that cannot be read would lose what it holds.
      void vscode.window.showErrorMessage(this.t(CLIENT_TEXT.baselineBroken, { file: this.name(file), reason: noLinks(parsed.reason) }));
      return;
    }
    const path = vscode.workspace.asRelativePath(doc, false).split('\\').join('/');
    const next = withAccepted(parsed.baseline, path, { rule: entry.rule, subject: entry.subject, fingerprint: entry.fingerprint, ...(typeof entry.message === 'string' ? { message: entry.message } : {}) });
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(serializeBaseline(next)));
    // The watcher makes the server check again; a folder the watcher does not see is told here too.
    this.byFolder.delete(folder.uri.toString());
    vscode.window.setStatusBarMessage(this.t(CLIENT_TEXT.baselineAccepted, { file: this.name(file) }), 4000);
  }

  private warn(uri: vscode.Uri, text: Text, reason = ''): void {
    if (this.warned.has(uri.toString())) return;
    this.warned.add(uri.toString());
    void vscode.window.showWarningMessage(this.t(text, { file: this.name(uri), reason }));
  }

  private name(uri: vscode.Uri): string {
    return noLinks(vscode.workspace.asRelativePath(uri));
  }

  dispose(): void {
    this.watcher.dispose();
  }
}

/** A settings answer with the document's baseline added (`baseline`), as the server reads it. */
export function withBaseline(settings: unknown, baseline: BaselineText | null): unknown {
  if (!baseline || !settings || typeof settings !== 'object') return settings;
  return { ...(settings as object), baseline };
}
