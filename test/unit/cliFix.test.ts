// `check --fix` and `check --fix --dry-run` on the built CLI: the editor's Fix All written in place (in the
// file's own encoding, line endings and mode, through a symbolic link to its target), or printed as a
// patch that applies to the same result; a file that could not be read, or not written back exactly,
// is never written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import iconv from 'iconv-lite';
import { check } from '../../server/src/core';
import { planFix, encodeLike, writeFixed } from '../../server/src/cli/fix';
import { docxOf, seedHtml } from '../helpers/documents';
import { seed } from '../helpers/fixtures';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const cli = (args: string[], cwd?: string, input?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, input, timeout: 60_000 });
const errors = (text: string) => check(text).findings.filter((f) => f.severity === 1).length;

function withDir(run: (dir: string) => Promise<void> | void) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-fix-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('--fix writes seed 004 as Fix All leaves it: no errors left, the rest of the text untouched, the mode kept', withDir((dir) => {
  const file = join(dir, 'r.txt');
  writeFileSync(file, seed('004'));
  chmodSync(file, 0o640);
  assert.ok(errors(seed('004')) > 0);
  const r = cli(['check', '--fix', 'r.txt', '--format', 'json'], dir);
  assert.equal(r.status, 0, r.stderr);
  const written = readFileSync(file, 'utf8');
  assert.equal(written, planFix(seed('004'), {}).text);
  assert.equal(errors(written), 0);
  const [result] = JSON.parse(r.stdout);
  assert.equal(result.fixed, planFix(seed('004'), {}).fixed);
  assert.deepEqual(result.diagnostics.map((d: { code: string }) => d.code), check(written).findings.map((f) => f.ruleId));
  assert.equal(statSync(file).mode & 0o777, 0o640);
  // A second run has nothing to fix and writes nothing.
  const again = cli(['check', '--fix', 'r.txt'], dir);
  assert.equal(again.status, 0);
  assert.doesNotMatch(again.stdout, /已修正/);
  assert.equal(readFileSync(file, 'utf8'), written);
}));

test('--fix --dry-run writes nothing and prints a patch that gives what --fix writes (patch -p0 and jsdiff)', withDir((dir) => {
  for (const [name, s] of [['a.txt', '004'], ['b.txt', '001'], ['c.txt', '003']]) writeFileSync(join(dir, name), seed(s));
  const r = cli(['check', '--fix', '--dry-run', 'a.txt', 'b.txt', 'c.txt'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), seed('004'));
  assert.match(r.stdout, /^--- a\.txt\n\+\+\+ a\.txt\n@@ /);
  assert.equal(applyPatch(seed('004'), r.stdout.split(/(?=^--- )/m)[0]), planFix(seed('004'), {}).text);
  const patched = spawnSync('patch', ['-p0', '--quiet'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
  assert.equal(patched.status, 0, patched.stderr);
  for (const [name, s] of [['a.txt', '004'], ['b.txt', '001'], ['c.txt', '003']]) assert.equal(readFileSync(join(dir, name), 'utf8'), planFix(seed(s), {}).text, name);
  // Standard input: a diff labelled -, never a write.
  const stdin = cli(['check', '--fix', '--dry-run', '-'], dir, seed('004'));
  assert.match(stdin.stdout, /^--- -\n\+\+\+ -\n/);
}));

test('--fix keeps the file\'s encoding and line endings: GB18030, UTF-8 with a BOM, CRLF', withDir((dir) => {
  const text = seed('004');
  const fixed = planFix(text, {}).text;
  const cases: [string, Buffer, (s: string) => Buffer][] = [
    ['gb.txt', iconv.encode(text, 'gb18030'), (s) => iconv.encode(s, 'gb18030')],
    ['bom.txt', Buffer.from('\ufeff' + text, 'utf8'), (s) => Buffer.from('\ufeff' + s, 'utf8')],
    ['crlf.txt', Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'), (s) => Buffer.from(s.replace(/\r?\n/g, '\r\n'), 'utf8')],
  ];
  for (const [name, bytes] of cases) writeFileSync(join(dir, name), bytes);
  const r = cli(['check', '--fix', ...cases.map(([n]) => n)], dir);
  assert.equal(r.status, 0, r.stderr);
  for (const [name, , encode] of cases) assert.ok(readFileSync(join(dir, name)).equals(encode(fixed)), name);
}));

test('a GB18030 file is fixed in worker threads too (iconv-lite loaded then, from beside the bundles, in no bundle that starts a check)', withDir((dir) => {
  for (const bundle of ['cli.js', 'cli-worker.js', 'server.js']) {
    assert.ok(!readFileSync(join(CLI, '..', bundle), 'utf8').includes('IconvLiteEncoderStream'), `${bundle} holds iconv-lite`);
  }
  const text = seed('004');
  const names = Array.from({ length: 4 }, (_, i) => `gb${i}.txt`);
  for (const name of names) writeFileSync(join(dir, name), iconv.encode(text, 'gb18030'));
  const r = cli(['check', '--fix', '--jobs', '2', ...names], dir);
  assert.equal(r.status, 0, r.stderr);
  for (const name of names) assert.ok(readFileSync(join(dir, name)).equals(iconv.encode(planFix(text, {}).text, 'gb18030')), name);
}));

test('through a symbolic link the target is fixed and the link stays a link', withDir((dir) => {
  writeFileSync(join(dir, 'target.txt'), seed('004'));
  symlinkSync('target.txt', join(dir, 'link.txt'));
  assert.equal(cli(['check', '--fix', 'link.txt'], dir).status, 0);
  assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink());
  assert.equal(readlinkSync(join(dir, 'link.txt')), 'target.txt');
  assert.equal(errors(readFileSync(join(dir, 'target.txt'), 'utf8')), 0);
}));

test('never written: a file not read whole, bytes that do not round-trip, an imported Word file; each said, exit 2', withDir(async (dir) => {
  const large = Buffer.from(seed('004') + '\n' + '本机关认真贯彻落实条例。\n'.repeat(40_000));
  writeFileSync(join(dir, 'large.txt'), large);
  // A byte invalid in UTF-8 and GB18030 alike: the text read has U+FFFD, which cannot write those bytes back.
  const odd = Buffer.concat([iconv.encode(seed('004'), 'gb18030'), Buffer.from([0xff, 0x0a])]);
  writeFileSync(join(dir, 'odd.txt'), odd);
  writeFileSync(join(dir, 'r.docx'), await docxOf(seedHtml(seed('004'))));
  const r = cli(['check', '--fix', '--max-file-size', '0.5', 'large.txt', 'odd.txt', 'r.docx'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /large\.txt/);
  assert.match(r.stderr, /未修正“odd\.txt”：无法按其原有编码写回/);
  assert.match(r.stderr, /未修正“r\.docx”：导入的 Word、PDF 文件不能写回/);
  assert.ok(readFileSync(join(dir, 'large.txt')).equals(large));
  assert.ok(readFileSync(join(dir, 'odd.txt')).equals(odd));
  // Its findings are those of the file as it is.
  assert.match(r.stdout, /odd\.txt:\d+:\d+ error row-total/);
}));

test('writeFixed: a file changed since it was read is left as it is now', withDir((dir) => {
  const file = join(dir, 'r.txt');
  writeFileSync(file, 'now');
  const problem = writeFixed(file, Buffer.from('then'), Buffer.from('fixed'), 1);
  assert.match(JSON.stringify(problem), /fixChanged|检查期间文件已被修改/);
  assert.equal(readFileSync(file, 'utf8'), 'now');
  // Bytes that do not come back from their own text are never re-encoded.
  assert.equal(encodeLike(Buffer.from([0x61, 0xff]), 'a\ufffd', 'b\ufffd'), null);
  assert.deepEqual([...encodeLike(Buffer.from('a'), 'a', 'b')!], [...Buffer.from('b')]);
}));

test('--fix: usage errors for --dry-run alone, standard input, and a diff as JSON; --jobs 2 prints the same patch', withDir((dir) => {
  assert.equal(cli(['check', '--dry-run', 'x.txt'], dir).status, 2);
  assert.match(cli(['check', '--fix', '-'], dir, seed('004')).stderr, /不能写回标准输入/);
  assert.match(cli(['check', '--fix', '--dry-run', '--format', 'json', 'x.txt'], dir).stderr, /统一差异格式/);
  const names: string[] = [];
  for (let i = 0; i < 60; i++) {
    names.push(`r${String(i).padStart(2, '0')}.txt`);
    writeFileSync(join(dir, names[i]), seed(['004', '001', '002', '003', '000'][i % 5]));
  }
  const one = cli(['check', '--fix', '--dry-run', '--jobs', '1', ...names], dir);
  const two = cli(['check', '--fix', '--dry-run', '--jobs', '2', ...names], dir);
  assert.deepEqual([two.status, two.stdout, two.stderr], [one.status, one.stdout, one.stderr]);
  assert.equal(one.stdout.match(/^--- /gm)!.length, names.filter((_, i) => planFix(seed(['004', '001', '002', '003', '000'][i % 5]), {}).fixed > 0).length);
}));
