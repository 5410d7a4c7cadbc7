import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check, readReport, toDiagnostic, type Report } from '../../server/src/core';
import { applyEdits, quickFixes } from '../../server/src/core/service/actions';
import { renderReport } from '../../server/src/core/render/report';
import type { CellText } from '../../server/src/core/render/tables';
import { htmlToLines } from '../../server/src/core/text/html';
import { seed } from '../helpers/fixtures';
import { HTML_TRANSFORMS, layoutPage, paragraphs, wordExport } from '../helpers/htmlShapes';

/** Every table row's cells: the value, or what is wrong with the cell. */
function cellsOf(rep: Report): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of Object.values(rep.tables)) {
    for (const r of t?.rows ?? []) if (r.key) out[`${t!.kind}.${r.key}`] = r.cells.map((c) => c.value ?? c.problem ?? c.text);
  }
  return out;
}

const findingsOf = (text: string) => check(text).findings.map((f) => `${f.ruleId} ${JSON.stringify(f.data ?? null)}`);

/** A seed's numbers as a value function for the renderer (blank where the seed has a blank). */
function seedCells(rep: Report): CellText {
  const m = new Map<string, string>();
  for (const t of Object.values(rep.tables)) {
    for (const r of t?.rows ?? []) for (const c of r.cells) if (r.key && c.column) m.set(`${r.key}/${c.column}`, c.text);
  }
  return (row, col) => m.get(`${row}/${col}`) ?? '0';
}

/** All relations hold, every row differs (a shifted cell shows). */
const consistent: CellText = (row, col) => {
  const parts: Record<string, number[]> = {
    newReceived: [5, 2, 1, 0, 1, 0], carriedOver: [1, 0, 0, 0, 0, 1], granted: [3, 1, 0, 0, 0, 0],
    partiallyGranted: [1, 1, 0, 0, 0, 0], 'unable.notHeld': [1, 0, 1, 0, 0, 0], total: [5, 2, 1, 0, 0, 0],
    carriedForward: [1, 0, 0, 0, 1, 1],
  };
  const cols = ['naturalPerson', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'];
  if (row === 'litigationDirect') return { upheld: '1', corrected: '2', otherResult: '0', pending: '1', total: '4' }[col] ?? '0';
  if (row === 'review' || row === 'litigationAfterReview') return { upheld: '2', corrected: '0', otherResult: '1', pending: '0', total: '3' }[col] ?? '0';
  const p = parts[row] ?? [0, 0, 0, 0, 0, 0];
  if (col === 'total') return String(p.reduce((a, b) => a + b, 0));
  const i = cols.indexOf(col);
  if (i >= 0) return String(p[i]);
  return col === 'feeAmount' ? '1.25' : '3';
};

test('HTML as sites publish it (Word export, layout table, merged headers) reads to the same numbers, with no finding', () => {
  for (const year of [2023, 2020]) {
    const html = renderReport({ issuer: '某县某局', year, layout: 'html', value: consistent });
    const reference = cellsOf(readReport(html));
    for (const [name, shape] of Object.entries(HTML_TRANSFORMS)) {
      const text = shape(html);
      const { report, findings } = check(text);
      assert.deepEqual(findings.map((f) => toDiagnostic(f).message), [], `${name} ${year}`);
      assert.equal(report.sections.length, 6, `${name} ${year}`);
      assert.deepEqual(cellsOf(report), reference, `${name} ${year}`);
    }
  }
});

test('each seed rendered in every HTML shape reads to the seed\'s numbers and findings', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    const rep = readReport(seed(prefix));
    const version = rep.tables.applications?.version ?? rep.format.version ?? '2021';
    const html = renderReport({ issuer: '某县某局', year: version === '2019' ? 2020 : 2023, version, layout: 'html', value: seedCells(rep) });
    const reference = cellsOf(readReport(html));
    const findings = findingsOf(html);
    for (const [name, shape] of Object.entries(HTML_TRANSFORMS)) {
      const text = shape(html);
      assert.deepEqual(cellsOf(readReport(text)), reference, `seed ${prefix} ${name}`);
      assert.deepEqual(findingsOf(text), findings, `seed ${prefix} ${name}`);
    }
  }
});

test('a table inside a layout cell: its rows are lines, the cell\'s prose is block lines, the page around it no table', () => {
  const page = layoutPage('<p>某县某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文。</p><table><tr><td>规章</td><td>1</td></tr></table><p>五、存在的主要问题及改进情况</p>');
  const lines = htmlToLines(page).map((l) => l.text);
  assert.ok(lines.includes('一、总体情况') && lines.includes('正文。') && lines.includes('五、存在的主要问题及改进情况'));
  assert.ok(lines.includes('规章|1|'));
  assert.ok(!lines.some((l) => l.length > 200), 'no giant line');
  assert.ok(!lines.some((l) => /二、主动公开|三、收到|四、政府/.test(l)), 'menus, scripts and comments give no text');
  const rep = readReport(page);
  assert.deepEqual(rep.sections.map((s) => s.ordinal), [1, 5]);
  assert.deepEqual(Object.values(rep.tables).filter(Boolean), []);
});

test('a Word-exported cell is one cell: <p> inside it, labels split over spans, <o:p> blanks', () => {
  const row = '<table><tr><td><p><span><font>申请人情</font></span><span>况</span><o:p></o:p></p><p>续</p></td>'
    + '<td>\n  <p><span><o:p>&nbsp;</o:p></span></p>\n  </td><td><p><span>26</span><o:p></o:p></p></td></tr></table>';
  const [line] = htmlToLines(row);
  assert.deepEqual(line.text.split('|').map((c) => c.trim()), ['申请人情况 续', '', '26', '']);
});

test('the lines of a page hold their source spans as views of two arrays of the page, each line its own units', () => {
  const page = layoutPage('<p>某县某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文&amp;<b>加粗</b>。</p><table><tr><td>规章</td><td>1</td></tr></table>');
  const lines = htmlToLines(page);
  assert.ok(lines.length > 3);
  // Not two arrays a line (each its own allocation outside the heap): one buffer for all lines' starts, one for their ends.
  assert.equal(new Set(lines.map((l) => l.starts!.buffer)).size, 1);
  assert.equal(new Set(lines.map((l) => l.ends!.buffer)).size, 1);
  for (const l of lines) {
    assert.equal(l.starts!.length, l.text.length);
    assert.equal(l.ends!.length, l.text.length);
    assert.equal(l.offset, l.starts![0]);
    // Each unit's span is where it is written: a character itself, an entity the whole of it.
    for (let k = 0; k < l.text.length; k++) {
      const written = page.slice(l.starts![k], l.ends![k]);
      assert.ok(written === l.text[k] || (written === '&amp;' && l.text[k] === '&') || l.starts![k] === l.ends![k], `${JSON.stringify(l.text)} at ${k}: ${JSON.stringify(written)}`);
    }
  }
});

test('a blank-cell fix writes into the HTML cell where its text goes and keeps every tag', () => {
  // Blank where nothing happened (0), so that writing 0 keeps every row total: a fill against a total is not offered.
  const blank = (row: string, col: string) => (['commercial', 'research'].includes(col) && row !== 'total' && consistent(row, col) === '0' ? '' : consistent(row, col));
  const withBlanks = (row: string, col: string) => (col === 'commercial' || col === 'research' ? blank(row, col) : consistent(row, col));
  const base = renderReport({ issuer: '某县某局', year: 2023, layout: 'html', value: withBlanks });
  const shapes = {
    plain: base,
    tdOnLines: base.replace(/<td>/g, '\n  <td>').replace(/<\/tr>/g, '\n</tr>'),
    word: wordExport(paragraphs(base)),
    site: HTML_TRANSFORMS.sitePage(base),
    repro: readFileSync(`${__dirname}/../fixtures/html/blank-cell.html`, 'utf8'),
  };
  // Every tag and every letter stays; only digits and white space (an &nbsp; that held the place) may change.
  const skeleton = (t: string) => t.replace(/\d|&nbsp;|\s/g, '');
  for (const [name, text] of Object.entries(shapes)) {
    const { report, findings } = check(text);
    const blanks = findings.filter((f) => f.ruleId === 'cell-blank');
    assert.ok(blanks.length > 0, name);
    for (const f of blanks) {
      const fix = quickFixes(report, f).find((a) => a.preferred) ?? quickFixes(report, f)[0];
      const after = applyEdits(text, fix.edits);
      assert.ok(skeleton(after) === skeleton(text), `${name}: the fix of ${JSON.stringify(f.range)} changed markup: ${JSON.stringify(fix.edits)}`);
      assert.equal(after.split('<td').length, text.split('<td').length, name);
      const left = check(after).findings.filter((g) => g.ruleId === 'cell-blank').length;
      assert.ok(left < blanks.length, `${name}: the fixed cell reads as filled`);
    }
  }
});

test('the reader is linear in a page of nested tables (doubling the page at most about doubles the time)', () => {
  const html = HTML_TRANSFORMS.sitePage(renderReport({ issuer: '某县某局', year: 2023, layout: 'html', value: consistent }));
  const body = /<td class="main" valign="top">([\s\S]*)<\/td><\/tr>/.exec(html)![1];
  const page = (n: number) => layoutPage(`<table><tr><td>${body.repeat(n)}</td></tr></table>`);
  const [small, large] = [page(20), page(40)];
  const once = (read: (text: string) => unknown, text: string) => {
    const t0 = performance.now();
    read(text);
    return performance.now() - t0;
  };
  for (const [name, read] of [['htmlToLines', htmlToLines], ['check', check]] as const) {
    // Interleaved, best of several: both sizes run under the same load (the suite runs in parallel).
    let [a, b] = [Infinity, Infinity];
    for (let k = 0; k < 6; k++) {
      a = Math.min(a, once(read, small));
      b = Math.min(b, once(read, large));
    }
    assert.ok(b / a < 3, `${name}: doubling the page took ${(b / a).toFixed(2)}× the time`);
  }
});
