import type { Deps } from '../app/deps.js';
import { dueListFor } from '../app/due-contacts.js';
import { weeklyDigest } from '../app/weekly-digest.js';
import { parseWeekKey } from '../domain/berlin-time.js';
import type { Notification } from '../ports.js';
import type { AdaptiveCardJson } from './cards.js';
import { digestCard, dueContactsCard, flagReminderCard, taskCard } from './card-views.js';

/** The card a notification stands for, rendered from the records as they are when it is sent. */
export async function renderNotification(deps: Deps, n: Notification): Promise<AdaptiveCardJson> {
  const viewer = n.recipient.kind === 'staff' ? n.recipient.staffId : undefined;
  switch (n.subject.kind) {
    case 'task': {
      const task = await deps.store.getTask(n.subject.taskId);
      if (!task) throw new Error(`task ${n.subject.taskId} missing`);
      return (await taskCard(deps, task, viewer)).json;
    }
    case 'due-contacts':
      return dueContactsCard(deps, await dueListFor(deps, n.subject.staffId));
    case 'flag-reminder':
      return flagReminderCard(deps, n.subject.date);
    case 'digest':
      return digestCard(deps, await weeklyDigest(deps, n.subject.teamId, parseWeekKey(n.subject.week)));
  }
}
