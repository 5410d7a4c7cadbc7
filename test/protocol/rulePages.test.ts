// Every diagnostic's code links to its rule's section (codeDescription.href), pushed and pulled,
// in the workspace check too: by default the page shipped beside dist/, or the client's template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { seed } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const URI = 'file:///reports/004.txt';

for (const pull of [false, true]) {
  test(`${pull ? 'pull' : 'push'}: each diagnostic links to its rule's section of the shipped docs/rules.md`, async () => {
    const c = await TestClient.start({ pull });
    try {
      c.open(URI, seed('004'), 'plaintext');
      const got = await c.diagnostics(URI);
      assert.ok(got.length >= 4);
      for (const d of got) {
        const href = new URL(d.codeDescription!.href);
        assert.equal(href.protocol, 'file:');
        assert.equal(href.hash, `#${d.code}`);
        assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
      }
    } finally {
      await c.stop();
    }
  });
}

test('a client\'s template (the VS Code client\'s command: link) names each rule; the workspace check links too', async () => {
  const rulePages = 'command:nianbao.showRule?%5B%22{rule}%22%5D';
  const c = await TestClient.start({ initializationOptions: { rulePages } });
  try {
    c.open(URI, seed('004'), 'plaintext');
    for (const d of await c.diagnostics(URI)) assert.equal(d.codeDescription!.href, `command:nianbao.showRule?%5B%22${d.code}%22%5D`);
    const checked = await c.conn.sendRequest<{ diagnostics: Diagnostic[] }>('nianbao/checkText', { uri: 'file:///reports/other.txt', text: seed('002') });
    assert.ok(checked.diagnostics.length > 0);
    for (const d of checked.diagnostics) assert.equal(d.codeDescription!.href, `command:nianbao.showRule?%5B%22${d.code}%22%5D`);
  } finally {
    await c.stop();
  }
});
