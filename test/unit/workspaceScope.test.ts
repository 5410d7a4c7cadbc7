import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countShown, isCandidate, isSkippedPath } from '../../client/src/workspaceScope';
import { looksLikeReport } from '../../server/src/core/service/detect';
import { seed } from '../helpers/fixtures';

test('the workspace check leaves out build output and dependencies, at any depth', () => {
  for (const p of ['/w/node_modules/a.txt', '/w/sub/.git/x.md', '/w/dist/r.txt', '/out/r.html', '/w/.vscode-test/c/r.txt']) assert.ok(isSkippedPath(p), p);
  for (const p of ['/w/报告/2023.txt', '/w/distant/r.txt', '/w/outbox/r.md', '/w/node_modules_old.txt']) assert.ok(!isSkippedPath(p), p);
});

test('a candidate: a .nianbao file, a file open in the report language, or a text that reads as a report', () => {
  assert.ok(isCandidate('/w/a.nianbao', '', looksLikeReport, false));
  assert.ok(isCandidate('/w/a.txt', '随手记', looksLikeReport, true));
  assert.ok(isCandidate('/w/a.txt', seed('003'), looksLikeReport, false));
  assert.ok(!isCandidate('/w/a.txt', '这不是年度报告。', looksLikeReport, false));
});

test('the summary counts files, errors and warnings as the Problems panel shows them (not information or hints)', () => {
  assert.deepEqual(countShown([]), { files: 0, errors: 0, warnings: 0 });
  assert.deepEqual(countShown([[{ severity: 0 }, { severity: 1 }, { severity: 2 }, { severity: 3 }], [], [{ severity: 0 }]]), { files: 3, errors: 2, warnings: 1 });
});
