// Format Document and the code lens above each table with totals, through dist/server.js --stdio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { renderReport } from '../../server/src/core/render/report';
import { formatDocument } from '../../server/src/core/service/format';
import { TestClient } from '../helpers/lspClient';

const URI = 'file:///reports/draft.nianbao';

/** A 2024 report with one wrong cell in table 三 (a row total and a column total fail) and one in table 四. */
function wrongInBothTables(): string {
  return renderReport({
    issuer: '某县某局', year: 2024, layout: 'markdown',
    value: (row, col) => ((row === 'granted' && col === 'naturalPerson') || (row === 'review' && col === 'upheld') ? '1' : '0'),
  });
}

const unaligned = (text: string) => text.replace(/ *\| */g, '|');

test('capabilities: document formatting and code lenses; the per-table recompute command', async () => {
  const c = await TestClient.start();
  try {
    const caps = c.initializeResult.capabilities;
    assert.equal(caps.documentFormattingProvider, true);
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(caps.executeCommandProvider?.commands, ['nianbao.server.recomputeTotals', 'nianbao.server.toSimplified', 'nianbao.server.recomputeTable']);
  } finally {
    await c.stop();
  }
});

test('Format Document aligns the tables, the diagnostics stay the same, and a second format changes nothing', async () => {
  const c = await TestClient.start();
  try {
    const text = unaligned(wrongInBothTables());
    c.open(URI, text);
    const before = (await c.diagnostics(URI)).map((d: Diagnostic) => `${d.code} ${d.message}`);
    const edits = await c.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 40);
    const formatted = TextDocument.applyEdits(c.docs.get(URI)!, edits);
    assert.equal(formatted, wrongInBothTables(), 'the aligned text is the skeleton as rendered');
    c.change(URI, [{ text: formatted }]);
    assert.deepEqual((await c.diagnostics(URI)).map((d: Diagnostic) => `${d.code} ${d.message}`), before);
    assert.deepEqual(await c.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } }), []);
    assert.deepEqual(formatDocument(formatted), []);
  } finally {
    await c.stop();
  }
});

test('an HTML report and a binary file are not formatted', async () => {
  const c = await TestClient.start();
  try {
    c.open('file:///r/a.html', `<html><body><table>\n|a|b|\n|cc|d|\n</table></body></html>`, 'nianbao');
    assert.deepEqual(await c.request('textDocument/formatting', { textDocument: { uri: 'file:///r/a.html' }, options: { tabSize: 2, insertSpaces: true } }), []);
    c.open('file:///r/b.nianbao', `PK\u0003\u0004\u0000\u0000|a|b|\n|cc|d|\n`, 'nianbao');
    assert.deepEqual(await c.request('textDocument/formatting', { textDocument: { uri: 'file:///r/b.nianbao' }, options: { tabSize: 2, insertSpaces: true } }), []);
  } finally {
    await c.stop();
  }
});

for (const locale of ['zh-cn', 'en']) {
  test(`code lenses (${locale}): how many totals fail above each table; running one recomputes that table only`, async () => {
    const c = await TestClient.start({ locale });
    const zh = locale === 'zh-cn';
    try {
      c.open(URI, wrongInBothTables());
      await c.diagnostics(URI);
      const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
      assert.deepEqual(lenses.map((l) => l.command!.title), zh
        ? ['2处合计不符 · 重新计算本表', '1处合计不符 · 重新计算本表']
        : ['2 total(s) do not add up · Recompute this table', '1 total(s) do not add up · Recompute this table']);
      const lines = c.text(URI).split('\n');
      assert.match(lines[lenses[0].range.start.line], /勾稽关系/, 'above table 三');
      assert.match(lines[lenses[1].range.start.line], /行政复议/, 'above table 四');
      const four = lenses[1].command!;
      assert.equal(four.command, 'nianbao.server.recomputeTable');
      const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: four.command, arguments: four.arguments });
      assert.deepEqual(r, { applied: true, edits: 1 });
      const codes = (await c.diagnostics(URI)).map((d) => d.code);
      assert.deepEqual(codes, ['row-total', 'column-total'], 'table 三 untouched');
      const after = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
      assert.deepEqual(after.map((l) => [l.command!.title, l.command!.command]), [
        [zh ? '2处合计不符 · 重新计算本表' : '2 total(s) do not add up · Recompute this table', 'nianbao.server.recomputeTable'],
        [zh ? '合计均相符' : 'All totals add up', ''],
      ]);
    } finally {
      await c.stop();
    }
  });
}

test('a lens says when totals could not be checked, and a table with a wrong balance only has nothing to recompute', async () => {
  const c = await TestClient.start();
  try {
    const blank = renderReport({ issuer: '某县某局', year: 2024, layout: 'markdown', value: (row, col) => (row === 'granted' && col === 'research' ? '' : '0') });
    c.open(URI, blank);
    await c.diagnostics(URI);
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.match(lenses[0].command!.title, /^\d+处合计未能核对（有空白、不是数字或缺少的单元格）$/);
    assert.equal(lenses[0].command!.command, '');
    assert.equal(lenses[1].command!.title, '合计均相符');
    const balance = renderReport({ issuer: '某县某局', year: 2024, layout: 'markdown', value: (row, col) => (row === 'carriedForward' && (col === 'naturalPerson' || col === 'total') ? '1' : '0') });
    c.change(URI, [{ text: balance }]);
    await c.diagnostics(URI);
    const b = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.equal(b[0].command!.title, '2处合计不符', 'the balance of two columns: 结转下年度 is a count, never recomputed');
    assert.equal(b[0].command!.command, '');
    assert.deepEqual(await c.request('workspace/executeCommand', { command: 'nianbao.server.recomputeTable', arguments: [{ uri: URI, table: 'active' }] }), { applied: false, edits: 0 });
  } finally {
    await c.stop();
  }
});
