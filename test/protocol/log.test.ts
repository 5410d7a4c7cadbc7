// What the server writes to the client's log (window/logMessage): its start at the info level, and what it
// does per document (opened, checked with timing and counts, edits, closed) at the debug level only, so
// that a log at its default level (info) shows one line, however much is typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';
import { findingCounts } from '../../server/src/lsp/log';
import { seed } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const DEBUG = 5; // MessageType.Debug (LSP 3.18)
const URI = 'file:///reports/004.txt';

for (const pull of [false, true]) {
  test(`${pull ? 'pull' : 'push'}: the start at info; opened, checked, edits and closed at debug, with timing and counts`, async () => {
    const c = await TestClient.start({ pull });
    const logs: { type: number; message: string }[] = [];
    c.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => void logs.push(p));
    try {
      assert.ok(c.logs.some((l) => /^nianbao \S+ started \(messages in zh-CN, diagnostics (pushed|pulled)\)$/.test(l)), c.logs.join('\n'));
      const text = seed('004');
      c.open(URI, text, 'plaintext');
      await c.diagnostics(URI);
      const line = text.split('\n').findIndex((l) => l.includes('（七）总计'));
      c.change(URI, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }]);
      await c.diagnostics(URI);
      const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: 'nianbao.server.recomputeTotals', arguments: [{ uri: URI }] });
      assert.equal(r.applied, true);
      c.close(URI);
      await c.request('textDocument/documentSymbol', { textDocument: { uri: URI } });

      assert.deepEqual(logs.filter((l) => l.type !== DEBUG), [], 'nothing above debug while documents are edited');
      const said = logs.map((l) => l.message);
      assert.ok(said.includes(`opened ${URI} (plaintext, version 1, ${text.length} characters)`), said.join('\n'));
      const counts = findingCounts(check(text).findings);
      assert.match(counts, /^3 errors, \d+ warnings?, \d+ others?$/);
      assert.ok(said.some((m) => m.startsWith(`checked ${URI} (version 1; read: whole text, `) && /\d+\.\d\d ms\): /.test(m) && m.endsWith(counts)), said.join('\n'));
      assert.ok(said.some((m) => new RegExp(`^checked ${URI} \\(version 2; read: \\w+, \\d+\\.\\d\\d ms\\)`).test(m)), said.join('\n'));
      assert.ok(said.some((m) => m === `nianbao.server.recomputeTotals on ${URI} (version 2): ${r.edits} edit(s), applied`), said.join('\n'));
      assert.ok(said.includes(`closed ${URI}`), said.join('\n'));
    } finally {
      await c.stop();
    }
  });
}

test('a document checked by the workspace check is logged too', async () => {
  const c = await TestClient.start({ pull: true });
  const logs: string[] = [];
  c.conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  try {
    await c.request('nianbao/checkText', { uri: 'file:///reports/003.txt', text: seed('003') });
    assert.ok(logs.some((m) => m.startsWith('checked file:///reports/003.txt (version 0; read: whole text, not open (workspace check), ')), logs.join('\n'));
  } finally {
    await c.stop();
  }
});
