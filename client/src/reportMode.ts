// What the report detector does with a document, decided without VS Code (unit-tested on its own):
// the user's remembered answers, the settings, and whether the text reads as a report.

/** The user's answer for one file: it is a report (switch it whenever it opens) or it is not (leave it). */
export type FileAnswer = 'report' | 'plain';
/** The answer for a whole workspace, or the `nianbao.detectReports` setting (everywhere). */
export type DetectMode = 'ask' | 'switch' | 'off';
export type Decision = 'switch' | 'offer' | 'leave';

export interface Situation {
  /** Plain text, Markdown or HTML in a file or an untitled editor: the languages a received report comes in. */
  candidate: boolean;
  /** The answer remembered for this file. */
  file?: FileAnswer;
  /** Matches a `nianbao.reportFiles` pattern. */
  listed: boolean;
  /** The answer remembered for this workspace (总是自动切换 / 不再询问). */
  workspace?: Exclude<DetectMode, 'ask'>;
  /** `nianbao.detectReports`. */
  setting: DetectMode;
}

/**
 * The more specific answer wins: the file's own, then `nianbao.reportFiles`, then the workspace's, then
 * the setting. `looksLikeReport` reads the text, so it is called only when the answer depends on it.
 */
export function decide(s: Situation, looksLikeReport: () => boolean): Decision {
  if (!s.candidate) return 'leave';
  if (s.file) return s.file === 'report' ? 'switch' : 'leave';
  if (s.listed) return 'switch';
  const mode = s.workspace ?? s.setting;
  if (mode === 'off' || !looksLikeReport()) return 'leave';
  return mode === 'switch' ? 'switch' : 'offer';
}

/** A setting's value as a mode (anything unknown is the default, `ask`). */
export function detectMode(value: unknown): DetectMode {
  return value === 'switch' || value === 'off' ? value : 'ask';
}

/** A stored workspace answer, or none. */
export function workspaceAnswer(value: unknown): Exclude<DetectMode, 'ask'> | undefined {
  return value === 'switch' || value === 'off' ? value : undefined;
}

/** How many files' answers a workspace keeps: the least recently used go first. */
export const REMEMBERED_FILES = 1000;

/**
 * The answers per file (keyed by URI), least recently used first: what `workspaceState` stores.
 * Bounded, so that a reviewer going through thousands of files cannot grow it without end; a file
 * renamed or moved keeps its answer, a deleted one loses it.
 */
export class AnswerMemory {
  private readonly answers = new Map<string, FileAnswer>();

  /** `stored` is whatever the state held: anything malformed in it is dropped. */
  constructor(stored: unknown, private readonly capacity = REMEMBERED_FILES) {
    if (!Array.isArray(stored)) return;
    for (const entry of stored) {
      if (Array.isArray(entry) && typeof entry[0] === 'string' && (entry[1] === 'report' || entry[1] === 'plain')) this.set(entry[0], entry[1]);
    }
  }

  get size(): number {
    return this.answers.size;
  }

  /** The answer for a file, which then counts as recently used. */
  get(uri: string): FileAnswer | undefined {
    const answer = this.answers.get(uri);
    if (answer) this.set(uri, answer);
    return answer;
  }

  set(uri: string, answer: FileAnswer): void {
    this.answers.delete(uri);
    this.answers.set(uri, answer);
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.capacity) break;
      this.answers.delete(oldest);
    }
  }

  /** Forgets a file, or every file in a folder. Returns whether anything was forgotten. */
  forget(uri: string): boolean {
    const gone = this.matching(uri);
    for (const key of gone) this.answers.delete(key);
    return gone.length > 0;
  }

  /** A file or folder moved from `from` to `to`: its answers move with it. Returns whether any did. */
  rename(from: string, to: string): boolean {
    const moved = this.matching(from);
    for (const key of moved) {
      const answer = this.answers.get(key)!;
      this.answers.delete(key);
      this.set(to + key.slice(from.length), answer);
    }
    return moved.length > 0;
  }

  /** Forgets everything; returns how many files were remembered. */
  clear(): number {
    const n = this.answers.size;
    this.answers.clear();
    return n;
  }

  toJSON(): [string, FileAnswer][] {
    return [...this.answers];
  }

  /** The file `uri` itself, or the files under it when it is a folder. */
  private matching(uri: string): string[] {
    const folder = uri.endsWith('/') ? uri : `${uri}/`;
    return [...this.answers.keys()].filter((key) => key === uri || key.startsWith(folder));
  }
}
