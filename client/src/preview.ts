import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult } from '../../server/src/lsp/previewProtocol';

/** After an edit, the preview is drawn again this long after the last keystroke. */
const REDRAW_DELAY_MS = 300;

/**
 * 年报：预览表格 — a webview beside the report with its tables in the official layout, the cells its
 * diagnostics point at marked (the page is the server's: core/preview/tables.ts). It follows the text as it
 * is edited and its diagnostics as they change; clicking a cell reveals it in the text. One preview per
 * report; scripts only with the page's nonce, no remote resource.
 */
export class TablePreviews implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; timer?: ReturnType<typeof setTimeout> }>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly client: LanguageClient, private readonly languageId: string, private readonly title: (name: string) => string) {
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document.uri)),
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((u) => this.schedule(u))),
      vscode.workspace.onDidCloseTextDocument((d) => this.panels.get(d.uri.toString())?.panel.dispose()),
    ];
  }

  /** Opens (or reveals) the preview of the active report. Returns false when the active editor is no report. */
  async show(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== this.languageId) return false;
    const uri = editor.document.uri;
    const key = uri.toString();
    const open = this.panels.get(key);
    if (open) {
      open.panel.reveal(vscode.ViewColumn.Beside, true);
      return true;
    }
    const panel = vscode.window.createWebviewPanel('nianbao.preview', this.title(basename(uri)), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
      enableFindWidget: true,
    });
    this.panels.set(key, { panel });
    panel.onDidDispose(() => {
      clearTimeout(this.panels.get(key)?.timer);
      this.panels.delete(key);
    });
    panel.webview.onDidReceiveMessage((m: unknown) => void this.reveal(uri, m));
    await this.draw(key);
    return true;
  }

  private schedule(uri: vscode.Uri): void {
    const entry = this.panels.get(uri.toString());
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.draw(uri.toString()), REDRAW_DELAY_MS);
  }

  private async draw(key: string): Promise<void> {
    const entry = this.panels.get(key);
    if (!entry) return;
    const nonce = randomBytes(18).toString('base64');
    const params: PreviewParams = { uri: key, nonce };
    const r = await this.client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, params).catch(() => null);
    if (r && this.panels.get(key) === entry) entry.panel.webview.html = r.html;
  }

  /** A cell clicked in the page: its place in the text, in the report's editor. */
  private async reveal(uri: vscode.Uri, m: unknown): Promise<void> {
    const msg = m as { type?: unknown; line?: unknown; character?: unknown };
    if (msg?.type !== 'reveal' || !Number.isInteger(msg.line) || !Number.isInteger(msg.character)) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = Math.min(Math.max(0, msg.line as number), doc.lineCount - 1);
    const at = new vscode.Position(line, Math.max(0, msg.character as number));
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const { panel } of [...this.panels.values()]) panel.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
