/**
 * End-to-end, the reviewer's workspace check (年报: 检查工作区中的全部报告) with a report open and edited:
 * the summary counts what the Problems panel shows, no problem points past the end of an edited file,
 * a closed report keeps its problems, and a file opened from its problems opens in the report language.
 * Same switches and prerequisites as extension.e2e.test.ts; screenshots: test-results/e2e/w-*.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, waitFor, type ProblemRow, type Session } from './driver';
import { cliCheck, scenarios, waitForSaved } from './scenario';

const LANGUAGE_NAME = '政府信息公开年报';
const SEED = (name: string) => readFileSync(join(REPO, 'examples', name), 'utf8');
const OPEN = '在办报告.nianbao';
const RECEIVED = '收到的报告.txt';
const { scenario } = scenarios(/^w-workspace-/, 'timings-workspace.json');

/** The Problems panel's problems, by file name. */
function byFile(rows: ProblemRow[]): Map<string, ProblemRow[]> {
  const out = new Map<string, ProblemRow[]>();
  let file = '';
  for (const r of rows) {
    if (r.kind === 'file') out.set((file = r.file ?? ''), []);
    else out.get(file)?.push(r);
  }
  return out;
}

/** Waits until the panel's rows, files included, satisfy `accept` and stay so. */
async function waitForFiles(s: Session, step: string, accept: (files: Map<string, ProblemRow[]>) => boolean): Promise<Map<string, ProblemRow[]>> {
  const rows = await waitFor(`problems: ${step}`, () => s.problemRows(), (r) => accept(byFile(r)), { timeout: 30_000, stableFor: 2_000 })
    .catch((e) => s.fail(step, e));
  return byFile(rows);
}

async function summary(s: Session): Promise<{ files: number; errors: number; warnings: number }> {
  const toast = await waitFor('the summary', () => s.notifications(), (ns) => ns.some((n) => /共检查\d+份报告/.test(n.message)), { timeout: 60_000, stableFor: 0 })
    .catch((e) => s.fail('summary', e));
  const m = /共检查(\d+)份报告：(\d+)个错误，(\d+)个警告/.exec(toast.find((n) => /共检查/.test(n.message))!.message)!;
  return { files: Number(m[1]), errors: Number(m[2]), warnings: Number(m[3]) };
}

scenario('w. the workspace check counts what the Problems panel shows, follows edits and closing, and opens its files as reports', 'w-workspace',
  { files: { [OPEN]: SEED('004_bf2c1b340b487aac.txt'), [RECEIVED]: SEED('000_bc9e3f7e1580cb08.txt'), '说明.txt': '这不是年度报告。\n', 'node_modules/旧报告.txt': SEED('004_bf2c1b340b487aac.txt') } },
  async (s, step) => {
    await s.openFile(OPEN);
    await s.waitForProblems('the open report checked', (r) => r.length === 6);
    await s.runCommand('View: Toggle Maximized Panel', 'Toggle Maximized Panel');
    await s.runCommand('年报: 检查工作区中的全部报告', '检查工作区中的全部报告');
    const said = await summary(s);
    const files = await waitForFiles(s, 'both reports listed once', (f) => f.size === 2);
    await step('checked');
    const rows = [...files.values()].flat();
    assert.deepEqual([...files.keys()].sort(), [OPEN, RECEIVED].sort(), 'the open report and the received one; not the note, not node_modules');
    assert.equal(files.get(OPEN)!.length, 6, 'the open report once, not twice');
    assert.deepEqual(said, {
      files: 2,
      errors: rows.filter((r) => r.severity === 'error').length,
      warnings: rows.filter((r) => r.severity === 'warning').length,
    }, 'the summary counts what the panel shows');

    // The open report loses its end (saved), then is closed: its problems come back from the file on disk.
    const before = s.readWorkspaceFile(OPEN);
    await s.runCommand('View: Toggle Maximized Panel', 'Toggle Maximized Panel');
    await s.waitForActiveEditor(OPEN); // focuses its text
    await s.press('Control+G');
    await s.type('200');
    await s.press('Enter');
    await s.press('Control+Shift+End');
    await s.press('Delete');
    await s.press('Control+S');
    const saved = await waitForSaved(s, OPEN, before);
    const lines = saved.split('\n').length;
    await s.press('Control+W');
    const after = await waitForFiles(s, 'the closed report keeps its problems, within its lines', (f) => {
      const mine = f.get(OPEN) ?? [];
      return mine.length > 0 && mine.every((p) => p.line! <= lines);
    });
    await step('closed');
    // What is listed is what the checker says about the saved file (hints are not listed in the panel).
    const expected = cliCheck(join(s.workspace, OPEN)).filter((d) => d.severity !== 4)
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).sort();
    assert.deepEqual(after.get(OPEN)!.map((p) => `${p.line}:${p.column} ${p.message}`).sort(), expected);

    // A problem of the received .txt, clicked: the file opens in the report language.
    await s.clickProblem((r) => r.message.startsWith('第六部分“其他需要报告的事项”没有报告信息处理费'));
    await s.waitForActiveEditor(RECEIVED);
    await waitFor('the received report in the report language', () => s.languageMode(), (m) => m === LANGUAGE_NAME, { timeout: 15_000, stableFor: 500 })
      .catch((e) => s.fail('language', e));
    await step('opened-as-report');
    // Open as a report, it is shown once: by the server's live diagnostics.
    await waitForFiles(s, 'the received report listed once', (f) => (f.get(RECEIVED)?.length ?? 0) === files.get(RECEIVED)!.length);
  });
