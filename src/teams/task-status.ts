import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { dateTimeDe } from './format.js';
import { staffName, type ViewContext } from './view-context.js';

/** "✔ Erledigt von … am …" under a closed task, with the verb of its button. */
export function statusLine(ctx: ViewContext, task: Task, verb: string): string {
  return task.status === 'erledigt' && task.completedBy && task.completedAt
    ? `✔ ${verb} von ${staffName(ctx, task.completedBy)} am ${dateTimeDe(task.completedAt)}`
    : '';
}

/**
 * For a substitute: whose task this is and who the customer's HB is ("In Vertretung für …"); empty for anyone else's
 * own task. `hbId`: the customer's HB where the task's process knows one.
 */
export function onBehalfLine(ctx: ViewContext, task: Task, hbId: StaffId | undefined): string {
  if (!task.onBehalfOf) return '';
  const absent = staffName(ctx, task.onBehalfOf);
  if (!hbId || hbId === task.onBehalfOf) return `In Vertretung für ${absent} (${hbId ? 'HB des Kunden, ' : ''}abwesend).`;
  return `In Vertretung für ${absent} (abwesend). HB des Kunden: ${staffName(ctx, hbId)}.`;
}
