import { atBerlin, type LocalDate, type LocalTime } from './berlin-time.js';
import type { MissedAppointmentCase, TalkResult } from './missed-appointment.js';
import type { StaffId } from './staff.js';
import type { WorkingCalendar } from './working-days.js';

export interface TalkInput {
  readonly reasonsCleared: boolean;
  readonly motivated: boolean;
  readonly verbisNoteWritten: boolean;
  readonly followUp?: { readonly date: LocalDate; readonly time: LocalTime };
}

export interface FollowUpRule {
  readonly officeStart: LocalTime;
  readonly endOfService: (date: LocalDate) => LocalTime;
  /** seed 000 §3: the follow-up appointment with the HB lasts one hour. */
  readonly durationMinutes: number;
}

export type TalkRefusal =
  | 'nicht-uebernommen'
  | 'nicht-ihr-gespraech'
  | 'gespraech-bereits-erfasst'
  | 'verbis-vermerk-fehlt'
  | 'folgetermin-fehlt'
  | 'folgetermin-vergangen'
  | 'folgetermin-kein-arbeitstag'
  | 'folgetermin-ausserhalb-dienstzeit';

export type TalkDecision = { ok: true; result: TalkResult } | { ok: false; reason: TalkRefusal };

/**
 * seed 000 §3: the one who held the talk (or the callback) records reasons, motivation and the Verbis note; after an
 * AB talk also the 1-hour follow-up with the HB, arranged before the customer leaves the house.
 */
export function decideTalkResult(c: MissedAppointmentCase, input: TalkInput, actor: StaffId, now: Date, rule: FollowUpRule, calendar: WorkingCalendar): TalkDecision {
  if (c.status === 'erledigt') return { ok: false, reason: 'gespraech-bereits-erfasst' };
  if (c.status !== 'uebernommen') return { ok: false, reason: 'nicht-uebernommen' };
  if (c.claimedBy !== actor) return { ok: false, reason: 'nicht-ihr-gespraech' };
  if (!input.verbisNoteWritten) return { ok: false, reason: 'verbis-vermerk-fehlt' };
  let followUp: TalkResult['followUp'];
  if (c.kind === 'ab-gespraech') {
    if (!input.followUp) return { ok: false, reason: 'folgetermin-fehlt' };
    const { date, time } = input.followUp;
    const start = atBerlin(date, time);
    if (start.getTime() <= now.getTime()) return { ok: false, reason: 'folgetermin-vergangen' };
    if (!calendar.isWorkingDay(date)) return { ok: false, reason: 'folgetermin-kein-arbeitstag' };
    if (time < rule.officeStart || time > latestFollowUpStart(rule, date)) return { ok: false, reason: 'folgetermin-ausserhalb-dienstzeit' };
    followUp = { date, time };
  }
  return {
    ok: true,
    result: { reasonsCleared: input.reasonsCleared, motivated: input.motivated, verbisNoteWritten: true, followUp, recordedBy: actor, recordedAt: now.toISOString() }
  };
}

/** seed 000 §3: the 1-hour follow-up must end by end of service on its own day; the last time it may start. */
export function latestFollowUpStart(rule: FollowUpRule, date: LocalDate): LocalTime {
  const [h, m] = rule.endOfService(date).split(':').map(Number) as [number, number];
  const minutes = Math.max(0, h * 60 + m - rule.durationMinutes);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
