/**
 * End-to-end, the reviewer's decisions and page (issue 17): 标记为已核实 from the quick-fix menu writes the
 * workspace's `.nianbao-baseline.json`, which the editor and `nianbao check` then honour; 年报：生成审查清单
 * writes the review page of the workspace's reports, with the verdicts the CLI gives, and shows it.
 * Same switches and prerequisites as extension.e2e.test.ts; screenshots: test-results/e2e/{o-verified,p-review}-*.png.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, waitFor, type ProblemRow, type Session } from './driver';
import { quickFixAt, scenarios, type CliDiagnostic } from './scenario';

const CLI = join(REPO, 'dist/cli.js');
const SEEDS = join(REPO, 'examples');
const SEED = (prefix: string) => readFileSync(join(SEEDS, readdirSync(SEEDS).find((n) => n.startsWith(prefix))!), 'utf8');
const REPORT = '区退役军人事务局2023年报.nianbao';
const BASELINE = '.nianbao-baseline.json';
const isRowTotal = (r: ProblemRow) => r.code === 'row-total';

const { scenario } = scenarios(/^(o-verified|p-review)-/, 'timings-review.json');

/** `nianbao check ARGS` run in the workspace folder (where it finds the baseline file). */
function cli(s: Session, args: string[]): { status: number | null; stdout: string; stderr: string } {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\``);
  return spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: s.workspace, encoding: 'utf8', timeout: 60_000 });
}

/** Waits for a workspace file to exist and read as JSON / text that `accept` takes. */
async function waitForFile<T>(s: Session, rel: string, parse: (text: string) => T, accept: (v: T) => boolean = () => true): Promise<T> {
  const path = join(s.workspace, rel);
  return waitFor(`${rel} to be written`, () => (existsSync(path) ? parse(readFileSync(path, 'utf8')) : null), (v) => v !== null && accept(v), {
    timeout: 15_000, stableFor: 300,
  }).catch((e) => s.fail('written', e)) as Promise<T>;
}

scenario('o. 标记为已核实 on a wrong total writes the baseline file; the finding leaves the panel and the CLI counts it as verified', 'o-verified',
  { files: { [REPORT]: SEED('004') } },
  async (s, step) => {
    await s.openFile(REPORT);
    const rows = await s.waitForProblems('the six problems of seed 004', (r) => r.length === 6);
    const title = '标记为已核实（记入基线文件，不再提示）';
    const { line, menu } = await quickFixAt(s, rows.filter(isRowTotal).map((r) => r.line!), title);
    await step('quick-fix-menu');
    assert.equal(menu.find((a) => a.focused)?.title, title, JSON.stringify(menu));
    await s.press('Enter');

    // The file at the workspace root: this report, one entry, the row-total finding on the chosen line.
    const baseline = await waitForFile(s, BASELINE, (t) => JSON.parse(t) as { reports: Record<string, { rule: string; message?: string }[]> });
    assert.deepEqual(Object.keys(baseline.reports), [REPORT]);
    assert.equal(baseline.reports[REPORT].length, 1);
    assert.equal(baseline.reports[REPORT][0].rule, 'row-total');
    const accepted = rows.find((r) => isRowTotal(r) && r.line === line)!;
    assert.equal(baseline.reports[REPORT][0].message, accepted.message);

    // The finding leaves the Problems panel; the other two wrong totals stay.
    const left = await s.waitForProblems('the verified total gone', (r) => r.length === 5 && r.filter(isRowTotal).length === 2);
    assert.ok(!left.some((r) => isRowTotal(r) && r.line === line), JSON.stringify(left, null, 1));
    await step('verified');
    assert.equal(s.readWorkspaceFile(REPORT), SEED('004'), 'the report itself is not changed');

    await waitFor('the status item', () => s.statusItem('nianbao.status').innerText(), (t) => /年报：5个问题/.test(t), { timeout: 10_000, stableFor: 300 })
      .catch((e) => s.fail('status', e));

    // nianbao check in the folder reads the same file: five shown, one verified.
    const r = cli(s, [REPORT]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith(`${REPORT}:`)).length, 5, r.stdout);
    assert.match(r.stdout, /，另有1处已核实（见基线文件）。\n$/);

    // The verified cell written otherwise (5): the finding says something new and is shown again; written back, it goes.
    await s.waitForActiveEditor(REPORT);
    await s.press('Control+G');
    await s.type(String(line));
    await s.press('Enter', 'End', 'Backspace');
    await s.type('5');
    await s.waitForProblems('the changed cell shown again', (rs) => rs.some((p) => isRowTotal(p) && p.line === line && p.message.endsWith('表中填写的是5。')));
    await step('changed');
    await s.press('Backspace');
    await s.type('0');
    await s.waitForProblems('written back, verified again', (rs) => rs.length === 5 && !rs.some((p) => isRowTotal(p) && p.line === line));
  });

const REVIEW_FILE = '审查清单.html';
const RECEIVED = '收到的报告';

/** One report's row of the review page (its data attributes). */
interface PageRow {
  file: string;
  errors: number;
  warnings: number;
  verdict: string;
}

function pageRows(html: string): PageRow[] {
  return [...html.matchAll(/<tr class="report [a-z]+" data-file="([^"]+)" data-errors="(\d+)" data-warnings="(\d+)" data-verdict="([a-z]+)">/g)]
    .map((m) => ({ file: m[1], errors: Number(m[2]), warnings: Number(m[3]), verdict: m[4] }));
}

/** The same rows from `nianbao check --format json` on the folder: a report with an error is sent back. */
function cliRows(s: Session): PageRow[] {
  const r = cli(s, ['--format', 'json', RECEIVED]);
  assert.ok(r.status === 0 || r.status === 1, `the CLI failed (exit ${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { file: string; diagnostics: CliDiagnostic[] }[]).map(({ file, diagnostics }) => {
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    return { file, errors, warnings: diagnostics.filter((d) => d.severity === 2).length, verdict: errors > 0 ? 'returned' : 'passed' };
  });
}

const byFile = (rows: PageRow[]) => [...rows].sort((a, b) => a.file.localeCompare(b.file));

scenario('p. 年报：生成审查清单 writes the review page of the workspace\'s reports with the CLI\'s verdicts, and shows it', 'p-review',
  {
    files: {
      ...Object.fromEntries(readdirSync(SEEDS).filter((n) => /^\d{3}_.*\.txt$/.test(n)).map((n) => [`${RECEIVED}/${n}`, readFileSync(join(SEEDS, n))])),
      '说明.txt': '本文件夹是今年收到的各机关年度报告。\n',
    },
  },
  async (s, step) => {
    await s.runCommand('年报: 生成审查清单', '生成审查清单');
    await s.acceptSaveDialog(REVIEW_FILE);
    const html = await waitForFile(s, REVIEW_FILE, (t) => t, (t) => t.includes('</html>'));
    const rows = pageRows(html);
    const expected = cliRows(s);
    assert.equal(rows.length, 5, `every seed, not the note: ${JSON.stringify(rows)}`);
    assert.deepEqual(byFile(rows), byFile(expected), 'each report with the CLI\'s counts and verdict');
    // Worst first: every report sent back comes before every report that passes.
    assert.deepEqual(rows.map((r) => r.verdict), [...rows.map((r) => r.verdict)].sort((a, b) => (a === b ? 0 : a === 'returned' ? -1 : 1)));
    const returned = rows.filter((r) => r.verdict === 'returned').length;
    assert.match(html, new RegExp(`<p class="summary" data-reports="5" data-returned="${returned}" data-unchecked="0">`));

    // The notification says what was written and offers to show it.
    const done = new RegExp(`^已写出审查清单“${REVIEW_FILE}”：共5份报告，建议退回${returned}份。$`);
    await waitFor('the notification', () => s.notifications(), (ns) => ns.some((n) => done.test(n.message) && n.buttons.includes('查看')), { timeout: 15_000, stableFor: 300 })
      .catch((e) => s.fail('notification', e));
    await step('written');
    await s.clickNotificationButton(/已写出审查清单/, '查看');
    await waitFor('the review tab', () => s.activeTabTitle(), (t) => t === '审查清单', { timeout: 15_000, stableFor: 200 }).catch((e) => s.fail('review-tab', e));
    // The webview's page is a frame of its own: the one with the report rows.
    const shown = () => Promise.all(s.page.frames().map((f) => f.locator('tr.report').evaluateAll((els) =>
      els.map((e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute('data-file') ?? '')).catch(() => [] as string[])))
      .then((all) => all.flat());
    const files = await waitFor('the page in the webview', shown, (f) => f.length === 5, { timeout: 20_000, stableFor: 500 }).catch((e) => s.fail('webview', e));
    assert.deepEqual(files, rows.map((r) => r.file), 'the webview shows the page written');
    await step('webview');

    // A rule's link in the webview opens the rules page at that rule (as the Problems panel's links do).
    const link = await waitFor('a rule link in the webview', async () => {
      for (const f of s.page.frames()) if (await f.locator('a.rule').count().catch(() => 0)) return f.locator('a.rule').first();
      return null;
    }, (l) => l !== null, { timeout: 10_000, stableFor: 0 }).catch((e) => s.fail('rule-link', e));
    const rule = (await link!.innerText()).trim();
    await link!.click();
    await waitFor('the rules page', () => s.activeTabTitle(), (t) => t !== null && /rules\.md/.test(t), { timeout: 15_000, stableFor: 300 })
      .catch((e) => s.fail('rules-page', e));
    // The Markdown preview, rendered: the rule's heading (its anchor is the rule id) is there.
    const heading = () => Promise.all(s.page.frames().map((f) => f.locator(`[id="${rule}"]`).count().catch(() => 0))).then((n) => n.some((x) => x > 0));
    await waitFor(`the heading of ${rule}`, heading, (ok) => ok, { timeout: 15_000, stableFor: 300 }).catch((e) => s.fail('rule-heading', e));
    await step('rule-page');
  });
