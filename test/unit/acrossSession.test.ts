// The incremental session with a workspace (the server's): cross-report rules run on edits as a fresh
// check does, and again when another report is filed anew (ReportIndex.file, ReportSession.recheckAcross).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, readIdentity, readReport, ReportIndex } from '../../server/src/core';
import { ReportSession } from '../../server/src/core/incremental/session';
import { applyEdits } from '../../server/src/core/service/actions';
import { writeCell } from '../../server/src/core/service/cellEdit';
import { seed } from '../helpers/fixtures';

const THIS_YEAR = seed('003');
const LAST_YEAR = THIS_YEAR.replaceAll('2023', '2022');
const withCarriedForward = (text: string, value: number) => {
  const cell = readReport(text).tables.applications!.rows.find((r) => r.key === 'carriedForward')!.cells.find((c) => c.column === 'commercial')!;
  return applyEdits(text, writeCell(cell, value));
};
const carryOver = (fs: { ruleId: string }[]) => fs.filter((f) => f.ruleId === 'carry-over-across-years').length;

test('a session sees last year\'s report, and sees it change once it is filed again', () => {
  const files: Record<string, string> = { last: withCarriedForward(LAST_YEAR, 2) };
  const index = new ReportIndex({ reports: () => [], read: (uri) => files[uri] ?? null });
  const session = new ReportSession(THIS_YEAR, { workspace: index });
  assert.equal(carryOver(session.findings), 0, 'not filed yet');
  index.file('last', readIdentity(files.last));
  session.recheckAcross();
  assert.equal(carryOver(session.findings), 1);
  assert.deepEqual(session.findings, check(THIS_YEAR, { workspace: index }).findings);
  files.last = LAST_YEAR;
  index.file('last', readIdentity(files.last));
  session.recheckAcross();
  assert.equal(carryOver(session.findings), 0);
  files.last = withCarriedForward(LAST_YEAR, 2);
  index.file('last', null);
  session.recheckAcross();
  assert.equal(carryOver(session.findings), 0, 'left out');
  assert.deepEqual(index.find(readIdentity(LAST_YEAR)!.body, 2022), []);
});

test('a session\'s edits keep the cross-report findings a fresh check gives', () => {
  const files: Record<string, string> = { last: withCarriedForward(LAST_YEAR, 2) };
  const index = new ReportIndex({ reports: () => Object.keys(files), read: (uri) => files[uri] ?? null });
  const session = new ReportSession(THIS_YEAR, { workspace: index });
  const line = THIS_YEAR.split('\n').findIndex((l) => l.includes('五、'));
  session.update({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n' });
  assert.deepEqual(session.findings, check(session.text, { workspace: index }).findings);
  assert.ok(carryOver(session.findings) === 1 && session.findings.some((f) => f.ruleId === 'copied-text'));
});
