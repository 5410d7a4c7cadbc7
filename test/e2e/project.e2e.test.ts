/**
 * End-to-end, the clerk's project: a `.nianbao.jsonc` that the editor and the CLI both obey, a silencing
 * quick fix, the code lens above table 三, Format Document on a Markdown report, and the table preview. Same switches and
 * prerequisites as extension.e2e.test.ts; screenshots go to test-results/e2e/{f,g,h,i,j}-*.png.
 *
 * The reports are `.nianbao` files, which are reports by their extension: no detection offer in the way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport } from '../../server/src/core/render/report';
import { REPO, waitFor, type ProblemRow, type Session } from './driver';
import { cliCheck, cliResult, quickFixAt, scenarios, waitForSaved } from './scenario';

const LANGUAGE_NAME = '政府信息公开年报';
const SEED_004 = readFileSync(join(REPO, 'examples/004_bf2c1b340b487aac.txt'), 'utf8');
const REPORT = '区退役军人事务局2023年报.nianbao';
const ROW_TOTAL = '行“总计”列应为1（自然人与法人或其他组织各列之和），表中填写的是0';
const isRowTotal = (r: ProblemRow) => r.message.includes(ROW_TOTAL);
/** A problem row as the CLI writes it: 1-based line and column, and the message. */
const where = (r: ProblemRow) => `${r.line}:${r.column} ${r.message}`;
const cliWhere = (file: string) => cliCheck(file).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).sort();

const { scenario } = scenarios(/^(f-config|g-silence|h-lens|i-format|j-preview)-/, 'timings-project.json');

async function openReport(s: Session, rel: string): Promise<void> {
  await s.openFile(rel);
  await waitFor(`${rel} in the report language`, () => s.languageMode(), (m) => m === LANGUAGE_NAME, { timeout: 15_000, stableFor: 300 })
    .catch((e) => s.fail('language', e));
}

scenario('f. a .nianbao.jsonc turns rules off in the editor as in the CLI, and a change to it re-checks the open report', 'f-config',
  { files: { '.nianbao.jsonc': '{\n  // 本项目不检查格式转换残留和章节序号\n  "rules": { "text-residue": "off", "section-numeral": "off" }\n}\n', [REPORT]: SEED_004 } },
  async (s, step) => {
    await openReport(s, REPORT);
    // Seed 004 has six problems; without the two rules turned off, four: three totals and the prose.
    const rows = await s.waitForProblems('the four problems the configuration leaves', (r) => r.length === 4, { stableFor: 2_000 });
    await step('configured');
    assert.equal(rows.filter(isRowTotal).length, 3);
    assert.ok(!rows.some((r) => r.code === 'text-residue' || r.code === 'section-numeral'), rows.map((r) => r.label).join('\n'));
    assert.deepEqual(rows.map(where).sort(), cliWhere(join(s.workspace, REPORT)), 'the editor and the CLI obey the same file');
    // The quiet status item counts what the panel shows.
    await waitFor('the status item', () => s.statusItem('nianbao.status').innerText(), (t) => /年报：4个问题/.test(t), { timeout: 10_000, stableFor: 300 })
      .catch((e) => s.fail('status', e));
    // The clerk then turns the totals off too: the open report is re-checked without being reopened.
    s.writeWorkspace({ '.nianbao.jsonc': '{ "rules": { "text-residue": "off", "section-numeral": "off", "row-total": "off" } }\n' });
    const after = await s.waitForProblems('the totals turned off', (r) => r.length === 1 && !r.some(isRowTotal), { stableFor: 1_500 });
    await step('changed');
    assert.deepEqual(after.map(where).sort(), cliWhere(join(s.workspace, REPORT)), 'the CLI reads the changed file too');
  });

scenario('g. 在此处忽略此规则 from the quick-fix menu writes the comment above the cell; the CLI counts the finding as silenced', 'g-silence',
  { files: { [REPORT]: SEED_004 } },
  async (s, step) => {
    const before = s.readWorkspaceFile(REPORT);
    await openReport(s, REPORT);
    const rows = await s.waitForProblems('the six problems of seed 004', (r) => r.length === 6);
    const { line, menu } = await quickFixAt(s, rows.filter(isRowTotal).map((r) => r.line!), '在此处忽略此规则');
    await step('quick-fix-menu');
    assert.match(menu.find((a) => a.focused)?.title ?? '', /^在此处忽略此规则（row-total）$/, JSON.stringify(menu));
    assert.ok(menu.some((a) => a.title === '在本文件中忽略此规则（row-total）'), JSON.stringify(menu));
    await s.press('Enter');
    const left = await s.waitForProblems('one total silenced', (r) => r.length === 5 && r.filter(isRowTotal).length === 2);
    await step('silenced');
    await s.press('Control+S');
    const after = await waitForSaved(s, REPORT, before);
    // One line added, right above the silenced cell and indented as it is; nothing else changed.
    const a = before.split('\n');
    const b = after.split('\n');
    assert.equal(b.length, a.length + 1);
    assert.equal(b[line - 1], `${/^\s*/.exec(a[line - 1])![0]}// nianbao-disable-next-line row-total`);
    assert.deepEqual([...b.slice(0, line - 1), ...b.slice(line)], a);
    const cli = cliResult(join(s.workspace, REPORT));
    assert.equal(cli.silenced?.length, 1, 'the CLI counts it as silenced');
    assert.equal(cli.silenced![0].range.start.line, line, 'the silenced cell, one line down');
    assert.deepEqual(left.map(where).sort(), cliWhere(join(s.workspace, REPORT)));
  });

scenario('h. the code lens above table 三 says how many totals fail and recomputes that table', 'h-lens',
  { files: { [REPORT]: SEED_004 } },
  async (s, step) => {
    const before = s.readWorkspaceFile(REPORT);
    await openReport(s, REPORT);
    await s.waitForProblems('the three wrong totals', (r) => r.filter(isRowTotal).length === 3);
    // Table 三 starts at line 65: bring it into view.
    await s.focusWorkbench();
    await s.press('Control+G');
    await s.type('70');
    await s.press('Enter');
    const lens = s.page.locator('.editor-group-container.active .codelens-decoration a', { hasText: '重新计算本表' }).first();
    await lens.waitFor({ state: 'visible', timeout: 15_000 }).catch((e) => s.fail('lens', e));
    assert.equal((await lens.innerText()).trim(), '3处合计不符 · 重新计算本表');
    await step('lens');
    await lens.click();
    const rows = await s.waitForProblems('the totals of table 三 recomputed', (r) => r.filter(isRowTotal).length === 0);
    await waitFor('the lens to say the totals hold', () => s.page.locator('.editor-group-container.active .codelens-decoration').allInnerTexts(),
      (ts) => ts.some((t) => t.includes('合计均相符')) && !ts.some((t) => t.includes('重新计算本表')), { timeout: 15_000, stableFor: 500 })
      .catch((e) => s.fail('lens-after', e));
    await step('recomputed');
    await s.press('Control+S');
    await waitForSaved(s, REPORT, before);
    assert.deepEqual(cliCheck(join(s.workspace, REPORT)).filter((d) => d.code === 'row-total'), []);
    assert.deepEqual(rows.map(where).sort(), cliWhere(join(s.workspace, REPORT)));
  });

// A Markdown report: the skeleton as the extension writes it (aligned), and the same with every pipe
// table's padding removed, as a clerk's hand-edited copy often is.
const SKELETON = renderReport({ issuer: '某县某局', year: 2024, layout: 'markdown' });
const UNALIGNED = SKELETON.split('\n').map((l) => (l.startsWith('|') ? l.replace(/ *\| */g, '|') : l)).join('\n');

scenario('i. Format Document aligns the pipe tables without changing a cell, and formatting twice is formatting once', 'i-format',
  { files: { '草稿.nianbao': UNALIGNED, '模板.nianbao': SKELETON } },
  async (s, step) => {
    await openReport(s, '草稿.nianbao');
    await step('unaligned');
    await s.runCommand(/^(Format Document|格式化文档)/, 'Format Document');
    await waitFor('the tables aligned', () => s.visibleLines(), (ls) => ls.some((l) => /^\| 信息内容 {2,}\| 本年制发件数 +\|/.test(l)), { timeout: 15_000, stableFor: 500 })
      .catch((e) => s.fail('format', e));
    await step('formatted');
    await s.press('Control+S');
    const formatted = await waitForSaved(s, '草稿.nianbao', UNALIGNED);
    // Only the spaces around cells changed: the text is the aligned skeleton exactly.
    assert.equal(formatted, SKELETON);
    await expectNoChange(s, '草稿.nianbao');
    await openReport(s, '模板.nianbao');
    await expectNoChange(s, '模板.nianbao');
    await step('idempotent');
    assert.equal(s.readWorkspaceFile('模板.nianbao'), SKELETON);
  });

/** Format Document on an already formatted report leaves it unmodified (the tab does not become dirty). */
async function expectNoChange(s: Session, rel: string): Promise<void> {
  await s.runCommand(/^(Format Document|格式化文档)/, 'Format Document');
  await waitFor(`${rel} to stay unmodified`, () => s.page.locator('.editor-group-container.active .tab.active.dirty').count(), (n) => n === 0, {
    timeout: 5_000, stableFor: 2_000,
  }).catch((e) => s.fail('idempotent', e));
}

scenario('j. 年报: 预览表格 shows the tables beside the report with the three wrong totals marked, and follows a fix', 'j-preview',
  { files: { [REPORT]: SEED_004 } },
  async (s, step) => {
    await openReport(s, REPORT);
    await s.waitForProblems('the three wrong totals', (r) => r.filter(isRowTotal).length === 3);
    // Typing “nianbao” in the palette finds the commands (their category's English alias) in a Chinese VS Code.
    await s.runCommand('年报: 预览表格', 'nianbao');
    // The webview's page is a frame of its own: find the one with the tables.
    const marked = () => Promise.all(s.page.frames().map((f) => f.locator('td.marked').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { cell: string } }).dataset.cell)).catch(() => [] as string[])))
      .then((all) => all.flat().sort());
    await waitFor('the preview with its marked cells', marked, (m) => m.length === 3, { timeout: 20_000, stableFor: 500 }).catch((e) => s.fail('preview', e));
    await step('preview');
    assert.deepEqual(await marked(), ['denied.stateSecret/total', 'newReceived/total', 'total/total']);
    // Fix All in the report: the preview follows, nothing is marked.
    await s.waitForActiveEditor(REPORT).catch(() => undefined);
    await s.runCommand(/Fix All|全部修复/, 'Fix All');
    await waitFor('the preview without marks', marked, (m) => m.length === 0, { timeout: 20_000, stableFor: 500 }).catch((e) => s.fail('preview-fixed', e));
    await step('fixed');
  });
