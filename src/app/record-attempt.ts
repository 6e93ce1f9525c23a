import { atBerlin, berlinDate, berlinTime, type LocalDate, type LocalTime } from '../domain/berlin-time.js';
import { attemptFitsSequence, type AttemptKind, type ContactAttempt } from '../domain/contact-attempt.js';
import type { Customer } from '../domain/customer.js';
import type { StaffId } from '../domain/staff.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

export interface AttemptInput {
  readonly kdnr: string;
  readonly kind: AttemptKind;
  /** Omitted: now. */
  readonly date?: LocalDate;
  readonly time?: LocalTime;
  /** From a card: the customer's version the card showed; a replayed or stale click changes nothing. */
  readonly version?: number;
}

/** Records a contact attempt (seed 000 §2) on the customer; a call needs its time of day, since the rule compares times. */
export function recordAttempt(deps: Deps, actorId: StaffId, input: AttemptInput): Promise<{ ok: true; customer: Customer; attempt: ContactAttempt } | Refused> {
  return audited(deps, actorId, 'versuch.erfassen', (decision) => record(deps, decision, actorId, input));
}

async function record(deps: Deps, decision: Decision, actorId: StaffId, input: AttemptInput): Promise<{ ok: true; customer: Customer; attempt: ContactAttempt } | Refused> {
  const access = await customerFor(deps, decision, actorId, input.kdnr, 'versuch.erfassen');
  if (!access.ok) return access;
  if (input.version !== undefined && input.version !== access.customer.version) return refused('veraltet');
  const now = deps.clock.now();
  if (input.kind === 'anruf' && input.date && !input.time) return refused('uhrzeit-fehlt');
  const date = input.date ?? berlinDate(now);
  const time = input.time ?? (input.date ? '00:00' : berlinTime(now));
  const at = atBerlin(date, time);
  if (at.getTime() > now.getTime()) return refused('datum-in-zukunft');
  const fits = attemptFitsSequence(access.customer.attempts, input.kind, at.toISOString());
  if (!fits.ok) return refused(fits.reason);

  const attempt: ContactAttempt = { kind: input.kind, at: at.toISOString(), timeGiven: input.time !== undefined || !input.date, recordedBy: access.actor.id, recordedAt: now.toISOString() };
  const customer: Customer = { ...access.customer, attempts: [...access.customer.attempts, attempt], version: access.customer.version + 1 };
  const saved = await decision.commit({ customers: [customer] });
  return saved.ok ? { ok: true, customer, attempt } : refused('veraltet');
}
