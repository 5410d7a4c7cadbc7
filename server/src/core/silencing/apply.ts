import type { Finding } from '../rules/types';
import { msg } from '../l10n/text';
import type { Directive } from './directives';

/** The stable id of the hint that a silencing comment silences nothing (docs/rules.md). */
export const UNUSED_DISABLE = 'unused-disable';

const UNUSED = {
  zh: '忽略注释“nianbao-{kind}{rules}”没有忽略任何问题，可以删除。',
  en: 'The silencing comment “nianbao-{kind}{rules}” silences nothing and can be removed.',
};
const UNKNOWN = {
  zh: '忽略注释中的“{ids}”不是本工具的规则编号，不会忽略任何问题。',
  en: '“{ids}” in this silencing comment is not a rule id of this checker: it silences nothing.',
};
const REMOVE = { zh: '删除此忽略注释', en: 'Remove this silencing comment' };

export interface Silenced {
  /** The findings still shown, with a hint for each comment that silences nothing. */
  findings: Finding[];
  /** The findings the comments silenced: kept and counted, never lost. */
  silenced: Finding[];
}

/**
 * Findings filtered by the document's silencing comments, as markdownlint reads them: a finding is
 * silenced by a `disable-next-line` on the line above it, else by the last `disable`/`enable` at or
 * above its line that names its rule (when that is a `disable`), else by a `disable-file`. Which
 * comment silenced it is remembered: one that silenced nothing becomes an `unused-disable` hint.
 * Costs nothing without comments (the common case, on every keystroke).
 */
export function applySilencing(
  findings: Finding[], directives: readonly Directive[], knownRules: ReadonlySet<string>, cap: (hints: Finding[]) => Finding[],
): Silenced {
  if (directives.length === 0) return { findings, silenced: [] };
  const used = new Set<Directive>();
  const shown: Finding[] = [];
  const silenced: Finding[] = [];
  for (const f of findings) {
    const by = silencer(f, directives);
    if (by) {
      used.add(by);
      silenced.push(f);
    } else shown.push(f);
  }
  // A text of comments alone is bounded like a rule: at most LIMITS.findingsPerRule hints, then how many more.
  const hints = cap(directives.flatMap((d) => hintsOf(d, used.has(d), knownRules)));
  if (hints.length === 0) return { findings: shown, silenced };
  return { findings: [...shown, ...hints].sort(byPosition), silenced };
}

function names(d: Directive, rule: string): boolean {
  return d.rules === null || d.rules.includes(rule);
}

function silencer(f: Finding, directives: readonly Directive[]): Directive | null {
  const line = f.range.start.line;
  const rule = f.ruleId;
  if (rule === UNUSED_DISABLE) return null;
  for (const d of directives) if (d.kind === 'disable-next-line' && d.endLine + 1 === line && names(d, rule)) return d;
  let block: Directive | null = null;
  for (const d of directives) {
    if (d.line > line) break;
    if ((d.kind === 'disable' || d.kind === 'enable') && names(d, rule)) block = d;
  }
  if (block?.kind === 'disable') return block;
  return directives.find((d) => d.kind === 'disable-file' && names(d, rule)) ?? null;
}

function hintsOf(d: Directive, used: boolean, knownRules: ReadonlySet<string>): Finding[] {
  if (d.kind === 'enable') return [];
  const out: Finding[] = [];
  const fix = { title: msg(REMOVE), edits: [{ start: d.remove.start, end: d.remove.end, newText: '' }] };
  const subject = `silencing/${d.kind}/${d.rules?.join(',') ?? '*'}`;
  const unknown = d.rules?.filter((id) => !knownRules.has(id)) ?? [];
  const allUnknown = !!d.rules && unknown.length === d.rules.length;
  if (unknown.length) {
    const hint: Finding = { ruleId: UNUSED_DISABLE, subject: `${subject}/unknown`, severity: 4, range: d.range, message: msg(UNKNOWN, { ids: unknown.join(' ') }) };
    if (allUnknown) hint.fix = fix;
    out.push(hint);
  }
  if (!used && !allUnknown) {
    const message = msg(UNUSED, { kind: d.kind, rules: d.rules ? ` ${d.rules.join(' ')}` : '' });
    out.push({ ruleId: UNUSED_DISABLE, subject, severity: 4, range: d.range, message, fix });
  }
  return out;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
