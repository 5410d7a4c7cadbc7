import * as vscode from 'vscode';
import { render, type Lang, type Text } from '../../server/src/core';
import { looksLikeReport } from '../../server/src/core/service/detect';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../../server/src/core/limits';
import { importKind } from '../../server/src/cli/importKind';
import { loadImporters } from '../../server/src/cli/loadImporters';
import { CLIENT_TEXT, noLinks } from './text';

const LANGUAGE_ID = 'nianbao';
const RECEIVED = /\.(docx|pdf)$/i;
const IMPORTABLE = /\.(docx|pdf|html?)$/i;

/**
 * 年报：导入报告 — a received .docx, .pdf or saved web page opened as a new, unsaved report text in the
 * canonical layout (the user saves it where they like: the extension writes no file); and, when a .docx
 * or .pdf that reads as a report is opened, an offer to import it (once per file and session).
 */
export class ReportImporter implements vscode.Disposable {
  private readonly offered = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly lang: Lang) {
    this.subscriptions.push(vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.opened) this.offerFor(tab);
    }));
    // The extension may be activated after the file was opened (activation on a workspace holding a .docx
    // starts while the window restores its tabs): the files shown at that moment are offered too.
    for (const group of vscode.window.tabGroups.all) if (group.activeTab) this.offerFor(group.activeTab);
  }

  private offerFor(tab: vscode.Tab): void {
    const uri = tabUri(tab);
    if (uri) void this.offer(uri);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private t(text: Text, args: Record<string, string | number> = {}): string {
    return render({ template: text, args }, this.lang);
  }

  /** The command: the file given (explorer), the active tab's, or one picked. */
  async run(given?: unknown): Promise<void> {
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    const shown = active && tabUri(active);
    const uri = (given instanceof vscode.Uri ? given : undefined) ?? (shown && IMPORTABLE.test(shown.path) ? shown : undefined) ?? (await this.pick());
    if (!uri) return;
    const text = await this.importText(uri, true);
    if (text !== null) await this.open(text);
  }

  private async pick(): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      title: this.t(CLIENT_TEXT.importPick),
      filters: { [this.t(CLIENT_TEXT.importFilter)]: ['docx', 'pdf', 'html', 'htm'] },
    });
    return picked?.[0];
  }

  /** The imported text, or null (said when `loud`, as a warning; an offer stays silent). */
  private async importText(uri: vscode.Uri, loud: boolean): Promise<string | null> {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const fail = (message: string) => {
      if (loud) void vscode.window.showWarningMessage(noLinks(message));
      return null;
    };
    const limit = vscode.workspace.getConfiguration('nianbao', uri).get<number>('maxFileSize') ?? DEFAULT_MAX_FILE_SIZE_MB;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > limit * 1024 * 1024) return fail(this.t(CLIENT_TEXT.importTooLarge, { file: name, limit }));
      const bytes = await vscode.workspace.fs.readFile(uri);
      const kind = importKind(name, bytes);
      if (!kind) return fail(this.t(CLIENT_TEXT.importKind, { file: name }));
      const result = await (await loadImporters()).importReport(name, bytes, kind, limit);
      return result.ok ? result.text : fail(render(result.problem, this.lang));
    } catch (e) {
      return fail(this.t(CLIENT_TEXT.unreadable, { file: name, reason: e instanceof Error ? e.message : String(e) }));
    }
  }

  private async offer(uri: vscode.Uri): Promise<void> {
    if (!RECEIVED.test(uri.path) || this.offered.has(uri.toString())) return;
    if (vscode.workspace.getConfiguration('nianbao', uri).get<string>('detectReports') === 'off') return;
    this.offered.add(uri.toString());
    const text = await this.importText(uri, false);
    if (text === null || !looksLikeReport(text)) return;
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const action = this.t(CLIENT_TEXT.importAction);
    const choice = await vscode.window.showInformationMessage(noLinks(this.t(CLIENT_TEXT.importOffer, { file: name })), action);
    if (choice === action) await this.open(text);
  }

  private async open(content: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
    await vscode.window.showTextDocument(doc);
  }
}

/** The file a tab shows, whatever editor shows it (a binary file's, a custom editor's such as a PDF viewer). */
function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return undefined;
}
