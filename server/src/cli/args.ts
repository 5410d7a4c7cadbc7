import { resolveLang, type Lang } from '../core';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../core/limits';
import { CLI_TEXT } from './messages';
import type { OutputFormat } from './output';

/** More threads than this would only cost memory. */
export const MAX_JOBS = 256;

export interface Options {
  /** `check` reports' problems; `import` writes received .docx/.pdf/.html reports as report texts. */
  command: 'check' | 'import';
  format: OutputFormat;
  lang: Lang;
  /** Given on the command line (it beats the project configuration), or not. */
  formatVersion?: 'auto' | '2019' | '2021';
  blankAsZero?: true;
  /** Files above this size (MB) are not read. */
  maxFileSize: number;
  /** Threads that check files; when not given, the available cores once a run has many files. */
  jobs?: number;
  paths: string[];
  /** Folders (or files) of reports that are context for the cross-report rules only: read, not reported. */
  with: string[];
  /** check: `--fix` writes the safe fixes; with `--dry-run` their diff is printed instead. */
  fix?: 'write' | 'diff';
  /** check: the baseline file (default `.nianbao-baseline.json` in the current folder, when there is one). */
  baseline?: string;
  /** check: record every finding of the checked reports in the baseline. */
  updateBaseline?: true;
  /** import: the folder the imported texts go to (default: beside each file); check: the file the output goes to. Whether to overwrite. */
  output?: string;
  force?: true;
}

/** The options each command takes beyond --lang, --max-file-size and --help. */
const COMMAND_OPTIONS = {
  check: ['--format', '--format-version', '--blank-as-zero', '--jobs', '-j', '--with', '--fix', '--dry-run', '--baseline', '--update-baseline', '--output', '--force'],
  import: ['--output', '--force'],
} as const;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'html', 'sarif', 'csv'];

export type Parsed =
  | { ok: true; options: Options }
  | { ok: false; help?: boolean; version?: boolean; problem: (typeof CLI_TEXT)[keyof typeof CLI_TEXT]; args?: Record<string, string> };

export function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { ok: false, help: true, problem: CLI_TEXT.usage };
  if (command === '--version' || command === '-v') return { ok: false, version: true, problem: CLI_TEXT.usage };
  if (command !== 'check' && command !== 'import') return { ok: false, problem: CLI_TEXT.unknownCommand, args: { value: command } };
  const o: Options = { command, format: 'text', lang: 'zh-CN', maxFileSize: DEFAULT_MAX_FILE_SIZE_MB, paths: [], with: [] };
  let dryRun = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? rest[++i];
    const bad = (v: string | undefined): Parsed => ({ ok: false, problem: CLI_TEXT.badValue, args: { flag, value: String(v ?? '') } });
    if (flag === '--help' || flag === '-h') return { ok: false, help: true, problem: CLI_TEXT.usage };
    const other = command === 'check' ? 'import' : 'check';
    const mine = COMMAND_OPTIONS[command] as readonly string[];
    if (!mine.includes(flag) && (COMMAND_OPTIONS[other] as readonly string[]).includes(flag)) return { ok: false, problem: CLI_TEXT.notForCommand, args: { flag, command: other } };
    if (flag === '--output') {
      const v = value();
      if (!v) return bad(v);
      o.output = v;
    } else if (a === '--force') {
      o.force = true;
    } else if (flag === '--format') {
      const v = value();
      if (!FORMATS.includes(v as OutputFormat)) return bad(v);
      o.format = v as OutputFormat;
    } else if (flag === '--lang') {
      const v = value();
      if (!v || !/^(zh(-CN)?|en)$/i.test(v)) return bad(v);
      o.lang = resolveLang(v);
    } else if (flag === '--format-version') {
      const v = value();
      if (v !== 'auto' && v !== '2019' && v !== '2021') return bad(v);
      o.formatVersion = v;
    } else if (flag === '--max-file-size') {
      const v = value();
      const mb = /^\d+(\.\d+)?$/.test(v ?? '') ? Number(v) : NaN;
      if (!(mb > 0) || !Number.isFinite(mb)) return bad(v);
      o.maxFileSize = mb;
    } else if (flag === '--jobs' || flag === '-j') {
      const v = value();
      const n = /^\d{1,3}$/.test(v ?? '') ? Number(v) : NaN;
      if (!(n >= 1 && n <= MAX_JOBS)) return bad(v);
      o.jobs = n;
    } else if (flag === '--with') {
      const v = value();
      if (!v) return bad(v);
      o.with.push(v);
    } else if (flag === '--baseline') {
      const v = value();
      if (!v) return bad(v);
      o.baseline = v;
    } else if (a === '--update-baseline') {
      o.updateBaseline = true;
    } else if (a === '--fix') {
      o.fix ??= 'write';
    } else if (a === '--dry-run') {
      dryRun = true;
    } else if (a === '--blank-as-zero') {
      o.blankAsZero = true;
    } else if (a === '-' || !a.startsWith('-')) {
      o.paths.push(a);
    } else {
      return { ok: false, problem: CLI_TEXT.unknownOption, args: { value: a } };
    }
  }
  if (o.paths.length === 0) return { ok: false, problem: CLI_TEXT.noPaths };
  if (dryRun && !o.fix) return { ok: false, problem: CLI_TEXT.dryRunWithoutFix };
  if (dryRun) o.fix = 'diff';
  // A diff is a patch: no other format around it; and standard input has no file to write back to.
  if (o.fix === 'diff' && o.format !== 'text') return { ok: false, problem: CLI_TEXT.dryRunJson, args: { format: o.format } };
  if (o.fix === 'write' && o.paths.includes('-')) return { ok: false, problem: CLI_TEXT.fixStdin };
  if (o.updateBaseline && o.fix) return { ok: false, problem: CLI_TEXT.baselineWithFix };
  return { ok: true, options: o };
}

export function guessLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh-CN';
  return resolveLang(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
}
