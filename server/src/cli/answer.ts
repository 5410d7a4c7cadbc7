// What a thread of the batch checker answers to a task (pool.ts): a worker thread's, and the main thread's own lane.
import type { ReportIndex } from '../core';
import { checkAndSurvey, readAndCheck } from './checkReport';
import type { WorkerAnswer, WorkerRequest } from './pool';
import { surveyFile } from './workspace';

export type TaskRequest = Exclude<WorkerRequest, { kind: 'workspace' }>;

/** A check with the batch's workspace as this thread holds it (the index shared with it), never the task's: no message can carry one. */
export function answer(r: TaskRequest, workspace: ReportIndex | undefined): WorkerAnswer {
  if (r.kind === 'survey') return { id: r.id, survey: surveyFile(r.at, r.path) };
  if (r.kind === 'first') return { id: r.id, ...checkAndSurvey(r.task) };
  return { id: r.id, outcome: readAndCheck(workspace ? { ...r.task, options: { ...r.task.options, workspace } } : r.task) };
}
