#!/usr/bin/env node
/**
 * The batch checker: `nianbao check [--format text|json|html|sarif|csv] [--output FILE [--force]] [--lang zh-CN|en] [--blank-as-zero] [--max-file-size MB] [--jobs N] [--with DIR] [--fix [--dry-run]] [--baseline FILE] [--update-baseline] PATH...`.
 * Its text and JSON output and its exit codes are public interfaces (README, "The command-line checker").
 */
import { availableParallelism } from 'node:os';
import type { CheckOptions, ReportIndex, Survey } from '../core';
import { msg, render, type Message } from '../core/l10n/text';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../core/limits';
import { guessLang, parseArgs, type Options } from './args';
import { probe } from './files';
import { IMPORTED, isCheckedFile, textBeside, walk } from './walk';
import { ProjectConfigs } from './config';
import { dirname, relative, resolve } from 'node:path';
import { formatResult, jsonWriter, OutputFailure, printable, textWriter, type ResultWriter } from './output';
import { importAndCheck } from './checkImported';
import { checkAndSurvey, checkReportBytes, readAndCheck, type Outcome, type ReportTask } from './checkReport';
import { HeldOutcomes } from './held';
import { InOrder } from './inOrder';
import { CheckerPool } from './pool';
import { CLI_TEXT, t } from './messages';
import { diffWriter } from './fix';
import { BaselineFile } from './baselineFile';
import { runExport } from './export';
import { batchReports, surveyed, surveyFile, type BatchFiles } from './workspace';
import { runImport } from './importCommand';
import { isReviewFormat, reviewWriter } from './review';
import { openCheckTarget, type CheckTarget } from './outputFile';

export interface CliIO {
  /** Writes to standard output; a write that fails throws or rejects (the batch then stops with exit 3). */
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  /** Standard input, read up to `maxBytes` bytes or a little more (more than that is refused as too large). */
  readStdin: (maxBytes: number) => Promise<Buffer>;
  /** Writes bytes to standard output (`export --output -` of a Word file); without it they go through `stdout` as text. */
  stdoutBytes?: (b: Uint8Array) => void | Promise<void>;
}

export const VERSION = '0.1.0';

/** Exit codes (README and --help): no errors, errors found, a usage error or a file not checked, output not written. */
export const EXIT = { ok: 0, errors: 1, unchecked: 2, output: 3 } as const;

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'export') return runExport(argv.slice(1), io);
  const parsed = parseArgs(argv);
  const lang = parsed.ok ? parsed.options.lang : guessLang(argv);
  const usage = () => t(CLI_TEXT.usage, lang, { limit: DEFAULT_MAX_FILE_SIZE_MB });
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(usage() + '\n');
      return EXIT.ok;
    }
    if (parsed.version) {
      io.stdout(VERSION + '\n');
      return EXIT.ok;
    }
    io.stderr(`${printable(t(CLI_TEXT.usageError, lang, { problem: t(parsed.problem, lang, parsed.args) }))}\n\n${usage()}\n`);
    return EXIT.unchecked;
  }
  if (parsed.options.command === 'import') return runImport(parsed.options, { ...io, printable });
  const target = openCheckTarget(parsed.options.output, !!parsed.options.force, parsed.options.paths, io.stdout);
  if ('refused' in target) return refuseOutput(parsed.options.output!, target.refused, lang, io);
  const batch = new Batch(parsed.options, io, target);
  try {
    return await batch.run();
  } catch (e) {
    if (!(e instanceof OutputFailure)) throw e;
    // A reader that went away (`… | head`) took what it wanted: nothing to say, as Unix tools do.
    if ((e.cause as { code?: string } | null)?.code === 'EPIPE') return EXIT.output;
    io.stderr(printable(t(CLI_TEXT.outputFailed, lang, { reason: outputReason(e.cause) })) + '\n');
    return EXIT.output;
  } finally {
    target.close();
  }
}

function refuseOutput(output: string, why: string, lang: Options['lang'], io: CliIO): number {
  const said = why === 'exists' ? t(CLI_TEXT.importExists, lang, { output }) : why === 'input' ? t(CLI_TEXT.outputIsInput, lang, { output })
    : t(CLI_TEXT.importWriteFailed, lang, { output, reason: why });
  io.stderr(printable(said) + '\n');
  return why === 'exists' || why === 'input' ? EXIT.unchecked : EXIT.output;
}

/** Files a run checks in one thread before it starts workers (when `--jobs` is not given): a small folder pays no start-up. */
const WORKERS_AFTER = 48;
/** Files of a batch whose first checks decide, once most are concerned by the index so far, to survey the rest first. */
const CONCERN_WINDOW = 64;
/** Files in flight per worker: enough to keep each busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_WORKER = 8;

/**
 * One run over the paths given: each file checked once, its results written in the order the files
 * were found, as soon as those before it are written. With many files, worker threads check them
 * (pool.ts); what a run writes, its exit code included, is the same with any number of threads.
 */
class Batch {
  private readonly out: ResultWriter;
  private readonly inOrder = new InOrder();
  private readonly checkedFiles = new Set<string>();
  private readonly walkedDirs = new Set<string>();
  private files = 0;
  private unchecked = 0;
  private readonly bySeverity = [0, 0, 0, 0, 0];
  private silenced = 0;
  /** `.nianbao-baseline.json` or `--baseline`: accepted findings (cli/baselineFile.ts). */
  private baseline: BaselineFile | null = null;
  private accepted = 0;
  /** `--fix`: the findings resolved and the files written. */
  private readonly fixed = { findings: 0, files: 0 };
  /** The other reports the cross-report rules look at (cli/workspace.ts). */
  private workspace: CheckOptions['workspace'];
  /** A broken project configuration is said (on stderr) and makes the exit code 2. */
  private readonly configs: ProjectConfigs;
  /** A batch's first checks, without its workspace (`checkedFirst`), until each file's turn. */
  private held: HeldOutcomes | null = null;
  /** The held files the batch's index concerns: checked again, with it. */
  private readonly concerned = new Set<string>();
  private pool: CheckerPool | null = null;
  private poolTried = false;
  private found = 0;

  constructor(private readonly o: Options, private readonly io: CliIO, target: CheckTarget) {
    this.configs = new ProjectConfigs(o.lang, (line) =>
      this.inOrder.now(() => {
        this.unchecked++;
        io.stderr(`${printable(line)}\n`);
      }),
    );
    const emit = async (s: string) => {
      try {
        await target.write(s);
      } catch (e) {
        throw new OutputFailure(e);
      }
    };
    // The output file is no report to check (a page written by an earlier run, say).
    if (target.key) this.checkedFiles.add(target.key);
    const review = { lang: o.lang, version: VERSION, paths: o.paths, cwd: process.cwd(), now: new Date() };
    this.out = o.fix === 'diff' ? diffWriter(emit) : isReviewFormat(o.format) ? reviewWriter(o.format, emit, review) : o.format === 'json' ? jsonWriter(emit) : textWriter(emit);
  }

  async run(): Promise<number> {
    const loaded = BaselineFile.load(this.o.baseline, this.o.updateBaseline === true, this.o.maxFileSize);
    this.baseline = loaded.baseline;
    if (loaded.problem) {
      this.unchecked++;
      this.io.stderr(`${printable(render(loaded.problem, this.o.lang))}\n`);
      // Recording over a baseline that cannot be read would lose it.
      if (this.o.updateBaseline) return EXIT.unchecked;
    }
    const across = batchReports(this.o, this.checkedFiles);
    if (across.files) this.workspace = this.o.fix || this.o.with.length ? await this.acrossWorkspace(across.files) : await this.checkedFirst(across.files);
    try {
      for (const { path, problem } of across.problems) await this.problem(path, problem);
      for (const path of this.o.paths) {
        if (path === '-') await this.checkStdin();
        else await this.checkPath(path);
      }
      await this.inOrder.run(0);
    } finally {
      await this.pool?.close();
      this.held?.close();
    }
    const [, errors, warnings, ...others] = this.bySeverity;
    const counts = { files: this.files, errors, warnings, others: others.reduce((a, b) => a + b, 0), silenced: this.silenced, accepted: this.accepted };
    if (this.o.updateBaseline && this.baseline) await this.writeBaseline(this.baseline);
    if (this.fixed.findings && this.o.fix === 'write' && this.o.format === 'text') await this.out.file(t(CLI_TEXT.fixedSummary, this.o.lang, this.fixed) + '\n');
    const summary = this.accepted ? (this.silenced ? CLI_TEXT.summarySilencedAccepted : CLI_TEXT.summaryAccepted) : this.silenced ? CLI_TEXT.summarySilenced : CLI_TEXT.summary;
    await this.out.end(t(summary, this.o.lang, counts));
    if (this.unchecked > 0) return EXIT.unchecked;
    return errors > 0 ? EXIT.errors : EXIT.ok;
  }

  private async checkPath(path: string): Promise<void> {
    const p = probe(path);
    if (!p.ok) return this.problem(path, p.problem);
    if (p.kind === 'file') {
      const by = this.configs.ignoring(resolve(path));
      if (!by) return this.checkFile(path, p.key);
      // Named, yet excluded by its project configuration (a pre-commit hook names every changed file): said, not checked.
      const line = `${printable(t(CLI_TEXT.configIgnored, this.o.lang, { path, config: by }))}\n`;
      this.inOrder.now(() => this.io.stderr(line));
      return this.inOrder.run(this.keep());
    }
    if (this.walkedDirs.has(p.key)) return;
    let found = 0;
    // Listed first (paths only), so that a Word or PDF file knows whether its text is walked to as well.
    const items = [...walk(path, p.key, this.walkedDirs, isCheckedFile)];
    const checked = new Set(items.flatMap((item) => ('file' in item && !this.configs.ignoring(resolve(item.file)) ? [item.file] : [])));
    for (const item of items) {
      if ('problem' in item) {
        await this.problem(item.path, item.problem);
        continue;
      }
      found++;
      if (!checked.has(item.file)) continue;
      const text = IMPORTED.test(item.file) ? textBeside(item.file, (f) => checked.has(f)) : null;
      if (text) {
        // Its imported text is checked in its place (said, so that no file is passed over silently).
        const line = `${printable(t(CLI_TEXT.importedBeside, this.o.lang, { path: item.file, text }))}\n`;
        this.inOrder.now(() => this.io.stderr(line));
        continue;
      }
      const f = probe(item.file);
      await (f.ok ? this.checkFile(item.file, f.key) : this.problem(item.file, f.problem));
    }
    if (found === 0) await this.problem(path, msg(CLI_TEXT.emptyDir, { path }));
  }

  /** A regular file, once per run however many names reach it (symlinks, a file named twice). */
  private async checkFile(path: string, key: string): Promise<void> {
    if (this.checkedFiles.has(key)) return;
    this.checkedFiles.add(key);
    const task = this.task(path, dirname(resolve(path)));
    if (IMPORTED.test(path)) {
      // A received Word or PDF file is imported in memory, in this thread (the workers read text only).
      this.inOrder.later(importAndCheck(task).then((o) => () => this.outcome(path, o)));
      return this.inOrder.run(this.keep());
    }
    const held = this.held?.take(path);
    if (held && !this.concerned.has(path)) {
      this.inOrder.now(() => this.outcome(path, held));
      return this.inOrder.run(this.keep());
    }
    // With a workspace, the workers were started (or not) with it: each holds an index of the same surveys.
    const pool = this.workers();
    if (pool) {
      // A worker that fails leaves its file to this thread, as a run without workers would check it.
      const outcome = pool.run(task).catch(() => readAndCheck(task));
      this.inOrder.later(outcome.then((o) => () => this.outcome(path, o)));
    } else {
      const outcome = readAndCheck(task);
      this.inOrder.now(() => this.outcome(path, outcome));
    }
    return this.inOrder.run(this.keep());
  }

  /** The worker threads, started once the run proves large enough (or `--jobs` asks for them). */
  private workers(found = ++this.found): CheckerPool | null {
    if (this.pool || this.poolTried) return this.pool;
    const jobs = this.o.jobs ?? availableParallelism();
    if (jobs < 2 || (this.o.jobs === undefined && found <= WORKERS_AFTER)) return null;
    this.poolTried = true;
    // The main thread takes its share of the checks: `jobs` threads in all.
    this.pool = CheckerPool.start(jobs - 1, true);
    return this.pool;
  }

  /**
   * The batch's workspace, filed before the first check. A batch large enough for workers has its files
   * surveyed by them (each read once, in parallel) and shares the surveys with each: a worker then checks
   * with an index equal to this thread's. A smaller one is surveyed here (each file's skeleton read once,
   * no table), and checked here too.
   */
  private async acrossWorkspace(at: BatchFiles): Promise<ReportIndex> {
    const pool = this.workers(at.files.length);
    this.poolTried = true;
    if (!pool) return surveyed(at, at.files.map((f) => surveyFile(at, f)));
    // A worker that fails leaves its file to this thread.
    const surveys = new Array<Survey>(at.files.length);
    await inFlight(at.files.length, this.keep(), async (i) => void (surveys[i] = await pool.survey(at.files[i], at).catch(() => surveyFile(at, at.files[i]))));
    const index = surveyed(at, surveys);
    pool.share(at, surveys, index);
    return index;
  }

  /**
   * The workspace of a batch without `--with` or `--fix`, each file read once: its check without the
   * workspace and its survey come together (from worker threads when the batch is large). Once the index
   * is complete, a file it `concerns` is checked again, with it; any other keeps its first check, which
   * the workspace would not change (its cross-report rules would be silent). Where most files are
   * concerned (last year's reports beside this year's, copies across bodies), a first check is wasted:
   * once most of the last CONCERN_WINDOW files filed are concerned already (looked at after 64 files,
   * then each time a quarter more are filed), the rest are only surveyed, and checked once, with the
   * index, in their turn. With `--with`, whose context is mostly last year's reports, `acrossWorkspace`
   * surveys them all first.
   */
  private async checkedFirst(at: BatchFiles): Promise<ReportIndex> {
    // Read again by `checkFile` with the same result: a broken configuration is said there, in its turn.
    const quiet = new ProjectConfigs(this.o.lang, () => undefined);
    const held = (this.held = new HeldOutcomes());
    const index = surveyed(at, []);
    const pool = this.workers(at.files.length);
    this.poolTried = true;
    const surveys: Survey[] = [];
    let surveyOnly = false;
    /** Files surveyed only, to check with the index (in the workers, which then need it). */
    let checkedLater = 0;
    // Each look files the year's prints again: looks spaced by a quarter of what is filed cost n log n in all.
    let nextLook = CONCERN_WINDOW;
    const filed = (s: Survey) => {
      surveys.push(s);
      index.arriving(s);
      if (surveyOnly || surveys.length < nextLook) return;
      const window = surveys.slice(-CONCERN_WINDOW);
      surveyOnly = window.filter((x) => concerns(index, x)).length * 2 > window.length;
      nextLook = surveys.length + Math.max(CONCERN_WINDOW, surveys.length >> 2);
    };
    const first = async (i: number): Promise<void> => {
      const file = at.files[i];
      const path = resolve(file);
      // A Word or PDF file is imported (in this thread) when its turn comes; one left out is only filed.
      const notHere = IMPORTED.test(file) || quiet.ignoring(path) !== null;
      if (notHere || surveyOnly) {
        if (!notHere) checkedLater++;
        return filed(pool ? await pool.survey(file, at).catch(() => surveyFile(at, file)) : surveyFile(at, file));
      }
      const task = this.task(file, dirname(path), quiet);
      const checked = pool ? await pool.first(task).catch(() => checkAndSurvey(task)) : checkAndSurvey(task);
      held.hold(file, checked.outcome);
      filed(checked.survey);
    };
    await inFlight(at.files.length, pool ? this.keep() : 1, first);
    // What is output is asked of prints in URI order, whatever order the files came in.
    index.settle();
    for (const s of surveys) if (held.has(s.uri) && concerns(index, s)) this.concerned.add(s.uri);
    if (pool && (this.concerned.size > 0 || checkedLater > 0)) pool.share(at, surveys, index);
    return index;
  }

  private keep(): number {
    return this.pool ? (this.o.jobs ?? availableParallelism()) * IN_FLIGHT_PER_WORKER : 0;
  }

  private async checkStdin(): Promise<void> {
    const limit = Math.floor(this.o.maxFileSize * 1024 * 1024);
    let bytes: Buffer;
    try {
      bytes = await this.io.readStdin(limit);
    } catch (e) {
      return this.problem('-', msg(CLI_TEXT.unreadable, { path: '-', reason: e instanceof Error ? e.message : String(e) }));
    }
    if (bytes.length > limit) return this.problem('-', msg(CLI_TEXT.tooLargeRead, { path: '-', limit: this.o.maxFileSize }));
    // Standard input has no folder: the configuration of the current one applies.
    const outcome = checkReportBytes(this.task('-', resolve('.')), bytes);
    this.inOrder.now(() => this.outcome('-', outcome));
    return this.inOrder.run(this.keep());
  }

  /** What checking one file takes, in whichever thread checks it. */
  private task(file: string, dir: string, configs = this.configs): ReportTask {
    const options = this.checkOptions(dir, configs);
    // The file is the workspace's report of that name: never another report to itself, its survey its own.
    if (options.workspace) options.self = file;
    if (this.o.updateBaseline) options.accepted = 'all';
    else if (this.baseline) options.accepted = this.baseline.entriesFor(file);
    const task: ReportTask = { file, maxFileSize: this.o.maxFileSize, format: this.o.format, options, fix: this.o.fix };
    if (this.o.updateBaseline) task.record = true;
    return task;
  }

  private async writeBaseline(baseline: BaselineFile): Promise<void> {
    const failed = baseline.write();
    if (failed) {
      this.unchecked++;
      this.io.stderr(`${printable(render(failed, this.o.lang))}\n`);
    } else if (this.o.format === 'text') {
      await this.out.file(t(CLI_TEXT.baselineRecorded, this.o.lang, { count: baseline.recordedCount, path: relativeOrAbsolute(baseline.path) }) + '\n');
    }
  }

  /** The command line's options beat the project configuration's, which beat the defaults. */
  private checkOptions(dir: string, configs: ProjectConfigs): CheckOptions {
    const project = configs.forDirectory(dir)?.config;
    return {
      lang: this.o.lang,
      formatVersion: this.o.formatVersion ?? project?.formatVersion ?? 'auto',
      blankAsZero: this.o.blankAsZero ?? project?.blankAsZero ?? false,
      severity: project?.rules ?? {},
      workspace: this.workspace,
    };
  }

  private outcome(file: string, o: Outcome): Promise<void> {
    if (!o.checked) return this.said(file, o.problem);
    for (let s = 0; s < o.severities.length; s++) this.bySeverity[s] += o.severities[s];
    this.silenced += o.silenced;
    if (o.fixed) (this.fixed.findings += o.fixed), this.fixed.files++;
    this.accepted += o.accepted;
    if (o.entries) this.baseline?.record(file, o.entries);
    if (o.unfixed) {
      // Checked, but not fixed as asked: said, and the exit code says so.
      this.unchecked++;
      this.io.stderr(`${printable(render(o.unfixed, this.o.lang))}\n`);
    }
    this.files++;
    return this.out.file(o.part);
  }

  /** A path not checked: said on standard error and in the output (JSON: an element with `error`). */
  private async problem(file: string, message: Message): Promise<void> {
    this.inOrder.now(() => this.said(file, message));
    return this.inOrder.run(this.keep());
  }

  private said(file: string, message: Message): Promise<void> {
    this.unchecked++;
    this.files++;
    const error = render(message, this.o.lang);
    this.io.stderr(`${printable(error)}\n`);
    return this.out.file(formatResult({ file, diagnostics: [], error }, this.o.format));
  }
}

/**
 * `task(0)` … `task(count − 1)`, at most `keep` at a time, each started as one ends: handed to the workers all
 * at once, files would be dealt in turn whatever their size, not each to the least busy one.
 */
async function inFlight(count: number, keep: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, keep) }, async () => {
    for (let i = next++; i < count; i = next++) await task(i);
  }));
}

/** Whether the index concerns a file; one it cannot tell about is checked again (where a failing rule is one finding, not the batch's end). */
function concerns(index: ReportIndex, s: Survey): boolean {
  try {
    return index.concerns(s);
  } catch {
    return true;
  }
}

function relativeOrAbsolute(path: string): string {
  const rel = relative(resolve('.'), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function outputReason(e: unknown) {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ENOSPC') return CLI_TEXT.noSpace;
  const what = code ?? (e instanceof Error ? e.message : String(e));
  return { zh: CLI_TEXT.writeFailed.zh.replace('{code}', what), en: CLI_TEXT.writeFailed.en.replace('{code}', what) };
}

export { printable };
