import type { LocalDate, LocalTime } from './berlin-time.js';
import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';

/** seed 001 "Zielgruppen": whom the pAp hands over to the aB-pAp. */
export const U25_TARGET_GROUPS = ['schwer-erreichbar', 'massive-problemlagen', 'individuell'] as const;
export type U25TargetGroup = (typeof U25_TARGET_GROUPS)[number];

/**
 * seed 001 "Überstellung": the form "AB-Auftrag-Fallübergabe" moves the customer to the virtual worker; the form
 * "AB-Einzelauftrag" (single cases, e.g. accompanying to a medical assessment) does not.
 */
export const U25_FORMS = ['falluebergabe', 'einzelauftrag'] as const;
export type U25Form = (typeof U25_FORMS)[number];

export interface U25Extension {
  readonly until: LocalDate;
  readonly reason: string;
  readonly by: StaffId;
  readonly at: string;
}

export interface U25JointTalk {
  readonly date: LocalDate;
  readonly time: LocalTime;
  readonly arrangedBy: StaffId;
  readonly arrangedAt: string;
}

/** A visit the aB-pAp plans: normally by two (seed 001: safety first); alone only with a recorded reason. */
export interface U25Visit {
  readonly date: LocalDate;
  readonly secondPersonId?: StaffId;
  readonly aloneReason?: string;
  readonly plannedBy: StaffId;
  readonly plannedAt: string;
}

/**
 * The U25 variant of the outreach case (seed 001): the pAp (the HB) hands an under-25 customer to an aB-pAp for an
 * activation phase; afterwards a joint talk and the return to the pAp. Only Kundennummer, staff ids and dates.
 */
export interface U25OutreachCase {
  readonly id: string;
  readonly approach: 'u25-aktivierung';
  readonly kdnr: CustomerNumber;
  /** The pAp who handed over and to whom the customer returns. */
  readonly hbId: StaffId;
  readonly abPapId: StaffId;
  readonly form: U25Form;
  readonly targetGroup: U25TargetGroup;
  /** seed 001: "vor der Übergabe erfolgt grundsätzlich ein Gespräch zwischen pAp und aB-pAp". */
  readonly handoverTalkHeld: true;
  /** Fallübergabe only: the virtual worker the customer is assigned to during the phase (VM-U25-aB). */
  readonly virtualWorkerId?: string;
  readonly handedOverAt: string;
  readonly phaseStart: LocalDate;
  /** The end by rule (start + maxActivationMonths); an extension moves the effective end. */
  readonly phaseEnd: LocalDate;
  readonly extensions: readonly U25Extension[];
  /** seed 001: from the start the aB-pAp tells the customer they will return to their pAp (ticked at first contact). */
  readonly firstContact?: { readonly on: LocalDate; readonly returnExplained: true; readonly by: StaffId };
  readonly visits: readonly U25Visit[];
  readonly missedAppointments: readonly LocalDate[];
  readonly jointTalk?: U25JointTalk;
  readonly status: 'aktiv' | 'zurueckgegeben';
  readonly closed?: {
    readonly at: string;
    readonly by: StaffId;
    /** aktiviert: after the joint talk; vorzeitig: cooperation could not be established (reason recorded, nothing decided). */
    readonly result: 'aktiviert' | 'vorzeitig' | 'erledigt';
    readonly reason?: string;
  };
  readonly version: number;
}

/** The end of the activation phase in force: the latest extension, else the end by rule. */
export function effectivePhaseEnd(c: Pick<U25OutreachCase, 'phaseEnd' | 'extensions'>): LocalDate {
  return c.extensions.length ? c.extensions[c.extensions.length - 1]!.until : c.phaseEnd;
}
