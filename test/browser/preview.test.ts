// The table preview's page in headless Chromium (as the webview shows it): the marked cells are exactly
// those the diagnostics point at, the messages are on them, only the nonce's script runs, nothing is
// fetched. Screenshots of seed 004's and an HTML report's preview go to test-results/browser/ (README).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, render } from '../../server/src/core';
import { findingsAt, previewHtml } from '../../server/src/core/preview/tables';
import { REPO } from '../e2e/driver';
import { BROWSER_RESULTS, useChromium } from '../helpers/browser';

const RESULTS = BROWSER_RESULTS;
const NONCE = 'Zm9yLXRoZS1wcmV2aWV3LXRlc3Q=';
const browser = useChromium();

before(() => mkdirSync(RESULTS, { recursive: true }));

const SAMPLES = [
  { name: 'preview-004', text: readFileSync(join(REPO, 'examples/004_bf2c1b340b487aac.txt'), 'utf8') },
  { name: 'preview-103-html', text: readFileSync(join(REPO, 'test/fixtures/corpus/103_shuyang-drc-2023-webpage.html'), 'utf8') },
  // Seed 003 with two cells made wrong: 本年新收's total (30 for 29) and a cell that is not a count (1.5).
  { name: 'preview-003-edited', text: readFileSync(join(REPO, 'examples/003_29e0fab2fe19fb07.txt'), 'utf8').replace('\n29 |\n', '\n30 |\n').replace(/(二、上年结转[^\n]*\n)0 \|/, (_, head: string) => `${head}1.5 |`) },
];

interface DomEl { dataset: Record<string, string | undefined>; getAttribute(n: string): string | null }
interface Dom { querySelectorAll(s: string): ArrayLike<DomEl> }

for (const sample of SAMPLES) {
  test(`${sample.name}: the marked cells are exactly those with diagnostics, with their messages; a strict page`, async () => {
    const r = check(sample.text);
    const expected = new Map<string, string>();
    for (const kind of ['active', 'applications', 'reviewLitigation'] as const) {
      const t = r.report.tables[kind];
      if (!t || t.unreadable) continue;
      for (const row of t.rows) {
        for (const c of row.cells) {
          const here = row.key && c.column ? findingsAt(c, r.findings) : [];
          if (here.length) expected.set(`${row.key}/${c.column}`, here.map((f) => render(f.message, 'zh-CN')).join('\n'));
        }
      }
    }
    const page = await browser().newPage({ viewport: { width: 1100, height: 1400 } });
    const requests: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      // The webview's API, as VS Code gives it (a script of its own before the page's): the click posts the cell's place.
      const api = `<script nonce="${NONCE}">globalThis.posted = []; globalThis.acquireVsCodeApi = () => ({ postMessage: (m) => globalThis.posted.push(m) });</script>`;
      const html = previewHtml(r.report, r.findings, { lang: 'zh-CN', nonce: NONCE });
      await page.setContent(html.replace(`<script nonce="${NONCE}">`, `${api}<script nonce="${NONCE}">`), { waitUntil: 'load' });
      const marked = await page.evaluate(() => Array.from((globalThis as unknown as { document: Dom }).document.querySelectorAll('td.marked'))
        .map((td) => [td.dataset.cell ?? '', td.getAttribute('title') ?? '']));
      assert.deepEqual(new Map(marked as [string, string][]), expected);
      assert.deepEqual(requests, [], 'the page asked for a resource');
      // A script without the nonce does not run.
      await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { createElement(t: string): { textContent: string }; body: { appendChild(n: unknown): void } } }).document;
        const s = d.createElement('script');
        s.textContent = '(globalThis).injected = true;';
        d.body.appendChild(s);
      });
      assert.equal(await page.evaluate(() => (globalThis as unknown as { injected?: boolean }).injected ?? false), false);
      // Clicking a value cell posts where its text is.
      const first = page.locator('td.value[data-line]').first();
      const where = { line: Number(await first.getAttribute('data-line')), character: Number(await first.getAttribute('data-character')) };
      await first.click();
      assert.deepEqual(await page.evaluate(() => (globalThis as unknown as { posted: unknown[] }).posted), [{ type: 'reveal', ...where }]);
      await page.screenshot({ path: join(RESULTS, `${sample.name}.png`), fullPage: false });
      assert.ok(sample.name !== 'preview-004' || expected.size === 3, 'seed 004: its three totals');
      assert.ok(sample.name !== 'preview-003-edited' || expected.size >= 2, 'seed 003 edited: the wrong total and the cell that is not a number');
    } finally {
      await page.close();
    }
  });
}
