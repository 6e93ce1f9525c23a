import type { TaskView } from '../../../app/task-view.js';
import type { LocalDate } from '../../../domain/berlin-time.js';
import { districtName } from '../../../config/policy.js';
import type { NewcomerCase } from '../../../domain/newcomer-case.js';
import type { TaskKind } from '../../../domain/task.js';
import type { CardName } from '../../../ports.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { dateDe, dateTimeDe } from '../../format.js';
import { plainText } from '../../plain-text.js';
import { statusLine } from '../../task-status.js';
import { TASK_TITLE } from '../../texts.js';
import { staffName, type ViewContext } from '../../view-context.js';
import { accessDe } from './views.js';

/** What a newcomer task's card says, by its kind (seed 004 "Nach erfolgtem Erstgespräch"). */
function newcomerTaskText(ctx: ViewContext, kind: TaskKind, newcomer: NewcomerCase, dueFrom?: LocalDate, dueTo?: LocalDate): string {
  const measure = newcomer.firstTalk?.measure;
  switch (kind) {
    case 'neukunde-amm':
      return newcomer.firstTalk
        ? `Die Sofortvermittlung hat im Erstgespräch Potential für das Arbeitsmarktmanagement erkannt (Bezirk ${districtName(ctx.policy, newcomer.district)}). Bitte übernehmen Sie den Kunden in Betreuung, ändern Sie VerBIS und informieren Sie den Aktivvermittler über den Zuständigkeitswechsel.`
        : `Die Eingangszone hat bei dem Neukunden Potential für das Arbeitsmarktmanagement erkannt (Bezirk ${districtName(ctx.policy, newcomer.district)}). Bitte laden Sie ihn in eigener Verantwortung im Rahmen der Mindeststandards zum Erstgespräch ein.`;
    case 'neukunde-folgeeinladung':
      return measure && measure.kind !== 'keine'
        ? `Sie sind künftig zuständige IFK. Sofortmaßnahme: ${measure.kind === 'sk-check' ? 'S+K Check' : 'Orientierungscenter'} vom ${dateDe(measure.start)} bis ${dateDe(measure.end)}. Bitte laden Sie den Kunden zwischen ${dateDe(dueFrom ?? '')} und ${dateDe(dueTo ?? '')} ein (Absolventenmanagement).`
        : '';
    case 'neukunde-keine-massnahme':
      return measure?.kind === 'keine' ? `Sie sind künftig zuständige IFK. Es wurde keine Sofortmaßnahme zugewiesen. Begründung: ${plainText(measure.reason)}` : '';
    case 'bg-folgeeinladung':
      return `Das BG-Mitglied ist nicht zum Erstgespräch der Sofortvermittlung erschienen (${accessDe(ctx, newcomer.access)}). Bitte veranlassen Sie eigenverantwortlich eine Folgeeinladung innerhalb der Mindeststandards.`;
    default:
      return '';
  }
}

/** The tasks of a new customer: for the AMM, and for the future IFK after the first talk or a household member's no-show. */
export function newcomerTaskCard(ctx: ViewContext, view: Extract<TaskView, { kind: 'newcomer' }>): { card: CardName; json: AdaptiveCardJson } {
  const { task, newcomer } = view;
  const from = newcomer.noShow?.recordedBy ?? newcomer.firstTalk?.recordedBy ?? newcomer.routedBy;
  const due = task.dueFrom && task.dueTo ? ` Fällig: ${dateDe(task.dueFrom)} bis ${dateDe(task.dueTo)}.` : ' Unterminierte Aufgabe.';
  return {
    card: 'follow-up-task',
    json: renderCard('follow-up-task', {
      title: TASK_TITLE[task.kind],
      kdnr: task.kdnr,
      from: staffName(ctx, from),
      createdAt: dateTimeDe(task.createdAt),
      text: newcomerTaskText(ctx, task.kind, newcomer, task.dueFrom, task.dueTo) + due,
      taskId: task.id,
      version: task.version,
      open: task.status === 'offen',
      status: statusLine(ctx, task, 'Erledigt')
    })
  };
}
