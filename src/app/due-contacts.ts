import { contactDensityRule } from '../config/policy.js';
import { berlinDate, type LocalDate } from '../domain/berlin-time.js';
import { dueDate, dueState, intervalFor, reminderWindowEnd, type DueState, type IntervalSource } from '../domain/contact-density.js';
import { contactResponsible, movesCustomer } from '../domain/contact-responsibility.js';
import type { ContactDensityCustomer } from '../domain/customer.js';
import { staffWithRole, type StaffId } from '../domain/staff.js';
import { actorFor } from './access.js';
import type { Deps } from './deps.js';
import type { Refused } from './outcome.js';

export interface DueEntry {
  readonly customer: ContactDensityCustomer;
  readonly due: LocalDate;
  readonly state: Exclude<DueState, 'ok'>;
  readonly source: IntervalSource;
}

export interface DueList {
  readonly today: LocalDate;
  readonly overdue: readonly DueEntry[];
  readonly dueSoon: readonly DueEntry[];
}

/** seed 003: the customers of one HB whose contact is overdue or falls due within the policy's working days. */
export function dueListOf(deps: Deps, customers: readonly ContactDensityCustomer[], today: LocalDate): DueList {
  const rule = contactDensityRule(deps.policy);
  const windowEnd = reminderWindowEnd(deps.calendar, today, deps.policy.contactDensity.remindWithinWorkingDays);
  const overdue: DueEntry[] = [];
  const dueSoon: DueEntry[] = [];
  for (const customer of customers) {
    const due = dueDate(customer, rule, deps.calendar);
    const state = dueState(due, today, windowEnd);
    if (state === 'ok') continue;
    const entry = { customer, due, state, source: intervalFor(customer, rule).source };
    (state === 'ueberfaellig' ? overdue : dueSoon).push(entry);
  }
  const byDue = (a: DueEntry, b: DueEntry) => a.due.localeCompare(b.due) || a.customer.kdnr.localeCompare(b.customer.kdnr);
  return { today, overdue: overdue.sort(byDue), dueSoon: dueSoon.sort(byDue) };
}

/**
 * The customers whose contacts one person keeps: an HB's own, except those handed over to an aB-pAp for the activation
 * phase (seed 001); for an aB-pAp, the customers in their active Fallübergabe cases.
 */
export async function customersInContactCareOf(deps: Deps, staffId: StaffId): Promise<readonly ContactDensityCustomer[]> {
  // Two independent reads at once: on PostgreSQL the U25 cases come while the customers are still being sent.
  const [u25Cases, ofHb] = await Promise.all([deps.store.allU25Cases(), deps.store.contactDensityCustomersOfHb(staffId)]);
  const own = ofHb.filter((c) => contactResponsible(c, u25Cases) === staffId);
  const movedHere = u25Cases.filter((c) => movesCustomer(c) && c.abPapId === staffId).map((c) => c.kdnr);
  const handedOver = movedHere.length ? (await deps.store.customersByNumbers(movedHere)).filter((c) => c.hbId !== staffId) : [];
  return [...own, ...handedOver];
}

export async function dueListFor(deps: Deps, staffId: StaffId): Promise<DueList> {
  return dueListOf(deps, await customersInContactCareOf(deps, staffId), berlinDate(deps.clock.now()));
}

/** `/faellig`: my due and overdue contacts now. */
export async function myDueContacts(deps: Deps, actorId: StaffId): Promise<({ ok: true } & DueList) | Refused> {
  const who = actorFor(deps, actorId, 'faellig.lesen');
  if (!who.ok) return who;
  const list = await dueListFor(deps, actorId);
  await deps.audit.record({ actor: actorId, action: 'faellig.lesen', outcome: 'ok', count: list.overdue.length + list.dueSoon.length });
  return { ok: true, ...list };
}

/** Overdue counts per IFK of a team, for the digest (counts only). */
export async function overdueCountsOfTeam(deps: Deps, teamId: string): Promise<Array<{ staffId: StaffId; overdue: number }>> {
  const ifks = staffWithRole(deps.directory, 'IFK').filter((s) => s.team === teamId);
  const result = [];
  for (const ifk of ifks) result.push({ staffId: ifk.id, overdue: (await dueListFor(deps, ifk.id)).overdue.length });
  return result;
}
