// The CLI's worker threads (--jobs): whatever the number of threads, a run writes the same bytes,
// on standard output and standard error, with the same exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { parseArgs } from '../../server/src/cli/args';
import { seedPath, SEEDS_DIR } from '../helpers/fixtures';
import { CheckerPool } from '../../server/src/cli/pool';
import { checkAndSurvey, readAndCheck, type ReportTask } from '../../server/src/cli/checkReport';
import { surveyed, surveyFile } from '../../server/src/cli/workspace';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
/** Reports in the folder's first directory: more than a run checks in one thread before it starts workers. */
const REPORTS = 60;

function cli(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A folder with all a run meets: reports with errors, silenced findings, files that cannot be read, configurations. */
function folder(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-jobs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const seeds = ['000', '001', '002', '003', '004'].map((s) => readFileSync(seedPath(s)));
  const put = (name: string, content: string | Buffer) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  };
  for (let i = 0; i < REPORTS; i++) put(`a/r${String(i).padStart(3, '0')}.txt`, seeds[i % seeds.length]);
  put('a/silenced.txt', '<!-- nianbao-disable-file row-total -->\n' + seeds[4].toString());
  put('a/binary.txt', Buffer.from([0x50, 0x4b, 3, 4, 0, 0]));
  put('a/large.txt', Buffer.alloc(300 * 1024, 0x31));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'a', 'dangling.txt'));
  // A configuration with a mistake (said on standard error), a rule turned down and a file left out.
  put('b/.nianbao.jsonc', '{ "rules": { "row-total": "hint", "no-such-rule": "error" }, "ignore": ["left-out.txt"] }');
  for (let i = 0; i < 10; i++) put(`b/r${i}.txt`, seeds[(i + 2) % seeds.length]);
  put('b/left-out.txt', seeds[2]);
  put('b/.gitignore', 'ignored.txt\n');
  put('b/ignored.txt', seeds[2]);
  put('c/broken/.nianbao.jsonc', '{ "rules": ');
  put('c/broken/r.txt', seeds[3]);
  return dir;
}

for (const format of ['text', 'json']) {
  test(`--jobs 2 writes what --jobs 1 writes (${format}): results, stderr, exit code, in the same order`, (t) => {
    const dir = folder(t);
    const args = ['check', '--format', format, '--max-file-size', '0.25', join(dir, 'a'), join(dir, 'b', 'left-out.txt'), join(dir, 'b'), join(dir, 'c'), seedPath('001')];
    const one = cli([...args, '--jobs', '1']);
    const two = cli([...args, '--jobs', '2']);
    assert.equal(one.code, 2);
    assert.match(one.err, /large\.txt/);
    assert.match(one.err, /no-such-rule/);
    assert.match(one.err, /left-out\.txt/);
    if (format === 'json') assert.equal(JSON.parse(one.out).length, REPORTS + 4 + 10 + 1 + 1);
    else assert.match(one.out, new RegExp(`共检查${REPORTS + 16}个文件：.*另有\\d+处已忽略。`));
    assert.deepEqual(two, one);
  });
}

test('without --jobs, a run of many files (worker threads) writes what one thread writes', (t) => {
  const dir = folder(t);
  const args = ['check', '--lang', 'en', dir, SEEDS_DIR];
  const auto = cli(args);
  assert.deepEqual(auto, cli([...args, '-j', '1']));
  assert.match(auto.out, new RegExp(`Checked ${REPORTS + 20} file\\(s\\).*silenced`));
});

test('worker threads run from the TypeScript sources too (in process, as the other CLI tests do)', async (t) => {
  const dir = folder(t);
  const run = async (jobs: string) => {
    let out = '';
    let err = '';
    const code = await runCli(['check', '--format', 'json', '--jobs', jobs, join(dir, 'a'), join(dir, 'b')], { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => Buffer.alloc(0) });
    return { code, out, err };
  };
  assert.deepEqual(await run('3'), await run('1'));
});

test('--jobs takes a whole number from 1 to 256', () => {
  for (const v of ['1', '2', '256']) assert.equal(parseArgs(['check', '--jobs', v, 'x']).ok, true, v);
  for (const v of ['0', '257', '1.5', '-1', 'many', '']) assert.equal(parseArgs(['check', `--jobs=${v}`, 'x']).ok, false, v);
  const r = cli(['check', '--jobs', '0', SEEDS_DIR]);
  assert.equal(r.code, 2);
  assert.match(r.err, /选项“--jobs”的值“0”无效/);
});

/** Seed 003 (临沂市国防动员办公室, 2023) as a reviewer's folder meets it: last year's, this year's, another body's copy, a draft. */
function acrossFolder(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-jobs-across-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const mine = readFileSync(seedPath('003'), 'utf8');
  const body = '临沂市国防动员办公室';
  mkdirSync(join(dir, 'archive'));
  writeFileSync(join(dir, 'archive', '2022.txt'), mine.replace(/20[0-9]{2}(?=年)/g, (y) => String(Number(y) - 1)));
  writeFileSync(join(dir, '2023.txt'), mine.replace('2023年本机关共收到', '2022年本机关共收到'));
  writeFileSync(join(dir, 'tongji-2023.txt'), mine.replaceAll(body, '临沂市统计局'));
  writeFileSync(join(dir, 'draft.txt'), mine.replace(`《${body}2023年`, '《2023年'));
  for (const s of ['000', '001', '002', '004']) writeFileSync(join(dir, `seed-${s}.txt`), readFileSync(seedPath(s)));
  return dir;
}

test('cross-report rules in worker threads: the workers survey the folder and check with the same index as one thread', (t) => {
  const dir = acrossFolder(t);
  for (const args of [['check', '--format', 'json', dir], ['check', '--format', 'json', '--with', join(dir, 'archive'), join(dir, '2023.txt'), join(dir, 'tongji-2023.txt'), join(dir, 'draft.txt')]]) {
    const one = cli([...args, '--jobs', '1']);
    const two = cli([...args, '--jobs', '2']);
    const codes = new Set((JSON.parse(one.out) as { diagnostics: { code: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.code)));
    for (const code of ['year-left-behind', 'report-identity', 'copied-across-bodies']) assert.ok(codes.has(code), code);
    assert.deepEqual(two, one);
  }
});

test('a worker too small for a large batch\'s index is started again with room for it, and checks as one thread does', async () => {
  const pool = CheckerPool.start(1);
  assert.ok(pool, 'a worker starts');
  try {
    const files = Array.from({ length: 20_000 }, (_, i) => `/nowhere/r${i}.txt`);
    assert.equal(pool.workerHeapMb, 64);
    const at = { files, maxFileSize: 20, formatVersion: 'auto' } as const;
    const surveys = files.map((uri) => ({ uri, filedAs: null }));
    pool.share(at, surveys, surveyed(at, surveys));
    assert.ok(pool.workerHeapMb >= 64 + 20_000 * 2 / 1024, `${pool.workerHeapMb} MB`);
    const task: ReportTask = { file: seedPath('004'), maxFileSize: 20, format: 'json', options: { lang: 'zh-CN' } };
    assert.deepEqual(await pool.run(task), readAndCheck(task));
  } finally {
    await pool.close();
  }
});

test('the main thread takes its share of the tasks beside a worker, and answers as a worker does: with the index shared, not the task\'s', async (t) => {
  const dir = acrossFolder(t);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f));
  const at = { files, maxFileSize: 20, formatVersion: 'auto' } as const;
  const index = surveyed(at, files.map((f) => surveyFile(at, f)));
  const task = (file: string, workspace?: typeof index): ReportTask => ({ file, maxFileSize: 20, format: 'json', options: { lang: 'zh-CN', ...(workspace ? { workspace } : {}) } });
  const alone = CheckerPool.start(0, true);
  assert.ok(alone, 'a pool of the main thread alone');
  try {
    // Before the index is shared, the task's own workspace is not used (no message could carry it to a worker).
    assert.notDeepEqual(readAndCheck(task(files[0], index)), readAndCheck(task(files[0])), 'the index changes this file\'s findings');
    const early = await alone.run(task(files[0], index));
    assert.deepEqual(early, readAndCheck(task(files[0])));
    alone.share(at, [], index);
    assert.deepEqual(await alone.run(task(files[0])), readAndCheck(task(files[0], index)));
    assert.deepEqual(await alone.first(task(files[1])), checkAndSurvey(task(files[1])));
    assert.deepEqual(await alone.survey(files[2], at), surveyFile(at, files[2]));
    assert.equal(alone.ranInMain, 4);
  } finally {
    await alone.close();
  }
  const pool = CheckerPool.start(1, true);
  assert.ok(pool, 'a worker starts');
  try {
    pool.share(at, files.map((f) => surveyFile(at, f)), index);
    const many = Array.from({ length: 40 }, (_, i) => files[i % files.length]);
    const outcomes = await Promise.all(many.map((f) => pool.run(task(f))));
    assert.deepEqual(outcomes, many.map((f) => readAndCheck(task(f, index))));
    assert.ok(pool.ranInMain > 0 && pool.ranInMain < many.length, `${pool.ranInMain} of ${many.length} in the main thread`);
  } finally {
    await pool.close();
  }
});
