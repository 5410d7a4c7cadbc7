import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { seed } from '../helpers/fixtures';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
/** Seed 003: 临沂市国防动员办公室's 2023 report. */
const MINE = seed('003');
const BODY = '临沂市国防动员办公室';
const NEW_RULES = ['year-left-behind', 'report-identity', 'copied-across-bodies'];

/**
 * A reviewer's folder: last year's report (every year one less), this year's with a year left from it, another
 * body's report of 2023 written over this year's, and a draft whose title lost its body.
 */
function folder(): { dir: string; last: string; now: string; other: string; draft: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bodies-'));
  mkdirSync(join(dir, 'archive'));
  const files = {
    last: join(dir, 'archive', '2022.txt'),
    now: join(dir, '2023.txt'),
    other: join(dir, 'tongji-2023.txt'),
    draft: join(dir, 'draft.txt'),
  };
  writeFileSync(files.last, MINE.replace(/20[0-9]{2}(?=年)/g, (y) => String(Number(y) - 1)));
  writeFileSync(files.now, MINE.replace('2023年本机关共收到', '2022年本机关共收到'));
  writeFileSync(files.other, MINE.replaceAll(BODY, '临沂市统计局'));
  writeFileSync(files.draft, MINE.replace(`《${BODY}2023年`, '《2023年'));
  return { dir, ...files };
}

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => Buffer.alloc(0) });
  return { code, out, err };
}

type Json = { file: string; diagnostics: { code: string; severity: string | number; message: string; related?: { uri: string; message: string }[] }[] }[];
const said = (json: Json, file: string, code: string) => json.find((f) => f.file === file)?.diagnostics.filter((d) => d.code === code) ?? [];

test('nianbao check 2022.txt 2023.txt: a year left from last year\'s sentence, with last year\'s file as related', async () => {
  const { dir, last, now } = folder();
  try {
    const json = JSON.parse((await cli(['check', '--format', 'json', last, now])).out) as Json;
    const [left, ...rest] = said(json, now, 'year-left-behind');
    assert.equal(rest.length, 0);
    assert.equal(left.message, '“2022年”与上年报告“2022.txt”中同一句话的年份相同，疑为沿用上年报告时未改的年份（本年报告应为2023年）。');
    assert.deepEqual(left.related?.map((r) => r.uri), [last]);
    // Two files of two years and one body: no other body, nothing unrecognised.
    for (const code of ['report-identity', 'copied-across-bodies']) assert.deepEqual([...said(json, now, code), ...said(json, last, code)], [], code);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nianbao check with three reports of one year: another body\'s copy both ways, the draft without a body named', async () => {
  const { dir, now, other, draft } = folder();
  try {
    const json = JSON.parse((await cli(['check', '--format', 'json', now, other, draft])).out) as Json;
    const mine = said(json, now, 'copied-across-bodies');
    assert.ok(mine.some((d) => d.message.startsWith('第五部分“存在的主要问题及改进情况”有100%的文字与同年度临沂市统计局的报告“tongji-2023.txt”的同一部分相同')), mine.map((d) => d.message).join('\n'));
    assert.ok(mine.every((d) => d.related?.[0].uri === other));
    assert.ok(said(json, other, 'copied-across-bodies').length > 0);
    const [identity] = said(json, draft, 'report-identity');
    assert.match(identity.message, /^无法从标题和落款识别本报告的发布机关.*“2023\.txt”是名称相近的临沂市国防动员办公室的2023年报告/);
    // The draft is filed under no body: it is compared with nothing.
    assert.deepEqual(said(json, draft, 'copied-across-bodies'), []);
    // Alone, a draft without a body says nothing of it.
    assert.deepEqual(said(JSON.parse((await cli(['check', '--format', 'json', draft])).out) as Json, draft, 'report-identity'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--with: the context reports are compared with, never reported; the folder form is the same', async () => {
  const { dir, now, other, last } = folder();
  try {
    const withContext = JSON.parse((await cli(['check', '--format', 'json', '--with', other, '--with', join(dir, 'archive'), now])).out) as Json;
    assert.deepEqual(withContext.map((f) => f.file), [now]);
    assert.ok(said(withContext, now, 'copied-across-bodies').length > 0);
    assert.equal(said(withContext, now, 'year-left-behind')[0].related?.[0].uri, last);
    const whole = JSON.parse((await cli(['check', '--format', 'json', dir])).out) as Json;
    for (const code of NEW_RULES) assert.ok(whole.some((f) => said(whole, f.file, code).length > 0), code);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the built CLI: the new cross-report rules in its text output', () => {
  const { dir, now, other, draft } = folder();
  try {
    const r = spawnSync(process.execPath, [CLI, 'check', '--lang', 'en', '--with', join(dir, 'archive'), now, other, draft], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr); // warnings, notes and hints only
    assert.match(r.stdout, /2023\.txt:\d+:\d+ hint year-left-behind “2022” is the year last year's report “2022\.txt” writes in the same sentence/);
    assert.match(r.stdout, /2023\.txt:\d+:\d+ warning copied-across-bodies \d+% of the text of part 5 \(“Main problems and improvements”\) repeats the same part of “tongji-2023\.txt”/);
    assert.match(r.stdout, /draft\.txt:1:1 info report-identity The issuing body of this report cannot be recognised/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
