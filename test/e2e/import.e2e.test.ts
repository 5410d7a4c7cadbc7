/**
 * End-to-end: importing a received Word file in code-server (issue 17, item 2). Opening `r.docx` (seed 004
 * as a Word file) in a workspace offers to import it; the import opens an unsaved report whose problems are
 * seed 004's. Then 年报: 导入报告 on the same file, run from the command palette, does the same.
 * Run as the other e2e files (`node test/run.mjs e2e`); screenshots go to test-results/e2e/import-*.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, Session, findVsix, missingPrerequisite, waitFor } from './driver';
import { docxOf, seedHtml } from '../helpers/documents';

const SKIP = process.env.NIANBAO_E2E === 'skip';
const VSIX = findVsix();
const MISSING = missingPrerequisite() ?? (VSIX ? null : 'no .vsix: run `npm run package` first (or set NIANBAO_VSIX)');
const OFFER = /看起来是一份政府信息公开工作年度报告。导入为文本/;
const ROW_TOTAL = '行“总计”列应为1（自然人与法人或其他组织各列之和），表中填写的是0';

test('a received .docx: opening it offers the import; the imported report shows seed 004\'s problems', {
  skip: SKIP ? 'NIANBAO_E2E=skip' : MISSING ? `prerequisites missing: ${MISSING}` : false,
  timeout: 240_000,
}, async () => {
  const docx = await docxOf(seedHtml(readFileSync(join(REPO, 'examples/004_bf2c1b340b487aac.txt'), 'utf8')));
  const s = await Session.start({ name: 'import', vsix: VSIX!, files: { 'received/r.docx': new Uint8Array(docx) } });
  try {
    // Quick open, as a user opens a file; a binary file has no text editor, so openFile's wait does not apply.
    await s.focusWorkbench();
    await s.press('Control+P');
    await s.quickInput.locator('input').first().waitFor({ state: 'visible', timeout: 10_000 });
    await s.type('received/r.docx');
    await waitFor('quick open to list r.docx', () => s.quickInput.locator('.monaco-list-row').allInnerTexts(), (r) => r.some((x) => x.includes('r.docx')), { timeout: 15_000, stableFor: 300 });
    await s.press('Enter');
    await waitFor('the offer to import r.docx', () => s.notifications(), (n) => n.some((x) => OFFER.test(x.message) && x.buttons.includes('导入')), { timeout: 60_000 })
      .catch((e) => s.fail('offer', e));
    await s.screenshot('offer');
    await s.clickNotificationButton(OFFER, '导入');
    // An unsaved document is titled by its first line: the report's title.
    await s.waitForActiveEditor(/^北京市大兴区退役军人事务局/);
    assert.equal(await s.languageMode(), '政府信息公开年报');
    const rows = await s.waitForProblems('imported report', (r) => r.filter((x) => x.message.includes(ROW_TOTAL)).length === 3, { timeout: 30_000 });
    assert.ok(rows.some((r) => r.message.includes('序号应为“三、”')), 'the wrong part numeral (2、) is found in the imported text');
    await s.screenshot('imported');
  } finally {
    await s.close();
  }
});
