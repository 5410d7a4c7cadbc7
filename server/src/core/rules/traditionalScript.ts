import { msg } from '../l10n/text';
import { simplifyEdits } from '../service/simplify';
import { lazyFix, subject, type Rule } from './types';

const MESSAGE = {
  zh: '本报告使用繁体中文。国家机关公文应使用规范汉字（《中华人民共和国国家通用语言文字法》第九条），可转换为简体中文，数字和表格位置保持不变。',
  en: 'This report is in Traditional Chinese. Public bodies write in standard (Simplified) characters (National Common Language and Script Law, art. 9); it can be converted, keeping every number and the tables where they are.',
};
export const SIMPLIFY_TITLE = { zh: '转换为简体中文', en: 'Convert to Simplified Chinese' };

/** A report in Traditional Chinese (often a mirror site's copy): said once, with the conversion as its fix. */
export const traditionalScript: Rule = {
  id: 'traditional-script',
  severity: 3,
  inputs: ['sections', 'active', 'applications'],
  description: { zh: '报告使用简体中文', en: 'The report is in Simplified Chinese' },
  check(ctx) {
    const { report, index } = ctx;
    if (report.script !== 'traditional') return [];
    const range = report.title?.range ?? report.sections[0]?.title.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: index.lineEnd(0) } };
    return [{
      ruleId: this.id, subject: subject.document(), severity: this.severity, range, message: msg(MESSAGE),
      fix: lazyFix(msg(SIMPLIFY_TITLE), () => simplifyEdits(ctx.text)),
    }];
  },
};
