import { berlinDate, berlinMinutesOfDay } from './berlin-time.js';
import { countingAttempts, type AttemptKind, type ContactAttempt } from './contact-attempt.js';
import type { Customer } from './customer.js';

/**
 * seed 000 §2: before AB may be engaged, in this order:
 *   invitation without RFB → no-show (skipped for long-term unemployed under-25s: their first invitation carries the RFB),
 *   invitation with RFB → no-show,
 *   then two documented phone calls on different days and at different times of day.
 */
export const PREREQUISITE_ITEMS = [
  'einladung-ohne-rfb',
  'nicht-erschienen-ohne-rfb',
  'einladung-mit-rfb',
  'nicht-erschienen-mit-rfb',
  'erster-anruf',
  'zweiter-anruf'
] as const;
export type PrerequisiteItem = (typeof PREREQUISITE_ITEMS)[number];

/** Why the second call does not count yet. */
export type SecondCallGap = 'anderer-tag' | 'andere-uhrzeit' | 'anderer-tag-und-uhrzeit';

export interface ChecklistEntry {
  readonly item: PrerequisiteItem;
  readonly status: 'erfuellt' | 'fehlt' | 'entfaellt';
  /** When it happened (ISO instant), for met items. */
  readonly at?: string;
  /** For a missing second call: what the recorded calls lack. */
  readonly gap?: SecondCallGap;
}

export interface PrerequisiteCheck {
  readonly ok: boolean;
  readonly checklist: readonly ChecklistEntry[];
}

export interface CallRule {
  /** "different times of day": the clock times of the two calls lie at least this far apart (policy). */
  readonly minMinutesBetweenCallTimes: number;
}

/** seed 000 §2 exception: long-term unemployed under-25s are invited with RFB from the first invitation. */
export function firstInvitationCarriesRfb(customer: Pick<Customer, 'group' | 'longTermUnemployed'>): boolean {
  return customer.group === 'u25' && customer.longTermUnemployed;
}

const byTime = (a: ContactAttempt, b: ContactAttempt) => a.at.localeCompare(b.at);

function firstAfter(attempts: readonly ContactAttempt[], kind: AttemptKind, notBefore: string): ContactAttempt | undefined {
  return attempts.find((a) => a.kind === kind && a.at >= notBefore);
}

/** An invitation of `kind` at or after `notBefore`, and the customer's no-show after it. */
function invitationAndNoShow(attempts: readonly ContactAttempt[], kind: AttemptKind, notBefore: string) {
  const invitation = firstAfter(attempts, kind, notBefore);
  const noShow = invitation ? firstAfter(attempts, 'nicht-erschienen', invitation.at) : undefined;
  return { invitation, noShow };
}

function callPair(calls: readonly ContactAttempt[], rule: CallRule): { pair?: [ContactAttempt, ContactAttempt]; gap?: SecondCallGap } {
  let anyOtherDay = false;
  let anyOtherTime = false;
  for (let i = 0; i < calls.length; i++) {
    for (let j = i + 1; j < calls.length; j++) {
      const a = new Date(calls[i]!.at);
      const b = new Date(calls[j]!.at);
      const otherDay = berlinDate(a) !== berlinDate(b);
      const otherTime = Math.abs(berlinMinutesOfDay(a) - berlinMinutesOfDay(b)) >= rule.minMinutesBetweenCallTimes;
      if (otherDay && otherTime) return { pair: [calls[i]!, calls[j]!] };
      anyOtherDay ||= otherDay;
      anyOtherTime ||= otherTime;
    }
  }
  if (anyOtherDay && anyOtherTime) return { gap: 'anderer-tag-und-uhrzeit' };
  if (anyOtherDay) return { gap: 'andere-uhrzeit' };
  if (anyOtherTime) return { gap: 'anderer-tag' };
  return { gap: 'anderer-tag-und-uhrzeit' };
}

export function checkAbPrerequisites(customer: Customer, rule: CallRule): PrerequisiteCheck {
  // A withdrawn attempt (a slip its recorder took back) counts for nothing.
  const attempts = countingAttempts(customer.attempts).sort(byTime);
  const checklist: ChecklistEntry[] = [];
  const entry = (item: PrerequisiteItem, found?: ContactAttempt): ChecklistEntry =>
    found ? { item, status: 'erfuellt', at: found.at } : { item, status: 'fehlt' };

  let cursor = '';
  if (firstInvitationCarriesRfb(customer)) {
    checklist.push({ item: 'einladung-ohne-rfb', status: 'entfaellt' }, { item: 'nicht-erschienen-ohne-rfb', status: 'entfaellt' });
  } else {
    const first = invitationAndNoShow(attempts, 'einladung', cursor);
    checklist.push(entry('einladung-ohne-rfb', first.invitation), entry('nicht-erschienen-ohne-rfb', first.noShow));
    // Without the first no-show the sequence cannot go on: later steps must follow it.
    cursor = first.noShow?.at ?? '\uffff';
  }

  const second = invitationAndNoShow(attempts, 'einladung-rfb', cursor);
  checklist.push(entry('einladung-mit-rfb', second.invitation), entry('nicht-erschienen-mit-rfb', second.noShow));
  cursor = second.noShow?.at ?? '\uffff';

  // Calls count only after the no-show to the invitation with RFB.
  const calls = attempts.filter((a) => a.kind === 'anruf' && a.at >= cursor);
  checklist.push(entry('erster-anruf', calls[0]));
  if (calls.length < 2) {
    checklist.push({ item: 'zweiter-anruf', status: 'fehlt' });
  } else {
    const { pair, gap } = callPair(calls, rule);
    checklist.push(pair ? { item: 'zweiter-anruf', status: 'erfuellt', at: pair[1].at } : { item: 'zweiter-anruf', status: 'fehlt', gap });
  }

  return { ok: checklist.every((e) => e.status !== 'fehlt'), checklist };
}
