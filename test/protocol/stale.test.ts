// A stale diagnostic never gets another cell's fix (issue 14, item 6). Each diagnostic carries its
// finding's id and the version it was computed for (`data.finding`); a code action answers it only
// at that version (server/src/lsp/match.ts). Over stdio, push and pull.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Range, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { renderReport } from '../../server/src/core/render/report';
import { TestClient } from '../helpers/lspClient';

/** A skeleton whose 本年新收 and 上年结转 (adjacent lines) both have a wrong 总计: each fix writes its own row's. */
const REPORT = renderReport({
  issuer: '某市某局', year: 2023,
  value: (row, column) => (column !== 'naturalPerson' ? '0' : row === 'newReceived' ? '1' : row === 'carriedOver' ? '2' : '0'),
});
const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const INSERT_LINE = [{ range: TOP, text: '\n' }];

interface Id { rule: string; key: string; version: number | null }
const idOf = (d: Diagnostic) => (d.data as { finding?: Id } | undefined)?.finding;
const rowTotal = (ds: Diagnostic[], row: string) => ds.find((d) => d.code === 'row-total' && (d.data as { row: string }).row === row)!;
const quickFixes = (actions: CodeAction[]) => actions.filter((a) => a.kind === 'quickfix');

/** An action's edits as [line, new text], with the version it is stamped with. */
function editsOf(a: CodeAction): { version: number | null; edits: [number, string][] } {
  const dc = a.edit!.documentChanges![0] as TextDocumentEdit;
  return { version: dc.textDocument.version, edits: dc.edits.map((e) => [e.range.start.line, (e as { newText: string }).newText]) };
}

async function withClient(pull: boolean, fn: (c: TestClient, uri: string) => Promise<void>): Promise<void> {
  const c = await TestClient.start({ pull });
  try {
    const uri = 'file:///reports/stale.txt';
    c.open(uri, REPORT);
    await fn(c, uri);
  } finally {
    await c.stop();
  }
}

for (const pull of [false, true]) {
  const mode = pull ? 'pull' : 'push';

  test(`${mode}: every diagnostic carries its finding's id and the version it was computed for, beside the arithmetic data`, () => withClient(pull, async (c, uri) => {
    const ds = await c.diagnostics(uri);
    assert.deepEqual(ds.map(idOf), ds.map((d) => ({ rule: d.code, key: idOf(d)!.key, version: 1 })));
    assert.deepEqual(rowTotal(ds, 'carriedOver').data, {
      relation: 'row-total', table: 'applications', row: 'carriedOver', column: 'total', expected: 2, actual: 0,
      finding: { rule: 'row-total', key: 'table/applications/carriedOver/total', version: 1 },
    });
    c.change(uri, INSERT_LINE);
    assert.deepEqual((await c.diagnostics(uri)).map((d) => idOf(d)!.version), ds.map(() => 2));
  }));

  test(`${mode}: a line inserted above, the old diagnostic gets no quick fix (not the fix of the row now at its range)`, () => withClient(pull, async (c, uri) => {
    const ds = await c.diagnostics(uri);
    const carriedOver = rowTotal(ds, 'carriedOver');
    const newReceived = rowTotal(ds, 'newReceived');
    assert.equal(carriedOver.range.start.line, newReceived.range.start.line + 1);
    c.change(uri, INSERT_LINE);
    // 本年新收's total now sits at 上年结转's old range: matching by rule and range would answer with its fix.
    assert.deepEqual(quickFixes(await c.codeActions(uri, carriedOver.range, [carriedOver])), []);
    assert.deepEqual(await c.codeActions(uri, carriedOver.range, [carriedOver], ['quickfix']), []);
    assert.deepEqual(await c.codeActions(uri, newReceived.range, [newReceived, carriedOver], ['quickfix']), []);
    // The diagnostics of the new version: 上年结转's fix, on its new line.
    const now = rowTotal(await c.diagnostics(uri), 'carriedOver');
    const [fix] = (await c.codeActions(uri, now.range, [now], ['quickfix'])).filter((a) => a.isPreferred);
    assert.deepEqual(editsOf(fix), { version: 2, edits: [[carriedOver.range.start.line + 1, '2']] });
  }));

  test(`${mode}: at the version it was computed for, a diagnostic gets its own finding's fix, named by its id whatever range is sent`, () => withClient(pull, async (c, uri) => {
    const ds = await c.diagnostics(uri);
    const carriedOver = rowTotal(ds, 'carriedOver');
    const line = carriedOver.range.start.line;
    const actions = await c.codeActions(uri, carriedOver.range, [carriedOver], ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), ['将此格改为2', '重新计算本表全部合计', '在此处忽略此规则（row-total）', '在本文件中忽略此规则（row-total）']);
    assert.deepEqual(editsOf(actions[0]), { version: 1, edits: [[line, '2']] });
    // The id decides, not the range (a client that moved the range with the text keeps the right fix).
    const moved = { ...carriedOver, range: rowTotal(ds, 'newReceived').range };
    assert.deepEqual(editsOf((await c.codeActions(uri, moved.range, [moved], ['quickfix']))[0]).edits, [[line, '2']]);
    assert.ok(c.apply(actions[0].edit!));
    assert.equal(c.text(uri).split('\n')[line].split('|').slice(-2)[0].trim(), '2');
  }));

  test(`${mode}: a client that drops data is answered by rule and range only while the text is as last diagnosed`, () => withClient(pull, async (c, uri) => {
    const ds = await c.diagnostics(uri);
    const carriedOver = rowTotal(ds, 'carriedOver');
    const line = carriedOver.range.start.line;
    const bare = { ...carriedOver, data: undefined };
    assert.deepEqual(editsOf((await c.codeActions(uri, bare.range, [bare], ['quickfix']))[0]), { version: 1, edits: [[line, '2']] });
    // Neovim 0.7 sends what it kept: code and data without range or source; or without data either.
    const nvim = { code: carriedOver.code, data: carriedOver.data } as unknown as Diagnostic;
    assert.deepEqual(editsOf((await c.codeActions(uri, carriedOver.range, [nvim], ['quickfix']))[0]).edits, [[line, '2']]);
    const nvimBare = { code: carriedOver.code, message: carriedOver.message } as unknown as Diagnostic;
    assert.deepEqual(editsOf((await c.codeActions(uri, carriedOver.range, [nvimBare], ['quickfix']))[0]).edits, [[line, '2']]);
    // Changed since: nothing, until the client has the new version's diagnostics.
    c.change(uri, INSERT_LINE);
    assert.deepEqual(await c.codeActions(uri, bare.range, [bare], ['quickfix']), []);
    assert.deepEqual(await c.codeActions(uri, carriedOver.range, [nvimBare], ['quickfix']), []);
    const now = { ...rowTotal(await c.diagnostics(uri), 'carriedOver'), data: undefined };
    assert.deepEqual(editsOf((await c.codeActions(uri, now.range, [now], ['quickfix']))[0]), { version: 2, edits: [[line + 1, '2']] });
  }));

  test(`${mode}: an id of another version, of a finding gone, or of the workspace check gets nothing`, () => withClient(pull, async (c, uri) => {
    const ds = await c.diagnostics(uri);
    const carriedOver = rowTotal(ds, 'carriedOver');
    const withId = (id: Partial<Id>) => ({ ...carriedOver, data: { ...(carriedOver.data as object), finding: { ...idOf(carriedOver), ...id } } });
    for (const d of [withId({ version: 7 }), withId({ version: 0 }), withId({ key: 'table/applications/granted/total' }), withId({ rule: 'column-total' })]) {
      assert.deepEqual(await c.codeActions(uri, d.range, [d], ['quickfix']), [], JSON.stringify(idOf(d)));
    }
    const checked = await c.request<{ diagnostics: Diagnostic[] }>('nianbao/checkText', { uri, text: REPORT });
    const fromCheck = rowTotal(checked.diagnostics, 'carriedOver');
    assert.deepEqual(idOf(fromCheck), { rule: 'row-total', key: 'table/applications/carriedOver/total', version: null });
    assert.deepEqual(await c.codeActions(uri, fromCheck.range, [fromCheck], ['quickfix']), []);
  }));

  test(`${mode}: after a line inserted above, fix-all and recompute are computed on the current text and stamped with its version`, () => withClient(pull, async (c, uri) => {
    const ds = await c.diagnostics(uri);
    const line = rowTotal(ds, 'newReceived').range.start.line;
    c.change(uri, INSERT_LINE);
    const [all] = await c.codeActions(uri, TOP, [], ['source.fixAll']);
    assert.deepEqual(editsOf(all), { version: 2, edits: [[line + 1, '1'], [line + 2, '2']] });
    const r = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: 'nianbao.server.recomputeTotals', arguments: [{ uri }] });
    assert.deepEqual(r, { applied: true, edits: 2 });
    const lines = c.text(uri).split('\n');
    assert.deepEqual([lines[line + 1], lines[line + 2]].map((l) => l.split('|').slice(-2)[0].trim()), ['1', '2']);
    assert.deepEqual((await c.diagnostics(uri)).filter((d) => d.code === 'row-total'), []);
  }));
}
