import { contactDensityRule } from '../config/policy.js';
import { atBerlin, berlinDate, type LocalDate } from '../domain/berlin-time.js';
import type { ContactKind } from '../domain/contact.js';
import { contactCounts, dueDate } from '../domain/contact-density.js';
import type { Customer } from '../domain/customer.js';
import type { StaffId } from '../domain/staff.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/** The contact as stored, and the next contact's due date it leads to. */
export interface ContactRecorded {
  readonly ok: true;
  readonly customer: Customer;
  readonly nextDue: LocalDate;
}

/** `/kontakt`: a personal or phone counselling, or a group information where the policy counts it (seed 003: marktfern). */
export function recordContact(deps: Deps, actorId: StaffId, input: ContactInput): Promise<ContactRecorded | Refused> {
  return audited(deps, actorId, 'kontakt.erfassen', (decision) => record(deps, decision, actorId, input));
}

type ContactInput = { kdnr: string; kind: ContactKind; date?: LocalDate; version?: number };

async function record(deps: Deps, decision: Decision, actorId: StaffId, input: ContactInput): Promise<ContactRecorded | Refused> {
  const access = await customerFor(deps, decision, actorId, input.kdnr, 'kontakt.erfassen');
  if (!access.ok) return access;
  // From a card: a replayed or stale click changes nothing.
  if (input.version !== undefined && input.version !== access.customer.version) return refused('veraltet');
  const now = deps.clock.now();
  const date = input.date ?? berlinDate(now);
  if (atBerlin(date, '00:00').getTime() > now.getTime()) return refused('datum-in-zukunft');
  if (!contactCounts(input.kind, access.customer, contactDensityRule(deps.policy))) return refused('gruppe-zaehlt-nicht');
  const customer: Customer = { ...access.customer, contacts: [...access.customer.contacts, { kind: input.kind, date, recordedBy: actorId, recordedAt: now.toISOString() }], version: access.customer.version + 1 };
  const saved = await decision.commit({ customers: [customer] });
  return saved.ok ? { ok: true, customer, nextDue: dueDate(customer, contactDensityRule(deps.policy), deps.calendar) } : refused('veraltet');
}
