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
}
