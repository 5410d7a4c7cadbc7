import type { SectionDef } from './types';

/** The six sections of the 2021 format (the 2019 format has the same six). */
export const SECTIONS: readonly SectionDef[] = [
  {
    key: 'overview', ordinal: 1, numeral: '一', title: '总体情况', titleEn: 'Overview',
    match: /^(总体情况|总体概况|概述|概况|基本情况|政府信息公开工作基本情况|政府信息公开工作总体情况)/,
  },
  {
    key: 'activeDisclosure', ordinal: 2, numeral: '二', title: '主动公开政府信息情况',
    titleEn: 'Proactive disclosure', match: /主动公开政府信息/, table: 'active',
  },
  {
    key: 'applications', ordinal: 3, numeral: '三', title: '收到和处理政府信息公开申请情况',
    titleEn: 'Applications received and handled',
    match: /收到[和的及与]?处理政府信息|依申请公开政府信息情况/, table: 'applications',
  },
  {
    key: 'reviewLitigation', ordinal: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况',
    titleEn: 'Administrative reconsideration and litigation', match: /行政复议|行政诉讼/,
    table: 'reviewLitigation',
  },
  {
    key: 'problems', ordinal: 5, numeral: '五', title: '存在的主要问题及改进情况',
    titleEn: 'Main problems and improvements', match: /存在的?主要问题|存在问题|问题及改进|问题和改进/,
  },
  {
    key: 'otherMatters', ordinal: 6, numeral: '六', title: '其他需要报告的事项',
    titleEn: 'Other matters to report', match: /^其他需要报告|^其他事项|^其他报告事项|^其他需报告/,
  },
];

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Value of a heading numeral: 一…十, 十一…, or Arabic digits. */
export function numeralValue(n: string): number | null {
  if (/^\d+$/.test(n)) return Number(n);
  if (n.length === 1) {
    const i = CHINESE_NUMERALS.indexOf(n);
    return i >= 0 ? i + 1 : null;
  }
  if (n.length === 2 && n[0] === '十') {
    const i = CHINESE_NUMERALS.indexOf(n[1]);
    return i >= 0 ? 10 + i + 1 : null;
  }
  return null;
}
