// A batch reads each file once (main.ts, `checkedFirst`): checked without the workspace and surveyed
// together, and checked again only when the complete index concerns it. What it writes must be what
// checking each file with the whole index gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { check, ReportIndex, surveyReport, toDiagnostic } from '../../server/src/core';
import { HeldOutcomes } from '../../server/src/cli/held';
import { seed } from '../helpers/fixtures';

const BODY = '临沂市国防动员办公室';
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** Seed 003 as a reviewer's folder meets it, among other bodies' reports: enough files for worker threads. */
function folder(t: { after: (fn: () => void) => void }): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-oneread-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const mine = seed('003');
  const put = (name: string, text: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const files = [
    put('archive/2022.txt', mine.replace(/20[0-9]{2}(?=年)/g, (y) => String(Number(y) - 1))),
    put('2023.txt', mine.replace('2023年本机关共收到', '2022年本机关共收到')),
    put('tongji-2023.txt', mine.replaceAll(BODY, '临沂市统计局')),
    put('draft.txt', mine.replace(`《${BODY}2023年`, '《2023年')),
  ];
  const others = ['000', '001', '002', '004'].map((s) => seed(s));
  for (let i = 0; i < 56; i++) files.push(put(`others/r${String(i).padStart(2, '0')}.txt`, others[i % others.length]));
  return { dir, files: files.sort() };
}

/** The built CLI: its worker threads run the bundle (in process, a worker that fails leaves its files to the main thread, which would hide it). */
async function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, results: JSON.parse(r.stdout) as { file: string; diagnostics: unknown[] }[] };
}

test('a batch read once writes what checking each file with the whole index writes, in one thread or several', async (t) => {
  const { dir, files } = folder(t);
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const index = new ReportIndex({ reports: () => files, read: (f) => texts.get(f) ?? null });
  const expected = files.map((file) => ({
    file,
    diagnostics: JSON.parse(JSON.stringify(check(texts.get(file)!, { workspace: index, self: file, lang: 'zh-CN' }).findings.map((f) => toDiagnostic(f, 'zh-CN')))),
  }));
  // The folder holds files the index concerns and files it does not, and findings of the cross-report rules.
  const concerned = files.filter((f) => index.concerns(surveyReport(f, texts.get(f)!)));
  assert.deepEqual(concerned.map((f) => f.slice(dir.length + 1)), ['2023.txt', 'draft.txt', 'tongji-2023.txt']);
  const codes = new Set(expected.flatMap((e) => e.diagnostics.map((d: { code: string }) => d.code)));
  for (const code of ['year-left-behind', 'report-identity', 'copied-across-bodies']) assert.ok(codes.has(code), code);
  for (const jobs of ['1', '2']) {
    const run = await cli(['check', '--format', 'json', '--jobs', jobs, dir]);
    const got = run.results.map((r) => ({ file: r.file, diagnostics: r.diagnostics })).sort((a, b) => (a.file < b.file ? -1 : 1));
    assert.deepEqual(got, expected, `--jobs ${jobs}`);
  }
});

test('a batch whose files are mostly concerned (copies across bodies) surveys the rest first: still what checking each with the whole index writes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-oneread-copies-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const mine = seed('003');
  // More files than the window that decides, each another body's copy of one report.
  const files = Array.from({ length: 90 }, (_, i) => {
    const file = join(dir, `r${String(i).padStart(2, '0')}.txt`);
    writeFileSync(file, mine.replaceAll(BODY, `临沂市${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 10)]}局`));
    return file;
  });
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const index = new ReportIndex({ reports: () => files, read: (f) => texts.get(f) ?? null });
  const expected = files.map((file) => ({
    file,
    diagnostics: JSON.parse(JSON.stringify(check(texts.get(file)!, { workspace: index, self: file, lang: 'zh-CN' }).findings.map((f) => toDiagnostic(f, 'zh-CN')))),
  }));
  assert.ok(files.every((f) => index.concerns(surveyReport(f, texts.get(f)!))));
  assert.ok(expected.every((e) => e.diagnostics.some((d: { code: string }) => d.code === 'copied-across-bodies')));
  for (const jobs of ['1', '2']) {
    const run = await cli(['check', '--format', 'json', '--jobs', jobs, dir]);
    assert.deepEqual(run.results.map((r) => ({ file: r.file, diagnostics: r.diagnostics })), expected, `--jobs ${jobs}`);
  }
});

test('held outcomes beyond the budget wait in a temporary file that no one sees, and come back as they were', () => {
  const held = new HeldOutcomes(100);
  const before = new Set(readdirSync(tmpdir()));
  const part = (i: number) => `“第${i}个文件”：本表未作核对 ${'x'.repeat(i * 7)} \u{20000}`;
  for (let i = 0; i < 40; i++) held.hold(`f${i}`, { checked: true, part: part(i), severities: [0, i, 0, 0, 0], silenced: i % 3, accepted: 0 });
  held.hold('bad', { checked: false, problem: { template: { zh: '无法读取', en: 'unreadable' }, args: {} } });
  // The spill file was removed as soon as it was opened: nothing new under the temporary folder.
  const left = readdirSync(tmpdir()).filter((n) => !before.has(n) && n.startsWith('nianbao-') && existsSync(join(tmpdir(), n, 'held')));
  assert.deepEqual(left, []);
  for (const i of [39, 0, 17, 1, 38]) assert.deepEqual(held.take(`f${i}`), { checked: true, part: part(i), severities: [0, i, 0, 0, 0], silenced: i % 3, accepted: 0 });
  assert.equal(held.take('f17'), undefined);
  assert.deepEqual(held.take('bad'), { checked: false, problem: { template: { zh: '无法读取', en: 'unreadable' }, args: {} } });
  held.close();
});
