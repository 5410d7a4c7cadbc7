/**
 * `nianbao export --to docx|html FILE [--output PATH] [--force] [--blank-as-zero]`: a report as a Word
 * file or a web page. Writes exactly one file, never over an existing one (or the report) without --force.
 */
import { closeSync, openSync, realpathSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { resolveLang, type Lang, type Text } from '../core';
import { toDiagnostic } from '../core/engine';
import { planExport } from '../core/export/document';
import { writeHtml } from '../core/export/html';
import { render } from '../core/l10n/text';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../core/limits';
import { loadDocxWriter } from '../export/loadDocx';
import { ProjectConfigs } from './config';
import { EXPORT_TEXT } from './exportText';
import { decodeReport, probe, readBounded } from './files';
import { printable, type CliIO } from './main';
import { CLI_TEXT, t } from './messages';

export interface ExportOptions {
  to: 'docx' | 'html';
  file: string;
  output?: string;
  force: boolean;
  blankAsZero: boolean;
  lang: Lang;
}

type Parsed = { ok: true; options: ExportOptions } | { ok: false; help?: true; problem?: Text; args?: Record<string, string> };

const EXIT = { ok: 0, refused: 1, unusable: 2, output: 3 } as const;

export function parseExportArgs(args: string[]): Parsed {
  let to: string | undefined;
  let output: string | undefined;
  let force = false;
  let blankAsZero = false;
  let lang: Lang = 'zh-CN';
  const files: string[] = [];
  const problem = (p: Text, args?: Record<string, string>): Parsed => ({ ok: false, problem: p, args });
  const bad = (flag: string, v: string | undefined) => problem(CLI_TEXT.badValue, { flag, value: v ?? '' });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--help' || flag === '-h') return { ok: false, help: true };
    if (flag === '--to') to = value();
    else if (flag === '--output') output = value();
    else if (flag === '--lang') {
      const v = value();
      if (!v || !/^(zh(-CN)?|en)$/i.test(v)) return bad(flag, v);
      lang = resolveLang(v);
    } else if (a === '--force') force = true;
    else if (a === '--blank-as-zero') blankAsZero = true;
    else if (a === '-' || !a.startsWith('-')) files.push(a);
    else return problem(CLI_TEXT.unknownOption, { value: a });
  }
  if (to === undefined) return problem(EXPORT_TEXT.missingTo);
  if (to !== 'docx' && to !== 'html') return bad('--to', to);
  if (!output && output !== undefined) return bad('--output', output);
  if (files.length === 0) return problem(EXPORT_TEXT.noFile);
  if (files.length > 1) return problem(EXPORT_TEXT.oneFile, { count: String(files.length) });
  if (files[0] === '-' && output === undefined) return problem(EXPORT_TEXT.stdinNeedsOutput);
  return { ok: true, options: { to, file: files[0], output, force, blankAsZero, lang } };
}

/** The default output: the report's path with the format's extension. */
export function defaultOutput(file: string, to: 'docx' | 'html'): string {
  return file.replace(/(\.[^./\\]*)?$/, `.${to}`);
}

export async function runExport(args: string[], io: CliIO): Promise<number> {
  const parsed = parseExportArgs(args);
  const lang = parsed.ok ? parsed.options.lang : (args.some((a, i) => a === '--lang=en' || (a === '--lang' && /^en/i.test(args[i + 1] ?? ''))) ? 'en' : 'zh-CN');
  if (!parsed.ok) {
    if (parsed.help) {
      await io.stdout(t(EXPORT_TEXT.usage, lang) + '\n');
      return EXIT.ok;
    }
    io.stderr(`${printable(t(CLI_TEXT.usageError, lang, { problem: t(parsed.problem!, lang, parsed.args) }))}\n\n${t(EXPORT_TEXT.usage, lang)}\n`);
    return EXIT.unusable;
  }
  const o = parsed.options;
  const say = (line: string) => io.stderr(`${printable(line)}\n`);
  const text = await readReportText(o.file, io, lang, say);
  if (text === null) return EXIT.unusable;

  const output = o.output ?? defaultOutput(o.file, o.to);
  if (output !== '-' && o.file !== '-' && samePath(o.file, output)) {
    say(t(EXPORT_TEXT.sameFile, lang, { path: output }));
    return EXIT.unusable;
  }
  const project = o.file === '-' ? null : new ProjectConfigs(lang, say).forDirectory(dirname(resolve(o.file)))?.config;
  const plan = planExport(text, { lang, formatVersion: project?.formatVersion ?? 'auto', severity: project?.rules ?? {}, blankAsZero: o.blankAsZero });
  for (const f of plan.problems) {
    const d = toDiagnostic(f, lang);
    say(`${o.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity === 1 ? 'error' : 'warning'} ${d.code} ${d.message}`);
  }
  if (plan.problems.length > 0 && !o.force) {
    say(t(EXPORT_TEXT.refused, lang, { path: o.file, count: plan.problems.length }));
    return EXIT.refused;
  }
  if (plan.problems.length > 0) say(t(EXPORT_TEXT.forced, lang, { count: plan.problems.length }));
  if (plan.blanks > 0) say(t(o.blankAsZero ? EXPORT_TEXT.blanksZero : EXPORT_TEXT.blanks, lang, { count: plan.blanks }));

  const bytes = o.to === 'html' ? new TextEncoder().encode(writeHtml(plan.document)) : await (await loadDocxWriter()).writeDocx(plan.document);
  if (output === '-') {
    try {
      await (io.stdoutBytes ? io.stdoutBytes(bytes) : io.stdout(new TextDecoder().decode(bytes)));
    } catch (e) {
      say(t(EXPORT_TEXT.writeFailed, lang, { path: '-', reason: reason(e) }));
      return EXIT.output;
    }
    return EXIT.ok;
  }
  return writeOutput(output, bytes, o.force, lang, say);
}

/** One file, created exclusively (an existing one is refused, even one that appears meanwhile) unless forced. */
function writeOutput(path: string, bytes: Uint8Array, force: boolean, lang: Lang, say: (s: string) => void): number {
  let fd: number;
  try {
    fd = openSync(path, force ? 'w' : 'wx', 0o644);
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') {
      say(t(EXPORT_TEXT.exists, lang, { path }));
      return EXIT.unusable;
    }
    say(t(EXPORT_TEXT.writeFailed, lang, { path, reason: reason(e) }));
    return EXIT.output;
  }
  try {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
  } catch (e) {
    say(t(EXPORT_TEXT.writeFailed, lang, { path, reason: reason(e) }));
    return EXIT.output;
  } finally {
    closeSync(fd);
  }
  say(t(EXPORT_TEXT.written, lang, { path }));
  return EXIT.ok;
}

async function readReportText(file: string, io: CliIO, lang: Lang, say: (s: string) => void): Promise<string | null> {
  let bytes: Uint8Array;
  if (file === '-') {
    const limit = DEFAULT_MAX_FILE_SIZE_MB * 1024 * 1024;
    bytes = await io.readStdin(limit);
    if (bytes.length > limit) return say(t(CLI_TEXT.tooLargeRead, lang, { path: '-', limit: DEFAULT_MAX_FILE_SIZE_MB })), null;
  } else {
    const p = probe(file);
    if (!p.ok) return say(render(p.problem, lang)), null;
    if (p.kind !== 'file') return say(t(EXPORT_TEXT.directory, lang, { path: file })), null;
    const read = readBounded(file, DEFAULT_MAX_FILE_SIZE_MB);
    if (!read.ok) return say(render(read.problem, lang)), null;
    bytes = read.bytes;
  }
  const decoded = decodeReport(bytes, file);
  if (!decoded.ok) return say(render(decoded.message, lang)), null;
  return decoded.text;
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

function reason(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  return code ?? (e instanceof Error ? e.message : String(e));
}
