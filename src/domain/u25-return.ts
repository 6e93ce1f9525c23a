import { atBerlin, type LocalDate, type LocalTime } from './berlin-time.js';
import type { U25OutreachCase } from './u25-case.js';

export type ReturnRefusal = 'fall-abgeschlossen' | 'gemeinsames-gespraech-fehlt' | 'gemeinsames-gespraech-ausstehend' | 'begruendung-fehlt' | 'begruendung-zu-lang' | 'termin-vergangen';

// seed 001: "nachdem der Kunde aktiviert wurde, findet ein gemeinsames Gespräch mit aB-pAp, pAp und dem Kunden statt" — arranged for a time ahead.
export function decideJointTalk(c: U25OutreachCase, date: LocalDate, time: LocalTime, now: Date): { ok: true } | { ok: false; reason: ReturnRefusal } {
  if (c.status !== 'aktiv') return { ok: false, reason: 'fall-abgeschlossen' };
  if (atBerlin(date, time).getTime() <= now.getTime()) return { ok: false, reason: 'termin-vergangen' };
  return { ok: true };
}

/**
 * seed 001: the return to the pAp. After activation only once the joint talk has taken place (its time has passed);
 * early, "für den Fall, dass eine Mitwirkung nicht herstellbar ist", with a recorded reason (the seed leaves the
 * criteria open: the bot records the reason and decides nothing). An Einzelauftrag moved nobody and simply ends.
 */
export function decideReturn(
  c: U25OutreachCase,
  request: { early: boolean; reason?: string },
  now: Date,
  maxReasonLength: number
): { ok: true; result: 'aktiviert' | 'vorzeitig' | 'erledigt'; reason?: string } | { ok: false; reason: ReturnRefusal } {
  if (c.status !== 'aktiv') return { ok: false, reason: 'fall-abgeschlossen' };
  if (request.early) {
    const reason = (request.reason ?? '').trim();
    if (!reason) return { ok: false, reason: 'begruendung-fehlt' };
    if (reason.length > maxReasonLength) return { ok: false, reason: 'begruendung-zu-lang' };
    return { ok: true, result: 'vorzeitig', reason };
  }
  if (c.form === 'einzelauftrag') return { ok: true, result: 'erledigt' };
  if (!c.jointTalk) return { ok: false, reason: 'gemeinsames-gespraech-fehlt' };
  if (atBerlin(c.jointTalk.date, c.jointTalk.time).getTime() > now.getTime()) return { ok: false, reason: 'gemeinsames-gespraech-ausstehend' };
  return { ok: true, result: 'aktiviert' };
}
