import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** The five seed reports (bundled as examples) and the corpus of real excerpts. */
export const SEEDS_DIR = join(ROOT, 'examples');
export const CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'corpus');

/** A corpus report: `NNN_name.txt`, `.md` or `.html` (not README.md, not the expectation files). */
const CORPUS_REPORT = /^\d{3}_.+\.(txt|md|html)$/;

export function seedPath(prefix: string): string {
  const dir = SEEDS_DIR;
  const name = readdirSync(dir).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return join(dir, name);
}

export function seed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

/** Every corpus report, in file-name order. */
export function corpusFiles(): string[] {
  const dir = CORPUS_DIR;
  return readdirSync(dir).filter((n) => CORPUS_REPORT.test(n)).sort().map((n) => join(dir, n));
}

export function corpus(prefix: string): string {
  const f = corpusFiles().find((p) => p.split('/').pop()!.startsWith(prefix));
  if (!f) throw new Error(`no corpus file ${prefix}`);
  return readFileSync(f, 'utf8');
}

export type TableState = 'complete' | 'cut' | 'absent' | 'unreadable';

/** What a careful reader established about one corpus report (`<file>.expect.json`, see the corpus README). */
export interface CorpusExpectation {
  tables: Record<'active' | 'applications' | 'reviewLitigation', TableState>;
  /** `table.rowKey` → the row's cell values in column order (null: blank or not a number). */
  values: Record<string, (number | null)[]>;
  /** Per table, the keys of the rows with at least one blank cell. */
  blankRows: Partial<Record<'active' | 'applications' | 'reviewLitigation', string[]>>;
  /** The exact multiset of findings other than blank cells: rule id and 1-based line. */
  findings: { code: string; line: number; note?: string }[];
  notes: string;
  /** Set while the reader does not meet this expectation yet: what goes wrong. */
  todo?: string;
}

export function corpusExpectation(file: string): CorpusExpectation {
  return JSON.parse(readFileSync(`${file}.expect.json`, 'utf8')) as CorpusExpectation;
}
