import { atBerlin, shiftDate, type LocalDate, type LocalTime } from './berlin-time.js';
import { countingAttempts, type ContactAttempt } from './contact-attempt.js';
import { mayUseAction } from './authorization.js';
import type { StaffId, StaffMember } from './staff.js';
import { THIRD_PARTY_KINDS, type AccompanimentPlan, type ThirdPartyKind, type VoluntaryApproach, type WalkAndTalkPlan } from './voluntary-case.js';

export interface HomeVisitRule {
  readonly minFailedCalls: number;
  readonly noticeWeeks: { readonly from: number; readonly to: number };
  readonly reminderWeeks: { readonly from: number; readonly to: number };
}

export type VoluntaryPlanRefusal =
  | 'ansatz-nicht-angeboten'
  | 'termin-vergangen'
  | 'anrufversuche-fehlen'
  | 'ankuendigung-zu-knapp'
  | 'zweite-person-fehlt'
  | 'zweite-person-unbekannt'
  | 'begruendung-zu-lang'
  | 'vertretung-fehlt'
  | 'vertretung-unbekannt'
  | 'treffpunkt-fehlt'
  | 'erreichbarkeit-fehlt'
  | 'zeitpuffer-fehlt'
  | 'dritter-fehlt'
  | 'einverstaendnis-begleitung-fehlt'
  | 'nur-walk-and-talk-spontan';

export interface VoluntaryPlanRequest {
  readonly approach: VoluntaryApproach;
  readonly date: LocalDate;
  readonly time: LocalTime;
  readonly secondPersonId?: StaffId;
  readonly aloneReason?: string;
  readonly substituteId?: StaffId;
  /** Walk and Talk: the three agreements of seed 002 §2.2 as ticked on the planning card. */
  readonly meetingPointAgreed?: boolean;
  readonly reachabilityAgreed?: boolean;
  readonly bufferPlanned?: boolean;
  /** Begleitung zu Dritten (seed 002 §3.2). */
  readonly thirdParty?: string;
  readonly accompanimentConsent?: boolean;
  readonly joinTalkConsent?: boolean;
}

export interface VoluntaryPlanFacts {
  readonly offered: readonly VoluntaryApproach[];
  readonly planner: StaffId;
  readonly attempts: readonly ContactAttempt[];
  readonly isKnownStaff: (id: StaffId) => boolean;
  readonly now: Date;
  readonly rule: HomeVisitRule;
  readonly maxReasonLength: number;
}

export interface VoluntaryPlan {
  readonly secondPersonId?: StaffId;
  readonly aloneReason?: string;
  readonly substituteId: StaffId;
  readonly walk?: WalkAndTalkPlan;
  readonly accompaniment?: AccompanimentPlan;
}

export type PlanDecision = ({ ok: true } & VoluntaryPlan) | { ok: false; reason: VoluntaryPlanRefusal };

const no = (reason: VoluntaryPlanRefusal): PlanDecision => ({ ok: false, reason });

/** Who may go out on a voluntary appointment as second person or substitute: whoever may record its result or cancellation. */
export const mayGoOut = (s: StaffMember): boolean => mayUseAction(s, 'freiwillig.bearbeiten');

/** seed 002 §4.2: "nach mehreren telefonischen vergeblichen Anrufversuchen" — the documented calls that reached no one. */
export const failedCalls = (attempts: readonly ContactAttempt[]): number => countingAttempts(attempts).filter((a) => a.kind === 'anruf').length;

/** Whole days from today's date to the visit's date. */
const daysAhead = (today: LocalDate, date: LocalDate) => Math.round((atBerlin(date, '12:00').getTime() - atBerlin(today, '12:00').getTime()) / 86_400_000);

/** Decide whether an appointment of a voluntary approach may be planned as requested. */
export function decideVoluntaryPlan(request: VoluntaryPlanRequest, facts: VoluntaryPlanFacts, today: LocalDate): PlanDecision {
  // A Jobcenter switches on in its policy which approaches it offers (seed 000 keeps only the unannounced visit).
  if (!facts.offered.includes(request.approach)) return no('ansatz-nicht-angeboten');
  if (atBerlin(request.date, request.time).getTime() <= facts.now.getTime()) return no('termin-vergangen');
  let staffing: { secondPersonId?: StaffId; aloneReason?: string } = {};
  if (request.approach === 'hausbesuch') {
    if (failedCalls(facts.attempts) < facts.rule.minFailedCalls) return no('anrufversuche-fehlen');
    // seed 002 §4.2: the notice goes out 3–4 weeks before; a visit nearer than the window's end cannot be announced in time.
    if (daysAhead(today, request.date) < facts.rule.noticeWeeks.to * 7) return no('ankuendigung-zu-knapp');
    const two = twoStaff(request, facts);
    if (!two.ok) return two;
    staffing = two;
  }
  // seed 002 §§2.2, 3.2: a substitute is arranged for every voluntary appointment.
  if (!request.substituteId) return no('vertretung-fehlt');
  if (request.substituteId === facts.planner || !facts.isKnownStaff(request.substituteId)) return no('vertretung-unbekannt');
  const base = { ...staffing, substituteId: request.substituteId };
  if (request.approach === 'walk-and-talk') {
    // seed 002 §2.2: a meeting point chosen or agreed with the customer, mutual reachability for short-notice changes, a time buffer.
    if (!request.meetingPointAgreed) return no('treffpunkt-fehlt');
    if (!request.reachabilityAgreed) return no('erreichbarkeit-fehlt');
    if (!request.bufferPlanned) return no('zeitpuffer-fehlt');
    return { ok: true, ...base, walk: { meetingPointAgreed: true, reachabilityAgreed: true, bufferPlanned: true } };
  }
  if (request.approach === 'begleitung') {
    // seed 002 §3.1/3.2: the kind of third party from the list; the customer's explicit consent to the accompaniment.
    if (!isThirdPartyKind(request.thirdParty)) return no('dritter-fehlt');
    if (!request.accompanimentConsent) return no('einverstaendnis-begleitung-fehlt');
    return { ok: true, ...base, accompaniment: { thirdParty: request.thirdParty, accompanimentConsent: true, joinTalkConsent: request.joinTalkConsent === true } };
  }
  return { ok: true, ...base };
}

const isThirdPartyKind = (kind: string | undefined): kind is ThirdPartyKind => (THIRD_PARTY_KINDS as readonly string[]).includes(kind ?? '');

// seed 002 §4.2: "in der Regel von zwei Mitarbeitenden" — alone only with a recorded reason.
function twoStaff(request: VoluntaryPlanRequest, facts: VoluntaryPlanFacts): { ok: true; secondPersonId?: StaffId; aloneReason?: string } | { ok: false; reason: VoluntaryPlanRefusal } {
  if (request.secondPersonId) {
    if (request.secondPersonId === facts.planner || !facts.isKnownStaff(request.secondPersonId)) return { ok: false, reason: 'zweite-person-unbekannt' };
    return { ok: true, secondPersonId: request.secondPersonId };
  }
  const reason = (request.aloneReason ?? '').trim();
  if (!reason) return { ok: false, reason: 'zweite-person-fehlt' };
  if (reason.length > facts.maxReasonLength) return { ok: false, reason: 'begruendung-zu-lang' };
  return { ok: true, aloneReason: reason };
}

export interface LetterWindow {
  readonly dueFrom: LocalDate;
  readonly dueTo: LocalDate;
}

/**
 * seed 002 §4.2: the written notice 4→3 weeks before the visit, the written reminder 2→1 weeks before. A window that
 * opened before the planning day opens on the planning day.
 */
export function letterWindows(visitDate: LocalDate, today: LocalDate, rule: HomeVisitRule): { notice: LetterWindow; reminder: LetterWindow } {
  const window = (weeks: { from: number; to: number }): LetterWindow => {
    const from = shiftDate(visitDate, -7 * weeks.from);
    return { dueFrom: from < today ? today : from, dueTo: shiftDate(visitDate, -7 * weeks.to) };
  };
  return { notice: window(rule.noticeWeeks), reminder: window(rule.reminderWeeks) };
}

/** A letter task's state on a day: not yet due, due (window open) or overdue (window closed). */
export function letterState(window: LetterWindow, today: LocalDate): 'spaeter' | 'faellig' | 'ueberfaellig' {
  if (today < window.dueFrom) return 'spaeter';
  return today > window.dueTo ? 'ueberfaellig' : 'faellig';
}

/**
 * seed 002 §2.1: Walk and Talk is "auch denkbar bei spontanen Ideen zum Walk and Talk, wenn die Kundin oder der Kunde
 * im Büro ist". It starts now from the office: the customer agreed on the spot, the two are together (nothing to arrange
 * for reachability), and a substitute is needed only "ggf." (§2.2); the team lead is still informed. Only Walk and Talk
 * can be spontaneous: a Hausbesuch is announced weeks ahead, a Begleitung coordinated with the third party (§§3.2, 4.2).
 */
export function decideSpontaneous(approach: VoluntaryApproach, offered: readonly VoluntaryApproach[]): { ok: true } | { ok: false; reason: VoluntaryPlanRefusal } {
  if (approach !== 'walk-and-talk') return { ok: false, reason: 'nur-walk-and-talk-spontan' };
  if (!offered.includes(approach)) return { ok: false, reason: 'ansatz-nicht-angeboten' };
  return { ok: true };
}
