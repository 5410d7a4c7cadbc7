// Cross-report checks through the server (issue 18): last year's report open beside this year's, or
// only on disk in the workspace folder; edits, file events, the carry-over fix. Push and pull.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { LineIndex, readReport } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/service/actions';
import { writeCell } from '../../server/src/core/service/cellEdit';
import { seed } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

/** Seed 003 is a 2023 report of 临沂市国防动员办公室; with its years changed it is the 2022 report. */
const THIS_YEAR = seed('003');
const LAST_YEAR = THIS_YEAR.replaceAll('2023', '2022');

function cellOf(text: string, row: string, column: string) {
  return readReport(text).tables.applications!.rows.find((r) => r.key === row)!.cells.find((c) => c.column === column)!;
}
/** A text with one cell of table 三 written. */
const withCell = (text: string, row: string, column: string, value: number) => applyEdits(text, writeCell(cellOf(text, row, column), value));
/** The same edit as an editor sends it: a range and its new text. */
function cellChange(text: string, row: string, column: string, value: number): TextDocumentContentChangeEvent[] {
  const index = new LineIndex(text);
  return writeCell(cellOf(text, row, column), value).map((e) => ({ range: { start: index.positionAt(e.start), end: index.positionAt(e.end) }, text: e.newText }));
}

const carryOver = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'carry-over-across-years');
const copied = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'copied-text');
const none = (ds: Diagnostic[]) => carryOver(ds).length === 0;

for (const pull of [false, true]) {
  const mode = pull ? 'pull' : 'push';

  test(`${mode}: two open reports — last year's 结转下年度 edited makes this year's carry-over finding go and come back`, async () => {
    const c = await TestClient.start({ pull });
    try {
      assert.equal((c.initializeResult.capabilities.diagnosticProvider as { interFileDependencies?: boolean } | undefined)?.interFileDependencies, pull ? true : undefined);
      const lastUri = 'file:///reports/2022%E5%B9%B4.txt';
      const thisUri = 'file:///reports/2023.txt';
      c.open(lastUri, withCell(LAST_YEAR, 'carriedForward', 'commercial', 2));
      c.open(thisUri, THIS_YEAR);
      const [d] = carryOver(await c.diagnosticsUntil(thisUri, (ds) => carryOver(ds).length === 1));
      assert.equal(d.severity, 1);
      assert.match(String(d.message), /上年报告“2022年\.txt”/);
      const lastCell = cellOf(c.text(lastUri), 'carriedForward', 'commercial');
      assert.deepEqual(d.relatedInformation?.map((r) => [r.location.uri, r.location.range]), [[lastUri, lastCell.range]]);
      // Last year's figure edited to this year's 上年结转 (0): the finding goes; written back, it returns.
      c.change(lastUri, cellChange(c.text(lastUri), 'carriedForward', 'commercial', 0));
      await c.diagnosticsUntil(thisUri, none);
      c.change(lastUri, cellChange(c.text(lastUri), 'carriedForward', 'commercial', 2));
      await c.diagnosticsUntil(thisUri, (ds) => carryOver(ds).length === 1);
      // Closed and not on disk: last year's report is gone from the workspace.
      c.close(lastUri);
      await c.diagnosticsUntil(thisUri, (ds) => none(ds) && copied(ds).length === 0);
    } finally {
      await c.stop();
    }
  });

  test(`${mode}: last year's report only on disk — found when this year's is opened, copied part 五 said; deleted, both go`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-across-'));
    const lastPath = join(dir, '2022年报告.txt');
    writeFileSync(lastPath, withCell(LAST_YEAR, 'carriedForward', 'commercial', 2));
    writeFileSync(join(dir, 'README.md'), '不是报告。');
    const c = await TestClient.start({ pull, workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const thisUri = pathToFileURL(join(dir, '2023年报告.txt')).href;
      c.open(thisUri, THIS_YEAR);
      const ds = await c.diagnosticsUntil(thisUri, (x) => carryOver(x).length === 1);
      assert.equal(carryOver(ds)[0].relatedInformation?.[0].location.uri, pathToFileURL(lastPath).href);
      const five = copied(ds).find((d) => d.range.start.line === readReport(THIS_YEAR).sections.find((s) => s.key === 'problems')!.line);
      assert.ok(five, copied(ds).map((d) => d.message).join('\n'));
      assert.match(String(five.message), /第五部分“存在的主要问题及改进情况”与上年报告“2022年报告\.txt”的同一部分完全相同/);
      assert.equal(five.relatedInformation?.[0].location.uri, pathToFileURL(lastPath).href);
      unlinkSync(lastPath);
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(lastPath).href, type: 3 }] });
      await c.diagnosticsUntil(thisUri, (x) => none(x) && copied(x).length === 0);
      // Created again (saved from elsewhere): back.
      writeFileSync(lastPath, LAST_YEAR);
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(lastPath).href, type: 1 }] });
      await c.diagnosticsUntil(thisUri, (x) => copied(x).length > 0);
    } finally {
      await c.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`${mode}: the carry-over quick fix writes last year's figure and the finding goes`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-across-'));
    writeFileSync(join(dir, '2022.txt'), LAST_YEAR);
    const c = await TestClient.start({ pull, workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const thisUri = pathToFileURL(join(dir, '2023.txt')).href;
      c.open(thisUri, withCell(THIS_YEAR, 'carriedOver', 'commercial', 2));
      const [d] = carryOver(await c.diagnosticsUntil(thisUri, (x) => carryOver(x).length === 1));
      const actions = (await c.codeActions(thisUri, d.range, [d])).filter((a) => a.kind === 'quickfix' && a.isPreferred);
      assert.equal(actions.length, 1, actions.map((a) => a.title).join());
      assert.equal(actions[0].title, '按上年报告改为0');
      assert.ok(c.apply(actions[0].edit!));
      assert.equal(c.text(thisUri), THIS_YEAR);
      await c.diagnosticsUntil(thisUri, none);
    } finally {
      await c.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a workspace folder added during the session is scanned (last year\'s report there counts), and a removed one no longer counts', async () => {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-across-'));
  const [here, archive] = [join(root, 'here'), join(root, 'archive')];
  for (const d of [here, archive]) mkdirSync(d);
  writeFileSync(join(archive, '2022.txt'), withCell(LAST_YEAR, 'carriedForward', 'commercial', 2));
  const c = await TestClient.start({ workspaceFolders: [pathToFileURL(here).href] });
  try {
    assert.deepEqual(c.initializeResult.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    const thisUri = pathToFileURL(join(here, '2023.txt')).href;
    c.open(thisUri, THIS_YEAR);
    assert.ok(none(await c.diagnosticsUntil(thisUri, (x) => x.some((d) => d.code === 'preamble-missing'))));
    const folder = { uri: pathToFileURL(archive).href, name: 'archive' };
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    const [d] = carryOver(await c.diagnosticsUntil(thisUri, (x) => carryOver(x).length === 1));
    assert.equal(d.relatedInformation?.[0].location.uri, pathToFileURL(join(archive, '2022.txt')).href);
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await c.diagnosticsUntil(thisUri, (x) => none(x) && copied(x).length === 0);
  } finally {
    await c.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a file the project configuration ignores, or a .gitignore, is not last year\'s report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-across-'));
  writeFileSync(join(dir, '.nianbao.jsonc'), '{ "ignore": ["old/**"] }');
  writeFileSync(join(dir, '.gitignore'), 'drafts/\n');
  for (const sub of ['old', 'drafts']) {
    mkdirSync(join(dir, sub));
    writeFileSync(join(dir, sub, '2022.txt'), withCell(LAST_YEAR, 'carriedForward', 'commercial', 2));
  }
  const c = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
  try {
    const thisUri = pathToFileURL(join(dir, '2023.txt')).href;
    c.open(thisUri, THIS_YEAR);
    await c.diagnostics(thisUri);
    await new Promise((r) => setTimeout(r, 800));
    const ds = await c.diagnostics(thisUri);
    assert.deepEqual([...carryOver(ds), ...copied(ds)], []);
    assert.ok(c.logs.some((l) => /workspace scanned: 0 report file\(s\)/.test(l)), c.logs.join('\n'));
  } finally {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
