import type { Deps } from '../app/deps.js';
import { notificationView } from '../app/notification-view.js';
import type { Notification } from '../ports.js';
import { withLineUnderTitle, type AdaptiveCardJson } from './cards.js';
import { flagReminderCard } from './processes/ab-flagging/views.js';
import { digestCard } from './processes/administration/views.js';
import { dueContactsCard } from './processes/contact-density/views.js';
import { budgetStatementCard, evaluationCard, u25ReminderCard } from './processes/u25-outreach/views.js';
import { walkInQueueCard } from './processes/sofortvermittlung/views.js';
import { taskCard } from './task-card.js';
import { TEXT } from './texts.js';
import { teamName, viewContextAt } from './view-context.js';

/** The card a notification stands for, rendered from the records as they are when it is sent. */
export async function renderNotification(deps: Deps, n: Notification): Promise<AdaptiveCardJson> {
  const view = await notificationView(deps, n);
  const ctx = viewContextAt(deps.directory, deps.policy, deps.clock.now());
  switch (view.kind) {
    case 'task': {
      const card = taskCard(ctx, view.view, view.viewer).json;
      // In a shared conversation the card says whom it is for.
      return view.channelOfTeam ? withLineUnderTitle(card, TEXT.forTeam(teamName(ctx, view.channelOfTeam))) : card;
    }
    case 'due-contacts':
      return dueContactsCard(ctx, view.list);
    case 'flag-reminder':
      return flagReminderCard(view.target);
    case 'digest':
      return digestCard(ctx, view.digest);
    case 'u25-reminder':
      return u25ReminderCard(ctx, view.outreach, view.stage, view.end);
    case 'u25-budget-statement':
      return budgetStatementCard(ctx, view.statement);
    case 'u25-evaluation':
      return evaluationCard(ctx, view.quarters, { canSend: false, sentBy: view.sentBy });
    case 'walk-in-queue':
      return walkInQueueCard(ctx, view.queue, n.recipient.kind === 'staff' ? n.recipient.staffId : undefined);
  }
}
