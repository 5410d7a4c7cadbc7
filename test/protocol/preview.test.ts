// The table preview's request (nianbao/preview) through dist/server.js --stdio: the page follows the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from '../helpers/lspClient';
import { seed } from '../helpers/fixtures';
import { PREVIEW_REQUEST, type PreviewResult } from '../../server/src/lsp/previewProtocol';

const URI = 'file:///reports/004.txt';
const NONCE = 'cHJldmlldy1wcm90b2NvbA==';
const marked = (html: string) => [...html.matchAll(/class="value marked[^"]*" data-cell="([^"]+)"/g)].map((m) => m[1]).sort();

test('nianbao/preview: the open report\'s tables with its diagnostics\' cells marked, redrawn from the text as edited', async () => {
  const c = await TestClient.start();
  try {
    const text = seed('004');
    c.open(URI, text, 'nianbao');
    await c.diagnostics(URI);
    const first = await c.request<PreviewResult>(PREVIEW_REQUEST, { uri: URI, nonce: NONCE });
    assert.equal(first.version, 1);
    assert.deepEqual(marked(first.html), ['denied.stateSecret/total', 'newReceived/total', 'total/total']);
    assert.match(first.html, new RegExp(`script-src 'nonce-${NONCE}'`));
    // 本年新收's total written 1: that cell is no longer marked.
    const lines = text.split('\n');
    c.change(URI, [{ range: { start: { line: 90, character: 1 }, end: { line: 90, character: 2 } }, text: '1' }]);
    assert.equal(lines[90], '\t0');
    const second = await c.request<PreviewResult>(PREVIEW_REQUEST, { uri: URI, nonce: NONCE });
    assert.equal(second.version, 2);
    assert.deepEqual(marked(second.html), ['denied.stateSecret/total', 'total/total']);
  } finally {
    await c.stop();
  }
});

test('nianbao/preview: nothing for a document not open, or a nonce that is not one', async () => {
  const c = await TestClient.start();
  try {
    c.open(URI, seed('004'), 'nianbao');
    await c.diagnostics(URI);
    assert.equal(await c.request(PREVIEW_REQUEST, { uri: 'file:///reports/other.txt', nonce: NONCE }), null);
    assert.equal(await c.request(PREVIEW_REQUEST, { uri: URI, nonce: `x' 'unsafe-inline` }), null);
    assert.equal(await c.request(PREVIEW_REQUEST, { uri: URI, nonce: 'short' }), null);
  } finally {
    await c.stop();
  }
});
