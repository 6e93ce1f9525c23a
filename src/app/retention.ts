import { berlinDate } from '../domain/berlin-time.js';
import { closedAt, newcomerCaseClosedAt, u25CaseClosedAt } from '../domain/case-closure.js';
import { withoutLeftovers } from '../domain/walk-in-queue.js';
import type { PurgeIds } from '../ports.js';
import type { Deps } from './deps.js';

/** A past day's queue is not changed by anyone any more; a lost compare-and-set is simply left to the next pass. */
async function clearPastQueues(deps: Deps, today: string): Promise<void> {
  for (const queue of await deps.store.allWalkInQueues()) {
    if (queue.date >= today || queue.entries.length === 0) continue;
    const kdnrs = queue.entries.map((e) => e.kdnr);
    await deps.store.commit({ walkInQueues: [withoutLeftovers(queue)] }, async () => {
      for (const kdnr of kdnrs) await deps.audit.record({ actor: 'system', action: 'loeschung.warteschlange', kdnr, outcome: 'ok' });
    });
  }
}

/**
 * The deletion concept: closed cases (visit recorded, or the flag taken back, and every task done; talk recorded and every task done; a U25
 * case returned to the pAp and every task done; a new customer's case routed, talked to or not come, and every task
 * done), their tasks, notifications, delivery states and booked appointments are deleted `retention.closedCaseDays`
 * after they closed; so are reminders and digests, lifted payment stops, closed intensive requests and the aB-pAp's
 * expenses of months that ended that long ago. Each deleted case is audited. The walk-in queue keeps no Kundennummer
 * beyond its day (seed 004).
 */
export async function applyRetention(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.policy.retention.closedCaseDays * 86_400_000).toISOString();
  const tasks = await deps.store.allTasks();
  const tasksOf = (caseId: string) => tasks.filter((t) => t.caseId === caseId);
  const before = (at: string | undefined) => at !== undefined && at < cutoff;

  const purge = { cases: [] as string[], missedCases: [] as string[], tasks: [] as string[], notifications: [] as string[], paymentStops: [] as string[], newcomerCases: [] as string[], sofoSlots: [] as string[], expenses: [] as string[] };
  const deletedKdnr: string[] = [];
  for (const c of await deps.store.allCases()) {
    if (c.status === 'vorgemerkt') continue;
    // A visited flag closes with its result and the "erschienen?" answer; a flag taken back with its withdrawal.
    const steps = c.status === 'besucht' ? [c.visit?.recordedAt, c.attendance?.answeredAt] : [c.withdrawn?.at];
    if (before(closedAt(steps, tasksOf(c.id))) && (!c.attendance || c.attendance.answer)) {
      purge.cases.push(c.id);
      deletedKdnr.push(c.kdnr);
    }
  }
  // seed 002: a voluntary appointment closes with its result or its cancellation (and every task done).
  for (const v of await deps.store.allVoluntaryCases()) {
    if (v.status === 'geplant') continue;
    const at = closedAt([v.result?.recordedAt, v.cancelled?.at], tasksOf(v.id));
    if (at && at < cutoff) {
      purge.cases.push(v.id);
      deletedKdnr.push(v.kdnr);
    }
  }
  for (const m of await deps.store.allMissedCases()) {
    if (m.status === 'erledigt' && before(closedAt([m.talk?.recordedAt], tasksOf(m.id)))) {
      purge.missedCases.push(m.id);
      deletedKdnr.push(m.kdnr);
    }
  }
  // seed 001: U25 cases are outreach cases too, stored beside the AB visits.
  for (const u of await deps.store.allU25Cases()) {
    if (before(u25CaseClosedAt(u, tasksOf(u.id)))) {
      purge.cases.push(u.id);
      deletedKdnr.push(u.kdnr);
    }
  }
  for (const n of await deps.store.allNewcomerCases()) {
    if (before(newcomerCaseClosedAt(n, tasksOf(n.id)))) {
      purge.newcomerCases.push(n.id);
      if (n.access?.kind === 'termin') purge.sofoSlots.push(n.access.slotId);
      deletedKdnr.push(n.kdnr);
    }
  }
  const gone = new Set([...purge.cases, ...purge.missedCases, ...purge.newcomerCases]);
  for (const t of tasks) {
    const orphanRequest = t.caseId.startsWith('intensiv:') && t.status === 'erledigt' && (t.completedAt ?? '') < cutoff;
    if (gone.has(t.caseId) || orphanRequest) purge.tasks.push(t.id);
  }
  const goneTasks = new Set(purge.tasks);
  for (const n of await deps.store.allNotifications()) {
    const ofGoneTask = n.subject.kind === 'task' && goneTasks.has(n.subject.taskId);
    const ofGoneCase = n.subject.kind === 'u25-reminder' && gone.has(n.subject.caseId);
    const oldNotice = n.subject.kind !== 'task' && n.createdAt < cutoff;
    if (ofGoneTask || ofGoneCase || oldNotice) purge.notifications.push(n.id);
  }
  for (const kdnr of new Set((await deps.store.allCases()).map((c) => c.kdnr).concat((await deps.store.allMissedCases()).map((m) => m.kdnr)))) {
    const stop = await deps.store.getPaymentStop(kdnr);
    if (stop?.liftRequestedAt && stop.liftRequestedAt < cutoff) purge.paymentStops.push(kdnr);
  }
  // seed 001: an expense is settled with the month's statement; the month closed at its end.
  const firstOfCutoffMonth = `${berlinDate(new Date(cutoff)).slice(0, 7)}-01`;
  purge.expenses.push(...(await deps.store.expensesBefore(firstOfCutoffMonth)).map((e) => e.id));

  // The audit lines are durable before the deletion they record; a purge cut short is run again by the next pass.
  for (const kdnr of deletedKdnr) await deps.audit.record({ actor: 'system', action: 'loeschung.frist', kdnr, outcome: 'ok' });
  await deps.store.purge(purge satisfies PurgeIds);
  await clearPastQueues(deps, berlinDate(now));
  await deps.audit.prune(deps.policy.retention.auditMonths);
  return gone.size;
}
