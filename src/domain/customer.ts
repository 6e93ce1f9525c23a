import type { LocalDate } from './berlin-time.js';
import type { Contact } from './contact.js';
import type { ContactAttempt } from './contact-attempt.js';
import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';

/** Seed 003's customer groups; they decide contact intervals and, for u25, the RFB exception of seed 000. */
export const CUSTOMER_GROUPS = ['u25', 'marktnah', 'marktfern'] as const;
export type CustomerGroup = (typeof CUSTOMER_GROUPS)[number];

/** seed 003 Sondertatbestände: profile Z (§ 10 SGB II) and I (integrated but still in need). */
export const PROFILES = ['I', 'Z'] as const;
export type Profile = (typeof PROFILES)[number];

/**
 * What the contact-density rule and the due list read of a customer (seed 003): everything but the contact attempts,
 * which grow with every call and invitation of the AB process and which the due list never looks at.
 */
export type ContactDensityCustomer = Omit<Customer, 'attempts'>;

/** Only what a rule needs: no names, no addresses. */
export interface Customer {
  readonly kdnr: CustomerNumber;
  readonly hbId: StaffId;
  readonly group: CustomerGroup;
  /** Langzeitarbeitslos: with u25 it lets the first invitation already carry the RFB (seed 000 §2). */
  readonly longTermUnemployed: boolean;
  readonly district: string;
  readonly attempts: readonly ContactAttempt[];
  readonly profile: Profile | null;
  /** Intensivkunde (seed 003): agreed with the TL, at most 3 per full-time and 2 per part-time IFK. */
  readonly intensive: boolean;
  /** Contacts recorded in the bot (seed 003). */
  readonly contacts: readonly Contact[];
  /** The last contact as the customer-base import reported it. */
  readonly lastContactImported: LocalDate | null;
  /** When the customer came to the bot: a customer without any contact is due that day (seed 003: clearing). */
  readonly registeredOn: LocalDate;
  readonly version: number;
}
