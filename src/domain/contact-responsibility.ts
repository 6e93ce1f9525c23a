import type { Customer } from './customer.js';
import type { StaffId } from './staff.js';
import type { U25OutreachCase } from './u25-case.js';

/** The U25 case that has moved the customer away from their pAp: an active Fallübergabe. */
export const movesCustomer = (c: U25OutreachCase): boolean => c.status === 'aktiv' && c.form === 'falluebergabe';

/**
 * Who keeps the contact density (seed 003) of a customer, and so gets the due-contact reminders.
 * seed 001 Überstellung: with the "AB-Auftrag-Fallübergabe" the customer moves to the virtual worker VM-U25-aB and the
 * aB-pAp is responsible for the activation phase; after the return the pAp again. An "AB-Einzelauftrag" moves nobody.
 */
export function contactResponsible(customer: Pick<Customer, 'kdnr' | 'hbId'>, u25Cases: readonly U25OutreachCase[]): StaffId {
  const moved = u25Cases.find((c) => c.kdnr === customer.kdnr && movesCustomer(c));
  return moved ? moved.abPapId : customer.hbId;
}
