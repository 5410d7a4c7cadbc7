import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnswerMemory, REMEMBERED_FILES, decide, detectMode, workspaceAnswer, type Situation } from '../../client/src/reportMode';

const base: Situation = { candidate: true, listed: false, setting: 'ask' };
const report = () => true;
const notReport = () => false;
/** A reader that fails the test when the decision did not need the text. */
const unread = () => assert.fail('the text was read although the answer did not depend on it');

test('a received report is offered by default; a text that is no report is left alone', () => {
  assert.equal(decide(base, report), 'offer');
  assert.equal(decide(base, notReport), 'leave');
  assert.equal(decide({ ...base, candidate: false }, unread), 'leave');
});

test('a file answered 切换 switches whenever it opens, without reading it; one answered 不再询问 is never offered again', () => {
  assert.equal(decide({ ...base, file: 'report' }, unread), 'switch');
  assert.equal(decide({ ...base, file: 'plain' }, unread), 'leave');
  // The file's own answer beats every wider one.
  for (const workspace of ['switch', 'off'] as const) {
    for (const setting of ['ask', 'switch', 'off'] as const) {
      assert.equal(decide({ ...base, file: 'report', workspace, setting, listed: true }, unread), 'switch');
      assert.equal(decide({ ...base, file: 'plain', workspace, setting, listed: true }, unread), 'leave');
    }
  }
});

test('nianbao.reportFiles switches without reading, unless the file says otherwise', () => {
  assert.equal(decide({ ...base, listed: true, setting: 'off' }, unread), 'switch');
  assert.equal(decide({ ...base, listed: true, workspace: 'off' }, unread), 'switch');
});

test('the workspace answer beats the setting; the setting applies where the workspace has none', () => {
  assert.equal(decide({ ...base, workspace: 'switch' }, report), 'switch');
  assert.equal(decide({ ...base, workspace: 'switch' }, notReport), 'leave');
  assert.equal(decide({ ...base, workspace: 'off', setting: 'switch' }, unread), 'leave');
  assert.equal(decide({ ...base, workspace: 'switch', setting: 'off' }, report), 'switch');
  assert.equal(decide({ ...base, setting: 'switch' }, report), 'switch');
  assert.equal(decide({ ...base, setting: 'off' }, unread), 'leave');
});

test('stored and configured values are read defensively', () => {
  assert.equal(detectMode('switch'), 'switch');
  assert.equal(detectMode('off'), 'off');
  for (const v of ['ask', undefined, null, 'SWITCH', 1, {}]) assert.equal(detectMode(v), 'ask');
  assert.equal(workspaceAnswer('off'), 'off');
  for (const v of ['ask', undefined, 'never', []]) assert.equal(workspaceAnswer(v), undefined);
});

test('the memory keeps each file\'s answer, round-trips through the state, and drops what is malformed', () => {
  const m = new AnswerMemory(undefined);
  m.set('file:///a/1.txt', 'report');
  m.set('file:///a/2.html', 'plain');
  m.set('file:///a/1.txt', 'plain');
  const again = new AnswerMemory(JSON.parse(JSON.stringify(m.toJSON())));
  assert.equal(again.get('file:///a/1.txt'), 'plain');
  assert.equal(again.get('file:///a/2.html'), 'plain');
  assert.equal(again.size, 2);
  const junk = new AnswerMemory([['file:///ok.txt', 'report'], ['file:///x', 'maybe'], [1, 'report'], 'file:///y', null]);
  assert.deepEqual(junk.toJSON(), [['file:///ok.txt', 'report']]);
  assert.equal(new AnswerMemory({ 'file:///z': 'report' }).size, 0);
});

test('the memory is bounded: past its capacity the least recently used answer goes', () => {
  const m = new AnswerMemory(undefined, 3);
  for (const n of [1, 2, 3]) m.set(`file:///${n}.txt`, 'report');
  m.get('file:///1.txt'); // used: now the newest
  m.set('file:///4.txt', 'plain');
  assert.deepEqual(m.toJSON().map(([k]) => k), ['file:///3.txt', 'file:///1.txt', 'file:///4.txt']);
  const big = new AnswerMemory(undefined);
  for (let i = 0; i < REMEMBERED_FILES * 3; i++) big.set(`file:///r/${i}.txt`, 'report');
  assert.equal(big.size, REMEMBERED_FILES);
  assert.equal(big.get(`file:///r/${REMEMBERED_FILES * 3 - 1}.txt`), 'report');
  assert.equal(big.get('file:///r/0.txt'), undefined);
  // A stored list longer than the capacity (an older version's, or edited by hand) is cut to it.
  assert.equal(new AnswerMemory(big.toJSON(), 10).size, 10);
});

test('a renamed file or folder keeps its answers; a deleted one loses them; clear says how many it forgot', () => {
  const m = new AnswerMemory(undefined);
  m.set('file:///w/收到/甲.txt', 'report');
  m.set('file:///w/收到/乙.html', 'plain');
  m.set('file:///w/收到2/丙.txt', 'report');
  assert.equal(m.rename('file:///w/收到/甲.txt', 'file:///w/收到/甲2.txt'), true);
  assert.equal(m.get('file:///w/收到/甲2.txt'), 'report');
  assert.equal(m.get('file:///w/收到/甲.txt'), undefined);
  // A folder moves its files, and only its own: 收到2 is not inside 收到.
  assert.equal(m.rename('file:///w/收到', 'file:///w/已审'), true);
  assert.deepEqual(m.toJSON().map(([k]) => k).sort(), ['file:///w/已审/乙.html', 'file:///w/已审/甲2.txt', 'file:///w/收到2/丙.txt']);
  assert.equal(m.rename('file:///w/none', 'file:///w/other'), false);
  assert.equal(m.forget('file:///w/已审'), true);
  assert.equal(m.forget('file:///w/已审'), false);
  assert.equal(m.clear(), 1);
  assert.equal(m.size, 0);
});
