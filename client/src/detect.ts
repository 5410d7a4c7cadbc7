import * as vscode from 'vscode';
import { render, type Lang, type Text } from '../../server/src/core';
import { looksLikeReport } from '../../server/src/core/service/detect';
import { CLIENT_TEXT, noLinks } from './text';

const CANDIDATES = new Set(['plaintext', 'markdown', 'html']);
type Mode = 'ask' | 'switch' | 'off';

/**
 * Received reports arrive as .txt, .md or .html. When one reads as an annual report, the user is
 * asked once whether to switch it to the report language (`nianbao.detectReports`: ask | switch | off).
 */
export class ReportDetector implements vscode.Disposable {
  private readonly asked = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly lang: Lang) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.consider(d)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && void this.consider(e.document)),
    );
    for (const e of vscode.window.visibleTextEditors) void this.consider(e.document);
  }

  private t(text: Text, args: Record<string, string | number> = {}): string {
    return render({ template: text, args }, this.lang);
  }

  private mode(doc: vscode.TextDocument): Mode {
    const v = vscode.workspace.getConfiguration('nianbao', doc.uri).get<string>('detectReports', 'ask');
    return v === 'switch' || v === 'off' ? v : 'ask';
  }

  async consider(doc: vscode.TextDocument): Promise<boolean> {
    if (!CANDIDATES.has(doc.languageId) || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return false;
    const key = doc.uri.toString();
    const globs = vscode.workspace.getConfiguration('nianbao', doc.uri).get<string[]>('reportFiles', []);
    if (globs.some((pattern) => vscode.languages.match({ pattern }, doc) > 0)) {
      this.asked.add(key);
      await vscode.languages.setTextDocumentLanguage(doc, 'nianbao');
      return true;
    }
    const mode = this.mode(doc);
    if (mode === 'off' || this.asked.has(key) || !looksLikeReport(doc.getText())) return false;
    this.asked.add(key);
    if (mode === 'switch') {
      await vscode.languages.setTextDocumentLanguage(doc, 'nianbao');
      return true;
    }
    const name = doc.uri.path.split('/').pop() ?? key;
    const choice = await vscode.window.showInformationMessage(
      this.t(CLIENT_TEXT.detectAsk, { file: noLinks(name) }),
      this.t(CLIENT_TEXT.detectSwitch), this.t(CLIENT_TEXT.detectAlways), this.t(CLIENT_TEXT.detectNever),
    );
    if (choice === this.t(CLIENT_TEXT.detectNever)) {
      await vscode.workspace.getConfiguration('nianbao').update('detectReports', 'off', vscode.ConfigurationTarget.Global);
      return false;
    }
    if (choice === this.t(CLIENT_TEXT.detectAlways)) {
      await vscode.workspace.getConfiguration('nianbao').update('detectReports', 'switch', vscode.ConfigurationTarget.Global);
    }
    if (!choice) return false;
    const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (current) await vscode.languages.setTextDocumentLanguage(current, 'nianbao');
    return true;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
