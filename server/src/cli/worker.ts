// A worker thread of the batch checker (pool.ts): reads and checks (or surveys) the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import type { ReportIndex } from '../core';
import { checkAndSurvey, readAndCheck } from './checkReport';
import type { WorkerAnswer, WorkerRequest } from './pool';
import { surveyed, surveyFile } from './workspace';

/** The batch's workspace, made from the surveys the main thread shares (the same index as its own). */
let workspace: ReportIndex | undefined;

parentPort?.on('message', (r: WorkerRequest) => {
  if (r.kind === 'workspace') return void (workspace = surveyed(r.at, r.surveys));
  const answer: WorkerAnswer = r.kind === 'survey'
    ? { id: r.id, survey: surveyFile(r.at, r.path) }
    : r.kind === 'first'
      ? { id: r.id, ...checkAndSurvey(r.task) }
      : { id: r.id, outcome: readAndCheck(workspace ? { ...r.task, options: { ...r.task.options, workspace } } : r.task) };
  parentPort!.postMessage(answer);
});
