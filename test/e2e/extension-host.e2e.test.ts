/**
 * The extension-host suite of test/e2e-electron/suite (vscode.languages.getDiagnostics,
 * vscode.executeCodeActionProvider on seed 004), run inside code-server's extension host against the
 * packaged extension — so it runs in CI, where a desktop VS Code cannot be downloaded.
 *
 * code-server installs the .vsix; the workbench is then opened with VS Code web's development payload:
 * extensionDevelopmentPath = the installed extension's folder, extensionTestsPath = the bundled suite.
 * The suite writes its results to a file (NIANBAO_E2E_RESULTS) that this test waits for.
 *
 * Same switches as extension.e2e.test.ts: NIANBAO_VSIX, NIANBAO_E2E=skip, NIANBAO_E2E_KEEP=1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, Session, findVsix, missingPrerequisite, waitFor } from './driver';
import { formatResults, prepareSuite, type SuiteResult } from '../e2e-electron/prepare';

const SKIP = process.env.NIANBAO_E2E === 'skip';
const VSIX = findVsix();
const MISSING = missingPrerequisite() ?? (VSIX ? null : 'no .vsix (see the prerequisites test in extension.e2e.test.ts)');
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { publisher: string; name: string };
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

test('extension-host suite in code-server: getDiagnostics and executeCodeActionProvider on seed 004',
  { skip: SKIP ? 'NIANBAO_E2E=skip' : MISSING ? `prerequisites missing: ${MISSING}` : false, timeout: 240_000 },
  async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-e2e-host-'));
    const t0 = Date.now();
    try {
      const { suite, workspace, results } = await prepareSuite(root);
      const s = await Session.start({ name: 'host-suite', vsix: VSIX!, env: { NIANBAO_E2E_RESULTS: results } });
      try {
        const dev = s.installedExtensionDir(EXTENSION_ID);
        assert.ok(dev, `${EXTENSION_ID} is not in ${s.extensionsDir} after installing ${VSIX}`);
        const remote = (p: string) => `vscode-remote://127.0.0.1:${s.port}${p}`;
        await s.open({
          payload: JSON.stringify([['extensionDevelopmentPath', remote(dev)], ['extensionTestsPath', remote(suite)]]),
        }, workspace);
        await waitFor('the extension-host suite to finish', () => existsSync(results), (done) => done, { timeout: 120_000, stableFor: 0, interval: 250 })
          .catch((e) => s.fail('host-suite', e));
        await s.screenshot('finished').catch(() => undefined); // the workbench may close itself when the suite ends
      } finally {
        await s.close();
      }
      const outcome = JSON.parse(readFileSync(results, 'utf8')) as SuiteResult[];
      t.diagnostic(formatResults(outcome));
      t.diagnostic(`host-suite: ${Date.now() - t0} ms`);
      assert.ok(outcome.length > 0, 'the suite ran no test');
      assert.deepEqual(outcome.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error}`), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
