import type { PaymentStop } from '../domain/missed-appointment.js';
import type { StaffId } from '../domain/staff.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/**
 * seed 000 §2: if the customer again does not come, the IFK may initiate a provisional payment stop. The bot only
 * records that it was initiated (the stop itself happens in the benefits system), so that the talk after a
 * Meldeversäumnis can trigger lifting it.
 */
export function recordPaymentStop(deps: Deps, actorId: StaffId, kdnr: string): Promise<{ ok: true; stop: PaymentStop } | Refused> {
  return audited(deps, actorId, 'zahlungseinstellung.erfassen', (decision) => record(deps, decision, actorId, kdnr));
}

async function record(deps: Deps, decision: Decision, actorId: StaffId, kdnr: string): Promise<{ ok: true; stop: PaymentStop } | Refused> {
  const access = await customerFor(deps, decision, actorId, kdnr, 'zahlungseinstellung.erfassen');
  if (!access.ok) return access;
  const existing = await deps.store.getPaymentStop(access.customer.kdnr);
  if (existing && !existing.liftRequestedAt) return refused('zahlungseinstellung-besteht');
  const stop: PaymentStop = { kdnr: access.customer.kdnr, recordedBy: actorId, recordedAt: deps.clock.now().toISOString(), version: (existing?.version ?? 0) + 1 };
  const committed = await decision.commit({ paymentStops: [stop] });
  return committed.ok ? { ok: true, stop } : refused('veraltet');
}
