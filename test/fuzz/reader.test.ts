// Property: the reader and every rule return on any mutation of any report, quickly, without
// throwing, with every range inside the document on valid UTF-16 positions.
import { test, after } from 'node:test';
import fc from 'fast-check';
import { check, LineIndex, readReport, RULES, toDiagnostic, type Finding } from '../../server/src/core';
import { fixAll, quickFixes } from '../../server/src/core/service/actions';
import { looksLikeReport } from '../../server/src/core/service/detect';
import { hoverAt } from '../../server/src/core/service/hover';
import { foldingRanges, outline, type OutlineItem } from '../../server/src/core/service/outline';
import { recomputeAll } from '../../server/src/core/service/recompute';
import { assertOffsets, assertRange, BASES, describeDoc, fuzz, fuzzSummary, mutatedDocArb } from '../helpers/fuzz';

/** Generous for a 2-core CI machine under load: the slowest seen case is ~100 times faster. */
const TIME_LIMIT_MS = 2000;

function checkFindings(text: string, index: LineIndex, findings: Finding[], where: string): void {
  for (const f of findings) {
    const what = `${where}: ${f.ruleId}`;
    if (f.ruleId === 'internal-error') throw new Error(`${what}: a rule or the reader threw`);
    assertRange(text, index, f.range, what);
    for (const r of f.related ?? []) assertRange(text, index, r.range, `${what} related`);
    for (const e of f.fix?.edits ?? []) assertOffsets(text, e.start, e.end, `${what} fix`);
    for (const t of [f.message.template.zh, f.message.template.en]) {
      for (const m of t.matchAll(/\{(\w+)\}/g)) if (!(m[1] in f.message.args)) throw new Error(`${what}: message argument {${m[1]}} missing`);
    }
    const d = toDiagnostic(f, 'zh-CN');
    if (d.data) {
      for (const v of [d.data.expected, d.data.actual]) if (!Number.isSafeInteger(v)) throw new Error(`${what}: data value ${v} is not a safe integer`);
    }
    JSON.stringify(d);
  }
}

function checkOutline(text: string, index: LineIndex, items: OutlineItem[], where: string): void {
  for (const item of items) {
    const [a, b] = assertRange(text, index, item.range, `${where} symbol range`);
    const [c, d] = assertRange(text, index, item.selectionRange, `${where} symbol selectionRange`);
    // VS Code rejects a whole outline whose selectionRange lies outside its range.
    if (c < a || d > b) throw new Error(`${where}: symbol “${JSON.stringify(item.name)}” selectionRange ${JSON.stringify(item.selectionRange)} outside its range ${JSON.stringify(item.range)}`);
    checkOutline(text, index, item.children, where);
  }
}

/** The reader, every rule alone (no engine catching for it), the engine and every editor service. */
function exercise(text: string, where: string, hoverAt0: number, versions: readonly ('auto' | '2019' | '2021')[] = ['auto', '2019', '2021']): void {
  const index = new LineIndex(text);
  for (const formatVersion of versions) {
    const report = readReport(text, { formatVersion });
    for (const rule of RULES) {
      try {
        checkFindings(text, index, rule.check({ report, text, index }), `${where} [${formatVersion}]`);
      } catch (e) {
        (e as Error).message = `rule ${rule.id} [${formatVersion}]: ${(e as Error).message}`;
        throw e;
      }
    }
    if (formatVersion !== 'auto') continue;
    // With the format read from the document: the engine and every editor service too.
    const { findings } = check(text);
    checkFindings(text, index, findings, where);
    for (const t of [report.tables.active, report.tables.applications, report.tables.reviewLitigation]) {
      if (!t) continue;
      assertRange(text, index, t.range, `${where}: table ${t.kind} range`);
      for (const r of t.rows) {
        assertRange(text, index, r.label.range, `${where}: row label`);
        for (const c of r.cells) {
          const [a, b] = assertRange(text, index, c.range, `${where}: cell`);
          if (a !== c.start || b !== c.end) throw new Error(`${where}: cell “${c.text}” offsets ${c.start}…${c.end} differ from its range ${a}…${b}`);
        }
      }
      for (const m of t.missingRows) {
        assertRange(text, index, m.anchor, `${where}: missing-row anchor`);
        assertOffsets(text, m.insertAt, m.insertAt, `${where}: missing-row insertAt`);
      }
    }
    for (const s of report.sections) {
      assertRange(text, index, s.range, `${where}: heading`);
      assertRange(text, index, s.extent, `${where}: heading extent`);
    }
    for (const p of report.prose) assertRange(text, index, p.range, `${where}: prose`);
    checkOutline(text, index, outline(report), where);
    for (const f of foldingRanges(report)) {
      if (!(f.startLine >= 0 && f.startLine < f.endLine && f.endLine < index.lineCount)) throw new Error(`${where}: folding range ${JSON.stringify(f)}`);
    }
    for (const f of findings) for (const a of quickFixes(report, f)) for (const e of a.edits) assertOffsets(text, e.start, e.end, `${where}: quick fix`);
    for (const e of fixAll(report, findings)?.edits ?? []) assertOffsets(text, e.start, e.end, `${where}: fix-all`);
    for (const e of recomputeAll(report)) assertOffsets(text, e.start, e.end, `${where}: recompute`);
    const p = index.positionAt(hoverAt0 % (text.length + 1));
    const h = hoverAt(report, p, 'zh-CN');
    if (h) assertRange(text, index, h.cell.range, `${where}: hover`);
    hoverAt(report, { line: 1e9, character: -5 }, 'en');
    looksLikeReport(text);
  }
}

test('every seed, corpus and rendered report passes the invariants unmutated', () => {
  for (const b of BASES) exercise(b.text, b.name, 0);
});

test('fuzz: the reader, every rule and every service survive mutated reports, in time, with valid ranges', () => {
  const versions = fc.constantFrom(['auto'] as const, ['auto', '2019'] as const, ['auto', '2021'] as const);
  fuzz('reader-and-rules', 300, fc.tuple(mutatedDocArb(), fc.nat(), versions), ([doc, h, v], record) => {
    const t0 = performance.now();
    exercise(doc.text, describeDoc(doc), h, v);
    const ms = performance.now() - t0;
    record(ms);
    if (ms > TIME_LIMIT_MS) throw new Error(`${describeDoc(doc)}: took ${ms.toFixed(0)} ms (limit ${TIME_LIMIT_MS} ms)`);
  });
});

test('fuzz: random text (not a report at all) reads without throwing', () => {
  const arb = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '|', '\t', ' ', '0', '1', '一、', '总体情况', '<td>', '</tr>', '&nbsp;', '行政复议', '本年新收政府信息公开申请数量'), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 300 }).map((a) => a.join('')),
  );
  fuzz('random-text', 2000, fc.tuple(arb, fc.nat()), ([text, h], record) => {
    const t0 = performance.now();
    exercise(text, JSON.stringify(text).slice(0, 300), h, ['auto']);
    record(performance.now() - t0);
  });
});

after(() => {
  for (const s of fuzzSummary()) process.stdout.write(`# ${s.name}: ${s.runs} cases in ${(s.ms / 1000).toFixed(1)} s, slowest ${s.slowest.toFixed(0)} ms\n`);
});
