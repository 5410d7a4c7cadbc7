import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver-protocol';
import { check, toDiagnostic } from '../../server/src/core';
import { seed } from '../helpers/fixtures';
import { SERVER, TestClient } from '../helpers/lspClient';

const ARITHMETIC = new Set(['row-total', 'column-total', 'carry-over-balance', 'review-litigation-total']);
const uriOf = (name: string) => `file:///reports/${name}`;

for (const pull of [false, true]) {
  const mode = pull ? 'pull' : 'push';

  test(`${mode}: every seed gets exactly the CLI's diagnostics (codes, ranges, messages, data)`, async () => {
    const c = await TestClient.start({ pull });
    try {
      for (const p of ['000', '001', '002', '003', '004']) {
        const text = seed(p);
        c.open(uriOf(`${p}.txt`), text, 'plaintext');
        const got = await c.diagnostics(uriOf(`${p}.txt`));
        const want = check(text).findings.map((f) => toDiagnostic(f));
        assert.deepEqual(got.map(strip), want.map(strip), p);
      }
    } finally {
      await c.stop();
    }
  });
}

function strip(d: Diagnostic | ReturnType<typeof toDiagnostic>) {
  return { range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message, data: publicData(d.data) };
}

/** A diagnostic's data without the server's finding id (test/protocol/stale.test.ts checks that). */
function publicData(data: unknown) {
  const rest = { ...(data as Record<string, unknown> | undefined) };
  delete rest.finding;
  return Object.keys(rest).length ? rest : undefined;
}

test('initialize: capabilities for incremental sync, quick fixes, fix-all, outline, folding, hover; pull only when the client supports it', async () => {
  const push = await TestClient.start();
  const pull = await TestClient.start({ pull: true });
  try {
    const caps = push.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.nianbao'] });
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.diagnosticProvider, undefined);
    assert.deepEqual(pull.initializeResult.capabilities.diagnosticProvider, { identifier: 'nianbao', interFileDependencies: true, workspaceDiagnostics: false });
    assert.equal(push.initializeResult.serverInfo?.name, 'nianbao');
  } finally {
    await push.stop();
    await pull.stop();
  }
});

test('seed 004: Ctrl+. on a row total replaces exactly that cell; the diagnostic goes, the others stay', async () => {
  const c = await TestClient.start();
  try {
    const uri = uriOf('004.txt');
    const before = seed('004');
    c.open(uri, before, 'plaintext');
    const ds = await c.diagnostics(uri);
    const target = ds.find((d) => d.code === 'row-total')!;
    const actions = await c.codeActions(uri, target.range, [target]);
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.title, '将此格改为1');
    assert.equal(preferred.kind, 'quickfix');
    const edit = preferred.edit!.documentChanges![0] as { textDocument: { version: number }; edits: { range: unknown; newText: string }[] };
    assert.equal(edit.textDocument.version, 1);
    assert.deepEqual(edit.edits, [{ range: target.range, newText: '1' }]);
    assert.ok(actions.some((a) => a.title === '重新计算本表全部合计'));
    assert.ok(c.apply(preferred.edit!));
    const after = c.text(uri);
    const changed = diffLines(before, after);
    assert.deepEqual(changed, [{ line: target.range.start.line, before: '\t0', after: '\t1' }]);
    // That diagnostic is gone and the others stay; fixing one of three wrong totals exposes the
    // balance (新收's total is now 1), which recomputing the whole table settles. The prose's 1
    // application now agrees with the table: that diagnostic goes too.
    const ds2 = await c.diagnostics(uri);
    const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}`;
    assert.deepEqual(ds2.map(key).filter((k) => k !== 'carry-over-balance@350'),
      ds.filter((d) => d !== target && d.code !== 'prose-table-mismatch').map(key));
    assert.ok(ds.some((d) => d.code === 'prose-table-mismatch'));
  } finally {
    await c.stop();
  }
});

test('fix-all recomputes every total at once (row totals, then (七)总计, then the balance) and reaches a fixed point', async () => {
  const c = await TestClient.start({ pull: true });
  try {
    for (const p of ['002', '004']) {
      const uri = uriOf(`${p}.txt`);
      c.open(uri, seed(p), 'plaintext');
      const ds = await c.diagnostics(uri);
      const all = await c.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
      assert.equal(all.length, 1, p);
      assert.equal(all[0].kind, 'source.fixAll.nianbao');
      assert.ok(c.apply(all[0].edit!));
      const after = await c.diagnostics(uri);
      assert.deepEqual(after.filter((d) => ARITHMETIC.has(String(d.code))), [], p);
      // The section numeral of seed 004 is a safe fix too.
      assert.ok(!after.some((d) => d.code === 'section-numeral'), p);
      assert.ok(ds.length > after.length);
      const again = await c.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
      assert.deepEqual(again, [], `${p}: fix-all is idempotent`);
    }
    // 002: only the (七)总计 total becomes 2 — the balance then holds, so 结转下年度 keeps its 0
    // (recomputing the balance first would have written a wrong 2 there).
    // The site navigation after part 六 goes too (text-residue's fix is safe): nothing else changes.
    const [before, fixed] = [seed('002'), c.text(uriOf('002.txt'))];
    const cut = before.indexOf('\n\n相關詞條');
    const changed = diffLines(before.slice(0, cut), fixed.slice(0, cut));
    assert.deepEqual(changed.map((x) => [x.line, x.after.trim()]), [[219, '2']]);
    assert.equal(fixed.slice(cut), before.slice(before.lastIndexOf('聯絡我們') + 4));
  } finally {
    await c.stop();
  }
});

test('a fix computed for an older version is refused, not misapplied', async () => {
  const c = await TestClient.start();
  try {
    const uri = uriOf('004.txt');
    c.open(uri, seed('004'), 'plaintext');
    const ds = await c.diagnostics(uri);
    const target = ds.find((d) => d.code === 'row-total')!;
    const [fix] = (await c.codeActions(uri, target.range, [target])).filter((a) => a.isPreferred);
    c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const before = c.text(uri);
    assert.equal(c.apply(fix.edit!), false);
    assert.equal(c.text(uri), before);
  } finally {
    await c.stop();
  }
});

test('incremental edits: typing a digit into a cell and deleting a heading, the diagnostics follow', async () => {
  const c = await TestClient.start();
  try {
    const uri = uriOf('003.txt');
    const text = seed('003');
    c.open(uri, text, 'plaintext');
    // Seed 003 opens without a title line: that warning stays throughout and is not this test's concern.
    const titled = <D extends { code?: unknown }>(ds: D[]): D[] => ds.filter((d) => d.code !== 'preamble-missing');
    assert.deepEqual(titled(await c.diagnostics(uri)), []);
    // 本年新收 / 自然人: '27' → '287' (a digit typed in the middle).
    const line = text.split('\n').indexOf('27 |');
    c.change(uri, [{ range: { start: { line, character: 1 }, end: { line, character: 1 } }, text: '8' }]);
    let ds = titled(await c.diagnostics(uri));
    assert.deepEqual(ds.map((d) => [d.code, d.data && (d.data as { expected: number }).expected]), [['row-total', 289], ['carry-over-balance', 260]]);
    c.change(uri, [{ range: { start: { line, character: 1 }, end: { line, character: 2 } }, text: '' }]);
    assert.deepEqual(titled(await c.diagnostics(uri)), []);
    // Delete the heading of part 五.
    const h = text.split('\n').findIndex((l) => l.startsWith('五、'));
    c.change(uri, [{ range: { start: { line: h, character: 0 }, end: { line: h + 1, character: 0 } }, text: '' }]);
    ds = titled(await c.diagnostics(uri));
    assert.deepEqual(ds.map((d) => d.code), ['section-missing']);
    assert.match(String(ds[0].message), /缺少第五部分“五、存在的主要问题及改进情况”/);
    const [insert] = await c.codeActions(uri, ds[0].range, ds);
    assert.equal(insert.title, '插入第五部分“存在的主要问题及改进情况”');
  } finally {
    await c.stop();
  }
});

test('hover names a cell\'s row and column and its relations; outline and folding follow the parts and tables', async () => {
  const c = await TestClient.start({ pull: true });
  try {
    const uri = uriOf('004.txt');
    c.open(uri, seed('004'), 'plaintext');
    const hover = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 341, character: 1 } });
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /“收到和处理政府信息公开申请情况”表.*“（七）总计”行“总计”列/);
    assert.match(md, /行合计.*计算值1，填写值0 ✗/);
    assert.match(md, /列合计.*计算值0，填写值0 ✓/);
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['一、总体情况', '二、主动公开政府信息情况', '2、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    assert.equal(symbols[2].children?.[0].name, '“收到和处理政府信息公开申请情况”表');
    assert.equal(symbols[2].children?.[0].children?.length, 25);
    const folds = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === 62));
    assert.ok(folds.some((f) => f.startLine === 64 && f.endLine === 350));
  } finally {
    await c.stop();
  }
});

test('English display language gives English messages; per-rule severity and off come from the settings', async () => {
  const c = await TestClient.start({ locale: 'en', settings: { rules: { 'section-numeral': 'off', 'row-total': 'warning', 'text-residue': 'off' } } });
  try {
    const uri = uriOf('004.txt');
    c.open(uri, seed('004'), 'plaintext');
    const ds = await c.diagnostics(uri);
    assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['prose-table-mismatch', 2], ['row-total', 2], ['row-total', 2], ['row-total', 2]]);
    assert.match(String(ds[0].message), /^The text states the new applications this year as 1, but/);
    assert.match(String(ds[1].message), /^The total of row “New applications this year” should be 1/);
    c.settings = {};
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 300));
    c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    assert.equal((await c.diagnostics(uri)).length, 6);
  } finally {
    await c.stop();
  }
});

test('the recompute-totals command and the check-text request', async () => {
  const c = await TestClient.start();
  try {
    const uri = uriOf('002.txt');
    c.open(uri, seed('002'), 'plaintext');
    await c.diagnostics(uri);
    const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: 'nianbao.server.recomputeTotals', arguments: [{ uri }] });
    assert.deepEqual(r, { applied: true, edits: 1 });
    const ds = await c.diagnostics(uri);
    assert.deepEqual(ds.filter((d) => ARITHMETIC.has(String(d.code))), []);
    const checked = await c.request<{ diagnostics: Diagnostic[] }>('nianbao/checkText', { uri: 'file:///x/004.txt', text: seed('004') });
    assert.equal(checked.diagnostics.length, 6);
  } finally {
    await c.stop();
  }
});

test('a report in Traditional Chinese: the diagnostic\'s code action and the to-Simplified command convert it, numbers and lines in place', async () => {
  const c = await TestClient.start();
  try {
    const uri = uriOf('002.txt');
    const before = seed('002');
    c.open(uri, before, 'plaintext');
    const ds = await c.diagnostics(uri);
    const d = ds.find((x) => x.code === 'traditional-script')!;
    assert.equal(d.severity, 3);
    const actions = await c.codeActions(uri, d.range, [d]);
    assert.deepEqual(actions.filter((a) => a.kind === 'quickfix').map((a) => a.title), ['转换为简体中文', '在此处忽略此规则（traditional-script）', '在本文件中忽略此规则（traditional-script）']);
    const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: 'nianbao.server.toSimplified', arguments: [{ uri }] });
    assert.equal(r.applied, true);
    assert.ok(r.edits > 100);
    const after = c.text(uri);
    assert.equal(after.length, before.length);
    assert.deepEqual(after.match(/\d+/g), before.match(/\d+/g));
    assert.match(after, /^山西省退役军人事务厅2019年政府信息公开年度报告/);
    const ds2 = await c.diagnostics(uri);
    assert.deepEqual(ds2.filter((x) => x.code === 'traditional-script'), []);
    assert.deepEqual(ds2.map((x) => [x.code, x.range]), ds.filter((x) => x.code !== 'traditional-script').map((x) => [x.code, x.range]));
    const again = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: 'nianbao.server.toSimplified', arguments: [{ uri }] });
    assert.deepEqual(again, { applied: true, edits: 0 });
  } finally {
    await c.stop();
  }
});

test('started without a transport, the server says how to start it', () => {
  const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /用法: node dist\/server\.js --stdio/);
});

function diffLines(a: string, b: string) {
  const x = a.split('\n');
  const y = b.split('\n');
  assert.equal(x.length, y.length, 'line count changed');
  return x.flatMap((l, i) => (l === y[i] ? [] : [{ line: i, before: l, after: y[i] }]));
}

void ({} as CodeAction);

test('a document over the size limit gets one clear diagnostic and only the part-structure checks', async () => {
  const c = await TestClient.start({ settings: { maxFileSize: 1 } });
  try {
    const uri = uriOf('big.txt');
    const text = seed('004') + '\n' + '很长的说明文字。'.repeat(150_000);
    c.open(uri, text, 'plaintext');
    const ds = await c.diagnostics(uri, 20000);
    assert.deepEqual(ds.map((d) => d.code), ['file-too-large', 'section-numeral']);
    assert.match(String(ds[0].message), /文件过大（\d+\.\d MB，超过设置“nianbao\.maxFileSize”规定的1 MB），只检查了章节结构/);
    // Typing stays cheap and the server keeps answering.
    c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    assert.equal((await c.diagnostics(uri, 20000))[0].code, 'file-too-large');
  } finally {
    await c.stop();
  }
});
