// Silencing a finding through the server (issue 15, item 4): the quick fixes write the comment in the
// document's own syntax (a `//` line in plain text, an HTML comment in Markdown and HTML), applied the
// diagnostic goes, and a comment that silences nothing is a hint whose fix removes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { renderReport } from '../../server/src/core/render/report';
import { allShapes, fixedModel, HTML_SHAPES, type ReportModel } from '../helpers/layouts';
import { TestClient } from '../helpers/lspClient';

/** A consistent report with 本年新收's 总计 one too high, in a generated layout. */
function report(shape: (m: ReportModel) => string): string {
  const m = fixedModel('2021');
  const row = m.cells['applications.newReceived'];
  row[6] = String(Number(row[6]) + 1);
  return shape(m);
}

const rowTotal = (ds: Diagnostic[]) => ds.find((d) => d.code === 'row-total' && (d.data as { row: string }).row === 'newReceived');

async function silence(uri: string, text: string, title: RegExp, written: RegExp): Promise<void> {
  for (const pull of [false, true]) {
    const c = await TestClient.start({ pull });
    try {
      c.open(uri, text);
      const d = rowTotal(await c.diagnostics(uri))!;
      assert.ok(d, `${uri}: the wrong total is found`);
      const actions: CodeAction[] = await c.codeActions(uri, d.range, [d], ['quickfix']);
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('在本文件中忽略此规则（row-total）'), titles.join(' / '));
      const here = actions.find((a) => title.test(a.title))!;
      assert.ok(here, titles.join(' / '));
      assert.ok(c.apply(here.edit!));
      assert.match(c.text(uri), written);
      const after = await c.diagnostics(uri);
      assert.equal(rowTotal(after), undefined, `${uri}: silenced`);
      assert.deepEqual(after.filter((x) => x.code === 'unused-disable'), [], `${uri}: the comment is used`);
    } finally {
      await c.stop();
    }
  }
}

test('plain text: 在此处忽略此规则 writes a // line above the finding and silences it', () =>
  silence('file:///r/report.txt', report(allShapes().cellPerLine), /^在此处忽略此规则/, /^\/\/ nianbao-disable-next-line row-total\r?\n/m));

test('Markdown: the pipe table is silenced as a whole, with HTML comments around it (a comment line between rows would split it)', () =>
  silence('file:///r/report.md', report(allShapes().markdown), /^在本表中忽略此规则/, /<!-- nianbao-disable row-total -->\n\|[^]*\|\n<!-- nianbao-enable row-total -->/));

test('HTML: an HTML comment above the row', () =>
  silence('file:///r/report.html', report(HTML_SHAPES.html), /^在此处忽略此规则/, /<!-- nianbao-disable-next-line row-total -->\n\s*<tr/));

test('a comment that silences nothing is a hint; its quick fix removes the comment line', async () => {
  const c = await TestClient.start();
  try {
    const uri = 'file:///r/unused.txt';
    const text = renderReport({ issuer: '某市某局', year: 2023 } as Parameters<typeof renderReport>[0]);
    c.open(uri, `// nianbao-disable-file cell-blank\n${text}`);
    const [hint] = await c.diagnostics(uri);
    assert.equal(hint.code, 'unused-disable');
    assert.equal(hint.severity, 4);
    const [remove] = await c.codeActions(uri, hint.range, [hint], ['quickfix']);
    assert.equal(remove.title, '删除此忽略注释');
    assert.ok(c.apply(remove.edit!));
    assert.equal(c.text(uri), text);
    assert.deepEqual(await c.diagnostics(uri), []);
  } finally {
    await c.stop();
  }
});
