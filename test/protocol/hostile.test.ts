// The server survives its clients. Malformed JSON-RPC, requests for documents that are not open,
// positions outside the document, changes to closed documents, a 50 MB paste, a binary file
// opened by mistake and thousands of edits per second each get an error response, an empty
// answer or one clear diagnostic — and afterwards the same server still answers a normal request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { check, toDiagnostic } from '../../server/src/core';
import { seed } from '../helpers/fixtures';
import { answerTo, takeFrames, type Message } from '../helpers/frames';
import { SERVER, TestClient } from '../helpers/lspClient';

/**
 * A client that writes raw bytes: whatever framing and JSON it is given, byte for byte. It parses
 * what the server sends back and answers the server's own requests (configuration) with nulls.
 */
class RawClient {
  private buffer: Buffer = Buffer.alloc(0);
  readonly received: Message[] = [];
  private waiters: (() => void)[] = [];
  private nextId = 1000;

  constructor(readonly proc: ChildProcess) {
    proc.stdout!.on('data', (d: Buffer) => this.onData(d));
  }

  static async start(): Promise<RawClient> {
    const c = new RawClient(spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
    const init = await c.request('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
    assert.ok((init.result as { capabilities: unknown }).capabilities);
    c.notify('initialized', {});
    return c;
  }

  private onData(d: Buffer): void {
    const { messages, rest } = takeFrames(Buffer.concat([this.buffer, d]));
    this.buffer = rest;
    for (const m of messages) {
      if (m.method && m.id !== undefined) this.send(answerTo(m));
      else this.received.push(m);
      this.waiters.splice(0).forEach((w) => w());
    }
  }

  /** Bytes exactly as given. */
  raw(bytes: string | Buffer): void {
    this.proc.stdin!.write(bytes);
  }

  /** A well-framed message whose body is this text, valid JSON or not. */
  frame(body: string): void {
    const b = Buffer.from(body, 'utf8');
    this.raw(Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]));
  }

  send(message: unknown): void {
    this.frame(JSON.stringify(message));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** A request (or any framed body carrying this id): resolves with the response to that id. */
  async request(method: string, params: unknown, timeoutMs = 15000): Promise<Message> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.response(id, timeoutMs);
  }

  async response(id: number | string, timeoutMs = 15000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = this.received.find((x) => x.id === id && x.method === undefined);
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`no response to request ${id}`);
      if (this.proc.exitCode !== null) throw new Error(`the server exited (${this.proc.exitCode}) before answering ${id}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  logs(): string[] {
    return this.received.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);
  }

  async stop(): Promise<void> {
    this.proc.kill();
  }
}

const uri = (name: string) => `file:///hostile/${name}`;
const pos = (line: number, character: number) => ({ line, character });

/** A normal request on a normal document: the exact diagnostics of seed 004. */
async function stillServes(c: RawClient, name: string): Promise<void> {
  const text = seed('004');
  c.notify('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'nianbao', version: 1, text } });
  const r = await c.request('textDocument/diagnostic', { textDocument: { uri: uri(name) } });
  const got = (r.result as { items: Diagnostic[] }).items.map((d) => [d.code, d.range.start.line, d.message]);
  assert.deepEqual(got, check(text).findings.map((f) => toDiagnostic(f)).map((d) => [d.code, d.range.start.line, d.message]));
}

test('malformed JSON-RPC: bad bodies and headers are dropped or answered with an error; the server keeps serving', async () => {
  const c = await RawClient.start();
  try {
    // Bodies that are not JSON, or JSON that is not a message: dropped (no id to answer).
    c.frame('{not json');
    c.frame('');
    c.frame('[1, 2, 3]');
    c.frame('null');
    c.frame('"a string"');
    c.frame('{"jsonrpc":"2.0"}');
    c.frame('\u0000\u0001\u0002');
    // Headers without a usable Content-Length: dropped, the stream resynchronises on the next header.
    c.raw('Content-Length: abc\r\n\r\n');
    c.raw('garbage without a colon\r\n\r\n');
    c.raw('Content-Type: application/json\r\n\r\n');
    // Requests the server cannot serve: each gets an error response.
    c.send({ jsonrpc: '2.0', id: 'u1', method: 'no/such/method', params: {} });
    assert.equal((await c.response('u1')).error?.code, -32601);
    c.send({ jsonrpc: '2.0', id: 'u2', method: 'textDocument/codeAction', params: null });
    assert.ok((await c.response('u2')).error, 'null params');
    c.send({ jsonrpc: '2.0', id: 'u3', method: 'textDocument/hover' });
    const noParams = await c.response('u3');
    assert.ok(noParams.error || noParams.result === null, 'no params');
    // Wrong types everywhere: an empty answer or an error, never a crash.
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: 42, position: 'here' }],
      ['textDocument/codeAction', { textDocument: { uri: 7 }, range: null, context: { diagnostics: 'x', only: 5 } }],
      ['textDocument/documentSymbol', { textDocument: null }],
      ['textDocument/foldingRange', { textDocument: { uri: { toString: 1 } } }],
      ['textDocument/diagnostic', { textDocument: [] }],
      ['workspace/executeCommand', { command: 'nianbao.server.recomputeTotals', arguments: [null, 5, 'x'] }],
      ['workspace/executeCommand', { command: 'rm -rf /', arguments: ['file:///etc/passwd'] }],
      ['nianbao/checkText', { uri: null, text: { length: 1e9 } }],
      ['nianbao/checkText', { uri: 'file:///x.txt', text: '<script>fetch("http://evil.example")</script>' }],
    ] as const) {
      const r = await c.request(method, params);
      assert.ok(r.error !== undefined || r.result !== undefined, `${method}: ${JSON.stringify(r)}`);
    }
    // Notifications with broken params: logged, not fatal.
    c.notify('textDocument/didOpen', {});
    c.notify('textDocument/didOpen', { textDocument: { uri: uri('n.txt'), text: 12345, version: 'one' } });
    c.notify('textDocument/didChange', { textDocument: { uri: uri('n.txt') }, contentChanges: 'nope' });
    c.notify('textDocument/didChange', { textDocument: { uri: uri('n.txt'), version: 2 }, contentChanges: [{ range: { start: 'a' }, text: 5 }] });
    c.notify('textDocument/didClose', null);
    c.notify('workspace/didChangeConfiguration', { settings: { nianbao: { maxFileSize: -1, rules: 'all', formatVersion: 2019 } } });
    c.notify('$/cancelRequest', { id: 'nonexistent' });
    c.notify('exit/not', 1);
    await stillServes(c, 'after-malformed.txt');
    assert.equal(c.proc.exitCode, null, 'the server is still running');
    // Each dropped message is said in the client's log.
    const logs = c.logs().join('\n');
    for (const what of [/not a JSON object: "\{not json"/, /not a JSON object: "null"/, /header without a valid Content-Length: "garbage without a colon"/, /header without a valid Content-Length: "Content-Length: abc"/]) assert.match(logs, what);
  } finally {
    await c.stop();
  }
});

test('requests for unknown documents and positions outside the document get empty answers', async () => {
  const c = await RawClient.start();
  try {
    const unknown = { uri: uri('never-opened.txt') };
    for (const [method, params, empty] of [
      ['textDocument/hover', { textDocument: unknown, position: pos(0, 0) }, null],
      ['textDocument/documentSymbol', { textDocument: unknown }, []],
      ['textDocument/foldingRange', { textDocument: unknown }, []],
      ['textDocument/codeAction', { textDocument: unknown, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [] } }, []],
      ['textDocument/diagnostic', { textDocument: unknown }, { kind: 'full', items: [] }],
      ['workspace/executeCommand', { command: 'nianbao.server.recomputeTotals', arguments: [unknown] }, { applied: false, edits: 0 }],
    ] as const) {
      assert.deepEqual((await c.request(method, params)).result, empty, method);
    }
    const text = seed('004');
    c.notify('textDocument/didOpen', { textDocument: { uri: uri('004.txt'), languageId: 'nianbao', version: 1, text } });
    const doc = { uri: uri('004.txt') };
    for (const p of [pos(1e9, 0), pos(0, 1e9), pos(-1, -1), pos(340, 1e6), pos(1.5, 0.5), pos(2 ** 31, 2 ** 31)]) {
      const h = await c.request('textDocument/hover', { textDocument: doc, position: p });
      assert.ok(h.result === null || h.error, `hover at ${JSON.stringify(p)}: ${JSON.stringify(h)}`);
      const a = await c.request('textDocument/codeAction', { textDocument: doc, range: { start: p, end: pos(-5, 3) }, context: { diagnostics: [{ range: { start: p, end: p }, message: 'x', source: 'nianbao', code: 'row-total' }] } });
      assert.ok(Array.isArray(a.result) || a.error, `codeAction at ${JSON.stringify(p)}`);
    }
    await stillServes(c, 'after-positions.txt');
  } finally {
    await c.stop();
  }
});

test('didChange for a closed or never-opened document is ignored (and logged); reopening reads the new text', async () => {
  const c = await RawClient.start();
  try {
    const u = uri('closed.txt');
    c.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'nianbao', version: 1, text: seed('003') } });
    c.notify('textDocument/didClose', { textDocument: { uri: u } });
    c.notify('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ range: { start: pos(0, 0), end: pos(5, 0) }, text: 'x' }] });
    c.notify('textDocument/didChange', { textDocument: { uri: uri('ghost.txt'), version: 7 }, contentChanges: [{ text: 'whole' }] });
    assert.deepEqual((await c.request('textDocument/diagnostic', { textDocument: { uri: u } })).result, { kind: 'full', items: [] });
    assert.ok(c.logs().some((l) => /not open/.test(l)), c.logs().join('\n'));
    await stillServes(c, 'closed.txt');
  } finally {
    await c.stop();
  }
});

test('a 50 MB paste: one clear size diagnostic, answered in seconds; then edits go on', async () => {
  const c = await RawClient.start();
  try {
    const u = uri('paste.txt');
    const text = seed('004');
    c.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'nianbao', version: 1, text } });
    await c.request('textDocument/diagnostic', { textDocument: { uri: u } });
    const line = '粘贴的表格 | 0 | 1 | 2 |\n';
    const paste = line.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(line)));
    const t0 = performance.now();
    c.notify('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ range: { start: pos(10, 0), end: pos(10, 0) }, text: paste }] });
    const r = await c.request('textDocument/diagnostic', { textDocument: { uri: u } }, 60000);
    const items = (r.result as { items: Diagnostic[] }).items;
    assert.equal(items.filter((d) => d.code === 'file-too-large').length, 1);
    assert.match(String(items[0].message), /文件过大（5\d\.\d MB.*且有\d+行，未作检查/);
    // 1.8 million lines: more than any report (LIMITS.lines), so not even the parts are read.
    assert.deepEqual(items.map((d) => d.code), ['file-too-large']);
    const ms = performance.now() - t0;
    assert.ok(ms < 30000, `${ms.toFixed(0)} ms`);
    // Undo the paste: the full checks come back.
    c.notify('textDocument/didChange', { textDocument: { uri: u, version: 3 }, contentChanges: [{ text }] });
    const back = await c.request('textDocument/diagnostic', { textDocument: { uri: u } });
    assert.equal((back.result as { items: Diagnostic[] }).items.length, check(text).findings.length);
    await stillServes(c, 'after-paste.txt');
  } finally {
    await c.stop();
  }
});

test('a binary file opened by mistake: exactly one clear diagnostic', async () => {
  const c = await RawClient.start();
  try {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xff, 0xfe, 0x80, 0x81, 0x9f]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    for (const [name, bytes] of [['report.docx', zip], ['scan.png', png], ['report.pdf', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\n')]] as const) {
      // As an editor shows it: decoded as UTF-8 with replacement characters.
      const text = new TextDecoder('utf-8').decode(Buffer.concat([bytes, Buffer.alloc(2000, 0x41)]));
      c.notify('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'nianbao', version: 1, text } });
      const r = await c.request('textDocument/diagnostic', { textDocument: { uri: uri(name) } });
      const items = (r.result as { items: Diagnostic[] }).items;
      assert.deepEqual(items.map((d) => d.code), ['not-text'], name);
      assert.match(String(items[0].message), /不是文本/);
    }
    await stillServes(c, 'after-binary.txt');
  } finally {
    await c.stop();
  }
});

test('thousands of edits per second: every keystroke arrives, the diagnostics are those of the final text', async () => {
  const c = await TestClient.start({ pull: true });
  try {
    const u = uri('typing.txt');
    c.open(u, seed('002'));
    await c.diagnostics(u);
    const t0 = performance.now();
    const N = 3000;
    let s = 12345;
    const r = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < N; i++) {
      const text = c.text(u);
      const lines = text.split('\n');
      const line = Math.floor(r() * lines.length);
      const ch = Math.floor(r() * (lines[line].length + 1));
      const k = r();
      if (k < 0.5) c.change(u, [{ range: { start: pos(line, ch), end: pos(line, ch) }, text: String(Math.floor(r() * 10)) }]);
      else if (k < 0.8 && ch > 0) c.change(u, [{ range: { start: pos(line, ch - 1), end: pos(line, ch) }, text: '' }]);
      else c.change(u, [{ range: { start: pos(line, ch), end: pos(line, ch) }, text: ['\n', '年', '|', ' '][Math.floor(r() * 4)] }]);
    }
    const sent = performance.now() - t0;
    const got = await c.diagnostics(u, 30000);
    const total = performance.now() - t0;
    const want = check(c.text(u)).findings.map((f) => toDiagnostic(f));
    assert.deepEqual(got.map((d) => [d.code, d.range, d.message]), want.map((d) => [d.code, d.range, d.message]));
    assert.ok(N / (sent / 1000) > 1000, `only ${(N / (sent / 1000)).toFixed(0)} edits/s were sent`);
    assert.ok(total < 20000, `${total.toFixed(0)} ms until the diagnostics of the last version`);
    // And the server is still responsive to everything else.
    const symbols = await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.ok(Array.isArray(symbols));
  } finally {
    await c.stop();
  }
});
