// The project configuration's meaning (core/config.ts): reading, problems with their places, merging, ignore patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyProjectConfig, boundedPattern, isIgnored, parseProjectConfig, relativeToConfig } from '../../server/src/core/config';
import { check, render, RULES } from '../../server/src/core';
import { seed } from '../helpers/fixtures';

const problemsOf = (text: string) => parseProjectConfig(text).problems.map((p) => ({ at: text.slice(p.offset, p.offset + p.length), zh: render(p.message, 'zh-CN') }));

test('a configuration with comments and trailing commas reads into rules, formatVersion, blankAsZero and ignore', () => {
  const text = `{
    "$schema": "./node_modules/nianbao/schemas/nianbao-config.schema.json",
    // 草稿中的空白单元格不必提示
    "rules": { "cell-blank": "off", "row-total": "warning", },
    "formatVersion": "2021",
    "blankAsZero": true,
    /* 模板不检查 */
    "ignore": ["模板/", "*.draft.txt"],
  }`;
  const { config, problems } = parseProjectConfig(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, { rules: { 'cell-blank': 'off', 'row-total': 'warning' }, formatVersion: '2021', blankAsZero: true, ignore: ['模板/', '*.draft.txt'] });
  assert.deepEqual(parseProjectConfig('').config, { rules: {}, ignore: [] });
  assert.deepEqual(parseProjectConfig('{}').problems, []);
});

test('every problem is said at its place, in Chinese, and what can be read still applies', () => {
  const text = '{\n "rules": {"cell-blank": "off", "no-such-rule": "off", "row-total": "loud"},\n "formatVersion": 2021,\n "blankAsZero": "yes",\n "ignore": ["ok/", 3, "a/**/**/b"],\n "colour": 1\n "ignore2": []\n}';
  assert.deepEqual(problemsOf(text), [
    { at: '"no-such-rule"', zh: '未知的规则“no-such-rule”。' },
    { at: '"loud"', zh: '规则“row-total”的严重程度应为 error、warning、information、hint 或 off。' },
    { at: '2021', zh: '“formatVersion”应为“auto”“2019”或“2021”，实际为2021。' },
    { at: '"yes"', zh: '“blankAsZero”应为 true 或 false，实际为"yes"。' },
    { at: '3', zh: '“ignore”中的3不是模式（应为非空字符串）。' },
    { at: '"a/**/**/b"', zh: '忽略模式“a/**/**/b”中的“**”过多（开头的“**/”和结尾的“/**”之外最多一个），已跳过。' },
    { at: '"colour"', zh: '未知的设置“colour”，可用的设置有rules、formatVersion、blankAsZero、ignore。' },
    { at: '"ignore2"', zh: 'JSON 语法错误：缺少逗号。' },
    { at: '"ignore2"', zh: '未知的设置“ignore2”，可用的设置有rules、formatVersion、blankAsZero、ignore。' },
  ]);
  assert.deepEqual(parseProjectConfig(text).config, { rules: { 'cell-blank': 'off' }, ignore: ['ok/'] });
  assert.deepEqual(problemsOf('[1]'), [{ at: '[1]', zh: '项目配置应为一个对象（“{…}”）。' }]);
  assert.deepEqual(problemsOf('{"rules": ["cell-blank"]}'), [{ at: '["cell-blank"]', zh: '“rules”应为对象：规则编号对应严重程度。' }]);
  assert.equal(problemsOf('{"rules": {').at(-1)!.zh, 'JSON 语法错误：缺少右花括号“}”。');
  assert.equal(render(parseProjectConfig('{"x": 1}').problems[0].message, 'en'), 'Unknown setting “x”; the settings are rules, formatVersion, blankAsZero, ignore.');
});

test('every rule id is known to the configuration', () => {
  const text = JSON.stringify({ rules: Object.fromEntries(RULES.map((r) => [r.id, 'hint'])) });
  assert.deepEqual(parseProjectConfig(text).problems, []);
});

test('what the file says beats the settings; the settings apply where it says nothing', () => {
  const base = { rules: { 'cell-blank': 'error' as const, 'row-total': 'off' as const }, formatVersion: '2019' as const, blankAsZero: true, maxFileSize: 5 };
  const merged = applyProjectConfig(base, parseProjectConfig('{"rules": {"cell-blank": "off"}, "blankAsZero": false}').config);
  assert.deepEqual(merged, { rules: { 'cell-blank': 'off', 'row-total': 'off' }, formatVersion: '2019', blankAsZero: false, maxFileSize: 5 });
  // It changes the check: seed 002's missing table is an error; turned off, it is gone.
  const before = check(seed('002')).findings.map((f) => f.ruleId);
  assert.ok(before.includes('table-missing'));
  const off = applyProjectConfig({ rules: {}, formatVersion: 'auto', blankAsZero: false }, parseProjectConfig('{"rules": {"table-missing": "off"}}').config);
  assert.ok(!check(seed('002'), { severity: off.rules }).findings.some((f) => f.ruleId === 'table-missing'));
});

test('ignore patterns are .gitignore patterns relative to the configuration\'s folder', () => {
  const { config } = parseProjectConfig('{"ignore": ["草稿/", "*.draft.txt", "/top.txt", "!keep.draft.txt"]}');
  assert.equal(isIgnored(config, '草稿/2023.txt'), true);
  assert.equal(isIgnored(config, 'a/草稿/b/2023.txt'), true);
  assert.equal(isIgnored(config, 'x.draft.txt'), true);
  assert.equal(isIgnored(config, 'keep.draft.txt'), false);
  assert.equal(isIgnored(config, 'top.txt'), true);
  assert.equal(isIgnored(config, 'sub/top.txt'), false);
  assert.equal(isIgnored(config, '2023.txt'), false);
  for (const outside of ['', '../草稿/a.txt', '/草稿/a.txt']) assert.equal(isIgnored(config, outside), false, outside);
  assert.equal(relativeToConfig('file:///w/a/.nianbao.jsonc', 'file:///w/a/%E8%8D%89%E7%A8%BF/x.txt'), '草稿/x.txt');
  assert.equal(relativeToConfig('vscode-vfs://github/o/r/.nianbao.jsonc', 'vscode-vfs://github/o/r/b.txt'), 'b.txt');
  assert.equal(relativeToConfig('file:///w/a/.nianbao.jsonc', 'file:///w/b/x.txt'), null);
});

test('a pattern whose matching could take seconds on a deep path is refused; the usual ones pass, and match in time', () => {
  for (const p of ['草稿/', '**/草稿/**', 'a/**/b', 'a/**/b/**', '**/*.txt', '!x', '**/**/a']) assert.ok(boundedPattern(p), p);
  for (const p of ['a/**/**/b', '**/a/**/b', 'a/**/b/**/c', 'x'.repeat(1001)]) assert.ok(!boundedPattern(p), p);
  const { config } = parseProjectConfig(JSON.stringify({ ignore: ['**/a/**', 'a/**/b', '**/**/a', 'a/**/b/**'] }));
  const started = Date.now();
  isIgnored(config, `${'a/'.repeat(2000)}x.txt`);
  assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
});
