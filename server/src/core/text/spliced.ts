import { Slot } from './slot';

/**
 * Lists that a keystroke changes in one place (the prose lines, the paragraphs): the new version is the
 * previous one with a few items replaced, the rest the same objects. Recording that lets a rule find the
 * items it cares about by testing the new items only, so that typing in a 2 MB report costs what the
 * edit touched, not the report's length.
 */

interface Splice {
  previous: readonly unknown[];
  at: number;
  removed: number;
  inserted: number;
}

const splices = new Slot<readonly unknown[], Splice>('splice');
const selections = new Slot<readonly unknown[], Map<string, number[]>>('selections');

/** `previous` with `removed` items at `at` replaced by `insert`; remembered as made so (one version back only). */
export function spliced<T>(previous: readonly T[], at: number, removed: number, insert: readonly T[]): T[] {
  const out = previous.slice(0, at).concat(insert, previous.slice(at + removed));
  // Only one version back: a chain of splices would keep every earlier version alive.
  splices.set(previous, undefined);
  splices.set(out, { previous, at, removed, inserted: insert.length });
  return out;
}

/** How `list` was made from the version before it, if by `spliced`. */
export function spliceOf(list: readonly unknown[]): Splice | undefined {
  return splices.get(list);
}

/**
 * The indices of the items of `list` that pass `test`, remembered per list and `key` (the key names the
 * test and everything it reads besides the item). A spliced list tests only its new items when the
 * previous version's selection under the same key is known.
 */
export function selectIndices<T>(list: readonly T[], key: string, test: (item: T, index: number) => boolean): readonly number[] {
  let byKey = selections.get(list);
  if (!byKey) selections.set(list, (byKey = new Map()));
  const known = byKey.get(key);
  if (known) return known;
  const s = splices.get(list);
  const before = s && selections.get(s.previous)?.get(key);
  const out: number[] = [];
  if (s && before) {
    let j = 0;
    while (j < before.length && before[j] < s.at) out.push(before[j++]);
    for (let i = s.at; i < s.at + s.inserted; i++) if (test(list[i], i)) out.push(i);
    while (j < before.length && before[j] < s.at + s.removed) j++;
    const d = s.inserted - s.removed;
    while (j < before.length) out.push(before[j++] + d);
  } else {
    for (let i = 0; i < list.length; i++) if (test(list[i], i)) out.push(i);
  }
  byKey.set(key, out);
  return out;
}
