import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPath } from '../helpers/fixtures';

/**
 * The README's Neovim configuration, for real: headless Neovim (Debian's 0.7) opens seed 004 as a
 * received .txt, gets the four problems from `dist/server.js --stdio`, and applies a quick fix.
 * NIANBAO_NVIM=skip skips it where Neovim cannot be installed; otherwise a missing nvim fails.
 */
const root = join(__dirname, '..', '..');

test('Neovim with editors/neovim/lua/nianbao.lua shows the diagnostics and applies a quick fix', { skip: process.env.NIANBAO_NVIM === 'skip' }, () => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, 'nvim is not installed (apt-get install neovim), or set NIANBAO_NVIM=skip');
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-nvim-'));
  const report = join(dir, 'received.txt');
  copyFileSync(seedPath('004'), report);
  const out = join(dir, 'out.txt');
  const r = spawnSync('nvim', [
    '--headless', '-u', 'NONE', '--cmd', 'filetype on', '--cmd', `set rtp+=${join(root, 'editors', 'neovim')}`,
    '-c', `lua require('nianbao').setup({ server = '${join(root, 'dist', 'server.js')}' })`,
    '-c', `edit ${report}`, '-c', `luafile ${join(__dirname, 'neovim-check.lua')}`,
  ], { encoding: 'utf8', timeout: 60000, env: { ...process.env, NIANBAO_OUT: out } });
  assert.equal(r.status, 0, r.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.deepEqual(lines.filter((l) => l.startsWith('diagnostic')).map((l) => l.split(' ').slice(1, 3).join(' ')), [
    // Neovim counts columns in UTF-8 bytes: the prose's '1' at character 31 of line 9 is at byte 85.
    '9:86 prose-table-mismatch', '13:1 text-residue', '63:1 section-numeral', '91:2 row-total', '131:2 row-total', '342:2 row-total',
  ]);
  assert.ok(lines.includes('diagnostic 63:1 section-numeral 第三部分“收到和处理政府信息公开申请情况”的序号应为“三、”，实际为“2、”。'));
  assert.ok(lines.includes('action 将此格改为1'), lines.join('\n'));
  assert.ok(lines.includes('line \t1'), lines.join('\n'));
});
