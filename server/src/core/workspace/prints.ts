import type { Report, SectionHeading, SectionKey } from '../model';
import { SECTIONS } from '../formats/sections';
import { fold } from '../text/normalize';
import { comparable, SHINGLE_LENGTH } from './similarity';

/**
 * Fingerprints of a report's parts, so that a folder of one year's reports is compared without comparing
 * every pair at full cost. A part's prose is made comparable (similarity.ts) with the body's own name
 * folded too, and kept as the SKETCH_SIZE smallest (remixed) hashes of its shingles: a bottom-k sketch, a
 * uniform sample of the part that near-identical parts share most of. A year's sketches are filed by part
 * and hash; a part's candidates are the parts of other reports sharing at least CANDIDATE_SHARE of its
 * sketch, and only the best few are compared in full.
 */
export const SKETCH_SIZE = 32;
/** A part is fingerprinted when its comparable text has at least this many characters (statutory one-liners are not). */
export const MIN_PART_CHARS = 120;
/** The share of a part's sketch another part must hold to be compared in full. */
export const CANDIDATE_SHARE = 0.4;
/** Reports of one year sharing one sketch hash that are counted: beyond them the passage is every report's boilerplate. */
export const MAX_POSTING = 512;

export interface PartPrint {
  key: SectionKey;
  /** The SKETCH_SIZE smallest remixed hashes of its shingles, ascending. */
  sketch: Uint32Array;
}

/** A report's own names (its title's issuer, its 落款), as pieces to fold away. */
export function ownNames(report: Pick<Report, 'issuer' | 'signatory'>): string[] {
  return namePieces([report.issuer?.text, report.signatory?.text].filter((n): n is string => !!n));
}

/** The pieces of a body's name worth folding away: the name, and each bracketed or unbracketed piece of at least three characters. */
export function namePieces(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const f = fold(n).replace(/\s+/g, '');
    if (f.length >= 3) out.add(f);
    for (const piece of f.split(/[()（）〔〕［］[\]【】]/)) if (piece.length >= 3) out.add(piece);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** What a part's prose is read from: a model, or a skeleton (reader/read.ts), which give the same text. */
export type PartSource = Pick<Report, 'sections' | 'proseOutsideRegions'>;

/**
 * A part's prose as the comparison across bodies sees it: similarity.ts's folding, the body's own name
 * one placeholder. Lines in a table's region are left out (a table lies within its region): so a skeleton,
 * whose tables are not read, gives the same text as the model.
 */
export function partText(report: PartSource, h: SectionHeading, names: readonly string[]): string {
  const lines: string[] = [];
  for (const line of report.proseOutsideRegions(h.line, h.endLine)) {
    let t = fold(line.text);
    for (const n of names) if (t.includes(n)) t = t.replaceAll(n, '#');
    lines.push(t);
  }
  return comparable(lines, true);
}

/** The first heading of each part. */
export function partsOf(report: Pick<Report, 'sections'>): SectionHeading[] {
  return report.sections.filter((h, i) => report.sections.findIndex((x) => x.key === h.key) === i);
}

const remix = (h: number) => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** The k smallest remixed hashes of a set, ascending. */
export function sketchOf(set: ReadonlySet<number>, k = SKETCH_SIZE): Uint32Array {
  const all = new Uint32Array(set.size);
  let i = 0;
  for (const h of set) all[i++] = remix(h);
  all.sort();
  return all.slice(0, k);
}

/**
 * `sketchOf(shingles(text))` without the set and the sort: each shingle's hash remixed and kept only
 * while it is among the k smallest so far (remixing is one-to-one, so distinct shingles stay distinct).
 * A report's parts are sketched once per read of it, in every batch: this is most of what filing costs.
 */
export function sketchOfText(text: string, k = SKETCH_SIZE): Uint32Array {
  const best = new Uint32Array(k);
  const length = SHINGLE_LENGTH;
  let n = 0;
  for (let i = 0; i + length <= text.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + length; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    const r = remix(h >>> 0);
    if (n === k && r >= best[k - 1]) continue;
    // Where it goes, ascending; a hash already kept is not kept twice.
    let at = n;
    while (at > 0 && best[at - 1] > r) at--;
    if (at > 0 && best[at - 1] === r) continue;
    if (n < k) n++;
    best.copyWithin(at + 1, at, n - 1);
    best[at] = r;
  }
  return best.slice(0, n);
}

/** A report's part prints, each part long enough (MIN_PART_CHARS). */
export function printsOf(report: PartSource, names: readonly string[]): PartPrint[] {
  const out: PartPrint[] = [];
  for (const h of partsOf(report)) {
    const text = partText(report, h, names);
    if (text.length >= MIN_PART_CHARS) out.push({ key: h.key, sketch: sketchOfText(text) });
  }
  return out;
}

/**
 * A report's part prints as an index entry: the hashes of all its parts in one typed array, not an array
 * per part (a batch of 10,000 reports holds 10,000 entries in every thread that checks).
 */
export interface PackedPrints {
  keys: SectionKey[];
  /** How many hashes each part has, in `keys`' order. */
  lengths: number[];
  hashes: Uint32Array;
}

export function packPrints(prints: readonly PartPrint[]): PackedPrints {
  const hashes = new Uint32Array(prints.reduce((n, p) => n + p.sketch.length, 0));
  let at = 0;
  for (const p of prints) (hashes.set(p.sketch, at), (at += p.sketch.length));
  return { keys: prints.map((p) => p.key), lengths: prints.map((p) => p.sketch.length), hashes };
}

/** The parts' prints again, as views of the packed hashes (nothing copied). */
export function unpackPrints(packed: PackedPrints): PartPrint[] {
  let at = 0;
  return packed.keys.map((key, i) => ({ key, sketch: packed.hashes.subarray(at, (at += packed.lengths[i])) }));
}

/** A part of another report found near one of this report's. */
export interface NearPart {
  uri: string;
  key: SectionKey;
  /** The share of this part's sketch found in the other's. */
  estimate: number;
}

/**
 * One year's part sketches, filed by hash. Postings are kept in two typed arrays, not a map: a province's
 * year (250,000 reports, a hundred or more hashes each, nearly all distinct) is tens of millions of
 * postings, past what a JS Map holds (2^24 keys) and far cheaper this way (8 bytes a posting, outside
 * the JS heap). They are sorted by hash when first asked (a stable radix sort: within a hash, in the
 * order added) and looked up by binary search.
 */
export class YearPrints {
  private readonly filed: { uri: string; body: string }[] = [];
  /** Each filed report's body, as a number (`bodies`): which runs of postings are one body's. */
  private readonly bodyOf: number[] = [];
  private readonly bodies = new Map<string, number>();
  /**
   * Each posting's hash, and its report and part (`report × 8 + the part's ordinal`), in the order added.
   * Once sorted, the first posting of a hash whose postings are all one body's has SOLE_BODY set in its ref.
   */
  private hashes: Uint32Array;
  private refs: Uint32Array;
  private size = 0;
  /** The postings sorted so far, at the start of the arrays; those after them were added since. */
  private sortedSize = 0;
  private counts = new Uint16Array(0);

  /** `postings`: how many are known to come (a year made again from its surveys), so that the arrays are not grown to it. */
  constructor(postings = 256) {
    this.hashes = new Uint32Array(Math.max(1, postings));
    this.refs = new Uint32Array(Math.max(1, postings));
  }

  add(uri: string, body: string, prints: readonly PartPrint[]): void {
    const at = this.filed.push({ uri, body }) - 1;
    this.bodyOf.push(this.bodies.get(body) ?? this.bodies.set(body, this.bodies.size).get(body)!);
    for (const p of prints) {
      const part = ORDINAL[p.key];
      for (const h of p.sketch) this.post(h, at * 8 + part);
    }
  }

  /** Other bodies' parts sharing at least CANDIDATE_SHARE of a part's sketch, best first, at most `limit`. */
  near(body: string, print: PartPrint, limit: number): NearPart[] {
    this.sort();
    // Counted in an array by report (zeroed again below), not a map: a boilerplate hash lists hundreds.
    if (this.counts.length < this.filed.length) this.counts = new Uint16Array(this.filed.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    const part = ORDINAL[print.key];
    const own = this.bodies.get(body) ?? -1;
    for (const h of print.sketch) {
      const start = this.first(h);
      // A hash only this body's reports hold (copies of one report) counts for none that can be found.
      if (start < this.size && this.hashes[start] === h && this.refs[start] & SOLE_BODY && this.bodyOf[(this.refs[start] & REF) >>> 3] === own) continue;
      // Beyond MAX_POSTING reports of the year, a passage is every report's boilerplate: the first ones only.
      let taken = 0;
      for (let i = start; i < this.size && this.hashes[i] === h && taken < MAX_POSTING; i++) {
        const ref = this.refs[i] & REF;
        if ((ref & 7) !== part) continue;
        taken++;
        const at = ref >>> 3;
        if (counts[at]++ === 0) touched.push(at);
      }
    }
    const need = Math.max(2, Math.ceil(print.sketch.length * CANDIDATE_SHARE));
    const out: NearPart[] = [];
    for (const at of touched) {
      const n = counts[at];
      counts[at] = 0;
      const other = this.filed[at];
      if (n >= need && other.body !== body) out.push({ uri: other.uri, key: print.key, estimate: n / print.sketch.length });
    }
    return out.sort((a, b) => b.estimate - a.estimate || (a.uri < b.uri ? -1 : 1)).slice(0, limit);
  }

  private post(hash: number, ref: number): void {
    if (this.size === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.refs = grown(this.refs);
    }
    this.hashes[this.size] = hash;
    this.refs[this.size++] = ref;
  }

  /** The index of the first posting of `hash` (or where it would be). */
  private first(hash: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Sorts the postings by hash, keeping the order added within a hash: those added since the last sort
   * are sorted alone (`radixSorted`), then merged after the ones sorted before (a batch's looks while it
   * files its reports sort only what came since).
   */
  private sort(): void {
    const n = this.size;
    if (this.sortedSize === n) return;
    const before = this.sortedSize;
    const added = radixSorted(this.hashes.subarray(before, n), this.refs.subarray(before, n));
    if (before === 0) {
      this.hashes = added.hashes;
      this.refs = added.refs;
    } else {
      const hashes = new Uint32Array(n);
      const refs = new Uint32Array(n);
      const [a, ar, b, br] = [this.hashes, this.refs, added.hashes, added.refs];
      let i = 0;
      let j = 0;
      let k = 0;
      // The flags of the runs sorted before are set again below (a run may now have more bodies).
      while (i < before || j < n - before) {
        if (j === n - before || (i < before && a[i] <= b[j])) (hashes[k] = a[i]), (refs[k++] = ar[i++] & REF);
        else (hashes[k] = b[j]), (refs[k++] = br[j++]);
      }
      this.hashes = hashes;
      this.refs = refs;
    }
    this.sortedSize = n;
    this.markSoleBodies();
  }

  /** Sets SOLE_BODY on the first posting of each hash whose postings are all one body's. */
  private markSoleBodies(): void {
    const { hashes, refs, bodyOf } = this;
    for (let start = 0, end = 0; start < this.size; start = end) {
      const body = bodyOf[refs[start] >>> 3];
      let sole = true;
      for (end = start + 1; end < this.size && hashes[end] === hashes[start]; end++) sole &&= bodyOf[refs[end] >>> 3] === body;
      if (sole) refs[start] |= SOLE_BODY;
    }
  }
}

/** The flag of a sorted run's first ref (`YearPrints.markSoleBodies`), and what is left of a ref without it. */
const SOLE_BODY = 0x80000000;
const REF = 0x7fffffff;

/** The radix sort's counts, made once: a batch sorts what came since each look, often a few thousand postings. */
const RADIX_STARTS = new Uint32Array(65537);

/**
 * Postings sorted by hash (a stable radix sort: within a hash, in the order given): 16 bits a pass, or
 * 8 bits a pass for fewer postings than the larger passes have buckets to count.
 */
function radixSorted(from: Uint32Array, fromRefs: Uint32Array): { hashes: Uint32Array; refs: Uint32Array } {
  const n = from.length;
  const bits = n < 1 << 16 ? 8 : 16;
  const mask = (1 << bits) - 1;
  let hashes: Uint32Array = from;
  let refs: Uint32Array = fromRefs;
  let toHashes: Uint32Array = new Uint32Array(n);
  let toRefs: Uint32Array = new Uint32Array(n);
  const starts = RADIX_STARTS.subarray(0, mask + 2);
  for (let shift = 0; shift < 32; shift += bits) {
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[((hashes[i] >>> shift) & mask) + 1]++;
    for (let d = 1; d <= mask + 1; d++) starts[d] += starts[d - 1];
    for (let i = 0; i < n; i++) {
      const at = starts[(hashes[i] >>> shift) & mask]++;
      toHashes[at] = hashes[i];
      toRefs[at] = refs[i];
    }
    [hashes, toHashes] = [toHashes, hashes];
    [refs, toRefs] = [toRefs, refs];
  }
  return { hashes, refs };
}

function grown(a: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length * 2);
  out.set(a);
  return out;
}

const ORDINAL = Object.fromEntries(SECTIONS.map((s) => [s.key, s.ordinal])) as Record<SectionKey, number>;
