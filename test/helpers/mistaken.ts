// Reports written by the product itself with mistakes put in, so that every rule speaks: the
// language tests (chinese.test.ts, english.test.ts) render every message from them.
import { renderReport } from '../../server/src/core/render/report';
import { renderTable } from '../../server/src/core/render/tables';
import { TRANSFORMS } from './layouts';

/** Reports written by the product itself, each with mistakes put in: every rule gets to speak. */
export function mistaken(): string[] {
  const ok = renderReport({ issuer: '某某县人民政府办公室', year: 2023, layout: 'pipeRows' });
  const l = ok.split('\n');
  const at = (prefix: string) => l.findIndex((x) => x.startsWith(prefix));
  const put = (edits: Record<number, string>) => l.map((x, i) => edits[i] ?? x).join('\n');
  const row = (prefix: string, cells: string[]) => `${l[at(prefix)].split(' | ')[0]} | ${cells.join(' | ')} |`;
  return [
    put({
      [at('一、本年新收')]: row('一、本年新收', ['2', '', '0', '0', '0', '0', '0']),
      [at('（七）总计')]: row('（七）总计', ['1', '0', '0', '0', '0', '0', '3']),
      [at('1.属于国家秘密')]: row('1.属于国家秘密', ['-1', '2.5', '/', '0', '0', '0', '0']),
      [at('3.危及')]: row('3.危及', ['', '', '', '', '', '', '']),
      [at('行政事业性收费')]: '行政事业性收费 | 251000元 |',
      [at('行政许可')]: '行政许可 | 12.5万元 |',
      [at('五、')]: '5、存在的主要问题及改进情况',
      [at('行政处罚')]: '行政检查 | 0 |',
      [at('（三）不予公开')]: '（三）不予公开 | 1 | 2 |',
    }),
    put({ [at('一、总体情况')]: '总体情况', [at('六、')]: '', [at('（二）部分公开')]: '', [at('2.重复申请')]: '2.重复申请 | 0 | 0 |' }),
    l.slice(0, at('（三）不予公开')).join('\n'),
    l.filter((x, i) => i < at('二、') || i >= at('五、')).join('\n') + '\n六、其他需要报告的事项\n',
    l.filter((x, i) => !(i > at('二、') && i < at('三、') - 1)).join('\n'),
    [...l.slice(0, at('五、')), ...l.slice(at('六、')), ...l.slice(at('五、'), at('六、'))].join('\n'),
    // Conversion residue of every kind, site navigation after the end, and a report in Traditional Chinese.
    put({ [at('一、总体情况') + 1]: '您访问的链接即将离开“某某县人民政府”门户网站\n是否继续？\n[bookmark: _GoBack]本机关依法公开政府信息，乡鎮(zhèn)<span>政府</span>信息\uFFFD\uFFFD公开。' }) + '\n相关词条\n联系我们\n',
    TRANSFORMS.traditional(ok),
    put({ [at('（七）总计')]: row('（七）总计', ['0', '0', '0', '0', '0', '0', '0']), [at('四、结转下年度')]: row('四、结转下年度', ['5', '0', '0', '0', '0', '0', '5']) }),
    `四、政府信息公开行政复议、行政诉讼情况\n${renderTable('reviewLitigation', '2021', 'pipeRows', () => '')}\n`,
    `四、政府信息公开行政复议、行政诉讼情况\n${renderTable('reviewLitigation', '2021', 'pipeRows', (r, c) => (r === 'review' && c === 'total' ? '3' : '0'))}\n`,
    '随便一段文字。',
    // The format of another year, the 2019 notice cited, and table 二's numbers that do not go together.
    renderReport({ issuer: '某某局', year: 2023, version: '2019', layout: 'pipeRows', value: (r, c) => (({ 'licensing/change': '-3', 'rules/newlyPublished': '2' }) as Record<string, string>)[`${r}/${c}`] ?? '0' }),
    renderReport({ issuer: '某某局', year: 2020, version: '2021', layout: 'pipeRows', value: (r, c) => (r === 'rules' && c === 'issued' ? '2' : '0') }),
    // The statistics period of another year, not a whole year, damaged; a 落款 after the deadline.
    ok.replace('自2023年1月1日起至2023年12月31日止', '自2022年1月1日起至2022年12月31日止'),
    ok.replace('自2023年1月1日起至2023年12月31日止', '自2023年1月1日起至2023年11月30日止'),
    `${ok.replace('自2023年1月1日起至2023年12月31日止', '自202311日起至1231日止')}\n某某县人民政府办公室\n2024年4月2日\n`,
    `${renderReport({ issuer: '某某县统计局', year: 2023, layout: 'pipeRows' })}\n某某县统计局\n2024年2月5日\n`,
    // Prose against the tables: counts, a sum of rows, a group, and “均获维持” against a correction.
    put({ [at('一、总体情况')]: '一、总体情况\n本年度共收到政府信息公开申请3件，予以公开及部分公开2件，不予公开1件。\n共收到政府信息公开申请4件。其中，网络申请1件，占50%。' }),
    `四、政府信息公开行政复议、行政诉讼情况\n本年度因政府信息公开被申请行政复议1件，均获维持。\n${renderTable('reviewLitigation', '2021', 'pipeRows', (r, c) => (r === 'review' && (c === 'corrected' || c === 'total') ? '1' : '0'))}\n`,
    // Tables that cannot be read: cells glued to a label; rows short of numbers; numbers under no label.
    put({ [at('一、本年新收')]: l[at('一、本年新收')].replace(/ \| /g, '') }),
    l.map((x) => (/^[1-8]\.|^（[一二四五]）|^[一二]、/.test(x) ? x.replace(/ \| 0 \| 0 \| 0 \| 0 \| 0 \|/, ' |') : x)).join('\n'),
    l.filter((x) => !x.startsWith('5.属于')).map((x) => x.replace(/^[1-4]\.(?:属于|其他法律|危及|保护)[^|]*\|/, '|')).join('\n'),
    // The introduction's count and list, an extra part, the opening, the fee statement, a people's government's report.
    `${put({ [at('本报告根据')]: `${l[at('本报告根据')]}本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等八部分组成。` })}\n七、附件说明\n本报告附件另行公布。\n`,
    put({ 0: '现将本年度政府信息公开工作情况报告如下。', [at('本报告根据')]: '' }),
    l.filter((x) => !x.includes('收费通知') && !x.includes('信息处理费')).join('\n'),
    put({ [at('2.申请人逾期未按收费通知')]: row('2.申请人逾期未按收费通知', ['1', '0', '0', '0', '0', '0', '1']) }),
    renderReport({ issuer: '某某县人民政府', year: 2023, layout: 'pipeRows' }),
  ];
}
