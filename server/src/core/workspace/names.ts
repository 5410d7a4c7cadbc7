import type { ReportIdentity } from './identity';
import { repeatedShare, shingles } from './similarity';
import { Slot } from '../text/slot';
import type { FiledReport } from './workspace';

/** A filed body's name as bigrams, made once for all the reports compared with it (kept on its identity). */
const bodyBigrams = new Slot<ReportIdentity, ReadonlySet<number>>('bodyBigrams');

export function bigramsOf(identity: ReportIdentity): ReadonlySet<number> {
  let made = bodyBigrams.get(identity);
  if (!made) bodyBigrams.set(identity, (made = shingles(identity.body, 2)));
  return made;
}

/**
 * The bodies of a list whose names a text holds (the share of each name's bigrams found in the text's
 * bigrams) at a given share or more, found without comparing the text with every body: a province's
 * year is 250,000 bodies, and a report without an identity is compared with all of them. Prefix
 * filtering: a name of k bigrams held at share s misses at most k − ⌈s·k⌉ of them, so it holds one of
 * any k − ⌊s·k⌋ + 1 (floor: safe against rounding); each name is filed under that many of its rarest
 * bigrams, and only the names filed under the text's bigrams are compared in full.
 */
export class NameIndex {
  private readonly postings = new Map<number, number[]>();
  /** Each body's bigrams, in the list's order. */
  private readonly names: ReadonlySet<number>[];
  /** The look-up each body was last compared in (so that it is compared once a look-up). */
  private readonly seen: Uint32Array;
  private lookUp = 0;

  constructor(private readonly filed: readonly FiledReport[], readonly share: number) {
    this.names = filed.map((f) => shingles(f.identity.body, 2));
    this.seen = new Uint32Array(filed.length);
    const frequency = new Map<number, number>();
    for (const g of this.names) for (const x of g) frequency.set(x, (frequency.get(x) ?? 0) + 1);
    this.names.forEach((name, i) => {
      const g = [...name].sort((a, b) => frequency.get(a)! - frequency.get(b)! || a - b);
      const prefix = g.length - Math.floor(share * g.length) + 1;
      for (const x of g.slice(0, prefix)) (this.postings.get(x) ?? this.postings.set(x, []).get(x)!).push(i);
    });
  }

  /** The bodies whose names `text` (as bigrams) holds at the index's share or more, in the list's order. */
  held(text: ReadonlySet<number>): FiledReport[] {
    const stamp = ++this.lookUp;
    const out: number[] = [];
    for (const x of text) {
      for (const i of this.postings.get(x) ?? []) {
        if (this.seen[i] === stamp) continue;
        this.seen[i] = stamp;
        if (repeatedShare(this.names[i], text) >= this.share) out.push(i);
      }
    }
    return out.sort((a, b) => a - b).map((i) => this.filed[i]);
  }
}
