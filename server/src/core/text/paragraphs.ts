import type { ProseLine, Report, SectionKey } from '../model';
import type { Range } from './positions';
import { fold } from './normalize';
import { spliceOf, spliced } from './spliced';
import { Slot } from './slot';

/** A paragraph of prose: lines of a PDF or Word export that wrap a sentence are put together. */
export interface Paragraph {
  /** As written (the lines joined): a key for what rules found in it before. */
  raw: string;
  /** Folded as written, character for character: ASCII digits and punctuation, Simplified script (computed when asked for). */
  readonly text: string;
  section: SectionKey | null;
  rangeOf(from: number, to: number): Range;
}

/** A paragraph is never put together beyond this (a report flattened onto lines stays cheap to scan). */
const MAX_PARAGRAPH = 4000;
/** No prose line of a real report is near this long (the longest in the corpus, a flattened report, has 3,830): a longer one is bulk, not read. */
const MAX_LINE = 10000;

const SENTENCE_END = new Set(['。', '!', '?', '！', '？']);

/** A report's paragraphs, and the index in its prose of each one's first line. */
interface Built {
  list: Paragraph[];
  firsts: number[];
  traditional: boolean;
  html: boolean;
}

/** The paragraphs of each version of the prose (a keystroke in a table keeps the prose, so keeps them too). */
const cache = new Slot<readonly ProseLine[], Built>('paragraphs');

/** The report's paragraphs, read once for all the rules that read the prose. */
export function paragraphs(report: Report): Paragraph[] {
  const prose = report.prose;
  const traditional = report.script === 'traditional';
  let built = cache.get(prose);
  if (!built || built.traditional !== traditional || built.html !== report.html) {
    built = again(prose, traditional, report.html) ?? build(prose, traditional, report.html);
    cache.set(prose, built);
  }
  return built.list;
}

function build(prose: readonly ProseLine[], traditional: boolean, html: boolean): Built {
  const { list, firsts } = scan(prose, traditional, html, 0, () => false);
  return { list, firsts, traditional, html };
}

/**
 * The paragraphs of prose spliced from the previous version's (one line typed in): read again from the
 * start of the paragraph before the edit until a paragraph starts where one started before, beyond the
 * edit (from there on, every decision is the same as before); the rest are the previous objects.
 */
function again(prose: readonly ProseLine[], traditional: boolean, html: boolean): Built | null {
  const s = spliceOf(prose);
  const before = s && cache.get(s.previous as readonly ProseLine[]);
  if (!s || !before || before.traditional !== traditional || before.html !== html) return null;
  const { firsts } = before;
  const d = s.inserted - s.removed;
  // The last paragraph starting at or before the line above the edit.
  let a = 0;
  while (a + 1 < firsts.length && firsts[a + 1] <= Math.max(0, s.at - 1)) a++;
  const from = firsts.length ? Math.min(firsts[a], s.at) : 0;
  let b = a;
  const startedBefore = (j: number): boolean => {
    if (j < s.at + s.inserted) return false;
    while (b < firsts.length && firsts[b] + d < j) b++;
    return b < firsts.length && firsts[b] + d === j;
  };
  const read = scan(prose, traditional, html, from, startedBefore);
  // Paragraphs a.. (none before `from` is read again) up to b are replaced.
  const until = read.stoppedAt < 0 ? firsts.length : b;
  return {
    list: spliced(before.list, a, until - a, read.list),
    firsts: firsts.slice(0, a).concat(read.firsts, firsts.slice(until).map((f) => f + d)),
    traditional,
    html,
  };
}

/** Paragraphs from prose line `from` on, until a paragraph would start at a line where `stop` says so. */
function scan(prose: readonly ProseLine[], traditional: boolean, html: boolean, from: number, stop: (j: number) => boolean) {
  const list: Paragraph[] = [];
  const firsts: number[] = [];
  let lines: ProseLine[] = [];
  let first = -1;
  let length = 0;
  const flush = () => {
    if (lines.length) (list.push(paragraph(lines, traditional)), firsts.push(first));
    lines = [];
    length = 0;
  };
  for (let i = from; i < prose.length; i++) {
    const line = prose[i];
    if (line.text.length > MAX_LINE) {
      flush();
      continue;
    }
    const last = lines[lines.length - 1];
    const wraps = last && !html && last.section === line.section && last.range.end.line + 1 === line.range.start.line
      && !SENTENCE_END.has(last.text[last.text.length - 1]) && length + line.text.length <= MAX_PARAGRAPH;
    if (!wraps) {
      flush();
      if (i > from && stop(i)) return { list, firsts, stoppedAt: i };
      first = i;
    }
    lines.push(line);
    length += line.text.length;
  }
  flush();
  return { list, firsts, stoppedAt: -1 };
}

function paragraph(lines: ProseLine[], traditional: boolean): Paragraph {
  if (lines.length === 1) return new Lines(lines, [0], lines[0].text, traditional);
  const starts: number[] = [];
  let raw = '';
  for (const l of lines) {
    starts.push(raw.length);
    raw += l.text;
  }
  return new Lines(lines, starts, raw, traditional);
}

/** A class, not an object literal with a getter: a report has thousands of paragraphs, made on every keystroke. */
class Lines implements Paragraph {
  private folded: string | undefined;
  readonly section: SectionKey | null;
  constructor(private readonly lines: ProseLine[], private readonly starts: number[], readonly raw: string, private readonly traditional: boolean) {
    this.section = lines[0].section;
  }

  get text(): string {
    return (this.folded ??= foldChars(this.raw, this.traditional));
  }

  rangeOf(from: number, to: number): Range {
    const { lines, starts } = this;
    const a = this.at(from);
    const b = this.at(Math.max(from, to - 1));
    if (a === b) return lines[a].rangeOf(from - starts[a], to - starts[a]);
    return { start: lines[a].rangeOf(from - starts[a], lines[a].text.length).start, end: lines[b].rangeOf(0, to - starts[b]).end };
  }

  private at(i: number): number {
    let k = 0;
    while (k + 1 < this.starts.length && this.starts[k + 1] <= i) k++;
    return k;
  }
}

/** Full-width ASCII forms (０-９，：；（）％) and the ideographic space become ASCII; Traditional characters Simplified, one for one. */
function foldChars(s: string, traditional: boolean): string {
  if (!traditional) return foldWidth(s);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c >= 0x3400 && !(c >= 0xd800 && c <= 0xdfff)) out += foldedChar(c);
    else out += s[i];
  }
  return out;
}

/** A character folded on its own, kept when folding keeps it one character; by its code (at most the BMP's ideographs). */
const foldedChars = new Map<number, string>();

function foldedChar(c: number): string {
  let f = foldedChars.get(c);
  if (f === undefined) {
    const s = String.fromCharCode(c);
    f = fold(s);
    if (f.length !== 1) f = s;
    foldedChars.set(c, f);
  }
  return f;
}

/** `foldChars` of Simplified text: only the full-width forms and the ideographic space, the rest copied in runs. */
function foldWidth(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x3000 && (c < 0xff01 || c > 0xff5e)) continue;
    out += s.slice(from, i) + (c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0));
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
