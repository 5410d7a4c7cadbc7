// Rule prose-table-mismatch: numbers in the prose against tables 二, 三 and 四, on real reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, readReport, render, toDiagnostic } from '../../server/src/core';
import { placedCounts } from '../../server/src/core/rules/proseTableMismatch';
import { corpus, seed } from '../helpers/fixtures';

const RULE = 'prose-table-mismatch';

function findings(text: string) {
  return check(text).findings.filter((f) => f.ruleId === RULE);
}

/** Seed 003 with a paragraph put after line `after` (1-based): 5 is in part 一, 40 the heading of part 三, 256 of part 四. */
function seed003With(after: number, paragraph: string): string {
  const lines = seed('003').split('\n');
  lines.splice(after, 0, paragraph);
  return lines.join('\n');
}

const at = (text: string, line: number, character: number, length: number) => text.split('\n')[line].slice(character, character + length);

test('seed 003: its prose (收到依申请公开事项29项) agrees with table 三', () => {
  const text = seed('003');
  assert.deepEqual(placedCounts(readReport(text)).map((c) => [c.id, c.value, c.range.start.line]), [['newReceived', 29, 4]]);
  assert.deepEqual(findings(text), []);
});

test('seed 004: the prose says 1 application, the 总计 column 0: one diagnostic on the prose number, naming the cell', () => {
  const text = seed('004');
  const fs = findings(text);
  assert.equal(fs.length, 1);
  const [f] = fs;
  assert.equal(at(text, f.range.start.line, f.range.start.character, f.range.end.character - f.range.start.character), '1');
  assert.equal(f.range.start.line, 8);
  assert.equal(f.subject, 'table/applications/newReceived/total');
  assert.equal(render(f.message, 'zh-CN'),
    '正文写明本年新收政府信息公开申请数量为1，而“收到和处理政府信息公开申请情况”表中“本年新收政府信息公开申请数量”的“总计”为0，两者不一致。');
  assert.deepEqual(f.related!.map((r) => [r.range.start.line, r.range.start.character, render(r.message, 'zh-CN')]),
    [[90, 1, '表中“本年新收政府信息公开申请数量”的“总计”：0']]);
  assert.equal(toDiagnostic(f).code, RULE);
});

test('a count that differs from the table: 29 written 30', () => {
  const text = seed('003').replace('依申请公开事项29项', '依申请公开事项30项');
  const fs = findings(text);
  assert.deepEqual(fs.map((f) => [f.range.start.line, f.subject]), [[4, 'table/applications/newReceived/total']]);
  assert.match(render(fs[0].message, 'en'), /states the new applications this year as 30, but .* is 29/);
});

test('the results the prose names: rows, the sum of (一) and (二), and groups (三)(四) of table 三', () => {
  const agree = seed003With(40, '本年度办结的申请中，予以公开及部分公开16件，不予公开7件，无法提供6件，不予处理0件，其他处理0件，结转下年度继续办理0件。');
  assert.deepEqual(placedCounts(readReport(agree)).filter((c) => c.range.start.line === 40).map((c) => [c.id, c.value]), [
    ['grantedOrPartially', 16], ['denied', 7], ['unable', 6], ['notProcessed', 0], ['otherHandling', 0], ['carriedForward', 0],
  ]);
  assert.deepEqual(findings(agree), []);
  // 14 is row (二) alone: the sum (一)+(二) is 16, and a phrase is never cut to its tail.
  const sum = findings(seed003With(40, '本年度办结的申请中，予以公开及部分公开14件。'));
  assert.deepEqual(sum.map((f) => [f.range.start.line, f.subject, f.related!.length]), [[40, 'table/applications/grantedOrPartially', 2]]);
  assert.match(render(sum[0].message, 'zh-CN'), /“予以公开”与“部分公开”的“总计”之和为16/);
  const group = findings(seed003With(40, '本年度办结的申请中，不予公开5件。'));
  assert.match(render(group[0].message, 'zh-CN'), /正文写明不予公开的申请数量为5，而.*“不予公开”各项的“总计”之和为7/);
  assert.equal(group[0].related!.length, 8);
});

test('a row of the results named by its reason: the row, not its group; a list of reasons is the group', () => {
  const rows = (p: string) => placedCounts(readReport(seed003With(40, p))).filter((c) => c.range.start.line === 40).map((c) => [c.id, c.value]);
  const agree = '本年度办结的申请中，因属于国家秘密不予公开7件，本机关不掌握相关政府信息6件，重复申请0件，申请人逾期不补正0件。';
  assert.deepEqual(rows(agree), [['denied.stateSecret', 7], ['unable.notHeld', 6], ['notProcessed.duplicate', 0], ['other.noCorrection', 0]]);
  assert.deepEqual(findings(seed003With(40, agree)), []);
  // Seed 003's (三)1 is 7 and (四)1 is 6: 5 and 2 are the rows' own cells, not their groups'.
  const differ = findings(seed003With(40, '本年度办结的申请中，属于国家秘密5件，本局不掌握相关政府信息2件。'));
  assert.deepEqual(differ.map((f) => f.subject), ['table/applications/denied.stateSecret/total', 'table/applications/unable.notHeld/total']);
  assert.equal(render(differ[0].message, 'zh-CN'),
    '正文写明属于国家秘密的申请数量为5，而“收到和处理政府信息公开申请情况”表中“不予公开—属于国家秘密”的“总计”为7，两者不一致。');
  // Two reasons listed before one number count both: the group (三), whose total is 7.
  assert.deepEqual(rows('本年度办结的申请中，属于国家秘密、保护第三方合法权益不予公开7件。'), [['denied', 7]]);
});

test('numbers whose meaning is not certain are left alone', () => {
  for (const p of [
    '本年度通过网络收到政府信息公开申请5件。', // a channel: a part of the count
    '自然人申请中，予以公开1件。', // an applicant type
    '2022年共收到政府信息公开申请10件。', // another year
    '较上年收到政府信息公开申请增加3件。', // a comparison
    '全市共收到政府信息公开申请500件。', // a wider area
    '共收到政府信息公开申请20余件。', // an approximation
    '共收到政府信息公开申请30件（含上年结转0件）。', // more than the new ones (the 0 carried over agrees)
    '本年度予以公开信息120条。', // not applications
    '全年办理行政复议案件5件。', // reconsideration, but not of information disclosure
    '行政复议和行政诉讼3件。', // two counts at once
  ]) assert.deepEqual(findings(seed003With(5, p)), [], p);
  // Part 五 speaks of problems and plans, not of this year's counts.
  assert.deepEqual(findings(seed003With(292, '下一步将认真办理收到的政府信息公开申请5件。')), []);
});

test('table 四: the counts of 行政复议 and 行政诉讼, and “均获维持” against 纠正, 其他结果 and 尚未审结', () => {
  // Seed 003: no reconsideration; one lawsuit without reconsideration, pending.
  assert.deepEqual(findings(seed003With(5, '本年度因政府信息公开被申请行政复议0件，被提起行政诉讼1件。')), []);
  const count = findings(seed003With(5, '本年度因政府信息公开被申请行政复议0件，被提起行政诉讼2件。'));
  assert.deepEqual(count.map((f) => [f.range.start.line, f.subject]), [[5, 'table/reviewLitigation/litigation']]);
  assert.match(render(count[0].message, 'zh-CN'), /行政诉讼案件数量为2，.*“行政诉讼：未经复议直接起诉”与“行政诉讼：复议后起诉”的“总计”之和为1/);
  const upheld = findings(seed003With(256, '本年度发生行政诉讼1件，均获法院维持。'));
  assert.deepEqual(upheld.map((f) => [f.range.start.line, f.subject]), [[256, 'table/reviewLitigation/litigationDirect/pending']]);
  assert.equal(render(upheld[0].message, 'zh-CN'),
    '正文称“均获法院维持”，但“政府信息公开行政复议、行政诉讼情况”表中“行政诉讼：未经复议直接起诉”的“尚未审结”为1，两者不一致。');
  // The reconsiderations (none) were upheld; the nearest of the two is what the claim is about.
  assert.deepEqual(findings(seed003With(256, '本年度行政复议均获维持。')), []);
  assert.deepEqual(findings(seed003With(5, '本年度未发生政府信息公开行政复议，行政诉讼未被法院纠正。')), []);
});

test('only tables that were read are compared: an excerpt cut before the row says nothing', () => {
  const lines = seed('004').split('\n');
  assert.deepEqual(findings(lines.slice(0, 85).join('\n')), []);
});

test('real layouts: a sentence wrapped over PDF lines, numbers inside HTML markup, Traditional script', () => {
  const pdf = readReport(corpus('101'));
  assert.deepEqual(placedCounts(pdf).map((c) => [c.id, c.value, c.range.start.line]), [
    ['review', 1, 18], ['litigation', 0, 20], ['newReceived', 34, 41], ['carriedOver', 2, 42], ['granted', 9, 43],
    ['partiallyGranted', 0, 43], ['denied', 2, 43], ['unable', 10, 44], ['notProcessed', 0, 44], ['otherHandling', 14, 44],
    ['carriedForward', 1, 45],
  ]);
  assert.deepEqual(findings(corpus('101')), []);
  const html = corpus('103');
  const [c] = placedCounts(readReport(html));
  const lines = html.split('\n');
  assert.equal(lines[c.range.start.line].slice(c.range.start.character, c.range.end.character), '26');
  const traditional = '某縣市場監督管理局2024年政府信息公開工作年度報告\n一、總體情況\n本局2024年度收到5件針對本部門有關政府信息公開事務的申請。\n二、主動公開政府信息情況\n';
  assert.deepEqual(placedCounts(readReport(traditional)).map((x) => [x.id, x.value]), [['newReceived', 5]]);
});

test('prose-percentage: “占X%” recomputed from the count before it and the whole before “其中”, to the precision written', () => {
  const text = corpus('047');
  assert.deepEqual(check(text).findings.filter((f) => f.ruleId === 'prose-percentage'), []);
  // Rounded, cut or rounded up to the digits written all agree: 172/1499 = 11.474…%.
  assert.deepEqual(check(text.replace('11.47%', '11.5%').replace('1.60%', '1.6%')).findings.filter((f) => f.ruleId === 'prose-percentage'), []);
  const wrong = check(text.replace('86.92%', '87.92%')).findings.filter((f) => f.ruleId === 'prose-percentage');
  assert.equal(wrong.length, 1);
  const lines = text.split('\n');
  const { start, end } = wrong[0].range;
  assert.equal(lines[start.line].slice(start.character, end.character).replace('86', '87'), '87.92%');
  assert.equal(render(wrong[0].message, 'zh-CN'), '正文所写“87.92%”与其所述数字不符：1303占1499的86.92%。');
  assert.deepEqual(wrong[0].related!.map((r) => lines[r.range.start.line].slice(r.range.start.character, r.range.end.character)), ['1303', '1499']);
  // The whole of a “其中” is never a count that is itself a part (“包括上年结转30件。其中…”).
  const part = '2022年共完成答复100件,包括上年结转30件。其中,予以公开答复10件,占10.00%。';
  assert.deepEqual(check(part).findings.filter((f) => f.ruleId === 'prose-percentage'), []);
  assert.equal(check('2022年共完成答复100件。其中,予以公开答复10件,占1.00%。').findings.filter((f) => f.ruleId === 'prose-percentage').length, 1);
});

// Table 二 (seed 003: 行政处罚 1 decision, every other count 0; part 二's heading is line 9, part 五's 291).
test('table 二: a decision or an issued document the prose names for certain agrees with the table', () => {
  const agree = seed003With(8, '本年度共作出行政处罚决定1件，行政许可决定数量为0件；以本机关名义印发并公开的行政规范性文件0件。');
  assert.deepEqual(placedCounts(readReport(agree)).filter((c) => c.range.start.line === 8).map((c) => [c.id, c.value]), [
    ['penalties', 1], ['licensing', 0], ['normativeDocuments', 0],
  ]);
  assert.deepEqual(findings(agree), []);
  const differ = seed003With(4, '全年依法作出行政处罚决定3件，制定部门规章2件。');
  const fs = findings(differ);
  assert.deepEqual(fs.map((f) => [f.range.start.line, f.subject, f.related!.map((r) => r.range.start.line)]), [
    [4, 'table/active/penalties/decisions', [32]], [4, 'table/active/rules/issued', [16]],
  ]);
  assert.equal(render(fs[0].message, 'zh-CN'), '正文写明本年作出的行政处罚决定数量为3，而“主动公开政府信息情况”表中“行政处罚”的“本年处理决定数量”为1，两者不一致。');
  assert.equal(render(fs[0].related![0].message, 'zh-CN'), '表中“行政处罚”的“本年处理决定数量”：1');
  assert.match(render(fs[1].message, 'en'), /states the rules issued this year as 2, but “issued this year” of “Rules” in .* is 0/);
});

test('table 二: what counts published information, a wider area, or another part is left alone', () => {
  for (const line of [
    // Corpus 121 and 033: items of information published, and documents published (not issued).
    '其中，行政规范性文件0条，行政许可类信息10条，行政处罚类信息0条，行政强制类信息0条。',
    '通过政府网站主动公开市政府规章13件（含新制定5件、修改4件），主动公开行政规范性文件42件。',
    '全区共作出行政处罚决定3件。',
    '2022年作出行政处罚决定3件。',
    '受理行政许可申请12件，办理行政强制措施4件。',
  ]) {
    const text = seed003With(8, line);
    assert.deepEqual(placedCounts(readReport(text)).filter((c) => c.range.start.line === 8), [], line);
    assert.deepEqual(findings(text), [], line);
  }
  // Part 五 (problems and improvements) states no count of the tables.
  assert.deepEqual(findings(seed003With(291, '下一步将规范行政处罚决定公开，本年度作出行政处罚决定3件。')), []);
});

test('table 二 in the 2019 format: 印发 is 本年新制作数量', () => {
  const text = corpus('018').replace(/(二、主动公开政府信息情况[^\n]*\n)/, '$1本年度印发规范性文件99件。\n');
  const fs = findings(text).filter((f) => f.subject?.startsWith('table/active/'));
  assert.equal(fs.length, 1, JSON.stringify(fs.map((f) => render(f.message, 'zh-CN'))));
  assert.match(render(fs[0].message, 'zh-CN'), /“行政规范性文件”的“本年新制作数量”为0，两者不一致/);
});

test('a reason the table’s format has no row for (逾期不补正 in a 2019 table) is placed but not compared', () => {
  const text = corpus('005').replace(/(三、收到和处理政府信息公开申请情况\n)/, '$1本年度办结的申请中，申请人逾期不补正2件。\n');
  assert.equal(readReport(text).tables.applications?.version, '2019');
  assert.deepEqual(placedCounts(readReport(text)).filter((c) => c.id === 'other.noCorrection').map((c) => c.value), [2]);
  const all = check(text).findings;
  assert.deepEqual(all.filter((f) => f.ruleId === 'internal-error' || (f.ruleId === RULE && f.range.start.line === 27)), []);
});
