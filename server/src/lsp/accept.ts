import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { render, type Lang } from '../core';
import { entryOf, type BaselineEntry } from '../core/baseline';
import type { Finding } from '../core/rules/types';

/** The client command that records an accepted finding in its workspace folder's `.nianbao-baseline.json`. */
export const ACCEPT_COMMAND = 'nianbao.acceptFinding';

/** What the command is given: the document and the baseline entry of its finding. */
export interface AcceptArgs {
  uri: string;
  entry: BaselineEntry;
}

const TITLE = { zh: '标记为已核实（记入基线文件，不再提示）', en: 'Mark as Verified (record in the baseline; not shown again)' };

/** 标记为已核实: a reviewer has looked at the finding and accepts it (issue 17, "Decisions kept"). */
export function acceptActionOf(uri: string, f: Finding, lang: Lang, d: Diagnostic): CodeAction {
  const args: AcceptArgs = { uri, entry: entryOf(f) };
  const title = render({ template: TITLE, args: {} }, lang);
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: ACCEPT_COMMAND, arguments: [args] } };
}
