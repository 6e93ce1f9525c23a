import { berlinDate } from '../domain/berlin-time.js';
import type { ContactAttempt } from '../domain/contact-attempt.js';
import { mayWithdraw } from '../domain/correction.js';
import type { Customer } from '../domain/customer.js';
import type { StaffId } from '../domain/staff.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

export interface WithdrawInput {
  readonly kdnr: string;
  readonly reason: string;
}

export type AttemptWithdrawn = { ok: true; customer: Customer; attempt: ContactAttempt };

/**
 * `/korrektur versuch`: the person who recorded a contact attempt takes back the latest one they recorded for this
 * customer (the slip is nearly always the last entry), the same or the next working day, with a reason. The attempt
 * stays stored, marked as withdrawn, and no longer counts for the prerequisites of seed 000 §2; the audit line of this
 * decision names who withdrew it.
 */
export function withdrawAttempt(deps: Deps, actorId: StaffId, input: WithdrawInput): Promise<AttemptWithdrawn | Refused> {
  return audited(deps, actorId, 'korrektur.versuch', (decision) => withdraw(deps, decision, actorId, input));
}

async function withdraw(deps: Deps, decision: Decision, actorId: StaffId, input: WithdrawInput): Promise<AttemptWithdrawn | Refused> {
  const access = await customerFor(deps, decision, actorId, input.kdnr, 'korrektur');
  if (!access.ok) return access;
  if (input.reason.length > deps.policy.abFlagging.reasonMaxLength) return refused('begruendung-zu-lang');
  const now = deps.clock.now();
  const attempts = access.customer.attempts;
  const latest = [...attempts].filter((a) => !a.withdrawn && a.recordedBy === actorId).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).at(-1);
  if (!latest) return refused('nichts-zurueckzunehmen');
  const allowed = mayWithdraw({ recordedBy: latest.recordedBy, recordedOn: berlinDate(new Date(latest.recordedAt)) }, actorId, berlinDate(now), input.reason, deps.calendar);
  if (!allowed.ok) return refused(allowed.reason);

  const attempt: ContactAttempt = { ...latest, withdrawn: { by: actorId, at: now.toISOString(), reason: input.reason.trim() } };
  const customer: Customer = { ...access.customer, attempts: attempts.map((a) => (a === latest ? attempt : a)), version: access.customer.version + 1 };
  const saved = await decision.commit({ customers: [customer] });
  return saved.ok ? { ok: true, customer, attempt } : refused('veraltet');
}
