// Never lose a keystroke, never misapply a fix.
//
// 1. Any sequence of editor changes (typing, deleting, pasting, line breaks of every kind,
//    surrogate halves, reversed and out-of-range ranges) applied to the incremental checker gives
//    exactly the text an editor holds (vscode-languageserver-textdocument) and exactly the model
//    and findings of a fresh full check of that text, after every step.
// 2. The same through the built server (dist/server.js --stdio): random edit bursts go out as fast
//    as the pipe takes them; the server's diagnostics then equal a fresh check of the text the
//    client holds, each carrying its finding's id (unique) and that version, every code action
//    carries the version it was computed for, and once the document has changed such a fix is
//    refused by the client (as VS Code does) and changes nothing, and the old diagnostic sent again
//    gets no quick fix at all (not the fix of whatever now sits at its range).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { check, toDiagnostic } from '../../server/src/core';
import { ReportSession } from '../../server/src/core/incremental/session';
import { notText } from '../../server/src/lsp/large';
import { TestClient } from '../helpers/lspClient';
import { describeDoc, editArb, fuzz, fuzzAsync, fuzzSummary, mutatedDocArb, toChange } from '../helpers/fuzz';

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `incremental: …${a.slice(Math.max(0, i - 150), i + 150)}…\nfull:        …${b.slice(Math.max(0, i - 150), i + 150)}…`;
}

test('fuzz: the incremental checker equals the editor\'s text and a full check after every edit', () => {
  fuzz('incremental', 60, fc.tuple(mutatedDocArb(2), fc.array(editArb, { minLength: 1, maxLength: 12 })), ([doc, edits], record) => {
    const t0 = performance.now();
    let editor = TextDocument.create('file:///fuzz.txt', 'nianbao', 1, doc.text);
    const session = new ReportSession(doc.text);
    edits.forEach((e, step) => {
      const change = toChange(editor.getText(), e);
      editor = TextDocument.update(editor, [change], editor.version + 1);
      session.update(change);
      const text = editor.getText();
      const where = `${describeDoc(doc)}, step ${step}: ${JSON.stringify(change).slice(0, 300)}`;
      if (session.text !== text) throw new Error(`${where}: the session's text differs from the editor's (lost keystroke)\n${firstDifference(session.text, text)}`);
      const fresh = check(text);
      const got = JSON.stringify({ report: session.report, findings: session.findings });
      const want = JSON.stringify({ report: fresh.report, findings: fresh.findings });
      if (got !== want) throw new Error(`${where}: the incremental result differs from a full check\n${firstDifference(got, want)}`);
    });
    record(performance.now() - t0);
  });
});

let client: TestClient;
let n = 0;

before(async () => {
  client = await TestClient.start({ pull: true });
});

after(async () => {
  await client?.stop();
  for (const s of fuzzSummary()) process.stdout.write(`# ${s.name}: ${s.runs} cases in ${(s.ms / 1000).toFixed(1)} s, slowest ${s.slowest.toFixed(0)} ms\n`);
});

function strip(d: Diagnostic | ReturnType<typeof toDiagnostic>) {
  return { range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message, data: publicData(d.data) };
}

/** A diagnostic's data without the server's finding id (test/protocol/stale.test.ts checks that). */
function publicData(data: unknown) {
  const rest = { ...(data as Record<string, unknown> | undefined) };
  delete rest.finding;
  return Object.keys(rest).length ? rest : null;
}

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

test('fuzz: after any burst of edits the server\'s diagnostics equal a fresh check; its fixes carry their version and are refused once stale', async () => {
  await fuzzAsync('server-sync', 100, fc.tuple(mutatedDocArb(2), fc.array(editArb, { minLength: 1, maxLength: 30 }), fc.nat()), async ([doc, edits, pick], record) => {
    const t0 = performance.now();
    const c = client;
    const uri = `file:///fuzz/${++n}.txt`;
    try {
      c.open(uri, doc.text);
      // No waiting between edits: the notifications go out back to back.
      for (const e of edits) c.change(uri, [toChange(c.text(uri), e)]);
      const text = c.text(uri);
      const got = await c.diagnostics(uri);
      // A text with a NUL near the start is taken for a binary file: one 'not-text' diagnostic.
      const want = (notText(text)?.findings ?? check(text).findings).map((f) => toDiagnostic(f));
      assert.deepEqual(got.map(strip), want.map(strip), `${describeDoc(doc)} after ${edits.length} edits: the server's diagnostics differ from a fresh check of the client's text`);

      const version = c.docs.get(uri)!.version;
      const ids = got.map((d) => (d.data as { finding?: { rule: string; key: string; version: number } } | undefined)?.finding);
      assert.ok(ids.every((id, i) => id && id.rule === got[i].code && id.version === version), `${describeDoc(doc)}: a diagnostic without its finding id for version ${version}`);
      assert.equal(new Set(ids.map((id) => `${id!.rule} ${id!.key}`)).size, ids.length, `${describeDoc(doc)}: two diagnostics with one finding id`);
      const actions: CodeAction[] = await c.codeActions(uri, TOP, [], ['source.fixAll']);
      const d = got.length ? got[pick % got.length] : null;
      if (d) actions.push(...await c.codeActions(uri, d.range, [d]));
      for (const a of actions) {
        for (const dc of a.edit?.documentChanges ?? []) {
          assert.equal((dc as TextDocumentEdit).textDocument.version, version, `${describeDoc(doc)}: “${a.title}” was computed for version ${(dc as TextDocumentEdit).textDocument.version}, the document is at ${version}`);
        }
      }
      if (actions.length) {
        // One more keystroke: every earlier fix is now stale and must be refused, not misapplied.
        c.change(uri, [{ range: TOP, text: '\n' }]);
        const now = c.text(uri);
        for (const a of actions) assert.equal(c.apply(a.edit!), false, `${describeDoc(doc)}: a stale “${a.title}” was applied`);
        assert.equal(c.text(uri), now);
        if (d) {
          const again = await c.codeActions(uri, d.range, [d], ['quickfix']);
          assert.deepEqual(again.map((a) => a.title), [], `${describeDoc(doc)}: the diagnostic of version ${version} got a quick fix at version ${version + 1}`);
        }
      }
    } finally {
      c.close(uri);
    }
    record(performance.now() - t0);
  });
});
