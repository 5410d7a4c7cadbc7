// Every finding names its subject by the format's keys, never by position: the LSP server gives
// each diagnostic an id from it, and a code action answers that id only (test/protocol/stale.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { check, subject } from '../../server/src/core';
import { corpusFiles, seed } from '../helpers/fixtures';

const subjects = (text: string) => check(text).findings.map((f) => `${f.ruleId} ${f.subject}`);

const reports = [
  ...['000', '001', '002', '003', '004'].map((p) => ({ name: `seed ${p}`, text: seed(p) })),
  ...corpusFiles().map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') })),
];

test('subjects do not move with the text: lines inserted above give the same findings on the same subjects', () => {
  for (const { name, text } of reports) {
    const blank = text.includes('\r\n') ? '\r\n' : '\n';
    assert.deepEqual(subjects(`${blank}${blank}${text}`), subjects(text), name);
  }
});

test('seeds 002 and 004: an arithmetic finding is about its stated cell, a missing table about its table, a numeral about its part', () => {
  const ds = check(seed('002')).findings;
  assert.deepEqual(ds.map((f) => `${f.ruleId} ${f.subject}`), [
    'traditional-script document',
    'intro-part-count section/overview',
    'table-missing table/active',
    'row-total table/applications/total/total',
    'column-total table/applications/total/total',
    'table-missing table/reviewLitigation',
    'text-residue document',
  ]);
  for (const f of check(seed('004')).findings) {
    if (f.data) assert.equal(f.subject, subject.cell(f.data.table, f.data.row, f.data.column));
  }
  assert.deepEqual(check(seed('004')).findings.map((f) => `${f.ruleId} ${f.subject}`).slice(0, 3), [
    'prose-table-mismatch table/applications/newReceived/total', 'text-residue document', 'section-numeral section/applications',
  ]);
});

test('no subject names a position: rows and cells by their keys, parts by theirs (a row the format lacks by its label)', () => {
  for (const { name, text } of reports) {
    for (const s of subjects(text)) assert.match(s, /^[a-z-]+ (document(\/[a-zA-Z]+)?|rule\/[a-z-]+|section\/[a-zA-Z]+|header\/[a-z]+|table\/[a-zA-Z]+(\/\?.+|(\/[a-zA-Z.]+){0,2}))$/, `${name}: ${s}`);
  }
});
