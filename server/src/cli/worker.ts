// A worker thread of the batch checker (pool.ts): reads and checks (or surveys) the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import type { ReportIndex } from '../core';
import { answer } from './answer';
import type { WorkerRequest } from './pool';
import { surveyed } from './workspace';

/** The batch's workspace, made from the surveys the main thread shares (the same index as its own). */
let workspace: ReportIndex | undefined;

parentPort?.on('message', (r: WorkerRequest) => {
  if (r.kind === 'workspace') return void (workspace = surveyed(r.at, r.surveys));
  parentPort!.postMessage(answer(r, workspace));
});
