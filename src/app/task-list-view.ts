import type { OutreachCase } from '../domain/outreach-case.js';
import type { Task } from '../domain/task.js';
import type { Deps } from './deps.js';

/** A list of tasks with the outreach case each belongs to (if any), read in one go. */
export interface TaskListView {
  readonly tasks: ReadonlyArray<{ readonly task: Task; readonly outreach?: OutreachCase }>;
}

export async function taskListView(deps: Deps, tasks: readonly Task[]): Promise<TaskListView> {
  const cases = new Map((await deps.store.casesByIds(tasks.map((t) => t.caseId))).map((c) => [c.id, c]));
  return { tasks: tasks.map((task) => ({ task, outreach: cases.get(task.caseId) })) };
}
