import { berlinDate, type LocalDate } from './berlin-time.js';
import type { OutreachCase } from './outreach-case.js';
import type { StaffId } from './staff.js';

/** seed 000 §2: met at the door (invitation handed over) or not met (invitation and Kunden-Paket into the letterbox). */
export const VISIT_OUTCOMES = ['angetroffen', 'nicht-angetroffen'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export interface VisitResultInput {
  readonly outcome: VisitOutcome;
  /** On request of the customer (only when met). */
  readonly meetAndWalk: boolean;
  /** General information or low-threshold benefit questions (e.g. uploading documents), only when met. */
  readonly lowThresholdInfo: boolean;
  readonly verbisNoteWritten: boolean;
  /** Complex case: additionally a personal talk between AB and HB. */
  readonly complex: boolean;
  /** Important hints for the Leistungsabteilung were passed on per E-Akte. */
  readonly hintForBenefits: boolean;
  /** The appointment on the invitation that was handed over or left. */
  readonly appointmentDate: LocalDate;
}

export interface VisitResult extends VisitResultInput {
  readonly recordedBy: StaffId;
  readonly recordedAt: string;
}

export type VisitResultRefusal =
  | 'fall-bereits-erledigt'
  | 'verbis-vermerk-fehlt'
  | 'nur-bei-angetroffen'
  | 'termin-vor-besuch';

export type VisitResultDecision = { ok: true; result: VisitResult } | { ok: false; reason: VisitResultRefusal };

export function decideVisitResult(outreach: OutreachCase, input: VisitResultInput, actor: StaffId, now: Date): VisitResultDecision {
  if (outreach.status !== 'vorgemerkt') return { ok: false, reason: 'fall-bereits-erledigt' };
  // seed 000 §2: "Die AB erstellt im Anschluss einen Verbis Vermerk und informiert die IFK per Aufgabe" — the note comes first.
  if (!input.verbisNoteWritten) return { ok: false, reason: 'verbis-vermerk-fehlt' };
  if (input.outcome === 'nicht-angetroffen' && (input.meetAndWalk || input.lowThresholdInfo)) return { ok: false, reason: 'nur-bei-angetroffen' };
  if (input.appointmentDate < berlinDate(now)) return { ok: false, reason: 'termin-vor-besuch' };
  return { ok: true, result: { ...input, recordedBy: actor, recordedAt: now.toISOString() } };
}
