// The project configuration through the server: the client finds and reads .nianbao.jsonc and passes
// its text with the settings (workspace/configuration, `project`); the server reads no file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';
import { seed } from '../helpers/fixtures';

const CONFIG_URI = 'file:///work/%E5%B9%B4%E6%8A%A5/.nianbao.jsonc'; // /work/年报/.nianbao.jsonc
const REPORT = 'file:///work/%E5%B9%B4%E6%8A%A5/2023.txt';
const DRAFT = 'file:///work/%E5%B9%B4%E6%8A%A5/%E8%8D%89%E7%A8%BF/2023.txt'; // 草稿/2023.txt
const project = (text: string) => ({ uri: CONFIG_URI, text });

test('a configuration passed by the client turns a rule off, beats the editor settings for what it says, and leaves ignored files unchecked', async () => {
  const c = await TestClient.start({
    pull: true,
    settings: {
      rules: { 'table-missing': 'warning', 'section-numeral': 'off' },
      project: project('{ // 第二部分在本机关的报告中另行公开\n "rules": { "table-missing": "off" }, "ignore": ["草稿/"], }'),
    },
  });
  try {
    const codes = async (uri: string, text: string) => {
      c.open(uri, text);
      return (await c.diagnostics(uri)).map((d) => d.code);
    };
    // Seed 002 lacks table 二 (table-missing, an error by default); seed 004 has a wrong part numeral.
    assert.ok(!(await codes(REPORT, seed('002'))).includes('table-missing'), 'the file turns table-missing off');
    assert.ok(!(await codes('file:///work/%E5%B9%B4%E6%8A%A5/004.txt', seed('004'))).includes('section-numeral'), 'the settings still apply where the file says nothing');
    assert.deepEqual(await codes(DRAFT, seed('002')), [], 'ignored');
    // An ignored document is still read: its outline is there.
    assert.ok((await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: DRAFT } })).length > 0);
    const checked = await c.request<{ diagnostics: Diagnostic[]; ignored?: boolean }>('nianbao/checkText', { uri: DRAFT, text: seed('002') });
    assert.deepEqual(checked, { diagnostics: [], ignored: true });
    // Ignore patterns are relative to the configuration's folder: a 草稿 folder elsewhere is not meant.
    const other = await c.request<{ diagnostics: Diagnostic[]; ignored?: boolean }>('nianbao/checkText', { uri: 'file:///elsewhere/%E8%8D%89%E7%A8%BF/2023.txt', text: seed('002') });
    assert.equal(other.ignored, undefined);
    assert.ok(other.diagnostics.length > 0);

    // The file changed (the client watches it): a configuration change, and the documents are checked again.
    c.settings = { project: project('{"rules": {"row-total": "off"}}') };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 300));
    const now = (await c.diagnostics(REPORT)).map((d) => [d.code, d.severity]);
    assert.ok(now.some(([code, severity]) => code === 'table-missing' && severity === 1), JSON.stringify(now));
    assert.ok((await c.diagnostics(DRAFT)).length > 0, 'no longer ignored');
  } finally {
    await c.stop();
  }
});

test('a broken configuration: what can be read applies, the server neither fails nor reads a file', async () => {
  const c = await TestClient.start({ settings: { project: project('{"rules": {"table-missing": "off" "row-total": 7}, "ignore": 5') } });
  try {
    c.open(REPORT, seed('002'));
    const codes = (await c.diagnostics(REPORT)).map((d) => d.code);
    assert.ok(codes.length > 0 && !codes.includes('table-missing'), codes.join());
    for (const bad of [{ uri: 5, text: '{}' }, { uri: CONFIG_URI }, 'x', null]) {
      c.settings = { project: bad };
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await new Promise((r) => setTimeout(r, 200));
      c.change(REPORT, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
      assert.ok((await c.diagnostics(REPORT)).some((d) => d.code === 'table-missing'), JSON.stringify(bad));
    }
  } finally {
    await c.stop();
  }
});
