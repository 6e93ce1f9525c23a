import type { LocalDate } from './berlin-time.js';
import { addInterval } from './contact-density.js';
import { effectivePhaseEnd, type U25OutreachCase } from './u25-case.js';

export interface ActivationPhaseRule {
  /** seed 001: "die Aktivierungsphase soll in der Regel 6 Monate nicht überschreiten". */
  readonly maxActivationMonths: number;
  /** How long before the end the aB-pAp is reminded (issue 14: one month). */
  readonly remindMonthsBefore: number;
}

// seed 001: activation phase at most 6 months (policy u25Outreach.maxActivationMonths)
export function activationPhaseEnd(start: LocalDate, rule: ActivationPhaseRule): LocalDate {
  return addInterval(start, { months: rule.maxActivationMonths });
}

/** The day of the early reminder for a phase ending on `end`: the same day `remindMonthsBefore` months earlier. */
export function earlyReminderDay(end: LocalDate, rule: ActivationPhaseRule): LocalDate {
  return addInterval(end, { months: -rule.remindMonthsBefore });
}

export type ReminderStage = 'vorwarnung' | 'ende';

/**
 * seed 001 / issue 14: the aB-pAp is reminded one month before the phase ends and when it is reached. An extension
 * moves the end, so nothing is due for an extended phase until the month before its new end. Only the Fallübergabe
 * has an activation phase; an Einzelauftrag is a single job. Returns the stage due today (with the end it refers to).
 */
export function reminderDue(c: U25OutreachCase, today: LocalDate, rule: ActivationPhaseRule): { stage: ReminderStage; end: LocalDate } | undefined {
  if (c.status !== 'aktiv' || c.form !== 'falluebergabe') return undefined;
  const end = effectivePhaseEnd(c);
  if (today >= end) return { stage: 'ende', end };
  if (today >= earlyReminderDay(end, rule)) return { stage: 'vorwarnung', end };
  return undefined;
}

export type ExtensionRefusal = 'begruendung-fehlt' | 'begruendung-zu-lang' | 'verlaengerung-nicht-spaeter' | 'fall-abgeschlossen';

// seed 001: "Ausnahmen sind möglich" — an extension needs a reason and a new end after the current one.
export function decideExtension(c: U25OutreachCase, until: LocalDate, reason: string, maxReasonLength: number): { ok: true; reason: string } | { ok: false; reason: ExtensionRefusal } {
  if (c.status !== 'aktiv') return { ok: false, reason: 'fall-abgeschlossen' };
  const trimmed = reason.trim();
  if (!trimmed) return { ok: false, reason: 'begruendung-fehlt' };
  if (trimmed.length > maxReasonLength) return { ok: false, reason: 'begruendung-zu-lang' };
  if (until <= effectivePhaseEnd(c)) return { ok: false, reason: 'verlaengerung-nicht-spaeter' };
  return { ok: true, reason: trimmed };
}
