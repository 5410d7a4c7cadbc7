// The review page (`nianbao check DIR --format html`) in headless Chromium: the rows shown (bodies,
// verdicts, counts) are the CLI's JSON output's, the page asks for nothing, and it prints on A4 with the
// table's header on every page and no row split.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { extractText } from 'unpdf';
import { runCli } from '../../server/src/cli/main';
import { fold } from '../../server/src/core/text/normalize';
import { corpusFiles, seedPath } from '../helpers/fixtures';
import { BROWSER_RESULTS, useChromium } from '../helpers/browser';

const RESULTS = BROWSER_RESULTS;
const browser = useChromium();
let root: string;
const DIR = '收到的年报';
const HOME = process.cwd();

before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  // Checked as a reviewer would: from the folder above, so that the page names the files `收到的年报/…`.
  root = mkdtempSync(join(tmpdir(), 'nianbao-review-page-'));
  mkdirSync(join(root, DIR));
  process.chdir(root);
  for (const f of ['000', '001', '002', '003', '004'].map(seedPath).concat(corpusFiles().filter((_, i) => i % 3 === 0))) copyFileSync(f, join(root, DIR, basename(f)));
});
after(async () => {
  process.chdir(HOME);
  rmSync(root, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<string> {
  let out = '';
  await runCli(args, { stdout: (s) => void (out += s), stderr: () => undefined, readStdin: async () => Buffer.alloc(0) });
  return out;
}

/** The little of the DOM the page is read through (the tests compile without the DOM library). */
interface DomElement {
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  cells: ArrayLike<DomElement>;
  querySelector(s: string): DomElement | null;
  getBoundingClientRect(): { width: number };
}
interface DomWindow {
  document: { querySelectorAll(s: string): ArrayLike<DomElement>; documentElement: { scrollWidth: number } };
  getComputedStyle(e: DomElement): { breakInside: string };
}


test('the review page shows a row per report with the CLI\'s counts and verdicts, asks for nothing, and prints on A4', async () => {
  const json = JSON.parse(await cli('check', '--format', 'json', DIR)) as { file: string; diagnostics: { severity: number }[] }[];
  const html = await cli('check', '--format', 'html', DIR);
  const page = await browser().newPage({ viewport: { width: 1000, height: 1300 } });
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const rows = await page.evaluate(() => Array.from((globalThis as unknown as DomWindow).document.querySelectorAll('tr.report')).map((tr) => ({
      file: tr.dataset.file!,
      body: tr.querySelector('.body')?.textContent ?? null,
      errors: Number(tr.cells[3].textContent),
      warnings: Number(tr.cells[4].textContent),
      verdict: tr.cells[5].textContent,
    })));
    const expected = json.map((f) => {
      const errors = f.diagnostics.filter((d) => d.severity === 1).length;
      return { file: f.file, errors, warnings: f.diagnostics.filter((d) => d.severity === 2).length, verdict: errors ? '建议退回' : '通过' };
    });
    assert.deepEqual(rows.map(({ body: _, ...r }) => r).sort((a, b) => a.file.localeCompare(b.file)), expected.sort((a, b) => a.file.localeCompare(b.file)));
    // The bodies the reader found, shown as the reports write them.
    const bodies = rows.map((r) => r.body);
    assert.ok(bodies.includes('辽源市西安区退役军人事务局'), bodies.join(' / '));
    assert.ok(bodies.filter(Boolean).length >= rows.length / 2, 'most bodies recognised');
    const summary = await page.locator('p.summary').textContent();
    const returned = expected.filter((e) => e.errors).length;
    assert.ok(summary!.includes(`共审查${expected.length}份报告：建议退回${returned}份，通过${expected.length - returned}份。`), summary!);
    assert.ok((await page.locator('table.chart tr[data-rule]').count()) > 0);
    assert.equal(await page.locator('script, link, img, iframe, object, embed').count(), 0);
    assert.deepEqual(requests, [], 'the page asked for a resource');
    await page.screenshot({ path: join(RESULTS, 'review-page.png') });

    // Printed: the tables fit the text width of A4 (210 − 2 × 12 mm) and every page repeats the header.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.round((186 / 25.4) * 96), height: 1100 });
    const widths = await page.evaluate(() => ({ page: (globalThis as unknown as DomWindow).document.documentElement.scrollWidth, tables: Array.from((globalThis as unknown as DomWindow).document.querySelectorAll('table')).map((t) => t.getBoundingClientRect().width) }));
    for (const w of widths.tables) assert.ok(w <= widths.page + 0.5, `a table ${w}px wide on a ${widths.page}px page`);
    assert.ok(widths.page <= Math.round((186 / 25.4) * 96) + 1, `the page is ${widths.page}px wide`);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: false });
    assert.ok(totalPages >= 2, `${totalPages} pages`);
    // PDF text writes some characters as radical look-alikes (⻅ for 见): folded as the reader folds them.
    const pages = text.map((p) => fold(p));
    const chartAt = pages.findIndex((p) => p.includes('二、最常见的问题'));
    assert.ok(chartAt >= 1, 'the results table runs over more than one page');
    for (let i = 1; i <= chartAt; i++) {
      if (pages[i].trimStart().startsWith('二、最常见的问题')) continue;
      assert.ok(pages[i].trimStart().startsWith('序号 报告 年度 错误 警告 审查意见'), `page ${i + 1} repeats the header: ${pages[i].slice(0, 80)}`);
    }
    const rowBreaks = await page.evaluate(() => Array.from((globalThis as unknown as DomWindow).document.querySelectorAll('tr')).map((tr) => (globalThis as unknown as DomWindow).getComputedStyle(tr).breakInside));
    assert.deepEqual([...new Set(rowBreaks)], ['avoid'], 'no row breaks across pages');
  } finally {
    await page.close();
  }
});
