import { berlinDate, berlinTime } from '../domain/berlin-time.js';
import { hasRole, type StaffId } from '../domain/staff.js';
import type { VoluntaryApproach, VoluntaryOutreachCase } from '../domain/voluntary-case.js';
import { decideSpontaneous } from '../domain/voluntary-plan.js';
import { customerFor } from './access.js';
import { audited } from './audited.js';
import type { Deps } from './deps.js';
import { newTask } from './new-task.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';
import { plannedCase } from './voluntary-access.js';

/**
 * `/walk-and-talk KDNR jetzt` (seed 002 §2.1): the customer is in the office and agrees to a walk now. The appointment
 * is entered as starting now, so its result can be recorded on return; the team lead is informed (§2.2).
 */
export function startSpontaneous(deps: Deps, actorId: StaffId, kdnr: string, approach: VoluntaryApproach): Promise<{ ok: true; outreach: VoluntaryOutreachCase } | Refused> {
  return audited(deps, actorId, `freiwillig.spontan.${approach}`, async (audit) => {
    const access = await customerFor(deps, audit, actorId, kdnr, 'freiwillig.planen');
    if (!access.ok) return access;
    const decision = decideSpontaneous(approach, deps.policy.voluntaryOutreach.approaches);
    if (!decision.ok) return refused(decision.reason);
    const customer = access.customer;
    if (plannedCase(await deps.store.voluntaryCasesOfCustomer(customer.kdnr), approach)) return refused('bereits-geplant');
    const teamLeadIds = deps.directory.staff.filter((s) => s.team === access.actor.team && hasRole(s, 'TL') && s.id !== actorId).map((s) => s.id);
    if (!teamLeadIds.length) return refused('team-ohne-teamleitung');
    const now = deps.clock.now();
    const outreach: VoluntaryOutreachCase = {
      id: deps.newId(),
      approach,
      kdnr: customer.kdnr,
      hbId: customer.hbId,
      plannedBy: actorId,
      plannedAt: now.toISOString(),
      date: berlinDate(now),
      time: berlinTime(now),
      spontaneous: true,
      teamLeadIds,
      status: 'geplant',
      version: 1
    };
    const info = newTask(deps, 'freiwillig-info', customer.kdnr, outreach.id, teamLeadIds);
    const committed = await audit.commit({ cases: [outreach], tasks: [info], notifications: notifyAssignees(info, 'voluntary-task', 'neu', deps.newId, now) });
    return committed.ok ? { ok: true, outreach } : refused('veraltet');
  });
}
