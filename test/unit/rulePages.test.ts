// Every diagnostic's code links to its rule's section of docs/rules.md: every rule id (RULES, and the
// ids the engine and the server make themselves) has its heading there, the page ships in the .vsix,
// and the links the server and the VS Code client build name that section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../server/src/core';
import { rulePage, rulePagesOf, shippedRulePages } from '../../server/src/lsp/rulePages';
import { RULE_PAGES, ruleSection, SHOW_RULE } from '../../client/src/rulePages';

const ROOT = join(__dirname, '..', '..');
const PAGE = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');

/** A heading's anchor as GitHub and VS Code's Markdown preview make it. */
export function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

function anchors(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]));
}

/** Every rule id written as `ruleId: '…'` in the product's sources (the engine's, the server's). */
function madeIds(): string[] {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/ruleId: '([a-z0-9-]+)'/g)) out.add(m[1]);
    }
  };
  walk(join(ROOT, 'server', 'src'));
  return [...out];
}

test('the slug is the anchor GitHub and the Markdown preview give a heading', () => {
  assert.equal(slug('`row-total`'), 'row-total');
  assert.equal(slug('Limits on work'), 'limits-on-work');
  assert.equal(slug('Arithmetic (tables 三 and 四)'), 'arithmetic-tables-三-and-四');
});

test('every rule id has its own section in docs/rules.md, headed by the id alone', () => {
  const ids = [...RULES.map((r) => r.id), ...madeIds()];
  for (const engineMade of ['file-too-large', 'not-text', 'internal-error']) assert.ok(ids.includes(engineMade), engineMade);
  const have = anchors(PAGE);
  for (const id of new Set(ids)) {
    assert.ok(have.includes(id), `docs/rules.md has no section \`### \\\`${id}\\\`\` (the link of its diagnostics)`);
    assert.ok(PAGE.includes(`### \`${id}\`\n`), `${id}: its heading is the id alone, so that its anchor is the id`);
  }
  const dup = have.filter((a, i) => have.indexOf(a) !== i);
  assert.deepEqual(dup, [], 'anchors are unique');
});

test('each rule section says its default severity, why, an example and the fix', () => {
  for (const r of RULES) {
    const at = PAGE.indexOf('\n', PAGE.indexOf(`### \`${r.id}\`\n`));
    const next = PAGE.slice(at).search(/^#{2,3} /m);
    const body = PAGE.slice(at, next < 0 ? undefined : at + next);
    const severity = ({ 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const)[r.severity];
    assert.ok(body.includes(`**${severity}**`), `${r.id}: default severity ${severity}`);
    for (const part of ['*Why:*', '*Example:*', '*Fix:*']) assert.ok(body.includes(part), `${r.id}: ${part}`);
  }
});

test('the page ships in the .vsix', () => {
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(ignore.includes('!docs/rules.md'));
});

test('the server links the shipped page by default, or the client\'s template', () => {
  const page = rulePage(shippedRulePages(), 'row-total');
  const url = new URL(page);
  assert.equal(url.protocol, 'file:');
  assert.equal(url.hash, '#row-total');
  // dist/server.js lies beside docs/ as in the .vsix (the bundle is dist/server.js).
  assert.ok(fileURLToPath(url).endsWith(join('docs', 'rules.md')));
  assert.equal(rulePagesOf({ rulePages: 'https://example.org/rules#{rule}' }), 'https://example.org/rules#{rule}');
  for (const bad of [undefined, null, {}, { rulePages: 7 }, { rulePages: 'https://example.org/rules' }]) {
    assert.equal(rulePagesOf(bad), shippedRulePages(), JSON.stringify(bad));
  }
});

test('the VS Code client\'s link runs its showRule command with the rule id', () => {
  const uri = new URL(rulePage(RULE_PAGES, 'carry-over-balance'));
  assert.equal(uri.protocol, 'command:');
  assert.equal(uri.pathname, SHOW_RULE);
  assert.deepEqual(JSON.parse(decodeURIComponent(uri.search.slice(1))), ['carry-over-balance']);
  const client = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
  assert.ok(client.includes('registerCommand(SHOW_RULE'), 'the command is registered');
  assert.ok(client.includes('rulePages: RULE_PAGES'), 'the client gives the server its template');
  assert.equal(ruleSection('row-total'), 'row-total');
  for (const bad of ['', 'a b', '../x', 'x"y', 7, null, ['row-total']]) assert.equal(ruleSection(bad), null, String(bad));
  assert.ok(existsSync(join(ROOT, 'docs', 'rules.md')));
});
