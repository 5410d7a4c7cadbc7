import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { check, readReport, toDiagnostic } from '../../server/src/core';
import type { Report, Table } from '../../server/src/core/model';
import type { Finding } from '../../server/src/core/rules/types';
import { corpus, corpusExpectation, corpusFiles, type TableState } from '../helpers/fixtures';

const ARITHMETIC = new Set(['row-total', 'column-total', 'carry-over-balance', 'review-litigation-total']);
const TABLES = ['active', 'applications', 'reviewLitigation'] as const;
/** Blank cells are compared through the model (`blankRows`), not through their diagnostics' count or wording. */
const isBlankFinding = (f: Finding) => f.ruleId.includes('blank');

/** The table's state as the model gives it. */
function stateOf(table: Table | null): TableState {
  if (!table) return 'absent';
  if (table.unreadable) return 'unreadable';
  return table.missingRows.length ? 'cut' : 'complete';
}

function blankRowsOf(report: Report): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const kind of TABLES) {
    const rows = report.tables[kind]?.rows.filter((r) => r.key && r.cells.some((c) => c.problem === 'blank')) ?? [];
    if (rows.length) out[kind] = rows.map((r) => r.key!);
  }
  return out;
}

function valueOf(report: Report, key: string): (number | null)[] | undefined {
  const dot = key.indexOf('.');
  const table = report.tables[key.slice(0, dot) as (typeof TABLES)[number]];
  return table?.rows.find((r) => r.key === key.slice(dot + 1))?.cells.map((c) => c.value);
}

const sorted = <T,>(xs: T[]) => [...xs].sort();

test('every corpus report is read without an exception and without a false arithmetic error', () => {
  const files = corpusFiles();
  assert.ok(files.length >= 47);
  for (const f of files) {
    const { findings } = check(readFileSync(f, 'utf8'));
    const expected = corpusExpectation(f).findings.filter((x) => ARITHMETIC.has(x.code)).map((x) => `${x.code}@${x.line}`);
    const arithmetic = findings.filter((x) => ARITHMETIC.has(x.ruleId));
    const unsupported = arithmetic.filter((x) => !expected.includes(`${x.ruleId}@${x.range.start.line + 1}`));
    assert.deepEqual(unsupported.map((x) => toDiagnostic(x).message), [], basename(f));
    assert.ok(!findings.some((x) => x.ruleId === 'internal-error'), basename(f));
  }
});

for (const file of corpusFiles()) {
  const expect = corpusExpectation(file);
  test(`corpus ${basename(file)} reads as its expectation says`, expect.todo ? { todo: expect.todo } : {}, () => {
    const text = readFileSync(file, 'utf8');
    const report = readReport(text);
    const states = Object.fromEntries(TABLES.map((k) => [k, stateOf(report.tables[k])]));
    assert.deepEqual(states, expect.tables, 'table states');
    for (const [key, values] of Object.entries(expect.values)) assert.deepEqual(valueOf(report, key), values, key);
    const blank = blankRowsOf(report);
    assert.deepEqual(
      Object.fromEntries(TABLES.map((k) => [k, sorted(blank[k] ?? [])])),
      Object.fromEntries(TABLES.map((k) => [k, sorted(expect.blankRows[k] ?? [])])),
      'rows with blank cells',
    );
    const found = check(text).findings.filter((f) => !isBlankFinding(f)).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
    assert.deepEqual(sorted(found), sorted(expect.findings.map((f) => `${f.code}@${f.line}`)), 'findings (rule@line)');
  });
}

test('layouts of the corpus: pipe rows, the 2019 format, Traditional script', () => {
  assert.equal(readReport(corpus('002_laifeng')).tables.active?.layout, 'pipeRows');
  assert.equal(readReport(corpus('015')).tables.active?.version, '2019');
  assert.equal(readReport(corpus('023')).script, 'traditional');
  assert.equal(readReport(corpus('103')).html, true);
});
