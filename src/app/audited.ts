import type { Deps } from './deps.js';

/** Audit an action on a task or case the use case has loaded (its Kundennummer), with its outcome. */
export async function audited<T extends { ok: boolean }>(deps: Deps, actorId: string, action: string, kdnr: string | undefined, result: T): Promise<T> {
  await deps.audit.record({ actor: actorId, action, kdnr, outcome: result.ok ? 'ok' : 'abgelehnt' });
  return result;
}
