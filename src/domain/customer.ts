import type { ContactAttempt } from './contact-attempt.js';
import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';

/** Seed 003's customer groups; they decide contact intervals and, for u25, the RFB exception of seed 000. */
export const CUSTOMER_GROUPS = ['u25', 'marktnah', 'marktfern'] as const;
export type CustomerGroup = (typeof CUSTOMER_GROUPS)[number];

/** Only what a rule needs: no names, no addresses. */
export interface Customer {
  readonly kdnr: CustomerNumber;
  readonly hbId: StaffId;
  readonly group: CustomerGroup;
  /** Langzeitarbeitslos: with u25 it lets the first invitation already carry the RFB (seed 000 §2). */
  readonly longTermUnemployed: boolean;
  readonly district: string;
  readonly attempts: readonly ContactAttempt[];
  readonly version: number;
}
