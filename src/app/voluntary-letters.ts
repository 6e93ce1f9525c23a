import { berlinDate } from '../domain/berlin-time.js';
import { letterState } from '../domain/voluntary-plan.js';
import type { Notification } from '../ports.js';
import type { Deps } from './deps.js';
import { notifyAssignees } from './notify.js';

/**
 * Daily (seed 002 §4.2): the planner of a Hausbesuch is reminded of a letter when its window opens (notice 4→3 weeks,
 * reminder 2→1 weeks before the visit) and told once more when the window has closed and the letter is still open. The
 * keys name the task and the stage, so a rerun or a day after a weekend sends nothing twice.
 */
export async function remindLetterTasks(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = berlinDate(now);
  const notifications: Notification[] = [];
  for (const task of await deps.store.openTasksOfKinds(['freiwillig-ankuendigung', 'freiwillig-erinnerung'])) {
    if (!task.dueFrom || !task.dueTo) continue;
    const state = letterState({ dueFrom: task.dueFrom, dueTo: task.dueTo }, today);
    // A window open at planning was announced with the task itself.
    if (state === 'faellig' && berlinDate(new Date(task.createdAt)) < task.dueFrom) notifications.push(...notifyAssignees(task, 'voluntary-task', 'fenster-offen', deps.newId, now));
    if (state === 'ueberfaellig') notifications.push(...notifyAssignees(task, 'voluntary-task', 'ueberfaellig', deps.newId, now));
  }
  if (!notifications.length) return 0;
  const committed = await deps.store.commit({ notifications });
  return committed.ok ? committed.queued : 0;
}
