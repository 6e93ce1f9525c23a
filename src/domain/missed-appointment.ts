import type { LocalDate, LocalTime } from './berlin-time.js';
import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';

/**
 * seed 000 §3: a Meldeversäumnis. Either an AB holds the talk while the customer waits in the Eingangszone,
 * or, when no AB is available, someone of the HB's placement team calls the customer back the same day.
 */
export type MissedAppointmentKind = 'ab-gespraech' | 'rueckruf';

export interface TalkResult {
  readonly reasonsCleared: boolean;
  readonly motivated: boolean;
  readonly verbisNoteWritten: boolean;
  /** After an AB talk: the 1-hour follow-up appointment with the HB, handed to the customer. */
  readonly followUp?: { readonly date: LocalDate; readonly time: LocalTime };
  readonly recordedBy: StaffId;
  readonly recordedAt: string;
}

export interface MissedAppointmentCase {
  readonly id: string;
  readonly kind: MissedAppointmentKind;
  readonly kdnr: CustomerNumber;
  readonly hbId: StaffId;
  /** The HB's placement team, which takes the callback. */
  readonly team: string;
  readonly reportedBy: StaffId;
  readonly reportedAt: string;
  /** Callback: the day and window. */
  readonly slot?: { readonly date: LocalDate; readonly from: LocalTime; readonly to: LocalTime; readonly nextWorkingDay: boolean; readonly escalateAt: string };
  readonly status: 'offen' | 'uebernommen' | 'erledigt';
  readonly claimedBy?: StaffId;
  readonly claimedAt?: string;
  readonly escalatedAt?: string;
  readonly talk?: TalkResult;
  /** Callback: each time the taker did not reach the customer (seed 000 §3 gives no rule; see callback-unreached.ts). */
  readonly unreached?: readonly { readonly by: StaffId; readonly at: string }[];
  readonly version: number;
}

/** The customer's provisional payment stop (vorläufige Zahlungseinstellung), as far as the bot needs to know. */
export interface PaymentStop {
  readonly kdnr: CustomerNumber;
  readonly recordedBy: StaffId;
  readonly recordedAt: string;
  /** Set once the note lifting it went to the Leistungsabteilung; a later stop is recorded anew. */
  readonly liftRequestedAt?: string;
  readonly version: number;
}
