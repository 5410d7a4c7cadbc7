/**
 * End-to-end: the packaged extension (.vsix) in a real VS Code (code-server 4.100.3) driven by headless
 * Chromium, the way a clerk uses it. Run with `node test/run.mjs e2e` after
 * `scripts/e2e/install-code-server.sh` and `npm run package`.
 *
 *   NIANBAO_VSIX=path/to.vsix   the extension to test (default: the newest *.vsix in the repository root)
 *   NIANBAO_E2E=skip            skip this tier (otherwise a missing code-server or .vsix is a failure)
 *   NIANBAO_E2E_KEEP=1          keep each session's temporary folders (logs, workspace) after the run
 *
 * Every scenario runs in its own fresh code-server (own user-data dir, extensions dir and workspace).
 * Screenshots of every step go to test-results/e2e/<scenario>-<nn>-<step>.png, timings to
 * test-results/e2e/timings.json.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, Session, waitFor, type ProblemRow } from './driver';
import { cliCheck, f8To, MISSING, scenarios, SKIP, waitForSaved, type Step } from './scenario';

/** What the status bar shows as the report language's name. */
const LANGUAGE_NAME = '政府信息公开年报';
const SEED_004 = readFileSync(join(REPO, 'examples/004_bf2c1b340b487aac.txt'));
const SEED_003 = readFileSync(join(REPO, 'examples/003_29e0fab2fe19fb07.txt'));
const NUMERAL_MESSAGE = '第三部分“收到和处理政府信息公开申请情况”的序号应为“三、”，实际为“2、”';
const ROW_TOTAL_MESSAGE = '行“总计”列应为1（自然人与法人或其他组织各列之和），表中填写的是0';
const ARITHMETIC = new Set(['row-total', 'column-total', 'carry-over-balance', 'review-litigation-total']);

/** The id of the status-bar item that offers to switch a received report. */
const REPORT_OFFER = 'nianbao.offer';
const isRowTotal = (r: ProblemRow) => r.message.includes(ROW_TOTAL_MESSAGE);
/** The suggestion for the report skeleton: the snippet whose prefix is exactly `nianbao` (not nianbao-2019). */
const isSkeleton = (r: { label: string; snippet: boolean }) => r.snippet && /^nianbao(?![-\w])/.test(r.label);

const { scenario, timings } = scenarios(/^(a|b|c|d1|d2|e)-/, 'timings.json');

test('e2e prerequisites: code-server, Chromium and the packaged extension', { skip: SKIP && 'NIANBAO_E2E=skip' }, () => {
  if (MISSING) assert.fail(`the e2e tier cannot run: ${MISSING}. (Set NIANBAO_E2E=skip to skip it on purpose.)`);
});

/**
 * Waits until the active editor is in the report language. A received .txt/.md is recognised by the
 * extension: it either switches the language itself or offers the switch (a status-bar item whose quick
 * pick holds the choices, or a notification with buttons), accepted here as a clerk would ("切换"/"Switch",
 * not "always"). Returns the language modes seen on the way and the offer's text.
 */
async function toReportLanguage(s: Session, step: Step): Promise<{ seen: string[]; offered: string }> {
  const seen: string[] = [];
  let offered = '';
  await waitFor('the language mode to become the report language', async () => {
    const mode = await s.languageMode();
    if (mode && seen[seen.length - 1] !== mode) seen.push(mode);
    if (mode !== LANGUAGE_NAME && !offered && await s.statusItem(REPORT_OFFER).isVisible()) {
      // The offer is a status-bar item (detect.ts): its choices open in a quick pick.
      offered = (await s.statusItem(REPORT_OFFER).getAttribute('aria-label')) ?? 'offer';
      await step('offer');
      await s.statusItem(REPORT_OFFER).click();
      await s.pickQuickItem(/^\S*\s*(切换|Switch)$/m);
    }
    if (mode !== LANGUAGE_NAME && !offered) {
      const offer = (await s.notifications()).find((n) => /年报|年度报告|政府信息公开|nianbao|annual report/i.test(n.message) && n.buttons.length > 0);
      if (offer) {
        offered = offer.message;
        await step('offer');
        const yes = offer.buttons.find((b) => /^(切换|是|确定|Switch|Yes|OK)/i.test(b)) ?? offer.buttons[0];
        await s.clickNotificationButton(/./, yes);
      }
    }
    return mode;
  }, (m) => m === LANGUAGE_NAME, { timeout: 30_000, stableFor: 1_000 }).catch((e) => s.fail('language', e));
  return { seen, offered };
}

/**
 * Waits for the report to be checked and then for "no problems": the panel must stay empty for 3 s
 * (a language server may take a moment to publish, so an empty panel alone proves little).
 */
async function expectNoProblems(s: Session, step: string): Promise<void> {
  await s.waitForProblems(step, (rows) => rows.length === 0, { stableFor: 3_000, timeout: 30_000 });
}

/**
 * The control for "no problems": the report must really be checked. Replaces the whole text by a line
 * with no part headings (the checker reports `section-missing`), then undoes it (no problems again).
 */
async function proveChecked(s: Session, step: Step): Promise<void> {
  await s.focusWorkbench();
  await s.press('Control+A');
  await s.type('x');
  await s.waitForProblems('a problem once the text is gone (is this document checked at all? untitled documents need a documentSelector with scheme "untitled")',
    (rows) => rows.length > 0, { stableFor: 500 });
  await step('control-text-removed');
  await s.press('Control+Z');
  await expectNoProblems(s, 'no problems again after undo');
}

// ---------------------------------------------------------------------------------------------------------
// The scenarios

const RECEIVED_TXT = '北京市大兴区退役军人事务局2023年报.txt';

scenario('a. a received .txt report shows its six problems in the Problems panel, in Chinese', 'a-problems',
  { files: { [RECEIVED_TXT]: SEED_004 } },
  async (s, step) => {
    await s.openFile(RECEIVED_TXT);
    await step('opened');
    await toReportLanguage(s, step);
    const rows = await s.waitForProblems('the six problems of seed 004', (r) => r.length >= 6);
    await step('problems');
    assert.equal(rows.length, 6, `expected 6 problems, saw:\n${rows.map((r) => r.label).join('\n')}`);
    assert.equal(rows.filter((r) => r.message.startsWith('正文写明本年新收政府信息公开申请数量为1')).length, 1, 'the prose-table-mismatch warning');
    assert.equal(rows.filter((r) => r.message.startsWith('文本中有格式转换残留“[bookmark: _GoBack]”')).length, 1, 'the text-residue warning');
    assert.equal(rows.filter((r) => r.message.includes(NUMERAL_MESSAGE)).length, 1, 'the section-numeral warning');
    assert.equal(rows.filter(isRowTotal).length, 3, 'three row-total errors');
    // The same six the CLI finds, at the same places ([Ln, Col] are 1-based, the CLI's range 0-based).
    const expected = cliCheck(join(REPO, 'examples/004_bf2c1b340b487aac.txt'))
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).sort();
    const seen = rows.map((r) => `${r.line}:${r.column} ${r.message}`).sort();
    assert.deepEqual(seen, expected);
    for (const r of rows) assert.equal(r.source, 'nianbao', `source of ${r.message}`);
  });

scenario('b. F8 to a row-total problem, Ctrl+. and Enter apply its preferred fix; Ctrl+S saves exactly that cell', 'b-quick-fix',
  { files: { [RECEIVED_TXT]: SEED_004 } },
  async (s, step) => {
    const before = s.readWorkspaceFile(RECEIVED_TXT);
    await s.openFile(RECEIVED_TXT);
    await toReportLanguage(s, step);
    const rows = await s.waitForProblems('the four problems of seed 004', (r) => r.length >= 4);
    const targets = rows.filter(isRowTotal);
    assert.ok(targets.length > 0, 'a row-total problem to fix');
    const line = await f8To(s, targets.map((r) => r.line!));
    const target = targets.find((r) => r.line === line)!;
    await step('f8-on-row-total');
    await s.press('Escape'); // close the problem peek; the cursor stays on the cell
    await s.press('Control+.');
    const menu = await waitFor('the quick-fix menu', () => s.quickFixMenu(), (m) => m.some((a) => a.focused), {
      timeout: 10_000, stableFor: 500,
    }).catch((e) => s.fail('quick-fix-menu', e));
    await step('quick-fix-menu');
    const focused = menu.find((a) => a.focused)!;
    assert.match(focused.title, /将此格改为1/, `the highlighted quick fix; the menu: ${JSON.stringify(menu)}`);
    await s.press('Enter');
    await s.waitForProblems('the fixed problem to go', (r) => !r.some((p) => p.line === target.line && isRowTotal(p)));
    await step('fixed');
    await s.press('Control+S');
    const after = await waitForSaved(s, RECEIVED_TXT, before);
    await step('saved');
    // Exactly one line changed: the fixed cell, 0 → 1, and nothing else.
    const a = before.split('\n');
    const b = after.split('\n');
    assert.equal(b.length, a.length, 'the number of lines');
    const changed = a.flatMap((l, i) => (l === b[i] ? [] : [i]));
    assert.deepEqual(changed.map((i) => i + 1), [target.line], `changed lines: ${changed.map((i) => `${i + 1}: ${JSON.stringify(a[i])} → ${JSON.stringify(b[i])}`).join('; ')}`);
    const i = target.line! - 1;
    const c = target.column! - 1;
    assert.equal(a[i][c], '0', `the cell before: ${JSON.stringify(a[i])}`);
    assert.equal(b[i], a[i].slice(0, c) + '1' + a[i].slice(c + 1), `the cell after: ${JSON.stringify(b[i])}`);
  });

scenario('c. Fix All from the command palette, then Ctrl+S: the CLI finds no arithmetic problem left in the saved file', 'c-fix-all',
  { files: { [RECEIVED_TXT]: SEED_004 } },
  async (s, step) => {
    const before = s.readWorkspaceFile(RECEIVED_TXT);
    await s.openFile(RECEIVED_TXT);
    await toReportLanguage(s, step);
    await s.waitForProblems('the four problems of seed 004', (r) => r.length >= 4);
    await step('before');
    // VS Code's own "Fix All" (editor.action.fixAll) runs the extension's source.fixAll.nianbao action.
    await s.runCommand(/Fix All|全部修复/, 'Fix All');
    const rows = await s.waitForProblems('the arithmetic problems to go', (r) => !r.some((p) => ARITHMETIC.has(p.code ?? '') || isRowTotal(p)));
    await step('fixed-all');
    await s.press('Control+S');
    await waitForSaved(s, RECEIVED_TXT, before);
    await step('saved');
    const left = cliCheck(join(s.workspace, RECEIVED_TXT));
    assert.deepEqual(left.filter((d) => ARITHMETIC.has(d.code) || d.data !== undefined), [], 'arithmetic diagnostics left');
    // What the panel shows is what the checker says about the saved file.
    assert.deepEqual(rows.map((r) => r.message).sort(), left.map((d) => d.message).sort());
  });

scenario('d1. 年报: 新建年度报告 asks for the issuing body and year and writes a report without problems', 'd1-new-report',
  { files: {} },
  async (s, step) => {
    await s.runCommand('年报: 新建年度报告', '新建年度报告');
    const prompts = [await s.answerInputBox('某县某局'), await s.answerInputBox('2024')];
    await step('answered');
    await waitFor('the new report in the editor', () => s.visibleLines().catch(() => []),
      (lines) => lines.some((l) => l.includes('某县某局') && l.includes('2024')), { timeout: 20_000, stableFor: 500 })
      .catch((e) => s.fail('new-report', e));
    await waitFor('the new report in the report language', () => s.languageMode(), (m) => m === LANGUAGE_NAME, {
      timeout: 15_000, stableFor: 300,
    }).catch((e) => s.fail('new-report-language', e));
    await expectNoProblems(s, 'no problems in the new report');
    await step('new-report');
    await proveChecked(s, step);
    assert.equal(prompts.length, 2);
  });

scenario('d2. the `nianbao` snippet in an empty .nianbao file writes a report without problems', 'd2-snippet',
  { files: { '新报告.nianbao': '' } },
  async (s, step) => {
    await s.openFile('新报告.nianbao');
    await waitFor('the .nianbao file in the report language', () => s.languageMode(), (m) => m === LANGUAGE_NAME, {
      timeout: 15_000, stableFor: 300,
    }).catch((e) => s.fail('language', e));
    await s.type('nianbao');
    const suggest = s.page.locator('.editor-widget.suggest-widget.visible');
    const shown = await suggest.waitFor({ timeout: 3_000 }).then(() => true, () => false);
    if (!shown) await s.press('Control+Space');
    const row = await waitFor('the snippet in the suggestions', () => s.suggestions(), (rows) => rows.some(isSkeleton), {
      timeout: 10_000, stableFor: 300,
    }).catch((e) => s.fail('suggest', e));
    await step('suggestion');
    timings['d2-suggestions'] = row;
    // Move the highlight to the snippet (it is normally first), then accept it.
    for (let i = 0; i < row.length; i++) {
      const focused = (await s.suggestions()).find((r) => r.focused);
      if (focused && isSkeleton(focused)) break;
      await s.press('ArrowDown');
    }
    await s.press('Enter');
    await waitFor('the skeleton in the editor', () => s.visibleLines(), (lines) => lines.some((l) => l.includes('总体情况')), {
      timeout: 10_000, stableFor: 300,
    }).catch((e) => s.fail('snippet', e));
    await s.press('Escape'); // leave the snippet's placeholders
    await expectNoProblems(s, 'no problems in the skeleton');
    await step('skeleton');
    await proveChecked(s, step);
  });

const RECEIVED_MD = '临沂市国防动员办公室2023年报.md';

scenario('e. a received .md report is switched to the report language', 'e-language',
  { files: { [RECEIVED_MD]: SEED_003 } },
  async (s, step) => {
    await s.openFile(RECEIVED_MD);
    await step('opened');
    const { seen, offered } = await toReportLanguage(s, step);
    await step('switched');
    await s.openProblems();
    await step('problems');
    timings['e-language-modes'] = { seen, offered };
  });
