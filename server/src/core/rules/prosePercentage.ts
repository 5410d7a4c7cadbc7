import { msg } from '../l10n/text';
import { paragraphs, type Paragraph } from '../text/paragraphs';
import { selectIndices } from '../text/spliced';
import { subject, type Finding, type Rule } from './types';

const MESSAGE = {
  zh: '正文所写“{percent}”与其所述数字不符：{part}占{whole}的{computed}%。',
  en: '“{percent}” does not agree with the counts stated: {part} of {whole} is {computed}%.',
};
const PART = { zh: '所占的数：{value}', en: 'the part: {value}' };
const WHOLE = { zh: '总数（“其中”之前）：{value}', en: 'the whole (before “其中”): {value}' };

/** '…1303件,占86.92%': a count, then its share. */
const SHARE = /(\d+)\s*件?\s*,?\s*占(?:比)?(?:为)?\s*(\d+(?:\.\d+)?)\s*%/g;
/** The whole a '其中' breaks down: the last count before it, in the sentence before it or its own. */
const WHOLE_COUNT = /(?<![\d.])(\d+)\s*件[\s,。;:]*$/;

/** A percentage stated in the prose ('占4.34%') against the counts it is computed from (issue 16, rule 4). */
export const prosePercentage: Rule = {
  id: 'prose-percentage',
  severity: 2,
  inputs: ['sections'],
  description: { zh: '正文中的百分比与其所述数字相符', en: 'Percentages in the text agree with the counts they are computed from' },
  check(ctx) {
    const out: Finding[] = [];
    const list = paragraphs(ctx.report);
    for (const i of selectIndices(list, 'prose-percentage', mayShare)) {
      const p = list[i];
      for (const m of p.text.matchAll(SHARE)) {
        const f = share(p, m);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

/** A share may be stated: a percentage and a '其中'. (Asked of each paragraph once: text/spliced.ts.) */
function mayShare(p: Paragraph): boolean {
  return /[%％]/.test(p.raw) && p.raw.includes('其中');
}

function share(p: Paragraph, m: RegExpMatchArray): Finding | null {
  const t = p.text;
  const at = m.index!;
  const whole = wholeBefore(t, at);
  if (!whole || /[.\d]/.test(t[at - 1] ?? '')) return null;
  const part = Number(m[1]);
  const written = m[2];
  const decimals = written.split('.')[1]?.length ?? 0;
  if (whole.value === 0 || part > whole.value) return null;
  const scale = 10 ** decimals;
  const exact = (part * 100 * scale) / whole.value;
  const stated = Math.round(Number(written) * scale);
  // Rounded, cut or rounded up to the precision written: each is how someone computes a share.
  if (stated >= Math.floor(exact + 1e-9) && stated <= Math.ceil(exact - 1e-9)) return null;
  const percentStart = t.indexOf(written, at + m[0].indexOf('占'));
  const percentEnd = t.indexOf('%', percentStart) + 1;
  const partStart = at;
  return {
    ruleId: prosePercentage.id,
    subject: subject.rule(prosePercentage.id),
    severity: prosePercentage.severity,
    range: p.rangeOf(percentStart, percentEnd),
    message: msg(MESSAGE, { percent: `${written}%`, part, whole: whole.value, computed: (exact / scale).toFixed(decimals) }),
    related: [
      { range: p.rangeOf(partStart, partStart + m[1].length), message: msg(PART, { value: part }) },
      { range: p.rangeOf(whole.start, whole.start + String(whole.value).length), message: msg(WHOLE, { value: whole.value }) },
    ],
  };
}

/**
 * The count a '其中' before `at` breaks down: 'N件' right before it ('共收到1499件。其中,…'), in no
 * clause of its own that is a part already ('包括上年结转30件。其中' is not the whole); none across a 。.
 */
function wholeBefore(t: string, at: number): { value: number; start: number } | null {
  const k = t.lastIndexOf('其中', at);
  if (k < 0 || at - k > 400 || t.slice(k, at).includes('。')) return null;
  const m = WHOLE_COUNT.exec(t.slice(Math.max(0, k - 200), k));
  if (!m) return null;
  const start = Math.max(0, k - 200) + m.index!;
  const clause = t.slice(Math.max(0, start - 200), start).split(/[,;:、。()]/).pop()!.trim();
  if (/^(?:包括|包含|含|其中|另)/.test(clause)) return null;
  return { value: Number(m[1]), start };
}
