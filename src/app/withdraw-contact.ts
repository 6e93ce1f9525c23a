import { contactDensityRule } from '../config/policy.js';
import { berlinDate, type LocalDate } from '../domain/berlin-time.js';
import type { Contact } from '../domain/contact.js';
import { dueDate } from '../domain/contact-density.js';
import { mayWithdraw } from '../domain/correction.js';
import type { Customer } from '../domain/customer.js';
import type { StaffId } from '../domain/staff.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';
import type { WithdrawInput } from './withdraw-attempt.js';

export type ContactWithdrawn = { ok: true; customer: Customer; contact: Contact; nextDue: LocalDate };

/**
 * `/korrektur kontakt`: the person who recorded a contact (seed 003) takes back the latest one they recorded for this
 * customer, the same or the next working day, with a reason. It stays stored as withdrawn and no longer counts for
 * the contact density, so the next due date moves back to what it was.
 */
export function withdrawContact(deps: Deps, actorId: StaffId, input: WithdrawInput): Promise<ContactWithdrawn | Refused> {
  return audited(deps, actorId, 'korrektur.kontakt', (decision) => withdraw(deps, decision, actorId, input));
}

async function withdraw(deps: Deps, decision: Decision, actorId: StaffId, input: WithdrawInput): Promise<ContactWithdrawn | Refused> {
  const access = await customerFor(deps, decision, actorId, input.kdnr, 'korrektur');
  if (!access.ok) return access;
  if (input.reason.length > deps.policy.abFlagging.reasonMaxLength) return refused('begruendung-zu-lang');
  const contacts = access.customer.contacts;
  // Contacts recorded before `recordedAt` existed count from their date, which is never after the day of entry.
  const recordedOn = (c: Contact) => (c.recordedAt ? berlinDate(new Date(c.recordedAt)) : c.date);
  const latest = contacts.filter((c) => !c.withdrawn && c.recordedBy === actorId).at(-1);
  if (!latest) return refused('nichts-zurueckzunehmen');
  const now = deps.clock.now();
  const allowed = mayWithdraw({ recordedBy: latest.recordedBy, recordedOn: recordedOn(latest) }, actorId, berlinDate(now), input.reason, deps.calendar);
  if (!allowed.ok) return refused(allowed.reason);

  const contact: Contact = { ...latest, withdrawn: { by: actorId, at: now.toISOString(), reason: input.reason.trim() } };
  const customer: Customer = { ...access.customer, contacts: contacts.map((c) => (c === latest ? contact : c)), version: access.customer.version + 1 };
  const saved = await decision.commit({ customers: [customer] });
  return saved.ok ? { ok: true, customer, contact, nextDue: dueDate(customer, contactDensityRule(deps.policy), deps.calendar) } : refused('veraltet');
}
