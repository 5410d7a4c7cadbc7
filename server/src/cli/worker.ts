// A worker thread of the batch checker (pool.ts): reads and checks the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { readAndCheck, type ReportTask } from './checkReport';
import type { WorkerAnswer } from './pool';

parentPort?.on('message', ({ id, task }: { id: number; task: ReportTask }) => {
  const answer: WorkerAnswer = { id, outcome: readAndCheck(task) };
  parentPort!.postMessage(answer);
});
