/**
 * Prepares a run of the extension-host suite (./suite/index.ts): the suite bundled for the extension host,
 * and a workspace folder with seed 004 (`report.txt`), what the CLI says about it (`expected.json`) and
 * settings that keep the report-detection prompt away. Used by the desktop runner (./electron.test.ts) and
 * by the code-server runner (test/e2e/extension-host.e2e.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const REPO = resolve(__dirname, '../..');

export interface PreparedSuite {
  /** The bundled suite (CommonJS, exports run()). */
  suite: string;
  /** The workspace folder to open. */
  workspace: string;
  /** Where the suite writes its results (pass as env NIANBAO_E2E_RESULTS). */
  results: string;
}

export interface SuiteResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export async function prepareSuite(root: string): Promise<PreparedSuite> {
  const cli = join(REPO, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
  const suite = join(root, 'suite/index.js');
  await build({
    entryPoints: [join(__dirname, 'suite/index.ts')], outfile: suite, bundle: true, platform: 'node',
    format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning',
  });
  const workspace = join(root, 'workspace');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  const report = join(workspace, 'report.txt');
  writeFileSync(report, readFileSync(join(REPO, 'examples/004_bf2c1b340b487aac.txt')));
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', report], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI failed on seed 004 (exit ${r.status}): ${r.stderr}`);
  const [{ diagnostics }] = JSON.parse(r.stdout) as { diagnostics: unknown[] }[];
  writeFileSync(join(workspace, 'expected.json'), JSON.stringify(diagnostics, null, 2));
  writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify({ 'nianbao.detectReports': 'off', 'files.autoSave': 'off' }, null, 2));
  return { suite, workspace, results: join(root, 'results.json') };
}

/** The suite's results as a readable list. */
export function formatResults(results: SuiteResult[]): string {
  return results.map((r) => `${r.ok ? '✔' : '✖'} ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`).join('\n');
}
