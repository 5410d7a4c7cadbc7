// `nianbao check --format html|sarif|csv [--output FILE]` on a folder of real reports (the seeds and
// corpus reports): the page, SARIF and CSV say what the JSON output says, file for file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCli } from '../../server/src/cli/main';
import { corpusFiles, seedPath } from '../helpers/fixtures';
import { sarifProblems, sarifSchemaProblems } from '../helpers/sarifShape';

let dir: string;
const REPORTS = () => ['000', '001', '002', '003', '004'].map(seedPath).concat(corpusFiles().filter((_, i) => i % 4 === 0));

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-review-'));
  for (const f of REPORTS()) copyFileSync(f, join(dir, basename(f)));
  writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2])); // a PDF saved as .txt: not checked
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => Buffer.alloc(0) });
  return { code, out, err };
}

interface JsonFile { file: string; diagnostics: { severity: number; code: string; message: string; range: { start: { line: number; character: number } } }[]; error?: string }
async function jsonRun(): Promise<{ code: number; files: JsonFile[] }> {
  const r = await cli('check', '--format', 'json', dir);
  return { code: r.code, files: JSON.parse(r.out) };
}

/** RFC 4180 parsed back: quoted fields with "" and line breaks, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  assert.equal(field + row.join(''), '', 'the last row ends with CRLF');
  return rows;
}

test('--format html --output: one page, a row per report with the counts and verdicts of the JSON output, worst first', async () => {
  const json = await jsonRun();
  const out = join(dir, '..', `${basename(dir)}-review.html`);
  try {
    const r = await cli('check', '--format', 'html', '--output', out, dir);
    assert.equal(r.code, json.code);
    assert.equal(r.out, '', 'nothing on standard output');
    const html = readFileSync(out, 'utf8');
    const rows = [...html.matchAll(/<tr class="report \w+" data-file="([^"]*)" data-errors="(\d+)" data-warnings="(\d+)" data-verdict="(\w+)"/g)]
      .map((m) => ({ file: m[1], errors: +m[2], warnings: +m[3], verdict: m[4] }));
    const expected = json.files.filter((f) => !f.error).map((f) => {
      const errors = f.diagnostics.filter((d) => d.severity === 1).length;
      return { file: f.file, errors, warnings: f.diagnostics.filter((d) => d.severity === 2).length, verdict: errors ? 'returned' : 'passed' };
    });
    assert.deepEqual([...rows].sort((a, b) => a.file.localeCompare(b.file)), [...expected].sort((a, b) => a.file.localeCompare(b.file)));
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].errors > rows[i].errors || (rows[i - 1].errors === rows[i].errors && rows[i - 1].warnings >= rows[i].warnings), 'worst first');
    assert.ok(rows.some((x) => x.verdict === 'returned') && rows.some((x) => x.verdict === 'passed'), 'both verdicts on this folder');
    assert.match(html, /<tr class="unchecked" data-file="[^"]*scan\.txt">/);
    assert.match(html, /<span class="body">辽源市西安区退役军人事务局<\/span>/);
    assert.equal((html.match(/<tr class="finding sev/g) ?? []).length, json.files.reduce((a, f) => a + f.diagnostics.length, 0));
    // A second run does not overwrite the page, and with --force does not check it either.
    const again = await cli('check', '--format', 'html', '--output', out, dir);
    assert.equal(again.code, 2);
    assert.match(again.err, /文件已存在/);
    assert.equal(readFileSync(out, 'utf8'), html);
  } finally {
    rmSync(out, { force: true });
  }
});

test('the page written inside the folder it reviews is not reviewed by the next run (--force)', async () => {
  const out = join(dir, 'review.html');
  try {
    assert.ok((await cli('check', '--format', 'html', '--output', out, dir)).code <= 2);
    const second = await cli('check', '--format', 'html', '--output', out, '--force', dir);
    assert.ok(second.code <= 2);
    assert.doesNotMatch(readFileSync(out, 'utf8'), /data-file="[^"]*review\.html"/);
  } finally {
    rmSync(out, { force: true });
  }
});

test('--format sarif: a valid SARIF 2.1.0 log with a result per diagnostic of the JSON output and the file not checked as a notification', async () => {
  const json = await jsonRun();
  const r = await cli('check', '--format', 'sarif', dir);
  assert.equal(r.code, json.code);
  const log = JSON.parse(r.out);
  assert.deepEqual(sarifProblems(log), []);
  assert.deepEqual(sarifSchemaProblems(log), []);
  const run = log.runs[0];
  const results = run.results.map((x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
    const p = x.locations[0].physicalLocation;
    return `${decodeURIComponent(p.artifactLocation.uri).split('/').pop()}:${p.region.startLine}:${p.region.startColumn}:${x.ruleId}`;
  });
  const expected = json.files.flatMap((f) => f.diagnostics.map((d) => `${basename(f.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}:${d.code}`));
  assert.deepEqual(results, expected);
  const notes = run.invocations[0].toolExecutionNotifications;
  assert.equal(notes.length, 1);
  assert.match(notes[0].locations[0].physicalLocation.artifactLocation.uri, /scan\.txt$/);
  const ids = new Set(run.tool.driver.rules.map((x: { id: string }) => x.id));
  for (const x of run.results) assert.ok(ids.has(x.ruleId), x.ruleId);
});

test('--format csv: BOM, header, a row per finding and per file not checked; parsed back it equals the JSON output', async () => {
  const json = await jsonRun();
  const r = await cli('check', '--format', 'csv', dir);
  assert.ok(r.out.startsWith('\ufeff文件,发布机关,年度,行,列,严重程度,规则,消息\r\n'));
  const [header, ...rows] = parseCsv(r.out.slice(1));
  assert.equal(header.length, 8);
  const expected = json.files.flatMap((f) => (f.error ? [[f.file, '未检查', f.error]] : f.diagnostics.map((d) => [f.file, String(d.range.start.line + 1), String(d.range.start.character + 1), d.code, d.message])));
  const got = rows.map((c) => (c[5] === '未检查' ? [c[0], c[5], c[7]] : [c[0], c[3], c[4], c[6], c[7].replace(/^'(?=[=+\-@])/, '')]));
  assert.deepEqual(got, expected);
  for (const c of rows) assert.equal(c.length, 8);
  const en = await cli('check', '--format', 'csv', '--lang', 'en', dir);
  assert.ok(en.out.startsWith('\ufeffFile,Issuing body,Year,Line,Column,Severity,Rule,Message\r\n'));
});

test('--output - is standard output; --format takes only the formats there are; --output with text and json too', async () => {
  const page = await cli('check', '--format', 'html', '--output', '-', seedPath('004'));
  assert.match(page.out, /^<!DOCTYPE html>/);
  const bad = await cli('check', '--format', 'xml', dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format/);
  const out = join(dir, '..', `${basename(dir)}-out.json`);
  try {
    const r = await cli('check', '--format', 'json', '--output', out, seedPath('004'));
    assert.equal(r.out, '');
    assert.equal(JSON.parse(readFileSync(out, 'utf8'))[0].file, seedPath('004'));
  } finally {
    rmSync(out, { force: true });
  }
  assert.ok(!existsSync(join(dir, '-')));
});
