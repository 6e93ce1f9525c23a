import { decideJointTalk, decideReturn } from '../domain/u25-return.js';
import type { LocalDate, LocalTime } from '../domain/berlin-time.js';
import type { U25OutreachCase } from '../domain/u25-case.js';
import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { hbRouting } from './hb-routing.js';
import { newTask } from './new-task.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';
import { u25CaseFor, type U25Ref } from './u25-access.js';

/**
 * seed 001: "nachdem der Kunde aktiviert wurde, findet ein gemeinsames Gespräch mit aB-pAp, pAp und dem Kunden statt":
 * the aB-pAp arranges it; aB-pAp and pAp (or the pAp's substitute) each get the task with the date.
 */
export function arrangeJointTalk(deps: Deps, actorId: StaffId, ref: U25Ref, date: LocalDate, time: LocalTime): Promise<{ ok: true; outreach: U25OutreachCase; task: Task } | Refused> {
  return audited(deps, actorId, 'u25.gespraech', (audit) => arrangeJointTalkDecided(deps, audit, actorId, ref, date, time));
}

async function arrangeJointTalkDecided(deps: Deps, audit: Decision, actorId: StaffId, ref: U25Ref, date: LocalDate, time: LocalTime): Promise<{ ok: true; outreach: U25OutreachCase; task: Task } | Refused> {
  const found = await u25CaseFor(deps, audit, actorId, ref, 'u25.bearbeiten');
  if (!found.ok) return found;
  const c = found.outreach;
  const now = deps.clock.now();
  const decision = decideJointTalk(c, date, time, now);
  if (!decision.ok) return refused(decision.reason);
  const outreach: U25OutreachCase = { ...c, jointTalk: { date, time, arrangedBy: actorId, arrangedAt: now.toISOString() }, version: c.version + 1 };
  const routing = await hbRouting(deps, c.hbId);
  // A rearranged talk replaces the earlier task, so nobody keeps a stale date.
  const earlier = (await deps.store.tasksOfCustomer(c.kdnr)).filter((t) => t.caseId === c.id && t.kind === 'u25-gespraech' && t.status === 'offen');
  const superseded: Task[] = earlier.map((t) => ({ ...t, status: 'erledigt', completedBy: actorId, completedAt: now.toISOString(), version: t.version + 1 }));
  const task = newTask(deps, 'u25-gespraech', c.kdnr, c.id, [c.abPapId, ...routing.assignees], routing.via === 'hb' ? {} : { onBehalfOf: c.hbId });
  const reachNow = { ...task, assigneeIds: task.assigneeIds.filter((id) => id !== c.hbId || routing.via === 'hb') };
  const committed = await audit.commit({ cases: [outreach], tasks: [...superseded, task], notifications: notifyAssignees(reachNow, 'u25-task', 'neu', deps.newId, now) });
  return committed.ok ? { ok: true, outreach, task } : refused('veraltet');
}

/**
 * seed 001: the return to the pAp — after the joint talk (the customer leaves VM-U25-aB), or early with a reason when
 * cooperation cannot be established. The pAp gets a short result card; the phase's open tasks close.
 */
export function returnToPap(deps: Deps, actorId: StaffId, ref: U25Ref, request: { early: boolean; reason?: string }): Promise<{ ok: true; outreach: U25OutreachCase; task: Task } | Refused> {
  return audited(deps, actorId, 'u25.rueckgabe', (audit) => returnToPapDecided(deps, audit, actorId, ref, request));
}

async function returnToPapDecided(deps: Deps, audit: Decision, actorId: StaffId, ref: U25Ref, request: { early: boolean; reason?: string }): Promise<{ ok: true; outreach: U25OutreachCase; task: Task } | Refused> {
  const found = await u25CaseFor(deps, audit, actorId, ref, 'u25.bearbeiten');
  if (!found.ok) return found;
  const c = found.outreach;
  const now = deps.clock.now();
  const decision = decideReturn(c, request, now, deps.policy.u25Outreach.reasonMaxLength);
  if (!decision.ok) return refused(decision.reason);
  const outreach: U25OutreachCase = {
    ...c,
    status: 'zurueckgegeben',
    closed: { at: now.toISOString(), by: actorId, result: decision.result, ...(decision.reason ? { reason: decision.reason } : {}) },
    version: c.version + 1
  };
  const open = (await deps.store.tasksOfCustomer(c.kdnr)).filter((t) => t.caseId === c.id && (t.kind === 'u25-uebernahme' || t.kind === 'u25-gespraech') && t.status === 'offen');
  const closed: Task[] = open.map((t) => ({ ...t, status: 'erledigt', completedBy: actorId, completedAt: now.toISOString(), version: t.version + 1 }));
  const routing = await hbRouting(deps, c.hbId);
  const task = newTask(deps, 'u25-rueckgabe', c.kdnr, c.id, routing.assignees, routing.via === 'hb' ? {} : { onBehalfOf: c.hbId });
  const reachNow = { ...task, assigneeIds: routing.recipients };
  const committed = await audit.commit({ cases: [outreach], tasks: [...closed, task], notifications: notifyAssignees(reachNow, 'u25-task', 'neu', deps.newId, now) });
  return committed.ok ? { ok: true, outreach, task } : refused('veraltet');
}
