import type { Withdrawal } from './correction.js';
import type { StaffId } from './staff.js';

/** What the IFK did to reach the customer before outreach (seed 000 §2). */
export const ATTEMPT_KINDS = ['einladung', 'einladung-rfb', 'nicht-erschienen', 'anruf'] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];

export interface ContactAttempt {
  readonly kind: AttemptKind;
  /** ISO instant. When only a date was given, Berlin midnight of that date and `timeGiven: false`. */
  readonly at: string;
  readonly timeGiven: boolean;
  readonly recordedBy: StaffId;
  readonly recordedAt: string;
  /** Withdrawn by the person who recorded it (a slip): kept for the record, counted for nothing. */
  readonly withdrawn?: Withdrawal;
}

/** The attempts that count: all but the withdrawn ones. */
export const countingAttempts = (attempts: readonly ContactAttempt[]): ContactAttempt[] => attempts.filter((a) => !a.withdrawn);

/**
 * seed 000 §2: a no-show answers an invitation, so it cannot lie before the first invitation still standing. Such an
 * entry is refused with the reason instead of being stored and then silently ignored by the prerequisite check.
 */
export function attemptFitsSequence(attempts: readonly ContactAttempt[], kind: AttemptKind, at: string): { ok: true } | { ok: false; reason: 'nichterscheinen-vor-einladung' } {
  if (kind !== 'nicht-erschienen') return { ok: true };
  const invitedBefore = countingAttempts(attempts).some((a) => (a.kind === 'einladung' || a.kind === 'einladung-rfb') && a.at <= at);
  return invitedBefore ? { ok: true } : { ok: false, reason: 'nichterscheinen-vor-einladung' };
}
