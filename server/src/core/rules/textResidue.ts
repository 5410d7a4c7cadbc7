import { msg, type Text } from '../l10n/text';
import { findResidue, type ResidueKind } from './residue';
import { subject, type Finding, type Rule } from './types';

const MESSAGES: Record<ResidueKind, Text> = {
  bookmark: {
    zh: '文本中有格式转换残留“{sample}”（Word文档的书签标记），不属于报告内容。',
    en: 'Conversion residue “{sample}” (a Word bookmark) is in the text; it is no part of the report.',
  },
  pinyin: {
    zh: '文本中有网页转换残留的拼音注音“{sample}”，不属于报告内容。',
    en: 'A pinyin annotation “{sample}” left by a web page is in the text; it is no part of the report.',
  },
  replacement: {
    zh: '文本中有{count}个无法识别的字符“{sample}”，原文的字在转换中丢失，请对照原件补正。',
    en: '{count} unreadable character(s) “{sample}”: characters of the original were lost in conversion; restore them from the original.',
  },
  tag: {
    zh: '纯文本报告中有残留的网页标记“{sample}”，不属于报告内容。',
    en: 'A leftover HTML tag “{sample}” is in this plain-text report; it is no part of the report.',
  },
  popup: {
    zh: '文本中有网站离站弹窗的提示语（“您访问的链接即将离开……”），不属于报告内容。',
    en: 'A web site\'s pop-up notice (“您访问的链接即将离开…”, leaving the site) is in the text; it is no part of the report.',
  },
  navigation: {
    zh: '报告正文结束后有{lines}行网站导航等页面残留（“{sample}”等），不属于报告内容。',
    en: '{lines} line(s) of site navigation (“{sample}” …) follow the end of the report; they are no part of it.',
  },
};
const FIX = { zh: '删除残留内容', en: 'Remove the residue' };

/** The residue as quoted: pinyin without its parentheses, a long tag cut, inner quotes nested as ‘…’. */
function shown(kind: ResidueKind, sample: string): string {
  const s = kind === 'pinyin' ? sample.slice(1, -1) : sample.length > 30 ? `${sample.slice(0, 30)}…` : sample;
  return s.replace(/“/g, '‘').replace(/”/g, '’');
}

/** Conversion residue and web-page remnants in the text (rules/residue.ts): each said where it is, removed by its fix. */
export const textResidue: Rule = {
  id: 'text-residue',
  severity: 2,
  inputs: ['sections'],
  description: { zh: '文本中没有格式转换残留和网页残留', en: 'No conversion residue or web-page remnants in the text' },
  check({ report, index }) {
    return findResidue(report, index).map((r): Finding => ({
      ruleId: this.id,
      subject: subject.document(),
      severity: this.severity,
      range: { start: index.positionAt(r.start), end: index.positionAt(r.end) },
      message: msg(MESSAGES[r.kind], { sample: shown(r.kind, r.sample), count: r.sample.length, lines: r.lines ?? 1 }),
      ...(r.cut ? { fix: { title: msg(FIX), edits: [{ ...r.cut, newText: '' }], preferred: true, safe: true } } : {}),
    }));
  },
};
