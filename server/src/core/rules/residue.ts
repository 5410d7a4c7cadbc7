import type { ProseLine, Report, SectionHeading } from '../model';
import { labelKey } from '../text/normalize';
import type { LineIndex } from '../text/positions';
import { selectIndices } from '../text/spliced';

/** What conversion or a web page left in a report's text that is no part of it. */
export type ResidueKind = 'bookmark' | 'pinyin' | 'replacement' | 'tag' | 'popup' | 'navigation';

export interface Residue {
  kind: ResidueKind;
  /** The residue as written (for navigation, its first line). */
  sample: string;
  /** Source offsets of the residue; `cut` is what the fix deletes (null: no fix). */
  start: number;
  end: number;
  cut: { start: number; end: number } | null;
  /** Navigation: how many lines. */
  lines?: number;
}

/** Word's hidden bookmark as text converters write it (seed 004: `[bookmark: _GoBack]`). */
const BOOKMARK = /\[bookmark: [^\]\r\n]{1,80}\]/g;
/** A pinyin annotation after an ideograph (`鎮(zhèn)`): one syllable with a tone mark. */
const PINYIN = /(?<=[\u3400-\u9fff])[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]/g;
const REPLACEMENT = /\uFFFD+/g;
/** A tag of the markup web pages and Word exports use, in a plain-text report. */
const TAG = /<\/?(?:p|br|span|div|font|b|i|u|strong|em|a|img|table|tbody|thead|tr|td|th|h[1-6]|ul|ol|li|center|sup|sub|o:p)(?:\s[^<>\r\n]{0,200})?\/?>/gi;
/** The notice a government portal shows before an outbound link, copied with the page (corpus 008). */
const POPUP = /^您访问的链接即将离开.{0,40}$/;
const POPUP_NEXT = /^是否继续[?？]?$/;
/** A cheap test before the patterns: every residue but navigation has one of these characters. */
const MAYBE = /[[(（\uFFFD<您]/;

/** Links a site prints below an article, by their label key (Traditional folded): corpus seed 002, mirror pages. */
const NAVIGATION = new Set([
  '相关词条', '热门词条', '联系我们', '联络我们', '关于我们', '网站地图', '返回顶部', '返回首页', '打印本页', '关闭窗口',
  '打印', '关闭', '分享', '分享到', '收藏', '扫一扫', '上一篇', '下一篇', '免责声明', '隐私声明', '网站声明', '使用帮助',
]);
const MAX_NAV_LINE = 12;

/** The residue in a plain-text report's prose (an HTML page's markup is read by the HTML reader). */
export function findResidue(report: Report, index: LineIndex): Residue[] {
  if (report.html) return [];
  const out: Residue[] = [];
  const prose = report.prose;
  for (const i of selectIndices(prose, 'text-residue', hasResidue)) {
    const p = prose[i];
    const at = index.offsetAt(p.range.start);
    for (const [kind, re] of [['bookmark', BOOKMARK], ['pinyin', PINYIN], ['replacement', REPLACEMENT], ['tag', TAG]] as const) {
      for (const m of p.text.matchAll(re)) {
        const start = at + m.index, end = start + m[0].length;
        out.push({ kind, sample: m[0], start, end, cut: kind === 'replacement' ? null : { start, end } });
      }
    }
    if (POPUP.test(p.text)) out.push(popup(prose, i, index));
  }
  const nav = navigation(report, index);
  if (nav) out.push(nav);
  return out.sort((a, b) => a.start - b.start);
}

/** Does the line hold residue other than navigation? (Asked of each line once: text/spliced.ts.) */
function hasResidue(p: ProseLine): boolean {
  return MAYBE.test(p.text) && (POPUP.test(p.text) || [BOOKMARK, PINYIN, REPLACEMENT, TAG].some((re) => p.text.search(re) >= 0));
}

/** The popup's line and its “是否继续？”: whole lines, deleted with their line breaks. */
function popup(prose: ProseLine[], i: number, index: LineIndex): Residue {
  const first = prose[i].range.start.line;
  const next = prose[i + 1];
  const lastLine = next && next.range.start.line === first + 1 && POPUP_NEXT.test(next.text) ? first + 1 : first;
  const start = index.offsetAt(prose[i].range.start);
  const end = index.lineEnd(lastLine);
  const whole = index.lineText(first).trim() === prose[i].text;
  const cut = whole ? { start: index.lineStarts[first], end: index.offsetAt({ line: lastLine + 1, character: 0 }) } : null;
  return { kind: 'popup', sample: prose[i].text, start, end, cut };
}

/**
 * Site navigation after the end: the last lines of the text, after part 六's own content (and its
 * 落款 and date), every one a short link label of a web page (seed 002: 相关词条, 热门词条, 联络我们).
 * The fix deletes from the end of the report's last line to the end of the last link.
 */
function navigation(report: Report, index: LineIndex): Residue | null {
  const last: SectionHeading | undefined = report.sections[report.sections.length - 1];
  if (!last || last.key !== 'otherMatters') return null;
  const prose = report.prose;
  let first = prose.length;
  while (first > 0 && prose[first - 1].range.start.line > last.line && isNavigation(prose[first - 1].text)) first--;
  if (first === prose.length) return null;
  const content = prose[first - 1];
  if (!content || content.range.start.line <= last.line) return null;
  const tables = [report.tables.active, report.tables.applications, report.tables.reviewLitigation];
  if (tables.some((t) => t && t.endLine > content.range.end.line)) return null;
  const start = index.offsetAt(prose[first].range.start);
  const end = index.offsetAt(prose[prose.length - 1].range.end);
  return { kind: 'navigation', sample: prose[first].text, start, end, cut: { start: index.offsetAt(content.range.end), end }, lines: prose.length - first };
}

function isNavigation(line: string): boolean {
  return line.length <= MAX_NAV_LINE && NAVIGATION.has(labelKey(line));
}
