// The benchmark (`npm run bench`): prints a table and writes bench/results.json.
// Not a test: figures vary with the machine; ratios measured in one run are what to compare.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readAndCheck, type ReportTask } from '../server/src/cli/checkReport';
import { decodeText } from '../server/src/core/text/decode';
import { decodeReport } from '../server/src/cli/files';
import { lint } from 'markdownlint/sync';
import { check, readIdentity } from '../server/src/core';
import { ReportSession } from '../server/src/core/incremental/session';
import { YearPrints, type PartPrint } from '../server/src/core/workspace/prints';
import { DocumentStore } from '../server/src/lsp/documents';
import { diagnosticsOf } from '../server/src/lsp/convert';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';
import { BULK_NAMES, withBulkBytes } from '../test/helpers/bigShapes';

const ROOT = join(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
const read = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(ROOT, dir, f), 'utf8') }));
const seeds = read('examples');

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (x: number) => Number(x.toFixed(3));

/** Keystrokes as an editor sends them: typing and deleting digits in table cells, and typing in prose. */
function keystrokes(text: string, count: number) {
  const lines = text.split(/\r\n|\r|\n/);
  const numberLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*\d+\s*\|?\s*$/.test(l)).map(([, i]) => i);
  const proseLines = lines.map((l, i) => [l, i] as const).filter(([l]) => l.length > 40 && l.includes('。')).map(([, i]) => i);
  const out: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] = [];
  for (let k = 0; k < count; k++) {
    const inTable = k % 4 !== 3 && numberLines.length > 0;
    const line = inTable ? numberLines[(k * 7) % numberLines.length] : proseLines[(k * 5) % Math.max(1, proseLines.length)] ?? 0;
    const col = lines[line].search(/\d/) >= 0 && inTable ? lines[line].search(/\d/) : 0;
    // Type a digit, then delete it again: the text returns to the original every two keystrokes.
    if (k % 2 === 0) out.push({ range: { start: { line, character: col }, end: { line, character: col } }, text: '7' });
    else out.push({ range: { start: { line: out[k - 1].range.start.line, character: out[k - 1].range.start.character }, end: { line: out[k - 1].range.start.line, character: out[k - 1].range.start.character + 1 } }, text: '' });
  }
  return out;
}

/** Server work per keystroke, from the didChange to the diagnostics ready to send. */
function serverKeystrokes(text: string, count: number) {
  const store = new DocumentStore();
  const uri = 'file:///bench.txt';
  store.didOpen(uri, 'nianbao', 1, text);
  store.analysis(uri, DEFAULT_SETTINGS);
  const times: number[] = [];
  let version = 1;
  for (const change of keystrokes(text, count)) {
    const t0 = performance.now();
    store.didChange(uri, ++version, [change]);
    const a = store.analysis(uri, DEFAULT_SETTINGS)!;
    diagnosticsOf(a.findings, 'zh-CN', uri, version);
    times.push(performance.now() - t0);
  }
  return times;
}

/** The same keystrokes, each answered by reading the whole text again (what the incremental path avoids). */
function fullKeystrokes(text: string, count: number) {
  const times: number[] = [];
  let current = text;
  for (const change of keystrokes(text, count)) {
    const lines = current.split('\n');
    const l = change.range.start.line;
    const c = change.range.start.character;
    lines[l] = change.text ? lines[l].slice(0, c) + change.text + lines[l].slice(c) : lines[l].slice(0, c) + lines[l].slice(c + 1);
    current = lines.join('\n');
    const t0 = performance.now();
    diagnosticsOf(check(current).findings, 'zh-CN', 'file:///x', null);
    times.push(performance.now() - t0);
  }
  return times;
}

/** A real seed with its prose repeated to ~2 MB (UTF-8), tables intact. */
function bigReport(): string {
  const lines = seeds.find((s) => s.name.startsWith('003'))!.text.split('\n');
  const prose = lines.slice(2, 8);
  const extra: string[] = [];
  let size = Buffer.byteLength(lines.join('\n'));
  while (size < 2 * 1024 * 1024) for (const p of prose) (extra.push(p), (size += Buffer.byteLength(p) + 1));
  return [...lines.slice(0, 8), ...extra, ...lines.slice(8)].join('\n');
}

/** Heap kept alive by one object made by `make` (the average of `copies`, after full collections). */
function heapOf(make: () => unknown, copies: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep = Array.from({ length: copies }, make);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (keep.length !== copies) throw new Error('unreachable');
  return Math.max(0, (after - before) / copies);
}

/** The seeds and the corpus reports that SOURCES.tsv calls complete (not an excerpt), as bytes. */
function wholeReports() {
  const corpusDir = join(ROOT, 'test/fixtures/corpus');
  const complete = readFileSync(join(corpusDir, 'SOURCES.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')).filter((c) => /^complete\b/i.test(c[5] ?? '')).map((c) => join(corpusDir, c[0]));
  const seedFiles = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(ROOT, 'examples', f));
  return [...seedFiles, ...complete].map((path) => ({ name: path.slice(ROOT.length + 1), ext: path.slice(path.lastIndexOf('.')), bytes: readFileSync(path) }));
}

const scratchRoot = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
process.on('exit', () => rmSync(scratchRoot, { recursive: true, force: true }));

/**
 * `count` reports of as many bodies, each a whole report under another body's name (its own name
 * replaced wherever written): a reviewer's folder whose reports copy one another, where the
 * cross-report rules compare parts across bodies. Reports whose body cannot be read are left out.
 * `distinct`: every sentence of each also made its own, as `distinctFolder` does: the copies are then
 * near, not equal, and each part's candidates are spread over the first reports of its kind.
 */
function bodiesFolder(name: string, reports: { ext: string; bytes: Buffer }[], count: number, distinct = false): { dir: string; megabytes: number } {
  const dir = join(scratchRoot, name);
  mkdirSync(dir);
  const named = reports.flatMap((r) => {
    const text = decodeText(r.bytes);
    const body = readIdentity(text)?.name;
    return body ? [{ ext: r.ext, text, body }] : [];
  });
  const digits = '甲乙丙丁戊己庚辛壬癸';
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const r = named[i % named.length];
    const mark = [...String(i)].map((d) => digits[Number(d)]).join('');
    const other = `第${mark}号${r.body}`;
    const renamed = r.text.replaceAll(r.body, other);
    const out = Buffer.from(distinct ? renamed.replaceAll('。', `。${mark}`) : renamed, 'utf8');
    bytes += out.length;
    writeFileSync(join(dir, `r${String(i).padStart(5, '0')}${r.ext}`), out);
  }
  return { dir, megabytes: Number((bytes / 1e6).toFixed(1)) };
}

/**
 * The same files with every sentence of each made its own (a mark after each 。, from the file's number):
 * as a real folder's reports are, whose prose no cache has seen (the tables' labels still repeat).
 */
function distinctFolder(name: string, reports: { ext: string; bytes: Buffer }[], count: number): { dir: string; megabytes: number } {
  const dir = join(scratchRoot, name);
  mkdirSync(dir);
  const texts = reports.map((r) => decodeText(r.bytes));
  const digits = '甲乙丙丁戊己庚辛壬癸';
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const mark = [...String(i)].map((d) => digits[Number(d)]).join('');
    const out = Buffer.from(texts[i % texts.length].replaceAll('。', `。${mark}`), 'utf8');
    bytes += out.length;
    writeFileSync(join(dir, `r${String(i).padStart(5, '0')}${reports[i % reports.length].ext}`), out);
  }
  return { dir, megabytes: Number((bytes / 1e6).toFixed(1)) };
}

/** `count` files cycling through the reports, under their own extensions. */
function writeFolder(name: string, reports: { ext: string; bytes: Buffer }[], count: number): string {
  const dir = join(scratchRoot, name);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `r${String(i).padStart(5, '0')}${reports[i % reports.length].ext}`), reports[i % reports.length].bytes);
  return dir;
}

function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The built CLI as a user runs it: wall time, and the process's peak RSS (worker threads included). */
function runCli(args: string[]) {
  const rssFile = join(scratchRoot, 'rss');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(ROOT, 'bench', 'maxrss.cjs'), join(ROOT, 'dist', 'cli.js'), ...args], { env: { ...process.env, NIANBAO_BENCH_RSS: rssFile }, stdio: ['ignore', 'ignore', 'ignore'] });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao check exited with ${r.status}`);
  return { seconds: ms(seconds), peakRssMiB: Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024) };
}

/**
 * markdownlint-cli2 on the same folder, when installed (`npx --no-install`: never fetched by the bench),
 * on every file in it (whatever the extension, as `nianbao check DIR` reads them);
 * what it says it linted is checked, so that a run that linted nothing is no figure.
 */
function markdownlintCli2(dir: string, files: number): { seconds: number; files: number } | null {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (!existsSyncBin('markdownlint-cli2')) return null;
  const t0 = performance.now();
  const r = spawnSync(npx, ['--no-install', 'markdownlint-cli2', `${dir}/**/*`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = ms((performance.now() - t0) / 1000);
  const linted = Number(/Linting: (\d+) file/.exec(`${r.stdout}${r.stderr}`)?.[1] ?? NaN);
  if (linted !== files) throw new Error(`markdownlint-cli2 linted ${linted} file(s) of ${files}: ${(r.stderr || r.stdout).slice(0, 500)}`);
  return { seconds, files: linted };
}

function existsSyncBin(name: string): boolean {
  return readdirSync(join(ROOT, 'node_modules', '.bin')).includes(name);
}

function timeLoop(texts: string[], fn: (t: string) => unknown): number {
  const t0 = performance.now();
  for (const t of texts) fn(t);
  return (performance.now() - t0) / 1000;
}

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, quick };
const rows: string[][] = [];

// 1. Per keystroke on each seed.
const perSeed: Record<string, { p50: number; p99: number }> = {};
for (const s of seeds) {
  serverKeystrokes(s.text, 200); // warm up
  const t = serverKeystrokes(s.text, quick ? 300 : 2000);
  perSeed[s.name.slice(0, 3)] = { p50: ms(percentile(t, 50)), p99: ms(percentile(t, 99)) };
  rows.push([`keystroke, seed ${s.name.slice(0, 3)}`, `p50 ${ms(percentile(t, 50))} ms`, `p99 ${ms(percentile(t, 99))} ms`, 'target p50 ≤ 1, p99 ≤ 5']);
}
results.keystrokeSeeds = perSeed;

// 2. The 2 MB report: incremental path against a full re-read.
const big = bigReport();
serverKeystrokes(big, 50);
const inc = serverKeystrokes(big, quick ? 100 : 400);
const full = fullKeystrokes(big, quick ? 10 : 30);
const ratio = percentile(full, 50) / percentile(inc, 50);
results.keystroke2MB = {
  bytes: Buffer.byteLength(big), incremental: { p50: ms(percentile(inc, 50)), p99: ms(percentile(inc, 99)) },
  fullRead: { p50: ms(percentile(full, 50)), p99: ms(percentile(full, 99)) }, ratio: Number(ratio.toFixed(1)),
};
rows.push(['keystroke, 2 MB, incremental', `p50 ${ms(percentile(inc, 50))} ms`, `p99 ${ms(percentile(inc, 99))} ms`, 'target p99 ≤ 16']);
rows.push(['keystroke, 2 MB, full re-read', `p50 ${ms(percentile(full, 50))} ms`, `p99 ${ms(percentile(full, 99))} ms`, `full/incremental ${ratio.toFixed(1)}× (target ≥ 50×)`]);

// 3. Whole reports (the seeds and the corpus reports its SOURCES.tsv calls complete) repeated to 2,000 files.
const whole = wholeReports();
const N = 2000;
const folder = writeFolder('whole-2000', whole, N);
const bytesIn = Array.from({ length: N }, (_, i) => whole[i % whole.length].bytes.length).reduce((a, b) => a + b, 0);
const MB = bytesIn / 1e6;
// In process, one thread, what the CLI does per file (read, decode, check, format), against the floor
// (read, decode, split into lines) in the same run; each best of three, the first pass warming up.
const files = readdirSync(folder).sort().map((f) => join(folder, f));
const task = (file: string): ReportTask => ({ file, maxFileSize: 20, format: 'text', options: { lang: 'zh-CN' } });
const best = (fn: () => void) => Math.min(...[0, 1, 2, 3].map(() => timed(fn))) / 1000;
const inProcess = best(() => files.forEach((f) => readAndCheck(task(f))));
const distinct = distinctFolder('distinct-2000', whole, N);
const distinctFiles = readdirSync(distinct.dir).sort().map((f) => join(distinct.dir, f));
const inProcessDistinct = best(() => distinctFiles.forEach((f) => readAndCheck(task(f))));
// The floor decodes as the CLI does (cli/files.ts: Node's UTF-8 path), so that a faster decoding is no gain against it.
const floor = best(() => files.forEach((f) => {
  const decoded = decodeReport(readFileSync(f));
  if (decoded.ok) decoded.text.split(/\r\n|\r|\n/);
}));
const mdTexts = files.slice(0, quick ? 200 : 500).map((f) => readFileSync(f, 'utf8'));
const md = timeLoop(mdTexts, (t) => lint({ strings: { r: t } }));
const oursSame = timeLoop(mdTexts, (t) => check(t));
results.batch = {
  reports: N, megabytes: Number(MB.toFixed(1)), wholeReports: whole.map((w) => w.name),
  inProcess: { seconds: ms(inProcess), mbPerSecond: Number((MB / inProcess).toFixed(1)), reportsPerSecond: Math.round(N / inProcess) },
  inProcessDistinctProse: { megabytes: distinct.megabytes, seconds: ms(inProcessDistinct), mbPerSecond: Number((distinct.megabytes / inProcessDistinct).toFixed(1)), reportsPerSecond: Math.round(N / inProcessDistinct) },
  floor: { seconds: ms(floor), mbPerSecond: Number((MB / floor).toFixed(1)), ratioOursToFloor: Number((inProcess / floor).toFixed(1)) },
  markdownlintLibrary: { reports: mdTexts.length, seconds: ms(md), ratioOursToMarkdownlint: Number((oursSame / md).toFixed(3)) },
};
rows.push([`in process, one core, ${N} whole reports (${MB.toFixed(1)} MB)`, `${(MB / inProcess).toFixed(1)} MB/s`, `${Math.round(N / inProcess)} reports/s`, 'target ≥ 40 MB/s']);
rows.push(['in process, the same with every sentence distinct', `${(distinct.megabytes / inProcessDistinct).toFixed(1)} MB/s`, `${Math.round(N / inProcessDistinct)} reports/s`, 'as a real folder: prose new to every cache']);
rows.push(['floor: read + decode + split, same files', `${(MB / floor).toFixed(1)} MB/s`, `ours/floor ${(inProcess / floor).toFixed(1)}×`, 'target ≤ 5×']);
rows.push(['vs markdownlint library, same texts', `ours ${oursSame.toFixed(2)} s`, `markdownlint ${md.toFixed(2)} s`, `ours/markdownlint ${(oursSame / md).toFixed(3)}`]);

// 4. Whole process, the folder as a user checks it: the CLI (its threads as it chooses them, and one
// thread), markdownlint-cli2 on the same folder when installed, and peak memory on 10,000 files.
// Each the best of its runs, taken in turn (ours, ours with one thread, markdownlint-cli2, and again): on a
// shared machine a run is slowed by whatever else runs, never sped up, and both sides are treated alike.
const rounds = quick ? 1 : 3;
const cliRuns: ReturnType<typeof runCli>[] = [];
const cliOneRuns: ReturnType<typeof runCli>[] = [];
const cli2Runs: NonNullable<ReturnType<typeof markdownlintCli2>>[] = [];
for (let r = 0; r < rounds; r++) {
  cliRuns.push(runCli(['check', folder]));
  cliOneRuns.push(runCli(['check', '--jobs', '1', folder]));
  // markdownlint-cli2 takes a minute a run: twice at most.
  const cli2Run = r < 2 ? markdownlintCli2(folder, N) : null;
  if (cli2Run) cli2Runs.push(cli2Run);
}
const fastest = <T extends { seconds: number }>(runs: T[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
// The time of the fastest run, the peak memory of all.
const peak = (runs: ReturnType<typeof runCli>[]) => Math.max(...runs.map((c) => c.peakRssMiB));
const cliDefault = { ...fastest(cliRuns), peakRssMiB: peak(cliRuns), runs: cliRuns.map((c) => c.seconds) };
const cliOne = { ...fastest(cliOneRuns), peakRssMiB: peak(cliOneRuns), runs: cliOneRuns.map((c) => c.seconds) };
const cli2 = cli2Runs.length ? { ...fastest(cli2Runs), runs: cli2Runs.map((c) => c.seconds) } : null;
const big10k = writeFolder('whole-10000', whole, quick ? 4000 : 10000);
const cli10k = runCli(['check', big10k]);
const bodies = bodiesFolder('bodies-2000', whole, N);
const cliBodies = runCli(['check', bodies.dir]);
// More reports copying one another, each sentence its own: the copies' candidates outnumber what a thread keeps compared.
const nearCount = quick ? 2000 : 5000;
const near = bodiesFolder(`near-${nearCount}`, whole, nearCount, true);
const cliNear = runCli(['check', near.dir]);
results.wholeProcess = {
  cores: availableParallelism(), folder: { files: N, megabytes: Number(MB.toFixed(1)) },
  cli: cliDefault, cliOneThread: cliOne,
  markdownlintCli2: cli2 ?? 'not installed', ratioMarkdownlintToOurs: cli2 ? Number((cli2.seconds / cliDefault.seconds).toFixed(1)) : null,
  tenThousand: { files: quick ? 4000 : 10000, ...cli10k },
  copiesAcrossBodies: { files: N, megabytes: bodies.megabytes, ...cliBodies },
  nearCopiesAcrossBodies: { files: nearCount, megabytes: near.megabytes, ...cliNear },
};
const ofRuns = (runs: number[]) => (runs.length > 1 ? ` (best of ${runs.map((x) => x.toFixed(2)).join(', ')})` : '');
rows.push([`whole process, ${N} files, ${availableParallelism()} cores`, `${cliDefault.seconds.toFixed(2)} s${ofRuns(cliDefault.runs)}, ${(MB / cliDefault.seconds).toFixed(1)} MB/s`, `one thread ${cliOne.seconds.toFixed(2)} s${ofRuns(cliOne.runs)}`, `peak ${cliDefault.peakRssMiB} MiB`]);
rows.push(['markdownlint-cli2, same folder', cli2 ? `${cli2.seconds.toFixed(2)} s${ofRuns(cli2.runs)}` : 'markdownlint-cli2 not installed', cli2 ? `markdownlint-cli2/ours ${(cli2.seconds / cliDefault.seconds).toFixed(1)}×` : '', 'target ≥ 15×']);
rows.push([`whole process, ${quick ? 4000 : 10000} files`, `${cli10k.seconds.toFixed(2)} s`, `peak RSS ${cli10k.peakRssMiB} MiB`, 'target ≤ 100 MiB']);
rows.push([`whole process, ${N} bodies copying one another`, `${cliBodies.seconds.toFixed(2)} s, ${(bodies.megabytes / cliBodies.seconds).toFixed(1)} MB/s`, `peak RSS ${cliBodies.peakRssMiB} MiB`, 'cross-report rules across bodies']);
rows.push([`whole process, ${nearCount} bodies copying one another, every sentence distinct`, `${cliNear.seconds.toFixed(2)} s, ${(near.megabytes / cliNear.seconds).toFixed(1)} MB/s`, `peak RSS ${cliNear.peakRssMiB} MiB`, 'candidates spread over hundreds of reports']);

// 4b. A province's year in the fingerprint index (synthetic sketches: five parts of 32 random hashes a
// report, all distinct as real reports' nearly are): filing, the first look-up (the sort), and memory.
{
  const reports = quick ? 50_000 : 250_000;
  let r = 5;
  const next = () => ((r = Math.imul(r ^ (r >>> 13), 0x5bd1e995) + 0x9e3779b9) >>> 0);
  const parts = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems'] as const;
  const buffersBefore = process.memoryUsage().arrayBuffers;
  const year = new YearPrints();
  let probe: PartPrint | null = null;
  const filing = timed(() => {
    for (let i = 0; i < reports; i++) {
      const prints = parts.map((key) => ({ key, sketch: Uint32Array.from(Array.from({ length: 32 }, next)).sort() }));
      year.add(`r${i}`, `b${i}`, prints);
      probe ??= prints[0];
    }
  });
  const lookUp = timed(() => void year.near('another', probe!, 3));
  const megabytes = Math.round((process.memoryUsage().arrayBuffers - buffersBefore) / 1e6);
  results.yearIndex = { reports, postings: reports * 160, fileMs: Math.round(filing), firstLookUpMs: Math.round(lookUp), megabytes };
  rows.push([`fingerprint index, ${reports} reports of one year`, `filed in ${(filing / 1000).toFixed(1)} s`, `first look-up ${(lookUp / 1000).toFixed(1)} s`, `${megabytes} MB of typed arrays`]);
}

// 5. Memory per open report, against its text (UTF-16, 2 bytes a unit).
// The text is shared (allocated once, as the editor's copy is): what is counted is the model and its index.
const memSeed = heapOf(() => new ReportSession(seeds[3].text), 50);
const memBig = heapOf(() => new ReportSession(big), 4);
results.memory = {
  seed003: { textBytes: seeds[3].text.length * 2, sessionBytes: memSeed, multiple: Number((memSeed / (seeds[3].text.length * 2)).toFixed(1)) },
  big2MB: { textBytes: big.length * 2, sessionBytes: memBig, multiple: Number((memBig / (big.length * 2)).toFixed(1)) },
};
rows.push(['memory, open seed 003', `${(memSeed / 1024).toFixed(0)} KiB`, `text ${(seeds[3].text.length * 2 / 1024).toFixed(0)} KiB`, `${(memSeed / (seeds[3].text.length * 2)).toFixed(1)}× the text`]);
rows.push(['memory, open 2 MB report', `${(memBig / 1048576).toFixed(1)} MiB`, `text ${(big.length * 2 / 1048576).toFixed(1)} MiB`, `${(memBig / (big.length * 2)).toFixed(1)}× the text`]);
// 6. 19.9 MB of every bulk shape (test/helpers/bigShapes.ts), as the server holds it: open, one keystroke
// in the bulk, and the memory the open document keeps (model, index and text, per byte of its UTF-8).
const bulk: Record<string, { openMs: number; keystrokeMs: number; bytesPerByte: number }> = {};
for (const name of quick ? BULK_NAMES.slice(0, 4) : BULK_NAMES) {
  const text = withBulkBytes(name, Math.floor(19.9 * 1024 * 1024));
  const bytes = Buffer.byteLength(text);
  const gc = (globalThis as { gc: () => void }).gc;
  gc();
  const before = process.memoryUsage();
  const store = new DocumentStore();
  let t0 = performance.now();
  store.didOpen('file:///bulk.txt', 'nianbao', 1, text);
  store.analysis('file:///bulk.txt', DEFAULT_SETTINGS);
  const openMs = performance.now() - t0;
  const mid = store.analysis('file:///bulk.txt', DEFAULT_SETTINGS)!.index.positionAt(text.length >> 1);
  t0 = performance.now();
  store.didChange('file:///bulk.txt', 2, [{ range: { start: mid, end: mid }, text: '7' }]);
  diagnosticsOf(store.analysis('file:///bulk.txt', DEFAULT_SETTINGS)!.findings, 'zh-CN', 'file:///bulk.txt', 2);
  const keystrokeMs = performance.now() - t0;
  gc();
  const after = process.memoryUsage();
  const kept = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
  bulk[name] = { openMs: ms(openMs), keystrokeMs: ms(keystrokeMs), bytesPerByte: Number((kept / bytes).toFixed(1)) };
  store.didClose('file:///bulk.txt');
}
const worst = (k: 'openMs' | 'keystrokeMs' | 'bytesPerByte') => Object.entries(bulk).reduce((a, b) => (b[1][k] > a[1][k] ? b : a));
results.bulk19_9MB = bulk;
const [slowKey, slowKeyV] = worst('keystrokeMs');
const [slowOpen, slowOpenV] = worst('openMs');
const [fatName, fatV] = worst('bytesPerByte');
rows.push([`19.9 MB, ${Object.keys(bulk).length} shapes: keystroke`, `max ${slowKeyV.keystrokeMs.toFixed(0)} ms (${slowKey})`, `open max ${slowOpenV.openMs.toFixed(0)} ms (${slowOpen})`, 'target keystroke < 1,000 ms']);
rows.push([`19.9 MB, ${Object.keys(bulk).length} shapes: memory`, `max ${fatV.bytesPerByte}× the bytes (${fatName})`, '', 'bounded by the size, not the shape']);
results.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
rows.push(['peak RSS of this run', `${results.peakRssMiB} MiB`, '', '']);

const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i])).join('  '));
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nwritten bench/results.json');
