import type { TaskListView } from '../../../app/task-list-view.js';
import { districtName } from '../../../config/policy.js';
import { closesByProcessStep } from '../../../domain/task.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { dateDe, dateTimeDe, weekDe } from '../../format.js';
import { TASK_TITLE } from '../../texts.js';
import type { ViewContext } from '../../view-context.js';

/** `/aufgaben`: one row per open task, with a button where the task closes by a click. */
export function taskListCard(ctx: ViewContext, list: TaskListView, notice = ''): AdaptiveCardJson {
  const items = list.tasks.map(({ task: t, outreach }) => ({
    title: TASK_TITLE[t.kind],
    kdnr: t.kdnr,
    createdAt: dateTimeDe(t.createdAt),
    summary:
      t.kind === 'ab-besuch' && outreach
        ? `${weekDe(outreach.targetWeek)}, Bezirk ${districtName(ctx.policy, outreach.district)}`
        : outreach?.visit
          ? `Besuch: ${outreach.visit.outcome === 'angetroffen' ? 'angetroffen' : 'nicht angetroffen'}, Termin laut Einladung ${dateDe(outreach.visit.appointmentDate)}`
          : t.dueFrom && t.dueTo
            ? `Fällig ${dateDe(t.dueFrom)} bis ${dateDe(t.dueTo)}${ctx.today > t.dueTo ? ' – überfällig' : ''}`
            : '',
    visit: t.kind === 'ab-besuch',
    ack: !closesByProcessStep(t.kind),
    caseId: t.caseId,
    caseVersion: outreach?.version ?? 0,
    taskId: t.id,
    version: t.version,
    buttonTitle: t.kind === 'ab-ergebnis' ? 'Zur Kenntnis genommen' : 'Erledigt'
  }));
  return renderCard('task-list', { tasks: items, notice });
}
