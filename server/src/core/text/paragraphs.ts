import type { ProseLine, Report, SectionKey } from '../model';
import type { Range } from './positions';
import { fold } from './normalize';

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

/** Each report's paragraphs, read once for all the rules that read the prose. */
const cache = new WeakMap<Report, Paragraph[]>();

export function paragraphs(report: Report): Paragraph[] {
  let out = cache.get(report);
  if (!out) cache.set(report, (out = readParagraphs(report)));
  return out;
}

function readParagraphs(report: Report): Paragraph[] {
  const traditional = report.script === 'traditional';
  const out: Paragraph[] = [];
  let lines: ProseLine[] = [];
  let length = 0;
  const flush = () => {
    if (lines.length) out.push(paragraph(lines, traditional));
    lines = [];
    length = 0;
  };
  for (const line of report.prose) {
    if (line.text.length > MAX_LINE) {
      flush();
      continue;
    }
    const last = lines[lines.length - 1];
    const wraps = last && !report.html && last.section === line.section && last.range.end.line + 1 === line.range.start.line
      && !SENTENCE_END.has(last.text[last.text.length - 1]) && length + line.text.length <= MAX_PARAGRAPH;
    if (!wraps) flush();
    lines.push(line);
    length += line.text.length;
  }
  flush();
  return out;
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
  if (!traditional) return s.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c >= 0x3400 && !(c >= 0xd800 && c <= 0xdfff)) {
      const f = fold(s[i]);
      out += f.length === 1 ? f : s[i];
    } else out += s[i];
  }
  return out;
}
