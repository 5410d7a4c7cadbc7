import { SECTIONS } from '../formats/sections';
import { fullWidth, msg, type Text } from '../l10n/text';
import type { SectionHeading, SectionKey } from '../model';
import { identityOf } from '../workspace/identity';
import { ownNames, partsOf, partText } from '../workspace/prints';
import { sharedShare, sortedShingles } from '../workspace/similarity';
import { fileName, type ComparedParts } from '../workspace/workspace';
import { subject, type Finding, type Rule, type RuleWorkspace } from './types';

/** The share of a part's shingles found in another body's same part from which it is said to be copied (as `copied-text`). */
const COPIED_SHARE = 0.8;

const PART = {
  zh: '第{numeral}部分“{title}”有{share}%的文字与同年度{name}的报告“{file}”的同一部分相同（机关名称、年份、数字不计），内容雷同。',
  en: '{share}% of the text of part {numeral} (“{title}”) repeats the same part of “{file}”, the same year\'s report of {name} (names, years and numbers aside).',
};
const PART_MORE = {
  zh: '第{numeral}部分“{title}”有{share}%的文字与同年度{name}的报告“{file}”的同一部分相同（机关名称、年份、数字不计），另有{more}份同年度其他机关的报告与之雷同。',
  en: '{share}% of the text of part {numeral} (“{title}”) repeats the same part of “{file}”, the same year\'s report of {name} (names, years and numbers aside), and {more} more reports of other bodies that year are alike.',
};
const RELATED = { zh: '{name}的报告的第{numeral}部分（{share}%相同）', en: 'Part {numeral} of the report of {name} ({share}% the same)' };

interface Copy {
  other: ComparedParts;
  heading: SectionHeading;
  share: number;
}

/**
 * Issue 18, rule 3 across bodies: in a reviewer's folder, a part whose prose repeats the same part of
 * another body's report of the same year. Each body's own name is folded away with years and numbers
 * (workspace/prints.ts); candidates come from the index's fingerprints (at most NEAR_COMPARED a part)
 * and only they are compared in full, by `copied-text`'s measure.
 */
export const copiedAcrossBodies: Rule = {
  id: 'copied-across-bodies',
  severity: 2,
  inputs: ['sections'],
  across: true,
  description: { zh: '各部分文字不照抄同年度其他机关的报告', en: 'Parts are not copied from other bodies\' reports of the same year' },
  check(ctx) {
    const ws = ctx.workspace;
    const near = ws && identityOf(ctx.report) ? ws.nearParts() : [];
    if (!ws || !near.length) return [];
    const names = ownNames(ctx.report);
    const out: Finding[] = [];
    for (const h of partsOf(ctx.report)) {
      const uris = near.filter((n) => n.key === h.key).map((n) => n.uri);
      if (!uris.length) continue;
      const own = sortedShingles(partText(ctx.report, h, names));
      const copies = uris.map((uri) => compared(ws, uri, h.key, own)).filter((c): c is Copy => !!c && c.share >= COPIED_SHARE);
      if (copies.length) out.push(finding(h, copies.sort((a, b) => b.share - a.share)));
    }
    return out;
  },
};

function compared(ws: RuleWorkspace, uri: string, key: SectionKey, own: Uint32Array): Copy | null {
  const other = ws.compared(uri);
  const part = other?.parts.get(key);
  return other && part ? { other, heading: part.heading, share: sharedShare(own, part.shingles) } : null;
}

function finding(h: SectionHeading, copies: Copy[]): Finding {
  const def = SECTIONS.find((s) => s.key === h.key)!;
  const numeral = { zh: def.numeral, en: String(def.ordinal) };
  const [best] = copies;
  const percent = (c: Copy) => Math.floor(c.share * 100);
  const args = { numeral, title: { zh: fullWidth(def.title), en: def.titleEn } as Text, share: percent(best), name: best.other.identity.name, file: fileName(best.other.uri), more: copies.length - 1 };
  return {
    ruleId: copiedAcrossBodies.id,
    subject: subject.section(h.key),
    severity: copiedAcrossBodies.severity,
    range: h.range,
    message: msg(copies.length > 1 ? PART_MORE : PART, args),
    related: copies.map((c) => ({ uri: c.other.uri, range: c.heading.range, message: msg(RELATED, { numeral, name: c.other.identity.name, share: percent(c) }) })),
  };
}

