import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Outcome } from './checkReport';

/** Characters of results kept in memory; the rest wait in a temporary file. */
const MEMORY_CHARS = 1 << 22;

type Checked = Outcome & { checked: true };

/** An outcome whose part waits in the temporary file: `bytes` of UTF-8 at `at`. */
interface Spilled {
  outcome: Omit<Checked, 'part'>;
  at: number;
  bytes: number;
}

/**
 * The first checks of a batch's files (main.ts), kept from when a thread gives them until the file's
 * turn comes, which is after the batch's index is complete. Their parts (the formatted results) are
 * kept in memory up to a budget, then in a temporary file, so that what a run holds does not grow with
 * the number of files. Without a temporary folder to write to, all are kept in memory.
 */
export class HeldOutcomes {
  private readonly held = new Map<string, Outcome | Spilled>();
  private chars = 0;
  /** The temporary file (`dir`: its folder, still to remove, or '' when removed at once); null when none can be made. */
  private spill: { dir: string; fd: number; end: number } | null | undefined;
  private readonly cleanUp = () => this.close();

  constructor(private readonly budget = MEMORY_CHARS) {}

  has(file: string): boolean {
    return this.held.has(file);
  }

  hold(file: string, o: Outcome): void {
    if (!o.checked || this.chars + o.part.length <= this.budget) {
      if (o.checked) this.chars += o.part.length;
      this.held.set(file, o);
      return;
    }
    const spill = this.spillFile();
    if (!spill) return void this.held.set(file, o);
    const { part, ...outcome } = o;
    const bytes = Buffer.from(part, 'utf8');
    writeSync(spill.fd, bytes, 0, bytes.length, spill.end);
    this.held.set(file, { outcome, at: spill.end, bytes: bytes.length });
    spill.end += bytes.length;
  }

  /** A file's outcome, given up (undefined when none is held). */
  take(file: string): Outcome | undefined {
    const h = this.held.get(file);
    if (!h) return undefined;
    this.held.delete(file);
    if (!('bytes' in h)) {
      if (h.checked) this.chars -= h.part.length;
      return h;
    }
    const bytes = Buffer.alloc(h.bytes);
    readSync(this.spill!.fd, bytes, 0, h.bytes, h.at);
    return { ...h.outcome, part: bytes.toString('utf8') };
  }

  /** Removes the temporary file; what is still held is dropped. */
  close(): void {
    this.held.clear();
    process.off('exit', this.cleanUp);
    if (!this.spill) return;
    const { dir, fd } = this.spill;
    this.spill = null;
    try {
      closeSync(fd);
    } finally {
      if (dir) removed(dir);
    }
  }

  private spillFile(): NonNullable<HeldOutcomes['spill']> | null {
    if (this.spill !== undefined) return this.spill;
    let dir: string | undefined;
    try {
      dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
      const fd = openSync(join(dir, 'held'), 'w+', 0o600);
      // Removed at once where an open file may be (its descriptor keeps it): nothing is left behind, however the run ends.
      const kept = !removed(dir);
      this.spill = { dir: kept ? dir : '', fd, end: 0 };
      if (kept) process.on('exit', this.cleanUp);
    } catch {
      if (dir) removed(dir);
      this.spill = null;
    }
    return this.spill;
  }
}

function removed(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}
