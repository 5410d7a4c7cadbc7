/**
 * The scaffolding every e2e file shares: one fresh code-server session per scenario, a screenshot of
 * every step, timings, the code-server log on failure, teardown always; and the CLI's verdict on a file.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, RESULTS_DIR, Session, findVsix, missingPrerequisite, waitFor, type SessionOptions } from './driver';

export const SKIP = process.env.NIANBAO_E2E === 'skip';
export const VSIX = findVsix();
export const MISSING = missingPrerequisite()
  ?? (VSIX ? null : process.env.NIANBAO_VSIX
    ? `NIANBAO_VSIX=${process.env.NIANBAO_VSIX} does not exist`
    : `no .vsix in ${REPO}: run \`npm run package\` first (or set NIANBAO_VSIX)`);
const CLI = join(REPO, 'dist/cli.js');

export type Step = (name: string) => Promise<void>;
export type Scenario = (s: Session, step: Step) => Promise<void>;

/**
 * The scenarios of one e2e file. `prefix` matches the screenshot names of its scenarios: each run starts
 * without that file's old screenshots, so every one in test-results/e2e is from this run. Timings go to
 * test-results/e2e/`timingsFile`.
 */
export function scenarios(prefix: RegExp, timingsFile: string) {
  const timings: Record<string, unknown> = { vsix: VSIX };
  if (!SKIP && !MISSING && existsSync(RESULTS_DIR)) {
    for (const f of readdirSync(RESULTS_DIR)) if (prefix.test(f) || f === timingsFile) rmSync(join(RESULTS_DIR, f), { force: true });
  }
  after(() => {
    if (SKIP || MISSING) return;
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, timingsFile), `${JSON.stringify(timings, null, 2)}\n`);
  });

  function scenario(title: string, name: string, options: Omit<SessionOptions, 'name' | 'vsix'>, body: Scenario): void {
    const skip = SKIP ? 'NIANBAO_E2E=skip' : MISSING ? 'prerequisites missing (see the prerequisites test)' : false;
    test(title, { skip, timeout: 240_000 }, async (t) => {
      const t0 = Date.now();
      const steps: Record<string, number> = {};
      let last = t0;
      const s = await Session.start({ name, vsix: VSIX!, ...options });
      try {
        steps.ready = Date.now() - t0;
        last = Date.now();
        await body(s, async (step) => {
          await s.screenshot(step);
          const now = Date.now();
          steps[step] = now - last;
          last = now;
        });
      } catch (e) {
        t.diagnostic(`code-server log (tail):\n${s.logTail(20)}`);
        // A failed wait has already taken its screenshot; anything else (an assertion) gets one now.
        if (e instanceof Error && e.message.includes('screenshot: ')) throw e;
        await s.fail('scenario', e);
      } finally {
        await s.close();
        timings[name] = { ...s.timings, steps, total: Date.now() - t0 };
        t.diagnostic(`${name}: ${JSON.stringify(timings[name])}`);
      }
    });
  }
  return { scenario, timings };
}

export interface CliDiagnostic {
  range: { start: { line: number; character: number } };
  /** LSP severity: 1 error, 2 warning, 3 information, 4 hint (not listed in the Problems panel). */
  severity: number;
  code: string;
  message: string;
  data?: unknown;
}

/** The project's own checker on one file (`node dist/cli.js check --format json FILE`): its JSON element. */
export function cliResult(file: string): { diagnostics: CliDiagnostic[]; silenced?: CliDiagnostic[] } {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\``);
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `the CLI failed (exit ${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { diagnostics: CliDiagnostic[] }[])[0];
}

/** The CLI's diagnostics of one file. */
export const cliCheck = (file: string): CliDiagnostic[] => cliResult(file).diagnostics;

/** Waits until `rel` on disk differs from `before` and the editor no longer marks the file dirty. */
export async function waitForSaved(s: Session, rel: string, before: string): Promise<string> {
  await waitFor(`${rel} to be saved`, async () => {
    const dirty = await s.page.locator('.editor-group-container.active .tab.active.dirty').count();
    return dirty === 0 && s.readWorkspaceFile(rel) !== before;
  }, (ok) => ok, { timeout: 15_000, stableFor: 300 }).catch((e) => s.fail('save', e));
  return s.readWorkspaceFile(rel);
}

/** Moves the cursor with F8 (next problem) until it is on one of `lines` (1-based); returns that line. */
export async function f8To(s: Session, lines: number[]): Promise<number> {
  await s.focusWorkbench();
  await s.press('Control+Home');
  for (let i = 0; i < 12; i++) {
    await s.press('F8');
    // The status bar follows the cursor: wait until it shows a problem's line.
    const pos = await waitFor('the cursor to move to a problem', () => s.cursorPosition(), (p) => p !== null && p.line > 1, {
      timeout: 5_000, stableFor: 200,
    }).catch(() => null);
    if (pos && lines.includes(pos.line)) return pos.line;
  }
  return s.fail('f8', new Error(`F8 never reached a line in ${lines.join(', ')}`));
}

/**
 * F8 to a problem on one of `lines`, the quick-fix menu opened there (Ctrl+.), and its focus moved to the
 * first action whose title starts with `title`: the line reached and the menu as it then is.
 */
export async function quickFixAt(s: Session, lines: number[], title: string): Promise<{ line: number; menu: { title: string; focused: boolean }[] }> {
  const line = await f8To(s, lines);
  await s.press('Escape');
  await s.press('Control+.');
  await waitFor('the quick-fix menu', () => s.quickFixMenu(), (m) => m.some((a) => a.focused), { timeout: 10_000, stableFor: 500 })
    .catch((e) => s.fail('quick-fix-menu', e));
  for (let i = 0; i < 10 && !(await s.quickFixMenu()).find((a) => a.focused)?.title.startsWith(title); i++) await s.press('ArrowDown');
  return { line, menu: await s.quickFixMenu() };
}
