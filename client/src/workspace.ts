import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageclient';
import { render, type Lang, type Text } from '../../server/src/core';
import { looksLikeReport } from '../../server/src/core/service/detect';
import { decodeText } from '../../server/src/core/text/decode';
import { CLIENT_TEXT, noLinks } from './text';

const GLOB = '**/*.{nianbao,txt,md,html,htm}';
const EXCLUDE = '**/{node_modules,.git,dist,out,.vscode-test}/**';

/**
 * "Check all reports in the workspace": reads every candidate file (without opening editors),
 * asks the server to check its text, and lists the results in the Problems panel. A file opened
 * as a report is then covered by the server's live diagnostics instead.
 */
export class WorkspaceChecker implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nianbao-workspace');
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly client: LanguageClient, private readonly lang: Lang) {
    this.disposables = [
      vscode.workspace.onDidOpenTextDocument((d) => d.languageId === 'nianbao' && this.collection.delete(d.uri)),
    ];
  }

  private t(text: Text, args: Record<string, string | number> = {}): string {
    return render({ template: text, args }, this.lang);
  }

  async run(): Promise<{ files: number; errors: number; warnings: number }> {
    this.collection.clear();
    const totals = { files: 0, errors: 0, warnings: 0 };
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: this.t(CLIENT_TEXT.scanning), cancellable: true },
      async (progress, token) => {
        const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, 10000, token);
        for (const [i, uri] of uris.entries()) {
          if (token.isCancellationRequested) break;
          progress.report({ increment: 100 / uris.length, message: `${i + 1}/${uris.length}` });
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'nianbao');
          if (open) continue;
          let text: string;
          try {
            text = decodeText(await vscode.workspace.fs.readFile(uri));
          } catch (e) {
            void vscode.window.showWarningMessage(this.t(CLIENT_TEXT.unreadable, { file: noLinks(vscode.workspace.asRelativePath(uri)), reason: noLinks(String(e)) }));
            continue;
          }
          if (!uri.path.endsWith('.nianbao') && !looksLikeReport(text)) continue;
          const r = await this.client.sendRequest<{ diagnostics: LspDiagnostic[]; ignored?: true }>('nianbao/checkText', { uri: uri.toString(), text });
          if (r.ignored) continue; // the project configuration leaves it out
          const diagnostics = await this.client.protocol2CodeConverter.asDiagnostics(r.diagnostics);
          this.collection.set(uri, diagnostics);
          totals.files++;
          totals.errors += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
          totals.warnings += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
        }
      },
    );
    if (totals.files === 0) void vscode.window.showInformationMessage(this.t(CLIENT_TEXT.scanNone));
    else {
      void vscode.window.showInformationMessage(this.t(CLIENT_TEXT.scanDone, totals));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }
    return totals;
  }

  dispose(): void {
    this.collection.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
