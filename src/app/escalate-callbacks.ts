import { berlinDate } from '../domain/berlin-time.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import { isAbsent } from '../domain/presence.js';
import { hasRole } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import type { Deps } from './deps.js';
import { notifyStaff } from './notify.js';

/**
 * seed 000 §3 asks for the callback the same day: one that nobody has claimed by the configured time before end of
 * service escalates to the team lead and the first present substitute, who then may claim it like the team.
 */
export async function escalateDueCallbacks(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = berlinDate(now);
  const absences = await deps.store.absences();
  let escalated = 0;
  for (const missed of await deps.store.unclaimedCallbacks()) {
    if (missed.escalatedAt || !missed.slot || missed.slot.escalateAt > now.toISOString()) continue;
    const task = (await deps.store.tasksOfCustomer(missed.kdnr)).find((t) => t.caseId === missed.id && t.kind === 'rueckruf' && t.status === 'offen' && !t.claimedBy);
    if (!task) continue;
    const team = deps.directory.teams.find((t) => t.id === missed.team);
    const leads = deps.directory.staff.filter((s) => s.team === missed.team && hasRole(s, 'TL') && !isAbsent(absences, s.id, today)).map((s) => s.id);
    const substitute = team?.substitutes.find((id) => !isAbsent(absences, id, today));
    const added = [...new Set([...leads, ...(substitute ? [substitute] : [])])];
    const updatedTask: Task = { ...task, assigneeIds: [...new Set([...task.assigneeIds, ...added])], version: task.version + 1 };
    const updatedCase: MissedAppointmentCase = { ...missed, escalatedAt: now.toISOString(), version: missed.version + 1 };
    const committed = await deps.store.commit({
      missedCases: [updatedCase],
      tasks: [updatedTask],
      notifications: notifyStaff(updatedTask, added, 'claim-task', 'eskaliert', deps.newId, now)
    });
    if (committed.ok) escalated++;
  }
  return escalated;
}
