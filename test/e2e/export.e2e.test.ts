/**
 * End-to-end: 年报：导出为网页 / 导出为 Word in code-server, as a clerk uses them. A clean report goes
 * straight to the save dialog; a report with errors asks first (modal), and is exported only when the
 * clerk says so. The file is written where the save dialog says, and reads back as the model.
 * Run with the e2e tier (see extension.e2e.test.ts for the environment).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { REPO, Session, findVsix, missingPrerequisite, waitFor } from './driver';

const SKIP = process.env.NIANBAO_E2E === 'skip' ? 'NIANBAO_E2E=skip' : missingPrerequisite() ?? (findVsix() ? false : 'no .vsix: run `npm run package`');
const SEED = (n: string) => readFileSync(join(REPO, 'examples', n));

/** The save dialog (code-server's simple file dialog: a quick input holding the path): takes the proposed path. */
async function acceptSaveDialog(s: Session, name: string): Promise<void> {
  const input = s.quickInput.locator('input').first();
  await waitFor(`the save dialog proposing ${name}`, async () => ((await input.isVisible()) ? await input.inputValue() : ''), (v) => v.endsWith(name), { timeout: 15_000, stableFor: 300 })
    .catch((e) => s.fail('save-dialog', e));
  await s.press('Enter');
}

async function waitForFile(s: Session, rel: string): Promise<Buffer> {
  const path = join(s.workspace, rel);
  await waitFor(`${rel} to be written`, () => existsSync(path), (ok) => ok, { timeout: 15_000, stableFor: 300 }).catch((e) => s.fail('written', e));
  return readFileSync(path);
}

test('export: a clean report to a web page; a report with errors to Word only after the modal confirmation', { skip: SKIP, timeout: 240_000 }, async () => {
  const s = await Session.start({
    name: 'f-export', vsix: findVsix()!,
    files: { '003.nianbao': SEED('003_29e0fab2fe19fb07.txt'), '004.nianbao': SEED('004_bf2c1b340b487aac.txt') },
  });
  try {
    await s.openFile('003.nianbao');
    await s.waitForActiveEditor('003.nianbao');
    await s.runCommand('年报: 导出为网页', '导出为网页');
    await acceptSaveDialog(s, '003.html');
    const html = (await waitForFile(s, '003.html')).toString('utf8');
    assert.match(html, /data-row="newReceived" data-column="total">29</);
    await s.screenshot('html-written');

    await s.openFile('004.nianbao');
    await s.waitForActiveEditor('004.nianbao');
    await s.runCommand('年报: 导出为 Word', '导出为 Word');
    const dialog = s.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 }).catch((e) => s.fail('confirm', e));
    const text = await dialog.innerText();
    assert.match(text, /报告还有3处问题/);
    assert.match(text, /第91行：“本年新收政府信息公开申请数量”行“总计”列应为1/);
    await s.screenshot('confirm');
    await dialog.getByRole('button', { name: '仍然导出' }).click();
    await acceptSaveDialog(s, '004.docx');
    const docx = await waitForFile(s, '004.docx');
    const { value } = await mammoth.extractRawText({ buffer: docx });
    assert.match(value, /三、收到和处理政府信息公开申请情况/);
    await s.screenshot('docx-written');
  } catch (e) {
    await s.fail('export', e);
  } finally {
    await s.close();
  }
});
