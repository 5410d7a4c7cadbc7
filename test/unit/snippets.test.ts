// The generated snippets (snippets/nianbao.code-snippets): a report made from the skeleton snippet passes
// every check; each table snippet is the statutory table of its part; the committed file is fresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, readReport, toDiagnostic, type FormatVersion, type TableKind } from '../../server/src/core';
import { sectionHeading } from '../../server/src/core/render/report';
import { escapeSnippetText } from '../../scripts/build-snippets';

const ROOT = join(__dirname, '..', '..');
const FILE = join(ROOT, 'snippets', 'nianbao.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(FILE, 'utf8'));

// ---------------------------------------------------------------------------------------------
// A small expander for VS Code's snippet syntax: $n, ${n}, ${n:default} (nested), ${n|a,b|},
// variables ($NAME, ${NAME:default}) and the escapes \$ \} \\ (and \, \| in choices).

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tab'; index: number; children?: Node[]; choices?: string[] }
  | { kind: 'var'; name: string; children?: Node[] };

function parse(src: string): Node[] {
  let i = 0;
  function seq(inside: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && '$}\\'.includes(src[i + 1] ?? '')) {
        text += src[i + 1];
        i += 2;
        continue;
      }
      if (c === '}' && inside) break;
      if (c === '$') {
        const node = dollar();
        if (node) {
          flush();
          out.push(node);
          continue;
        }
      }
      text += c;
      i++;
    }
    flush();
    return out;
  }
  function dollar(): Node | null {
    const rest = src.slice(i);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      i += m[0].length;
      return { kind: 'tab', index: Number(m[1]) };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      i += m[0].length;
      return { kind: 'var', name: m[1] };
    }
    m = /^\$\{(\d+)\}/.exec(rest);
    if (m) {
      i += m[0].length;
      return { kind: 'tab', index: Number(m[1]) };
    }
    m = /^\$\{(\d+)\|/.exec(rest);
    if (m) {
      const start = i;
      i += m[0].length;
      const choices: string[] = [];
      let cur = '';
      while (i < src.length) {
        const c = src[i];
        if (c === '\\' && '$}\\,|'.includes(src[i + 1] ?? '')) {
          cur += src[i + 1];
          i += 2;
        } else if (c === ',') {
          choices.push(cur);
          cur = '';
          i++;
        } else if (c === '|' && src[i + 1] === '}') {
          choices.push(cur);
          i += 2;
          return { kind: 'tab', index: Number(m[1]), choices };
        } else {
          cur += c;
          i++;
        }
      }
      i = start; // not a choice after all: literal '$'
      return null;
    }
    m = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)(:|\})/.exec(rest);
    if (m) {
      i += m[0].length;
      const isTab = /^\d+$/.test(m[1]);
      if (m[2] === '}') return isTab ? { kind: 'tab', index: Number(m[1]) } : { kind: 'var', name: m[1] };
      const children = seq(true);
      assert.equal(src[i], '}', `unterminated placeholder at ${i}`);
      i++;
      return isTab ? { kind: 'tab', index: Number(m[1]), children } : { kind: 'var', name: m[1], children };
    }
    return null;
  }
  const nodes = seq(false);
  assert.equal(i, src.length);
  return nodes;
}

/** The inserted text with each placeholder at its default (or the given value); a mirror shows its placeholder's text. */
function expand(body: string, values: Record<number, string> = {}): string {
  const nodes = parse(body);
  const texts = new Map<number, string>(Object.entries(values).map(([k, v]) => [Number(k), v]));
  const render = (ns: Node[]): string =>
    ns.map((n) => (n.kind === 'text' ? n.value : n.kind === 'var' ? (n.children ? render(n.children) : '') : (texts.get(n.index) ?? ''))).join('');
  // First each placeholder's text (inner ones first), so that every mirror, before or after it, shows it.
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (n.kind !== 'tab') continue;
      if (n.children) collect(n.children);
      if (!texts.has(n.index) && (n.children || n.choices)) texts.set(n.index, n.choices ? n.choices[0] : render(n.children!));
    }
  };
  collect(nodes);
  return render(nodes);
}

/** Tab stop indices in order of first appearance, and how often each appears. */
function tabStops(body: string): Map<number, number> {
  const counts = new Map<number, number>();
  const walk = (ns: Node[]) => {
    for (const n of ns) {
      if (n.kind !== 'tab') continue;
      counts.set(n.index, (counts.get(n.index) ?? 0) + 1);
      if (n.children) walk(n.children);
    }
  };
  walk(parse(body));
  return counts;
}

const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

function byPrefix(prefix: string): Snippet {
  const found = Object.values(snippets).filter((s) => prefixesOf(s).includes(prefix));
  assert.equal(found.length, 1, `one snippet with prefix ${prefix}`);
  return found[0];
}

function messages(text: string): string[] {
  return check(text).findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}: ${toDiagnostic(f).message}`);
}

// ---------------------------------------------------------------------------------------------

test('the expander: escapes, nested placeholders, choices, mirrors, variables', () => {
  assert.equal(expand('a \\$1 \\} \\\\ b'), 'a $1 } \\ b');
  assert.equal(expand('${1:x ${2:y}} $2 $1'), 'x y y x y');
  assert.equal(expand('$1-${1:first}'), 'first-first');
  assert.equal(expand('${1|甲,乙\\,丙|} ${1}'), '甲 甲');
  assert.equal(expand('${2:2024}年 ${2}', { 2: '2023' }), '2023年 2023');
  assert.equal(expand('${TM_FILENAME:默认} $UNKNOWN ${3}x$0'), '默认  x');
  assert.equal(expand('cost $ 5 {x}'), 'cost $ 5 {x}');
});

test('escapeSnippetText: any text survives the snippet syntax', () => {
  for (const s of ['${1:x}', 'a}b', '\\$', '$0 $TM_FILENAME', '(国办公开办函〔2021〕30号) | 0 |', '}}}$$$\\\\']) {
    assert.equal(expand(escapeSnippetText(s)), s, s);
    assert.equal(expand(`\${1:${escapeSnippetText(s)}}`), s, s);
  }
});

test('every snippet: an ASCII and a Chinese prefix, a Chinese description, a body; prefixes are unique', () => {
  const seen = new Map<string, string>();
  assert.ok(Object.keys(snippets).length >= 7);
  for (const [name, s] of Object.entries(snippets)) {
    const prefixes = prefixesOf(s);
    assert.ok(prefixes.some((p) => /^[a-z][a-z0-9-]*$/.test(p)), `${name}: ASCII prefix`);
    assert.ok(prefixes.some((p) => /[\u4e00-\u9fff]/.test(p)), `${name}: Chinese prefix`);
    for (const p of prefixes) {
      assert.ok(!seen.has(p), `prefix ${p} in ${name} and ${seen.get(p)}`);
      seen.set(p, name);
    }
    assert.match(s.description, /[\u4e00-\u9fff]/);
    assert.ok(Array.isArray(s.body) && s.body.length > 3, name);
    parse(bodyOf(s)); // well-formed
  }
  for (const p of ['nianbao', 'nianbao-2019', 'biao-a', 'biao-b', 'biao-c', 'biao-a-2019', 'biao-b-2019', '年报', '主动公开表', '申请情况表', '复议诉讼表']) byPrefix(p);
});

const SKELETONS: { prefix: string; version: FormatVersion; year: number }[] = [
  { prefix: 'nianbao', version: '2021', year: 2024 },
  { prefix: 'nianbao-2019', version: '2019', year: 2020 },
];

for (const { prefix, version, year } of SKELETONS) {
  test(`skeleton ${prefix}: with its defaults, a ${version}-format report that passes every check`, () => {
    const body = bodyOf(byPrefix(prefix));
    const text = expand(body);
    assert.deepEqual(messages(text), []);
    const { report } = check(text);
    assert.equal(report.sections.length, 6);
    assert.equal(report.issuer?.text, '机关名称');
    assert.equal(report.year?.value, year);
    assert.equal(report.period?.from.startsWith(String(year)), true);
    for (const kind of ['active', 'applications', 'reviewLitigation'] as const) assert.ok(report.tables[kind], kind);
    assert.equal(report.tables.applications?.version, version);
    assert.equal(report.tables.active?.version, version);
    for (const t of Object.values(report.tables)) for (const r of t!.rows) for (const c of r.cells) assert.equal(c.value, 0, `${t!.kind}.${r.key}`);
  });

  test(`skeleton ${prefix}: tab stops for issuer, year (mirrored in the period), address, phone and the prose`, () => {
    const body = bodyOf(byPrefix(prefix));
    const stops = tabStops(body);
    assert.ok(body.startsWith(`\${1:机关名称}\${2:${year}}年政府信息公开工作年度报告`), body.slice(0, 60));
    assert.equal(stops.get(1), 2, 'issuer: title and contact sentence');
    assert.equal(stops.get(2), 3, 'year: title and the two ends of the statistics period');
    assert.equal(stops.get(3), 1, 'address');
    assert.equal(stops.get(4), 1, 'phone');
    assert.equal(stops.get(0), 1, 'final cursor');
    const prose = [...stops.keys()].filter((k) => k >= 5);
    assert.ok(prose.length >= 6, `${prose.length} prose tab stops`);
    // A clerk's values flow through the mirrors, and the report still checks clean (a year of its format:
    // a 2023 report on the 2019 skeleton is format-year's error).
    const filledYear = version === '2021' ? 2023 : 2019;
    const filled = expand(body, { 1: '某县统计局', 2: String(filledYear), 3: '某县人民路1号', 4: '0000-1234567', 5: '本年度主动公开政府信息120条。' });
    assert.deepEqual(messages(filled), []);
    const { report } = check(filled);
    assert.equal(report.issuer?.text, '某县统计局');
    assert.equal(report.year?.value, filledYear);
    assert.equal(report.period?.from.startsWith(String(filledYear)), true);
    assert.ok(filled.includes('请与某县统计局联系（地址：某县人民路1号；电话：0000-1234567）'));
  });
}

const TABLES: { prefix: string; kind: TableKind; version: FormatVersion; section: number }[] = [
  { prefix: 'biao-a', kind: 'active', version: '2021', section: 2 },
  { prefix: 'biao-b', kind: 'applications', version: '2021', section: 3 },
  { prefix: 'biao-c', kind: 'reviewLitigation', version: '2021', section: 4 },
  { prefix: 'biao-a-2019', kind: 'active', version: '2019', section: 2 },
  { prefix: 'biao-b-2019', kind: 'applications', version: '2019', section: 3 },
  { prefix: 'biao-c', kind: 'reviewLitigation', version: '2019', section: 4 },
];

/** The skeleton of a version with the tables of parts 二, 三 and 四 taken out (each part keeps its heading). */
function skeletonWithoutTables(version: FormatVersion): string {
  const text = expand(bodyOf(byPrefix(version === '2021' ? 'nianbao' : 'nianbao-2019')));
  return text.replace(/^\|.*\n/gm, '');
}

function insertAfterHeading(text: string, section: number, table: string): string {
  const heading = `${sectionHeading(section)}\n`;
  assert.ok(text.includes(heading), heading);
  return text.replace(heading, `${heading}${table}`);
}

for (const { prefix, kind, version, section } of TABLES) {
  test(`table ${prefix} (${version}): the statutory ${kind} table, all 0; inserted under part ${section} of a ${version} skeleton it checks clean`, () => {
    const table = expand(bodyOf(byPrefix(prefix)));
    assert.ok(table.split('\n')[0].startsWith('| '), 'a Markdown table');
    assert.ok(table.endsWith('\n'), 'ends with a line break');
    const bare = skeletonWithoutTables(version);
    assert.ok(check(bare).findings.some((f) => f.ruleId === 'table-missing'), 'the bare skeleton lacks tables');
    let text = bare;
    for (const t of TABLES.filter((x) => x.version === version)) text = insertAfterHeading(text, t.section, expand(bodyOf(byPrefix(t.prefix))));
    assert.deepEqual(messages(text), []);
    const read = readReport(text).tables[kind];
    assert.ok(read, kind);
    if (kind !== 'reviewLitigation') assert.equal(read.version, version);
    assert.deepEqual(read.missingRows, []);
    assert.ok(read.rows.every((r) => r.cells.every((c) => c.value === 0)));
    // The table alone under its part: what is left to report is the other two parts' missing tables.
    const alone = check(insertAfterHeading(bare, section, table));
    assert.deepEqual(alone.findings.map((f) => f.ruleId), ['table-missing', 'table-missing']);
    assert.ok(alone.report.tables[kind]);
  });
}

test('a 2019 table B in a 2021 skeleton is not the 2021 table (the snippets differ where the formats do)', () => {
  const b2021 = expand(bodyOf(byPrefix('biao-b')));
  const b2019 = expand(bodyOf(byPrefix('biao-b-2019')));
  assert.notEqual(b2021, b2019);
  assert.ok(b2021.includes('3.其他') && !b2019.includes('3.其他'));
  const a2021 = expand(bodyOf(byPrefix('biao-a')));
  const a2019 = expand(bodyOf(byPrefix('biao-a-2019')));
  assert.ok(a2019.includes('第二十条第（九）项') && !a2021.includes('第二十条第（九）项'));
});

const SCRIPT = join(ROOT, 'scripts', 'build-snippets.ts');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });

test('the committed snippets are fresh: build-snippets.ts --check passes, and fails on a stale or missing file', () => {
  const fresh = run('--check');
  assert.equal(fresh.status, 0, fresh.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-snippets-'));
  try {
    const stale = join(dir, 'stale.code-snippets');
    writeFileSync(stale, readFileSync(FILE, 'utf8').replace('本年新收政府信息公开申请数量', '本年新收申请数量'));
    const r = run('--check', '--file', stale);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /stale/);
    assert.equal(run('--check', '--file', join(dir, 'missing.code-snippets')).status, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
