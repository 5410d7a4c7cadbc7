/**
 * Extension-host tests in a desktop VS Code through @vscode/test-electron (the suite: ./suite/index.ts).
 *
 *   node test/run.mjs e2e-electron
 *
 * Uses VSCODE_EXECUTABLE=/path/to/code when set, else @vscode/test-electron's normal download of the latest
 * stable VS Code into .vscode-test/. NIANBAO_E2E_ELECTRON=skip skips it. These machines reach only the npm
 * registry and Debian's packages, so here the download fails at once (getaddrinfo ENOTFOUND) and .ci/run
 * runs this tier only when VSCODE_EXECUTABLE is set. The same suite also runs in CI inside code-server's
 * extension host (test/e2e/extension-host.e2e.test.ts). On Linux without a display, use xvfb-run.
 *
 * The extension under test is the working tree (extensionDevelopmentPath = the repository): build it first
 * (`npm run build`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, formatResults, prepareSuite, type SuiteResult } from './prepare';

const EXECUTABLE = process.env.VSCODE_EXECUTABLE;
const SKIP = process.env.NIANBAO_E2E_ELECTRON === 'skip' ? 'NIANBAO_E2E_ELECTRON=skip' : false;

test('extension-host suite in desktop VS Code (getDiagnostics, executeCodeActionProvider) on seed 004', { skip: SKIP, timeout: 600_000 }, async (t) => {
  if (EXECUTABLE) assert.ok(existsSync(EXECUTABLE), `VSCODE_EXECUTABLE=${EXECUTABLE} does not exist`);
  for (const f of ['dist/client.js', 'dist/server.js']) assert.ok(existsSync(join(REPO, f)), `${f} is missing: run \`npm run build\` first`);
  const root = mkdtempSync(join(tmpdir(), 'nianbao-e2e-electron-'));
  try {
    const { suite, workspace, results } = await prepareSuite(root);
    const code = await runTests({
      ...(EXECUTABLE ? { vscodeExecutablePath: EXECUTABLE } : { timeout: 30_000 }),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: suite,
      extensionTestsEnv: { NIANBAO_E2E_RESULTS: results },
      launchArgs: [
        workspace,
        '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', join(root, 'user-data'), '--extensions-dir', join(root, 'extensions'),
      ],
    }).catch((e: Error) =>
      assert.fail(`no desktop VS Code to run the suite in: ${e.message}. Set VSCODE_EXECUTABLE to a VS Code executable (or NIANBAO_E2E_ELECTRON=skip).`),
    );
    if (existsSync(results)) t.diagnostic(formatResults(JSON.parse(readFileSync(results, 'utf8')) as SuiteResult[]));
    assert.equal(code, 0, 'the extension-host suite failed (its output is above)');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
