import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/**
 * Starts the language server when the first document in `languageId` opens (or at once if one is
 * open). The extension also activates for every plain-text, Markdown and HTML file so that it can
 * recognise a received report; most are none, and they cost no server process. (A request sent
 * before that, such as the workspace check's, starts the client itself.)
 */
export function startWithFirst(client: LanguageClient, languageId: string, log: vscode.LogOutputChannel): vscode.Disposable {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    client.start().catch((e: unknown) => log.error(`the language server did not start: ${e instanceof Error ? e.message : String(e)}`));
  };
  if (vscode.workspace.textDocuments.some((d) => d.languageId === languageId)) {
    start();
    return new vscode.Disposable(() => undefined);
  }
  const listener = vscode.workspace.onDidOpenTextDocument((d) => {
    if (d.languageId !== languageId) return;
    start();
    listener.dispose();
  });
  return listener;
}
