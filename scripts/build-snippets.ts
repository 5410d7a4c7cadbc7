/**
 * Writes snippets/nianbao.code-snippets from the pure renderers of the core, so that the statutory
 * formats stay data in one place (server/src/core/formats → server/src/core/render → the snippets).
 *
 *   npx tsx scripts/build-snippets.ts           write the snippets
 *   npx tsx scripts/build-snippets.ts --check   exit 1 when the committed file is not what this script writes
 *   (--file PATH writes or checks PATH instead)
 *
 * The skeleton snippets are the template report of `renderReport` with tab stops: the issuing body
 * and the year (mirrored in the preamble and the statistics period), the contact address and phone,
 * and each part's prose. With every placeholder at its default the snippet is exactly `renderReport`
 * for 机关名称 and the default year (this script checks that), and that report passes every check.
 */
import { writeGenerated } from './generated';
import { join } from 'node:path';
import type { FormatVersion, TableKind } from '../server/src/core/model';
import { SECTIONS } from '../server/src/core/formats/sections';
import { preamble, renderReport, reportTitle, sectionHeading, SECTION_PROSE } from '../server/src/core/render/report';
import { renderTable } from '../server/src/core/render/tables';

export const SNIPPETS_PATH = join(__dirname, '..', 'snippets', 'nianbao.code-snippets');

/** A piece of a snippet body: literal text, or a tab stop (with its default; without one it mirrors or is empty). */
type Seg = string | { tab: number; default?: string };

/** Escapes literal text for the snippet syntax: `\`, `$` and `}` (inside a placeholder as well). */
export function escapeSnippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function toSnippet(segs: Seg[]): string {
  return segs
    .map((s) => (typeof s === 'string' ? escapeSnippetText(s) : s.default === undefined ? `\${${s.tab}}` : `\${${s.tab}:${escapeSnippetText(s.default)}}`))
    .join('');
}

/** The text the snippet inserts when every placeholder keeps its default. */
function toDefaultText(segs: Seg[]): string {
  const defaults = new Map<number, string>();
  for (const s of segs) if (typeof s !== 'string' && s.default !== undefined) defaults.set(s.tab, s.default);
  return segs.map((s) => (typeof s === 'string' ? s : (defaults.get(s.tab) ?? ''))).join('');
}

/** Splits `text` at each occurrence of `token`, putting `seg(i)` for the i-th occurrence. */
function splitAt(segs: Seg[], token: string, seg: (i: number) => Seg): Seg[] {
  let n = 0;
  return segs.flatMap((s) => {
    if (typeof s !== 'string') return [s];
    const parts = s.split(token);
    return parts.flatMap((p, i) => (i === 0 ? [p] : [seg(n++), p]));
  });
}

const ISSUER = '\u0000ISSUER\u0000';
const YEAR = 987654321;
const ISSUER_DEFAULT = '机关名称';
const CONTACT = '（地址：；电话：）';

const TAB = { issuer: 1, year: 2, address: 3, phone: 4, firstProse: 5 };

/** A sub-heading of the template prose ('（一）主动公开') stays literal; the rest is a tab stop. */
const SUBHEADING = /^（[一二三四五六七八九十]+）/;

interface Built {
  body: string[];
  defaultText: string;
}

function lines(segs: Seg[]): Built {
  return { body: toSnippet(segs).split('\n'), defaultText: toDefaultText(segs) };
}

function skeleton(version: FormatVersion, defaultYear: number): Built {
  const header = `${reportTitle(ISSUER, YEAR)}\n\n${preamble(ISSUER, YEAR, version)}\n\n`;
  if (!header.includes(CONTACT)) throw new Error(`the preamble no longer has ${CONTACT}: update scripts/build-snippets.ts`);
  let segs: Seg[] = [header];
  segs = splitAt(segs, ISSUER, (i) => (i === 0 ? { tab: TAB.issuer, default: ISSUER_DEFAULT } : { tab: TAB.issuer }));
  segs = splitAt(segs, String(YEAR), (i) => (i === 0 ? { tab: TAB.year, default: String(defaultYear) } : { tab: TAB.year }));
  segs = splitAt(segs, CONTACT, () => ({ tab: -1 })).flatMap((s) =>
    typeof s !== 'string' && s.tab === -1 ? ['（地址：', { tab: TAB.address }, '；电话：', { tab: TAB.phone }, '）'] : [s],
  );
  // As renderReport: each part is its heading, then its table or prose, then a blank line (none after the last).
  let tab = TAB.firstProse;
  SECTIONS.forEach((s, i) => {
    segs.push(`${sectionHeading(s.ordinal)}\n`);
    if (s.table) segs.push(`${renderTable(s.table, version, 'markdown')}\n`);
    else for (const line of SECTION_PROSE[s.key] ?? []) segs.push(SUBHEADING.test(line) ? line : { tab: tab++, default: line }, '\n');
    if (i < SECTIONS.length - 1) segs.push('\n');
  });
  segs.push({ tab: 0 });
  const built = lines(segs);
  const expected = renderReport({ issuer: ISSUER_DEFAULT, year: defaultYear, version, layout: 'markdown' });
  if (built.defaultText !== expected) throw new Error(`the ${version} skeleton with its defaults is not renderReport's report: update scripts/build-snippets.ts`);
  return built;
}

function table(kind: TableKind, version: FormatVersion): Built {
  return lines([renderTable(kind, version, 'markdown'), '\n', { tab: 0 }]);
}

interface SnippetDef {
  prefix: string[];
  description: string;
  body: string[];
}

export function buildSnippets(): Record<string, SnippetDef> {
  const notice2021 = '国办公开办函〔2021〕30号';
  const notice2019 = '国办公开办函〔2019〕60号';
  const zero = '各数值单元格均为0';
  return {
    '政府信息公开工作年度报告（2021年格式）': {
      prefix: ['nianbao', 'nianbao-2021', '年报', '年度报告'],
      description: `政府信息公开工作年度报告全文框架（${notice2021}格式，2021年度及以后）：标题、前言（机关名称、年度、统计期限、联系地址和电话）、六个部分及三张法定表格，${zero}。`,
      body: skeleton('2021', 2024).body,
    },
    '政府信息公开工作年度报告（2019年格式）': {
      prefix: ['nianbao-2019', 'nianbao2019', '年报2019', '年度报告2019'],
      description: `政府信息公开工作年度报告全文框架（${notice2019}格式，用于2019、2020年度报告）：标题、前言、六个部分及三张法定表格，${zero}。`,
      body: skeleton('2019', 2020).body,
    },
    '主动公开政府信息情况表（2021年格式）': {
      prefix: ['biao-a', 'biao-zhudong', '主动公开表'],
      description: `第二部分“主动公开政府信息情况”的法定表格（${notice2021}格式）：第二十条第（一）（五）（六）（八）项，${zero}。`,
      body: table('active', '2021').body,
    },
    '主动公开政府信息情况表（2019年格式）': {
      prefix: ['biao-a-2019', 'biao-zhudong-2019', '主动公开表2019'],
      description: `第二部分“主动公开政府信息情况”的法定表格（${notice2019}格式）：第二十条第（一）（五）（六）（八）（九）项，${zero}。`,
      body: table('active', '2019').body,
    },
    '收到和处理政府信息公开申请情况表（2021年格式）': {
      prefix: ['biao-b', 'biao-shenqing', '申请情况表'],
      description: `第三部分“收到和处理政府信息公开申请情况”的法定表格（${notice2021}格式，“（六）其他处理”分三项），${zero}。`,
      body: table('applications', '2021').body,
    },
    '收到和处理政府信息公开申请情况表（2019年格式）': {
      prefix: ['biao-b-2019', 'biao-shenqing-2019', '申请情况表2019'],
      description: `第三部分“收到和处理政府信息公开申请情况”的法定表格（${notice2019}格式，“（六）其他处理”为一行），${zero}。`,
      body: table('applications', '2019').body,
    },
    '政府信息公开行政复议、行政诉讼情况表': {
      prefix: ['biao-c', 'biao-fuyi', '复议诉讼表'],
      description: `第四部分“政府信息公开行政复议、行政诉讼情况”的法定表格（2019、2021年格式相同）：行政复议、未经复议直接起诉、复议后起诉各五项，${zero}。`,
      body: table('reviewLitigation', '2021').body,
    },
  };
}

export function snippetsText(): string {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}

function main(argv: string[]): number {
  return writeGenerated(argv, SNIPPETS_PATH, snippetsText(), 'scripts/build-snippets.ts', 'snippets are');
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
