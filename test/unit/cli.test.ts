import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { decodeReport } from '../../server/src/cli/files';
import { decodeText } from '../../server/src/core/text/decode';
import { corpusFiles, seedPath, SEEDS_DIR } from '../helpers/fixtures';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: stdin, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function inProcess(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => Buffer.from(stdin) });
  return { code, out, err };
}

test('text output: file:line:col severity rule-id message, grouped by file, then a summary; exit 1 on errors', () => {
  const r = run(['check', SEEDS_DIR]);
  assert.equal(r.code, 1);
  const lines = r.out.trim().split('\n');
  assert.match(lines[0], /000_bc9e3f7e1580cb08\.txt:1:1 warning preamble-missing 报告开头没有标题/);
  assert.match(lines[1], /000_bc9e3f7e1580cb08\.txt:1:114 hint format-citation 本报告是2023年度报告，所引依据是国办公开办函〔2019〕60号/);
  assert.ok(lines.some((l) => /002_a272c8449f52b64a\.txt:29:1 error table-missing 第二部分/.test(l)));
  assert.ok(lines.some((l) => /004_bf2c1b340b487aac\.txt:63:1 warning section-numeral 第三部分.*“三、”.*“2、”/.test(l)));
  assert.equal(lines[lines.length - 1], '共检查5个文件：7个错误，8个警告，2个提示。');
});

test('exit 0 when no errors; --lang en', () => {
  const r = run(['check', '--lang', 'en', seedPath('001')]);
  assert.equal(r.code, 0);
  assert.equal(r.out.trim(), 'Checked 1 file(s): 0 error(s), 0 warning(s), 0 note(s).');
});

test('JSON output: one object per file with LSP diagnostics and the arithmetic data', () => {
  const r = run(['check', '--format', 'json', seedPath('002'), seedPath('001')]);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.out);
  assert.equal(json.length, 2);
  assert.equal(json[0].file, seedPath('002'));
  assert.deepEqual(json[1], { file: seedPath('001'), diagnostics: [] });
  const d = json[0].diagnostics.find((x: { code: string }) => x.code === 'column-total');
  assert.deepEqual(Object.keys(d).sort(), ['code', 'data', 'message', 'range', 'severity', 'source']);
  assert.deepEqual(d.range, { start: { line: 219, character: 0 }, end: { line: 219, character: 1 } });
  assert.equal(d.severity, 1);
  assert.equal(d.source, 'nianbao');
  assert.deepEqual(d.data, { relation: 'column-total', table: 'applications', row: 'total', column: 'total', expected: 2, actual: 0 });
});

test('standard input with -, reported under the name -', () => {
  const r = run(['check', '--format=json', '-'], '一、总体情况\n');
  const json = JSON.parse(r.out);
  assert.equal(json[0].file, '-');
  assert.ok(json[0].diagnostics.some((d: { code: string }) => d.code === 'section-missing'));
});

test('exit 2 with a clear Chinese message on usage errors and unreadable files; other files still checked', async () => {
  let r = await inProcess(['check']);
  assert.equal(r.code, 2);
  assert.match(r.err, /用法错误：没有给出要检查的文件或目录/);
  r = await inProcess(['check', '--format', 'xml', 'a.txt']);
  assert.equal(r.code, 2);
  assert.match(r.err, /选项“--format”的值“xml”无效/);
  r = await inProcess(['frobnicate']);
  assert.match(r.err, /未知命令“frobnicate”/);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
  writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1]));
  r = await inProcess(['check', join(dir, 'missing.txt'), join(dir, 'bad.txt'), seedPath('003')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /无法读取“.*missing\.txt”：文件或目录不存在。/);
  assert.match(r.err, /这不是文本文件/);
  assert.match(r.out, /共检查3个文件/);
  r = await inProcess(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /用法：nianbao check/);
});

test('a directory is searched for .txt, .md, .html and .htm files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
  mkdirSync(join(dir, 'sub'));
  for (const n of ['a.txt', 'b.md', 'sub/c.html', 'sub/d.htm', 'e.json']) writeFileSync(join(dir, n), '一、总体情况\n');
  const r = await inProcess(['check', '--format', 'json', dir]);
  assert.deepEqual(JSON.parse(r.out).map((x: { file: string }) => x.file.slice(dir.length + 1)), ['a.txt', 'b.md', 'sub/c.html', 'sub/d.htm']);
});

test('GB18030-encoded reports and a BOM are decoded as an editor would', () => {
  const gb = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]); // 一、总体情况
  assert.deepEqual(decodeReport(gb), { ok: true, text: '一、总体情况' });
  assert.deepEqual(decodeReport(Buffer.from('\uFEFF一、总体情况', 'utf8')), { ok: true, text: '一、总体情况' });
});

test('a file is decoded as the core decodes it (Node\'s faster UTF-8 path gives the same text), valid UTF-8 or not', () => {
  let r = 5;
  const next = () => ((r = Math.imul(r ^ (r >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0);
  const samples: Buffer[] = [...readdirSync(SEEDS_DIR).map((f) => join(SEEDS_DIR, f)), ...corpusFiles()].map((f) => readFileSync(f));
  // Valid UTF-8 of every length of sequence, a BOM, characters beyond the BMP; then invalid: a lone
  // continuation byte, a sequence cut short, an overlong form, an encoded surrogate, beyond U+10FFFF.
  const units = ['a', '\u00e9', '一', '\u3000', '\u{20000}', '😀', '\ufeff', '\ufffd', '\r\n', '|'];
  for (let i = 0; i < 400; i++) samples.push(Buffer.from(Array.from({ length: next() % 40 }, () => units[next() % units.length]).join(''), 'utf8'));
  const invalid = [[0x80], [0xe4, 0xb8], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff]];
  for (let i = 0; i < 400; i++) {
    const valid = samples[samples.length - 1 - (i % 400)];
    const at = next() % (valid.length + 1);
    samples.push(Buffer.concat([valid.subarray(0, at), Buffer.from(invalid[next() % invalid.length]), valid.subarray(at)]));
  }
  samples.push(Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]));
  for (const bytes of samples) {
    const got = decodeReport(bytes);
    if (got.ok) assert.equal(got.text, decodeText(bytes), JSON.stringify([...bytes.subarray(0, 64)]));
  }
});
