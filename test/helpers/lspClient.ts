import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, Diagnostic, InitializeResult, PublishDiagnosticsParams, Range, TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  /** Declare pull diagnostics (textDocument/diagnostic) as VS Code does; otherwise the server pushes. */
  pull?: boolean;
  locale?: string;
  /** What workspace/configuration answers for the `nianbao` section. */
  settings?: Record<string, unknown>;
  /** Node options before the server script (a permission model, a preloaded sandbox). */
  nodeArgs?: string[];
  /** The client's initializationOptions (besides the locale). */
  initializationOptions?: Record<string, unknown>;
  /** The workspace folders' URIs (none: no folder open). */
  workspaceFolders?: string[];
}

/** A minimal LSP client that drives the built server over stdio the way an editor does. */
export class TestClient {
  readonly docs = new Map<string, TextDocument>();
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: (() => void)[] = [];
  readonly logs: string[] = [];
  /** What the server wrote to stderr. */
  stderr = '';
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;

  private constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection, readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new TestClient(proc, conn, options);
    proc.stderr!.on('data', (d: Buffer) => void (c.stderr += d.toString('utf8')));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      c.published.set(p.uri, p);
      c.waiters.splice(0).forEach((w) => w());
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => void c.logs.push(p.message));
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => c.settings));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => null);
    conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => ({ applied: c.apply(p.edit) }));
    conn.listen();
    c.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0] ?? null,
      workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      locale: options.locale ?? 'zh-cn',
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, diagnostics: { refreshSupport: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ['markdown'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
    });
    await conn.sendNotification('initialized', {});
    return c;
  }

  open(uri: string, text: string, languageId = 'nianbao'): TextDocument {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): TextDocument {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, next);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  /** The diagnostics of the document's current version: pulled, or waited for until pushed. */
  async diagnostics(uri: string, timeoutMs = 5000): Promise<Diagnostic[]> {
    const version = this.docs.get(uri)!.version;
    if (this.options.pull) {
      const r = await this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { items: Diagnostic[] };
      return r.items;
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.published.get(uri);
      if (p && p.version === version) return p.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Waits until the document's current diagnostics satisfy `ok` (pushed again, or pulled again). */
  async diagnosticsUntil(uri: string, ok: (ds: Diagnostic[]) => boolean, timeoutMs = 5000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ds = await this.diagnostics(uri, Math.max(1, deadline - Date.now()));
      if (ok(ds)) return ds;
      if (Date.now() > deadline) throw new Error(`diagnostics of ${uri} never as expected: ${ds.map((d) => d.code).join(', ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  /** Applies a workspace edit as VS Code does: refused when a document's version no longer matches. */
  apply(edit: WorkspaceEdit): boolean {
    for (const dc of edit.documentChanges ?? []) {
      if (!('textDocument' in dc)) return false;
      const doc = this.docs.get(dc.textDocument.uri);
      if (!doc || (dc.textDocument.version !== null && dc.textDocument.version !== doc.version)) return false;
    }
    for (const dc of edit.documentChanges ?? []) {
      if (!('textDocument' in dc)) continue;
      const doc = this.docs.get(dc.textDocument.uri)!;
      const text = TextDocument.applyEdits(doc, dc.edits.filter((e): e is TextEdit => 'newText' in e));
      this.change(doc.uri, [{ text }]);
    }
    return true;
  }

  async stop(): Promise<void> {
    try {
      // (unref: a test file whose last step is stop() need not wait for this timer to exit)
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000).unref())]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
