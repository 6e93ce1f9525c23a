import { berlinDate } from '../domain/berlin-time.js';
import { isAbsent } from '../domain/presence.js';
import { findStaff, hasRole, type StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import type { Notification } from '../ports.js';
import type { Deps } from './deps.js';
import { notifyStaff } from './notify.js';

/**
 * Teams refused a card for good (403: blocked or app not installed; 404). An open task must not wait for someone who
 * cannot be reached: it goes to the first present person of their team's substitute list, else to the TL.
 */
export async function rerouteUnreachable(deps: Deps, notification: Notification): Promise<StaffId | undefined> {
  if (notification.subject.kind !== 'task' || notification.recipient.kind !== 'staff') return undefined;
  const unreachable = notification.recipient.staffId;
  const task = await deps.store.getTask(notification.subject.taskId);
  if (!task || task.status !== 'offen') return undefined;
  const person = findStaff(deps.directory, unreachable);
  const team = deps.directory.teams.find((t) => t.id === person?.team);
  const today = berlinDate(deps.clock.now());
  const absences = await deps.store.absences();
  const candidates = [
    ...(team?.substitutes ?? []),
    ...deps.directory.staff.filter((s) => s.team === person?.team && hasRole(s, 'TL')).map((s) => s.id)
  ].filter((id) => id !== unreachable && !isAbsent(absences, id, today));
  const substitute = candidates[0];
  if (!substitute) return undefined;
  const rerouted: Task = { ...task, assigneeIds: [...new Set([...task.assigneeIds, substitute])], onBehalfOf: task.onBehalfOf ?? unreachable, version: task.version + 1 };
  const committed = await deps.store.commit({ tasks: [rerouted], notifications: notifyStaff(rerouted, [substitute], notification.card, `umgeleitet-${unreachable}`, deps.newId, deps.clock.now()) });
  return committed.ok ? substitute : undefined;
}
