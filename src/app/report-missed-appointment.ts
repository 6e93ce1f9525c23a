import { berlinDate } from '../domain/berlin-time.js';
import type { AbStatus } from '../domain/ab-availability.js';
import type { Customer } from '../domain/customer.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import type { StaffId } from '../domain/staff.js';
import { callbackTeamOf } from '../domain/task-routing.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { newTask } from './new-task.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';
import { abStatuses } from './presence.js';

export type ReportOutcome =
  | { ok: true; outcome: 'ab-informiert'; customer: Customer; caseId: string; informed: StaffId[] }
  | { ok: true; outcome: 'keine-ab'; customer: Customer; statuses: Array<{ staffId: StaffId; status: AbStatus }> };

/** Is a Meldeversäumnis of this customer still open today (reported, claimed, not yet recorded)? */
export async function openMissedCaseToday(deps: Deps, kdnr: string): Promise<MissedAppointmentCase | undefined> {
  const today = berlinDate(deps.clock.now());
  return (await deps.store.missedCasesOfCustomer(kdnr)).find((c) => c.status !== 'erledigt' && (c.slot?.date ?? berlinDate(new Date(c.reportedAt))) >= today);
}

/**
 * seed 000 §3: a Meldeversäumnis in the Eingangszone is conducted by the AB, who is informed at once. With an AB
 * available now, every available AB gets an urgent card and the first to claim it wins. Without one, nothing is
 * stored: the EZ is told so and offered the same-day callback.
 */
export function reportMissedAppointment(deps: Deps, actorId: StaffId, kdnr: string): Promise<ReportOutcome | Refused> {
  return audited(deps, actorId, 'meldeversaeumnis.melden', (audit) => report(deps, audit, actorId, kdnr));
}

async function report(deps: Deps, audit: Decision, actorId: StaffId, kdnr: string): Promise<ReportOutcome | Refused> {
  const access = await customerFor(deps, audit, actorId, kdnr, 'meldeversaeumnis.melden');
  if (!access.ok) return access;
  const { customer } = access;
  if (await openMissedCaseToday(deps, customer.kdnr)) return refused('bereits-gemeldet');
  const statuses = await abStatuses(deps);
  const available = statuses.filter((s) => s.status === 'verfuegbar').map((s) => s.staffId);
  if (available.length === 0) return { ok: true, outcome: 'keine-ab', customer, statuses };

  const now = deps.clock.now();
  const missed: MissedAppointmentCase = {
    id: deps.newId(),
    kind: 'ab-gespraech',
    kdnr: customer.kdnr,
    hbId: customer.hbId,
    team: callbackTeamOf(deps.directory, customer.hbId),
    reportedBy: actorId,
    reportedAt: now.toISOString(),
    status: 'offen',
    version: 1
  };
  const task = newTask(deps, 'meldeversaeumnis-ab', customer.kdnr, missed.id, available);
  const committed = await audit.commit({ missedCases: [missed], tasks: [task], notifications: notifyAssignees(task, 'claim-task', 'neu', deps.newId, now) });
  return committed.ok ? { ok: true, outcome: 'ab-informiert', customer, caseId: missed.id, informed: available } : refused('veraltet');
}
