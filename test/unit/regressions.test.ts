// Small inputs for the bugs the fuzzers (test/fuzz) found, one test each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, LineIndex, readReport, render } from '../../server/src/core';
import { applyEdits, fixAll, quickFixes } from '../../server/src/core/service/actions';
import { outline } from '../../server/src/core/service/outline';
import { FrameRepair } from '../../server/src/lsp/framing';
import { seedPath } from '../helpers/fixtures';
import { renderTable } from '../../server/src/core/render/tables';

/** Every range of every finding lies on the document's lines (LSP positions never pass a line's end). */
function assertInside(text: string) {
  const index = new LineIndex(text);
  const { findings } = check(text);
  for (const f of findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line < index.lineCount, `${f.ruleId}: line ${p.line}`);
      assert.ok(p.character <= index.lineEnd(p.line) - index.lineStarts[p.line], `${f.ruleId}: ${JSON.stringify(f.range)} passes the end of its line`);
    }
  }
  return findings;
}

test('a blank cell at the end of a tabbed line (just "\\t") is marked on the tab, not past the line end', () => {
  const lines = renderTable('applications', '2021', 'tabbed').split('\n');
  const i = lines.findIndex((l) => l.includes('本年新收'));
  lines[i + 1] = '\t';
  const text = `三、收到和处理政府信息公开申请情况\n${lines.join('\n')}`;
  const blank = assertInside(text).filter((f) => f.ruleId === 'cell-blank');
  assert.deepEqual(blank.map((f) => f.range), [{ start: { line: i + 2, character: 0 }, end: { line: i + 2, character: 1 } }]);
});

test('a table whose header breaks off before any row has an empty range at its start, not one that ends before it starts', () => {
  const text = '三、收到和处理政府信息公开申请情况\n| 申请人情况 | 2023年度,某某县 |\n';
  const t = readReport(text).tables.applications!;
  assert.deepEqual(t.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } });
  assert.deepEqual(outline(readReport(text))[0].children[0].range, t.range);
});

test('inserting a missing part into a document with CR-only line breaks uses CR and swallows no line', () => {
  const text = '一、总体情况\r概述。\r';
  const { report, findings } = check(text);
  const f = findings.find((x) => x.ruleId === 'section-missing' && x.message.args.ordinal === '二')!;
  const [fix] = quickFixes(report, f);
  const after = applyEdits(text, fix.edits);
  assert.ok(after.startsWith(`${text}\r二、主动公开政府信息情况\r`), JSON.stringify(after.slice(0, 40)));
  assert.ok(!after.includes('\n'));
});

test('HTML: a missing part goes after the previous part\'s table and paragraph close, a missing table after its heading\'s element', () => {
  const html = '<html><body><p>一、总体情况</p><p>概述。</p><h2><b>三、收到和处理政府信息公开申请情况</b></h2><p>无。</p>'
    + '<p>四、政府信息公开行政复议、行政诉讼情况</p>\n<table>\n<tr><td>行政复议</td></tr>\n<tr><td>0</td></tr>\n</table>\n'
    + '<p>六、其他需要报告的事项</p></body></html>';
  const { report, findings } = check(html);
  const fixOf = (rule: string, ordinal: string | number) => quickFixes(report, findings.find((f) => f.ruleId === rule && f.message.args.ordinal === ordinal)!)[0].edits[0];
  // Not inside <p>概述。</p> (before its </p>), but after it.
  assert.ok(html.slice(0, fixOf('section-missing', '二').start).endsWith('<p>概述。</p>'));
  // Not inside the table (before </table>), but after it.
  assert.ok(html.slice(0, fixOf('section-missing', '五').start).endsWith('</tr>\n</table>'));
  // The table of part 三 right after its heading's </h2>, not at the end of the one-line document.
  assert.ok(html.slice(0, fixOf('table-missing', 3).start).endsWith('三、收到和处理政府信息公开申请情况</b></h2>'));
  for (const f of findings.filter((x) => x.ruleId === 'section-missing' || x.ruleId === 'table-missing')) {
    const after = check(applyEdits(html, quickFixes(report, f)[0].edits));
    assert.ok(!after.findings.some((g) => g.ruleId === f.ruleId && g.message.args.ordinal === f.message.args.ordinal), `${f.ruleId} ${f.message.args.ordinal}`);
  }
});

test('HTML cut off inside a table, a tag, a comment or a script: no part insertion is offered (it could only land inside them)', () => {
  for (const html of [
    '<p>一、总体情况</p>\n<p>二、主动公开政府信息情况</p>\n<table>\n<tr><td>规章</td><td>0</td></tr>\n<tr><td',
    '<p>一、总体情况</p>\n<table>\n<tr><td>0</td></tr>\n',
    // A comment or script opened in a cell and never closed: the rest, </table> included, is hidden.
    '<p>一、总体情况</p>\n<table>\n<tr><td>规章</td><td><!--0</td></tr>\n</table>\n',
    '<p>一、总体情况</p>\n<table>\n<tr><td>规章</td><td><SCRIPT>0</td></tr>\n</table>\n',
  ]) {
    const { report, findings } = check(html);
    const missing = findings.filter((f) => f.ruleId === 'section-missing');
    assert.ok(missing.length >= 4);
    for (const f of missing) assert.deepEqual(quickFixes(report, f), [], `${f.message.args.ordinal}`);
  }
});

test('recompute with a result row missing: (七)总计 still gets its row total, and the table action is offered only where it settles the finding', () => {
  const v = (row: string, col: string) => (['newReceived', 'granted'].includes(row) && ['naturalPerson', 'total'].includes(col)) || (row === 'total' && col === 'naturalPerson') ? '2' : '0';
  const text = `三、收到和处理政府信息公开申请情况\n${renderTable('applications', '2021', 'pipeRows', v)}`.split('\n').filter((l) => !l.startsWith('2.重复申请')).join('\n');
  const { report, findings } = check(text);
  const arithmetic = (fs: typeof findings) => fs.filter((f) => f.data).map((f) => `${f.ruleId}/${f.data!.row}/${f.data!.column}`);
  // (七)总计 fails its row total in the 总计 column: the balance of that column is not reported.
  assert.deepEqual(arithmetic(findings), ['row-total/total/total']);
  // Fix-all settles it, and the balance then holds.
  const all = fixAll(report, findings)!;
  assert.deepEqual(arithmetic(check(applyEdits(text, all.edits)).findings), []);
  // Every offered action removes the diagnostic it is offered for.
  for (const f of findings.filter((x) => x.data)) {
    for (const a of quickFixes(report, f)) {
      const left = arithmetic(check(applyEdits(text, a.edits)).findings);
      assert.ok(!left.includes(`${f.ruleId}/${f.data!.row}/${f.data!.column}`), `${a.title.template.en} for ${f.ruleId}`);
    }
  }
});

test('HTML with thousands of <script> tags, stray "<" or unclosed "<p" reads in linear time', () => {
  const cases = {
    scripts: `<p>一、总体情况</p>${'<script>x</script>'.repeat(20000)}`, // was ~17 s: the whole text lower-cased per tag
    strayLt: `<p>x</p>${'<a'.repeat(50000)}`, // was ~6 s: each "<" scanned to the end for a ">"
    quoted: `<p>x</p>${'<a "'.repeat(50000)}`,
    unclosedP: '<p'.repeat(50000), // was ~7 s in looksLikeHtml
  };
  for (const [name, text] of Object.entries(cases)) {
    const t0 = performance.now();
    check(text);
    assert.ok(performance.now() - t0 < 2000, `${name}: ${(performance.now() - t0).toFixed(0)} ms`);
  }
});

test('HTML with thousands of nested or unclosed tables, cells, blank cells and menus reads in linear time', () => {
  const cases: Record<string, (n: number) => string> = {
    nestedOpen: (n) => '<table><tr><td>'.repeat(n),
    nestedClosed: (n) => `${'<table><tr><td>'.repeat(n)}x${'</td></tr></table>'.repeat(n)}`,
    unclosedCells: (n) => `<table><tr>${'<td><span><p>'.repeat(n)}`,
    deepBlank: (n) => `<table><tr><td>${'<span>'.repeat(n)}&nbsp;${'</span>'.repeat(n)}</td></tr></table>`,
    wordBlanks: (n) => `<table><tr>${'<td><p><o:p>&nbsp;</o:p></p></td>'.repeat(n)}</tr></table>`,
    unclosedMenus: (n) => `<p>一、总体情况</p>${'<select><option>x'.repeat(n)}`,
  };
  for (const [name, make] of Object.entries(cases)) {
    const text = make(40000);
    const t0 = performance.now();
    check(text);
    assert.ok(performance.now() - t0 < 2000, `${name}: ${(performance.now() - t0).toFixed(0)} ms`);
  }
});

test('HTML: a menu (<select>) never closed hides only its tag, one closed hides its options', () => {
  const prose = (html: string) => readReport(html).prose.map((p) => p.text);
  const menu = '<p>正文</p><select><option>二、主动公开政府信息情况</option></select><p>结尾</p>';
  assert.deepEqual(prose(menu), ['正文', '结尾']);
  assert.deepEqual(readReport(menu).sections, []);
  assert.deepEqual(prose('<p>正文</p><select><p>结尾</p>'), ['正文', '结尾']);
});

test('the blank-cell fix on HTML cells written one per line writes where the text goes, not over the <td> (repro html-blank-cell)', () => {
  const v = (row: string, col: string) => (row === 'newReceived' && (col === 'commercial' || col === 'research') ? '' : '0');
  const table = renderTable('applications', '2021', 'html', v).replace(/<td>/g, '\n  <td>').replace(/<\/tr>/g, '\n</tr>')
    .replace('<td>&nbsp;</td>', '<td>\n    <p align="center"><span><o:p> </o:p></span></p>\n  </td>');
  const html = `<p>三、收到和处理政府信息公开申请情况</p>\n${table}`;
  const { report, findings } = check(html);
  const blanks = findings.filter((x) => x.ruleId === 'cell-blank');
  assert.equal(blanks.length, 1, 'one diagnostic for the row with its two blank cells');
  for (const f of blanks) {
    for (const e of quickFixes(report, f).flatMap((a) => a.edits)) assert.ok(!/[<>]/.test(html.slice(e.start, e.end)), `replaces ${JSON.stringify(html.slice(e.start, e.end))}`);
  }
});

test('HTML: text after a <script> is read from where the script ends, also after characters that lower-case longer (İ)', () => {
  const prose = readReport('<p>İİİ</p><script>var a = "x";</script><p>正文</p>').prose.map((p) => p.text);
  assert.deepEqual(prose, ['İİİ', '正文']);
});

test('a blank cell the table keeps makes its line part of the table, not prose (a fix writes into it)', () => {
  const text = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议 |', ...Array(14).fill('0 |'), '||<script>x</script>|', '五、存在的主要问题及改进情况'].join('\n');
  const { report, findings } = check(text);
  const blank = findings.find((f) => f.ruleId === 'cell-blank')!;
  assert.equal(blank.range.start.line, 16);
  assert.ok(!report.prose.some((p) => p.range.start.line === 16), 'the line of the blank cell is not prose');
  assert.equal(report.tables.reviewLitigation!.endLine, 17);
});

test('stdio framing: a malformed header or body costs only that message, split anywhere across reads', async () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const ok = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'x', params: { text: '年报\r\nContent-Length: 5' } });
  const input = [
    frame(ok(1)),
    'garbage without a colon\r\n\r\n', // used to stop vscode-jsonrpc's reader for good
    frame(ok(2)),
    'Content-Length: abc\r\n\r\n', // used to hold back the next message
    frame(ok(3)),
    frame('{not json'),
    frame('"a string"'),
    `Content-Length: 9999\r\n\r\n{"jsonrpc":"2.0"`, // longer than the body actually sent
    frame(ok(4)),
    `xyz${frame(ok(5))}`, // garbage before a header
    `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${frame(ok(6))}`,
  ].join('');
  const bytes = Buffer.from(input, 'utf8');
  for (const size of [bytes.length, 1, 7, 64]) {
    const logs: string[] = [];
    const repair = new FrameRepair((m) => logs.push(m));
    const out: Buffer[] = [];
    repair.on('data', (d: Buffer) => out.push(d));
    for (let i = 0; i < bytes.length; i += size) repair.write(bytes.subarray(i, i + size));
    await new Promise((resolve) => setImmediate(resolve));
    const all = Buffer.concat(out);
    const ids: number[] = [];
    for (let at = 0; at < all.length;) {
      const end = all.indexOf('\r\n\r\n', at);
      const length = Number(/^Content-Length: (\d+)$/.exec(all.subarray(at, end).toString('ascii'))![1]);
      ids.push(JSON.parse(all.subarray(end + 4, end + 4 + length).toString('utf8')).id);
      at = end + 4 + length;
    }
    assert.deepEqual(ids, [1, 2, 3, 4, 5, 6], `read ${size} bytes at a time`);
    assert.equal(logs.length, 6, logs.join('\n'));
  }
});

test('`nianbao check … | head`: the CLI stops quietly when its reader goes away, with exit 3 (no EPIPE stack trace, no message)', async () => {
  const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
  // 400 files (one file named 400 times is checked once): far more output than a pipe holds.
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-head-'));
  const files = Array.from({ length: 400 }, (_, i) => join(dir, `r${i}.txt`));
  for (const f of files) copyFileSync(seedPath('004'), f);
  const child = spawn(process.execPath, [cli, 'check', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  rmSync(dir, { recursive: true, force: true });
  assert.doesNotMatch(stderr, /EPIPE|Unhandled|at /, stderr);
  assert.equal(stderr, '');
  assert.equal(code, 3, 'exit 3: the results were not all written (not 0 or 1, which would claim they were)');
});

test('fix-all never derives 结转下年度继续办理: its blanks stay for the user, and a total with a blank part is not written', () => {
  const blank = new Set(['granted/research', 'granted/total', 'total/research', 'total/total', 'carriedForward/legalService', 'carriedForward/total']);
  const v = (row: string, col: string) => (blank.has(`${row}/${col}`) ? '' : row === 'newReceived' && (col === 'legalService' || col === 'total') ? '4' : '0');
  const text = `三、收到和处理政府信息公开申请情况\n${renderTable('applications', '2021', 'html', v)}`;
  const r1 = check(text);
  assert.equal(fixAll(r1.report, r1.findings), null);
  const cf = r1.report.tables.applications!.rows.find((r) => r.key === 'carriedForward')!;
  assert.deepEqual(cf.cells.map((c) => c.value), [0, 0, 0, 0, null, 0, null]);
});

test('an HTML document over the size limit gets one diagnostic and is not turned into virtual lines', async () => {
  const { tooLarge } = await import('../../server/src/lsp/large');
  const html = '<html><body><p>一、总体情况</p><table><tr><td>1</td></tr></table>' + '<p>说明文字。</p>'.repeat(120_000) + '</body></html>';
  const r = tooLarge(html, { rules: {}, formatVersion: 'auto', maxFileSize: 1, blankAsZero: false })!;
  assert.deepEqual(r.findings.map((f) => f.ruleId), ['file-too-large']);
  assert.match(render(r.findings[0].message, 'zh-CN'), /且为 HTML，未作检查/);
});

test('the label caches stay bounded in characters: typing into a long line in a table keeps no copy of it per keystroke (repro cache_growth)', async () => {
  const { cachedChars, fold, labelKey } = await import('../../server/src/core/text/normalize');
  const line = '说明'.repeat(5000);
  for (let k = 0; k < 2000; k++) {
    const text = '注'.repeat(k) + line;
    fold(text);
    labelKey(text);
    labelKey(text, false);
  }
  assert.ok(cachedChars() <= 3 * (1 << 20), `${cachedChars()} characters cached`);
  // Labels are still cached: the same short label gives the same key without growing the cache.
  const before = cachedChars();
  labelKey('一、本年新收政府信息公开申请数量');
  const once = cachedChars();
  labelKey('一、本年新收政府信息公开申请数量');
  assert.equal(cachedChars(), once);
  assert.ok(once >= before);
});

test('the label caches keep nothing of the texts their labels were cut from: 60 paragraphs of 1 MB, a label cut from each', async () => {
  const { fold, labelKey } = await import('../../server/src/core/text/normalize');
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const keys: string[] = [];
  for (let i = 0; i < 60; i++) {
    // Flat, as a folded paragraph is; the cut is 13 characters or more, which V8 keeps as a view of it.
    const paragraph = `${i}年度，本机关紧紧围绕贯彻落实政务公开工作要点。`.repeat(22_000).split('').join('');
    const cut = paragraph.slice(3, 150);
    keys.push(labelKey(cut), labelKey(cut, false), fold(paragraph.slice(1, 120)));
  }
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  assert.equal(keys.length, 180);
  // Each paragraph is 1 MB: kept by the caches, they would be 60 MB.
  assert.ok(grown < 10e6, `the heap grew by ${(grown / 1e6).toFixed(1)} MB`);
});

test('lone "|" lines between a row label and its numbers are read in linear time (repro quadratic_leading_pipes)', async () => {
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(seedPath('000'), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const text = (n: number) => [...lines.slice(0, at + 1), ...Array<string>(n).fill('|'), ...lines.slice(at + 1)].join('\n');
  const best = (n: number) => {
    const t = text(n);
    let min = Infinity;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      check(t);
      min = Math.min(min, performance.now() - t0);
    }
    return min;
  };
  best(20_000);
  // Four times the lines: about four times the time when linear, sixteen when quadratic (generous for a busy machine).
  const ratio = best(160_000) / best(40_000);
  assert.ok(ratio < 8, `four times the filler lines multiplies the time by ${ratio.toFixed(2)}`);
});

test('a number Word split over two runs (`<font>1</font>…<font>3</font>`): a fix writes into the runs and keeps the markup between them', () => {
  const v = (row: string, col: string) => (row === 'newReceived' && col === 'naturalPerson' ? '12' : row === 'newReceived' && col === 'total' ? '13' : '0');
  const split = (n: string) => `<td><span style="font-family:仿宋_GB2312"><font face="仿宋_GB2312">${n[0]}</font></span><span><font>${n.slice(1)}</font></span></td>`;
  // 本年新收's 总计 written 13 as '1' + '3' in two runs; its applicants add up to 12.
  const table = `三、收到和处理政府信息公开申请情况\n${renderTable('applications', '2021', 'html', v)}`;
  const text = table.replace('<td>13</td>', split('13'));
  const { report, findings } = check(text);
  const row = findings.find((f) => f.ruleId === 'row-total')!;
  assert.deepEqual(row.data && [row.data.row, row.data.expected, row.data.actual], ['newReceived', 12, 13]);
  const [own] = quickFixes(report, row);
  assert.deepEqual(own.edits.map((e) => [text.slice(e.start, e.end), e.newText]), [['1', '12'], ['3', '']]);
  const after = applyEdits(text, own.edits);
  assert.equal(after.replace(/\d/g, ''), text.replace(/\d/g, ''), 'every tag stays');
  assert.equal(check(after).report.tables.applications!.rows.find((r) => r.key === 'newReceived')!.cells[6].value, 12);
  // A negative total split over runs ('-' + '2'): fix-all writes the sum into the first run and empties the second.
  const neg = table.replace('<td>13</td>', split('-2'));
  const r = check(neg);
  const edits = fixAll(r.report, r.findings)!.edits;
  assert.deepEqual(edits.map((e) => [neg.slice(e.start, e.end), e.newText]), [['-', '12'], ['2', '']]);
});
