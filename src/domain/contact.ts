import type { LocalDate } from './berlin-time.js';
import type { StaffId } from './staff.js';

/** seed 003 "Formen des Kundenkontakts": personal or phone counselling, or a group information. */
export const CONTACT_KINDS = ['persoenlich', 'telefonisch', 'gruppe'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface Contact {
  readonly kind: ContactKind;
  readonly date: LocalDate;
  readonly recordedBy: StaffId;
}
