import type { DamagedPeriod, Labelled, Report, ReportDate, SectionHeading } from '../model';
import { fold } from '../text/normalize';
import { spanRange, type SourceText } from '../text/source';

const DIGITS = '0-9\\uff10-\\uff19';
const D = `[${DIGITS}]`;
const TITLE = /^(.{0,40}?)((?:19|20)\d{2})\s*年度?(.{0,24}?)政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/;
const QUOTED_TITLE = /《([^》]{2,60}?((?:19|20)\d{2})\s*年度?[^》]{0,24}?政府信息公开[^》]{0,8}?(?:报告|年报))》/;
const PERIOD = new RegExp(
  `(${D}{4})\\s*年\\s*(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*日\\s*起?\\s*(?:至|到|—|－|-|~|～)\\s*(?:(${D}{4})\\s*年\\s*)?(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*日`,
);

/**
 * The words that make a date range the statistics period: right before it (统计期限为…, 数据的时间期限为…),
 * or 期间的政府信息公开 right after it (…1231日期间的政府信息公开工作).
 */
const PERIOD_WORD = /(?:(?:统计|統計)(?:期限|时限|時限|期间|期間|区间|區間|时间|時間|范围|範圍)?|(?:数据|數據|时间|時間)(?:期限|时限|時限))(?:为|為|是|自|从|從|：|:|\s)*$/;
const PERIOD_AFTER = /^\s*(?:止\s*)?(?:期间|期間)的?政府信息公(?:开|開)/;
/** A date range whatever its digits: each end some digits, 年 and 月 optional, then 日. */
const LOOSE_PERIOD = new RegExp(`(${D}[${DIGITS}\\s年月]{0,16}?日)(\\s*起?\\s*(?:至|到|—|－|-|~|～)\\s*)(${D}[${DIGITS}\\s年月]{0,16}?日)`);
/** The page's own date above the report: 发布日期：2021-01-29, 时间:2020-01-23 (not 采集时间, 更新时间). */
const PUBLISHED = new RegExp(
  `(?:发布|發布|发文|成文|^|[^\\u4e00-\\u9fff])(?:日期|时间|時間)\\s*[:：]\\s*(${D}{4})(?:-|年|/)(${D}{1,2})(?:-|月|/)(${D}{1,2})日?`,
);
/** A 落款 date: the line holds the date alone. */
const SIGNED = new RegExp(`^[\\s\\u3000]*(${D}{4})\\s*年\\s*(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*日[\\s\\u3000]*$`);
/** How far after part 六's heading the 落款 is looked for. */
const SIGNATURE_LINES = 300;

type HeaderInfo = Pick<Report, 'title' | 'issuer' | 'year' | 'period' | 'damagedPeriod' | 'dates' | 'signatory'>;

/**
 * The title (often split over two lines), the issuing body before the year, and the
 * statistics period, from the lines before the first section heading (or the top 20);
 * the page's 发布日期 above the report and the 落款 after part 六.
 */
export function readHeader(src: SourceText, headings: readonly SectionHeading[]): HeaderInfo {
  const firstHeadingLine = headings[0]?.line ?? -1;
  const limit = Math.min(src.lines.length, firstHeadingLine >= 0 ? Math.max(firstHeadingLine, 1) : 20, 40);
  const info: HeaderInfo = { title: null, issuer: null, year: null, period: null, damagedPeriod: null, dates: [], signatory: null };
  findTitle(src, limit, info);
  const periodLimit = Math.min(src.lines.length, Math.max(limit, firstHeadingLine + 40));
  info.period = findPeriod(src, periodLimit);
  if (!info.period?.stated) info.damagedPeriod = findDamagedPeriod(src, periodLimit);
  if (!info.year && info.period) {
    info.year = { value: Number(fold(info.period.from.slice(0, 4))), range: info.period.range };
  }
  info.dates = findPublished(src, limit);
  const sixth = headings.find((h) => h.key === 'otherMatters');
  if (sixth) findSignature(src, sixth.line + 1, Math.min(src.lines.length, sixth.line + 1 + SIGNATURE_LINES), info);
  return info;
}

function findTitle(src: SourceText, limit: number, info: HeaderInfo): void {
  const matchAt = (i: number, joined: boolean) => {
    if (i >= limit) return null;
    const l = src.lines[i];
    let t = l.text.trim();
    if (joined) {
      if (i + 1 >= limit || t.length > 40 || /[,，:：。]/.test(t)) return null;
      t += src.lines[i + 1].text.trim();
    }
    // A table row is no title, even when a cell holds it (a page's 名称 | … metadata row).
    if (!t || t.length > 80 || /[。;；|]/.test(t)) return null;
    // Page furniture before a title: '标题:', 'Page 8 -'.
    const f = fold(t).replace(/^(?:标题[:]\s*|Page\s*\d+\s*-\s*)/i, '');
    const m = TITLE.exec(f);
    if (!m || /[,，]/.test(f.slice(0, m.index + m[0].length)) || f.length - m[0].length > 6) return null;
    return { m, last: src.lines[joined ? i + 1 : i], first: l, text: t };
  };
  for (let i = 0; i < limit; i++) {
    // A title may be split over two lines: '北京市大兴区退役军人事务局' + '2023年政府信息公开工作年度报告'.
    const next = matchAt(i + 1, false);
    const hit = matchAt(i, false) ?? (next && (next.m[1] || next.m[3]) ? null : matchAt(i, true));
    if (!hit) continue;
    const lead = hit.first.text.length - hit.first.text.trimStart().length;
    const lastLen = hit.last.text.trimEnd().length;
    const range = {
      start: spanRange(src, hit.first, lead, lead).start,
      end: spanRange(src, hit.last, lastLen, lastLen).end,
    };
    info.title = { text: hit.text, range };
    info.year = { value: Number(hit.m[2]), range };
    info.issuer = issuerOf(hit.m[1], hit.m[3], info.title);
    return;
  }
  for (let i = 0; i < limit; i++) {
    const l = src.lines[i];
    const q = QUOTED_TITLE.exec(l.text);
    if (!q) continue;
    const from = q.index + 1;
    const title: Labelled = { text: q[1], range: spanRange(src, l, from, from + q[1].length) };
    const m = TITLE.exec(fold(q[1]));
    info.title = title;
    info.year = { value: Number(fold(q[2])), range: title.range };
    info.issuer = m ? issuerOf(m[1], m[3], title) : null;
    return;
  }
}

function issuerOf(before: string, after: string, title: Labelled): Labelled | null {
  let name = /[\u4e00-\u9fff()（）〔〕【】]*$/.exec(before.trim())![0];
  if (!name && after) name = after.endsWith('人民') ? `${after}政府` : after;
  name = name.replace(/[《》\s]/g, '');
  return name.length >= 2 ? { text: name, range: title.range } : null;
}

function findPeriod(src: SourceText, limit: number): Report['period'] {
  let fallback: Report['period'] = null;
  for (let i = 0; i < limit; i++) {
    const l = src.lines[i];
    const m = PERIOD.exec(l.text);
    if (!m) continue;
    const y1 = fold(m[1]);
    const y2 = m[4] ? fold(m[4]) : y1;
    const period = {
      text: m[0],
      from: `${y1}-${fold(m[2]).padStart(2, '0')}-${fold(m[3]).padStart(2, '0')}`,
      to: `${y2}-${fold(m[5]).padStart(2, '0')}-${fold(m[6]).padStart(2, '0')}`,
      range: spanRange(src, l, m.index, m.index + m[0].length),
      stated: namesPeriod(l.text, m.index, m.index + m[0].length),
    };
    if (/统计|期限|时限/.test(l.text)) return period;
    fallback ??= period;
  }
  return fallback;
}

/** Whether the words around a date range in its line name it the statistics period. */
function namesPeriod(line: string, from: number, to: number): boolean {
  return PERIOD_WORD.test(line.slice(Math.max(0, from - 12), from)) || PERIOD_AFTER.test(line.slice(to, to + 12));
}

const isDateEnd = (s: string, yearRequired: boolean) =>
  (yearRequired ? /^\d{4}年\d{1,2}月\d{1,2}日$/ : /^(?:\d{4}年)?\d{1,2}月\d{1,2}日$/).test(s);

/**
 * A statistics period whose dates cannot be read: a range named as the period, starting with a
 * year's four digits, where an end is no date (`202020年12月31日`, `201911日`, `1231日`).
 */
function findDamagedPeriod(src: SourceText, limit: number): DamagedPeriod | null {
  for (let i = 0; i < limit; i++) {
    const l = src.lines[i];
    if (!/日/.test(l.text)) continue;
    const m = LOOSE_PERIOD.exec(l.text);
    if (!m || !namesPeriod(l.text, m.index, m.index + m[0].length)) continue;
    const [a, b] = [fold(m[1]).replace(/\s/g, ''), fold(m[3]).replace(/\s/g, '')];
    if (!/^(?:19|20)\d{2}/.test(a) || (isDateEnd(a, true) && isDateEnd(b, false))) continue;
    const end = (text: string, from: number): Labelled => ({ text, range: spanRange(src, l, from, from + text.length) });
    return {
      text: m[0],
      range: spanRange(src, l, m.index, m.index + m[0].length),
      ends: [end(m[1], m.index), end(m[3], m.index + m[1].length + m[2].length)],
    };
  }
  return null;
}

function isoDate(y: string, m: string, d: string): string | null {
  const [yy, mm, dd] = [Number(fold(y)), Number(fold(m)), Number(fold(d))];
  const days = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  if (mm < 1 || mm > 12 || dd < 1 || dd > days) return null;
  return `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function findPublished(src: SourceText, limit: number): ReportDate[] {
  const out: ReportDate[] = [];
  for (let i = 0; i < limit; i++) {
    const l = src.lines[i];
    if (!/[:：]/.test(l.text)) continue;
    const m = PUBLISHED.exec(l.text);
    const date = m && isoDate(m[1], m[2], m[3]);
    if (!m || !date) continue;
    const from = m.index + m[0].indexOf(m[1]);
    const to = m.index + m[0].length;
    out.push({ date, text: l.text.slice(from, to), range: spanRange(src, l, from, to), kind: 'published' });
  }
  return out;
}

/** The 落款: the first line after part 六's heading that is a date alone, under a line naming a body. */
function findSignature(src: SourceText, from: number, to: number, info: HeaderInfo): void {
  for (let i = from; i < to; i++) {
    const l = src.lines[i];
    if (l.text.length > 40 || !l.text.endsWith('日') && !/日\s*$/.test(l.text)) continue;
    const m = SIGNED.exec(l.text);
    const date = m && isoDate(m[1], m[2], m[3]);
    if (!m || !date) continue;
    let k = i - 1;
    while (k >= from && !src.lines[k].text.trim()) k--;
    const name = k >= from ? src.lines[k].text.trim() : '';
    // A date alone without a body's name above it may be anything: only a 落款 is read.
    if (name.length < 4 || name.length > 40 || /[，,。；;：:、！？|]|\d/.test(name)) return;
    const start = src.lines[k].text.indexOf(name);
    info.signatory = { text: name, range: spanRange(src, src.lines[k], start, start + name.length) };
    const a = l.text.length - l.text.trimStart().length;
    const b = l.text.trimEnd().length;
    info.dates.push({ date, text: l.text.slice(a, b), range: spanRange(src, l, a, b), kind: 'signed' });
    return;
  }
}
