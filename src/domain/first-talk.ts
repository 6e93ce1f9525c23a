import { isoWeekday, shiftDate, type LocalDate } from './berlin-time.js';
import type { WorkingCalendar } from './working-days.js';

/** seed 004 Anlage 2, "Mindestinhalte, die im Rahmen des Erstgespräches abgedeckt werden sollen". */
export const FIRST_TALK_ITEMS = ['rechte-pflichten', 'eingliederungsvereinbarung', 'beratungsvermerk', 'jobboerse-login', 'antragsunterlagen'] as const;
export type FirstTalkItem = (typeof FIRST_TALK_ITEMS)[number];

/** seed 004 Sofortmaßnahmen: Orientierungscenter or S+K Check; or none, with the reason. */
export const MEASURE_KINDS = ['orientierungscenter', 'sk-check'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export type Measure =
  | { readonly kind: MeasureKind; readonly start: LocalDate; readonly end: LocalDate }
  | { readonly kind: 'keine'; readonly reason: string };

export interface MeasureRule {
  readonly orientierungscenter: { readonly weeks: number };
  readonly skCheck: { readonly weeks: number; readonly startWeekday: number };
}

export interface FollowUpWindow {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export type MeasureInput = { readonly kind: MeasureKind; readonly start?: LocalDate } | { readonly kind: 'keine'; readonly reason?: string };

export type MeasureRefusal = 'checkliste-unvollstaendig' | 'massnahme-beginn-fehlt' | 'massnahme-beginn-vergangen' | 'massnahme-kein-arbeitstag' | 'sk-check-nicht-montag' | 'massnahme-begruendung-fehlt' | 'massnahme-begruendung-zu-lang';

// seed 004 Anlage 2: every minimum content is covered before the talk counts as done.
export function missingItems(ticked: readonly FirstTalkItem[]): FirstTalkItem[] {
  return FIRST_TALK_ITEMS.filter((item) => !ticked.includes(item));
}

/**
 * seed 004 Sofortmaßnahmen: the assignment is to a fixed day (the binding start day in the Eingliederungsvereinbarung);
 * the Orientierungscenter lasts one week, the S+K Check two weeks with its first appointment on a Monday. The measure
 * ends on the last day of its weeks.
 */
export function decideMeasure(input: MeasureInput, today: LocalDate, calendar: WorkingCalendar, rule: MeasureRule, reasonMaxLength: number): { ok: true; measure: Measure } | { ok: false; reason: MeasureRefusal } {
  if (input.kind === 'keine') {
    const reason = (input.reason ?? '').trim();
    if (!reason) return { ok: false, reason: 'massnahme-begruendung-fehlt' };
    if (reason.length > reasonMaxLength) return { ok: false, reason: 'massnahme-begruendung-zu-lang' };
    return { ok: true, measure: { kind: 'keine', reason } };
  }
  const start = input.start;
  if (!start) return { ok: false, reason: 'massnahme-beginn-fehlt' };
  if (start < today) return { ok: false, reason: 'massnahme-beginn-vergangen' };
  // seed 004 S+K Check: "so zugewiesen, dass montags der erste Termin stattfindet"
  if (input.kind === 'sk-check' && isoWeekday(start) !== rule.skCheck.startWeekday) return { ok: false, reason: 'sk-check-nicht-montag' };
  if (!calendar.isWorkingDay(start)) return { ok: false, reason: 'massnahme-kein-arbeitstag' };
  const weeks = input.kind === 'sk-check' ? rule.skCheck.weeks : rule.orientierungscenter.weeks;
  return { ok: true, measure: { kind: input.kind, start, end: shiftDate(start, weeks * 7 - 1) } };
}

// seed 004 Nach erfolgtem Erstgespräch: the IFK's follow-up invitation 2–4 weeks after the end of the measure.
export function followUpWindow(measureEnd: LocalDate, weeks: { readonly from: number; readonly to: number }): FollowUpWindow {
  return { from: shiftDate(measureEnd, weeks.from * 7), to: shiftDate(measureEnd, weeks.to * 7) };
}

/** The start a first-talk card proposes: the next Monday for the S+K Check, the next working day otherwise. */
export function proposedStart(kind: MeasureKind, today: LocalDate, calendar: WorkingCalendar, rule: MeasureRule): LocalDate {
  let day = shiftDate(today, 1);
  while (!calendar.isWorkingDay(day) || (kind === 'sk-check' && isoWeekday(day) !== rule.skCheck.startWeekday)) day = shiftDate(day, 1);
  return day;
}
