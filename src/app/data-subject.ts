import type { AuditEntry } from '../audit/audit-log.js';
import { customerNumberPattern } from '../config/policy.js';
import { parseCustomerNumber } from '../domain/customer-number.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/** Everything stored about one customer (GDPR Art. 15), including who accessed it (the audit log). */
export interface CustomerExport {
  readonly kdnr: string;
  readonly exportedAt: string;
  readonly customer: unknown;
  readonly outreachCases: unknown[];
  /** seed 001: the U25 variant of the outreach case. */
  readonly u25Cases: unknown[];
  /** seed 002: Hausbesuch, Walk and Talk, Begleitung zu Dritten. */
  readonly voluntaryCases: unknown[];
  readonly missedAppointments: unknown[];
  /** seed 004: the new customer's cases, booked appointments and places in a walk-in queue (with its day). */
  readonly newcomerCases: unknown[];
  readonly sofoSlots: unknown[];
  readonly walkInEntries: unknown[];
  readonly paymentStop: unknown;
  readonly tasks: unknown[];
  readonly notifications: unknown[];
  readonly audit: AuditEntry[];
}

async function recordsOf(deps: Deps, kdnr: string) {
  const tasks = await deps.store.tasksOfCustomer(kdnr);
  const taskIds = new Set(tasks.map((t) => t.id));
  const u25Cases = await deps.store.u25CasesOfCustomer(kdnr);
  const u25CaseIds = new Set(u25Cases.map((c) => c.id));
  // A task's cards, and the U25 phase reminders, which name the case. Queue cards, statements and the evaluation
  // name no customer: the queue card shows a Kundennummer only while the entry exists, which is erased below.
  const notifications = (await deps.store.allNotifications()).filter(
    (n) => (n.subject.kind === 'task' && taskIds.has(n.subject.taskId)) || (n.subject.kind === 'u25-reminder' && u25CaseIds.has(n.subject.caseId))
  );
  const queues = (await deps.store.allWalkInQueues()).filter((q) => q.entries.some((e) => e.kdnr === kdnr));
  return {
    customer: await deps.store.getCustomer(kdnr),
    outreachCases: await deps.store.casesOfCustomer(kdnr),
    u25Cases,
    voluntaryCases: await deps.store.voluntaryCasesOfCustomer(kdnr),
    missedAppointments: await deps.store.missedCasesOfCustomer(kdnr),
    paymentStop: await deps.store.getPaymentStop(kdnr),
    newcomerCases: await deps.store.newcomerCasesOfCustomer(kdnr),
    sofoSlots: await deps.store.sofoSlotsOfCustomer(kdnr),
    walkInEntries: queues.flatMap((q) => q.entries.filter((e) => e.kdnr === kdnr).map((e) => ({ date: q.date, ...e }))),
    tasks,
    notifications
  };
}

type Records = Awaited<ReturnType<typeof recordsOf>>;

/** The Eingangszone may have routed a customer of whom nothing else is stored: any record makes them known. */
const nothingStored = (r: Records) =>
  !r.customer && r.outreachCases.length + r.u25Cases.length + r.missedAppointments.length + r.newcomerCases.length + r.sofoSlots.length + r.walkInEntries.length === 0;

/** seed 004: the customer leaves every walk-in queue they are on; the counts stay. A concurrent click wins, then we retry. */
async function leaveQueues(deps: Deps, kdnr: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const queues = (await deps.store.allWalkInQueues()).filter((q) => q.entries.some((e) => e.kdnr === kdnr));
    if (queues.length === 0) return;
    await deps.store.commit({ walkInQueues: queues.map((q) => ({ ...q, entries: q.entries.filter((e) => e.kdnr !== kdnr), version: q.version + 1 })) });
  }
  throw new Error('Warteschlange konnte nicht bereinigt werden');
}

function canonical(deps: Deps, raw: string): { ok: true; kdnr: string } | Refused {
  const k = parseCustomerNumber(raw, customerNumberPattern(deps.policy));
  return k.ok ? { ok: true, kdnr: k.value } : refused('kdnr-format');
}

/** `npm run export -- <Kdnr>` */
export async function exportCustomer(deps: Deps, raw: string, by: string): Promise<({ ok: true } & CustomerExport) | Refused> {
  const k = canonical(deps, raw);
  if (!k.ok) return k;
  const r = await recordsOf(deps, k.kdnr);
  if (nothingStored(r)) return refused('kunde-unbekannt');
  await deps.audit.record({ actor: by, action: 'auskunft', kdnr: k.kdnr, outcome: 'ok' });
  const notifications = [];
  for (const n of r.notifications) notifications.push({ ...n, delivery: await deps.store.getDelivery(n.id) });
  return {
    ok: true,
    kdnr: k.kdnr,
    exportedAt: deps.clock.now().toISOString(),
    ...r,
    customer: r.customer ?? null,
    paymentStop: r.paymentStop ?? null,
    notifications,
    audit: (await deps.audit.read()).filter((e) => e.kdnr === k.kdnr)
  };
}

/**
 * `npm run erase -- <Kdnr>` (GDPR Art. 17): the customer, their cases (AB visits, U25, Meldeversäumnis, new customer),
 * booked appointments and places in a walk-in queue, tasks, notifications and delivery states, their payment stop. The
 * aB-pAp's expenses name no customer and stay. The bot keeps no conversation turn state, so there is nothing more. The
 * erasure itself is audited; the audit log is deleted by its own retention.
 */
export async function eraseCustomer(deps: Deps, raw: string, by: string): Promise<{ ok: true; kdnr: string; removed: number } | Refused> {
  const k = canonical(deps, raw);
  if (!k.ok) return k;
  const r = await recordsOf(deps, k.kdnr);
  if (nothingStored(r)) return refused('kunde-unbekannt');
  // Durable before the deletion it records.
  await deps.audit.record({ actor: by, action: 'loeschung.antrag', kdnr: k.kdnr, outcome: 'ok' });
  await deps.store.purge({
    cases: [...r.outreachCases, ...r.u25Cases, ...r.voluntaryCases].map((c) => c.id),
    missedCases: r.missedAppointments.map((m) => m.id),
    tasks: r.tasks.map((t) => t.id),
    notifications: r.notifications.map((n) => n.id),
    paymentStops: r.paymentStop ? [k.kdnr] : [],
    newcomerCases: r.newcomerCases.map((c) => c.id),
    sofoSlots: r.sofoSlots.map((slot) => slot.id)
  });
  await leaveQueues(deps, k.kdnr);
  await deps.store.deleteCustomer(k.kdnr);
  const cases = r.outreachCases.length + r.u25Cases.length + r.voluntaryCases.length + r.missedAppointments.length + r.newcomerCases.length + r.sofoSlots.length + r.walkInEntries.length;
  return { ok: true, kdnr: k.kdnr, removed: (r.customer ? 1 : 0) + cases + r.tasks.length + r.notifications.length };
}
