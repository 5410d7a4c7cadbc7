import type { Report } from '../model';
import { readReport, type ReadOptions } from '../reader/read';
import { identityOf, readIdentity, type ReportIdentity } from './identity';

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

/** What the rules ask of the workspace (`CheckOptions.workspace`). */
export interface CrossReports {
  /** The report of the same body for the year before this one's, when the workspace holds one. */
  lastYear(report: Report): OtherReport | null;
}

/** Models kept read: a rule of a batch looks at last year's report of each checked one. */
const MODELS_KEPT = 16;

/**
 * The reports of a workspace by issuing body and year. Each text is read once to file it (its header
 * only); a model is read when a rule first asks for it, and the last few are kept. Reports without a
 * recognisable body or year are left out.
 */
export class ReportIndex implements CrossReports {
  private readonly byKey = new Map<string, string[]>();
  private readonly keyOf = new Map<string, string>();
  private readonly models = new Map<string, OtherReport | null>();

  constructor(private readonly workspace: ReportWorkspace, private readonly options: ReadOptions = {}) {
    for (const uri of workspace.reports()) {
      const text = workspace.read(uri);
      this.file(uri, text === null ? null : readIdentity(text));
    }
  }

  /**
   * Files a report under its identity, or leaves it out (null): a workspace that changes (the
   * server's) files each report again when its text changes; its model is read again when asked.
   */
  file(uri: string, id: ReportIdentity | null): void {
    this.models.delete(uri);
    const before = this.keyOf.get(uri);
    const k = id ? key(id.body, id.year) : undefined;
    if (before === k) return;
    if (before !== undefined) {
      const list = this.byKey.get(before)!.filter((u) => u !== uri);
      if (list.length > 0) this.byKey.set(before, list);
      else this.byKey.delete(before);
      this.keyOf.delete(uri);
    }
    if (k === undefined) return;
    const list = this.byKey.get(k) ?? this.byKey.set(k, []).get(k)!;
    list.splice(sortedIndex(list, uri), 0, uri);
    this.keyOf.set(uri, k);
  }

  /** The URIs filed under a body and a year (several when a folder holds copies). */
  find(body: string, year: number): readonly string[] {
    return this.byKey.get(key(body, year)) ?? [];
  }

  lastYear(report: Report): OtherReport | null {
    const id = identityOf(report);
    if (!id) return null;
    for (const uri of this.find(id.body, id.year - 1)) {
      const other = this.open(uri);
      if (other && other.identity.body === id.body && other.identity.year === id.year - 1) return other;
    }
    return null;
  }

  /** One report's model, read on first ask. */
  open(uri: string): OtherReport | null {
    if (this.models.has(uri)) return this.models.get(uri)!;
    const text = this.workspace.read(uri);
    const report = text === null ? null : readReport(text, this.options);
    const identity = report && identityOf(report);
    const other = report && identity ? { uri, report, identity } : null;
    if (this.models.size >= MODELS_KEPT) this.models.delete(this.models.keys().next().value!);
    this.models.set(uri, other);
    return other;
  }
}

const key = (body: string, year: number) => `${year}\u0000${body}`;

function sortedIndex(list: readonly string[], uri: string): number {
  let i = 0;
  while (i < list.length && list[i] < uri) i++;
  return i;
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
