// `nianbao/export` through the built server: what stands in the way first, the file only when there is
// nothing or the user confirmed; the server reads the open document (the one reader) and writes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { TestClient } from '../helpers/lspClient';
import { seed } from '../helpers/fixtures';
import { renderReport } from '../../server/src/core/render/report';
import type { ExportResult } from '../../server/src/lsp/exportProtocol';

test('nianbao/export: a clean report\'s Word file and web page; a report with errors only when forced; blanks as 0 only when asked', async () => {
  const c = await TestClient.start({ pull: true });
  try {
    c.open('file:///r/003.txt', seed('003'));
    const docx = await c.request<ExportResult>('nianbao/export', { uri: 'file:///r/003.txt', to: 'docx' });
    assert.deepEqual([docx.problems, docx.blanks], [[], 0]);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx.content!, 'base64') });
    assert.match(value, /三、收到和处理政府信息公开申请情况/);
    const html = await c.request<ExportResult>('nianbao/export', { uri: 'file:///r/003.txt', to: 'html' });
    assert.match(html.content!, /data-row="newReceived" data-column="total">29</);

    c.open('file:///r/004.txt', seed('004'));
    const refused = await c.request<ExportResult>('nianbao/export', { uri: 'file:///r/004.txt', to: 'html' });
    assert.equal(refused.content, undefined);
    assert.deepEqual(refused.problems.map((p) => [p.rule, p.line]), [['row-total', 90], ['row-total', 130], ['row-total', 341]]);
    assert.match(refused.problems[0].message, /“本年新收政府信息公开申请数量”行“总计”列应为1/);
    const forced = await c.request<ExportResult>('nianbao/export', { uri: 'file:///r/004.txt', to: 'html', force: true });
    assert.equal(forced.problems.length, 3);
    assert.match(forced.content!, /^<!DOCTYPE html>/);

    const blank = renderReport({ issuer: '某县某局', year: 2023, value: (row, column) => (row === 'granted' && column === 'research' ? '' : '0') });
    c.open('file:///r/blank.txt', blank);
    const kept = await c.request<ExportResult>('nianbao/export', { uri: 'file:///r/blank.txt', to: 'html' });
    assert.equal(kept.blanks, 1);
    assert.match(kept.content!, /data-row="granted" data-column="research"><\/td>/);
    const zero = await c.request<ExportResult>('nianbao/export', { uri: 'file:///r/blank.txt', to: 'html', blankAsZero: true });
    assert.match(zero.content!, /data-row="granted" data-column="research">0<\/td>/);

    // A document that is not open, or a format that does not exist: null, never a file read from disk.
    assert.equal(await c.request('nianbao/export', { uri: 'file:///etc/passwd', to: 'html' }), null);
    assert.equal(await c.request('nianbao/export', { uri: 'file:///r/003.txt', to: 'pdf' }), null);
  } finally {
    await c.stop();
  }
});
