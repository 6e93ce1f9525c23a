import { homeVisitRule } from '../config/policy.js';
import { berlinDate } from '../domain/berlin-time.js';
import { findStaff, hasRole, type StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import type { VoluntaryOutreachCase } from '../domain/voluntary-case.js';
import { decideVoluntaryPlan, letterWindows, mayGoOut, type VoluntaryPlanRequest } from '../domain/voluntary-plan.js';
import type { Notification } from '../ports.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { newTask } from './new-task.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';
import { plannedCase } from './voluntary-access.js';

export interface VoluntaryPlanned {
  readonly ok: true;
  readonly outreach: VoluntaryOutreachCase;
  /** The Hausbesuch's letter tasks for the planner (notice, reminder), in their windows. */
  readonly letters: readonly Task[];
}

/**
 * `/hausbesuch`, `/walk-and-talk`, `/begleitung` (seed 002 §§2–4): the HB or an IFK of the HB's team plans a voluntary
 * appointment. The team lead and the substitute are informed; the second colleague gets the appointment as a task; for
 * a Hausbesuch the planner gets the two letters as tasks due in their windows.
 */
export function planVoluntary(deps: Deps, actorId: StaffId, kdnr: string, request: VoluntaryPlanRequest): Promise<VoluntaryPlanned | Refused> {
  return audited(deps, actorId, `freiwillig.planen.${request.approach}`, (audit) => plan(deps, audit, actorId, kdnr, request));
}

async function plan(deps: Deps, audit: Decision, actorId: StaffId, kdnr: string, request: VoluntaryPlanRequest): Promise<VoluntaryPlanned | Refused> {
  const access = await customerFor(deps, audit, actorId, kdnr, 'freiwillig.planen');
  if (!access.ok) return access;
  const customer = access.customer;
  if (plannedCase(await deps.store.voluntaryCasesOfCustomer(customer.kdnr), request.approach)) return refused('bereits-geplant');
  const now = deps.clock.now();
  const today = berlinDate(now);
  const decision = decideVoluntaryPlan(
    request,
    {
      offered: deps.policy.voluntaryOutreach.approaches,
      planner: actorId,
      attempts: customer.attempts,
      // Second person and substitute must be able to record the result or the cancellation (the same list the card offers).
      isKnownStaff: (id) => { const s = findStaff(deps.directory, id); return s !== undefined && mayGoOut(s); },
      now,
      rule: homeVisitRule(deps.policy),
      maxReasonLength: deps.policy.voluntaryOutreach.reasonMaxLength
    },
    today
  );
  if (!decision.ok) return refused(decision.reason);
  // seed 002 §§2.2, 3.2: "die zuständige Führungskraft ist einzubeziehen" — the planner's team lead(s).
  const teamLeadIds = deps.directory.staff.filter((s) => s.team === access.actor.team && hasRole(s, 'TL') && s.id !== actorId).map((s) => s.id);
  if (!teamLeadIds.length) return refused('team-ohne-teamleitung');
  const { ok: _ok, ...planned } = decision;
  const outreach: VoluntaryOutreachCase = {
    id: deps.newId(),
    approach: request.approach,
    kdnr: customer.kdnr,
    hbId: customer.hbId,
    plannedBy: actorId,
    plannedAt: now.toISOString(),
    date: request.date,
    time: request.time,
    ...planned,
    teamLeadIds,
    status: 'geplant',
    version: 1
  };
  const tasks: Task[] = [];
  const notifications: Notification[] = [];
  const add = (task: Task, notifyNow: boolean) => {
    tasks.push(task);
    if (notifyNow) notifications.push(...notifyAssignees(task, 'voluntary-task', 'neu', deps.newId, now));
  };
  add(newTask(deps, 'freiwillig-info', customer.kdnr, outreach.id, [...new Set([...teamLeadIds, planned.substituteId])]), true);
  if (outreach.secondPersonId) add(newTask(deps, 'freiwillig-termin', customer.kdnr, outreach.id, [outreach.secondPersonId]), true);
  const letters: Task[] = [];
  if (outreach.approach === 'hausbesuch') {
    const windows = letterWindows(outreach.date, today, homeVisitRule(deps.policy));
    for (const [kind, w] of [['freiwillig-ankuendigung', windows.notice], ['freiwillig-erinnerung', windows.reminder]] as const) {
      const letter = newTask(deps, kind, customer.kdnr, outreach.id, [actorId], { dueFrom: w.dueFrom, dueTo: w.dueTo });
      letters.push(letter);
      // A window already open is announced now; a later one by the daily letter job when it opens.
      add(letter, w.dueFrom <= today);
    }
  }
  const committed = await audit.commit({ cases: [outreach], tasks, notifications });
  return committed.ok ? { ok: true, outreach, letters } : refused('veraltet');
}
