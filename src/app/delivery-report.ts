import type { DeliveryState } from '../ports.js';
import type { StaffId } from '../domain/staff.js';
import { actorFor } from './access.js';
import type { Deps } from './deps.js';
import type { Refused } from './outcome.js';

export interface DeliveryReport {
  readonly ok: true;
  readonly counts: Record<DeliveryState['status'], number>;
  /** The latest errors: when, what Teams said. No recipient, no customer data. */
  readonly lastErrors: ReadonlyArray<{ at: string; error: string; status: DeliveryState['status'] }>;
}

/** `/zustellung`: for ADMIN, how delivery goes. */
export async function deliveryReport(deps: Deps, actorId: StaffId): Promise<DeliveryReport | Refused> {
  const who = actorFor(deps, actorId, 'zustellung.lesen');
  if (!who.ok) return who;
  const all = await deps.store.allDeliveries();
  const counts: Record<DeliveryState['status'], number> = { pending: 0, sending: 0, sent: 0, dead: 0, unsicher: 0, entfallen: 0 };
  for (const d of all) if (d.status !== 'pending') counts[d.status]++;
  // Pending includes notifications never attempted, which have no delivery record yet.
  counts.pending = (await deps.store.dueNotifications(new Date(8.64e15), Number.MAX_SAFE_INTEGER)).length;
  const lastErrors = all
    .filter((d) => d.lastError && d.lastAttemptAt)
    .sort((a, b) => b.lastAttemptAt!.localeCompare(a.lastAttemptAt!))
    .slice(0, 10)
    .map((d) => ({ at: d.lastAttemptAt!, error: d.lastError!, status: d.status }));
  return { ok: true, counts, lastErrors };
}
