import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { FirstCheck, Outcome, ReportTask } from './checkReport';
import type { ReportIndex, Survey } from '../core';
import { answer, type TaskRequest } from './answer';
import type { BatchFiles } from './workspace';

/**
 * The worker's script: beside the bundle (dist/cli-worker.js), or under tsx (the tests) a script that
 * registers tsx and loads the TypeScript source: a worker does not inherit the main thread's loader,
 * and without it failed at once, leaving every file to the main thread.
 */
const WORKER_SCRIPT = __filename.endsWith('.ts') ? join(__dirname, 'workerSource.cjs') : join(__dirname, 'cli-worker.js');

/**
 * Each worker's heap is bounded, so that a run's memory does not grow with its length (V8 otherwise
 * lets garbage pile up to several times what is live). A report too large for it (tens of MB of
 * hostile shapes) ends that worker; the file is then checked in the main thread, without the bound.
 */
const OLD_GENERATION_MB = 64;
const YOUNG_GENERATION_MB = 12;
/**
 * What a worker's copy of a batch's index takes, a report (measured: 1.2 KB). A worker whose index would
 * take more than half its old generation (16,000 reports and up) is started again with room for it: near
 * its bound, a worker spends its time collecting (40,000 generated reports: 152 s, 108 s with room).
 */
const INDEX_KB_PER_REPORT = 2;

interface Thread {
  worker: Worker;
  inFlight: Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: unknown) => void }>;
}

/**
 * What a worker is asked: check a file, check a file of a batch and survey it (`checkAndSurvey`), survey a
 * file of the batch's workspace, or take the batch's workspace (no answer).
 */
export type WorkerRequest =
  | { kind: 'check'; id: number; task: ReportTask }
  | { kind: 'first'; id: number; task: ReportTask }
  | { kind: 'survey'; id: number; path: string; at: Omit<BatchFiles, 'files'> }
  | { kind: 'workspace'; at: BatchFiles; surveys: readonly Survey[] };

/**
 * The main thread as one more checker beside the workers: its tasks wait in a queue and each runs in its
 * own turn of the event loop, so that the workers' answers are taken, and their next tasks sent, between
 * two of them. On two cores, the main thread and one worker check a folder faster than two workers and an
 * idle main thread: each isolate compiles the engine for itself, and a third one's compiling and
 * collecting take the cores the checks need.
 */
class MainLane {
  private readonly queue: (() => void)[] = [];
  /** The batch's workspace as `share` gives it (the main thread's own index), as a worker has its copy. */
  workspace: ReportIndex | undefined;
  /** Tasks run so far. */
  ran = 0;

  get size(): number {
    return this.queue.length;
  }

  push(job: () => void): void {
    this.queue.push(job);
    if (this.queue.length === 1) setImmediate(this.next);
  }

  private readonly next = (): void => {
    this.ran++;
    this.queue.shift()!();
    if (this.queue.length > 0) setImmediate(this.next);
  };
}

/** A message from a worker: a task's outcome, a file's survey, or both. */
export type WorkerAnswer = { id: number; outcome: Outcome } | { id: number; survey: Survey } | ({ id: number } & FirstCheck);

/**
 * Worker threads that read and check report files (worker.ts), and the main thread when it is asked to
 * take its share (`MainLane`), each task to the least busy thread. A thread that fails (it ran out of
 * memory on a huge file, say) is dropped and its tasks rejected: the caller checks them in the main
 * thread, as a run without workers would.
 */
export class CheckerPool {
  private readonly threads: Thread[] = [];
  private main: MainLane | null = null;
  private nextId = 0;
  /** Workers that may still replace failed ones (each failure costs a start-up). */
  private spares = 0;
  /** The batch's workspace, which every worker (a replacement too) gets before its first check. */
  private shared: WorkerRequest | null = null;
  private oldGenerationMb = OLD_GENERATION_MB;

  /** The tasks the main thread's lane has run (for the tests: it takes its share, as the workers do). */
  get ranInMain(): number {
    return this.main?.ran ?? 0;
  }

  /** The old generation each worker has (MB): 64, or more once a large index is shared. */
  get workerHeapMb(): number {
    return this.oldGenerationMb;
  }

  /**
   * `size` workers, and with `mainLane` the main thread as one more checker. `null` when no worker can be
   * started (Node's permission model without --allow-worker, say).
   */
  static start(size: number, mainLane = false): CheckerPool | null {
    const pool = new CheckerPool();
    if (mainLane) pool.main = new MainLane();
    pool.spares = size * 2;
    try {
      for (let i = 0; i < size; i++) pool.add();
    } catch {
      void pool.close();
      return null;
    }
    return pool;
  }

  private add(): void {
    const resourceLimits = { maxOldGenerationSizeMb: this.oldGenerationMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
    const worker = new Worker(WORKER_SCRIPT, { resourceLimits, stdout: false, stderr: false });
    const thread: Thread = { worker, inFlight: new Map() };
    worker.on('message', (a: WorkerAnswer) => {
      thread.inFlight.get(a.id)?.resolve(a);
      thread.inFlight.delete(a.id);
    });
    if (this.shared) worker.postMessage(this.shared);
    const fail = (e: unknown) => {
      const i = this.threads.indexOf(thread);
      if (i < 0) return;
      this.threads.splice(i, 1);
      for (const t of thread.inFlight.values()) t.reject(e);
      thread.inFlight.clear();
      try {
        if (this.spares-- > 0) this.add();
      } catch {
        // the remaining workers (or, with none, the main thread) check the rest
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker exited (${code})`)));
    this.threads.push(thread);
  }

  /** Checks a file; the batch's workspace is the worker's own (`share`), not the task's, which no message can carry. */
  async run(task: ReportTask): Promise<Outcome> {
    const { workspace: _, ...options } = task.options;
    const a = await this.ask((id) => ({ kind: 'check', id, task: { ...task, options } }));
    if (!('outcome' in a) || 'survey' in a) throw new Error('no outcome');
    return a.outcome;
  }

  /** A file of a batch checked without its workspace, and surveyed (checkReport.ts, `checkAndSurvey`). */
  async first(task: ReportTask): Promise<FirstCheck> {
    const { workspace: _, ...options } = task.options;
    const a = await this.ask((id) => ({ kind: 'first', id, task: { ...task, options } }));
    if (!('outcome' in a && 'survey' in a)) throw new Error('no first check');
    return { outcome: a.outcome, survey: a.survey };
  }

  /** What the batch's index needs of one of its files (workspace.ts, `surveyFile`). */
  async survey(path: string, at: Omit<BatchFiles, 'files'>): Promise<Survey> {
    const a = await this.ask((id) => ({ kind: 'survey', id, path, at: { maxFileSize: at.maxFileSize, formatVersion: at.formatVersion } }));
    if (!('survey' in a) || 'outcome' in a) throw new Error('no survey');
    return a.survey;
  }

  /**
   * Gives every worker the batch's workspace, from the surveys: each makes its own index of it, reading
   * nothing; the main thread's lane checks with `index`, its own, made of the same surveys. Asked between
   * a batch's passes (nothing in flight): workers too small for the index are replaced by larger ones first.
   */
  share(at: BatchFiles, surveys: readonly Survey[], index: ReportIndex): void {
    const indexMb = Math.ceil((surveys.length * INDEX_KB_PER_REPORT) / 1024);
    if (indexMb * 2 > OLD_GENERATION_MB && OLD_GENERATION_MB + indexMb > this.oldGenerationMb && this.threads.every((t) => t.inFlight.size === 0)) {
      this.oldGenerationMb = OLD_GENERATION_MB + indexMb;
      const replaced = this.threads.splice(0);
      for (const t of replaced) void t.worker.terminate();
      try {
        for (let i = 0; i < replaced.length; i++) this.add();
      } catch {
        // the workers that started (or, with none, the main thread) check the rest
      }
    }
    this.shared = { kind: 'workspace', at, surveys };
    for (const t of this.threads) t.worker.postMessage(this.shared);
    if (this.main) this.main.workspace = index;
  }

  private ask(request: (id: number) => TaskRequest): Promise<WorkerAnswer> {
    const thread = this.threads.length ? this.threads.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a)) : null;
    const id = this.nextId++;
    const main = this.main;
    if (main && (!thread || main.size < thread.inFlight.size)) {
      return new Promise<WorkerAnswer>((resolve, reject) => main.push(() => {
        try {
          resolve(answer(request(id), main.workspace));
        } catch (e) {
          reject(e);
        }
      }));
    }
    if (!thread) return Promise.reject(new Error('no worker'));
    return new Promise<WorkerAnswer>((resolve, reject) => {
      thread.inFlight.set(id, { resolve, reject });
      thread.worker.postMessage(request(id));
    });
  }

  async close(): Promise<void> {
    this.spares = 0;
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}
