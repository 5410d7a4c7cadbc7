/**
 * A copy of a string sharing no memory with the text it was cut from. V8 keeps a cut of 13 characters
 * or more (`slice`, `substring`, a regular expression's match) as a view of the whole text, so whatever
 * keeps cuts for long — a batch's index, the label caches — would keep every text they were cut from.
 * Joined to one character and cut again, the string is flattened into a copy of its own (about 0.4 µs
 * for a label, a tenth of splitting and joining it); shorter strings are copies already.
 */
export function ownCopy(cut: string): string {
  return cut.length < 13 ? cut : (' ' + cut).slice(1);
}
