import { render } from './l10n/text';
import type { Finding } from './rules/types';

/**
 * The baseline, `.nianbao-baseline.json`: findings a reviewer has looked at and accepted (a locally
 * required extra row, a blank the body explained). Later checks honour it: an accepted finding is
 * counted, not shown. Each entry names a report (its path relative to the baseline's folder, with `/`),
 * a rule, the finding's subject (by the format's keys, never a position: lines inserted above keep it)
 * and a fingerprint of what the finding says — the rule's Chinese message, which quotes the cell as
 * written and what it should be — so a finding whose cell or whose sums change is shown again.
 */
export const BASELINE_FILE = '.nianbao-baseline.json';

export interface BaselineEntry {
  rule: string;
  subject: string;
  fingerprint: string;
  /** The message when it was accepted: for the people who read the file, not compared. */
  message?: string;
}

/** Report path (relative, `/`) → its accepted findings. */
export type Baseline = Map<string, BaselineEntry[]>;

/** What a finding says, as 16 hex digits (FNV-1a, 64 bits): equal when the rule, subject and message are. */
export function fingerprint(f: Finding): string {
  return fnv1a64(`${f.ruleId}\u0000${f.subject}\u0000${render(f.message, 'zh-CN')}`);
}

export function entryOf(f: Finding): BaselineEntry {
  return { rule: f.ruleId, subject: f.subject, fingerprint: fingerprint(f), message: render(f.message, 'zh-CN') };
}

/**
 * The findings split into those shown and those the entries accept ('all': every one, as
 * `--update-baseline` records them). Each entry accepts at most one finding.
 */
export function splitAccepted(findings: Finding[], accepted: readonly BaselineEntry[] | 'all'): { findings: Finding[]; accepted: Finding[] } {
  if (accepted === 'all') return { findings: [], accepted: findings };
  if (accepted.length === 0) return { findings, accepted: [] };
  const left = new Map<string, number>();
  for (const e of accepted) left.set(keyOf(e.rule, e.subject, e.fingerprint), (left.get(keyOf(e.rule, e.subject, e.fingerprint)) ?? 0) + 1);
  const out = { findings: [] as Finding[], accepted: [] as Finding[] };
  for (const f of findings) {
    const k = keyOf(f.ruleId, f.subject, fingerprint(f));
    const n = left.get(k) ?? 0;
    if (n > 0 && f.ruleId !== 'internal-error') {
      left.set(k, n - 1);
      out.accepted.push(f);
    } else out.findings.push(f);
  }
  return out;
}

const keyOf = (rule: string, subject: string, print: string) => `${rule}\u0000${subject}\u0000${print}`;

export type BaselineRead = { ok: true; baseline: Baseline } | { ok: false; reason: string };

/** Reads a baseline file's text; anything but the shape `serializeBaseline` writes is refused, with why. */
export function parseBaseline(text: string): BaselineRead {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const reports = (data as { reports?: unknown } | null)?.reports;
  if (!data || typeof data !== 'object' || (data as { version?: unknown }).version !== 1 || !reports || typeof reports !== 'object' || Array.isArray(reports)) {
    return { ok: false, reason: 'not { "version": 1, "reports": { … } }' };
  }
  const baseline: Baseline = new Map();
  for (const [path, list] of Object.entries(reports as Record<string, unknown>)) {
    if (!Array.isArray(list)) return { ok: false, reason: `reports["${path}"] is not a list` };
    const entries: BaselineEntry[] = [];
    for (const e of list as Record<string, unknown>[]) {
      if (!e || typeof e.rule !== 'string' || typeof e.subject !== 'string' || typeof e.fingerprint !== 'string') return { ok: false, reason: `an entry of reports["${path}"] lacks rule, subject or fingerprint` };
      entries.push({ rule: e.rule, subject: e.subject, fingerprint: e.fingerprint, ...(typeof e.message === 'string' ? { message: e.message } : {}) });
    }
    baseline.set(path, entries);
  }
  return { ok: true, baseline };
}

/** The file's text: reports and entries sorted, one entry per line group, so that a change reads well in a diff. */
export function serializeBaseline(baseline: Baseline): string {
  const reports: Record<string, BaselineEntry[]> = {};
  for (const path of [...baseline.keys()].sort()) {
    const entries = baseline.get(path)!;
    if (entries.length) reports[path] = [...entries].sort((a, b) => cmp(a.rule, b.rule) || cmp(a.subject, b.subject) || cmp(a.fingerprint, b.fingerprint));
  }
  return JSON.stringify({ version: 1, reports }, null, 2) + '\n';
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A baseline with one more accepted finding (the editor's 标记为已核实). */
export function withAccepted(baseline: Baseline, path: string, entry: BaselineEntry): Baseline {
  const next = new Map(baseline);
  next.set(path, [...(baseline.get(path) ?? []), entry]);
  return next;
}

const UTF8 = new TextEncoder();
const MASK = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, over the UTF-8 bytes (a message is short: BigInt costs nothing here). */
function fnv1a64(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of UTF8.encode(s)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & MASK;
  return h.toString(16).padStart(16, '0');
}
