import { decideUnreached, type UnreachedNext } from '../domain/callback-unreached.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import type { StaffId } from '../domain/staff.js';
import { callbackTakers } from '../domain/task-routing.js';
import type { Task } from '../domain/task.js';
import type { Notification } from '../ports.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { hbRouting } from './hb-routing.js';
import { newTask } from './new-task.js';
import { notifyStaff, redrawSentCards } from './notify.js';
import { refused, type Refused } from './outcome.js';

export type Unreached = { ok: true; missed: MissedAppointmentCase; hbTask?: Task };

/** "Kunde nicht erreicht" on the callback result form: try again (back to the team) or the HB invites the customer. */
export function recordCallbackUnreached(deps: Deps, actorId: StaffId, ref: { caseId: string; version: number }, next: UnreachedNext): Promise<Unreached | Refused> {
  return audited(deps, actorId, 'gespraech.erfassen', (audit) => record(deps, audit, actorId, ref, next));
}

async function record(deps: Deps, audit: Decision, actorId: StaffId, ref: { caseId: string; version: number }, next: UnreachedNext): Promise<Unreached | Refused> {
  const who = actorFor(deps, actorId, 'gespraech.erfassen');
  if (!who.ok) return who;
  const found = await deps.store.getMissedCase(ref.caseId);
  if (!found) return refused('kein-offenes-gespraech');
  audit.concerns(found.kdnr);
  const now = deps.clock.now();
  const decision = decideUnreached(found, actorId, ref.version, next, now);
  if (!decision.ok) return refused(decision.reason);
  const missed = decision.missed;

  const callbackTasks = (await deps.store.tasksOfCustomer(missed.kdnr)).filter((t) => t.caseId === missed.id && t.kind === 'rueckruf' && t.status === 'offen');
  const tasks: Task[] = [];
  const notifications: Notification[] = [];
  let hbTask: Task | undefined;
  if (next === 'erneut') {
    // Back to the team: whoever of the team is present may take it again; the cards already sent offer "Übernehmen" again.
    const takers = callbackTakers(deps.directory, missed.team, missed.hbId, await deps.store.absences(), missed.slot?.date ?? '');
    for (const t of callbackTasks) {
      const { claimedBy: _by, claimedAt: _at, ...rest } = t;
      tasks.push({ ...rest, assigneeIds: [...takers], version: t.version + 1 });
    }
  } else {
    tasks.push(...callbackTasks.map((t): Task => ({ ...t, status: 'erledigt', completedBy: actorId, completedAt: now.toISOString(), version: t.version + 1 })));
    const routing = await hbRouting(deps, missed.hbId);
    hbTask = newTask(deps, 'termin-beim-hb-buchen', missed.kdnr, missed.id, [...routing.assignees], routing.via === 'hb' ? {} : { onBehalfOf: missed.hbId });
    tasks.push(hbTask);
    notifications.push(...notifyStaff(hbTask, routing.recipients, 'follow-up-task', 'neu', deps.newId, now));
  }
  const event = `nicht-erreicht-${missed.unreached?.length ?? 0}`;
  for (const t of tasks.filter((x) => x.kind === 'rueckruf')) notifications.push(...(await redrawSentCards(deps, t, event, now, actorId)));
  const committed = await audit.commit({ missedCases: [missed], tasks, notifications });
  return committed.ok ? { ok: true, missed, ...(hbTask ? { hbTask } : {}) } : refused('veraltet');
}
