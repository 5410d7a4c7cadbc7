/**
 * Writes syntaxes/nianbao.tmLanguage.json, the TextMate grammar of the report language (`text.nianbao`).
 *
 *   npx tsx scripts/build-grammar.ts           write the grammar
 *   npx tsx scripts/build-grammar.ts --check   exit 1 when the committed grammar is not what this script writes
 *   (--file PATH writes or checks PATH instead)
 *
 * The grammar is generated so that the row and column labels come from the statutory formats
 * (server/src/core/formats, the one place they are written down) and so that every Chinese
 * character in a label or heading wording also matches its Traditional forms (OpenCC), as in
 * the reports that reach a reviewer (seed 002). What the grammar shows mirrors what the reader sees:
 * a part heading is one of the six parts by its wording (so `三、本年度办理结果` is a row label,
 * never a heading); a row label is a whole table cell.
 */
import { writeGenerated } from './generated';
import { join } from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import { ACTIVE_ROWS, activeColumns } from '../server/src/core/formats/activeTable';
import { APPLICANT_COLUMNS, APPLICATIONS_ROWS, OTHER_2019_ROW } from '../server/src/core/formats/applicationsTable';
import { OUTCOME_COLUMNS, REVIEW_LITIGATION_GROUPS } from '../server/src/core/formats/reviewLitigationTable';
import type { RowDef } from '../server/src/core/formats/types';

export const GRAMMAR_PATH = join(__dirname, '..', 'syntaxes', 'nianbao.tmLanguage.json');

// ---------------------------------------------------------------------------------------------
// Regex pieces (Oniguruma syntax, as vscode-textmate runs them)

const HAN = String.raw`\x{3400}-\x{4dbf}\x{4e00}-\x{9fff}\x{f900}-\x{faff}`;
/** A space (never a tab: a tab separates cells): ASCII, no-break, the en/em/thin spaces of Word exports, ideographic. */
const SPACE = String.raw` \x{00a0}\x{2000}-\x{200b}\x{3000}`;
/** Spaces that may sit inside a label or heading. */
const SP = `[${SPACE}]*`;
const WS = `[${SPACE}\\t]*`;
const CN_NUM = '一二三四五六七八九十';
const DIGIT = '0-9０-９';
/** A row label's own numbering: 一、 (三) （三） 1. 2、 */
const NUMBERING = `(?:[${CN_NUM}]{1,2}${SP}[、.．,，]|[(（]${SP}[${CN_NUM}]{1,2}${SP}[)）]|[${DIGIT}]{1,2}${SP}[.．、,，]?)`;
/** Where a table cell starts: the line start, or just after a `|`, a full-width `｜` or an HTML tag. */
const CELL_START = String.raw`(?:^|(?<=[|｜>]))`;
/** Where a table cell ends: the line end, a `|`, a tag, a tab; or (PDF text) spaces then a number. */
const CELL_END = String.raw`(?=${WS}(?:$|[|｜<\t])|[${SPACE}]+[+\-${DIGIT}])`;
/** Text in a heading that is not its wording: no cell delimiter, no sentence end. */
const free = (n: number) => String.raw`[^|｜。;；\t]{0,${n}}?`;

// OpenCC's standard Traditional ('t'); its 'tw' and 'hk' variants add nothing for these labels today and are slow to load.
const toTraditional = (['t'] as const).map((to) => Converter({ from: 'cn', to }));
const PUNCT_VARIANTS: Record<string, string> = {
  '(': '(（', ')': ')）', ',': ',，', ':': ':：', ';': ';；', '、': '、,，', '.': '.．', '/': '/／',
  '“': '"“”「', '”': '"“”」', '+': '+＋', '-': '-－',
};

/** For each character of a Simplified string, the characters that may stand for it (Traditional forms, full/half width). */
function charSets(s: string): Set<string>[] {
  const chars = [...s];
  const sets = chars.map((c) => new Set([c, ...(PUNCT_VARIANTS[c] ?? '')]));
  chars.forEach((c, i) => toTraditional.forEach((f) => { const t = f(c); if ([...t].length === 1) sets[i].add(t); }));
  for (const f of toTraditional) {
    const t = [...f(s)];
    if (t.length === chars.length) t.forEach((c, i) => sets[i].add(c));
  }
  return sets;
}

const escapeInClass = (c: string) => (c === '\\' || c === ']' || c === '[' || c === '^' || c === '-' ? `\\${c}` : c);

const META = new Set([...'\\^$.|?*+()[]{}-/']);
function classOf(set: Set<string>): string {
  const chars = [...set].sort();
  if (chars.length === 1) return META.has(chars[0]) ? `\\${chars[0]}` : chars[0];
  return `[${chars.map(escapeInClass).join('')}]`;
}

/** A literal wording, each character also matching its Traditional and full/half-width forms. */
function lit(s: string): string {
  return charSets(s).map(classOf).join('');
}

/** One character class: every character of these strings (with its variants), and spaces. */
function charsOf(...ss: string[]): string {
  const all = new Set<string>();
  for (const s of ss) for (const set of charSets(s)) for (const c of set) all.add(c);
  for (const c of [' ', '\u3000', '\t']) all.delete(c);
  return `[${SPACE}${[...all].sort().map(escapeInClass).join('')}]`;
}

/** The rest of a label: its own characters (and spaces inside, never at the end), possibly cut off. */
function restOf(s: string): string {
  const inner = charsOf(s);
  return `(?:${inner}*${inner.replace(`[${SPACE}`, '[')})?`;
}

const NUMBERING_PREFIX = /^(?:[一二三四五六七八九十]{1,2}、|\([一二三四五六七八九十]{1,2}\)|\d{1,2}\.)/;

interface LabelOptions {
  /** The label must carry its numbering (`(七)总计`; a bare `总计` is a header cell). */
  numbered?: boolean;
  /** Characters that must be there before the label may be cut off: after a numbering / without one. */
  minNumbered?: number;
  minBare?: number;
}

/**
 * A table label as written in the wild: optional numbering, the wording (Traditional forms allowed),
 * possibly cut off after its first characters, possibly with spaces inside, possibly followed by a
 * parenthetical note (`规章(设区的市…)`). The part after the required start may only use the label's own characters.
 */
function label(text: string, o: LabelOptions = {}): string {
  const body = text.replace(NUMBERING_PREFIX, '');
  const chars = [...body];
  const minNumbered = Math.min(chars.length, o.minNumbered ?? 2);
  const minBare = Math.min(chars.length, o.minBare ?? 4);
  const rest = (from: number) => (from < chars.length ? restOf(chars.slice(from).join('')) : '');
  const note = String.raw`(?:${SP}[(（][^)）|｜\t<]*[)）])?`;
  const numbered = `${NUMBERING}${SP}${lit(chars.slice(0, minNumbered).join(''))}${rest(minNumbered)}`;
  const bare = `${lit(chars.slice(0, minBare).join(''))}${rest(minBare)}`;
  return `(?:${o.numbered ? numbered : `${numbered}|${bare}`})${note}`;
}

/** A rule for whole table cells with one of these labels. */
function cellRule(name: string, labels: string[], comment: string) {
  return {
    comment,
    match: `${CELL_START}(${WS})(${labels.map((l) => `(?:${l})`).join('|')})${CELL_END}`,
    captures: { 2: { name } },
  };
}

// ---------------------------------------------------------------------------------------------
// The labels, from the statutory formats

const rowsOfTableA = ACTIVE_ROWS;
/** (六)其他处理 is a group of three rows (2021) or one row (2019, OTHER_2019_ROW): a group label either way. */
const rowsOfTableB: RowDef[] = APPLICATIONS_ROWS.filter((r) => r.label !== OTHER_2019_ROW.label || r.group);
const TOTAL_KEYS = new Set(['total', 'carriedForward']);

const groupLabels = [
  // 第二十条第(一)项 … 第二十条第(九)项
  `${lit('第')}${SP}${lit('二十')}${SP}${lit('条')}${SP}${lit('第')}?${SP}[(（]?${SP}[${CN_NUM}]${SP}[)）]?${SP}${lit('项')}`,
  ...rowsOfTableB.filter((r) => r.group).map((r) => label(r.label)),
];
const rowLabels = [
  ...rowsOfTableA.filter((r) => !r.group).map((r) => label(r.label)),
  label('规范性文件'), // the 2019 wording of 行政规范性文件
  ...rowsOfTableB.filter((r) => !r.group && !TOTAL_KEYS.has(r.key) && r.key !== 'other.other').map((r) => label(r.label)),
  label('3.其他', { numbered: true }), // a bare 其他 is the applicant column
];
const totalRowLabels = [
  label(APPLICATIONS_ROWS.find((r) => r.key === 'total')!.label, { numbered: true }),
  label('(七)合计', { numbered: true }),
  label(APPLICATIONS_ROWS.find((r) => r.key === 'carriedForward')!.label, { minBare: 5 }),
];
const TOTAL_WORDS = ['总计', '合计', '小计', '总数'].map((w) => [...w].map((c) => lit(c)).join(SP));

const columnWords = new Set<string>();
for (const r of rowsOfTableA) for (const v of ['2019', '2021'] as const) for (const c of activeColumns(r, v)) columnWords.add(c.label);
for (const c of [...APPLICANT_COLUMNS, ...OUTCOME_COLUMNS]) if (c.key !== 'total') columnWords.add(c.label);
for (const g of REVIEW_LITIGATION_GROUPS) for (const part of g.label.split(':')) columnWords.add(part);
for (const w of [
  '信息内容', '申请人情况', '法人或其他组织', '法人和其他组织', '行政诉讼', '未经复议直接起诉', '复议后起诉',
  '行政诉讼:未经复议直接起诉', '行政诉讼:复议后起诉', '采购总金额(万元,保留四位小数)', '本年增/减', '本年新制作', '本年新公开',
]) columnWords.add(w);
const columnLabels = [...columnWords]
  .sort((a, b) => b.length - a.length)
  .map((w) => `${lit(w.replace(/\(.*\)$/, ''))}(?:${SP}[(（][^)）|｜\t<]*[)）])?`);
const BALANCE_NOTE = String.raw`[(（]?${SP}${lit('本列数据的勾稽关系')}[^|｜\t<]*`;

// ---------------------------------------------------------------------------------------------
// Headings

/** Decoration before a heading: indentation, Markdown `#`, bold `**`, a quote `>`, a BOM. */
const DECOR = String.raw`[${SPACE}\t#*>\x{feff}]*`;
const TAIL_DECOR = String.raw`[${SPACE}\t*#]*$`;
const PART_NUMERAL = `第?(?:[${CN_NUM}]{1,3}|[${DIGIT}]{1,2})`;
const PART_SEP = String.raw`(?:${WS}[、.,．，:：]${WS}|[${SPACE}\t]+|(?=[${HAN}]))`;
const alt = (...ws: string[]) => `(?:${ws.map(lit).join('|')})`;

/** The six parts by their wording (2021 and 2019 wordings and the variants the reader accepts). */
const PART_TITLES = [
  `${alt('政府信息公开工作')}?${alt('总体情况', '总体概况', '概述', '概况', '基本情况')}${free(12)}`,
  `${free(8)}${alt('主动公开政府信息')}${free(8)}`,
  `${free(8)}${alt('收到和处理政府信息', '依申请公开政府信息情况')}${free(12)}`,
  `${free(16)}${alt('行政复议', '行政诉讼')}${free(20)}`,
  `${free(12)}${alt('存在的主要问题', '存在主要问题', '存在问题', '问题及改进', '问题和改进')}${free(12)}`,
  `${alt('其他需要报告', '其他事项', '其他报告事项', '其他需报告')}${free(12)}`,
];
/** Without a numeral only the template's own wording is a heading (a lone 行政复议 is a table header). */
const PART_CANONICAL = [
  '总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况',
  '因政府信息公开工作被申请行政复议、提起行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项',
];

const sectionHeading = {
  comment: 'One of the six statutory parts: 一、总体情况 … 六、其他需要报告的事项 (numbered 一、/2、/三./第四, or unnumbered in the template wording)',
  match: `^(${DECOR})(?:(${PART_NUMERAL})(${PART_SEP})(${PART_TITLES.map((t) => `(?:${t})`).join('|')})|(${alt(...PART_CANONICAL)}${free(8)}))(${TAIL_DECOR})`,
  name: 'markup.heading.section.nianbao',
  captures: {
    1: { name: 'punctuation.definition.heading.nianbao' },
    2: { name: 'constant.numeric.section-numeral.nianbao' },
    3: { name: 'punctuation.separator.section-numeral.nianbao' },
    4: { name: 'entity.name.section.nianbao' },
    5: { name: 'entity.name.section.nianbao' },
    6: { name: 'punctuation.definition.heading.nianbao' },
  },
};

/**
 * A heading inside HTML block markup, as Word exports a page (corpus 103:
 * `<p …><span …><font …>一、总体情况</font></span>…</p>`), its title sometimes split over runs
 * (`三、收到和处理</font></span><span><font>政府信息公开申请情况`). The title starts with a part's own
 * words, and the line holds nothing after it but tags; a table cell's text is no heading.
 */
const TAG = '<[^<>]*>';
const BLOCK_TAG = '<(?!/?(?:t[dhr]|table)\\b)[^<>]*>';
const PIECE = String.raw`[^<>|｜。;；,，\t]`;
const HTML_TITLE_START = [
  `${alt('政府信息公开工作')}?${alt('总体', '概述', '概况', '基本情况')}`,
  alt('主动公开'),
  alt('收到和处理', '依申请公开'),
  `${PIECE}{0,16}?${alt('行政复议', '行政诉讼')}`,
  alt('存在的主要问题', '存在主要问题', '存在问题'),
  alt('其他需要报告', '其他事项', '其他报告事项', '其他需报告'),
];
const htmlSectionHeading = {
  comment: 'A part heading inside HTML block markup (a Word-exported page), its title possibly split over runs',
  match: `^((?:${WS}${BLOCK_TAG})+${WS})(${PART_NUMERAL})(${PART_SEP})((?:${HTML_TITLE_START.join('|')})${PIECE}{0,12}(?:(?:${TAG})+${PIECE}{1,16}){0,2})((?:${TAG}|[${SPACE}\t])*$)`,
  name: 'markup.heading.section.nianbao',
  captures: {
    1: { patterns: [{ include: '#html' }] },
    2: { name: 'constant.numeric.section-numeral.nianbao' },
    3: { name: 'punctuation.separator.section-numeral.nianbao' },
    4: { name: 'entity.name.section.nianbao', patterns: [{ include: '#html' }] },
    5: { patterns: [{ include: '#html' }] },
  },
};

const reportTitle = {
  comment: 'The title: <机关名称><年份>年政府信息公开工作年度报告 (often the issuing body is on the line before)',
  match: String.raw`^(${DECOR})([^|｜。;；\t]{0,40}?${lit('政府信息公开')}(?:${lit('工作')})?(?:${lit('年度')}|${lit('年')})?${lit('报告')})(${TAIL_DECOR})`,
  name: 'markup.heading.title.nianbao',
  captures: {
    1: { name: 'punctuation.definition.heading.nianbao' },
    2: { name: 'entity.name.section.title.nianbao', patterns: [{ include: '#date' }] },
    3: { name: 'punctuation.definition.heading.nianbao' },
  },
};

const subsectionHeading = {
  comment: 'A sub-heading at the start of a line: (一)… or （一）…, with its title when that is a short phrase (`(一)组织领导。`; a sentence with commas is prose)',
  match: String.raw`^(${DECOR})([(（])(${SP}[${CN_NUM}]{1,3}${SP})([)）])((?:[^。！？!?|｜\t,，;；]{0,40}?(?:[。:：]|(?=${TAIL_DECOR})))?)`,
  name: 'markup.heading.subsection.nianbao',
  captures: {
    1: { name: 'punctuation.definition.heading.nianbao' },
    2: { name: 'punctuation.definition.heading.nianbao' },
    3: { name: 'constant.numeric.subsection-numeral.nianbao' },
    4: { name: 'punctuation.definition.heading.nianbao' },
    5: { name: 'entity.name.section.subsection.nianbao', patterns: [{ include: '#inline' }] },
  },
};

// ---------------------------------------------------------------------------------------------
// The grammar

export function buildGrammar() {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'nianbao',
    scopeName: 'text.nianbao',
    fileTypes: ['nianbao'],
    comment: 'GENERATED by scripts/build-grammar.ts — edit that script, then run `npx tsx scripts/build-grammar.ts`.',
    patterns: [
      { include: '#section-heading' },
      { include: '#html-section-heading' },
      { include: '#report-title' },
      { include: '#table-separator-row' },
      { include: '#total-row' },
      { include: '#html' },
      { include: '#table-labels' },
      { include: '#subsection-heading' },
      { include: '#table-cell-separator' },
      { include: '#inline' },
    ],
    repository: {
      'section-heading': sectionHeading,
      'html-section-heading': htmlSectionHeading,
      'report-title': reportTitle,
      'subsection-heading': subsectionHeading,
      'table-separator-row': {
        comment: 'The Markdown table header separator: | --- | :---: |',
        begin: String.raw`^(?=${WS}[|｜]?(?:${WS}:?-{3,}:?${WS}[|｜])+(?:${WS}:?-{3,}:?)?${WS}$)`,
        end: '$',
        name: 'meta.separator.table.nianbao',
        patterns: [
          { include: '#table-cell-separator' },
          { match: ':?-+:?', name: 'punctuation.definition.table-header.nianbao' },
        ],
      },
      'total-row': {
        comment: 'A whole total row on one line (Markdown, pipe rows, HTML): | (七)总计 | 0 | … |',
        begin: String.raw`^(?=${WS}(?:<tr\b[^>]*>${WS}<t[dh]\b[^>]*>|[|｜])?${WS}(?:${totalRowLabels.join('|')})${WS}(?:[|｜]|</t[dh]>))`,
        end: '$',
        name: 'meta.table.row.total.nianbao markup.bold.total.nianbao',
        patterns: [
          { include: '#html' },
          { include: '#table-labels' },
          { include: '#table-cell-separator' },
          { include: '#inline' },
        ],
      },
      'table-labels': {
        patterns: [
          cellRule('support.type.row-label.nianbao markup.bold.total.nianbao', totalRowLabels, '(七)总计 and 四、结转下年度继续办理: row labels of the totals'),
          cellRule('markup.bold.total.nianbao', TOTAL_WORDS, 'A total header or cell: 总计, 合计'),
          cellRule('keyword.other.column-label.nianbao', [BALANCE_NOTE, ...columnLabels], 'Column headers of the three tables'),
          // Rows before groups: `3.其他` is a row, not the cut-off group `(六)其他处理`.
          cellRule('support.type.row-label.nianbao', rowLabels, 'Row labels of tables A and B'),
          cellRule('support.type.row-label.group.nianbao', groupLabels, 'Group labels: 第二十条第(一)项; 三、本年度办理结果, (三)不予公开 …'),
        ],
      },
      'table-cell-separator': {
        match: '[|｜]',
        name: 'punctuation.separator.table-cell.nianbao',
      },
      html: {
        patterns: [
          { begin: '<!--', end: '-->', name: 'comment.block.html.nianbao' },
          {
            match: String.raw`(</?)((?i:table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col|p|br|hr|span|div|b|strong|em|i|u|font|a|h[1-6]|ul|ol|li|html|head|body|meta|title|style|img|sup|sub|center|section|article))\b([^<>]*?)(/?>)`,
            name: 'meta.tag.html.nianbao',
            captures: {
              1: { name: 'punctuation.definition.tag.begin.nianbao' },
              2: { name: 'entity.name.tag.html.nianbao' },
              3: { name: 'meta.attribute.html.nianbao' },
              4: { name: 'punctuation.definition.tag.end.nianbao' },
            },
          },
          { match: '&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);', name: 'constant.character.entity.html.nianbao' },
        ],
      },
      inline: {
        patterns: [
          { include: '#document-number' },
          { include: '#date' },
          { include: '#title' },
          { include: '#number' },
        ],
      },
      'document-number': {
        comment: 'A document number: 国办公开办函〔2021〕30号, 〔2019〕60号, [2021]30号 (the issuer code only when it follows a bracket, a space or punctuation)',
        match: String.raw`(?:(?<=[(（\s《》〈〉、,，:：;；“"])[${HAN}]{2,10}(?=[〔［\[【(（][${DIGIT}]{4}[〕］\]】)）]))?[〔［\[【(（][${DIGIT}]{4}[〕］\]】)）]${SP}[${DIGIT}]+${SP}[号號]`,
        name: 'constant.other.document-number.nianbao',
      },
      date: {
        comment: 'Dates: 2023年1月1日, 2023年12月31日, 2023年, 9月30日, 2024-01-30, 二〇二四年一月五日',
        patterns: [
          {
            match: String.raw`(?<![${DIGIT}])[${DIGIT}]{4}${SP}[年](?:${SP}[${DIGIT}]{1,2}${SP}月(?:${SP}[${DIGIT}]{1,2}${SP}[日号號])?)?`,
            name: 'constant.other.date.nianbao',
          },
          {
            match: String.raw`(?<![${DIGIT}])[${DIGIT}]{4}[-/.．][01]?[${DIGIT}][-/.．][0-3]?[${DIGIT}](?![${DIGIT}])`,
            name: 'constant.other.date.nianbao',
          },
          {
            match: String.raw`(?<![${DIGIT}])[${DIGIT}]{1,2}${SP}月${SP}[${DIGIT}]{1,2}${SP}[日号號]`,
            name: 'constant.other.date.nianbao',
          },
          {
            match: String.raw`[〇○零一二三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号號])?)?`,
            name: 'constant.other.date.nianbao',
          },
        ],
      },
      title: {
        comment: 'A statute or document title: 《中华人民共和国政府信息公开条例》',
        match: '(《)([^《》]*)(》)',
        name: 'string.quoted.title.nianbao',
        captures: {
          1: { name: 'punctuation.definition.string.begin.nianbao' },
          3: { name: 'punctuation.definition.string.end.nianbao' },
        },
      },
      number: {
        comment: 'A number: ASCII or full-width digits, a decimal, a sign (本年增/减)',
        match: String.raw`(?<![${DIGIT}A-Za-z_.．])(?:[+\-−＋－](?=[${DIGIT}]))?[${DIGIT}]+(?:[.．][${DIGIT}]+)?(?![${DIGIT}A-Za-z_])`,
        name: 'constant.numeric.nianbao',
      },
    },
  };
}

export function grammarText(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

function main(argv: string[]): number {
  return writeGenerated(argv, GRAMMAR_PATH, grammarText(), 'scripts/build-grammar.ts', 'grammar is');
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
