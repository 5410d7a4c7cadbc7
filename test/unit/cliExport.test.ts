// `nianbao export`: one file written, never over an existing one (or the report) without --force; a
// report with errors refused with the list of them; blanks kept unless --blank-as-zero.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { renderReport } from '../../server/src/core/render/report';
import { seedPath } from '../helpers/fixtures';
import { unzip } from '../helpers/zip';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

async function exportCli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const bytes: Uint8Array[] = [];
  const code = await runCli(['export', ...args], {
    stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => Buffer.from(stdin),
    stdoutBytes: (b) => void bytes.push(b),
  });
  return { code, out, err, bytes: Buffer.concat(bytes) };
}

function folder(...seeds: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-'));
  for (const s of seeds) copyFileSync(seedPath(s), join(dir, `${s}.txt`));
  return dir;
}

test('a clean report: the .docx and the .html next to it, said on standard error; exit 0', async () => {
  const dir = folder('003');
  try {
    const docx = await exportCli(['--to', 'docx', join(dir, '003.txt')]);
    assert.equal(docx.code, 0, docx.err);
    assert.equal(docx.out, '');
    assert.equal(docx.err, `已导出：${join(dir, '003.docx')}\n`);
    assert.ok(unzip(readFileSync(join(dir, '003.docx'))).has('word/document.xml'));
    const html = await exportCli(['--to=html', '--lang', 'en', join(dir, '003.txt')]);
    assert.equal(html.code, 0);
    assert.equal(html.err, `Exported: ${join(dir, '003.html')}\n`);
    assert.match(readFileSync(join(dir, '003.html'), 'utf8'), /^<!DOCTYPE html>[\s\S]*data-row="newReceived" data-column="total">29</);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an existing output file is never overwritten without --force (exit 2, the file unchanged); the report itself never', async () => {
  const dir = folder('003');
  try {
    const target = join(dir, 'out.html');
    writeFileSync(target, 'keep me');
    const r = await exportCli(['--to', 'html', '--output', target, join(dir, '003.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /输出文件“.*out\.html”已存在。用“--output”换一个路径，或加“--force”覆盖。/);
    assert.equal(readFileSync(target, 'utf8'), 'keep me');
    const forced = await exportCli(['--to', 'html', '--output', target, '--force', join(dir, '003.txt')]);
    assert.equal(forced.code, 0);
    assert.match(readFileSync(target, 'utf8'), /^<!DOCTYPE html>/);
    // An HTML report exported to HTML under its own name: refused even with --force.
    writeFileSync(join(dir, 'r.html'), readFileSync(target));
    const same = await exportCli(['--to', 'html', '--force', join(dir, 'r.html')]);
    assert.equal(same.code, 2);
    assert.match(same.err, /就是报告本身/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a report with errors: each problem listed as the checker writes it, nothing written, exit 1; --force exports it', async () => {
  const dir = folder('004');
  try {
    const r = await exportCli(['--to', 'docx', join(dir, '004.txt')]);
    assert.equal(r.code, 1);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0], /004\.txt:91:2 error row-total “本年新收政府信息公开申请数量”行“总计”列应为1/);
    assert.match(lines[3], /^未导出“.*004\.txt”：报告有3处问题（见上）。改正后再导出，或确认无误后加“--force”导出。$/);
    assert.deepEqual(readdirSync(dir), ['004.txt']);
    const forced = await exportCli(['--to', 'docx', '--force', join(dir, '004.txt')]);
    assert.equal(forced.code, 0);
    assert.match(forced.err, /报告有3处问题（见上），已按“--force”导出。/);
    assert.ok(existsSync(join(dir, '004.docx')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('blank cells stay blank and are counted; --blank-as-zero writes 0', async () => {
  const text = renderReport({ issuer: '某县某局', year: 2023, value: (row, column) => (row === 'granted' && column === 'research' ? '' : '0') });
  const blank = await exportCli(['--to', 'html', '--output', '-', '-'], text);
  assert.equal(blank.code, 0, blank.err);
  assert.match(blank.err, /有1个空白单元格，已保留空白；加“--blank-as-zero”可写为0。/);
  assert.match(blank.bytes.toString('utf8'), /data-row="granted" data-column="research"><\/td>/);
  const zero = await exportCli(['--to', 'html', '--output', '-', '--blank-as-zero', '-'], text);
  assert.match(zero.err, /已写为0/);
  assert.match(zero.bytes.toString('utf8'), /data-row="granted" data-column="research">0<\/td>/);
});

test('usage errors: exit 2 with the export usage', async () => {
  for (const [args, problem] of [
    [[seedPath('003')], /缺少“--to docx\|html”/],
    [['--to', 'pdf', seedPath('003')], /选项“--to”的值“pdf”无效/],
    [['--to', 'html'], /没有给出要导出的报告文件/],
    [['--to', 'html', seedPath('003'), seedPath('001')], /只能导出一个文件（给出了2个）/],
    [['--to', 'html', '-'], /从标准输入导出时须用“--output”/],
    [['--to', 'html', '--out', 'x', seedPath('003')], /未知选项“--out”/],
  ] as const) {
    const r = await exportCli([...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, problem);
    assert.match(r.err, /用法：nianbao export --to docx\|html/);
  }
  const dir = await exportCli(['--to', 'html', join(__dirname)]);
  assert.equal(dir.code, 2);
  assert.match(dir.err, /这是目录/);
});

test('the built CLI: a Word file to standard output is the package bytes (the Word writer loaded then, in no bundle that starts a check or the server); --help lists the options', () => {
  for (const bundle of ['cli.js', 'cli-worker.js', 'server.js', 'client.js']) {
    assert.ok(!readFileSync(join(CLI, '..', bundle), 'utf8').includes('wordprocessingml/2006/main'), `${bundle} holds the docx library`);
  }
  const r = spawnSync(process.execPath, [CLI, 'export', '--to', 'docx', '--output', '-', seedPath('001')]);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.equal(r.stdout.subarray(0, 2).toString('latin1'), 'PK');
  assert.ok(unzip(r.stdout).has('word/document.xml'));
  const help = spawnSync(process.execPath, [CLI, 'export', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--blank-as-zero/);
  assert.match(spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout, /nianbao export --to docx\|html/);
});
