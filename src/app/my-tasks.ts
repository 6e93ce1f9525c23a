import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { actorFor } from './access.js';
import type { Deps } from './deps.js';
import type { Refused } from './outcome.js';

/** `/aufgaben`: the sender's open tasks, oldest first. */
export async function myTasks(deps: Deps, actorId: StaffId): Promise<{ ok: true; tasks: Task[] } | Refused> {
  const who = actorFor(deps, actorId, 'aufgaben.lesen');
  if (!who.ok) return who;
  const tasks = await deps.store.openTasksOf(actorId);
  await deps.audit.record({ actor: actorId, action: 'aufgaben.lesen', outcome: 'ok', count: tasks.length });
  return { ok: true, tasks: tasks.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
}
