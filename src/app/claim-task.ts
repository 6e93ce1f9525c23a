import { authorize } from '../domain/authorization.js';
import type { StaffId } from '../domain/staff.js';
import { isClaimable, type Task } from '../domain/task.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import type { Notification } from '../ports.js';
import { redrawSentCards } from './notify.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/**
 * seed 000 §3 (issue: first claim wins): the Meldeversäumnis talk or the callback becomes the claimer's; every card
 * already sent for it is updated to "übernommen von …", and whoever reported it learns who took it.
 */
async function claim(deps: Deps, audit: Decision, actorId: StaffId, taskId: string, version: number): Promise<{ ok: true; task: Task; missed: MissedAppointmentCase } | Refused> {
  const who = actorFor(deps, actorId, 'aufgabe.uebernehmen');
  if (!who.ok) return who;
  const task = await deps.store.getTask(taskId);
  if (!task) return refused('aufgabe-unbekannt');
  audit.concerns(task.kdnr);
  if (!isClaimable(task.kind)) return refused('nicht-uebernehmbar');
  const missed = await deps.store.getMissedCase(task.caseId);
  if (!missed) return refused('aufgabe-unbekannt');
  // A colleague who clicks a card someone else already claimed learns who was first (no customer data in that).
  if (task.claimedBy || task.status === 'erledigt') return refused('bereits-uebernommen', { claimedBy: task.claimedBy });
  const decision = authorize(deps.directory, who.actor, 'aufgabe.uebernehmen', { task, team: missed.team });
  if (!decision.ok) return refused(decision.reason);
  if (task.version !== version) return refused('veraltet');

  const now = deps.clock.now();
  const claimed: Task = { ...task, assigneeIds: [actorId], claimedBy: actorId, claimedAt: now.toISOString(), version: task.version + 1 };
  const taken: MissedAppointmentCase = { ...missed, status: 'uebernommen', claimedBy: actorId, claimedAt: now.toISOString(), version: missed.version + 1 };
  // The claimer's own card is replaced by the answer to the click.
  const updates = await redrawSentCards(deps, task, 'uebernommen', now, actorId);
  const toReporter: Notification = {
    id: deps.newId(),
    key: `${task.id}:uebernommen:melder`,
    recipient: { kind: 'staff', staffId: missed.reportedBy },
    card: 'claim-task',
    subject: { kind: 'task', taskId: task.id },
    createdAt: now.toISOString()
  };
  const committed = await audit.commit({ tasks: [claimed], missedCases: [taken], notifications: [...updates, toReporter] });
  if (!committed.ok) {
    // Someone else was faster between our read and our write.
    const winner = await deps.store.getTask(taskId);
    return refused('bereits-uebernommen', { claimedBy: winner?.claimedBy });
  }
  return { ok: true, task: claimed, missed: taken };
}

export function claimTask(deps: Deps, actorId: StaffId, taskId: string, version: number): Promise<{ ok: true; task: Task; missed: MissedAppointmentCase } | Refused> {
  return audited(deps, actorId, 'aufgabe.uebernehmen', (audit) => claim(deps, audit, actorId, taskId, version));
}
