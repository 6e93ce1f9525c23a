import { atBerlin, berlinDate, type LocalDate } from '../domain/berlin-time.js';
import { findStaff, type StaffId } from '../domain/staff.js';
import type { U25OutreachCase } from '../domain/u25-case.js';
import { decideVisitPlan } from '../domain/u25-visit.js';
import type { Task } from '../domain/task.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { hbRouting } from './hb-routing.js';
import { newTask } from './new-task.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';
import { u25CaseFor, type U25Ref } from './u25-access.js';

/** seed 001: a visit is planned with the second person (i.d.R. zu zweit), or alone with a recorded reason. */
export function planVisit(deps: Deps, actorId: StaffId, ref: U25Ref, request: { date: LocalDate; secondPersonId?: StaffId; aloneReason?: string }): Promise<{ ok: true; outreach: U25OutreachCase } | Refused> {
  return audited(deps, actorId, 'u25.besuch', (audit) => planVisitDecided(deps, audit, actorId, ref, request));
}

async function planVisitDecided(deps: Deps, audit: Decision, actorId: StaffId, ref: U25Ref, request: { date: LocalDate; secondPersonId?: StaffId; aloneReason?: string }): Promise<{ ok: true; outreach: U25OutreachCase } | Refused> {
  const found = await u25CaseFor(deps, audit, actorId, ref, 'u25.bearbeiten');
  if (!found.ok) return found;
  const c = found.outreach;
  if (c.status !== 'aktiv') return refused('fall-abgeschlossen');
  const now = deps.clock.now();
  if (request.date < berlinDate(now)) return refused('datum-vergangen');
  const decision = decideVisitPlan(request, actorId, (id) => findStaff(deps.directory, id) !== undefined, deps.policy.u25Outreach.reasonMaxLength);
  if (!decision.ok) return refused(decision.reason);
  const { ok: _ok, ...who } = decision;
  const outreach: U25OutreachCase = { ...c, visits: [...c.visits, { date: request.date, ...who, plannedBy: actorId, plannedAt: now.toISOString() }], version: c.version + 1 };
  const committed = await audit.commit({ cases: [outreach] });
  return committed.ok ? { ok: true, outreach } : refused('veraltet');
}

/**
 * seed 001 "Sanktionen": whether a customer in aB-pAp care is sanctioned "wird individuell und im Einzelfall mit dem
 * überstellenden pAp entschieden". A missed appointment the aB-pAp records gives the pAp a task to decide it together —
 * never an automatic step.
 */
export function recordMissedU25Appointment(deps: Deps, actorId: StaffId, ref: U25Ref, date: LocalDate): Promise<{ ok: true; outreach: U25OutreachCase; task: Task } | Refused> {
  return audited(deps, actorId, 'u25.versaeumnis', (audit) => recordMissedU25AppointmentDecided(deps, audit, actorId, ref, date));
}

async function recordMissedU25AppointmentDecided(deps: Deps, audit: Decision, actorId: StaffId, ref: U25Ref, date: LocalDate): Promise<{ ok: true; outreach: U25OutreachCase; task: Task } | Refused> {
  const found = await u25CaseFor(deps, audit, actorId, ref, 'u25.bearbeiten');
  if (!found.ok) return found;
  const c = found.outreach;
  if (c.status !== 'aktiv') return refused('fall-abgeschlossen');
  const now = deps.clock.now();
  if (atBerlin(date, '00:00').getTime() > now.getTime()) return refused('datum-in-zukunft');
  const outreach: U25OutreachCase = { ...c, missedAppointments: [...c.missedAppointments, date], version: c.version + 1 };
  const routing = await hbRouting(deps, c.hbId);
  const task = newTask(deps, 'u25-sanktion', c.kdnr, c.id, [...routing.assignees, c.abPapId], routing.via === 'hb' ? {} : { onBehalfOf: c.hbId });
  const committed = await audit.commit({ cases: [outreach], tasks: [task], notifications: notifyAssignees({ ...task, assigneeIds: routing.recipients }, 'u25-task', 'neu', deps.newId, now) });
  return committed.ok ? { ok: true, outreach, task } : refused('veraltet');
}
