// The report grammar as users see it: its tokens coloured by VS Code's default themes (Light+ and Dark+,
// test/fixtures/vscode-themes) through vscode-textmate's own theme matching, as the editor does. Table
// labels and headings take scopes themes colour as keywords, types or headings — never invalid.*, tags
// or attribute names, which Light+ paints red like errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vsctm from 'vscode-textmate';
import { createRegistry, ROOT, SCOPE } from './tokenize';

interface RawRule { scope?: string | string[]; settings: { foreground?: string; fontStyle?: string } }

function theme(base: string, plus: string): { raw: vsctm.IRawTheme; foreground: string } {
  const read = (n: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'vscode-themes', `${n}.json`), 'utf8')) as { colors: Record<string, string>; tokenColors: RawRule[] };
  const b = read(base);
  const p = read(plus);
  const foreground = b.colors['editor.foreground'].slice(0, 7).toUpperCase();
  return { raw: { settings: [{ settings: { foreground } }, ...b.tokenColors, ...p.tokenColors] as vsctm.IRawThemeSetting[] }, foreground };
}

const THEMES = { 'Light+': theme('light_vs', 'light_plus'), 'Dark+': theme('dark_vs', 'dark_plus') };

/** The colour of the token at `at` in each line of `text`, with its scopes. */
async function colours(raw: vsctm.IRawTheme, text: string, at: string): Promise<{ colour: string; scopes: string[] }> {
  const registry = createRegistry();
  registry.setTheme(raw);
  const g = (await registry.loadGrammar(SCOPE))!;
  const line = text.split('\n').find((l) => l.includes(at))!;
  const column = line.indexOf(at);
  let stack = vsctm.INITIAL;
  for (const l of text.split('\n')) {
    const r2 = g.tokenizeLine2(l, stack);
    const r = g.tokenizeLine(l, stack);
    stack = r.ruleStack;
    if (l !== line) continue;
    let colour = '';
    for (let i = 0; i < r2.tokens.length; i += 2) if (r2.tokens[i] <= column) colour = registry.getColorMap()[(r2.tokens[i + 1] & 0x00ff8000) >>> 15];
    const scopes = r.tokens.find((t) => t.startIndex <= column && column < t.endIndex)!.scopes;
    return { colour: colour.toUpperCase(), scopes };
  }
  throw new Error(`no ${at}`);
}

const REPORT = [
  '一、总体情况',
  '（一）主动公开',
  '| 本年新收 | 自然人 | 商业企业 | 总计 |',
  '| 一、本年新收政府信息公开申请数量 | 1 | 0 | 1 |',
  '| 三、本年度办理结果 | | | |',
  '| （七）总计 | 1 | 0 | 1 |',
  '| 第二十条第(一)项 | | | |',
  '| 规章 | 0 | 0 | 0 |',
].join('\n');

/** What a user reads as labels and headings, and the scope each must carry. */
const LABELS: [string, string][] = [
  ['一、总体情况', 'markup.heading.section.nianbao'],
  ['主动公开', 'markup.heading.subsection.nianbao'],
  ['自然人', 'keyword.other.column-label.nianbao'],
  ['一、本年新收政府信息公开申请数量', 'support.type.row-label.nianbao'],
  ['三、本年度办理结果', 'support.type.row-label.group.nianbao'],
  ['（七）总计', 'support.type.row-label.nianbao'],
  ['第二十条第(一)项', 'support.type.row-label.group.nianbao'],
  ['规章', 'support.type.row-label.nianbao'],
];

/** Scopes the default themes paint like errors or markup tags. */
const NEVER = /^(?:invalid|entity\.name\.tag|entity\.other\.attribute-name|support\.type\.property-name)\b/;

for (const [name, t] of Object.entries(THEMES)) {
  test(`${name}: labels and headings carry heading, keyword or type scopes and are coloured, never as errors or tags`, async () => {
    const invalidColour = t.raw.settings.find((s) => [s.scope].flat().includes('invalid'))!.settings.foreground!.toUpperCase();
    for (const [text, scope] of LABELS) {
      const { colour, scopes } = await colours(t.raw, REPORT, text);
      assert.ok(scopes.includes(scope), `${text}: ${scopes.join(' ')} lacks ${scope}`);
      for (const s of scopes) assert.doesNotMatch(s, NEVER, `${text}: ${s}`);
      assert.notEqual(colour, t.foreground, `${text} is coloured in ${name}`);
      assert.notEqual(colour, invalidColour, `${text} is not coloured as invalid in ${name}`);
    }
  });
}

test('Light+: row labels teal, column labels blue, totals navy bold — not the red of tags and attribute names', async () => {
  const light = THEMES['Light+'].raw;
  assert.equal((await colours(light, REPORT, '规章')).colour, '#267F99');
  assert.equal((await colours(light, REPORT, '自然人')).colour, '#0000FF');
  assert.equal((await colours(light, REPORT, '（七）总计')).colour, '#000080');
});
