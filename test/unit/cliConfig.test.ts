// The CLI and the project configuration (.nianbao.jsonc) and .gitignore, on real temporary folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPath } from '../helpers/fixtures';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
/** Seed 004: three row-total errors; warnings: its prose against table 三, a Word bookmark, part 三's numeral. */
const REPORT = readFileSync(seedPath('004'));

function tree(t: { after: (fn: () => void) => void }, files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function cli(args: string[], cwd?: string, input?: Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, input, timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Each checked file (relative to dir) with its rule codes. */
function codes(dir: string, json: string): Record<string, string[]> {
  return Object.fromEntries((JSON.parse(json) as { file: string; diagnostics: { code: string }[] }[]).map((r) => [r.file.slice(dir.length + 1), r.diagnostics.map((d) => d.code)]));
}

test('the nearest .nianbao.jsonc up the folder tree wins, for files found and files named', (t) => {
  const dir = tree(t, {
    '.nianbao.jsonc': '{ // 全部：合计只作提示\n "rules": { "row-total": "hint", }, }',
    'a/r.txt': REPORT,
    'a/b/.nianbao.jsonc': '{ "rules": { "section-numeral": "off" } }',
    'a/b/r.txt': REPORT,
    'a/b/c/r.txt': REPORT,
  });
  // Nearest wins, nothing is inherited: under a/b the outer file's hint does not apply, the totals are errors.
  const r = cli(['check', '--format', 'json', dir]);
  assert.equal(r.code, 1, r.err);
  assert.equal(r.err, '');
  assert.deepEqual(codes(dir, r.out), {
    'a/b/c/r.txt': ['prose-table-mismatch', 'text-residue', 'row-total', 'row-total', 'row-total'],
    'a/b/r.txt': ['prose-table-mismatch', 'text-residue', 'row-total', 'row-total', 'row-total'],
    'a/r.txt': ['prose-table-mismatch', 'text-residue', 'section-numeral', 'row-total', 'row-total', 'row-total'],
  });
  const severities = (JSON.parse(r.out) as { diagnostics: { code: string; severity: number }[] }[]).flatMap((f) => f.diagnostics.map((d) => `${d.code}:${d.severity}`));
  assert.ok(severities.includes('row-total:1') && severities.includes('row-total:4') && severities.includes('section-numeral:2'), severities.join());
  // A file named on the command line, from another working directory: the same configuration.
  const named = cli(['check', join(dir, 'a', 'b', 'r.txt')], tmpdir());
  assert.equal(named.code, 1);
  assert.doesNotMatch(named.out, /section-numeral/);
  // Standard input: the configuration of the working directory.
  const stdin = cli(['check', '-'], join(dir, 'a', 'b'), REPORT);
  assert.doesNotMatch(stdin.out, /section-numeral/);
  assert.match(stdin.out, /共检查1个文件：3个错误，2个警告/);
});

test('formatVersion and blankAsZero from the file; the command line beats it', (t) => {
  const blanks = REPORT.toString('utf8');
  const dir = tree(t, { '.nianbao.jsonc': '{"formatVersion": "2019", "blankAsZero": true}', 'r.txt': blanks });
  const fromFile = cli(['check', '--format', 'json', join(dir, 'r.txt')]);
  const fromFlag = cli(['check', '--format', 'json', '--format-version', '2021', join(dir, 'r.txt')]);
  const none = cli(['check', '--format', 'json', '-'], tmpdir(), Buffer.from(blanks));
  assert.notDeepEqual(codes(dir, fromFile.out), codes(dir, fromFlag.out), 'the file’s 2019 format changes the check of a 2021 report');
  assert.deepEqual(JSON.parse(fromFlag.out)[0].diagnostics, JSON.parse(none.out)[0].diagnostics, '--format-version 2021 beats the file');
});

test('ignore patterns of the file, and .gitignore in the folders walked, leave files unchecked', (t) => {
  const dir = tree(t, {
    '.nianbao.jsonc': '{"ignore": ["草稿/", "*.old.txt"]}',
    'r.txt': REPORT,
    'x.old.txt': REPORT,
    '草稿/r.txt': REPORT,
    'sub/.gitignore': '# 生成的文件\nout/\nskip.md\n',
    'sub/skip.md': REPORT,
    'sub/keep.md': REPORT,
    'sub/out/r.txt': REPORT,
    'sub/deeper/skip.md': REPORT,
  });
  const r = cli(['check', '--format', 'json', dir]);
  assert.deepEqual(Object.keys(codes(dir, r.out)), ['r.txt', 'sub/keep.md']);
  assert.equal(r.err, '');
  // Named on the command line: .gitignore does not apply (it is about walking); the configuration's ignore does, and says so.
  const named = cli(['check', join(dir, 'sub', 'skip.md'), join(dir, '草稿', 'r.txt')]);
  assert.equal(named.code, 1);
  assert.match(named.out, /共检查1个文件/);
  assert.match(named.err, /^未检查“.*草稿\/r\.txt”：项目配置“.*\.nianbao\.jsonc”的“ignore”排除了此文件。\n$/);
  // A folder whose every report is ignored is not an empty folder.
  assert.equal(cli(['check', join(dir, '草稿')]).code, 0);
});

test('a broken configuration is said once on standard error with path:line:col, exit 2; what can be read applies', (t) => {
  const dir = tree(t, {
    '.nianbao.jsonc': '{\n  "rules": {\n    "section-numeral": "off"\n    "row-total": "warning",\n    "no-such-rule": "off"\n  }\n}\n',
    'a.txt': REPORT,
    'b.txt': REPORT,
  });
  const r = cli(['check', dir]);
  assert.equal(r.code, 2);
  const config = join(dir, '.nianbao.jsonc');
  assert.equal(r.err, `${config}:4:5 项目配置有误：JSON 语法错误：缺少逗号。\n${config}:5:5 项目配置有误：未知的规则“no-such-rule”。\n`);
  assert.doesNotMatch(r.out, /section-numeral|error/);
  assert.match(r.out, /共检查2个文件：0个错误，10个警告/);
  const en = cli(['check', '--lang', 'en', join(dir, 'a.txt')]);
  assert.match(en.err, /\.nianbao\.jsonc:4:5 error in the project configuration: JSON syntax error: comma expected\.\n/);
});

test('a configuration that cannot be read is said (exit 2); control characters in one are shown as escapes', (t) => {
  const dir = tree(t, { '.nianbao.jsonc': Buffer.alloc(1024 * 1024 + 10, 32), 'a.txt': REPORT, 'b/.nianbao.jsonc': '{"rules": {"\u001b[31mx": "off"}}', 'b/r.txt': REPORT });
  const r = cli(['check', join(dir, 'a.txt')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /未检查“.*\.nianbao\.jsonc”：文件过大/);
  const b = cli(['check', join(dir, 'b')]);
  assert.ok(!b.err.includes('\u001b'), b.err);
  assert.match(b.err, /未知的规则“\\u\{1b\}\[31mx”/);
});
