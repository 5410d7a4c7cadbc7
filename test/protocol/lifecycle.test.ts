// The protocol as LSP says: the lifecycle (no service before `initialize`, none after `shutdown`,
// `exit` codes), a client that stops reading (the server stops taking its messages, its memory stays
// bounded, and every response arrives in order once the client reads again), and a declared
// Content-Length above the limit (skipped as it streams, never buffered).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { seed } from '../helpers/fixtures';
import { answerTo, takeFrames, type Message } from '../helpers/frames';
import { SERVER } from '../helpers/lspClient';

/** A client on raw stdio that sends what it is told, in any order, and reads only when asked to. */
class Wire {
  readonly proc: ChildProcess;
  readonly received: Message[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.proc.stdin!.on('error', () => undefined);
  }

  /** Starts reading the server's output (until then it stays unread). */
  read(): void {
    this.proc.stdout!.on('data', (d: Buffer) => this.parse(d));
    this.proc.stdout!.resume();
  }

  private parse(d: Buffer): void {
    const { messages, rest } = takeFrames(this.buffer.length ? Buffer.concat([this.buffer, d]) : d);
    this.buffer = rest;
    for (const m of messages) {
      if (m.method && m.id !== undefined) this.send(answerTo(m));
      else this.received.push(m);
    }
    this.waiters.splice(0).forEach((w) => w());
  }

  send(message: unknown): boolean {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return this.proc.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(id: number | string, method: string, params: unknown = {}): void {
    this.send({ jsonrpc: '2.0', id, method, params });
  }

  notify(method: string, params: unknown = {}): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async until<T>(found: () => T | undefined, what: string, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = found();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  response(id: number | string): Promise<Message> {
    return this.until(() => this.received.find((m) => m.id === id && m.method === undefined), `the response to ${id}`);
  }

  logs(): string[] {
    return this.received.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);
  }

  async initialize(): Promise<void> {
    this.request('init', 'initialize', { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
    assert.ok(((await this.response('init')).result as { capabilities: unknown }).capabilities);
    this.notify('initialized');
  }

  async exitCode(timeoutMs = 5000): Promise<number | null> {
    if (this.proc.exitCode === null) {
      const t = setTimeout(() => this.proc.kill(), timeoutMs);
      await once(this.proc, 'exit');
      clearTimeout(t);
    }
    return this.proc.exitCode;
  }

  /** The server's resident memory in MB (Linux), or null. */
  rss(): number | null {
    const status = `/proc/${this.proc.pid}/status`;
    if (!existsSync(status)) return null;
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(status, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  }
}

const URI = 'file:///lifecycle/004.txt';
const open = (w: Wire, uri = URI) => w.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: seed('004') } });
const symbols = (w: Wire, id: number | string, uri = URI) => w.request(id, 'textDocument/documentSymbol', { textDocument: { uri } });
const folds = (w: Wire, id: number | string, uri = URI) => w.request(id, 'textDocument/foldingRange', { textDocument: { uri } });

test('before initialize: requests get ServerNotInitialized (-32002), notifications are dropped; then the server serves', async () => {
  const w = new Wire();
  w.read();
  try {
    symbols(w, 'early');
    open(w);
    w.request('early-shutdown', 'shutdown', null);
    const early = await w.response('early');
    assert.equal(early.error?.code, -32002);
    assert.equal((await w.response('early-shutdown')).error?.code, -32002);
    await w.initialize();
    // The didOpen sent before initialize was dropped: the document is not open.
    symbols(w, 'dropped');
    assert.deepEqual((await w.response('dropped')).result, []);
    open(w);
    symbols(w, 'served');
    assert.ok(((await w.response('served')).result as unknown[]).length > 0);
    assert.equal(w.proc.exitCode, null);
  } finally {
    w.proc.kill();
  }
});

test('after shutdown: requests get InvalidRequest (-32600); exit then ends the server with 0', async (t) => {
  const w = new Wire();
  w.read();
  t.after(() => w.proc.kill());
  await w.initialize();
  open(w);
  w.request('bye', 'shutdown', null);
  symbols(w, 'late');
  w.notify('textDocument/didClose', { textDocument: { uri: URI } });
  w.request('late-init', 'initialize', { processId: null, rootUri: null, capabilities: {} });
  assert.equal((await w.response('bye')).result, null);
  assert.equal((await w.response('late')).error?.code, -32600);
  assert.equal((await w.response('late-init')).error?.code, -32600);
  w.notify('exit');
  assert.equal(await w.exitCode(), 0);
});

test('exit without shutdown ends the server with 1, before initialize as after it', async (t) => {
  for (const initialize of [false, true]) {
    const w = new Wire();
    w.read();
    t.after(() => w.proc.kill());
    if (initialize) await w.initialize();
    w.notify('exit');
    assert.equal(await w.exitCode(), 1, initialize ? 'initialized' : 'not initialized');
  }
});

test('a client that does not read: the server stops reading, its memory stays bounded; then every response arrives in order', async (t) => {
  const w = new Wire();
  w.read();
  t.after(() => w.proc.kill());
  await w.initialize();
  open(w);
  symbols(w, 'warm');
  await w.response('warm');
  w.proc.stdout!.removeAllListeners('data');
  w.proc.stdout!.pause();
  const N = 20000;
  for (let i = 1; i <= N; i++) folds(w, i);
  // The client's own writes back up: the server has stopped taking its messages.
  let peak = 0;
  const stalled = Date.now();
  while (Date.now() - stalled < 2000) {
    peak = Math.max(peak, w.rss() ?? 0);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(w.proc.stdin!.writableLength > 0, 'the server kept reading while its output was unread');
  assert.ok(peak < 200, `the server grew to ${peak.toFixed(0)} MB`);
  w.read();
  const ids = await w.until(() => {
    const got = w.received.filter((m) => typeof m.id === 'number' && m.method === undefined);
    return got.length >= N ? got.map((m) => m.id) : undefined;
  }, `${N} responses`, 30000);
  assert.deepEqual(ids, Array.from({ length: N }, (_, i) => i + 1));
  assert.equal(w.proc.exitCode, null);
});

test('a declared Content-Length above 128 MB is skipped as it streams, logged once; the next message is read', async () => {
  const w = new Wire();
  w.read();
  await w.initialize();
  let peak = 0;
  const probe = setInterval(() => void (peak = Math.max(peak, w.rss() ?? 0)), 20);
  const write = async (bytes: Buffer | string) => {
    if (!w.proc.stdin!.write(bytes)) await once(w.proc.stdin!, 'drain');
  };
  try {
    const junk = Buffer.alloc(1 << 20, 'x');
    // A lie: 10 GB declared, 300 MB sent, then a well-formed request.
    await write('Content-Length: 10000000000\r\n\r\n{"jsonrpc":"2.0","id":"huge","method":"shutdown","params":"');
    for (let i = 0; i < 300; i++) await write(junk);
    symbols(w, 'after-lie');
    assert.deepEqual((await w.response('after-lie')).result, []);
    // An honest 200 MB message: its body is skipped to its end, the next message read normally.
    const size = 200 * (1 << 20);
    await write(`Content-Length: ${size}\r\n\r\n`);
    for (let i = 0; i < 200; i++) await write(junk);
    symbols(w, 'after-honest');
    assert.deepEqual((await w.response('after-honest')).result, []);
    assert.ok(peak < 200, `the server grew to ${peak.toFixed(0)} MB`);
    const skipped = w.logs().filter((l) => /skipped a message of/.test(l));
    assert.deepEqual(skipped.map((l) => /of (\d+) bytes/.exec(l)?.[1]), ['10000000000', String(size)]);
    assert.equal(w.received.find((m) => m.id === 'huge'), undefined, 'the refused request is not answered');
  } finally {
    clearInterval(probe);
    w.proc.kill();
  }
});

test('on IPC (as the extension starts the server) the lifecycle is the same', async (t) => {
  const proc = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  t.after(() => proc.kill());
  const received: Message[] = [];
  proc.on('message', (m: Message) => void received.push(m));
  const response = async (id: string): Promise<Message> => {
    const deadline = Date.now() + 10000;
    for (;;) {
      const m = received.find((x) => x.id === id && x.method === undefined);
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`no response to ${id}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const request = (id: string, method: string, params: unknown) => proc.send({ jsonrpc: '2.0', id, method, params });
  request('early', 'textDocument/documentSymbol', { textDocument: { uri: URI } });
  assert.equal((await response('early')).error?.code, -32002);
  request('init', 'initialize', { processId: null, rootUri: null, capabilities: {} });
  assert.ok((await response('init')).result);
  request('bye', 'shutdown', null);
  request('late', 'textDocument/documentSymbol', { textDocument: { uri: URI } });
  assert.equal((await response('late')).error?.code, -32600);
  proc.send({ jsonrpc: '2.0', method: 'exit' });
  if (proc.exitCode === null) await once(proc, 'exit');
  assert.equal(proc.exitCode, 0);
});
