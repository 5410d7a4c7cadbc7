// The VS Code client's status-bar item (client/src/statusView.ts): quiet, and never “no problems” before a check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusView } from '../../client/src/statusView';

test('before the first check the item says it is checking, never that the report has no problems', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    const v = statusView(null, lang);
    assert.match(v.text, /^\$\(sync~spin\) /);
    assert.doesNotMatch(v.text + v.tooltip, /无问题|no problems/);
  }
  assert.equal(statusView(null, 'zh-CN').text, '$(sync~spin) 年报：正在检查');
});

test('after a check: one neutral icon and the count of problems; the breakdown in the tooltip', () => {
  assert.deepEqual(statusView({ errors: 3, warnings: 1, others: 2 }, 'zh-CN'), {
    text: '$(checklist) 年报：6个问题',
    tooltip: '这份年度报告：3个错误，1个警告，2个提示。单击打开“问题”面板。',
  });
  assert.equal(statusView({ errors: 0, warnings: 0, others: 0 }, 'zh-CN').text, '$(check) 年报：无问题');
  assert.equal(statusView({ errors: 1, warnings: 0, others: 0 }, 'en').text, '$(checklist) Report: 1 problem(s)');
  // VS Code's own status bar counts errors and warnings with their icons: this item does not repeat them.
  for (const c of [{ errors: 2, warnings: 5, others: 0 }, { errors: 0, warnings: 0, others: 0 }]) {
    assert.doesNotMatch(statusView(c, 'en').text, /\$\((?:error|warning)\)/);
  }
});

test('the item has no error background and opens the Problems panel', () => {
  const src = readFileSync(join(__dirname, '..', '..', 'client', 'src', 'status.ts'), 'utf8');
  assert.doesNotMatch(src, /backgroundColor|errorBackground|warningBackground/);
  assert.match(src, /command = 'workbench\.actions\.view\.problems'/);
});
