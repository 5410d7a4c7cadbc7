import {
  CodeActionKind, DocumentDiagnosticReportKind, TextDocumentSyncKind,
  type CodeAction, type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver';
import { render, resolveLang, type Lang } from '../core';
import { fixAll, quickFixes } from '../core/service/actions';
import { hoverAt } from '../core/service/hover';
import { foldingRanges, outline } from '../core/service/outline';
import { recomputeAll, recomputeTable } from '../core/service/recompute';
import { simplifyEdits } from '../core/service/simplify';
import { commentStyle, silenceActions } from '../core/service/silence';
import { acceptActionOf } from './accept';
import { formatDocument } from '../core/service/format';
import { tableLenses } from '../core/service/lenses';
import { analyzeText, DocumentStore, type Analysis } from './documents';
import { codeActionOf, diagnosticOf, diagnosticsOf, findingIds, FIX_ALL_KIND, overlaps, symbolOf, textEdits, versionedEdit } from './convert';
import { findingFor } from './match';
import { SettingsCache } from './settings';
import { rulePagesOf, shippedRulePages } from './rulePages';
import { EXPORT_REQUEST, exportText, type ExportParams, type ExportResult } from './export';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult } from './previewProtocol';
import { previewHtml } from '../core/preview/tables';
import { ServerLog } from './log';
import { WorkspaceReports } from './crossReports';
import { Dependents } from './dependents';

export const SERVER_VERSION = '0.1.0';

/** Commands the server executes (the client's commands call them). */
export const COMMANDS = {
  recomputeTotals: 'nianbao.server.recomputeTotals',
  toSimplified: 'nianbao.server.toSimplified',
  /** One table's totals (its code lens): arguments `{ uri, table: 'applications' | 'reviewLitigation' }`. */
  recomputeTable: 'nianbao.server.recomputeTable',
} as const;

/** Custom request: check a text that is not open (the client's "check all reports in the workspace"). */
export const CHECK_TEXT_REQUEST = 'nianbao/checkText';

const PUSH_DELAY_MS = 120;

export function startServer(connection: Connection): void {
  const documents = new DocumentStore();
  const log = new ServerLog(connection);
  documents.onAnalysed = (a, work) => log.checked(a, work);
  const settings = new SettingsCache(connection);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let lang: Lang = 'zh-CN';
  let pull = false;
  let pages = shippedRulePages();
  let acceptCommand = false;
  let folders: string[] = [];
  /** The client sends workspace/didChangeWorkspaceFolders (it declared workspace folders). */
  let foldersChange = false;
  let refreshSupport = false;
  // The other reports of the workspace (cross-report rules): its folders' report files and the open documents.
  const reports = new WorkspaceReports((uri) => documents.text(uri), () => settings.global.maxFileSize);
  documents.workspace = reports.index;

  /** Handlers never throw at the client: an error is logged and the request answered empty. */
  const guard = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (e) {
        connection.console.error(`${name}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return fallback;
      }
    };

  async function current(uri: string): Promise<Analysis | null> {
    if (!documents.has(uri)) return null;
    const s = await settings.get(uri);
    return documents.analysis(uri, s);
  }

  /** The current version's diagnostics, each carrying its finding's id and that version. */
  async function diagnostics(uri: string): Promise<{ version: number; items: Diagnostic[] } | null> {
    const a = await current(uri);
    return a ? { version: a.version, items: diagnosticsOf(a.findings, lang, uri, a.version, pages) } : null;
  }

  function schedulePush(uri: string): void {
    if (pull) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void guard('publishDiagnostics', undefined, async () => {
        const r = await diagnostics(uri);
        // A newer version arrived while settings were fetched: its own push will follow.
        if (!r || documents.version(uri) !== r.version) return;
        documents.diagnosticsSent(uri, r.version);
        await connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.items });
      })();
    }, PUSH_DELAY_MS));
  }

  const dependents = new Dependents(connection, documents, reports, (uri) => schedulePush(uri), () => {
    if (pull && refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
  });

  connection.onInitialize((params): InitializeResult => {
    lang = resolveLang(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
    pull = !!params.capabilities.textDocument?.diagnostic;
    pages = rulePagesOf(params.initializationOptions);
    // 标记为已核实 runs a client command that writes the baseline (the server writes no file): only a client that has it.
    acceptCommand = (params.initializationOptions as { acceptFinding?: unknown } | undefined)?.acceptFinding === true;
    settings.supported = !!params.capabilities.workspace?.configuration;
    refreshSupport = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    foldersChange = !!params.capabilities.workspace?.workspaceFolders;
    log.info(`nianbao ${SERVER_VERSION} started (messages in ${lang}, diagnostics ${pull ? 'pulled' : 'pushed'})`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        hoverProvider: true,
        documentFormattingProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        ...(pull ? { diagnosticProvider: { identifier: 'nianbao', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        // Folders added during the session are scanned for the cross-report rules, removed ones unfiled.
        ...(foldersChange ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'nianbao', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    void reports.scan(folders, (line) => log.debug(line)).then(() => dependents.scanned(), (e) => connection.console.error(`workspace scan: ${String(e)}`));
    if (foldersChange) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        log.debug(`workspace folders: ${added.length} added, ${removed.length} removed`);
        void dependents.foldersChanged(added.map((f) => f.uri), removed.map((f) => f.uri), (line) => log.debug(line))
          .catch((e) => connection.console.error(`workspace folders: ${String(e)}`));
      });
    }
  });
  connection.onShutdown(() => reports.stop());
  connection.onDidChangeWatchedFiles((p) => void dependents.filesChanged(p.changes.map((c) => ({ uri: c.uri, type: c.type as 1 | 2 | 3 }))));

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    documents.reset();
    log.debug(`settings changed: ${documents.uris().length} open document(s) to check again`);
    if (pull) void connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const uri of documents.uris()) schedulePush(uri);
  });

  connection.onDidOpenTextDocument((p) => {
    const { uri, languageId, version, text } = p.textDocument;
    documents.didOpen(uri, languageId, version, String(text ?? ''));
    log.debug(`opened ${uri} (${languageId}, version ${version}, ${String(text ?? '').length} characters)`);
    schedulePush(uri);
    dependents.opened(uri);
  });
  connection.onDidChangeTextDocument((p) => {
    const uri = p.textDocument.uri;
    if (!documents.didChange(uri, p.textDocument.version ?? 0, p.contentChanges ?? [])) {
      connection.console.warn(`didChange for a document that is not open: ${uri}`);
      return;
    }
    schedulePush(uri);
    dependents.changed(uri);
  });
  connection.onDidCloseTextDocument((p) => {
    const uri = p.textDocument.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    documents.didClose(uri);
    log.debug(`closed ${uri}`);
    settings.forget(uri);
    dependents.closed(uri);
    if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, async (params) => {
    const r = await diagnostics(params.textDocument.uri);
    if (r) documents.diagnosticsSent(params.textDocument.uri, r.version);
    return { kind: DocumentDiagnosticReportKind.Full, items: r?.items ?? [] };
  }));

  connection.onCodeAction(guard('codeAction', [] as CodeAction[], async (params) => {
    const a = await current(params.textDocument.uri);
    if (!a) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const out: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      // Clients send back the diagnostics they got (which finding each means, and whether it is
      // still the current version's: match.ts); some (Neovim 0.7) drop the range or the source,
      // and some send none: then the findings at the requested range of the current text are meant.
      const sent = params.context.diagnostics.filter((d) => d.source === undefined || d.source === 'nianbao');
      const unchanged = documents.unchangedSinceSent(a.uri);
      const pairs = sent.length
        ? sent.flatMap((d) => {
          const f = findingFor(a, d, params.range, unchanged);
          return f ? [{ f, d }] : [];
        })
        : findingIds(a.findings, a.version).flatMap((id, i) => {
          const f = a.findings[i];
          return overlaps(f.range, params.range) ? [{ f, d: diagnosticOf(f, lang, a.uri, id, pages) }] : [];
        });
      const style = commentStyle(a.report, a.uri);
      for (const { f, d } of pairs) {
        for (const action of [...quickFixes(a.report, f), ...silenceActions(a.text, a.index, f, style)]) out.push(codeActionOf(a, action, lang, [d]));
        if (acceptCommand && f.ruleId !== 'internal-error') out.push(acceptActionOf(a.uri, f, lang, d));
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const all = fixAll(a.report, a.findings);
      if (all) out.push(codeActionOf(a, all, lang, []));
      log.debug(`fix-all for ${a.uri} (version ${a.version}): ${all?.edits.length ?? 0} edit(s)`);
    }
    return out;
  }));

  connection.onDocumentSymbol(guard('documentSymbol', [], async (params) => {
    const a = await current(params.textDocument.uri);
    return a ? outline(a.report).map((item) => symbolOf(item, lang)) : [];
  }));

  connection.onFoldingRanges(guard('foldingRanges', [], async (params) => {
    const a = await current(params.textDocument.uri);
    return a ? foldingRanges(a.report) : [];
  }));

  connection.onHover(guard('hover', null, async (params) => {
    const a = await current(params.textDocument.uri);
    const h = a ? hoverAt(a.report, params.position, lang) : null;
    return h ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: h.cell.range } : null;
  }));

  connection.onDocumentFormatting(guard('formatting', [], async (params) => {
    const a = await current(params.textDocument.uri);
    // A binary or oversized document is not read: it is not formatted either.
    if (!a || a.findings.some((f) => f.ruleId === 'not-text' || f.ruleId === 'file-too-large')) return [];
    return textEdits(a, formatDocument(a.text));
  }));

  connection.onCodeLens(guard('codeLens', [], async (params) => {
    const a = await current(params.textDocument.uri);
    if (!a) return [];
    const { blankAsZero } = await settings.get(a.uri);
    return tableLenses(a.report, a.findings, blankAsZero).map((l) => ({
      range: l.range,
      // A lens with nothing to run is plain text (an empty command id).
      command: { title: render(l.title, lang), command: l.recompute ? COMMANDS.recomputeTable : '', arguments: l.recompute ? [{ uri: a.uri, table: l.table }] : undefined },
    }));
  }));

  type CommandArg = { uri?: string; table?: string };
  /** What each command writes into a document (null: its arguments name nothing), and the label of that edit. */
  const commandEdits: Record<string, { edits: (a: Analysis, arg: CommandArg) => ReturnType<typeof recomputeAll> | null; label: { zh: string; en: string } }> = {
    [COMMANDS.recomputeTotals]: { edits: (a) => recomputeAll(a.report), label: { zh: '重新计算全部合计', en: 'Recompute totals' } },
    [COMMANDS.recomputeTable]: {
      edits: (a, { table }) => (table === 'applications' || table === 'reviewLitigation' ? recomputeTable(a.report.tables[table]) : null),
      label: { zh: '重新计算本表', en: 'Recompute this table' },
    },
    [COMMANDS.toSimplified]: { edits: (a) => simplifyEdits(a.text), label: { zh: '转换为简体中文', en: 'Convert to Simplified Chinese' } },
  };

  connection.onExecuteCommand(guard('executeCommand', { applied: false, edits: 0 }, async (params) => {
    const command = Object.hasOwn(commandEdits, params.command) ? commandEdits[params.command] : undefined;
    if (!command) return { applied: false, edits: 0 };
    const arg = (params.arguments?.[0] ?? {}) as CommandArg;
    const a = typeof arg.uri === 'string' ? await current(arg.uri) : null;
    const edits = a ? command.edits(a, arg) : null;
    if (!a || !edits) return { applied: false, edits: 0 };
    if (edits.length === 0) return { applied: true, edits: 0 };
    const r = await connection.workspace.applyEdit({ label: lang === 'en' ? command.label.en : command.label.zh, edit: versionedEdit(a, edits) });
    log.debug(`${params.command} on ${a.uri} (version ${a.version}): ${edits.length} edit(s), ${r.applied ? 'applied' : 'refused by the client'}`);
    return { applied: r.applied, edits: edits.length };
  }));

  connection.onRequest(CHECK_TEXT_REQUEST, guard<[{ uri: string; text: string }], { diagnostics: Diagnostic[]; ignored?: true }>('checkText', { diagnostics: [] }, async (params: { uri: string; text: string }) => {
    const s = await settings.get(params.uri);
    const t0 = performance.now();
    const a = analyzeText(params.uri, String(params.text ?? ''), s, reports.index);
    log.checked(a, { path: 'whole text, not open (workspace check)', ms: performance.now() - t0 });
    // `ignored`: the project configuration leaves the file out (the workspace check does not count it).
    return { diagnostics: diagnosticsOf(a.findings, lang, params.uri, null, pages), ...(s.ignored ? { ignored: true } : {}) };
  }));

  /** The open report as a Word file or a web page (client: 年报：导出为 Word / 导出为网页); null for a document not open. */
  connection.onRequest(EXPORT_REQUEST, guard<[ExportParams], ExportResult | null>('export', null, async (params: ExportParams) => {
    const a = typeof params?.uri === 'string' ? await current(params.uri) : null;
    if (!a || (params.to !== 'docx' && params.to !== 'html')) return null;
    return exportText(a.text, params, await settings.get(params.uri), lang);
  }));

  connection.onRequest(PREVIEW_REQUEST, guard<[PreviewParams], PreviewResult | null>('preview', null, async (params: PreviewParams) => {
    // The nonce goes into the page's policy and attributes: base64 only.
    const valid = typeof params?.uri === 'string' && typeof params.nonce === 'string' && /^[A-Za-z0-9+/=]{16,128}$/.test(params.nonce);
    const a = valid ? await current(params.uri) : null;
    if (!a) return null;
    return { html: previewHtml(a.report, a.findings, { lang, nonce: params.nonce }), version: a.version };
  }));

}
