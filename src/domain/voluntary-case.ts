import type { LocalDate, LocalTime } from './berlin-time.js';
import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';

/** seed 002 §§2–4: the three voluntary approaches, offered by any caseworker (not the unannounced AB visit). */
export const VOLUNTARY_APPROACHES = ['hausbesuch', 'walk-and-talk', 'begleitung'] as const;
export type VoluntaryApproach = (typeof VOLUNTARY_APPROACHES)[number];

/** seed 002 §3.1: the kinds of third parties — a kind only, never a name. */
export const THIRD_PARTY_KINDS = ['behoerde', 'schule', 'bildungstraeger', 'sozialdienst', 'anwalt', 'facharzt', 'sonstige'] as const;
export type ThirdPartyKind = (typeof THIRD_PARTY_KINDS)[number];

/**
 * How it went. seed 002 §§2.2, 3.2, 4.2: "kann jederzeit beendet oder auch abgebrochen werden" — ending early is a normal
 * result, by either side; nothing here is a breach by the customer.
 */
export const VOLUNTARY_OUTCOMES = ['stattgefunden', 'nicht-angetroffen', 'abgesagt', 'vorzeitig-beendet'] as const;
export type VoluntaryOutcome = (typeof VOLUNTARY_OUTCOMES)[number];

/** seed 002 §2.2 (Walk and Talk): what was agreed beforehand; the meeting point itself is never stored. */
export interface WalkAndTalkPlan {
  readonly meetingPointAgreed: true;
  readonly reachabilityAgreed: true;
  readonly bufferPlanned: true;
}

/** seed 002 §3.2 (Begleitung zu Dritten): the kind of third party and the customer's explicit consent. */
export interface AccompanimentPlan {
  readonly thirdParty: ThirdPartyKind;
  /** "Beides kann nur mit ausdrücklichem Einverständnis": to the door, by rule. */
  readonly accompanimentConsent: true;
  /** As an exception: taking part in the talk itself. */
  readonly joinTalkConsent: boolean;
}

/** The ticked boxes of the result card, as recorded (no free text about the customer). */
export interface VoluntaryResult {
  readonly outcome: VoluntaryOutcome;
  readonly endedBy?: 'kunde' | 'mitarbeitende';
  readonly endedAtDoor: boolean;
  readonly writtenConsent: boolean;
  readonly publicSpaceRisksTold: boolean;
  readonly acquainted: boolean;
  readonly recognitionSignAgreed: boolean;
  readonly idBrought: boolean;
  readonly othersPresent: boolean;
  readonly othersConsent: boolean;
  readonly placeUnsuitable: boolean;
  readonly newAppointmentAgreed: boolean;
  readonly talkInAbsence: boolean;
  readonly confidentialityRelease: boolean;
  readonly tookPartInTalk: boolean;
  /** seed 002 §3.2: the customer's explicit consent to taking part, given on the spot when it was not given at planning. */
  readonly joinTalkConsentOnSite?: boolean;
  readonly substituteWent: boolean;
  readonly customerCalledBeforehand: boolean;
  readonly reasonsDiscussed: boolean;
  readonly reachabilityDiscussed: boolean;
  readonly followUpAgreed: boolean;
  /** seed 002 §6: with the customer's agreement the HB is asked to book a personal appointment. */
  readonly hbAppointmentWanted: boolean;
  readonly recordedBy: StaffId;
  readonly recordedAt: string;
}

/**
 * The seed-002 variant of the outreach case: one planned appointment of one approach. Only Kundennummer, staff ids,
 * dates and ticked boxes.
 */
export interface VoluntaryOutreachCase {
  readonly id: string;
  readonly approach: VoluntaryApproach;
  readonly kdnr: CustomerNumber;
  readonly hbId: StaffId;
  readonly plannedBy: StaffId;
  readonly plannedAt: string;
  readonly date: LocalDate;
  readonly time: LocalTime;
  /** seed 002 §4.2: a Hausbesuch "in der Regel von zwei Mitarbeitenden"; alone only with a recorded reason. */
  readonly secondPersonId?: StaffId;
  readonly aloneReason?: string;
  /** seed 002 §§2.2, 3.2: "eine ggf. notwendige Vertretung ist sicherzustellen" (none for a spontaneous walk). */
  readonly substituteId?: StaffId;
  /** seed 002 §2.1: a Walk and Talk started on the spot while the customer was in the office. */
  readonly spontaneous?: true;
  /** seed 002 §§2.2, 3.2: "die zuständige Führungskraft ist einzubeziehen" — the team leads informed. */
  readonly teamLeadIds: readonly StaffId[];
  readonly walk?: WalkAndTalkPlan;
  readonly accompaniment?: AccompanimentPlan;
  readonly status: 'geplant' | 'abgesagt' | 'abgeschlossen';
  /** seed 002 §4.2: "die Möglichkeit einer Terminabsage": the customer cancelled; nothing is held against them. */
  readonly cancelled?: { readonly at: string; readonly by: StaffId };
  readonly result?: VoluntaryResult;
  readonly version: number;
}

/** A talk took place (fully or ended early): it counts as a personal contact for contact density (seed 003). */
export const talkTookPlace = (outcome: VoluntaryOutcome): boolean => outcome === 'stattgefunden' || outcome === 'vorzeitig-beendet';
