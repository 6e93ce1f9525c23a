import type { LocalDate } from './berlin-time.js';
import type { Withdrawal } from './correction.js';
import type { StaffId } from './staff.js';

/** seed 003 "Formen des Kundenkontakts": personal or phone counselling, or a group information. */
export const CONTACT_KINDS = ['persoenlich', 'telefonisch', 'gruppe'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface Contact {
  readonly kind: ContactKind;
  readonly date: LocalDate;
  readonly recordedBy: StaffId;
  /** ISO instant of the entry (contacts recorded before this field have only their date). */
  readonly recordedAt?: string;
  /** Withdrawn by the person who recorded it (a slip): kept for the record, counted for nothing. */
  readonly withdrawn?: Withdrawal;
}

/** The contacts that count for the contact density: all but the withdrawn ones. */
export const countingContacts = (contacts: readonly Contact[]): Contact[] => contacts.filter((c) => !c.withdrawn);
