import type { LocalDate } from './berlin-time.js';
import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';

/** The work items the bot hands out; each is shown as a card to its assignees. */
export const TASK_KINDS = [
  'ab-besuch',
  'ab-ergebnis',
  'gespraech-ab-hb',
  'hinweis-leistung',
  'meldeversaeumnis-ab',
  'rueckruf',
  'folgetermin-hb',
  'termin-beim-hb-buchen',
  'aufhebung-zahlungseinstellung',
  'zahlungseinstellung-hb',
  'erschienen-pruefen',
  'intensiv-aufnehmen',
  'intensiv-beenden',
  // seed 001 (U25 outreach): the aB-pAp's new case, the joint talk, the return's result and the sanction question for the pAp
  'u25-uebernahme',
  'u25-gespraech',
  'u25-rueckgabe',
  'u25-sanktion',
  'neukunde-amm',
  'neukunde-folgeeinladung',
  'neukunde-keine-massnahme',
  'bg-folgeeinladung',
  // seed 002 (voluntary outreach): the Hausbesuch's two letters for the planner, the appointment for the colleague, the TL and
  // substitute informed, a cancellation told, the outcome for the HB
  'freiwillig-ankuendigung',
  'freiwillig-erinnerung',
  'freiwillig-termin',
  'freiwillig-info',
  'freiwillig-abgesagt',
  'freiwillig-ergebnis'
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface Task {
  readonly id: string;
  readonly kind: TaskKind;
  readonly kdnr: CustomerNumber;
  readonly caseId: string;
  /** Anyone of them may complete it; for a pool (all AB of a district, the Leistungsabteilung) the first one does. */
  readonly assigneeIds: readonly StaffId[];
  readonly createdAt: string;
  readonly status: 'offen' | 'erledigt';
  /** A pool task someone claimed ("übernommen"): from then on it is theirs alone. */
  readonly claimedBy?: StaffId;
  readonly claimedAt?: string;
  /** Routed to a substitute or the TL for an absent HB (Vertretungsregelung). */
  readonly onBehalfOf?: StaffId;
  readonly completedBy?: StaffId;
  readonly completedAt?: string;
  /** A due window (seed 004: the follow-up invitation 2–4 weeks after the measure ends); none for unscheduled tasks. */
  readonly dueFrom?: LocalDate;
  readonly dueTo?: LocalDate;
  readonly version: number;
}

/** Tasks that close by a process step (a visit or talk result), not by a click ("Zur Kenntnis genommen"). */
export function closesByProcessStep(kind: TaskKind): boolean {
  return ['ab-besuch', 'meldeversaeumnis-ab', 'rueckruf', 'erschienen-pruefen', 'intensiv-aufnehmen', 'intensiv-beenden', 'u25-uebernahme', 'u25-gespraech', 'freiwillig-termin'].includes(kind);
}

/** Pool tasks go to several people; the first claim wins (seed 000 §3). */
export function isClaimable(kind: TaskKind): boolean {
  return kind === 'meldeversaeumnis-ab' || kind === 'rueckruf';
}
