// `check --update-baseline`, `--baseline FILE` and `.nianbao-baseline.json` in the current folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../helpers/fixtures';
import { renderReport } from '../../server/src/core/render/report';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60_000 });

function withDir(run: (dir: string) => void) {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-baseline-'));
    try {
      mkdirSync(join(dir, 'r'));
      writeFileSync(join(dir, 'r', 'a.txt'), seed('004'));
      writeFileSync(join(dir, 'r', 'b.txt'), seed('002'));
      run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('--update-baseline records every finding; later runs count them as verified; a changed cell is shown again', withDir((dir) => {
  const before = cli(['check', 'r'], dir);
  assert.equal(before.status, 1);
  const shown = before.stdout.split('\n').filter((l) => /^r\//.test(l)).length;
  const recorded = cli(['check', '--update-baseline', 'r'], dir);
  assert.equal(recorded.status, 0, recorded.stderr);
  assert.match(recorded.stdout, new RegExp(`已将${shown}处问题记入基线文件“\\.nianbao-baseline\\.json”。`));
  const file = JSON.parse(readFileSync(join(dir, '.nianbao-baseline.json'), 'utf8'));
  assert.deepEqual(Object.keys(file.reports), ['r/a.txt', 'r/b.txt']);
  const after = cli(['check', 'r'], dir);
  assert.equal(after.status, 0);
  assert.match(after.stdout, new RegExp(`^共检查2个文件：0个错误，0个警告，0个提示，另有${shown}处已核实（见基线文件）。\\n$`));
  // The first wrong total of a.txt written 5: that finding comes back, the rest stay verified.
  const lines = seed('004').split('\n');
  const at = Number(/^r\/a\.txt:(\d+):\d+ error row-total/m.exec(before.stdout)![1]) - 1;
  assert.equal(lines[at], '\t0');
  lines[at] = '\t5';
  writeFileSync(join(dir, 'r', 'a.txt'), lines.join('\n'));
  const changed = cli(['check', '--format', 'json', 'r'], dir);
  assert.equal(changed.status, 1);
  const [a] = JSON.parse(changed.stdout);
  assert.ok(a.diagnostics.some((d: { code: string; message: string }) => d.code === 'row-total' && /填写的是5/.test(d.message)), JSON.stringify(a.diagnostics));
  assert.ok(a.accepted.length > 0);
}));

test('recording one report keeps the others\' entries; a report with nothing left is dropped', withDir((dir) => {
  cli(['check', '--update-baseline', 'r'], dir);
  writeFileSync(join(dir, 'r', 'b.txt'), renderReport({ issuer: '某县某局', year: 2023, value: () => '0' }));
  assert.equal(cli(['check', '--update-baseline', 'r/b.txt'], dir).status, 0);
  const file = JSON.parse(readFileSync(join(dir, '.nianbao-baseline.json'), 'utf8'));
  assert.ok(file.reports['r/a.txt'].length > 0);
  assert.equal(file.reports['r/b.txt'], undefined, 'a clean skeleton has no findings');
}));

test('--baseline FILE: named relative to its own folder; missing or broken, it is said (exit 2) and a broken one never overwritten', withDir((dir) => {
  mkdirSync(join(dir, 'reviews'));
  assert.equal(cli(['check', '--update-baseline', '--baseline', 'reviews/b.json', 'r'], dir).status, 0);
  assert.ok(JSON.parse(readFileSync(join(dir, 'reviews', 'b.json'), 'utf8')).reports['../r/a.txt']);
  assert.equal(cli(['check', '--baseline', 'reviews/b.json', 'r'], dir).status, 0);
  const missing = cli(['check', '--baseline', 'nowhere.json', 'r'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /基线文件“nowhere\.json”不存在/);
  writeFileSync(join(dir, '.nianbao-baseline.json'), '{ broken');
  const broken = cli(['check', '--update-baseline', 'r'], dir);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /无法读取.*不会被覆盖/);
  assert.equal(readFileSync(join(dir, '.nianbao-baseline.json'), 'utf8'), '{ broken');
  assert.equal(cli(['check', '--update-baseline', '--fix', 'r'], dir).status, 2);
}));

test('with worker threads the accepted findings are the same', withDir((dir) => {
  for (let i = 0; i < 60; i++) writeFileSync(join(dir, 'r', `c${String(i).padStart(2, '0')}.txt`), seed(['004', '001', '002'][i % 3]));
  cli(['check', '--update-baseline', 'r'], dir);
  writeFileSync(join(dir, 'r', 'c00.txt'), seed('003'));
  const one = cli(['check', '--format', 'json', '--jobs', '1', 'r'], dir);
  const two = cli(['check', '--format', 'json', '--jobs', '2', 'r'], dir);
  assert.deepEqual([two.status, two.stdout, two.stderr], [one.status, one.stdout, one.stderr]);
  assert.equal(one.status, 0);
}));
