import type { Task } from '../domain/task.js';
import { dateTimeDe } from './format.js';
import { staffName, type ViewContext } from './view-context.js';

/** "✔ Erledigt von … am …" under a closed task, with the verb of its button. */
export function statusLine(ctx: ViewContext, task: Task, verb: string): string {
  return task.status === 'erledigt' && task.completedBy && task.completedAt
    ? `✔ ${verb} von ${staffName(ctx, task.completedBy)} am ${dateTimeDe(task.completedAt)}`
    : '';
}
