import { dirname, relative, resolve, sep } from 'node:path';
import { BASELINE_FILE, parseBaseline, serializeBaseline, type Baseline, type BaselineEntry } from '../core/baseline';
import { msg, type Message } from '../core/l10n/text';
import { decodeText } from '../core/text/decode';
import { lookFor, readBounded } from './files';
import { replaceFile, statMode } from './fix';
import { CLI_TEXT } from './messages';

/**
 * The CLI's baseline: `--baseline FILE`, or `.nianbao-baseline.json` in the current folder when there is
 * one (where the editor looks too: the workspace folder's root). Reports are named in it relative to its
 * folder. `--update-baseline` records what each checked report's findings are now, keeping the entries of
 * reports this run did not check, and writes the file once at the end.
 */
export class BaselineFile {
  private readonly folder: string;
  private recorded = 0;

  private constructor(readonly path: string, private readonly baseline: Baseline) {
    this.folder = dirname(path);
  }

  /** The run's baseline, null when there is none to honour, or why it cannot be used (said; exit 2). */
  static load(given: string | undefined, updating: boolean, maxFileSize: number): { baseline: BaselineFile | null; problem?: Message } {
    const path = resolve(given ?? BASELINE_FILE);
    const found = lookFor(path);
    if (found === 'absent') {
      if (updating) return { baseline: new BaselineFile(path, new Map()) };
      return given ? { baseline: null, problem: msg(CLI_TEXT.baselineMissing, { path: given }) } : { baseline: null };
    }
    const read = readBounded(path, maxFileSize);
    if (!read.ok) return { baseline: null, problem: read.problem };
    const parsed = parseBaseline(decodeText(read.bytes));
    // A broken file is neither honoured nor overwritten: what it held would be lost.
    if (!parsed.ok) return { baseline: null, problem: msg(CLI_TEXT.baselineBroken, { path: given ?? BASELINE_FILE, reason: parsed.reason }) };
    return { baseline: new BaselineFile(path, parsed.baseline) };
  }

  /** A report's entries ('-', standard input, has none). */
  entriesFor(file: string): BaselineEntry[] {
    return file === '-' ? [] : (this.baseline.get(this.key(file)) ?? []);
  }

  /** `--update-baseline`: what a checked report's findings are now. */
  record(file: string, entries: BaselineEntry[]): void {
    if (file === '-') return;
    if (entries.length) this.baseline.set(this.key(file), entries);
    else this.baseline.delete(this.key(file));
    this.recorded += entries.length;
  }

  get recordedCount(): number {
    return this.recorded;
  }

  /** Writes the file (a new file renamed over it); why not, or null. */
  write(): Message | null {
    const failed = replaceFile(this.path, Buffer.from(serializeBaseline(this.baseline), 'utf8'), statMode(this.path));
    return failed === null ? null : msg(CLI_TEXT.baselineWriteFailed, { path: this.path, reason: failed });
  }

  private key(file: string): string {
    return relative(this.folder, resolve(file)).split(sep).join('/');
  }
}
