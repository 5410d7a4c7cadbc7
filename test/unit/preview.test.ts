// The table preview's page (core/preview/tables.ts): the official layout, the cells findings point at
// marked with their messages, an unreadable table said in place, a strict policy. Chromium: test/browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, render } from '../../server/src/core';
import { findingsAt, previewHtml } from '../../server/src/core/preview/tables';
import { seed } from '../helpers/fixtures';

const NONCE = 'AbCdEfGhIjKlMnOpQrStUv==';
const cellsMarked = (html: string) => [...html.matchAll(/<td[^>]*class="value marked[^"]*" data-cell="([^"]+)"/g)].map((m) => m[1]);

/** The cells the findings of a check point at, by the model (what the page must mark). */
function expectedMarks(text: string): string[] {
  const r = check(text);
  const out: string[] = [];
  for (const kind of ['active', 'applications', 'reviewLitigation'] as const) {
    const t = r.report.tables[kind];
    if (!t || t.unreadable) continue;
    for (const row of t.rows) for (const c of row.cells) if (row.key && c.column && findingsAt(c, r.findings).length) out.push(`${row.key}/${c.column}`);
  }
  return out;
}

test('seed 004: exactly the three totals written 0 are marked, each with its message on hover', () => {
  const r = check(seed('004'));
  const html = previewHtml(r.report, r.findings, { lang: 'zh-CN', nonce: NONCE });
  assert.deepEqual(cellsMarked(html).sort(), ['denied.stateSecret/total', 'newReceived/total', 'total/total']);
  assert.deepEqual(cellsMarked(html).sort(), expectedMarks(seed('004')).sort());
  const rowTotal = r.findings.find((f) => f.ruleId === 'row-total')!;
  assert.ok(html.includes(`title="${render(rowTotal.message, 'zh-CN').replace(/"/g, '&quot;')}"`), 'the message on hover');
  assert.match(html, /<p class="summary">3个单元格有问题/);
  // Every value cell says where its text is, for the click that reveals it.
  assert.match(html, /data-cell="newReceived\/total" data-line="90" data-character="1"/);
});

test('the three tables drawn in their official layout: merged headers and every cell of the model', () => {
  const r = check(seed('003'));
  const html = previewHtml(r.report, r.findings, { lang: 'zh-CN', nonce: NONCE });
  assert.deepEqual(cellsMarked(html), []);
  assert.deepEqual([...html.matchAll(/<section data-table="(\w+)">/g)].map((m) => m[1]), ['active', 'applications', 'reviewLitigation']);
  assert.match(html, /colspan="5"[^>]*>法人或其他组织</);
  assert.match(html, /行政复议/);
  const cells = r.report.tables.applications!.rows.flatMap((row) => row.cells.filter((c) => row.key && c.column).map((c) => `${row.key}/${c.column}`));
  for (const key of cells) assert.ok(html.includes(`data-cell="${key}"`), key);
});

test('an unreadable table is said in its place and nothing in it is drawn; a missing table is said too', () => {
  const glued = `三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量21710000218\n`;
  const r = check(glued);
  const html = previewHtml(r.report, r.findings, { lang: 'zh-CN', nonce: NONCE });
  assert.match(html, /<section data-table="applications"><h2>[^<]+<\/h2><p class="unreadable" data-line="1"[^>]*>此表无法准确读取，未作检查：/);
  const section = html.slice(html.indexOf('<section data-table="applications">'), html.indexOf('</section>', html.indexOf('<section data-table="applications">')));
  assert.doesNotMatch(section, /<table|data-cell/);
  assert.match(html, /<section data-table="active"><h2>[^<]+<\/h2><p class="absent">本报告中没有找到此表。<\/p>/);
  assert.match(previewHtml(r.report, r.findings, { lang: 'en', nonce: NONCE }), /This table could not be read with certainty and was not checked: /);
});

test('a strict policy: no default source, the one script and the style only with the nonce, report text escaped', () => {
  const text = seed('004').replace('本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量<script>alert(1)</script>');
  const r = check(text);
  const html = previewHtml(r.report, r.findings, { lang: 'zh-CN', nonce: NONCE });
  assert.match(html, new RegExp(`content="default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'"`));
  assert.deepEqual([...html.matchAll(/<style[^>]*>/g)].map((m) => m[0]), [`<style nonce="${NONCE}">`]);
  assert.deepEqual([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]), [`<script nonce="${NONCE}">`]);
  assert.doesNotMatch(html, /<script>alert/);
  assert.doesNotMatch(html, /https?:\/\//);
});
