// Importing received reports (core/import): compatibility characters, punctuation, HTML pages and Word
// files built from the seeds read back to the same model, PDF text runs rebuilt into rows. The PDF files
// printed by Chromium are in test/browser/import.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { foldCompatibility } from '../../server/src/core/import/fold';
import { fullWidthPunctuation } from '../../server/src/core/import/punctuation';
import { importHtml } from '../../server/src/core/import/html';
import { importPdf, type PdfTextItem } from '../../server/src/core/import/pdf';
import { looksLikeHtml } from '../../server/src/core/text/html';
import { allShapes, fixedModel } from '../helpers/layouts';
import { docxOf, seedHtml } from '../helpers/documents';
import { assertSameReport } from '../helpers/importModel';
import { CORPUS_DIR, SEEDS_DIR } from '../helpers/fixtures';

const SEEDS = SEEDS_DIR;
const CORPUS = CORPUS_DIR;
const seeds = () => readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(join(SEEDS, f), 'utf8')] as const);
const htmlShapes = () => (['2019', '2021'] as const).flatMap((v) => Object.entries(allShapes())
  .map(([name, shape]) => [`${name} ${v}`, shape(fixedModel(v))] as const)
  .filter(([, text]) => looksLikeHtml(text)));

test('compatibility characters fold to what was typed; punctuation is left alone', () => {
  assert.equal(foldCompatibility('⼀、总体情况 ⼆ ⽅ ⻓ 丽 １２３ＡＢ（一）：'), '一、总体情况 二 方 长 丽 123AB（一）：');
});

test('ASCII punctuation in Chinese text becomes full-width; numbers and Latin text keep theirs', () => {
  assert.equal(fullWidthPunctuation('(一)予以公开'), '（一）予以公开');
  assert.equal(fullWidthPunctuation('(二)部分公开(区分处理的,只计这一情形,不计其他情形)'), '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  assert.equal(fullWidthPunctuation('情况:共1,234件,10:30受理'), '情况：共1,234件，10:30受理');
  assert.equal(fullWidthPunctuation('see (a, b): c'), 'see (a, b): c');
});

test('a saved web page (corpus 103) and every HTML shape import to the same report, every number kept', () => {
  const cases = [['103', readFileSync(join(CORPUS, '103_shuyang-drc-2023-webpage.html'), 'utf8')] as const, ...htmlShapes()];
  for (const [name, html] of cases) {
    const md = importHtml(html);
    assert.equal(looksLikeHtml(md), false, name);
    assertSameReport(html, md, name);
  }
});

test('imported text never turns into markup: no HTML, no silencing comment', () => {
  const md = importHtml('<p>&lt;table&gt; &lt;!-- nianbao-disable --&gt;</p>');
  assert.equal(md, '＜table> ＜！-- nianbao-disable -->\n');
});

test('Word files built from the seeds and the HTML shapes import (mammoth) to the same report', async () => {
  for (const [name, html] of [...seeds().map(([f, t]) => [f, seedHtml(t)] as const), ...htmlShapes()]) {
    const { value } = await mammoth.convertToHtml({ buffer: await docxOf(html) });
    assertSameReport(html, importHtml(value), `${name} (docx)`);
  }
});

/** Text runs as a PDF page holds them: a line per row, runs at the given x (12 pt type, A4). */
function page(rows: (string | [string, number][])[], top = 780): PdfTextItem[] {
  return rows.flatMap((row, i) => (typeof row === 'string' ? [[row, 90] as [string, number]] : row)
    .map(([str, x]) => ({ str, x, y: top - i * 24, width: str.length * 12, fontSize: 12 })));
}

test('PDF text runs: headers, footers and page numbers dropped, wrapped lines joined, rows rebuilt, Kangxi radicals folded', () => {
  const long = '本年度我局坚持以公开为常态、不公开为例外，认真落实政府信息公开条例的各项要求，不断'; // runs to the margin
  const pages = [
    page(['某县某局2023年政府信息公开年报', '某县某局2023年政府信息公开工作年度报告', '⼀、总体情况', long, '提升公开质量。', '— 1 —']),
    page(['某县某局2023年政府信息公开年报', '二、主动公开政府信息情况', [['信息内容', 90], ['本年制发件数', 220], ['本年废止件数', 340], ['现行有效件数', 460]],
      [['规章', 90], ['0', 220], ['0', 340], ['2', 460]], '— 2 —']),
  ];
  assert.equal(importPdf(pages), [
    '某县某局2023年政府信息公开工作年度报告',
    '一、总体情况',
    long + '提升公开质量。',
    '二、主动公开政府信息情况',
    '',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| -------- | ------------ | ------------ | ------------ |',
    '| 规章     | 0            | 0            | 2            |',
    '',
  ].join('\n'));
});
