// The CLI on real file systems (issue 14, item 8): special files, symlinks and their loops, sizes,
// large folders, and output that cannot be written. Real temporary directories; the built
// dist/cli.js where a regression could hang the test runner (a FIFO opened blocks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIO } from '../../server/src/cli/main';
import { probe, readBounded } from '../../server/src/cli/files';
import { parseArgs } from '../../server/src/cli/args';
import { batchReports } from '../../server/src/cli/workspace';
import { seedPath } from '../helpers/fixtures';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../../server/src/core/limits';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const REPORT = readFileSync(seedPath('004'));
const posix = process.platform !== 'win32';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-files-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The built CLI, killed after 10 s: a hang is a failure, not a stuck test run. */
function spawnCli(args: string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 10_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: Date.now() - started, signal: r.signal };
}

async function inProcess(args: string[], io: Partial<CliIO> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readStdin: async () => Buffer.alloc(0),
    ...io,
  });
  return { code, out, err };
}

const mkfifo = (path: string) => spawnSync('mkfifo', [path]).status === 0;

test('a FIFO, named or found in a folder, is said to be no regular file and never opened; the other files are checked', { skip: !posix }, (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'real.txt'), REPORT);
  if (!mkfifo(join(dir, 'fifo.txt'))) return t.skip('mkfifo is not available');
  for (const args of [['check', join(dir, 'real.txt'), join(dir, 'fifo.txt')], ['check', dir]]) {
    const r = spawnCli(args);
    assert.equal(r.signal, null, `hung: ${args.join(' ')}`);
    assert.equal(r.code, 2);
    assert.equal(r.err, `无法读取“${join(dir, 'fifo.txt')}”：不是普通文件（是命名管道），未打开。\n`);
    assert.match(r.out, /real\.txt:91:2 error row-total/);
    assert.match(r.out, /共检查2个文件：3个错误，3个警告，0个提示。\n$/);
  }
});

test('a symlink to /dev/zero (as `check *.txt` reaches it) is refused at once as a character device', { skip: !existsSync('/dev/zero') }, (t) => {
  const dir = tempDir(t);
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  writeFileSync(join(dir, 'real.txt'), REPORT);
  const r = spawnCli(['check', '--lang', 'en', join(dir, 'zero.txt'), join(dir, 'real.txt')]);
  assert.equal(r.signal, null, 'read /dev/zero without limit');
  assert.equal(r.code, 2);
  assert.equal(r.err, `Cannot read “${join(dir, 'zero.txt')}”: not a regular file (it is a character device); not opened.\n`);
  assert.match(r.out, /Checked 2 file\(s\): 3 error\(s\)/);
});

test('a 1 GB sparse file is refused by its size before a byte is read; the limit is --max-file-size, 20 MB by default', async (t) => {
  const dir = tempDir(t);
  const sparse = join(dir, 'sparse.txt');
  writeFileSync(sparse, '');
  truncateSync(sparse, 1024 ** 3);
  const started = Date.now();
  const r = await inProcess(['check', sparse, seedPath('003')]);
  assert.ok(Date.now() - started < 2000, 'the sparse file was read');
  assert.equal(r.code, 2);
  assert.equal(r.err, `未检查“${sparse}”：文件过大（1024.0 MB，超过上限20 MB）。可用选项“--max-file-size”调整上限。\n`);
  assert.match(r.out, /共检查2个文件/);
  // Just above the limit reads as above it (rounded up), just at it is checked.
  const big = join(dir, 'big.txt');
  writeFileSync(big, Buffer.concat([REPORT, Buffer.alloc(1024 * 1024 + 1 - REPORT.length, 0x20)]));
  const over = await inProcess(['check', '--lang', 'en', '--max-file-size', '1', big]);
  assert.equal(over.err, `Not checked “${big}”: the file is too large (1.1 MB, above the limit of 1 MB). The limit is set with --max-file-size.\n`);
  truncateSync(big, 1024 * 1024);
  const at = await inProcess(['check', '--max-file-size=1', big]);
  assert.equal(at.code, 1);
  assert.equal(at.err, '');
});

test('content beyond the limit in a file whose size says less (/proc) is not read past the limit plus one byte', { skip: !existsSync('/proc/self/status') }, async () => {
  const r = await inProcess(['check', '--max-file-size', '0.0001', '/proc/self/status']);
  assert.equal(r.code, 2);
  assert.equal(r.err, '未检查“/proc/self/status”：内容超过上限0.0001 MB。可用选项“--max-file-size”调整上限。\n');
});

test('a file is read whole: one that gives its stated size, and one whose size says nothing (/proc), through the reused buffer or not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-read-'));
  try {
    for (const size of [1, 4095, 65536, 200_000]) {
      const file = join(dir, `f${size}`);
      const bytes = Buffer.alloc(size, 0x41 + (size % 26));
      writeFileSync(file, bytes);
      for (const transient of [false, true]) {
        const r = readBounded(file, 1, transient);
        assert.ok(r.ok && r.bytes.equals(bytes), `${size} ${transient}`);
      }
    }
    if (existsSync('/proc/self/cmdline')) {
      const r = readBounded('/proc/self/cmdline', 1);
      assert.ok(r.ok && r.bytes.length > 0 && r.bytes.equals(readFileSync('/proc/self/cmdline')));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('standard input above the limit is refused, and not read much past it', async () => {
  let asked = -1;
  const r = await inProcess(['check', '--max-file-size', '0.001', '-'], {
    readStdin: async (max) => ((asked = max), Buffer.alloc(max + 1, 0x31)),
  });
  assert.equal(asked, 1048);
  assert.equal(r.code, 2);
  assert.match(r.err, /^未检查“-”：内容超过上限0\.001 MB。/);
});

test('--max-file-size takes a positive number of MB; anything else is a usage error', async () => {
  for (const v of ['0', '-1', 'abc', '1e3', 'Infinity', '']) {
    const r = await inProcess(['check', '--max-file-size', v, seedPath('003')]);
    assert.equal(r.code, 2, v);
    assert.match(r.err, /用法错误：选项“--max-file-size”的值“.*”无效/, v);
  }
});

test('a folder of thousands of reports is walked without recursion or spread (135,000 measured: 5 s)', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'sub'));
  const n = 3000;
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'sub', `r${String(i).padStart(5, '0')}.txt`), '');
  const r = await inProcess(['check', '--format', 'json', dir]);
  const json = JSON.parse(r.out) as { file: string }[];
  assert.equal(json.length, n);
  assert.equal(json[0].file, join(dir, 'sub', 'r00000.txt'));
  assert.equal(json[n - 1].file, join(dir, 'sub', `r0${n - 1}.txt`));
});

test('symlinks in a folder: to a report, checked under its name, once; a loop and a link to nothing are said; a link to a parent is not entered', { skip: !posix }, async (t) => {
  const dir = tempDir(t);
  const reports = join(dir, 'reports');
  mkdirSync(join(reports, 'sub'), { recursive: true });
  const shared = join(dir, 'shared.txt');
  writeFileSync(shared, REPORT);
  symlinkSync(shared, join(reports, 'a-link.txt'));
  symlinkSync(shared, join(reports, 'b-same.txt')); // the same file again: checked once
  symlinkSync(join(reports, 'loop2.txt'), join(reports, 'loop1.txt'));
  symlinkSync(join(reports, 'loop1.txt'), join(reports, 'loop2.txt'));
  symlinkSync(join(dir, 'gone.txt'), join(reports, 'missing.txt'));
  symlinkSync(join(dir, 'gone'), join(reports, 'not-a-report')); // a dangling link without a report's name: not a report
  symlinkSync(reports, join(reports, 'sub', 'up')); // a loop through a directory
  const r = await inProcess(['check', '--format', 'json', reports]);
  assert.equal(r.code, 2);
  const json = JSON.parse(r.out) as { file: string; diagnostics: unknown[]; error?: string }[];
  assert.deepEqual(json.map((x) => [x.file.slice(reports.length + 1), x.error ?? x.diagnostics.length]), [
    ['a-link.txt', 6],
    ['loop1.txt', `无法读取“${join(reports, 'loop1.txt')}”：符号链接形成循环。`],
    ['loop2.txt', `无法读取“${join(reports, 'loop2.txt')}”：符号链接形成循环。`],
    ['missing.txt', `无法读取“${join(reports, 'missing.txt')}”：符号链接指向的文件不存在。`],
    ['sub/up', `跳过“${join(reports, 'sub', 'up')}”：此符号链接指向它所在的上级目录，进入会形成循环。`],
  ]);
  assert.equal(r.err.split('\n').length, 5, 'every problem on stderr, one line each');
});

test('a symlinked directory is walked once, whether reached through the link or named as well', { skip: !posix }, async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'archive'));
  writeFileSync(join(dir, 'archive', 'r.txt'), REPORT);
  mkdirSync(join(dir, 'top'));
  symlinkSync(join(dir, 'archive'), join(dir, 'top', 'linked'));
  const r = await inProcess(['check', '--format', 'json', join(dir, 'top'), join(dir, 'archive')]);
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.out).map((x: { file: string }) => x.file), [join(dir, 'top', 'linked', 'r.txt')]);
});

test('a batch holds each file once, under the first name that reaches it (a hard link, a symlink, a path named twice), and not the output file', { skip: !posix }, async (t) => {
  const dir = tempDir(t);
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  writeFileSync(join(reports, 'a.txt'), REPORT);
  linkSync(join(reports, 'a.txt'), join(reports, 'b-hard.txt'));
  symlinkSync(join(reports, 'a.txt'), join(reports, 'c-sym.txt'));
  writeFileSync(join(reports, 'd.txt'), readFileSync(seedPath('003')));
  writeFileSync(join(reports, 'e.txt'), readFileSync(seedPath('001')));
  mkfifo(join(reports, 'f-fifo.txt'));
  const parsed = parseArgs(['check', join(reports, 'd.txt'), reports, join(reports, '.', 'a.txt')]);
  assert.ok(parsed.ok);
  const batch = (notReports?: ReadonlySet<string>) => batchReports(parsed.options, notReports).files?.files.map((f) => f.slice(reports.length + 1));
  assert.deepEqual(batch(), ['d.txt', 'a.txt', 'e.txt'], 'each file once, the first name first; no FIFO');
  const e = probe(join(reports, 'e.txt'));
  assert.ok(e.ok);
  assert.deepEqual(batch(new Set([e.key])), ['d.txt', 'a.txt'], 'the output file is no report of the batch');
  // What is output names each file once too, under the same first name.
  const r = await inProcess(['check', '--format', 'json', join(reports, 'd.txt'), reports, join(reports, '.', 'a.txt')]);
  assert.deepEqual(JSON.parse(r.out).map((x: { file: string }) => x.file.slice(reports.length + 1)), ['d.txt', 'a.txt', 'e.txt', ...(existsSync(join(reports, 'f-fifo.txt')) ? ['f-fifo.txt'] : [])]);
});

test('an unreadable file or folder is its own problem; the batch goes on', { skip: !posix || process.getuid?.() === 0 }, async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'locked.txt'), REPORT);
  chmodSync(join(dir, 'locked.txt'), 0o000);
  mkdirSync(join(dir, 'closed'));
  chmodSync(join(dir, 'closed'), 0o000);
  t.after(() => chmodSync(join(dir, 'closed'), 0o700));
  const r = await inProcess(['check', dir, seedPath('003')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /无法读取目录“.*closed”：没有读取权限。/);
  assert.match(r.err, /无法读取“.*locked\.txt”：没有读取权限。/);
  assert.match(r.out, /共检查3个文件/);
});

test('results are written file by file: a failed file is a JSON element with "error", the array byte for byte as before', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d])); // a PDF saved as .txt
  const writes: string[] = [];
  const r = await inProcess(['check', '--format', 'json', seedPath('002'), join(dir, 'bad.txt'), seedPath('001')], { stdout: (s) => void writes.push(s) });
  assert.equal(r.code, 2);
  assert.ok(writes.length >= 4, 'one write per file, then the end');
  const json = JSON.parse(writes.join(''));
  assert.equal(writes.join(''), JSON.stringify(json, null, 2) + '\n');
  assert.deepEqual(json[1], { file: join(dir, 'bad.txt'), diagnostics: [], error: `无法读取“${join(dir, 'bad.txt')}”：这不是文本文件（可能是 Word、PDF 或图片，请先另存为文本）。` });
  assert.deepEqual(json[2], { file: seedPath('001'), diagnostics: [] });
  // Text: the first file's lines are out before the second is read.
  const text: string[] = [];
  await inProcess(['check', seedPath('002'), seedPath('004')], { stdout: (s) => void text.push(s) });
  assert.match(text[0], /^[^\n]*002_a272c8449f52b64a\.txt:1:1 info traditional-script[^\n]*\n[^\n]*002_a272c8449f52b64a\.txt:3:186 warning intro-part-count/);
  assert.match(text[0], /002_a272c8449f52b64a\.txt:29:1 error table-missing/);
  assert.doesNotMatch(text[0], /004_/);
});

test('output that cannot be written (a full disk, a closed pipe): exit 3, one line on stderr (none for a closed pipe), nothing more written', async () => {
  for (const [code, reason, thrown] of [['ENOSPC', '磁盘已满', true], ['EPIPE', null, false], ['EIO', '写入失败：EIO', true]] as const) {
    let writes = 0;
    const fail = () => Object.assign(new Error(`write ${code}`), { code });
    const r = await inProcess(['check', seedPath('002'), seedPath('004'), seedPath('001')], {
      stdout: (): void | Promise<void> => {
        writes++;
        if (thrown) throw fail();
        return Promise.reject(fail());
      },
    });
    assert.equal(r.code, 3, code);
    assert.equal(writes, 1, 'the batch stops at the first failed write');
    assert.equal(r.err, reason ? `nianbao：无法写出检查结果（${reason}），检查已停止。\n` : '');
  }
  // Through the built CLI on a full device, no stack trace.
  if (existsSync('/dev/full')) {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check "${seedPath('004')}" > /dev/full`], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 3);
    assert.equal(r.stderr, 'nianbao：无法写出检查结果（磁盘已满），检查已停止。\n');
  }
});

test('the default size limit of the CLI is that of the editor: one constant, and the manifest declares the same default', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  assert.equal(DEFAULT_SETTINGS.maxFileSize, DEFAULT_MAX_FILE_SIZE_MB);
  assert.equal(pkg.contributes.configuration.properties['nianbao.maxFileSize'].default, DEFAULT_MAX_FILE_SIZE_MB);
});

test('--help lists every exit code and the size limit', () => {
  const zh = spawnCli(['--help']).out;
  for (const line of ['  0：没有错误', '  1：发现错误', '  2：用法错误', '  3：无法写出检查结果', '--max-file-size MB', '默认20']) assert.ok(zh.includes(line), line);
  const en = spawnCli(['--help', '--lang', 'en']).out;
  assert.match(en, /3: the results could not be written/);
});
