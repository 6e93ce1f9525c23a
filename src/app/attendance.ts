import { berlinDate } from '../domain/berlin-time.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import { authorize } from '../domain/authorization.js';
import type { Deps } from './deps.js';
import { hbRouting } from './hb-routing.js';
import { newTask } from './new-task.js';
import { notifyStaff } from './notify.js';
import { refused, type Refused } from './outcome.js';

/**
 * seed 000 §2: "Sollte der Kunde darauf hin erneut nicht erscheinen kann die IFK eine vorläufige Zahlungseinstellung
 * veranlassen." On the working day after the appointment on the invitation the AB handed over or left, the HB is asked
 * "Ist der Kunde erschienen?" (runs on working days, so a Friday appointment is asked about on Monday).
 */
export async function askAttendance(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = berlinDate(now);
  let asked = 0;
  for (const c of await deps.store.casesAwaitingAttendance(today)) {
    const routing = await hbRouting(deps, c.hbId);
    const task = newTask(deps, 'erschienen-pruefen', c.kdnr, c.id, routing.assignees, routing.via === 'hb' ? {} : { onBehalfOf: c.hbId });
    const updated: OutreachCase = { ...c, attendance: { askedAt: now.toISOString() }, version: c.version + 1 };
    const committed = await deps.store.commit({ cases: [updated], tasks: [task], notifications: notifyStaff(task, routing.recipients, 'attendance-task', 'neu', deps.newId, now) });
    if (committed.ok) asked++;
  }
  return asked;
}

/** The HB's answer. "nein" leaves the decision on a provisional payment stop to the IFK; the card offers to record it. */
async function answer(deps: Deps, audit: Decision, actorId: StaffId, taskId: string, version: number, answer: 'ja' | 'nein'): Promise<{ ok: true; task: Task; outreach: OutreachCase } | Refused> {
  const who = actorFor(deps, actorId, 'aufgabe.erledigen');
  if (!who.ok) return who;
  const task = await deps.store.getTask(taskId);
  if (!task || task.kind !== 'erschienen-pruefen') return refused('aufgabe-unbekannt');
  audit.concerns(task.kdnr);
  const auth = authorize(deps.directory, who.actor, 'aufgabe.erledigen', { task });
  if (!auth.ok) return refused(auth.reason);
  if (task.status === 'erledigt') return refused('aufgabe-erledigt');
  if (task.version !== version) return refused('veraltet');
  const outreach = await deps.store.getCase(task.caseId);
  if (!outreach?.attendance) return refused('aufgabe-unbekannt');
  const now = deps.clock.now().toISOString();
  const done: Task = { ...task, status: 'erledigt', completedBy: actorId, completedAt: now, version: task.version + 1 };
  const answered: OutreachCase = { ...outreach, attendance: { ...outreach.attendance, answer, answeredAt: now }, version: outreach.version + 1 };
  const committed = await audit.commit({ tasks: [done], cases: [answered] });
  return committed.ok ? { ok: true, task: done, outreach: answered } : refused('veraltet');
}

export function answerAttendance(deps: Deps, actorId: StaffId, taskId: string, version: number, reply: 'ja' | 'nein'): Promise<{ ok: true; task: Task; outreach: OutreachCase } | Refused> {
  return audited(deps, actorId, 'erschienen.antwort', (audit) => answer(deps, audit, actorId, taskId, version, reply));
}
