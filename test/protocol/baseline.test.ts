// The baseline through the server: the client reads its workspace folder's .nianbao-baseline.json and
// passes its text with the settings (`baseline`); accepted findings are not shown; 标记为已核实 is a code
// action whose command (the client's) carries the finding's entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Command } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';
import { seed } from '../helpers/fixtures';
import { serializeBaseline, type BaselineEntry } from '../../server/src/core/baseline';

const BASELINE_URI = 'file:///work/%E5%B9%B4%E6%8A%A5/.nianbao-baseline.json';
const REPORT = 'file:///work/%E5%B9%B4%E6%8A%A5/%E5%A4%A7%E5%85%B4/2023.txt'; // 年报/大兴/2023.txt
const baseline = (entries: BaselineEntry[]) => ({ uri: BASELINE_URI, text: serializeBaseline(new Map([['大兴/2023.txt', entries]])) });

test('标记为已核实: the action carries the entry; with it in the baseline the finding is gone, and the others stay', async () => {
  const c = await TestClient.start({ pull: true, initializationOptions: { acceptFinding: true } });
  try {
    c.open(REPORT, seed('004'));
    const before = await c.diagnostics(REPORT);
    const rowTotal = before.find((d) => d.code === 'row-total')!;
    const actions = await c.codeActions(REPORT, rowTotal.range, [rowTotal]);
    const accept = actions.find((a) => a.title.startsWith('标记为已核实')) as CodeAction & { command: Command };
    assert.ok(accept, actions.map((a) => a.title).join(' | '));
    assert.equal(accept.command.command, 'nianbao.acceptFinding');
    const [{ uri, entry }] = accept.command.arguments as [{ uri: string; entry: BaselineEntry }];
    assert.equal(uri, REPORT);
    assert.equal(entry.rule, 'row-total');

    // The client wrote the file and its watcher fired: a configuration change.
    c.settings = { baseline: baseline([entry]) };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 300));
    const after = await c.diagnostics(REPORT);
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.some((d) => d.code === 'row-total' && d.range.start.line === rowTotal.range.start.line));

    // Typing a line above keeps it accepted; another folder's report of the same name is not meant.
    c.change(REPORT, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '附：\n' }]);
    assert.equal((await c.diagnostics(REPORT)).length, before.length - 1);
    const other = 'file:///work/other/%E5%A4%A7%E5%85%B4/2023.txt';
    c.open(other, seed('004'));
    assert.equal((await c.diagnostics(other)).length, before.length);
  } finally {
    await c.stop();
  }
});

test('without the client command (another editor) no 标记为已核实; a broken baseline accepts nothing', async () => {
  const c = await TestClient.start({ pull: true, settings: { baseline: { uri: BASELINE_URI, text: '{ broken' } } });
  try {
    c.open(REPORT, seed('004'));
    const ds = await c.diagnostics(REPORT);
    assert.ok(ds.length > 0);
    const actions = await c.codeActions(REPORT, ds[0].range, [ds[0]]);
    assert.ok(!actions.some((a) => a.title.startsWith('标记为已核实')));
  } finally {
    await c.stop();
  }
});
