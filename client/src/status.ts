import * as vscode from 'vscode';
import { render, type Lang } from '../../server/src/core';
import { CLIENT_TEXT } from './text';
import { statusView } from './statusView';

/**
 * A quiet status-bar item on a report (statusView.ts): its count of problems, or that its first check
 * is still running; a click opens the Problems panel.
 */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];
  /** Documents whose diagnostics the server has answered at least once (until they close). */
  private readonly checked = new Set<string>();

  constructor(private readonly lang: Lang, private readonly languageId: string) {
    this.item.name = render({ template: CLIENT_TEXT.serverName, args: {} }, lang);
    this.item.command = 'workbench.actions.view.problems';
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((d) => this.checked.delete(d.uri.toString())),
    ];
    this.update();
  }

  /** The server answered this document's diagnostics (called by the client's middleware). */
  answered(uri: vscode.Uri): void {
    this.checked.add(uri.toString());
    // The answer reaches the diagnostic collection after the middleware returns.
    setTimeout(() => this.update(), 0);
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== this.languageId) {
      this.item.hide();
      return;
    }
    let counts = null;
    if (this.checked.has(doc.uri.toString())) {
      const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'nianbao');
      const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      const warnings = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
      counts = { errors, warnings, others: ds.length - errors - warnings };
    }
    const view = statusView(counts, this.lang);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
