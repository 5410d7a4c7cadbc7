import { findHeadings } from '../reader/headings';
import { anchorKind } from '../reader/regions';
import { readSource } from '../text/source';

/**
 * Is this plain-text or Markdown file an annual report? At least three part headings, or two
 * of the statutory tables' anchors. Reads at most the first 400 lines (cheap on any file).
 */
export function looksLikeReport(text: string): boolean {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const src = readSource(head);
  if (src.lines.length > 400) src.lines.length = 400;
  const keys = new Set(findHeadings(src).map((h) => h.key));
  if (keys.size >= 3) return true;
  const anchors = new Set(src.lines.map((l) => anchorKind(l.text)).filter(Boolean));
  return anchors.size >= 2 || (anchors.size >= 1 && keys.size >= 2);
}
