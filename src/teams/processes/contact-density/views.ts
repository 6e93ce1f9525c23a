import { differenceInCalendarDays } from 'date-fns';
import type { DueEntry, DueList } from '../../../app/due-contacts.js';
import type { TaskView } from '../../../app/task-view.js';
import { contactCounts } from '../../../domain/contact-density.js';
import type { CardName } from '../../../ports.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { dateDe, weekdayDateDe } from '../../format.js';
import { statusLine } from '../../task-status.js';
import { contactSourceDe, TASK_TITLE } from '../../texts.js';
import { NO_NOTICE, staffName, type Notice, type ViewContext } from '../../view-context.js';

/** Cards of contact density (seed 003): the due list and the TL's intensive-care decision. */

export function dueContactsCard(ctx: ViewContext, list: DueList, notice: Notice = NO_NOTICE): AdaptiveCardJson {
  const rule = ctx.policy.contactDensity;
  const entry = (e: DueEntry) => {
    const days = differenceInCalendarDays(new Date(`${list.today}T12:00:00Z`), new Date(`${e.due}T12:00:00Z`));
    return {
      icon: e.state === 'ueberfaellig' ? '🔴' : '🟡',
      color: e.state === 'ueberfaellig' ? 'Attention' : 'Default',
      kdnr: e.customer.kdnr,
      version: e.customer.version,
      group: contactSourceDe(e.source, e.customer),
      dueText: e.state === 'ueberfaellig' ? `überfällig seit ${dateDe(e.due)} (${days} Tag${days === 1 ? '' : 'e'})` : e.due === list.today ? 'heute fällig' : `fällig am ${weekdayDateDe(e.due)}`,
      choices: [
        { title: 'persönlich', value: 'persoenlich' },
        { title: 'telefonisch', value: 'telefonisch' },
        ...(contactCounts('gruppe', e.customer, rule) ? [{ title: 'Gruppeninformation', value: 'gruppe' }] : [])
      ]
    };
  };
  const o = list.overdue.length;
  const d = list.dueSoon.length;
  return renderCard('due-contacts', {
    summary: `${o} überfällig, ${d} in den nächsten ${rule.remindWithinWorkingDays} Arbeitstagen fällig`,
    today: dateDe(list.today),
    todayIso: list.today,
    notice: notice.text,
    noticeColor: notice.isError ? 'Attention' : 'Good',
    entries: [...list.overdue, ...list.dueSoon].map(entry)
  });
}

export function intensiveTaskCard(ctx: ViewContext, view: Extract<TaskView, { kind: 'intensive' }>): { card: CardName; json: AdaptiveCardJson } {
  const { task, quotaAfter } = view;
  return {
    card: 'intensive-task',
    json: renderCard('intensive-task', {
      title: TASK_TITLE[task.kind],
      kdnr: task.kdnr,
      ifk: staffName(ctx, task.onBehalfOf ?? ''),
      after: `${quotaAfter.count} von ${quotaAfter.quota}`,
      taskId: task.id,
      version: task.version,
      open: task.status === 'offen',
      status: statusLine(ctx, task, 'Entschieden')
    })
  };
}
