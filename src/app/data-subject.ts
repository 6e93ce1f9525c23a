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
  readonly paymentStop: unknown;
  readonly tasks: unknown[];
  readonly notifications: unknown[];
  readonly audit: AuditEntry[];
}

async function recordsOf(deps: Deps, kdnr: string) {
  const tasks = await deps.store.tasksOfCustomer(kdnr);
  const taskIds = new Set(tasks.map((t) => t.id));
  const notifications = (await deps.store.allNotifications()).filter((n) => n.subject.kind === 'task' && taskIds.has(n.subject.taskId));
  return {
    customer: await deps.store.getCustomer(kdnr),
    outreachCases: await deps.store.casesOfCustomer(kdnr),
    u25Cases: await deps.store.u25CasesOfCustomer(kdnr),
    voluntaryCases: await deps.store.voluntaryCasesOfCustomer(kdnr),
    missedAppointments: await deps.store.missedCasesOfCustomer(kdnr),
    paymentStop: await deps.store.getPaymentStop(kdnr),
    tasks,
    notifications
  };
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
  if (!r.customer && r.outreachCases.length === 0 && r.missedAppointments.length === 0) return refused('kunde-unbekannt');
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
 * `npm run erase -- <Kdnr>` (GDPR Art. 17): the customer, their cases, tasks, notifications and delivery states, their
 * payment stop. The bot keeps no conversation turn state, so there is nothing more. The erasure itself is audited;
 * the audit log is deleted by its own retention.
 */
export async function eraseCustomer(deps: Deps, raw: string, by: string): Promise<{ ok: true; kdnr: string; removed: number } | Refused> {
  const k = canonical(deps, raw);
  if (!k.ok) return k;
  const r = await recordsOf(deps, k.kdnr);
  if (!r.customer && r.outreachCases.length === 0 && r.missedAppointments.length === 0) return refused('kunde-unbekannt');
  // Durable before the deletion it records.
  await deps.audit.record({ actor: by, action: 'loeschung.antrag', kdnr: k.kdnr, outcome: 'ok' });
  await deps.store.purge({
    cases: [...r.outreachCases, ...r.u25Cases, ...r.voluntaryCases].map((c) => c.id),
    missedCases: r.missedAppointments.map((m) => m.id),
    tasks: r.tasks.map((t) => t.id),
    notifications: r.notifications.map((n) => n.id),
    paymentStops: r.paymentStop ? [k.kdnr] : []
  });
  await deps.store.deleteCustomer(k.kdnr);
  return { ok: true, kdnr: k.kdnr, removed: 1 + r.outreachCases.length + r.u25Cases.length + r.voluntaryCases.length + r.missedAppointments.length + r.tasks.length + r.notifications.length };
}
