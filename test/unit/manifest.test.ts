import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
const nlsZh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8'));

test('every %key% of the manifest is translated in English and Chinese, and the files are generated fresh', () => {
  const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 20);
  for (const k of keys) {
    assert.ok(nls[k], `package.nls.json lacks ${k}`);
    assert.ok(nlsZh[k], `package.nls.zh-cn.json lacks ${k}`);
    assert.match(nlsZh[k], /[\u4e00-\u9fff]/, `${k} is not Chinese`);
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build-manifest.ts'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('contributes: the report language, its grammar, snippets, commands (category 年报) and settings', () => {
  const c = pkg.contributes;
  assert.deepEqual(c.languages.map((l: { id: string }) => l.id), ['nianbao']);
  assert.deepEqual(c.languages[0].extensions, ['.nianbao']);
  assert.equal(c.languages[0].configuration, './language-configuration.json');
  assert.deepEqual(c.grammars, [{ language: 'nianbao', scopeName: 'text.nianbao', path: './syntaxes/nianbao.tmLanguage.json' }]);
  assert.deepEqual(c.snippets, [{ language: 'nianbao', path: './snippets/nianbao.code-snippets' }]);
  assert.deepEqual(c.commands.map((x: { command: string }) => x.command), ['nianbao.newReport', 'nianbao.recomputeTotals', 'nianbao.toSimplified', 'nianbao.showPreview', 'nianbao.exportDocx', 'nianbao.exportHtml', 'nianbao.checkWorkspace', 'nianbao.reviewWorkspace', 'nianbao.showOutput', 'nianbao.importReport', 'nianbao.acceptFinding', 'nianbao.chooseReportMode', 'nianbao.forgetReportAnswers']);
  for (const cmd of c.commands) assert.equal(cmd.category, '%category%');
  assert.equal(nlsZh.category, '年报');
  const client = readFileSync(join(root, 'client', 'src', 'extension.ts'), 'utf8');
  for (const cmd of c.commands) assert.ok(client.includes(`'${cmd.command}'`), `${cmd.command} is not registered`);
  const props = c.configuration.properties;
  assert.deepEqual(Object.keys(props), ['nianbao.rules', 'nianbao.formatVersion', 'nianbao.blankAsZero', 'nianbao.detectReports', 'nianbao.reportFiles', 'nianbao.maxFileSize', 'nianbao.trace.server']);
  assert.deepEqual(Object.keys(props['nianbao.rules'].properties), RULES.map((r) => r.id));
  assert.equal(pkg.main, './dist/client.js');
  assert.equal(pkg.bin.nianbao, './dist/cli.js');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.supported, true);
});

test('the command palette finds every command by “nianbao” and by “年报”, as VS Code matches them', () => {
  // VS Code's command palette matches a command's label “category: title” (prefix, words or substring)
  // and, in a translated VS Code, also its alias: the English category and title (package.nls.json).
  const label = (n: Record<string, string>, cmd: { title: string; category: string }) => `${n[cmd.category.slice(1, -1)]}: ${n[cmd.title.slice(1, -1)]}`;
  for (const cmd of pkg.contributes.commands) {
    const en = label(nls, cmd);
    const zh = label(nlsZh, cmd);
    assert.ok(en.toLowerCase().startsWith('nianbao'), `${en}: “nianbao” finds it in an English VS Code`);
    assert.ok(zh.startsWith('年报'), `${zh}: “年报” finds it in a Chinese VS Code`);
  }
  assert.equal(nls.category, 'Nianbao (Annual Report)');
});

test('the files the manifest points to exist', () => {
  for (const p of [pkg.contributes.languages[0].configuration, pkg.contributes.grammars[0].path, pkg.contributes.snippets[0].path]) {
    assert.ok(existsSync(join(root, p)), `${p} is missing`);
  }
});

test('the project configuration\'s JSON schema: contributed for .nianbao.jsonc, generated from the rules, the keys the core reads', async () => {
  const { parseProjectConfig } = await import('../../server/src/core/config');
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.nianbao.jsonc', url: './schemas/nianbao-config.schema.json' }]);
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'nianbao-config.schema.json'), 'utf8'));
  assert.equal(schema.allowComments, true);
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(Object.keys(schema.properties), ['$schema', 'rules', 'formatVersion', 'blankAsZero', 'ignore']);
  assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((r) => r.id));
  for (const r of RULES) {
    const p = schema.properties.rules.properties[r.id];
    assert.equal(p.description, `${r.description.zh}\n${r.description.en}`);
    assert.equal(p.default, ['', 'error', 'warning', 'information', 'hint'][r.severity]);
  }
  // Every key the schema offers is one the core reads without a problem, and none other.
  const sample = { $schema: './schemas/nianbao-config.schema.json', rules: { [RULES[0].id]: 'off' }, formatVersion: '2019', blankAsZero: true, ignore: ['草稿/'] };
  assert.deepEqual(parseProjectConfig(JSON.stringify(sample)).problems, []);
  assert.equal(parseProjectConfig('{"other": 1}').problems.length, 1);
  const ignored = readFileSync(join(root, '.vscodeignore'), 'utf8');
  assert.match(ignored, /^!schemas\/\*\.json$/m, 'the schema is packed into the .vsix');
});
