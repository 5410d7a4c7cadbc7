import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { render, resolveLang, type Lang, type Text } from '../../server/src/core';
import { renderReport } from '../../server/src/core/render/report';
import { CLIENT_TEXT } from './text';
import { ReportDetector } from './detect';
import { startWithFirst } from './serverStart';
import { StatusItem } from './status';
import { REPORT_GLOB, WorkspaceChecker } from './workspace';
import { TablePreviews } from './preview';
import { ProjectConfigs, withProject } from './projectConfig';
import { Baselines, withBaseline } from './baseline';
import { RULE_PAGES, ruleSection, SHOW_RULE } from './rulePages';
import { exportReport } from './export';
import { reviewWorkspace } from './review';
import { fixReporting } from './fixReport';
import { ReportImporter } from './importReport';

export const LANGUAGE_ID = 'nianbao';

/** What activate() returns: handles for tests in the extension host. */
export interface NianbaoApi {
  client: LanguageClient;
  detector: ReportDetector;
}

let client: LanguageClient | undefined;

/** Opens the shipped rules page in the Markdown preview at a rule's section (rulePages.ts). */
async function showRule(extension: vscode.Uri, id: unknown): Promise<void> {
  const page = vscode.Uri.joinPath(extension, 'docs', 'rules.md');
  const section = ruleSection(id);
  const target = section ? page.with({ fragment: section }) : page;
  try {
    await vscode.commands.executeCommand('markdown.showPreview', target);
  } catch {
    await vscode.commands.executeCommand('vscode.open', page);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
  const lang = resolveLang(vscode.env.language);
  const t = (text: Text, args: Record<string, string | number> = {}) => render({ template: text, args }, lang);
  const output = vscode.window.createOutputChannel(t(CLIENT_TEXT.serverName), { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // A project configuration changed: the server forgets every document's settings and checks them again.
  const configs = new ProjectConfigs(lang, () => void client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null }));
  // So does a baseline (.nianbao-baseline.json: findings marked as verified).
  const baselines = new Baselines(lang, () => void client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null }));
  const status = new StatusItem(lang, LANGUAGE_ID);
  const fixes = fixReporting(t);
  context.subscriptions.push(status, fixes.command);
  const reportFiles = vscode.workspace.createFileSystemWatcher(REPORT_GLOB);
  context.subscriptions.push(reportFiles);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    // Report files created, changed or deleted on disk: the server's cross-report checks follow them.
    synchronize: { configurationSection: 'nianbao', fileEvents: reportFiles },
    middleware: {
      ...fixes.middleware,
      // The status item says “checking” until the server's first answer for a document.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const r = await next(document, previousResultId, token);
        if (r && !token.isCancellationRequested) status.answered(document instanceof vscode.Uri ? document : document.uri);
        return r;
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, diagnostics);
        status.answered(uri);
      },
      workspace: {
        // Each document's settings carry its nearest .nianbao.jsonc and its folder's baseline (read here: the server reads no file).
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return Promise.all(params.items.map(async (item, i) => {
            if (item.section !== 'nianbao' || !item.scopeUri) return result[i];
            const uri = vscode.Uri.parse(item.scopeUri);
            return withBaseline(withProject(result[i], await configs.forDocument(uri)), await baselines.forDocument(uri));
          }));
        },
      },
    },
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannel: output,
    initializationOptions: { locale: vscode.env.language, rulePages: RULE_PAGES, acceptFinding: true },
  };
  client = new LanguageClient('nianbao', t(CLIENT_TEXT.serverName), serverOptions, clientOptions);
  // No server until a report is open: the extension activates for every plain-text, Markdown and HTML file.
  context.subscriptions.push(startWithFirst(client, LANGUAGE_ID, output));

  const detector = new ReportDetector(lang, context);
  const checker = new WorkspaceChecker(client, lang, LANGUAGE_ID);
  const previews = new TablePreviews(client, LANGUAGE_ID, (name) => t(CLIENT_TEXT.previewTitle, { name }));
  const importer = new ReportImporter(lang);
  context.subscriptions.push(output, detector, checker, configs, baselines, previews, importer);

  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.newReport', () => newReport(t)),
    vscode.commands.registerCommand('nianbao.recomputeTotals', () => recomputeTotals(t)),
    vscode.commands.registerCommand('nianbao.toSimplified', () => toSimplified(t)),
    vscode.commands.registerCommand('nianbao.checkWorkspace', () => checker.run()),
    vscode.commands.registerCommand('nianbao.reviewWorkspace', () => reviewWorkspace(client!, lang, LANGUAGE_ID, context.extensionUri)),
    vscode.commands.registerCommand('nianbao.showPreview', async () => {
      if (!(await previews.show())) void vscode.window.showWarningMessage(t(CLIENT_TEXT.notAReport));
    }),
    vscode.commands.registerCommand('nianbao.exportDocx', () => exportReport(client!, 'docx', t, LANGUAGE_ID)),
    vscode.commands.registerCommand('nianbao.exportHtml', () => exportReport(client!, 'html', t, LANGUAGE_ID)),
    vscode.commands.registerCommand('nianbao.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('nianbao.chooseReportMode', () => detector.choose()),
    vscode.commands.registerCommand('nianbao.forgetReportAnswers', () => detector.forget()),
    vscode.commands.registerCommand('nianbao.importReport', (uri: unknown) => importer.run(uri)),
    vscode.commands.registerCommand('nianbao.acceptFinding', (args: unknown) => baselines.accept(args)),
    vscode.commands.registerCommand(SHOW_RULE, (id: unknown) => showRule(context.extensionUri, id)),
  );
  return { client, detector };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

type T = (text: Text, args?: Record<string, string | number>) => string;

async function newReport(t: T): Promise<void> {
  const issuer = await vscode.window.showInputBox({
    title: t({ zh: '新建年度报告', en: 'New annual report' }),
    prompt: t(CLIENT_TEXT.issuerPrompt),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : t(CLIENT_TEXT.issuerRequired)),
  });
  if (!issuer) return;
  const thisYear = new Date().getFullYear();
  const max = thisYear + 1;
  const yearText = await vscode.window.showInputBox({
    title: t({ zh: '新建年度报告', en: 'New annual report' }),
    prompt: t(CLIENT_TEXT.yearPrompt, { year: thisYear - 1 }),
    value: String(thisYear - 1),
    ignoreFocusOut: true,
    validateInput: (v) => (/^\d{4}$/.test(v.trim()) && +v >= 2019 && +v <= max ? undefined : t(CLIENT_TEXT.yearInvalid, { max })),
  });
  if (!yearText) return;
  const content = renderReport({ issuer: issuer.trim(), year: Number(yearText.trim()), layout: 'markdown' });
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(doc);
}

async function recomputeTotals(t: T): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showWarningMessage(t(CLIENT_TEXT.notAReport));
    return;
  }
  const r = (await vscode.commands.executeCommand('nianbao.server.recomputeTotals', { uri: doc.uri.toString() })) as { applied: boolean; edits: number } | undefined;
  if (!r) return;
  if (!r.applied) void vscode.window.showWarningMessage(t(CLIENT_TEXT.recomputeRefused));
  else void vscode.window.showInformationMessage(r.edits ? t(CLIENT_TEXT.recomputed, { count: r.edits }) : t(CLIENT_TEXT.nothingToRecompute));
}

/** The whole report from Traditional to Simplified Chinese (the server's conversion: numbers and tables stay where they are). */
async function toSimplified(t: T): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showWarningMessage(t(CLIENT_TEXT.notAReport));
    return;
  }
  const r = (await vscode.commands.executeCommand('nianbao.server.toSimplified', { uri: doc.uri.toString() })) as { applied: boolean; edits: number } | undefined;
  if (!r) return;
  if (!r.applied) void vscode.window.showWarningMessage(t(CLIENT_TEXT.recomputeRefused));
  else void vscode.window.showInformationMessage(r.edits ? t(CLIENT_TEXT.simplified, { count: r.edits }) : t(CLIENT_TEXT.nothingToSimplify));
}

export type { Lang };
