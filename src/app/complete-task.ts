import { authorize } from '../domain/authorization.js';
import type { StaffId } from '../domain/staff.js';
import { closesByProcessStep, type Task } from '../domain/task.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { redrawSentCards } from './notify.js';
import { refused, type Refused } from './outcome.js';

/** "Zur Kenntnis genommen" / "erledigt": only an assignee, only once, only from a current card. */
async function complete(deps: Deps, audit: Decision, actorId: StaffId, taskId: string, version: number): Promise<{ ok: true; task: Task } | Refused> {
  const who = actorFor(deps, actorId, 'aufgabe.erledigen');
  if (!who.ok) return who;
  const task = await deps.store.getTask(taskId);
  if (!task) return refused('aufgabe-unbekannt');
  audit.concerns(task.kdnr);
  const decision = authorize(deps.directory, who.actor, 'aufgabe.erledigen', { task });
  if (!decision.ok) return refused(decision.reason);
  if (task.status === 'erledigt') return refused('aufgabe-erledigt');
  if (closesByProcessStep(task.kind)) return refused('aufgabe-schliesst-mit-ergebnis');
  if (task.version !== version) return refused('veraltet');
  const now = deps.clock.now();
  const done: Task = { ...task, status: 'erledigt', completedBy: actorId, completedAt: now.toISOString(), version: task.version + 1 };
  // A task sent to several people (HB and substitute): the others' cards lose their button too.
  const committed = await audit.commit({ tasks: [done], notifications: await redrawSentCards(deps, done, 'erledigt', now, actorId) });
  return committed.ok ? { ok: true, task: done } : refused('aufgabe-erledigt');
}

export function completeTask(deps: Deps, actorId: StaffId, taskId: string, version: number): Promise<{ ok: true; task: Task } | Refused> {
  return audited(deps, actorId, 'aufgabe.erledigen', (audit) => complete(deps, audit, actorId, taskId, version));
}
