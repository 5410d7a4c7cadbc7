// The long soak (issue 14): hundreds of documents, thousands of edits, typing into a long line inside a
// table, through the built server. It fails on divergence from a fresh check, on a crash, or when the
// server's heap (after full collections) grows beyond the bound stated below once the documents are closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { check, RULES } from '../../server/src/core';
import { corpusFiles, seed } from '../helpers/fixtures';
import { allShapes, fixedModel } from '../helpers/layouts';
import { TestClient } from '../helpers/lspClient';

/** The rules that read other reports (`across`): what they find depends on the other open documents. */
const ACROSS = new Set(RULES.filter((r) => r.across).map((r) => r.id));

const DOCUMENTS = 300;
const EDITS = 12;
const LONG_LINE_KEYSTROKES = 600;
/** What the server may keep after every document is closed (caches are bounded to about 4 MB). */
const RETAINED_MB = 32;

/** A small deterministic generator: the soak is the same run every time, and a failure says its document. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

function edit(text: string, r: () => number): TextDocumentContentChangeEvent {
  const at = Math.floor(r() * text.length);
  const pos = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split(/\r\n|\r|\n/).length - 1;
    return { line, character: o - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1 };
  };
  const kind = r();
  const insert = kind < 0.5 ? String(Math.floor(r() * 10)) : kind < 0.6 ? '\n' : kind < 0.7 ? '| 1 | 2 |\n' : '';
  const end = insert === '' ? Math.min(text.length, at + 1 + Math.floor(r() * 3)) : at;
  return { range: { start: pos(at), end: pos(end) }, text: insert };
}

function heap(c: TestClient, log: string): Promise<number> {
  const before = readFileSync(log, 'utf8').length;
  c.proc.kill('SIGUSR2');
  return new Promise((resolve) => {
    const poll = () => {
      const s = readFileSync(log, 'utf8');
      if (s.length > before) resolve(JSON.parse(s.slice(before).trim().split('\n')[0]).heapUsed / 2 ** 20);
      else setTimeout(poll, 20);
    };
    poll();
  });
}

test(`soak: ${DOCUMENTS} documents, ${DOCUMENTS * EDITS} edits and ${LONG_LINE_KEYSTROKES} keystrokes in a long table line, in step with fresh checks; the heap comes back`, { timeout: 600_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-soak-'));
  const log = join(dir, 'heap.jsonl');
  writeFileSync(log, '');
  process.env.NIANBAO_HEAP_LOG = log;
  const c = await TestClient.start({ pull: true, nodeArgs: ['--expose-gc', '--require', join(__dirname, '..', 'helpers', 'heapProbe.cjs')] });
  try {
    const model = fixedModel('2021');
    const texts = [...['000', '001', '002', '003', '004'].map(seed), ...corpusFiles().map((f) => readFileSync(f, 'utf8')), ...Object.values(allShapes()).map((s) => s(model))];
    // Warm up (code, caches), then the baseline.
    for (let k = 0; k < 20; k++) {
      c.open(`file:///warm/${k}.txt`, texts[k % texts.length]);
      await c.diagnostics(`file:///warm/${k}.txt`);
      c.close(`file:///warm/${k}.txt`);
    }
    const baseline = await heap(c, log);

    const r = random(14);
    const uris: string[] = [];
    for (let k = 0; k < DOCUMENTS; k++) {
      const uri = `file:///soak/${k}.txt`;
      uris.push(uri);
      c.open(uri, texts[k % texts.length]);
      for (let e = 0; e < EDITS; e++) c.change(uri, [edit(c.text(uri), r)]);
      if (k % 10 === 0) {
        // The open documents are copies of each other: the cross-report rules see them, a fresh check of one text does not.
        const got = (await c.diagnostics(uri, 30_000)).filter((d) => !ACROSS.has(String(d.code))).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
        const want = check(c.text(uri)).findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`);
        assert.deepEqual(got, want, `document ${k} (${uri}) after ${EDITS} edits`);
      }
    }
    const open = await heap(c, log);

    // A long line inside table 三, typed into at its start: every keystroke makes a new version of it.
    const lines = seed('000').split('\n');
    const at = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    lines.splice(at, 0, '说明'.repeat(50_000));
    const longUri = 'file:///soak/long-line.txt';
    c.open(longUri, lines.join('\n'));
    for (let k = 0; k < LONG_LINE_KEYSTROKES; k++) {
      c.change(longUri, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: '注' }]);
      if (k % 100 === 99) await c.diagnostics(longUri, 30_000);
    }
    const long = (await c.diagnostics(longUri, 30_000)).map((d) => d.code);
    assert.deepEqual(long, check(c.text(longUri)).findings.map((f) => f.ruleId), 'the long line');

    for (const uri of [...uris, longUri]) c.close(uri);
    await c.request('textDocument/documentSymbol', { textDocument: { uri: longUri } });
    const closed = await heap(c, log);
    t.diagnostic(`server heap ${baseline.toFixed(1)} MB before, ${open.toFixed(1)} MB with ${DOCUMENTS} open, ${closed.toFixed(1)} MB after closing them`);
    assert.equal(c.proc.exitCode, null, 'the server is running');
    assert.ok(closed - baseline < RETAINED_MB, `heap ${baseline.toFixed(1)} MB before, ${open.toFixed(1)} MB with ${DOCUMENTS} open, ${closed.toFixed(1)} MB after closing them`);
  } finally {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
