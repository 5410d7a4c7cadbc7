import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Text } from '../../server/src/core';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from '../../server/src/lsp/exportProtocol';
import { CLIENT_TEXT, noLinks } from './text';

type T = (text: Text, args?: Record<string, string | number>) => string;

/** Problems listed in the confirmation; the rest are counted. */
const LISTED = 8;

/**
 * 年报：导出为 Word / 导出为网页. The server makes the file from the open report (it is the one reader);
 * problems are confirmed in a modal dialog, blanks written as 0 only if the user says so, and the file is
 * written where the user picks in the save dialog.
 */
export async function exportReport(client: LanguageClient, to: 'docx' | 'html', t: T, languageId: string): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== languageId) {
    void vscode.window.showWarningMessage(t(CLIENT_TEXT.notAReport));
    return;
  }
  const request = (p: Omit<ExportParams, 'uri' | 'to'>) => client.sendRequest<ExportResult | null>(EXPORT_REQUEST, { uri: doc.uri.toString(), to, ...p });
  try {
    const first = await request({});
    if (!first) return;
    const force = first.problems.length > 0;
    if (force && !(await confirmProblems(first, t))) return;
    let blankAsZero = false;
    if (first.blanks > 0) {
      const zero = t(CLIENT_TEXT.exportBlanksZero);
      const choice = await vscode.window.showWarningMessage(t(CLIENT_TEXT.exportBlanks, { count: first.blanks }), { modal: true }, zero, t(CLIENT_TEXT.exportBlanksKeep));
      if (!choice) return;
      blankAsZero = choice === zero;
    }
    const target = await vscode.window.showSaveDialog({
      title: t(to === 'docx' ? CLIENT_TEXT.exportSaveTitleDocx : CLIENT_TEXT.exportSaveTitleHtml),
      defaultUri: doc.isUntitled ? undefined : doc.uri.with({ path: doc.uri.path.replace(/(\.[^./]*)?$/, `.${to}`) }),
      filters: { [t(to === 'docx' ? CLIENT_TEXT.exportFilterDocx : CLIENT_TEXT.exportFilterHtml)]: [to] },
    });
    if (!target) return;
    const result = await request({ force, blankAsZero });
    if (!result?.content) {
      void vscode.window.showWarningMessage(t(CLIENT_TEXT.exportChanged));
      return;
    }
    const bytes = to === 'docx' ? Uint8Array.from(atob(result.content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(result.content);
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(t(CLIENT_TEXT.exportDone, { file: noLinks(target.path.split('/').pop() ?? '') }));
  } catch (e) {
    void vscode.window.showErrorMessage(t(CLIENT_TEXT.exportFailed, { reason: noLinks(e instanceof Error ? e.message : String(e)) }));
  }
}

async function confirmProblems(r: ExportResult, t: T): Promise<boolean> {
  const lines = r.problems.slice(0, LISTED).map((p) => t(CLIENT_TEXT.exportProblemLine, { line: p.line + 1, message: noLinks(p.message) }));
  if (r.problems.length > LISTED) lines.push(t(CLIENT_TEXT.exportMoreProblems, { count: r.problems.length - LISTED }));
  const anyway = t(CLIENT_TEXT.exportAnyway);
  const choice = await vscode.window.showWarningMessage(t(CLIENT_TEXT.exportProblems, { count: r.problems.length }), { modal: true, detail: lines.join('\n') }, anyway);
  return choice === anyway;
}
