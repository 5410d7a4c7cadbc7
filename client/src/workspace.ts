import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageclient';
import { render, type Lang, type Text } from '../../server/src/core';
import { looksLikeReport } from '../../server/src/core/service/detect';
import { decodeText } from '../../server/src/core/text/decode';
import { CLIENT_TEXT, noLinks } from './text';
import { countShown, isCandidate, isSkippedPath, type Shown } from './workspaceScope';

/** The report files of a workspace (the CLI's walk takes the same extensions). */
export const REPORT_GLOB = '**/*.{nianbao,txt,md,html,htm}';
export const MAX_FILES = 10000;
/** A file edited or changed on disk is checked again this long after the last change. */
const RECHECK_DELAY_MS = 400;

/**
 * "Check all reports in the workspace". Every candidate file is read (open ones as they are in their editor)
 * and checked by the server; the results stay true afterwards:
 * - a report open in the report language is shown by the server's live diagnostics, never twice: its
 *   workspace result is dropped while it is open, and comes back (checked from disk) when it closes;
 * - a result follows its file: edited in an editor or changed on disk, the file is checked again; deleted,
 *   its result goes; created, it is checked if it reads as a report;
 * - a file opened from a result (a click in the Problems panel) opens in the report language;
 * - the summary counts exactly what the Problems panel shows for these files.
 */
export class WorkspaceChecker implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nianbao-workspace');
  /** The reports found by the last run (kept up to date since) and their diagnostics, by URI. */
  private readonly reports = new Map<string, readonly vscode.Diagnostic[]>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private active = false;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly client: LanguageClient, private readonly lang: Lang, private readonly languageId: string) {
    const watcher = vscode.workspace.createFileSystemWatcher(REPORT_GLOB);
    this.disposables = [
      watcher,
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.edited(e.document)),
    ];
  }

  private t(text: Text, args: Record<string, string | number> = {}): string {
    return render({ template: text, args }, this.lang);
  }

  async run(): Promise<Shown> {
    this.collection.clear();
    this.reports.clear();
    this.active = true;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: this.t(CLIENT_TEXT.scanning), cancellable: true },
      async (progress, token) => {
        // `undefined` as exclude: the user's files.exclude applies; build and dependency folders are left out here.
        const uris = (await vscode.workspace.findFiles(REPORT_GLOB, undefined, MAX_FILES, token)).filter((u) => !isSkippedPath(u.path));
        for (const [i, uri] of uris.entries()) {
          if (token.isCancellationRequested) break;
          progress.report({ increment: 100 / uris.length, message: `${i + 1}/${uris.length}` });
          await this.checkFile(uri, true);
        }
      },
    );
    const shown = this.shown();
    if (shown.files === 0) void vscode.window.showInformationMessage(this.t(CLIENT_TEXT.scanNone));
    else {
      void vscode.window.showInformationMessage(this.t(CLIENT_TEXT.scanDone, { ...shown }));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }
    return shown;
  }

  /**
   * What the Problems panel shows for the reports of the workspace: this check's results, and for a report
   * open in the report language the same server's check of its text as it is in the editor (what its live
   * diagnostics show).
   */
  shown(): Shown {
    return countShown([...this.reports.values()]);
  }

  /**
   * Checks one file: its editor's text when it is open, else the file on disk. `found`: during a run,
   * a file is a candidate only when it reads as a report; afterwards, a known report stays one.
   */
  private async checkFile(uri: vscode.Uri, found = false): Promise<void> {
    const key = uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    let text: string;
    try {
      text = doc ? doc.getText() : decodeText(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      if (found) void vscode.window.showWarningMessage(this.t(CLIENT_TEXT.unreadable, { file: noLinks(vscode.workspace.asRelativePath(uri)), reason: noLinks(String(e)) }));
      return this.forget(uri);
    }
    if (!isCandidate(uri.path, text, looksLikeReport, doc?.languageId === this.languageId)) return this.forget(uri);
    const r = await this.client.sendRequest<{ diagnostics: LspDiagnostic[]; ignored?: true }>('nianbao/checkText', { uri: key, text });
    if (r.ignored) return this.forget(uri); // the project configuration leaves it out
    const diagnostics = await this.client.protocol2CodeConverter.asDiagnostics(r.diagnostics);
    this.reports.set(key, diagnostics);
    // Open in the report language: the server's live diagnostics show it (a second set would double every problem).
    if (this.liveDocument(uri)) this.collection.delete(uri);
    else this.collection.set(uri, diagnostics);
  }

  private liveDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === this.languageId && !d.isClosed);
  }

  private schedule(uri: vscode.Uri): void {
    if (!this.active || uri.scheme !== 'file' || isSkippedPath(uri.path)) return;
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      void this.checkFile(uri).catch(() => undefined);
    }, RECHECK_DELAY_MS));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.reports.delete(key);
    this.collection.delete(uri);
  }

  private opened(doc: vscode.TextDocument): void {
    if (!this.reports.has(doc.uri.toString())) return;
    if (doc.languageId === this.languageId) this.collection.delete(doc.uri);
    // Opened from a result (or any other way): a known report opens as one.
    else void vscode.languages.setTextDocumentLanguage(doc, this.languageId).then(undefined, () => undefined);
  }

  /** Closed (or its tab replaced): the live diagnostics go, so the file's result comes back, from disk. */
  private closed(doc: vscode.TextDocument): void {
    if (this.reports.has(doc.uri.toString())) this.schedule(doc.uri);
  }

  /** Edited in an editor that is not the report language's: its result follows the text. */
  private edited(doc: vscode.TextDocument): void {
    if (this.reports.has(doc.uri.toString()) && doc.languageId !== this.languageId) this.schedule(doc.uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.collection.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
