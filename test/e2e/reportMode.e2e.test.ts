/**
 * End-to-end: report mode that sticks (client/src/detect.ts). A reviewer going through received reports
 * closes and reopens them all the time (preview tabs): a file switched once stays a report, a file answered
 * "no" is never offered again, an offer belongs to the active editor and goes when it closes, and an HTML
 * report opened first in a fresh window is offered too — with no language server started until it is.
 *
 * Same switches as extension.e2e.test.ts (NIANBAO_VSIX, NIANBAO_E2E=skip, NIANBAO_E2E_KEEP=1); screenshots
 * of every step: test-results/e2e/m1-…, m2-….
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, Session, waitFor, type ProblemRow } from './driver';
import { cliCheck, scenarios, type Step } from './scenario';

const LANGUAGE_NAME = '政府信息公开年报';
const OFFER = 'nianbao.offer';
const SWITCH = /^\S*\s*切换$/m;

const SEED_004 = readFileSync(join(REPO, 'examples/004_bf2c1b340b487aac.txt'));
const SEED_003 = readFileSync(join(REPO, 'examples/003_29e0fab2fe19fb07.txt'));
const HTML_REPORT = readFileSync(join(REPO, 'test/fixtures/corpus/103_shuyang-drc-2023-webpage.html'));

const { scenario } = scenarios(/^m[12]-/, 'timings-report-mode.json');

/** Waits until the status bar shows `mode` as the active editor's language and keeps it for `stableFor`. */
async function waitForMode(s: Session, mode: string, what: string, stableFor = 1_000): Promise<void> {
  await waitFor(what, () => s.languageMode(), (m) => m === mode, { timeout: 30_000, stableFor }).catch((e) => s.fail('language', e));
}

async function offerVisible(s: Session): Promise<boolean> {
  return s.statusItem(OFFER).isVisible();
}

/** Waits for the offer of the active editor, then answers it with the quick-pick row matching `choice`. */
async function answerOffer(s: Session, step: Step, choice: RegExp): Promise<string> {
  await waitFor('the status-bar offer', () => offerVisible(s), (v) => v, { timeout: 30_000, stableFor: 300 }).catch((e) => s.fail('offer', e));
  const label = (await s.statusItem(OFFER).getAttribute('aria-label')) ?? '';
  await step('offer');
  await s.statusItem(OFFER).click();
  await waitFor('the offer\'s choices', () => s.quickPickRows(), (rows) => rows.length >= 4, { timeout: 10_000, stableFor: 300 })
    .catch((e) => s.fail('choices', e));
  await step('choices');
  await s.pickQuickItem(choice);
  return label;
}

/** Closes the active editor (Ctrl+W) and waits until no tab shows `name`. */
async function closeEditor(s: Session, name: string): Promise<void> {
  await s.focusWorkbench();
  await s.press('Control+W');
  await waitFor(`${name} to close`, () => s.page.locator('.tab .label-name').allInnerTexts(), (tabs) => !tabs.some((t) => t.trim() === name), {
    timeout: 10_000, stableFor: 300,
  }).catch((e) => s.fail('close', e));
}

/** While `action` runs and for `settle` ms after, the offer never shows and no notification appears. */
async function neverOffered(s: Session, what: string, action: () => Promise<void>, settle = 3_000): Promise<void> {
  let seen = '';
  const watch = setInterval(() => {
    void Promise.all([offerVisible(s).catch(() => false), s.notifications().catch(() => [])]).then(([offer, toasts]) => {
      if (offer) seen ||= 'the status-bar offer';
      if (toasts.length) seen ||= `a notification: ${toasts.map((n) => n.message).join(' | ')}`;
    });
  }, 100);
  try {
    await action();
    await new Promise((r) => setTimeout(r, settle));
  } finally {
    clearInterval(watch);
  }
  assert.equal(seen, '', `${what}: nothing may be offered`);
}

/** The CLI's diagnostics of a file as `line:col message` (1-based, as the Problems panel shows them). */
function cliProblems(file: string): string[] {
  return cliCheck(file).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).sort();
}

const panel = (rows: ProblemRow[]) => rows.map((r) => `${r.line}:${r.column} ${r.message}`).sort();

/** The language servers this session's extension runs (processes of its dist/server.js). */
function serverProcesses(s: Session): number {
  const ps = spawnSync('ps', ['-ww', '-eo', 'args'], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((l) => l.includes(s.extensionsDir) && l.includes('dist/server.js')).length;
}

const REPORT = '大兴区退役军人事务局2023年报.txt';
const OTHER = '临沂市国防动员办公室2023年报.txt';
const NOTES = '会议纪要.txt';

scenario('m1. a .txt report switched once stays a report when closed and reopened; a file answered no is never asked again; offers go with their editor',
  'm1-sticks', { files: { [REPORT]: SEED_004, [OTHER]: SEED_003, [NOTES]: '本周会议纪要：讨论年度工作安排。\n' } },
  async (s, step) => {
    const expected = cliProblems(join(REPO, 'examples/004_bf2c1b340b487aac.txt'));
    await s.openFile(REPORT);
    await step('opened');
    const label = await answerOffer(s, step, SWITCH);
    assert.match(label, /看起来是一份政府信息公开工作年度报告/);
    await waitForMode(s, LANGUAGE_NAME, 'the report language after 切换');
    const rows = await s.waitForProblems('the problems of seed 004', (r) => r.length === expected.length);
    assert.deepEqual(panel(rows), expected);
    await step('switched');

    // Closed and opened again (Ctrl+P opens it in a preview tab): a report at once, checked, nothing offered.
    await closeEditor(s, REPORT);
    await s.waitForProblems('its problems to go with it', (r) => r.length === 0);
    await neverOffered(s, 'reopening a switched report', async () => {
      await s.openFile(REPORT);
      await waitForMode(s, LANGUAGE_NAME, 'the reopened file in the report language');
    });
    assert.deepEqual(panel(await s.waitForProblems('the reopened report checked', (r) => r.length === expected.length)), expected);
    await step('reopened');

    // An offer belongs to the active editor: it goes when its file closes, and none piles up as a notification.
    await s.openFile(OTHER);
    await waitFor('the offer for the other report', () => offerVisible(s), (v) => v, { timeout: 30_000, stableFor: 300 }).catch((e) => s.fail('offer-2', e));
    await step('other-offered');
    await closeEditor(s, OTHER);
    await waitFor('the offer to go with its file', () => offerVisible(s), (v) => !v, { timeout: 10_000, stableFor: 500 }).catch((e) => s.fail('withdrawn', e));
    assert.deepEqual(await s.notifications(), [], 'no notification left behind');
    await neverOffered(s, 'a text that is no report', () => s.openFile(NOTES), 1_500);
    await step('withdrawn');

    // 此文件不再询问: it keeps its language, and is not asked about again after closing and reopening.
    await s.openFile(OTHER);
    await answerOffer(s, step, /^此文件不再询问$/m);
    await waitFor('the offer to go', () => offerVisible(s), (v) => !v, { timeout: 10_000, stableFor: 500 }).catch((e) => s.fail('answered', e));
    await closeEditor(s, OTHER);
    await neverOffered(s, 'reopening a file answered 此文件不再询问', () => s.openFile(OTHER));
    assert.notEqual(await s.languageMode(), LANGUAGE_NAME);
    await step('never-for-this-file');

    // 重置报告识别记忆 forgets both answers: the open file is offered again.
    await s.runCommand('年报: 重置报告识别记忆', '重置报告识别记忆');
    const done = await waitFor('the reset message', () => s.notifications(), (n) => n.some((x) => x.message.includes('已清除本工作区记住的2个文件的选择')), {
      timeout: 10_000, stableFor: 0,
    }).catch((e) => s.fail('reset', e));
    await waitFor('the offer again after the reset', () => offerVisible(s), (v) => v, { timeout: 10_000, stableFor: 300 }).catch((e) => s.fail('offered-again', e));
    await step('reset');
    assert.equal(done.length, 1);
  });

const HTML = '沭阳县发展和改革局2023年政府信息公开工作年度报告.html';

scenario('m2. an .html report opened first in a fresh window is offered (no server before), switched and checked; 本工作区总是自动切换 switches the next; a language picked by hand stays',
  'm2-html-first', { files: { [HTML]: HTML_REPORT, [REPORT]: SEED_004, [OTHER]: SEED_003 } },
  async (s, step) => {
    await s.openFile(HTML);
    await step('opened');
    await waitFor('the status-bar offer for the HTML report', () => offerVisible(s), (v) => v, { timeout: 30_000, stableFor: 300 })
      .catch((e) => s.fail('offer', e));
    assert.equal(serverProcesses(s), 0, 'no language server runs before a report is open');
    await answerOffer(s, step, SWITCH);
    await waitForMode(s, LANGUAGE_NAME, 'the HTML report in the report language');
    const expected = cliProblems(join(REPO, 'test/fixtures/corpus/103_shuyang-drc-2023-webpage.html'));
    assert.ok(expected.length > 0);
    assert.deepEqual(panel(await s.waitForProblems('the HTML report checked', (r) => r.length === expected.length)), expected);
    assert.equal(serverProcesses(s), 1, 'one language server once a report is open');
    await step('checked');

    // 本工作区总是自动切换 on the next report: it switches, and so does the one after, without an offer.
    await s.openFile(REPORT);
    await answerOffer(s, step, /^本工作区总是自动切换$/m);
    await waitForMode(s, LANGUAGE_NAME, 'the .txt report switched');
    await neverOffered(s, 'a report in a workspace answered 总是自动切换', async () => {
      await s.openFile(OTHER);
      await waitForMode(s, LANGUAGE_NAME, 'the next report switched by itself');
    }, 1_000);
    await step('workspace-always');

    // Plain Text picked by hand is this file's answer: the extension does not switch it back, not even reopened.
    await s.runCommand('Change Language Mode');
    await s.type('Plain Text');
    await s.pickQuickItem(/^Plain Text/m);
    await waitForMode(s, 'Plain Text', 'the language picked by hand to stay', 2_000);
    await closeEditor(s, OTHER);
    await neverOffered(s, 'reopening a file put back to Plain Text by hand', () => s.openFile(OTHER));
    assert.equal(await s.languageMode(), 'Plain Text');
    await step('picked-by-hand');
  });
