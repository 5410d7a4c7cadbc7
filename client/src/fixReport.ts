import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import type { Text } from '../../server/src/core';
import { CLIENT_TEXT } from './text';

/** The client command a Fix All code action runs once VS Code has applied its edit: it says how much changed. */
export const FIX_ALL_APPLIED = 'nianbao.fixAllApplied';
const FIX_ALL_KIND = 'source.fixAll.nianbao';
const RECOMPUTE_TABLE = 'nianbao.server.recomputeTable';
const SHOWN_MS = 8000;

type T = (text: Text, args?: Record<string, string | number>) => string;

/** How many text edits a workspace edit makes. */
export function editCount(edit: vscode.WorkspaceEdit | undefined): number {
  return edit ? edit.entries().reduce((n, [, edits]) => n + edits.length, 0) : 0;
}

/**
 * Fix All (the palette's, or on save) and a table's recompute (its code lens) say what they changed, in
 * the status bar: quiet enough for every save. The count comes from the edits the server returned.
 */
export function fixReporting(t: T): { middleware: Pick<Middleware, 'provideCodeActions' | 'executeCommand'>; command: vscode.Disposable } {
  const say = (text: string) => vscode.window.setStatusBarMessage(`$(check) ${text}`, SHOWN_MS);
  return {
    middleware: {
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        for (const a of actions ?? []) {
          if (!(a instanceof vscode.CodeAction) || a.kind?.value !== FIX_ALL_KIND || a.command) continue;
          const count = editCount(a.edit);
          if (count) a.command = { command: FIX_ALL_APPLIED, title: a.title, arguments: [count] };
        }
        return actions;
      },
      executeCommand: async (command, args, next) => {
        const r = await next(command, args);
        if (command === RECOMPUTE_TABLE && r && typeof r === 'object' && (r as { applied?: unknown }).applied === true) {
          const edits = Number((r as { edits?: unknown }).edits) || 0;
          say(edits ? t(CLIENT_TEXT.tableRecomputed, { count: edits }) : t(CLIENT_TEXT.tableNothingToRecompute));
        }
        return r;
      },
    },
    command: vscode.commands.registerCommand(FIX_ALL_APPLIED, (count: unknown) => {
      if (Number.isInteger(count) && (count as number) > 0) say(t(CLIENT_TEXT.fixAllDone, { count: count as number }));
    }),
  };
}
