import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageclient';
import { render, type Diagnostic, type Lang, type Text } from '../../server/src/core';
import { reviewDate, reviewPage } from '../../server/src/core/review/page';
import { readReviewHeader, reviewEntry, type ReviewEntry } from '../../server/src/core/review/summary';
import { looksLikeReport } from '../../server/src/core/service/detect';
import { decodeText } from '../../server/src/core/text/decode';
import { RULE_PAGES, SHOW_RULE } from './rulePages';
import { CLIENT_TEXT, noLinks } from './text';
import { MAX_FILES, REPORT_GLOB } from './workspace';
import { isCandidate, isSkippedPath } from './workspaceScope';

/**
 * 年报：生成审查清单. The workspace's reports (found and chosen as the workspace check does: workspace.ts)
 * are checked by the server and summed up in the review page (core/review/page.ts, as `nianbao check
 * --format html` writes it); the page is written where the user picks and can be shown in a webview
 * without scripts.
 */
export async function reviewWorkspace(client: LanguageClient, lang: Lang, languageId: string, extensionUri: vscode.Uri): Promise<void> {
  const t = (text: Text, args: Record<string, string | number> = {}) => render({ template: text, args }, lang);
  try {
    const entries = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t(CLIENT_TEXT.scanning), cancellable: true },
      (progress, token) => gather(client, languageId, progress, token),
    );
    if (!entries) return;
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(t(CLIENT_TEXT.scanNone));
      return;
    }
    const rules = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md').toString();
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.name);
    const page = (ruleHref: (id: string) => string) => reviewPage({ entries, folders, date: reviewDate(new Date()), lang, ruleHref });
    // On disk the rules link to the shipped page (a browser opens it); in the webview, where a file: link
    // goes nowhere, to the rendered page at the rule, as the Problems panel's links do.
    const html = page((id) => `${rules}#${encodeURIComponent(id)}`);
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: t(CLIENT_TEXT.reviewSaveTitle),
      defaultUri: base && vscode.Uri.joinPath(base, t(CLIENT_TEXT.reviewFileName)),
      filters: { [t(CLIENT_TEXT.exportFilterHtml)]: ['html'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
    const returned = entries.filter((e) => !e.error && e.findings.some((f) => f.severity === 1)).length;
    const checked = entries.filter((e) => !e.error).length;
    const show = t(CLIENT_TEXT.reviewShow);
    const file = noLinks(target.path.split('/').pop() ?? '');
    const choice = await vscode.window.showInformationMessage(t(CLIENT_TEXT.reviewDone, { file, reports: checked, returned }), show);
    if (choice === show) showPage(page((id) => RULE_PAGES.split('{rule}').join(encodeURIComponent(id))), t(CLIENT_TEXT.reviewPanelTitle));
  } catch (e) {
    void vscode.window.showErrorMessage(t(CLIENT_TEXT.reviewFailed, { reason: noLinks(e instanceof Error ? e.message : String(e)) }));
  }
}

/** Every report of the workspace checked once (its editor's text when open); null when cancelled. */
async function gather(client: LanguageClient, languageId: string, progress: vscode.Progress<{ increment?: number; message?: string }>, token: vscode.CancellationToken): Promise<ReviewEntry[] | null> {
  const uris = (await vscode.workspace.findFiles(REPORT_GLOB, undefined, MAX_FILES, token)).filter((u) => !isSkippedPath(u.path));
  const entries: ReviewEntry[] = [];
  for (const [i, uri] of uris.entries()) {
    if (token.isCancellationRequested) return null;
    progress.report({ increment: 100 / uris.length, message: `${i + 1}/${uris.length}` });
    const file = vscode.workspace.asRelativePath(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    let text: string;
    try {
      text = doc ? doc.getText() : decodeText(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      entries.push({ file, findings: [], error: e instanceof Error ? e.message : String(e) });
      continue;
    }
    if (!isCandidate(uri.path, text, looksLikeReport, doc?.languageId === languageId)) continue;
    const r = await client.sendRequest<{ diagnostics: LspDiagnostic[]; ignored?: true }>('nianbao/checkText', { uri: uri.toString(), text });
    if (r.ignored) continue; // the project configuration leaves it out
    entries.push(reviewEntry(file, readReviewHeader(text), r.diagnostics.map(asCoreDiagnostic)));
  }
  return entries;
}

function asCoreDiagnostic(d: LspDiagnostic): Diagnostic {
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  return { range: d.range, severity: (d.severity ?? 1) as Diagnostic['severity'], code: String(d.code ?? ''), source: d.source ?? '', message };
}

/**
 * The page in a webview: no script runs (the page has none), nothing is loaded (its own CSP says so too);
 * its rule links run only the command that shows a rule.
 */
function showPage(html: string, title: string): void {
  const panel = vscode.window.createWebviewPanel('nianbao.review', title, vscode.ViewColumn.Active, {
    enableScripts: false, enableCommandUris: [SHOW_RULE], localResourceRoots: [], enableFindWidget: true,
  });
  panel.webview.html = html;
}
