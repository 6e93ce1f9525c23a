import type { Withdrawal } from './correction.js';
import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';
import type { U25OutreachCase } from './u25-case.js';
import { VOLUNTARY_APPROACHES, type VoluntaryOutreachCase } from './voluntary-case.js';
import type { VisitResult } from './visit-result.js';

/**
 * One outreach case per engagement of AB with a customer. The approach is a variant of the same case:
 * today the unannounced AB visit of seed 000 §2; Hausbesuch, Walk and Talk, Begleitung zu Dritten (seed 002)
 * and the U25 handover (seed 001) are further variants with their own checklist and deadlines.
 */
export const APPROACHES = ['ab-besuch', 'u25-aktivierung', ...VOLUNTARY_APPROACHES] as const;
export type Approach = (typeof APPROACHES)[number];

export interface OutreachCase {
  readonly id: string;
  readonly approach: 'ab-besuch';
  readonly kdnr: CustomerNumber;
  readonly district: string;
  readonly hbId: StaffId;
  readonly flaggedBy: StaffId;
  readonly flaggedAt: string;
  /** Storage key of the ISO week in which AB visits, e.g. `2026-W48`. */
  readonly targetWeek: string;
  /** Sinnhaftigkeit: why the IFK expects AB to help (short; no health data). */
  readonly reason: string;
  /** Checklist item of seed 000 §2: the HB's printed invitation with RFB lies in the AB mailbox. */
  readonly invitationInMailbox: true;
  /** `zurueckgenommen`: the IFK who flagged took the flag back before AB recorded a result (kept, counted for nothing). */
  readonly status: 'vorgemerkt' | 'besucht' | 'zurueckgenommen';
  readonly visit?: VisitResult;
  readonly withdrawn?: Withdrawal;
  /** seed 000 §2: after the invitation's appointment the HB is asked "erschienen?"; set once asked, then answered. */
  readonly attendance?: { readonly askedAt: string; readonly answer?: 'ja' | 'nein'; readonly answeredAt?: string };
  readonly version: number;
}

/** Every variant of the outreach case, as stored side by side; the approach tells them apart. */
export type OutreachCaseVariant = OutreachCase | U25OutreachCase | VoluntaryOutreachCase;

export const isAbVisitCase = (c: OutreachCaseVariant): c is OutreachCase => c.approach === 'ab-besuch';
export const isU25Case = (c: OutreachCaseVariant): c is U25OutreachCase => c.approach === 'u25-aktivierung';
export const isVoluntaryCase = (c: OutreachCaseVariant): c is VoluntaryOutreachCase => (VOLUNTARY_APPROACHES as readonly string[]).includes(c.approach);
