// Every English text the product writes reads as English: the statutory tables named by their Chinese
// names with a gloss (the format has no official English), parts by Arabic ordinals, no clause with two
// colons (“types: computed 1”), no key or placeholder leaking from the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check, readReport, render } from '../../server/src/core';
import { fixAll, quickFixes } from '../../server/src/core/service/actions';
import { hoverAt } from '../../server/src/core/service/hover';
import { tableLenses } from '../../server/src/core/service/lenses';
import { outline, type OutlineItem } from '../../server/src/core/service/outline';
import { RULES } from '../../server/src/core/rules';
import { CLI_TEXT } from '../../server/src/cli/messages';
import { CLIENT_TEXT } from '../../client/src/text';
import { CONFIG_TEXT, SYNTAX_TEXT } from '../../server/src/core/configText';
import { CONFIG_SCHEMA_TEXT, MANIFEST_TEXT } from '../../client/src/manifest';
import { mistaken } from '../helpers/mistaken';

const ROOT = join(__dirname, '..', '..');

const LEFTOVERS: [RegExp, string][] = [
  [/\b(?:applications?|proactive[- ]disclosure|active|reconsideration(?: and litigation)?|litigation|review(?:[- ]litigation)?) tables?\b/i, 'a table named by an invented English name (use “收到和处理政府信息公开申请情况” table (applications received and handled))'],
  [/\b(?:parts?|tables?) [一二三四五六]/i, 'a Chinese numeral as an English ordinal'],
  [/:\s[^.;:!?“”()]*:\s/, 'two colons in one clause'],
  [/\{[a-zA-Z]+\}/, 'a placeholder left unrendered'],
  [/\b(?:carriedOver|carriedForward|newReceived|reviewLitigation|activeDisclosure|otherMatters|naturalPerson)\b/, 'a key of the code'],
];

/** What is wrong with an English text, or null. */
export function leftover(s: string): string | null {
  for (const [re, what] of LEFTOVERS) {
    const m = re.exec(s);
    if (m) return `${what}: “${m[0]}”`;
  }
  return null;
}

test('the checker of this test catches what it must', () => {
  assert.ok(leftover('- Row total: total = the six applicant types: computed 1, written 1'));
  assert.ok(leftover('The applications table lacks the row “Disclosed”.'));
  assert.ok(leftover('The numbers of table 二 are plausible together'));
  assert.ok(leftover('Part 三 “Overview” is missing.'));
  assert.ok(leftover('The {tableEn} has no numbers'));
  assert.ok(leftover('“carriedOver” for “total” does not balance'));
  assert.equal(leftover('The “收到和处理政府信息公开申请情况” table (applications received and handled) lacks the row “Disclosed”.'), null);
  assert.equal(leftover('- Row total: total = the six applicant types — computed 1, written 1 ✓'), null);
  assert.equal(leftover('Cannot read {file}: {reason}'.replace('{file}', 'a.txt').replace('{reason}', 'no permission')), null);
});

/** Every `en: '…'` in the product's sources (templates: their placeholders are theirs to have). */
function sourceTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/\ben: (?:'((?:[^'\\]|\\.)*)'|`([^`]*)`)/g)) out.push(`${(m[1] ?? m[2]).replace(/\{[a-zA-Z]+\}/g, 'x')}  ← ${p.slice(ROOT.length + 1)}`);
      }
    }
  };
  for (const d of ['server/src', 'client/src']) walk(join(ROOT, d));
  return out;
}

function assertAll(texts: Iterable<string>, where: string) {
  const bad: string[] = [];
  for (const t of texts) {
    const p = leftover(t);
    if (p) bad.push(`${p} in ${t}`);
  }
  assert.deepEqual([...new Set(bad)], [], where);
}

test('every en text of the catalogs: sources, rule descriptions, CLI, client, manifest and package.nls.json', () => {
  assertAll(sourceTexts(), 'sources');
  const placeholder = (s: string) => s.replace(/\{[a-zA-Z]+\}/g, 'x');
  assertAll(RULES.map((r) => r.description.en), 'rule descriptions');
  assertAll([CLI_TEXT, CLIENT_TEXT, MANIFEST_TEXT, CONFIG_SCHEMA_TEXT, CONFIG_TEXT, SYNTAX_TEXT].flatMap((c) => Object.values(c).flatMap((t) => placeholder(t.en).split('\n'))), 'catalogs');
  assertAll(Object.values(JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'))) as string[], 'package.nls.json');
});

test('every rule message, fix title, hover, lens and outline name rendered in English from reports with mistakes', () => {
  const texts: string[] = [];
  for (const text of mistaken()) {
    const { report, findings } = check(text, {});
    for (const f of findings) {
      texts.push(render(f.message, 'en'), ...(f.related ?? []).map((r) => render(r.message, 'en')));
      for (const a of quickFixes(report, f)) texts.push(render(a.title, 'en'));
    }
    const all = fixAll(report, findings);
    if (all) texts.push(render(all.title, 'en'));
    for (const l of tableLenses(report, findings, false)) texts.push(render(l.title, 'en'));
    const names = (items: OutlineItem[]): string[] => items.flatMap((i) => [typeof i.name === 'string' ? '' : i.name.en, i.detail?.en ?? '', ...names(i.children)]);
    texts.push(...names(outline(readReport(text))));
    for (let line = 0; line < report.lineCount; line++) {
      for (let character = 0; character < 40; character += 3) {
        const h = hoverAt(report, { line, character }, 'en');
        if (h) texts.push(...h.markdown.split('\n'));
      }
    }
  }
  assert.ok(texts.some((t) => t.includes('table (applications received and handled)')), 'the tables are named');
  assert.ok(texts.some((t) => / — computed \d+, written \d+/.test(t)), 'the hovers state their relations');
  assertAll(texts, 'rendered messages');
});
