import type { MissedAppointmentCase } from './missed-appointment.js';
import type { StaffId } from './staff.js';

/**
 * seed 000 §3: the same-day callback clears the reasons for the Meldeversäumnis, and afterwards the IFK books a
 * personal appointment with the HB. The seed is silent on a customer who does not answer. Decided (issue 16):
 * - `erneut`: the callback goes back to the team, open to be taken again the same day, the failed try counted and
 *   shown on the card (a callback is "taggleich": the team keeps trying within the day's window);
 * - `hb-termin`: no further try; the HB (or the substitute) gets the task to invite the customer to a personal
 *   appointment, which is where seed 000 §3 leads after a callback anyway.
 */
export const UNREACHED_NEXT = ['erneut', 'hb-termin'] as const;
export type UnreachedNext = (typeof UNREACHED_NEXT)[number];

export type UnreachedRefusal = 'nur-bei-rueckruf' | 'nicht-ihr-gespraech' | 'gespraech-bereits-erfasst' | 'veraltet';

export function decideUnreached(
  missed: MissedAppointmentCase,
  actor: StaffId,
  version: number,
  next: UnreachedNext,
  now: Date
): { ok: true; missed: MissedAppointmentCase } | { ok: false; reason: UnreachedRefusal } {
  if (missed.kind !== 'rueckruf') return { ok: false, reason: 'nur-bei-rueckruf' };
  if (missed.status === 'erledigt') return { ok: false, reason: 'gespraech-bereits-erfasst' };
  if (missed.status !== 'uebernommen' || missed.claimedBy !== actor) return { ok: false, reason: 'nicht-ihr-gespraech' };
  if (missed.version !== version) return { ok: false, reason: 'veraltet' };
  const unreached = [...(missed.unreached ?? []), { by: actor, at: now.toISOString() }];
  const { claimedBy: _claimedBy, claimedAt: _claimedAt, ...unclaimed } = missed;
  return next === 'erneut'
    ? { ok: true, missed: { ...unclaimed, status: 'offen', unreached, version: missed.version + 1 } }
    : { ok: true, missed: { ...missed, status: 'erledigt', unreached, version: missed.version + 1 } };
}
