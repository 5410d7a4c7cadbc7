/**
 * End-to-end, across years (issue 18): last year's report lies in the workspace folder, on disk only, and
 * this year's is opened. Its 上年结转 differs from last year's 结转下年度继续办理 and its part 五 is last
 * year's: the Problems panel says both, names last year's file, and the quick fix 按上年报告改为… puts last
 * year's figure in. Same switches and prerequisites as extension.e2e.test.ts; screenshots:
 * test-results/e2e/n-across-*.png.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readReport } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/service/actions';
import { writeCell } from '../../server/src/core/service/cellEdit';
import { seed } from '../helpers/fixtures';
import { REPO, waitFor, type ProblemRow } from './driver';
import { scenarios, waitForSaved, type CliDiagnostic } from './scenario';

/** Seed 003 is a 2023 report of 临沂市国防动员办公室; with its years changed it is the 2022 report. */
const THIS_YEAR = seed('003');
const LAST_YEAR = THIS_YEAR.replaceAll('2023', '2022');
const LAST_FILE = '2022年政府信息公开工作年度报告.nianbao';
const THIS_FILE = '2023年政府信息公开工作年度报告.nianbao';

/** A text with one cell of table 三 written. */
function withCell(text: string, row: string, column: string, value: number): string {
  const cell = readReport(text).tables.applications!.rows.find((r) => r.key === row)!.cells.find((c) => c.column === column)!;
  return applyEdits(text, writeCell(cell, value));
}
/** This year's 上年结转 (法人或其他组织·商业企业) says 2 where last year carried 0 forward. */
const THIS_YEAR_WRONG = withCell(THIS_YEAR, 'carriedOver', 'commercial', 2);

const isCarryOver = (r: ProblemRow) => r.code === 'carry-over-across-years';
const isCopied = (r: ProblemRow) => r.code === 'copied-text';
const where = (r: { line?: number; column?: number; message: string }) => `${r.line}:${r.column} ${r.message}`;

/** The CLI on both files (`check --format json LAST THIS`): this year's findings the panel lists (no hints). */
function cliThisYear(dir: string): string[] {
  const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'check', '--format', 'json', LAST_FILE, THIS_FILE], { cwd: dir, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `the CLI failed (exit ${r.status}): ${r.stderr}`);
  const results = JSON.parse(r.stdout) as { file: string; diagnostics: CliDiagnostic[] }[];
  const mine = results.find((x) => x.file.endsWith(THIS_FILE));
  assert.ok(mine, `the CLI lists no ${THIS_FILE}: ${results.map((x) => x.file).join(', ')}`);
  return mine.diagnostics.filter((d) => d.severity !== 4)
    .map((d) => where({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message })).sort();
}

const { scenario, timings } = scenarios(/^n-across-/, 'timings-across.json');

scenario('n. across years: last year\'s report on disk makes this year\'s carry-over an error and its part 五 copied; the quick fix takes last year\'s figure', 'n-across',
  { files: { [LAST_FILE]: LAST_YEAR, [THIS_FILE]: THIS_YEAR_WRONG, '说明.txt': '两份报告：上年的和本年的。\n' } },
  async (s, step) => {
    await s.openFile(THIS_FILE);
    // How long after opening the carry-over error is listed (errors come first: it is in view).
    const opened = Date.now();
    await s.waitForProblems('the carry-over error', (r) => r.some(isCarryOver), { stableFor: 0, timeout: 15_000 });
    timings['n-across: carry-over listed after opening (ms)'] = Date.now() - opened;
    // The panel draws only the rows in view: maximized, it has room for every problem and its related rows.
    await s.runCommand('View: Toggle Maximized Panel', 'Toggle Maximized Panel');
    const rows = await s.waitForProblems('the carry-over error and the copied part 五',
      (r) => r.filter(isCarryOver).length === 1 && r.some((p) => isCopied(p) && p.message.startsWith('第五部分')), { stableFor: 1_500 });
    await step('across');

    const [carry] = rows.filter(isCarryOver);
    assert.equal(carry.severity, 'error');
    assert.match(carry.message, new RegExp(`^“上年结转政府信息公开申请数量”（[^）]+）为2，而上年报告“${LAST_FILE}”的“结转下年度继续办理”为0，两者应当相等。$`));
    const five = rows.find((p) => isCopied(p) && p.message.startsWith('第五部分'))!;
    assert.equal(five.severity, 'warning');
    assert.match(five.message, new RegExp(`^第五部分“存在的主要问题及改进情况”与上年报告“${LAST_FILE}”的同一部分完全相同`));
    // What the panel lists for this year's report is what the CLI says given both reports.
    assert.deepEqual(rows.map(where).sort(), cliThisYear(s.workspace));

    // The related information (rows under each problem) names last year's file.
    const related = await s.relatedInformation();
    const under = (p: ProblemRow) => related.filter((r) => r.problem === p.label);
    assert.ok(under(carry).length === 1 && under(carry)[0].file === LAST_FILE, JSON.stringify(related, null, 1));
    assert.match(under(carry)[0].message, /^上年报告的“结转下年度继续办理”（[^）]+）：0$/);
    assert.ok(under(five).some((r) => r.file === LAST_FILE && r.message === '上年报告的第五部分'), JSON.stringify(related, null, 1));

    await s.runCommand('View: Toggle Maximized Panel', 'Toggle Maximized Panel');
    // The quick fix on the carry-over cell: 按上年报告改为0, highlighted first.
    await s.clickProblem(isCarryOver);
    await s.waitForActiveEditor(THIS_FILE);
    await s.press('Control+.');
    const menu = await waitFor('the quick-fix menu', () => s.quickFixMenu(), (m) => m.some((a) => a.focused), { timeout: 10_000, stableFor: 500 })
      .catch((e) => s.fail('quick-fix-menu', e));
    await step('quick-fix-menu');
    assert.equal(menu.find((a) => a.focused)?.title, '按上年报告改为0', JSON.stringify(menu));
    await s.press('Enter');
    await s.waitForProblems('the carry-over error gone', (r) => !r.some(isCarryOver) && r.some(isCopied));
    await step('fixed');
    await s.press('Control+S');
    // The one cell written back: this year's report is the seed again.
    assert.equal(await waitForSaved(s, THIS_FILE, THIS_YEAR_WRONG), THIS_YEAR);
    assert.equal(s.readWorkspaceFile(LAST_FILE), LAST_YEAR, 'last year\'s report is not touched');
  });
