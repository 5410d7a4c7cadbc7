import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type * as Sarif from 'sarif';
import { readReport } from '../../server/src/core';
import { runCli } from '../../server/src/cli/main';
import { applyEdits } from '../../server/src/core/service/actions';
import { writeCell } from '../../server/src/core/service/cellEdit';
import { seed } from '../helpers/fixtures';
import { sarifProblems, sarifSchemaProblems } from '../helpers/sarifShape';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** Seed 003 (2023) and its 2022 report: this year's 上年结转 (自然人) typed as 2, last year's 结转下年度 0; part 五 copied. */
function pairDir(): { dir: string; last: string; now: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-across-'));
  const thisYear = seed('003');
  const cell = readReport(thisYear).tables.applications!.rows.find((r) => r.key === 'carriedOver')!.cells[0];
  mkdirSync(join(dir, 'last'));
  const last = join(dir, 'last', '2022.txt');
  const now = join(dir, '2023.txt');
  writeFileSync(last, thisYear.replaceAll('2023', '2022'));
  writeFileSync(now, applyEdits(thisYear, writeCell(cell, 2)));
  return { dir, last, now };
}

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => Buffer.alloc(0) });
  return { code, out, err };
}

type Json = { file: string; diagnostics: { code: string; message: string; related?: { uri: string; range: unknown; message: string }[] }[] }[];
const across = (json: Json, file: string) => json.find((f) => f.file === file)!.diagnostics.filter((d) => ['carry-over-across-years', 'copied-text', 'stock-across-years'].includes(d.code));

test('nianbao check 2022.txt 2023.txt: the index is built from the arguments first; the related file in JSON', async () => {
  const { dir, last, now } = pairDir();
  try {
    const r = await cli(['check', '--format', 'json', now, last]);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out) as Json;
    const mine = across(json, now);
    const carry = mine.find((d) => d.code === 'carry-over-across-years')!;
    assert.equal(carry.message, '“上年结转政府信息公开申请数量”（自然人）为2，而上年报告“2022.txt”的“结转下年度继续办理”为0，两者应当相等。');
    assert.deepEqual(carry.related?.map((x) => x.uri), [last]);
    assert.ok(mine.some((d) => d.code === 'copied-text' && d.message.startsWith('第五部分')));
    // Last year's report has no report of its year before: nothing across for it.
    assert.deepEqual(across(json, last), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nianbao check DIR: a folder is its reports; --with DIR adds context that is not reported', async () => {
  const { dir, now } = pairDir();
  try {
    const folder = await cli(['check', '--format', 'json', dir]);
    assert.equal(across(JSON.parse(folder.out) as Json, now).filter((d) => d.code === 'carry-over-across-years').length, 1);
    const alone = await cli(['check', '--format', 'json', now]);
    assert.deepEqual(across(JSON.parse(alone.out) as Json, now), []);
    const withContext = await cli(['check', '--format', 'json', '--with', join(dir, 'last'), now]);
    const json = JSON.parse(withContext.out) as Json;
    assert.deepEqual(json.map((f) => f.file), [now]);
    assert.equal(across(json, now).filter((d) => d.code === 'carry-over-across-years').length, 1);
    const text = await cli(['check', `--with=${join(dir, 'last')}`, now]);
    assert.match(text.out, /2023\.txt:\d+:\d+ error carry-over-across-years “上年结转政府信息公开申请数量”（自然人）为2/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--with: a path that cannot be read is said and makes the exit code 2; --with without a value is a usage error', async () => {
  const { dir, now } = pairDir();
  try {
    const r = await cli(['check', '--with', join(dir, 'missing'), now]);
    assert.equal(r.code, 2);
    assert.match(r.err, /missing/);
    const bare = await cli(['check', now, '--with']);
    assert.equal(bare.code, 2);
    assert.match(bare.err, /--with/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the built CLI: --with in --help, and the cross-report error in its output', () => {
  const { dir, now } = pairDir();
  try {
    assert.match(spawnSync(process.execPath, [CLI, '--help', '--lang', 'en'], { encoding: 'utf8' }).stdout, /--with DIR/);
    const r = spawnSync(process.execPath, [CLI, 'check', '--lang', 'en', '--with', join(dir, 'last'), now], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /error carry-over-across-years “Carried over from last year” \(natural persons\) is 2, but last year's report “2022\.txt” carried 0 forward/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--format sarif: a finding about last year\'s report names its cell there as a related location', async () => {
  const { dir, last, now } = pairDir();
  try {
    const r = await cli(['check', '--format', 'sarif', now, last]);
    assert.equal(r.code, 1, r.err);
    const log = JSON.parse(r.out) as Sarif.Log;
    assert.deepEqual(sarifProblems(log), []);
    assert.deepEqual(sarifSchemaProblems(log), []);
    const carry = log.runs[0].results!.find((x) => x.ruleId === 'carry-over-across-years')!;
    const related = carry.relatedLocations ?? [];
    assert.equal(related.length, 1);
    const at = related[0].physicalLocation!;
    assert.equal(at.artifactLocation!.uri, relative(process.cwd(), last).split(sep).map(encodeURIComponent).join('/'));
    // The cell of 结转下年度继续办理 in last year's report, as the JSON output's related range names it.
    const json = JSON.parse((await cli(['check', '--format', 'json', now, last])).out) as Json;
    const range = across(json, now).find((d) => d.code === 'carry-over-across-years')!.related![0].range as { start: { line: number; character: number } };
    assert.deepEqual([at.region!.startLine, at.region!.startColumn], [range.start.line + 1, range.start.character + 1]);
    assert.ok(related[0].message?.text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
