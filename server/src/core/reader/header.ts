import type { Labelled, Report } from '../model';
import { fold } from '../text/normalize';
import { spanRange, type SourceText } from '../text/source';

const D = '[0-9\\uff10-\\uff19]';
const TITLE = /^(.{0,40}?)((?:19|20)\d{2})\s*年度?(.{0,24}?)政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/;
const QUOTED_TITLE = /《([^》]{2,60}?((?:19|20)\d{2})\s*年度?[^》]{0,24}?政府信息公开[^》]{0,8}?(?:报告|年报))》/;
const PERIOD = new RegExp(
  `(${D}{4})\\s*年\\s*(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*日\\s*起?\\s*(?:至|到|—|－|-|~|～)\\s*(?:(${D}{4})\\s*年\\s*)?(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*日`,
);

type HeaderInfo = Pick<Report, 'title' | 'issuer' | 'year' | 'period'>;

/**
 * The title (often split over two lines), the issuing body before the year, and the
 * statistics period, from the lines before the first section heading (or the top 20).
 */
export function readHeader(src: SourceText, firstHeadingLine: number): HeaderInfo {
  const limit = Math.min(src.lines.length, firstHeadingLine >= 0 ? Math.max(firstHeadingLine, 1) : 20, 40);
  const info: HeaderInfo = { title: null, issuer: null, year: null, period: null };
  findTitle(src, limit, info);
  info.period = findPeriod(src, Math.min(src.lines.length, Math.max(limit, firstHeadingLine + 40)));
  if (!info.year && info.period) {
    info.year = { value: Number(fold(info.period.from.slice(0, 4))), range: info.period.range };
  }
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
    if (!t || t.length > 80 || /[。;；]/.test(t)) return null;
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
  let name = /[\u4e00-\u9fff()（）]*$/.exec(before.trim())![0];
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
    };
    if (/统计|期限|时限/.test(l.text)) return period;
    fallback ??= period;
  }
  return fallback;
}
