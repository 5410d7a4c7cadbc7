import * as vscode from 'vscode';
import { render, type Lang, type Text } from '../../server/src/core';
import { looksLikeReport } from '../../server/src/core/service/detect';
import { AnswerMemory, decide, detectMode, workspaceAnswer, type Decision, type DetectMode, type FileAnswer } from './reportMode';
import { CLIENT_TEXT, noLinks } from './text';

const REPORT_LANGUAGE = 'nianbao';
const CANDIDATES = new Set(['plaintext', 'markdown', 'html']);
const SCHEMES = new Set(['file', 'untitled']);
export const CHOOSE_COMMAND = 'nianbao.chooseReportMode';
const FILES_KEY = 'nianbao.reportAnswers';
const WORKSPACE_KEY = 'nianbao.workspaceAnswer';
/** Detection reads at most this many characters of a document, however large it is. */
const PREFIX = 200_000;

type Choice = vscode.QuickPickItem & { apply?: () => Promise<void> };

/**
 * Received reports arrive as .txt, .md or .html. When the active editor holds one that reads as an
 * annual report, a status-bar item offers to switch it to the report language; the answer is
 * remembered for the file, the workspace (workspaceState) or everywhere (`nianbao.detectReports`).
 *
 * An offer is a status-bar item, not a notification: a notification cannot be withdrawn, so offers
 * for files already closed would pile up in the notification centre. The item belongs to the active
 * editor and goes when it does, as VS Code's own "detected language" hint does.
 */
export class ReportDetector implements vscode.Disposable {
  private readonly state: vscode.Memento;
  private readonly memory: AnswerMemory;
  /** Answers for untitled editors: their names are reused, so they are not remembered across sessions. */
  private readonly untitled = new Map<string, FileAnswer>();
  private readonly reads = new WeakMap<vscode.TextDocument, { version: number; report: boolean }>();
  /** Documents this detector is switching: their language change is not the user's answer. */
  private readonly switching = new Set<string>();
  /** The document just closed: opened again in the same turn, it only changed its language. */
  private closed: { doc: vscode.TextDocument; languageId: string } | undefined;
  private readonly item = vscode.window.createStatusBarItem('nianbao.offer', vscode.StatusBarAlignment.Left, 50);
  private offered: vscode.TextDocument | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly lang: Lang, context: vscode.ExtensionContext) {
    // A window without a folder has no lasting workspace state: its files are remembered for the user.
    this.state = vscode.workspace.workspaceFolders ? context.workspaceState : context.globalState;
    this.memory = new AnswerMemory(this.state.get(FILES_KEY));
    this.item.name = this.t(CLIENT_TEXT.offerStatus);
    this.item.command = CHOOSE_COMMAND;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.disposables = [
      this.item,
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closing(d)),
      vscode.window.onDidChangeVisibleTextEditors(() => void this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('nianbao.detectReports') || e.affectsConfiguration('nianbao.reportFiles')) void this.refresh();
      }),
      vscode.workspace.onDidRenameFiles((e) => this.persistIf(e.files.map((f) => this.memory.rename(f.oldUri.toString(), f.newUri.toString())))),
      vscode.workspace.onDidDeleteFiles((e) => this.persistIf(e.files.map((f) => this.memory.forget(f.toString())))),
    ];
    void this.refresh();
  }

  private t(text: Text, args: Record<string, string | number> = {}): string {
    return render({ template: text, args }, this.lang);
  }

  /** Switches the visible editors that should be reports and offers the switch for the active one. */
  async refresh(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    let offer: vscode.TextDocument | undefined;
    for (const doc of new Set(vscode.window.visibleTextEditors.map((e) => e.document))) {
      const decision = this.decide(doc);
      if (decision === 'switch') await this.switchTo(doc);
      else if (decision === 'offer' && doc === active) offer = doc;
    }
    this.show(offer);
  }

  private decide(doc: vscode.TextDocument, readText = true): Decision {
    if (!isCandidate(doc)) return 'leave';
    const config = vscode.workspace.getConfiguration('nianbao', doc.uri);
    return decide({
      candidate: true,
      file: this.answer(doc),
      listed: config.get<string[]>('reportFiles', []).some((pattern) => vscode.languages.match({ pattern }, doc) > 0),
      workspace: workspaceAnswer(this.state.get(WORKSPACE_KEY)),
      setting: detectMode(config.get('detectReports')),
    }, () => readText && this.readsAsReport(doc));
  }

  private readsAsReport(doc: vscode.TextDocument): boolean {
    const known = this.reads.get(doc);
    if (known?.version === doc.version) return known.report;
    const text = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(PREFIX)));
    const report = looksLikeReport(text);
    this.reads.set(doc, { version: doc.version, report });
    return report;
  }

  private show(offer: vscode.TextDocument | undefined): void {
    // A refresh that started before a switch or an editor change may finish after it.
    const doc = offer && !offer.isClosed && isCandidate(offer) && vscode.window.activeTextEditor?.document === offer ? offer : undefined;
    this.offered = doc;
    if (!doc) {
      this.item.hide();
      return;
    }
    const file = noLinks(fileName(doc.uri));
    this.item.text = `$(lightbulb) ${this.t(CLIENT_TEXT.offerStatus)}`;
    this.item.tooltip = this.t(CLIENT_TEXT.offerTooltip, { file });
    this.item.accessibilityInformation = { label: this.item.tooltip, role: 'button' };
    this.item.show();
  }

  private opened(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const changed = this.closed?.doc === doc ? this.closed.languageId : undefined;
    this.closed = undefined;
    if (changed !== undefined && !this.switching.delete(key)) {
      // The user changed the language mode: that is an answer for this file.
      if (doc.languageId === REPORT_LANGUAGE && CANDIDATES.has(changed)) this.remember(doc.uri, 'report');
      else if (changed === REPORT_LANGUAGE && CANDIDATES.has(doc.languageId)) this.remember(doc.uri, 'plain');
    }
    // A file remembered as a report switches as soon as it opens, before it is shown (no text is read).
    if (this.decide(doc, false) === 'switch') void this.switchTo(doc);
  }

  private closing(doc: vscode.TextDocument): void {
    this.closed = { doc, languageId: doc.languageId };
    queueMicrotask(() => {
      if (this.closed?.doc === doc) this.closed = undefined;
      if (this.offered === doc && doc.isClosed) this.show(undefined);
    });
  }

  private async switchTo(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (doc.isClosed || doc.languageId === REPORT_LANGUAGE || this.switching.has(key)) return;
    this.switching.add(key);
    if (this.offered === doc) this.show(undefined);
    try {
      await vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE);
    } catch {
      this.switching.delete(key); // closed meanwhile
    }
  }

  private answer(doc: vscode.TextDocument): FileAnswer | undefined {
    const key = doc.uri.toString();
    return doc.uri.scheme === 'untitled' ? this.untitled.get(key) : this.memory.get(key);
  }

  private remember(uri: vscode.Uri, answer: FileAnswer): void {
    if (uri.scheme === 'untitled') this.untitled.set(uri.toString(), answer);
    else {
      this.memory.set(uri.toString(), answer);
      this.persistIf([true]);
    }
  }

  private persistIf(changed: boolean[]): void {
    if (changed.some(Boolean)) void this.state.update(FILES_KEY, this.memory.toJSON());
  }

  /** The offer's choices (the status-bar item, or the command on any plain-text, Markdown or HTML editor). */
  async choose(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const doc = this.offered ?? (active && isCandidate(active) ? active : undefined);
    if (!doc) {
      void vscode.window.showInformationMessage(this.t(CLIENT_TEXT.offerNone));
      return;
    }
    const uri = doc.uri;
    const picked = await vscode.window.showQuickPick(this.choices(uri), { title: this.t(CLIENT_TEXT.offerTitle, { file: fileName(uri) }) });
    await picked?.apply?.();
  }

  private choices(uri: vscode.Uri): Choice[] {
    const t = (text: Text) => this.t(text);
    const separator = (label: Text): Choice => ({ label: t(label), kind: vscode.QuickPickItemKind.Separator });
    const setting = async (mode: DetectMode) => {
      await vscode.workspace.getConfiguration('nianbao').update('detectReports', mode, vscode.ConfigurationTarget.Global);
      await this.refresh();
    };
    const workspace = async (mode: DetectMode) => {
      await this.state.update(WORKSPACE_KEY, mode);
      await this.refresh();
    };
    const choices: Choice[] = [
      separator(CLIENT_TEXT.offerThisFile),
      { label: `$(check) ${t(CLIENT_TEXT.offerSwitch)}`, detail: t(CLIENT_TEXT.offerSwitchDetail), apply: () => this.answerFile(uri, 'report') },
      { label: `$(circle-slash) ${t(CLIENT_TEXT.offerFileNever)}`, detail: t(CLIENT_TEXT.offerFileNeverDetail), apply: () => this.answerFile(uri, 'plain') },
    ];
    if (vscode.workspace.workspaceFolders) {
      choices.push(
        separator(CLIENT_TEXT.offerWorkspace),
        { label: t(CLIENT_TEXT.offerWorkspaceAlways), detail: t(CLIENT_TEXT.offerWorkspaceAlwaysDetail), apply: () => workspace('switch') },
        { label: t(CLIENT_TEXT.offerWorkspaceNever), detail: t(CLIENT_TEXT.offerWorkspaceNeverDetail), apply: () => workspace('off') },
      );
    }
    choices.push(
      separator(CLIENT_TEXT.offerEverywhere),
      { label: t(CLIENT_TEXT.offerEverywhereAlways), detail: t(CLIENT_TEXT.offerEverywhereDetail), apply: () => setting('switch') },
      { label: t(CLIENT_TEXT.offerEverywhereNever), detail: t(CLIENT_TEXT.offerEverywhereDetail), apply: () => setting('off') },
    );
    return choices;
  }

  private async answerFile(uri: vscode.Uri, answer: FileAnswer): Promise<void> {
    this.remember(uri, answer);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && answer === 'report') await this.switchTo(doc);
    await this.refresh();
  }

  /** Forgets every answer given in this workspace (the settings stay as they are) and offers again. */
  async forget(): Promise<void> {
    const files = this.memory.clear() + this.untitled.size;
    this.untitled.clear();
    const hadWorkspace = this.state.get(WORKSPACE_KEY) !== undefined;
    await this.state.update(FILES_KEY, undefined);
    await this.state.update(WORKSPACE_KEY, undefined);
    const setting = vscode.workspace.getConfiguration('nianbao').inspect<string>('detectReports')?.globalValue;
    // A window with no folder keeps its answers for itself: it is no workspace to the user.
    let message = vscode.workspace.workspaceFolders
      ? this.t(CLIENT_TEXT.forgotten, { files, workspace: hadWorkspace ? this.t(CLIENT_TEXT.forgottenWorkspace) : '' })
      : this.t(CLIENT_TEXT.forgottenWindow, { files });
    if (setting !== undefined && setting !== 'ask') message += this.t(CLIENT_TEXT.forgottenSetting, { value: setting });
    await this.refresh();
    const open = setting !== undefined && setting !== 'ask' ? [this.t(CLIENT_TEXT.openSettings)] : [];
    void vscode.window.showInformationMessage(message, ...open).then((button) => {
      if (button) void vscode.commands.executeCommand('workbench.action.openSettings', 'nianbao.detectReports');
    });
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Plain text, Markdown or HTML in a file or an untitled editor: what a received report comes in. */
function isCandidate(doc: vscode.TextDocument): boolean {
  return CANDIDATES.has(doc.languageId) && SCHEMES.has(doc.uri.scheme);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
