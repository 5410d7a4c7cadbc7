// Issue 16, rules 5–7: the introduction's count of parts, the content every report has, no extra parts.
// Each check fires on a real report or a minimal change of one, and says nothing where the text is an excerpt.
import { test } from 'node:test';
import type { ProseLine } from '../../server/src/core';
import assert from 'node:assert/strict';
import { check, readReport, render } from '../../server/src/core';
import { isGovernmentsOwnReport } from '../../server/src/core/rules/accountabilityMissing';
import { corpus, seed } from '../helpers/fixtures';

const MINE = new Set(['section-extra', 'intro-part-count', 'preamble-missing', 'fee-statement-missing', 'fee-notice-contradiction', 'accountability-missing']);

/** This findings: rule id, 1-based line, subject. */
function found(text: string): string[] {
  return check(text).findings.filter((f) => MINE.has(f.ruleId)).map((f) => `${f.ruleId} ${f.range.start.line + 1} ${f.subject}`);
}
function messages(text: string, id: string): string[] {
  return check(text).findings.filter((f) => f.ruleId === id).map((f) => render(f.message, 'zh-CN'));
}
const lines = (t: string) => t.split('\n');
/** The text up to (not including) the first line that starts with `prefix`. */
function cutBefore(t: string, prefix: string): string {
  const l = lines(t);
  return l.slice(0, l.findIndex((x) => x.startsWith(prefix))).join('\n');
}
function replaceLine(t: string, prefix: string, line: string): string {
  const l = lines(t);
  const i = l.findIndex((x) => x.startsWith(prefix));
  assert.ok(i >= 0, prefix);
  l[i] = line;
  return l.join('\n');
}

// Rule 5 ------------------------------------------------------------------------------------------

test('intro-part-count: seed 002 says 八部分 and has six; seed 001 says 六部分 and has six', () => {
  assert.deepEqual(found(seed('002')).filter((f) => f.startsWith('intro')), ['intro-part-count 3 section/overview']);
  assert.deepEqual(messages(seed('002'), 'intro-part-count'), ['引言称本报告包括“八部分”，正文实有六个部分。引言所述部分应与正文各部分标题一致。']);
  assert.deepEqual(found(seed('001')), []);
});

test('intro-part-count: silent where the text holds fewer than six parts (an excerpt of seed 002 that stops in part 四)', () => {
  assert.deepEqual(found(cutBefore(seed('002'), '五、')).filter((f) => f.startsWith('intro')), []);
});

test('intro-part-count: a list of five saying 六部分 (as corpus 011 writes it) in a whole report', () => {
  const text = seed('001').replace('政府信息公开行政复议、行政诉讼情况,存在的主要问题', '存在的主要问题');
  assert.deepEqual(found(text), ['intro-part-count 4 section/overview']);
  assert.deepEqual(messages(text, 'intro-part-count'), ['引言列举了五个部分，却称共“六部分”。']);
  // '…行政复议、提起行政诉讼的情况、…改进情况和其他需要报告的事项等六个部分' is a list of six (corpus 134).
  assert.deepEqual(found(corpus('134')), []);
});

// Rule 6: the opening ------------------------------------------------------------------------------

test('preamble-missing: seeds 000 and 003 open without a title line; 001, 002 and 004 have one', () => {
  assert.deepEqual(found(seed('000')).filter((f) => f.startsWith('preamble')), ['preamble-missing 1 document/title']);
  assert.deepEqual(found(seed('003')), ['preamble-missing 1 document/title']);
  for (const p of ['001', '002', '004']) assert.deepEqual(found(seed(p)).filter((f) => f.startsWith('preamble')), [], p);
});

test('preamble-missing: no legal basis, no statistics period, no contact (seed 003 with its opening sentence rewritten)', () => {
  const l = lines(seed('003'));
  const text = ['临沂市国防动员办公室2023年政府信息公开工作年度报告', '现将本机关本年度政府信息公开工作情况报告如下。', ...l.slice(1)].join('\n');
  assert.deepEqual(found(text), ['preamble-missing 1 document/basis', 'preamble-missing 1 document/period', 'preamble-missing 1 document/contact']);
  assert.deepEqual(messages(text, 'preamble-missing').at(-1), '报告没有提供联系方式（地址、电话等），公众对报告有疑问时无从联系。');
  // Cut inside table 三, the text cannot tell whether a contact comes later; the basis and period it can.
  const cut = cutBefore(text, '(二)部分公开');
  assert.deepEqual(found(cut), ['preamble-missing 1 document/basis', 'preamble-missing 1 document/period']);
});

test('preamble-missing: a text that starts at part 一 may be a copy without the page title: nothing said', () => {
  const l = lines(seed('003'));
  assert.deepEqual(found(l.slice(1).join('\n')).filter((f) => f.startsWith('preamble')), []);
});

// Rule 6: the fee statement ------------------------------------------------------------------------

test('fee-statement-missing: seed 000 (2023) has none; a statement anywhere, a 2019 report or part 六 cut short: nothing', () => {
  assert.deepEqual(found(seed('000')).filter((f) => f.startsWith('fee')), ['fee-statement-missing 336 document/feeStatement']);
  const stated = seed('000').replace('辽源市西安区退役军人事务局\n2024年1月5日', '本年度未收取信息处理费。\n辽源市西安区退役军人事务局\n2024年1月5日');
  assert.deepEqual(found(stated).filter((f) => f.startsWith('fee')), []);
  // Cut inside part 六's paragraph, with no sign-off: the fee may come after it.
  const l = lines(seed('000'));
  const six = l.findIndex((x) => x.startsWith('六、'));
  assert.deepEqual(found([...l.slice(0, six + 1), l[six + 1].slice(0, 40)].join('\n')).filter((f) => f.startsWith('fee')), []);
  assert.deepEqual(found(cutBefore(seed('000'), '六、')).filter((f) => f.startsWith('fee')), []);
  for (const p of ['001', '002', '003', '004']) assert.deepEqual(found(seed(p)).filter((f) => f.startsWith('fee')), [], p);
});

test('fee-statement-missing: page furniture after the last sentence ends the report (seed 002 ends with site links)', () => {
  const text = seed('002').replace('山西省退役軍人事務廳2019年', '山西省退役軍人事務廳2021年').replace(/2019年1月1日起至2019年12月31日/, '2021年1月1日起至2021年12月31日');
  assert.equal(readReport(text).year?.value, 2021);
  assert.deepEqual(found(text).filter((f) => f.startsWith('fee')), ['fee-statement-missing 233 document/feeStatement']);
});

test('fee-notice-contradiction: table 三 （六）2 above 0 against part 六 saying no fee notice was issued (seed 004)', () => {
  const l = lines(seed('004'));
  const row = l.findIndex((x) => x.includes('2.申请人逾期未按收费通知'));
  l[row + 1] = '\t1';
  l[row + 7] = '\t1';
  const text = l.join('\n');
  const f = check(text).findings.filter((x) => x.ruleId === 'fee-notice-contradiction');
  assert.deepEqual(f.map((x) => [x.range.start.line + 1, x.subject, x.severity, x.related?.[0].range.start.line]), [[417, 'table/applications/other.noFee/total', 1, row + 7]]);
  assert.equal(render(f[0].message, 'zh-CN'), '此处称未发出收费通知，但“收到和处理政府信息公开申请情况”表“其他处理—申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”行填写了1件：申请人逾期未缴费的前提是行政机关发出了收费通知。');
  // '未收取' says nothing of notices: a notice may go unpaid.
  assert.deepEqual(found(text.replace('我单位本年度发出收费通知的件数和总金额以及实际收取的总金额均为0。', '本年度未收取信息处理费。')).filter((x) => x.startsWith('fee')), []);
  // Notices issued and named: no contradiction.
  assert.deepEqual(found(text.replace('发出收费通知的件数和总金额以及实际收取的总金额均为0', '发出收费通知1件，总金额100元，实际收取的总金额为0')).filter((x) => x.startsWith('fee')), []);
  assert.deepEqual(found(seed('004')).filter((x) => x.startsWith('fee')), []);
});

// Rule 6: a people's government's own report ------------------------------------------------------

test('accountability-missing: a people’s government’s own whole report without 考核、评议、责任追究', () => {
  const own = (issuer: string) => seed('003').replace('临沂市国防动员办公室2023年政府信息公开工作年度报告', `${issuer}2023年政府信息公开工作年度报告`);
  const text = `某某县人民政府2023年政府信息公开工作年度报告\n${own('某某县人民政府')}`;
  assert.deepEqual(found(text), ['accountability-missing 292 document/accountability']);
  assert.match(messages(text, 'accountability-missing')[0], /第五十条第（四）项/);
  assert.deepEqual(found(text.replace('强化监督保障。', '强化监督保障。将政务公开纳入年度绩效考核。')), []);
  // A government office or a department reports for itself.
  assert.deepEqual(found(`某某县人民政府办公室2023年政府信息公开工作年度报告\n${own('某某县人民政府办公室')}`), []);
  // Cut in part 五: the text may cover it later.
  assert.deepEqual(found(cutBefore(text, '六、')).filter((f) => f.startsWith('accountability')), []);
});

test('isGovernmentsOwnReport: decided conservatively from the issuer', () => {
  const issuer = (title: string) => isGovernmentsOwnReport(readReport(`${title}\n一、总体情况\n`));
  assert.ok(issuer('华容县人民政府2023年政府信息公开工作年度报告'));
  assert.ok(issuer('2022年上海市政府信息公开工作年度报告'));
  assert.ok(issuer('大五里镇2020年政府信息公开工作年度报告'));
  assert.ok(issuer('贵阳市人民政府（市人民政府办公厅）2021年政府信息公开工作年度报告'));
  for (const t of ['武汉市汉阳区人民政府办公室2022年政府信息公开工作年度报告', '山西省人民政府外事办公室2021年政府信息公开工作年度报告',
    '平潭综合实验区2019年度政府信息公开工作年度报告', '佳荣里街2021年政府信息公开工作年度报告', '和平区发展改革委2019年政府信息公开工作年度报告']) {
    assert.equal(issuer(t), false, t);
  }
});

// Rule 7 ------------------------------------------------------------------------------------------

test('section-extra: a part 七 after 六, named in the warning (seed 001)', () => {
  const text = `${seed('001').trimEnd()}\n七、附件说明\n本报告附件另行公布。\n`;
  // Its introduction's 六部分 no longer matches either.
  assert.deepEqual(found(text), ['intro-part-count 4 section/overview', 'section-extra 349 document']);
  assert.deepEqual(messages(text, 'section-extra'), ['“七、附件说明”不是年度报告的法定部分。年度报告由六个部分组成，内容“不能遗漏，也不宜泛化”（国办公开办函〔2021〕30号），其内容宜并入相应部分。']);
});

test('section-extra: a non-statutory part between 四 and 五, the parts after it renumbered (seed 003)', () => {
  let text = replaceLine(seed('003'), '五、存在的主要问题', '六、存在的主要问题和改进计划');
  text = replaceLine(text, '六、其他需要报告的事项', '七、其他需要报告的事项');
  text = text.replace('六、存在的主要问题和改进计划', '五、重点领域信息公开情况\n本年度重点领域信息公开工作有序推进。\n六、存在的主要问题和改进计划');
  assert.deepEqual(found(text).filter((f) => f.startsWith('section-extra')), ['section-extra 291 document']);
});

test('section-extra: sub-items numbered 一、二、 inside a part, and table rows, are no parts', () => {
  // Part 一 of seed 000 with its sub-headings (一)(二)… written 一、二、…: the next part is still numbered 二、.
  const text = seed('000').replace(/^\(([一二三四五])\)/gm, '$1、');
  assert.notEqual(text, seed('000'));
  assert.deepEqual(found(text).filter((f) => f.startsWith('section-extra')), []);
  // Table 三's rows without their table (corpus 013 has headings only): '四、结转下年度继续办理' after part 三.
  const rows = '一、总体情况\n概述。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n';
  assert.deepEqual(found(rows).filter((f) => f.startsWith('section-extra')), []);
  for (const p of ['000', '001', '002', '003', '004']) assert.deepEqual(found(seed(p)).filter((f) => f.startsWith('section-extra')), [], p);
});

test('proseIn: the prose of a span, made line by line, is the prose of those lines', () => {
  const reports = [...['000', '001', '002', '003', '004'].map(seed), ...['101', '103', '134', '013'].map(corpus)];
  for (const text of reports) {
    const r = readReport(text);
    const plain = (ls: Iterable<ProseLine>) => [...ls].map(({ text, range, section }) => ({ text, range, section }));
    assert.deepEqual(plain(r.proseIn(0, Infinity)), plain(r.prose));
    const from = r.sections[2]?.line ?? 0;
    const to = r.sections[4]?.line ?? Infinity;
    const inSpan = [...r.proseIn(from, to)];
    assert.ok(inSpan.every((p) => r.prose.includes(r.prose.find((q) => q.range.start.line === p.range.start.line && q.range.start.character === p.range.start.character)!)));
    assert.deepEqual(inSpan.map((p) => p.section), r.prose.filter((p) => inSpan.some((q) => q.range.start.line === p.range.start.line && q.range.start.character === p.range.start.character)).map((p) => p.section));
  }
});
