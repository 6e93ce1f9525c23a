import type { Customer } from './customer.js';
import { hasRole, type Directory, type StaffId } from './staff.js';
import type { U25Form, U25OutreachCase, U25TargetGroup } from './u25-case.js';

export interface HandoverRequest {
  readonly handoverTalkHeld: boolean;
  readonly form?: U25Form;
  readonly targetGroup?: U25TargetGroup;
  /** The aB-pAp chosen; none: the one with fewer active cases. */
  readonly abPapId?: StaffId;
}

export type HandoverRefusal = 'nicht-u25' | 'bereits-in-aktivierung' | 'uebergabegespraech-fehlt' | 'form-fehlt' | 'zielgruppe-fehlt' | 'ab-pap-unbekannt' | 'kein-ab-pap';

// seed 001: when no aB-pAp is named, the one with fewer active cases takes it ("beide pAp werden je die Hälfte übernehmen").
export function pickAbPap(directory: Directory, activeCases: readonly Pick<U25OutreachCase, 'abPapId' | 'status'>[]): StaffId | undefined {
  const load = (id: StaffId) => activeCases.filter((c) => c.status === 'aktiv' && c.abPapId === id).length;
  const candidates = directory.staff.filter((s) => hasRole(s, 'ABU25'));
  return candidates.reduce<StaffId | undefined>((best, s) => (best === undefined || load(s.id) < load(best) ? s.id : best), undefined);
}

/**
 * seed 001 "Umsetzung/Ablauf/Überstellung": an under-25 customer only; "vor der Übergabe erfolgt grundsätzlich ein
 * Gespräch zwischen pAp und aB-pAp"; then the form and the target group; one activation at a time.
 */
export function decideHandover(
  customer: Customer,
  openCase: U25OutreachCase | undefined,
  request: HandoverRequest,
  directory: Directory,
  activeCases: readonly U25OutreachCase[]
): { ok: true; form: U25Form; targetGroup: U25TargetGroup; abPapId: StaffId } | { ok: false; reason: HandoverRefusal } {
  const no = (reason: HandoverRefusal) => ({ ok: false as const, reason });
  if (customer.group !== 'u25') return no('nicht-u25');
  if (openCase) return no('bereits-in-aktivierung');
  if (!request.handoverTalkHeld) return no('uebergabegespraech-fehlt');
  if (!request.form) return no('form-fehlt');
  if (!request.targetGroup) return no('zielgruppe-fehlt');
  if (request.abPapId !== undefined) {
    const chosen = directory.staff.find((s) => s.id === request.abPapId);
    if (!chosen || !hasRole(chosen, 'ABU25')) return no('ab-pap-unbekannt');
    return { ok: true, form: request.form, targetGroup: request.targetGroup, abPapId: chosen.id };
  }
  const picked = pickAbPap(directory, activeCases);
  return picked ? { ok: true, form: request.form, targetGroup: request.targetGroup, abPapId: picked } : no('kein-ab-pap');
}
