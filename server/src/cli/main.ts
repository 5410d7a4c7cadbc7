#!/usr/bin/env node
/**
 * The batch checker: `nianbao check [--format text|json] [--lang zh-CN|en] [--blank-as-zero] [--max-file-size MB] PATH...`.
 * Its text and JSON output and its exit codes are public interfaces (README, "The command-line checker").
 */
import { check, toDiagnostic, type CheckOptions } from '../core';
import { msg, render, type Message } from '../core/l10n/text';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../core/limits';
import { guessLang, parseArgs, type Options } from './args';
import { decodeReport, probe, readBounded } from './files';
import { walk } from './walk';
import { ProjectConfigs } from './config';
import { dirname, resolve } from 'node:path';
import { jsonWriter, OutputFailure, textWriter, type FileResult, type ResultWriter } from './output';
import { CLI_TEXT, t } from './messages';
import { runImport } from './importCommand';
import { importKind, importReport } from './importers';

export interface CliIO {
  /** Writes to standard output; a write that fails throws or rejects (the batch then stops with exit 3). */
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  /** Standard input, read up to `maxBytes` bytes or a little more (more than that is refused as too large). */
  readStdin: (maxBytes: number) => Promise<Buffer>;
}

export const VERSION = '0.1.0';

/** Exit codes (README and --help): no errors, errors found, a usage error or a file not checked, output not written. */
export const EXIT = { ok: 0, errors: 1, unchecked: 2, output: 3 } as const;

export async function runCli(argv: string[], io: CliIO): Promise<number> {
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
  const batch = new Batch(parsed.options, io);
  try {
    return await batch.run();
  } catch (e) {
    if (!(e instanceof OutputFailure)) throw e;
    // A reader that went away (`… | head`) took what it wanted: nothing to say, as Unix tools do.
    if ((e.cause as { code?: string } | null)?.code === 'EPIPE') return EXIT.output;
    io.stderr(printable(t(CLI_TEXT.outputFailed, lang, { reason: outputReason(e.cause) })) + '\n');
    return EXIT.output;
  }
}

/** One run over the paths given: each file checked once, its results written before the next is read. */
class Batch {
  private readonly out: ResultWriter;
  private readonly checkedFiles = new Set<string>();
  private readonly walkedDirs = new Set<string>();
  private files = 0;
  private unchecked = 0;
  private readonly bySeverity = [0, 0, 0, 0, 0];
  private silenced = 0;
  /** A broken project configuration is said (on stderr) and makes the exit code 2. */
  private readonly configs: ProjectConfigs;

  constructor(private readonly o: Options, private readonly io: CliIO) {
    this.configs = new ProjectConfigs(o.lang, (line) => {
      this.unchecked++;
      io.stderr(`${printable(line)}\n`);
    });
    const emit = async (s: string) => {
      try {
        await io.stdout(s);
      } catch (e) {
        throw new OutputFailure(e);
      }
    };
    this.out = o.format === 'json' ? jsonWriter(emit) : textWriter(emit, printable);
  }

  async run(): Promise<number> {
    for (const path of this.o.paths) {
      if (path === '-') await this.checkStdin();
      else await this.checkPath(path);
    }
    const [, errors, warnings, ...others] = this.bySeverity;
    const counts = { files: this.files, errors, warnings, others: others.reduce((a, b) => a + b, 0), silenced: this.silenced };
    await this.out.end(t(this.silenced ? CLI_TEXT.summarySilenced : CLI_TEXT.summary, this.o.lang, counts));
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
      this.io.stderr(`${printable(t(CLI_TEXT.configIgnored, this.o.lang, { path, config: by }))}\n`);
      return;
    }
    if (this.walkedDirs.has(p.key)) return;
    let found = 0;
    for (const item of walk(path, p.key, this.walkedDirs)) {
      if ('problem' in item) {
        await this.problem(item.path, item.problem);
        continue;
      }
      found++;
      if (this.configs.ignoring(resolve(item.file))) continue;
      const f = probe(item.file);
      await (f.ok ? this.checkFile(item.file, f.key) : this.problem(item.file, f.problem));
    }
    if (found === 0) await this.problem(path, msg(CLI_TEXT.emptyDir, { path }));
  }

  /** A regular file, once per run however many names reach it (symlinks, a file named twice). */
  private async checkFile(path: string, key: string): Promise<void> {
    if (this.checkedFiles.has(key)) return;
    this.checkedFiles.add(key);
    const read = readBounded(path, this.o.maxFileSize);
    if (!read.ok) return this.problem(path, read.problem);
    const kind = importKind(path, read.bytes);
    if (kind === 'docx' || kind === 'pdf') {
      // Imported in memory: positions are the imported text's (README).
      const imported = await importReport(path, read.bytes, kind, this.o.maxFileSize);
      if (!imported.ok) return this.problem(path, imported.problem);
      return this.checkText(path, imported.text, dirname(resolve(path)));
    }
    return this.checkBytes(path, read.bytes, dirname(resolve(path)));
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
    return this.checkBytes('-', bytes, resolve('.'));
  }

  /** Decoding and checking: whatever fails here is this file's problem, and the batch goes on. */
  private async checkBytes(file: string, bytes: Buffer, dir: string): Promise<void> {
    const decoded = decodeReport(bytes, file);
    if (!decoded.ok) return this.problem(file, decoded.message);
    return this.checkText(file, decoded.text, dir);
  }

  private async checkText(file: string, text: string, dir: string): Promise<void> {
    let diagnostics;
    let silenced;
    try {
      const result = check(text, this.checkOptions(dir));
      diagnostics = result.findings.map((x) => toDiagnostic(x, this.o.lang));
      silenced = result.silenced.map((x) => toDiagnostic(x, this.o.lang));
    } catch (e) {
      return this.problem(file, msg(CLI_TEXT.internalError, { path: file, reason: e instanceof Error ? e.message : String(e) }));
    }
    for (const d of diagnostics) this.bySeverity[d.severity]++;
    this.silenced += silenced.length;
    return this.result(silenced.length ? { file, diagnostics, silenced } : { file, diagnostics });
  }

  /** The command line's options beat the project configuration's, which beat the defaults. */
  private checkOptions(dir: string): CheckOptions {
    const project = this.configs.forDirectory(dir)?.config;
    return {
      lang: this.o.lang,
      formatVersion: this.o.formatVersion ?? project?.formatVersion ?? 'auto',
      blankAsZero: this.o.blankAsZero ?? project?.blankAsZero ?? false,
      severity: project?.rules ?? {},
    };
  }

  /** A path not checked: said on standard error and in the output (JSON: an element with `error`). */
  private async problem(file: string, message: Message): Promise<void> {
    this.unchecked++;
    const error = render(message, this.o.lang);
    this.io.stderr(`${printable(error)}\n`);
    return this.result({ file, diagnostics: [], error });
  }

  private async result(r: FileResult): Promise<void> {
    this.files++;
    await this.out.file(r);
  }
}

function outputReason(e: unknown) {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ENOSPC') return CLI_TEXT.noSpace;
  const what = code ?? (e instanceof Error ? e.message : String(e));
  return { zh: CLI_TEXT.writeFailed.zh.replace('{code}', what), en: CLI_TEXT.writeFailed.en.replace('{code}', what) };
}

/**
 * A line for the terminal. Report text appears in messages (a cell's text, a heading) and file
 * names in every line: control characters there (an ESC sequence could recolour the terminal, set
 * its title or hide text; a line break could forge a diagnostic line) and invisible bidi controls
 * are shown as \u{…} escapes. JSON output escapes them by itself.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
