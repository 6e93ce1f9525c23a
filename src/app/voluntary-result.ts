import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import type { VoluntaryOutreachCase } from '../domain/voluntary-case.js';
import { decideVoluntaryResult, homeVisitUnannounced, resultTooEarly, type VoluntaryResultInput } from '../domain/voluntary-result.js';
import type { Notification } from '../ports.js';
import { audited, type Decision } from './audited.js';
import { commitCountingContact } from './count-as-contact.js';
import type { Deps } from './deps.js';
import { hbRouting } from './hb-routing.js';
import { newTask } from './new-task.js';
import { notifyAssignees, redrawSentCards } from './notify.js';
import { refused, type Refused } from './outcome.js';
import { voluntaryCaseFor, type VoluntaryRef } from './voluntary-access.js';

/** Every open task of the appointment, closed by the step that ends it, with the cards already sent redrawn. */
async function closeOpenTasks(deps: Deps, c: VoluntaryOutreachCase, actorId: StaffId, now: Date): Promise<{ tasks: Task[]; notifications: Notification[] }> {
  const open = (await deps.store.tasksOfCustomer(c.kdnr)).filter((t) => t.caseId === c.id && t.status === 'offen');
  const tasks: Task[] = open.map((t) => ({ ...t, status: 'erledigt', completedBy: actorId, completedAt: now.toISOString(), version: t.version + 1 }));
  const notifications: Notification[] = [];
  for (const t of tasks) notifications.push(...(await redrawSentCards(deps, t, 'geschlossen', now)));
  return { tasks, notifications };
}

/**
 * `/hausbesuch absagen <Kdnr>` (seed 002 §4.2: "die Möglichkeit einer Terminabsage"): the customer cancelled. Open tasks
 * close (letters, the colleague's appointment), the colleague and the substitute are told. Nothing is held against the
 * customer: no question, no follow-up.
 */
export function cancelVoluntary(deps: Deps, actorId: StaffId, ref: VoluntaryRef): Promise<{ ok: true; outreach: VoluntaryOutreachCase; told: readonly StaffId[] } | Refused> {
  return audited(deps, actorId, 'freiwillig.absagen', (audit) => cancel(deps, audit, actorId, ref));
}

async function cancel(deps: Deps, audit: Decision, actorId: StaffId, ref: VoluntaryRef): Promise<{ ok: true; outreach: VoluntaryOutreachCase; told: readonly StaffId[] } | Refused> {
  const found = await voluntaryCaseFor(deps, audit, actorId, ref);
  if (!found.ok) return found;
  const c = found.outreach;
  if (c.status !== 'geplant') return refused('fall-bereits-erledigt');
  const now = deps.clock.now();
  const outreach: VoluntaryOutreachCase = { ...c, status: 'abgesagt', cancelled: { at: now.toISOString(), by: actorId }, version: c.version + 1 };
  const closed = await closeOpenTasks(deps, c, actorId, now);
  const told = [...new Set([c.secondPersonId, c.substituteId, c.plannedBy].filter((id): id is StaffId => id !== undefined && id !== actorId))];
  const tasks = [...closed.tasks];
  const notifications = [...closed.notifications];
  if (told.length) {
    const notice = newTask(deps, 'freiwillig-abgesagt', c.kdnr, c.id, told);
    tasks.push(notice);
    notifications.push(...notifyAssignees(notice, 'voluntary-task', 'neu', deps.newId, now));
  }
  const committed = await audit.commit({ cases: [outreach], tasks, notifications });
  return committed.ok ? { ok: true, outreach, told } : refused('veraltet');
}

export interface VoluntaryResultRecorded {
  readonly ok: true;
  readonly outreach: VoluntaryOutreachCase;
  /** The HB's task with the outcome, when someone else held the appointment (seed 002 §6). */
  readonly hbTask?: Task;
  readonly contactRecorded: boolean;
}

/**
 * The result card (seed 002 §§2–6): it saves only when every required box is ticked (else it names them). A talk that
 * took place counts as a personal contact (seed 003); the HB, if someone else held it, gets a task with the outcome —
 * with the customer's agreement also the note to book a personal appointment.
 */
export function recordVoluntaryResult(deps: Deps, actorId: StaffId, ref: VoluntaryRef, input: VoluntaryResultInput): Promise<VoluntaryResultRecorded | Refused> {
  return audited(deps, actorId, 'freiwillig.ergebnis', (audit) => record(deps, audit, actorId, ref, input));
}

async function record(deps: Deps, audit: Decision, actorId: StaffId, ref: VoluntaryRef, input: VoluntaryResultInput): Promise<VoluntaryResultRecorded | Refused> {
  const found = await voluntaryCaseFor(deps, audit, actorId, ref);
  if (!found.ok) return found;
  const c = found.outreach;
  if (c.status !== 'geplant') return refused('fall-bereits-erledigt');
  const now = deps.clock.now();
  if (resultTooEarly(c, input.outcome, now)) return refused('ergebnis-zu-frueh');
  const noticeOpen = (await deps.store.tasksOfCustomer(c.kdnr)).some((t) => t.caseId === c.id && t.kind === 'freiwillig-ankuendigung' && t.status === 'offen');
  if (homeVisitUnannounced(c, input.outcome, noticeOpen)) return refused('ankuendigung-offen');
  const decision = decideVoluntaryResult(c, input, actorId, now);
  if (!decision.ok) return refused('pflichtangaben-fehlen', { missingBoxes: decision.missing });
  const outreach: VoluntaryOutreachCase = { ...c, status: 'abgeschlossen', result: decision.result, version: c.version + 1 };
  const closed = await closeOpenTasks(deps, c, actorId, now);
  const tasks = [...closed.tasks];
  const notifications = [...closed.notifications];
  let hbTask: Task | undefined;
  if (actorId !== c.hbId) {
    const routing = await hbRouting(deps, c.hbId);
    hbTask = newTask(deps, 'freiwillig-ergebnis', c.kdnr, c.id, routing.assignees, routing.via === 'hb' ? {} : { onBehalfOf: c.hbId });
    tasks.push(hbTask);
    notifications.push(...notifyAssignees({ ...hbTask, assigneeIds: routing.recipients }, 'voluntary-task', 'neu', deps.newId, now));
  }
  // seed 003: a personal talk is a contact, dated on the appointment's day.
  const contact = decision.countsAsContact ? ({ kind: 'persoenlich', date: c.date, recordedBy: actorId, recordedAt: now.toISOString() } as const) : undefined;
  const committed = await commitCountingContact(deps, audit, c.kdnr, contact, { cases: [outreach], tasks, notifications });
  if (!committed.ok) return refused('veraltet');
  return { ok: true, outreach, contactRecorded: decision.countsAsContact, ...(hbTask ? { hbTask } : {}) };
}
