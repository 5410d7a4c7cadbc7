// The export (issue 19): the document made from a report, the web page read back by the reader, the
// Word file's merges and text (read back with mammoth), blanks and problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { check, readReport } from '../../server/src/core';
import { planExport, type FilledTable } from '../../server/src/core/export/document';
import { writeHtml } from '../../server/src/core/export/html';
import { officialPunctuation } from '../../server/src/core/export/punctuation';
import { renderReport } from '../../server/src/core/render/report';
import { writeDocx } from '../../server/src/export/docx';
import { exportSamples, modelCells } from '../helpers/exportSamples';
import { seed } from '../helpers/fixtures';
import { unzip } from '../helpers/zip';

const KINDS = ['active', 'applications', 'reviewLitigation'] as const;
const tablesOf = (blocks: ReturnType<typeof planExport>['document']['blocks']) => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

test('seed 003: the six parts in order, the three tables filled from the model, nothing in the way', () => {
  const plan = planExport(seed('003'));
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.blanks, 0);
  const headings = plan.document.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
  assert.deepEqual(headings, ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题和改进计划', '六、其他需要报告的事项']);
  const kinds = plan.document.blocks.map((b) => (b.kind === 'table' ? b.table.kind : b.kind === 'heading' ? b.section : null)).filter(Boolean);
  assert.deepEqual(kinds, ['overview', 'activeDisclosure', 'active', 'applications', 'applications', 'reviewLitigation', 'reviewLitigation', 'problems', 'otherMatters']);
  const applications = tablesOf(plan.document.blocks).find((t) => t.kind === 'applications')!;
  const value = (row: string, column: string) => applications.layout.rows.flat().find((c) => c.key?.row === row && c.key.column === column)!.text;
  assert.equal(value('newReceived', 'total'), '29');
  assert.equal(value('denied.stateSecret', 'commercial'), '2');
  // A title named only inside the preamble's sentence stays there: no title is invented.
  assert.equal(plan.document.blocks.some((b) => b.kind === 'title'), false);
  assert.match(plan.document.blocks[0].kind === 'paragraph' ? plan.document.blocks[0].text : '', /^根据《中华人民共和国政府信息公开条例》（以下简称《条例》）/);
});

test('the problems that stop an export: every error, and a table whose numbers could not be read', () => {
  assert.deepEqual(planExport(seed('004')).problems.map((f) => f.ruleId), ['row-total', 'row-total', 'row-total']);
  assert.deepEqual(planExport(seed('002')).problems.map((f) => f.ruleId).sort(), ['column-total', 'row-total', 'table-missing', 'table-missing']);
  const glued = `三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量21710000218\n`;
  assert.ok(planExport(glued).problems.some((f) => f.ruleId === 'table-unreadable'));
  // A rule the user turned off is not a problem; a warning never is.
  assert.deepEqual(planExport(seed('004'), { severity: { 'row-total': 'off' } }).problems, []);
});

test('seed 002: a title on a line of its own is the title block; its line is not repeated as a paragraph', () => {
  const { blocks } = planExport(seed('002')).document;
  assert.deepEqual(blocks[0], { kind: 'title', text: '山西省退役軍人事務廳2019年政府信息公開年度報告' });
  assert.notEqual(blocks[1].kind === 'paragraph' && blocks[1].text, blocks[0].kind === 'title' && blocks[0].text);
});

test('blank cells are counted and written blank, or 0 only when asked', () => {
  const text = renderReport({ issuer: '某县某局', year: 2023, value: (row, column) => (row === 'granted' && column === 'research' ? '' : '0') });
  const blank = planExport(text);
  const zero = planExport(text, { blankAsZero: true });
  assert.equal(blank.blanks, 1);
  assert.equal(zero.blanks, 1);
  const cell = (p: typeof blank) => tablesOf(p.document.blocks).find((t) => t.kind === 'applications')!.layout.rows.flat().find((c) => c.key?.row === 'granted' && c.key.column === 'research')!.text;
  assert.equal(cell(blank), '');
  assert.equal(cell(zero), '0');
});

test('the web page reads back through the checker with every value in place (seeds and complete corpus reports)', () => {
  for (const s of exportSamples()) {
    const html = writeHtml(planExport(s.text).document);
    const original = readReport(s.text);
    const back = readReport(html);
    assert.ok(back.html, s.name);
    for (const kind of KINDS) assert.deepEqual(modelCells(back, kind), modelCells(original, kind), `${s.name} ${kind}`);
    assert.deepEqual(back.sections.map((x) => x.key), original.sections.map((x) => x.key), s.name);
    assert.doesNotMatch(html, /<script|<link|<img|src=|href=|url\(/i, s.name);
  }
  // A clean report exports to a page that is as clean.
  assert.deepEqual(check(writeHtml(planExport(seed('001')).document)).findings.filter((f) => f.severity === 1), []);
});

test('the web page escapes the report\'s text', () => {
  const html = writeHtml({ title: '</title><script>x</script>', blocks: [{ kind: 'paragraph', text: '<script>alert（1）</script> & "x"' }] });
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /<title>&lt;\/title&gt;&lt;script&gt;x&lt;\/script&gt;<\/title>/);
  assert.match(html, /<p>&lt;script&gt;alert（1）&lt;\/script&gt; &amp; &quot;x&quot;<\/p>/);
});

test('official punctuation: ASCII marks beside Chinese text become full-width; numbers and Latin text keep theirs', () => {
  assert.equal(officialPunctuation('(一)组织领导,共3件;其中:'), '（一）组织领导，共3件；其中：');
  assert.equal(officialPunctuation('邮编:276001)。'), '邮编：276001）。');
  assert.equal(officialPunctuation('1,234件 10:30 version (a) of b'), '1,234件 10:30 version (a) of b');
});

/** `w:gridSpan` and `w:vMerge` of each table of document.xml, against the layout's spans. */
function merges(xml: string) {
  return xml.split('<w:tbl>').slice(1).map((t) => ({
    spans: [...t.matchAll(/<w:gridSpan w:val="(\d+)"\/>/g)].map((m) => Number(m[1])).filter((n) => n > 1).sort((a, b) => a - b),
    restart: (t.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length,
    continued: (t.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length,
  }));
}
function expectedMerges(t: FilledTable) {
  const cells = t.layout.rows.flat();
  return {
    // A merged-down cell repeats its gridSpan in each row it covers.
    spans: cells.flatMap((c) => (c.colSpan > 1 ? Array(c.rowSpan).fill(c.colSpan) : [])).sort((a, b) => a - b),
    restart: cells.filter((c) => c.rowSpan > 1).length,
    continued: cells.reduce((n, c) => n + c.rowSpan - 1, 0),
  };
}

test('the Word file: a valid package whose tables carry the official merges, and whose text (mammoth) holds every heading, paragraph, label and number in order', async () => {
  for (const s of exportSamples()) {
    const { document } = planExport(s.text);
    const bytes = await writeDocx(document);
    const files = unzip(bytes);
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']) assert.ok(files.has(part), `${s.name}: ${part}`);
    const xml = files.get('word/document.xml')!.toString('utf8');
    const tables = tablesOf(document.blocks);
    assert.deepEqual(merges(xml), tables.map(expectedMerges), s.name);
    const page = /<w:pgSz [^>]*>/.exec(xml)?.[0] ?? '';
    assert.ok(page.includes('w:w="11906"') && page.includes('w:h="16838"'), `A4: ${page}`);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const paragraphs = value.split('\n').map((l) => l.trim()).filter(Boolean);
    const expected = document.blocks.flatMap((b) => (b.kind === 'table' ? b.table.layout.rows.flat().map((c) => c.text) : [b.text])).filter(Boolean);
    assert.deepEqual(paragraphs, expected, s.name);
    for (const kind of KINDS) {
      for (const [key, text] of modelCells(readReport(s.text), kind)) {
        const cell = tables.find((t) => t.kind === kind)!.layout.rows.flat().find((c) => c.key && `${c.key.row}/${c.key.column}` === key)!;
        assert.equal(cell.text, text, `${s.name} ${kind} ${key}`);
      }
    }
  }
});

test('the Word file: the title, part headings and numbered leads are Word headings (what an import reads as structure)', async () => {
  const { document } = planExport(seed('002'));
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(await writeDocx(document)) });
  assert.match(value, /<h1>一、總體情況<\/h1>/);
  assert.equal((value.match(/<h1>/g) ?? []).length, 6);
  assert.match(value, /<table>/);
});
