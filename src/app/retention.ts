import type { Task } from '../domain/task.js';
import type { PurgeIds } from '../ports.js';
import type { Deps } from './deps.js';

const latest = (...isos: Array<string | undefined>) => isos.filter((x): x is string => !!x).reduce((a, b) => (a > b ? a : b), '');

/**
 * The deletion concept: closed cases (visit recorded and every task done; talk recorded and every task done), their
 * tasks, notifications and delivery states are deleted `retention.closedCaseDays` after they closed; so are
 * reminders and digests, lifted payment stops and closed intensive requests. Each deleted case is audited.
 */
export async function applyRetention(deps: Deps): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.policy.retention.closedCaseDays * 86_400_000).toISOString();
  const tasks = await deps.store.allTasks();
  const tasksOf = (caseId: string) => tasks.filter((t) => t.caseId === caseId);
  const closedAt = (own: Array<string | undefined>, ts: readonly Task[]) => (ts.every((t) => t.status === 'erledigt') ? latest(...own, ...ts.map((t) => t.completedAt)) : undefined);

  const purge = { cases: [] as string[], missedCases: [] as string[], tasks: [] as string[], notifications: [] as string[], paymentStops: [] as string[] };
  const deletedKdnr: string[] = [];
  for (const c of await deps.store.allCases()) {
    if (c.status !== 'besucht') continue;
    const at = closedAt([c.visit?.recordedAt, c.attendance?.answeredAt], tasksOf(c.id));
    if (at && at < cutoff && (!c.attendance || c.attendance.answer)) {
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
    const at = m.status === 'erledigt' ? closedAt([m.talk?.recordedAt], tasksOf(m.id)) : undefined;
    if (at && at < cutoff) {
      purge.missedCases.push(m.id);
      deletedKdnr.push(m.kdnr);
    }
  }
  const gone = new Set([...purge.cases, ...purge.missedCases]);
  for (const t of tasks) {
    const orphanRequest = t.caseId.startsWith('intensiv:') && t.status === 'erledigt' && (t.completedAt ?? '') < cutoff;
    if (gone.has(t.caseId) || orphanRequest) purge.tasks.push(t.id);
  }
  const goneTasks = new Set(purge.tasks);
  for (const n of await deps.store.allNotifications()) {
    const ofGoneTask = n.subject.kind === 'task' && goneTasks.has(n.subject.taskId);
    const oldNotice = n.subject.kind !== 'task' && n.createdAt < cutoff;
    if (ofGoneTask || oldNotice) purge.notifications.push(n.id);
  }
  for (const kdnr of new Set((await deps.store.allCases()).map((c) => c.kdnr).concat((await deps.store.allMissedCases()).map((m) => m.kdnr)))) {
    const stop = await deps.store.getPaymentStop(kdnr);
    if (stop?.liftRequestedAt && stop.liftRequestedAt < cutoff) purge.paymentStops.push(kdnr);
  }
  // The audit lines are durable before the deletion they record; a purge cut short is run again by the next pass.
  for (const kdnr of deletedKdnr) await deps.audit.record({ actor: 'system', action: 'loeschung.frist', kdnr, outcome: 'ok' });
  await deps.store.purge(purge satisfies PurgeIds);
  await deps.audit.prune(deps.policy.retention.auditMonths);
  return gone.size;
}
