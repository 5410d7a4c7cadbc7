import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { seed } from '../helpers/fixtures';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], stdin: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: stdin, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Seed 004 with its three wrong totals, its prose against table 三 and its Word bookmark silenced for the file,
// and part 三's numeral for its line.
const lines = seed('004').split('\n');
lines.splice(62, 0, '// nianbao-disable-next-line section-numeral');
lines.unshift('<!-- nianbao-disable-file row-total, prose-table-mismatch, text-residue -->');
const SILENCED = lines.join('\n');

test('CLI text: silenced findings are not listed but counted in the summary; exit code by what is shown', () => {
  const r = run(['check', '-'], SILENCED);
  assert.equal(r.out, '共检查1个文件：0个错误，0个警告，0个提示，另有6处已忽略。\n');
  assert.equal(r.code, 0);
  assert.equal(run(['check', '--lang', 'en', '-'], SILENCED).out, 'Checked 1 file(s): 0 error(s), 0 warning(s), 0 note(s); 6 more silenced by comments.\n');
});

test('CLI text: a comment that silences nothing is a hint', () => {
  const r = run(['check', '-'], '// nianbao-disable-next-line row-total\n' + seed('001'));
  assert.equal(r.out, '-:1:1 hint unused-disable 忽略注释“nianbao-disable-next-line row-total”没有忽略任何问题，可以删除。\n共检查1个文件：0个错误，0个警告，1个提示。\n');
});

test('CLI JSON: a file element adds `silenced` (LSP diagnostics, as `diagnostics`) only when comments silenced something', () => {
  const json = JSON.parse(run(['check', '--format', 'json', '-'], SILENCED).out);
  assert.deepEqual(Object.keys(json[0]), ['file', 'diagnostics', 'silenced']);
  assert.deepEqual(json[0].diagnostics, []);
  assert.deepEqual(json[0].silenced.map((d: { code: string; range: { start: { line: number } } }) => `${d.range.start.line + 1} ${d.code}`), ['10 prose-table-mismatch', '14 text-residue', '65 section-numeral', '93 row-total', '133 row-total', '344 row-total']);
  assert.deepEqual(json[0].silenced[3].data, { relation: 'row-total', table: 'applications', row: 'newReceived', column: 'total', expected: 1, actual: 0 });
  assert.deepEqual(Object.keys(JSON.parse(run(['check', '--format', 'json', '-'], seed('004')).out)[0]), ['file', 'diagnostics']);
});
