#!/usr/bin/env node
/**
 * The batch checker: `nianbao check [--format text|json] [--lang zh-CN|en] [--blank-as-zero] PATH...`.
 * Its text and JSON output are public interfaces (README, "The CLI").
 */
import { check, toDiagnostic, resolveLang, type Diagnostic, type Lang } from '../core';
import { collectFiles, readReportFile, type InputFile } from './files';
import { CLI_TEXT, t } from './messages';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Buffer>;
}

interface Options {
  format: 'text' | 'json';
  lang: Lang;
  formatVersion: 'auto' | '2019' | '2021';
  blankAsZero: boolean;
  paths: string[];
}

export const VERSION = '0.1.0';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv);
  const lang = parsed.ok ? parsed.options.lang : guessLang(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(t(CLI_TEXT.usage, lang) + '\n');
      return 0;
    }
    if (parsed.version) {
      io.stdout(VERSION + '\n');
      return 0;
    }
    io.stderr(`${printable(t(CLI_TEXT.usageError, lang, { problem: t(parsed.problem, lang, parsed.args) }))}\n\n${t(CLI_TEXT.usage, lang)}\n`);
    return 2;
  }
  const o = parsed.options;
  const { files, problems } = collectFiles(o.paths);
  const results: { file: string; diagnostics: Diagnostic[]; error?: string }[] = [];
  let unreadable = problems.length;
  for (const p of problems) {
    const message = t(p.message, o.lang, { path: p.path });
    io.stderr(`${printable(message)}\n`);
    results.push({ file: p.path, diagnostics: [], error: message });
  }
  for (const f of files) {
    const read = await readReportFile(f, io.readStdin);
    if (!read.ok) {
      unreadable++;
      const message = t(read.message, o.lang, { path: f.display });
      io.stderr(`${printable(message)}\n`);
      results.push({ file: f.display, diagnostics: [], error: message });
      continue;
    }
    const { findings } = check(read.text, { formatVersion: o.formatVersion, lang: o.lang, blankAsZero: o.blankAsZero });
    results.push({ file: f.display, diagnostics: findings.map((x) => toDiagnostic(x, o.lang)) });
  }
  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 1).length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 2).length, 0);
  if (o.format === 'json') {
    io.stdout(JSON.stringify(results, null, 2) + '\n');
  } else {
    for (const r of results) {
      for (const d of r.diagnostics) {
        io.stdout(printable(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_WORD[d.severity]} ${d.code} ${d.message}`) + '\n');
      }
    }
    io.stdout(t(CLI_TEXT.summary, o.lang, { files: results.length, errors, warnings, others: results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity > 2).length, 0) }) + '\n');
  }
  if (unreadable > 0) return 2;
  return errors > 0 ? 1 : 0;
}

const SEVERITY_WORD: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/**
 * A line for the terminal. Report text appears in messages (a cell's text, a heading) and file
 * names in every line: control characters there (an ESC sequence could recolour the terminal, set
 * its title or hide text; a line break could forge a diagnostic line) and invisible bidi controls
 * are shown as \u{…} escapes. JSON output escapes them by itself.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

type Parsed =
  | { ok: true; options: Options }
  | { ok: false; help?: boolean; version?: boolean; problem: (typeof CLI_TEXT)[keyof typeof CLI_TEXT]; args?: Record<string, string> };

function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { ok: false, help: true, problem: CLI_TEXT.usage };
  if (command === '--version' || command === '-v') return { ok: false, version: true, problem: CLI_TEXT.usage };
  if (command !== 'check') return { ok: false, problem: CLI_TEXT.unknownCommand, args: { value: command } };
  const o: Options = { format: 'text', lang: 'zh-CN', formatVersion: 'auto', blankAsZero: false, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? rest[++i];
    if (flag === '--help' || flag === '-h') return { ok: false, help: true, problem: CLI_TEXT.usage };
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return { ok: false, problem: CLI_TEXT.badValue, args: { flag, value: String(v ?? '') } };
      o.format = v;
    } else if (flag === '--lang') {
      const v = value();
      if (!v || !/^(zh(-CN)?|en)$/i.test(v)) return { ok: false, problem: CLI_TEXT.badValue, args: { flag, value: String(v ?? '') } };
      o.lang = resolveLang(v);
    } else if (flag === '--format-version') {
      const v = value();
      if (v !== 'auto' && v !== '2019' && v !== '2021') return { ok: false, problem: CLI_TEXT.badValue, args: { flag, value: String(v ?? '') } };
      o.formatVersion = v;
    } else if (a === '--blank-as-zero') {
      o.blankAsZero = true;
    } else if (a === '-' || !a.startsWith('-')) {
      o.paths.push(a);
    } else {
      return { ok: false, problem: CLI_TEXT.unknownOption, args: { value: a } };
    }
  }
  if (o.paths.length === 0) return { ok: false, problem: CLI_TEXT.noPaths };
  return { ok: true, options: o };
}

function guessLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh-CN';
  return resolveLang(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
}

export type { InputFile };
