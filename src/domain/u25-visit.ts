import type { StaffId } from './staff.js';

export type VisitPlanRefusal = 'zweite-person-fehlt' | 'zweite-person-unbekannt' | 'begruendung-zu-lang';

// seed 001: "die Sicherheit der Mitarbeiterinnen steht immer an erster Stelle, so dass i.d.R. ein Besuch zu zweit durchgeführt wird" — alone only with a recorded reason.
export function decideVisitPlan(
  request: { secondPersonId?: StaffId; aloneReason?: string },
  planner: StaffId,
  isKnownStaff: (id: StaffId) => boolean,
  maxReasonLength: number
): { ok: true; secondPersonId?: StaffId; aloneReason?: string } | { ok: false; reason: VisitPlanRefusal } {
  if (request.secondPersonId !== undefined) {
    if (request.secondPersonId === planner || !isKnownStaff(request.secondPersonId)) return { ok: false, reason: 'zweite-person-unbekannt' };
    return { ok: true, secondPersonId: request.secondPersonId };
  }
  const reason = (request.aloneReason ?? '').trim();
  if (!reason) return { ok: false, reason: 'zweite-person-fehlt' };
  if (reason.length > maxReasonLength) return { ok: false, reason: 'begruendung-zu-lang' };
  return { ok: true, aloneReason: reason };
}
