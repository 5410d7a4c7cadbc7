import type { Report, SectionHeading, SectionKey } from '../model';
import { readReport, readSkeleton, type ReadOptions, type Skeleton } from '../reader/read';
import { readSource } from '../text/source';
import { identityOf, readIdentity, type ReportIdentity } from './identity';
import { NameIndex } from './names';
import { ownNames, packPrints, partsOf, partText, printsOf, unpackPrints, YearPrints, type NearPart, type PackedPrints } from './prints';
import { sortedShingles } from './similarity';

/**
 * The other reports a check may look at, read-only (in the style of vscode-markdown-languageservice's
 * `IWorkspace`): the adapters fill it — the CLI from its arguments and `--with`, the server from its
 * workspace folders and open documents — and the core asks for a text only when a rule needs it.
 */
export interface ReportWorkspace {
  /** The URIs of the reports it holds. */
  reports(): Iterable<string>;
  /** One report's text, or null when it is gone or cannot be read. */
  read(uri: string): string | null;
}

/** Another report of the workspace, read. */
export interface OtherReport {
  uri: string;
  report: Report;
  identity: ReportIdentity;
}

/** Another report of the workspace, its skeleton read (header, parts and prose; no table): what a comparison of prose needs. */
export interface OtherSkeleton {
  uri: string;
  report: Skeleton;
  identity: ReportIdentity;
}

/**
 * Another report's parts as a comparison of prose across bodies takes them (`copied-across-bodies`):
 * each part's first heading and the shingles of its comparable text (prints.ts `partText`), nothing of
 * its text, so that many are kept where a few skeletons would be (a saved page's is 2 MB).
 */
export interface ComparedParts {
  uri: string;
  identity: ReportIdentity;
  parts: ReadonlyMap<SectionKey, ComparedPart>;
}

export interface ComparedPart {
  heading: SectionHeading;
  /** `sortedShingles` of the part's comparable text, its own name folded away. */
  shingles: Uint32Array;
}

/** A skeleton's parts, compared. */
export function comparedParts(other: OtherSkeleton): ComparedParts {
  const names = ownNames(other.report);
  const parts = new Map(partsOf(other.report).map((heading) => [heading.key, { heading, shingles: sortedShingles(partText(other.report, heading, names)) }]));
  return { uri: other.uri, identity: other.identity, parts };
}

/** A report as the index files it: its identity only (nothing more is read). */
export interface FiledReport {
  uri: string;
  identity: ReportIdentity;
}

/** What the rules ask of the workspace (`CheckOptions.workspace`); `ReportIndex` answers all of it. */
export interface CrossReports {
  /** The report of the same body for the year before this one's, when the workspace holds one. */
  lastYear(report: Report): OtherReport | null;
  /** The reports filed under a year, or under a body (by `bodyKey`), in URI order. */
  filed?(by: { year: number } | { body: string }): readonly FiledReport[];
  /** Parts of other bodies' reports of this report's year whose fingerprints are near its parts (candidates, to compare in full). */
  /** `self`: the report's URI in the workspace, when its text there is the text checked (its survey's prints are then its own). */
  nearParts?(report: Report, self?: string): NearPart[];
  /** One report's skeleton. */
  open?(uri: string): OtherSkeleton | null;
  /** One report's parts, compared (without it: made from `open`'s skeleton each time). */
  compared?(uri: string): ComparedParts | null;
  /** The reports of a year whose body's name a text (its bigrams) holds at `share` or more, in URI order (without it: each report of the year is compared). */
  namesHeld?(year: number, text: ReadonlySet<number>, share: number): readonly FiledReport[];
}

/** Candidates compared in full for one part, at most (the best by fingerprint). */
export const NEAR_COMPARED = 3;

/** Models kept read: a rule of a batch looks at last year's report of each checked one. */
const MODELS_KEPT = 16;
/** Skeletons kept read (`report-identity` points at another report's title). */
const SKELETONS_KEPT = 16;
/**
 * Shingles of other reports' parts kept compared (`compared`), about 8 MB: a report's parts are compared
 * with up to NEAR_COMPARED other bodies' each, and in a folder whose reports copy one another the same
 * few hundred reports are the candidates of many.
 */
const COMPARED_SHINGLES_KEPT = 1 << 21;

/**
 * The reports of a workspace by issuing body and year. Each text is read once to file it (its header
 * only); a model is read when a rule first asks for it, and the last few are kept. Reports without a
 * recognisable body or year are left out.
 */
export class ReportIndex implements CrossReports {
  private readonly byKey = new Map<string, string[]>();
  private readonly filedAs = new Map<string, FiledReport>();
  private readonly byYear = new Map<number, FiledReport[]>();
  private readonly byBody = new Map<string, FiledReport[]>();
  /** Lists added to since they were last sorted by URI: sorted when read, so that filing n reports costs n log n, not n². */
  private readonly unsorted = new Set<unknown[]>();
  private readonly models = new Kept<OtherReport | null>(MODELS_KEPT);
  private readonly skeletons = new Kept<OtherSkeleton | null>(SKELETONS_KEPT);
  private readonly comparedKept = new Kept<ComparedParts | null>(COMPARED_SHINGLES_KEPT, shinglesOf);
  private readonly prints = new Map<number, YearPrints>();
  /** Years whose prints hold reports in the order they arrived (`arriving`), not in URI order. */
  private readonly arrived = new Set<number>();
  /** Each year's bodies by the bigrams of their names (names.ts), made on first ask. */
  private readonly names = new Map<number, NameIndex>();

  /** Part prints made beforehand (`surveyReport`, by whichever thread read the report), by URI. */
  private readonly surveyed = new Map<string, SurveyedPrints | null>();

  /**
   * Reads each report of the workspace to file it, or takes the surveys made of them beforehand
   * (`surveyReport`, in worker threads): then nothing is read here, not even for the prints.
   */
  constructor(private readonly workspace: ReportWorkspace, private readonly options: ReadOptions = {}, surveys?: Iterable<Survey>) {
    if (surveys) {
      for (const s of surveys) this.add(s);
      return;
    }
    for (const uri of workspace.reports()) {
      const text = workspace.read(uri);
      this.file(uri, text === null ? null : readIdentity(text));
    }
  }

  /** Files a report by a survey made of it elsewhere (a worker thread, a batch's check): nothing is read. */
  add(s: Survey): void {
    this.file(s.uri, s.filedAs);
    if (s.prints !== undefined) this.surveyed.set(s.uri, s.prints);
  }

  /**
   * `add`, for a batch's reports as they arrive, between looks at what they concern (`concerns`): a new
   * report's prints are added to its year's prints made so far, not made again with all of them. Those
   * are then in the order the reports came, which may decide which reports a boilerplate passage counts
   * for (its first MAX_POSTING): `settle` makes them again, in URI order, before any answer that is output.
   */
  arriving(s: Survey): void {
    const year = s.filedAs?.year;
    const made = year !== undefined && !this.filedAs.has(s.uri) ? this.prints.get(year) : undefined;
    this.add(s);
    if (!made || s.prints === undefined) return;
    if (s.prints) made.add(s.uri, s.prints.body, unpackPrints(s.prints.prints));
    this.prints.set(year!, made);
    this.arrived.add(year!);
  }

  /** The years whose prints `arriving` added to, made again on the next ask. */
  settle(): void {
    for (const year of this.arrived) this.prints.delete(year);
    this.arrived.clear();
  }

  /**
   * Files a report under its identity, or leaves it out (null): a workspace that changes (the
   * server's) files each report again when its text changes; its model is read again when asked,
   * and its year's part fingerprints are made again.
   */
  file(uri: string, id: ReportIdentity | null): void {
    this.models.forget(uri);
    this.skeletons.forget(uri);
    this.comparedKept.forget(uri);
    this.surveyed.delete(uri);
    const before = this.filedAs.get(uri);
    for (const year of [before?.identity.year, id?.year]) {
      if (year === undefined) continue;
      this.prints.delete(year);
      this.names.delete(year);
    }
    if (before && id && before.identity.body === id.body && before.identity.year === id.year) return;
    if (before) {
      this.unfile(this.byKey, key(before.identity.body, before.identity.year), (u) => u === uri);
      this.unfile(this.byYear, before.identity.year, (f) => f.uri === uri);
      this.unfile(this.byBody, before.identity.body, (f) => f.uri === uri);
      this.filedAs.delete(uri);
    }
    if (!id) return;
    const filed = { uri, identity: id };
    const at = <K, V>(map: Map<K, V[]>, k: K) => map.get(k) ?? map.set(k, []).get(k)!;
    const uris = at(this.byKey, key(id.body, id.year));
    const ofYear = at(this.byYear, id.year);
    const ofBody = at(this.byBody, id.body);
    uris.push(uri);
    ofYear.push(filed);
    ofBody.push(filed);
    for (const list of [uris, ofYear, ofBody]) this.unsorted.add(list);
    this.filedAs.set(uri, filed);
  }

  filed(by: { year: number } | { body: string }): readonly FiledReport[] {
    return this.sorted(('year' in by ? this.byYear.get(by.year) : this.byBody.get(by.body)) ?? [], (f) => f.uri);
  }

  /** A list of the index in URI order. */
  private sorted<T>(list: T[], uriOf: (t: T) => string): T[] {
    if (this.unsorted.delete(list)) list.sort((a, b) => (uriOf(a) < uriOf(b) ? -1 : uriOf(a) > uriOf(b) ? 1 : 0));
    return list;
  }

  /** Takes a report out of one of the index's lists, and the list when it is left empty. */
  private unfile<K, V>(map: Map<K, V[]>, k: K, is: (v: V) => boolean): void {
    const before = map.get(k);
    const list = before?.filter((v) => !is(v));
    if (before && this.unsorted.delete(before) && list?.length) this.unsorted.add(list);
    if (list?.length) map.set(k, list);
    else map.delete(k);
  }

  nearParts(report: Report, self?: string): NearPart[] {
    const id = identityOf(report);
    if (!id) return [];
    const year = this.yearPrints(id.year);
    // A batch checks the files it surveyed: the prints are made once a file (the survey's are its model's).
    const made = self === undefined ? undefined : this.surveyed.get(self);
    const prints = made && made.body === id.body ? unpackPrints(made.prints) : printsOf(report, ownNames(report));
    return prints.flatMap((p) => year.near(id.body, p, NEAR_COMPARED));
  }

  /** A year's part fingerprints, made on first ask: each report of the year read once. */
  private yearPrints(year: number): YearPrints {
    let prints = this.prints.get(year);
    if (prints) return prints;
    const filed = this.filed({ year });
    prints = new YearPrints(filed.reduce((n, { uri }) => n + (this.surveyed.get(uri)?.prints.hashes.length ?? 0), 0));
    for (const { uri } of filed) {
      const made = this.surveyed.get(uri);
      if (made !== undefined) {
        if (made) prints.add(uri, made.body, unpackPrints(made.prints));
        continue;
      }
      const read = surveyReport(uri, this.workspace.read(uri)).prints;
      if (read) prints.add(uri, read.body, unpackPrints(read.prints));
    }
    this.prints.set(year, prints);
    return prints;
  }

  /**
   * Whether a cross-report rule could find anything in a report this index surveyed: the index files a
   * report of its body for the year before (the rules of issue 17), or other bodies' parts near its own
   * (copied-across-bodies). A report filed under no identity always is (report-identity looks for its
   * body or its year among all). When not, every cross-report rule is silent on it — a test runs each on
   * every seed and corpus report with a workspace that answers nothing else — and a batch keeps what the
   * check without the workspace found.
   */
  concerns(s: Survey): boolean {
    const id = s.filedAs;
    if (!id || !s.prints) return true;
    if (this.find(id.body, id.year - 1).length > 0) return true;
    const year = this.yearPrints(id.year);
    return unpackPrints(s.prints.prints).some((p) => year.near(id.body, p, 1).length > 0);
  }

  namesHeld(year: number, text: ReadonlySet<number>, share: number): readonly FiledReport[] {
    let names = this.names.get(year);
    if (names?.share !== share) this.names.set(year, (names = new NameIndex(this.filed({ year }), share)));
    return names.held(text);
  }

  /** The URIs filed under a body and a year (several when a folder holds copies). */
  find(body: string, year: number): readonly string[] {
    return this.sorted(this.byKey.get(key(body, year)) ?? [], (u) => u);
  }

  lastYear(report: Report): OtherReport | null {
    const id = identityOf(report);
    if (!id) return null;
    for (const uri of this.find(id.body, id.year - 1)) {
      const other = this.models.get(uri, () => this.read(uri));
      if (other && other.identity.body === id.body && other.identity.year === id.year - 1) return other;
    }
    return null;
  }

  /** One report's skeleton (no table), read on first ask; the last SKELETONS_KEPT asked for kept. */
  open(uri: string): OtherSkeleton | null {
    return this.skeletons.get(uri, () => this.skeleton(uri));
  }

  /**
   * One report's parts, compared: kept, least recently asked first out, up to COMPARED_SHINGLES_KEPT
   * shingles in all. Its skeleton is read for them alone (not kept among `open`'s).
   */
  compared(uri: string): ComparedParts | null {
    return this.comparedKept.get(uri, () => {
      const other = this.skeletons.peek(uri) ?? this.skeleton(uri);
      return other && comparedParts(other);
    });
  }

  /** Shingles of compared parts kept (for tests: they stay within COMPARED_SHINGLES_KEPT, but for the last asked). */
  get comparedShinglesKept(): number {
    return this.comparedKept.weight;
  }

  /** One report's skeleton, read. */
  private skeleton(uri: string): OtherSkeleton | null {
    const text = this.workspace.read(uri);
    const report = text === null ? null : readSkeleton(readSource(text));
    const identity = report && identityOf(report);
    return report && identity ? { uri, report, identity } : null;
  }

  /** One report's model. */
  private read(uri: string): OtherReport | null {
    const text = this.workspace.read(uri);
    const report = text === null ? null : readReport(text, this.options);
    const identity = report && identityOf(report);
    return report && identity ? { uri, report, identity } : null;
  }
}

/** A report's part prints and the body its model names (which its header alone may not). */
export interface SurveyedPrints {
  body: string;
  prints: PackedPrints;
}

/** What the index needs of one report, made from its text where it was read (a worker thread of the CLI). */
export interface Survey {
  uri: string;
  /** Its identity by its header: what it is filed under. */
  filedAs: ReportIdentity | null;
  /** Its part prints, read in full (null: its model has no identity); absent when not filed. */
  prints?: SurveyedPrints | null;
}

/**
 * Reads one report for `ReportIndex`: its skeleton (no table read), whose header files it (the identity
 * its model gives: a test holds every seed and corpus report to it) and whose prose gives its year's prints.
 * Headings and header are read once for both.
 */
export function surveyReport(uri: string, text: string | null): Survey {
  return text === null ? { uri, filedAs: null } : surveyOf(uri, readSkeleton(readSource(text)));
}

/** What the index needs of a report already read: a skeleton, or a model (a batch's check makes it). */
export function surveyOf(uri: string, read: Skeleton | Report): Survey {
  const filedAs = identityOf(read);
  if (!filedAs) return { uri, filedAs };
  return { uri, filedAs, prints: { body: filedAs.body, prints: packPrints(printsOf(read, ownNames(read))) } };
}

const key = (body: string, year: number) => `${year}\u0000${body}`;

/** The shingles a report's compared parts hold (their buffers: `sortedShingles` gives a view of its first, distinct ones). */
function shinglesOf(made: ComparedParts | null): number {
  let n = 0;
  for (const p of made?.parts.values() ?? []) n += p.shingles.buffer.byteLength >> 2;
  return n;
}

/**
 * Values made on first ask and kept while their weights (one each, unless said) sum to at most `bound`,
 * least recently asked first out, not first made: in a folder whose reports copy one another a few
 * reports are every part's candidates, asked for all through the batch. The last asked is always kept.
 */
class Kept<T> {
  private readonly values = new Map<string, T>();
  private total = 0;
  constructor(private readonly bound: number, private readonly weigh: (value: T) => number = () => 1) {}

  /** The weights of the values kept, summed. */
  get weight(): number {
    return this.total;
  }

  get(uri: string, make: () => T): T {
    if (this.values.has(uri)) {
      const value = this.values.get(uri)!;
      this.values.delete(uri);
      this.values.set(uri, value);
      return value;
    }
    const value = make();
    this.values.set(uri, value);
    this.total += this.weigh(value);
    for (const oldest of this.values.keys()) {
      if (this.total <= this.bound || oldest === uri) break;
      this.forget(oldest);
    }
    return value;
  }

  /** The value kept, without asking for it. */
  peek(uri: string): T | undefined {
    return this.values.get(uri);
  }

  forget(uri: string): void {
    if (!this.values.has(uri)) return;
    this.total -= this.weigh(this.values.get(uri)!);
    this.values.delete(uri);
  }
}


/** A URI's last segment, for naming a file in a message (`file:///a/2022%E5%B9%B4.txt` → `2022年.txt`). */
export function fileName(uri: string): string {
  const isUri = /^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
  const last = (isUri ? uri.replace(/[?#].*$/, '') : uri).split(/[\\/]/).filter(Boolean).pop() ?? uri;
  if (!isUri) return last;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
