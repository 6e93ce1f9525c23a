import { customerNumberPattern } from '../config/policy.js';
import { berlinDate, type LocalTime } from '../domain/berlin-time.js';
import { parseCustomerNumber } from '../domain/customer-number.js';
import { ammForDistrict, sofortvermittler, specialistsFor } from '../domain/newcomer-assignees.js';
import { routedTodayAlready, type NewcomerAccess, type NewcomerCase } from '../domain/newcomer-case.js';
import { routeNewcomer, type RoutingAnswers, type RoutingDecision } from '../domain/newcomer-routing.js';
import { isAbsent } from '../domain/presence.js';
import { nextFreeSlot, type SofoSlot } from '../domain/sofo-slots.js';
import type { StaffId } from '../domain/staff.js';
import { admitWalkIn, emptyQueue, type WalkInQueue } from '../domain/walk-in-queue.js';
import type { Notification } from '../ports.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { newTask } from './new-task.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';
import { queueCardNotifications } from './walk-in-card.js';

export interface RouteInput {
  readonly kdnr: string;
  readonly district: string;
  readonly householdMember: boolean;
  readonly answers: RoutingAnswers;
}

export interface Routed {
  readonly ok: true;
  readonly newcomer: NewcomerCase;
  readonly decision: RoutingDecision;
  /** Walk-in: when the talk is expected to start. */
  readonly expectedStart?: LocalTime;
  /** Why an appointment instead of a number: the queue is full, or the morning cannot serve the customer by 11:45. */
  readonly appointmentBecause?: 'voll' | 'zu-spaet' | 'bg-mitglied';
  /** Who was told (AMM) or with whom the Eingangszone books (Reha, U25). */
  readonly people: readonly StaffId[];
}

/** Concurrent bookings (two EZ desks) meet in the store's version check; the loser decides again on fresh data. */
const ATTEMPTS = 5;

/**
 * seed 004 Zugangssteuerung: the Eingangszone answers a few questions, the rule gives the route; a customer for the
 * Sofortvermittlung gets the next walk-in number or, from the 11th or when the morning is full, the next free
 * appointment with an officer (Mit Termin); AMM potential becomes an unscheduled task for the district's AMM.
 */
async function routeOnce(deps: Deps, audit: Decision, actorId: StaffId, kdnr: string, district: string, input: RouteInput): Promise<Routed | Refused | 'konflikt'> {
  const now = deps.clock.now();
  const today = berlinDate(now);
  const decision = routeNewcomer(input.answers, today, deps.policy.sofortvermittlung);
  const base: NewcomerCase = { id: deps.newId(), kdnr, district, routedBy: actorId, routedAt: now.toISOString(), route: decision.route, reason: decision.reason, householdMember: input.householdMember, version: 1 };
  const people = decision.route === 'reha' || decision.route === 'u25' ? specialistsFor(deps.directory, decision.route) : decision.route === 'amm' ? ammForDistrict(deps.directory, district) : [];

  if (decision.route === 'amm') {
    const task = newTask(deps, 'neukunde-amm', kdnr, base.id, people);
    const committed = await audit.commit({ newcomerCases: [base], tasks: [task], notifications: notifyAssignees(task, 'follow-up-task', 'neu', deps.newId, now) });
    return committed.ok ? { ok: true, newcomer: base, decision, people } : 'konflikt';
  }
  if (decision.route !== 'sofortvermittlung') {
    const committed = await audit.commit({ newcomerCases: [base] });
    return committed.ok ? { ok: true, newcomer: base, decision, people } : 'konflikt';
  }

  const officers = sofortvermittler(deps.directory);
  const absences = await deps.store.absences();
  let appointmentBecause: Routed['appointmentBecause'] = 'bg-mitglied';
  if (!input.householdMember) {
    const queue: WalkInQueue = (await deps.store.getWalkInQueue(today)) ?? emptyQueue(today);
    const present = officers.filter((id) => !isAbsent(absences, id, today)).length;
    const admitted = admitWalkIn(queue, { kdnr, caseId: base.id }, now, present, deps.policy.sofortvermittlung.walkIn);
    if (admitted.ok) {
      const newcomer: NewcomerCase = { ...base, access: { kind: 'warteschlange', date: today, number: admitted.number } };
      const notifications: Notification[] = await queueCardNotifications(deps, admitted.queue, now);
      const committed = await audit.commit({ newcomerCases: [newcomer], walkInQueues: [admitted.queue], notifications });
      return committed.ok ? { ok: true, newcomer, decision, expectedStart: admitted.expectedStart, people } : 'konflikt';
    }
    appointmentBecause = admitted.reason;
  }

  const taken = new Set((await deps.store.sofoSlotsFrom(today)).map((s) => s.id));
  const free = nextFreeSlot(now, today, officers, taken, (id, date) => isAbsent(absences, id, date), deps.calendar, deps.policy.sofortvermittlung.slots);
  if (!free) return refused('kein-termin-frei');
  const slot: SofoSlot = { ...free, kdnr, caseId: base.id, bookedBy: actorId, bookedAt: now.toISOString(), version: 1 };
  const access: NewcomerAccess = { kind: 'termin', slotId: slot.id, officerId: slot.officerId, date: slot.date, from: slot.from, to: slot.to };
  const newcomer: NewcomerCase = { ...base, access };
  const committed = await audit.commit({ newcomerCases: [newcomer], sofoSlots: [slot] });
  return committed.ok ? { ok: true, newcomer, decision, appointmentBecause, people } : 'konflikt';
}

export function routeNewcomerCustomer(deps: Deps, actorId: StaffId, input: RouteInput): Promise<Routed | Refused> {
  return audited(deps, actorId, 'neukunde.weiterleiten', async (audit): Promise<Routed | Refused> => {
    const who = actorFor(deps, actorId, 'neukunde.weiterleiten');
    const kdnr = parseCustomerNumber(input.kdnr, customerNumberPattern(deps.policy));
    if (!who.ok) return who;
    if (!kdnr.ok) return refused('kdnr-format');
    audit.concerns(kdnr.value);
    const district = deps.policy.districts.find((d) => d.id === input.district);
    if (!district) return refused('bezirk-unbekannt');
    if (!input.answers.firstApplicationHere && !input.answers.benefitsEndedOn) return refused('leistungsende-fehlt');
    for (let i = 0; i < ATTEMPTS; i++) {
      // Checked again on every attempt: a commit lost to another desk's routing of the same customer ends here.
      const today = berlinDate(deps.clock.now());
      if (routedTodayAlready(await deps.store.newcomerCasesOfCustomer(kdnr.value), today)) return refused('bereits-weitergeleitet');
      const r = await routeOnce(deps, audit, actorId, kdnr.value, district.id, input);
      if (r !== 'konflikt') return r;
    }
    return refused('veraltet');
  });
}

/** `/neukunde <Kdnr>`: the Eingangszone may route, and the number is well-formed; then the card asks the questions. */
export function newcomerFormFor(deps: Deps, actorId: StaffId, rawKdnr: string): { ok: true; kdnr: string } | Refused {
  const who = actorFor(deps, actorId, 'neukunde.weiterleiten');
  if (!who.ok) return who;
  const kdnr = parseCustomerNumber(rawKdnr, customerNumberPattern(deps.policy));
  return kdnr.ok ? { ok: true, kdnr: kdnr.value } : refused('kdnr-format');
}
