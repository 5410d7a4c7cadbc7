// `nianbao import` and `nianbao check x.docx` on the built dist/cli.js, and the bounds on received files:
// a zip bomb is refused after at most the limit of work, a broken file is that file's problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { docxOf, seedHtml } from '../helpers/documents';
import { assertSameReport } from '../helpers/importModel';
import { zipWithin } from '../../server/src/cli/zipBound';
import { SEEDS_DIR } from '../helpers/fixtures';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SEEDS = SEEDS_DIR;
const seed004 = () => readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('004'))!), 'utf8');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

function withDir(run: (dir: string) => Promise<void> | void) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-import-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** A zip of one deflated entry, its sizes declared as `declared` (a zip may lie about them). */
function zipOf(name: string, content: Buffer, declared = content.length): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + data.length, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

test('a zip bomb is refused after at most the limit, whatever sizes it declares', () => {
  const bomb = zipOf('word/document.xml', Buffer.alloc(64 * 1024 * 1024), 100);
  assert.ok(bomb.length < 200_000);
  assert.equal(zipWithin(bomb, 8 * 1024 * 1024), 'tooLarge');
  assert.equal(zipWithin(zipOf('a.xml', Buffer.from('<w/>')), 1024), 'ok');
  assert.equal(zipWithin(Buffer.from('PK not a zip'), 1024), 'broken');
});

test('Word files among text reports, checked by several threads: each imported from its own bytes, the output that of one thread', withDir(async (dir) => {
  // Imports await their importer while the thread checks other files, which reuse one read buffer: read into it,
  // every Word file of such a folder was "这不是完好的Word文件" with --jobs 2.
  const docx = await docxOf(seedHtml(seed004()));
  const texts = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f)));
  for (let i = 0; i < 24; i++) {
    writeFileSync(join(dir, `d${String(i).padStart(2, '0')}.docx`), docx);
    writeFileSync(join(dir, `t${String(i).padStart(2, '0')}.txt`), texts[i % texts.length]);
  }
  // With last year's reports beside (--with), every text report is read in its turn, among the imports.
  const archive = join(dir, 'archive');
  mkdirSync(archive);
  writeFileSync(join(archive, 'last.txt'), texts[0]);
  const one = cli('check', '--jobs', '1', '--with', archive, dir);
  const two = cli('check', '--jobs', '2', '--with', archive, dir);
  assert.equal(one.stderr, '', 'every Word file imported in one thread');
  assert.equal(two.stderr, '', 'every Word file imported with two threads');
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.status, one.status);
  assert.ok(one.stdout.includes(`${join(dir, 'd23.docx')}:`), 'the Word files are checked');
}));

test('nianbao check x.docx checks the imported text; a broken or bombed .docx is that file\'s problem', withDir(async (dir) => {
  writeFileSync(join(dir, 'r.docx'), await docxOf(seedHtml(seed004())));
  writeFileSync(join(dir, 'bomb.docx'), zipOf('word/document.xml', Buffer.alloc(64 * 1024 * 1024)));
  writeFileSync(join(dir, 'broken.docx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]));
  const r = cli('check', '--max-file-size', '1', join(dir, 'r.docx'), join(dir, 'bomb.docx'), join(dir, 'broken.docx'));
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stdout.split('\n');
  for (const rule of ['row-total', 'prose-table-mismatch', 'section-numeral']) assert.ok(lines.some((l) => l.startsWith(join(dir, 'r.docx')) && l.includes(rule)), rule);
  assert.match(r.stderr, /bomb\.docx”：解压后内容超过上限/);
  assert.match(r.stderr, /broken\.docx”：这不是完好的Word文件/);
}));

test('nianbao import writes NAME.md beside each file or into --output, reading as its source', withDir(async (dir) => {
  const html = seedHtml(seed004());
  writeFileSync(join(dir, 'w.docx'), await docxOf(html));
  writeFileSync(join(dir, 'page.html'), html);
  const out = join(dir, 'out');
  assert.equal(cli('import', '--output', out, join(dir, 'w.docx')).status, 2, 'a missing output folder is said');
  const beside = cli('import', join(dir, 'w.docx'), join(dir, 'page.html'));
  assert.equal(beside.status, 0, beside.stderr);
  assert.equal(beside.stdout, `${join(dir, 'w.docx')} → ${join(dir, 'w.md')}\n${join(dir, 'page.html')} → ${join(dir, 'page.md')}\n`);
  for (const f of ['w.md', 'page.md']) assertSameReport(html, readFileSync(join(dir, f), 'utf8'), f);
  const again = cli('import', '--lang', 'en', join(dir, 'w.docx'));
  assert.equal(again.status, 2);
  assert.match(again.stderr, /the file exists\. Use --force/);
  const wrong = cli('import', join(dir, 'w.md'));
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /只能导入 \.docx、\.pdf、\.html 或 \.htm 文件/);
  assert.equal(cli('check', '--output', dir, join(dir, 'w.md')).status, 2, 'check --output: a folder is no output file');
  assert.equal(existsSync(out), false);
}));

test('nianbao import FOLDER: every .docx, .pdf, .html and .htm under it, kept in its subfolder under --output; .gitignore respected', withDir(async (dir) => {
  const html = seedHtml(seed004());
  const received = join(dir, 'received');
  for (const sub of ['a', 'b']) mkdirSync(join(received, sub), { recursive: true });
  writeFileSync(join(received, 'a', '报告.docx'), await docxOf(html));
  writeFileSync(join(received, 'b', '报告.html'), html);
  writeFileSync(join(received, 'b', 'notes.txt'), 'not received');
  writeFileSync(join(received, 'b', 'old.docx'), await docxOf(html));
  writeFileSync(join(received, '.gitignore'), 'old.docx\n');
  const out = join(dir, 'texts');
  mkdirSync(out);
  const r = cli('import', '--output', out, received);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.split(' → ')[1]), [join(out, 'a', '报告.md'), join(out, 'b', '报告.md')]);
  for (const f of [join(out, 'a', '报告.md'), join(out, 'b', '报告.md')]) assertSameReport(html, readFileSync(f, 'utf8'), f);
  // Then one command gives the review of the whole folder.
  const review = cli('check', '--format', 'json', out);
  assert.deepEqual(JSON.parse(review.stdout).map((x: { file: string }) => x.file), [join(out, 'a', '报告.md'), join(out, 'b', '报告.md')]);
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  assert.match(cli('import', empty).stderr, /没有可导入的/);
  assert.match(cli('import', '--output', join(dir, 'nowhere'), received).stderr, /输出目录.*不存在/);
  assert.equal(existsSync(join(dir, 'nowhere')), false);
}));

test('check with worker threads: .docx files among many text reports are imported in order, as one thread does', withDir(async (dir) => {
  const docx = await docxOf(seedHtml(seed004()));
  const args = ['check', '--format', 'json'];
  for (let i = 0; i < 60; i++) {
    const name = join(dir, `r${String(i).padStart(2, '0')}.${i % 20 === 7 ? 'docx' : 'txt'}`);
    writeFileSync(name, i % 20 === 7 ? docx : seed004());
    args.push(name);
  }
  const one = cli(...args, '--jobs', '1');
  const two = cli(...args, '--jobs', '2');
  assert.equal(one.status, 1, one.stderr);
  assert.deepEqual(JSON.parse(one.stdout).map((r: { file: string }) => r.file), args.slice(3));
  const docxResults = JSON.parse(one.stdout).filter((r: { file: string }) => r.file.endsWith('.docx'));
  assert.equal(docxResults.length, 3);
  for (const r of docxResults) assert.ok(r.diagnostics.some((d: { code: string }) => d.code === 'row-total'));
  assert.deepEqual([two.status, two.stdout, two.stderr], [one.status, one.stdout, one.stderr]);
}));

test('check FOLDER: its .docx files are imported and checked; one with its imported text beside it is said and not imported again', withDir(async (dir) => {
  const docx = await docxOf(seedHtml(seed004()));
  writeFileSync(join(dir, 'a.docx'), docx);
  writeFileSync(join(dir, 'b.docx'), docx);
  writeFileSync(join(dir, 'b.md'), seed004());
  writeFileSync(join(dir, 'c.txt'), seed004());
  writeFileSync(join(dir, 'README.docx'), docx);
  const r = cli('check', '--format', 'json', dir);
  assert.equal(r.status, 1, r.stderr);
  const results = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
  assert.deepEqual(results.map((x) => x.file), ['a.docx', 'b.md', 'c.txt'].map((f) => join(dir, f)));
  for (const x of results) assert.ok(x.diagnostics.some((d) => d.code === 'row-total'), x.file);
  assert.equal(r.stderr, `未检查“${join(dir, 'b.docx')}”：检查了同名的“${join(dir, 'b.md')}”（它的导入文本）。\n`);
  // A text beside that the project configuration leaves out is not checked: the Word file is.
  writeFileSync(join(dir, '.nianbao.jsonc'), '{ "ignore": ["b.md"] }');
  const ignored = cli('check', '--format', 'json', dir);
  assert.deepEqual(JSON.parse(ignored.stdout).map((x: { file: string }) => x.file), ['a.docx', 'b.docx', 'c.txt'].map((f) => join(dir, f)));
  assert.equal(ignored.stderr, '');
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  assert.match(cli('check', empty).stderr, /没有 \.txt、\.md、\.html、\.htm、\.docx 或 \.pdf 文件/);
}));
