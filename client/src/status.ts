import * as vscode from 'vscode';
import { render, type Lang } from '../../server/src/core';
import { CLIENT_TEXT } from './text';

/** A status-bar item on a report: its errors and warnings; a click opens the Problems panel. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly lang: Lang) {
    this.item.name = render({ template: CLIENT_TEXT.serverName, args: {} }, lang);
    this.item.command = 'workbench.actions.view.problems';
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
    ];
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'nianbao') {
      this.item.hide();
      return;
    }
    const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'nianbao');
    const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const r = (t: { zh: string; en: string }, args: Record<string, number> = {}) => render({ template: t, args }, this.lang);
    this.item.text = errors || warnings ? `$(error) ${errors} $(warning) ${warnings} ${r({ zh: '年报', en: 'report' })}` : `$(check) ${r(CLIENT_TEXT.statusClean)}`;
    this.item.tooltip = r(CLIENT_TEXT.statusTooltip, { errors, warnings });
    this.item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
