import type { TaskView } from '../../../app/task-view.js';
import type { Task } from '../../../domain/task.js';
import type { CardName } from '../../../ports.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { dateDe, dateTimeDe, weekdayDateDe } from '../../format.js';
import { plainText } from '../../plain-text.js';
import { GROUP_LABEL, TASK_TITLE } from '../../texts.js';
import { statusLine } from '../../task-status.js';
import { staffName, type ViewContext } from '../../view-context.js';
import { caseFacts } from './views.js';

/** The task cards of AB flagging: the AB's visit, the result to the HB, its follow-ups, "erschienen?". */

const FOLLOW_UP_TEXT: Partial<Record<Task['kind'], string>> = {
  'gespraech-ab-hb': 'Die AB meldet einen komplexen Sachverhalt. Bitte führen Sie ein persönliches Gespräch zwischen AB und HB; Details stehen im Verbis-Vermerk.',
  'hinweis-leistung': 'Die AB hat nach einem Besuch wichtige Hinweise per E-Akte an die Leistungsabteilung gegeben. Bitte prüfen Sie die E-Akte.'
};

export function outreachTaskCard(ctx: ViewContext, view: Extract<TaskView, { kind: 'outreach' }>): { card: CardName; json: AdaptiveCardJson } {
  const { task, outreach } = view;
  if (task.kind === 'ab-besuch') {
    return {
      card: 'ab-task',
      json: renderCard('ab-task', {
        ...caseFacts(ctx, outreach),
        group: view.group ? GROUP_LABEL[view.group] : '',
        reason: plainText(outreach.reason),
        flaggedAt: `${dateTimeDe(outreach.flaggedAt)} von ${staffName(ctx, outreach.flaggedBy)}`,
        open: outreach.status === 'vorgemerkt',
        status: outreach.visit
          ? `✔ Ergebnis erfasst von ${staffName(ctx, outreach.visit.recordedBy)} am ${dateTimeDe(outreach.visit.recordedAt)}`
          : outreach.withdrawn
            ? `Vormerkung zurückgenommen von ${staffName(ctx, outreach.withdrawn.by)} am ${dateTimeDe(outreach.withdrawn.at)} – kein Besuch nötig.`
            : ''
      })
    };
  }
  if (task.kind === 'ab-ergebnis') {
    const visit = outreach.visit!;
    const met = visit.outcome === 'angetroffen';
    const extras = [
      visit.meetAndWalk ? 'Meet and Walk auf Wunsch des Kunden' : '',
      visit.lowThresholdInfo ? 'Allgemeine bzw. niedrigschwellige Auskünfte erteilt' : '',
      visit.complex ? 'Komplexer Sachverhalt: persönliches Gespräch AB–HB vereinbaren (eigene Aufgabe)' : '',
      visit.hintForBenefits ? 'Hinweise per E-Akte an die Leistungsabteilung gegeben' : ''
    ].filter(Boolean);
    return {
      card: 'result-task',
      json: renderCard('result-task', {
        kdnr: outreach.kdnr,
        outcome: met ? 'angetroffen' : 'nicht angetroffen',
        // seed 000 §2: met at the door, the invitation is handed over and the legal consequences are pointed out.
        delivery: met ? 'persönlich vor der Haustür übergeben, auf die Rechtsfolgen hingewiesen' : 'mit Kunden-Paket in den Briefkasten geworfen',
        appointment: dateDe(visit.appointmentDate),
        visitedAt: dateTimeDe(visit.recordedAt),
        ab: staffName(ctx, visit.recordedBy),
        extras,
        taskId: task.id,
        version: task.version,
        open: task.status === 'offen',
        status: statusLine(ctx, task, 'Zur Kenntnis genommen')
      })
    };
  }
  return {
    card: 'follow-up-task',
    json: renderCard('follow-up-task', {
      title: TASK_TITLE[task.kind],
      kdnr: task.kdnr,
      from: outreach.visit ? staffName(ctx, outreach.visit.recordedBy) : '',
      createdAt: dateTimeDe(task.createdAt),
      text: FOLLOW_UP_TEXT[task.kind] ?? '',
      taskId: task.id,
      version: task.version,
      open: task.status === 'offen',
      status: statusLine(ctx, task, 'Erledigt')
    })
  };
}

export function attendanceTaskCard(ctx: ViewContext, view: Extract<TaskView, { kind: 'attendance' }>): { card: CardName; json: AdaptiveCardJson } {
  const { task, outreach } = view;
  const visit = outreach?.visit;
  const answer = outreach?.attendance?.answer;
  return {
    card: 'attendance-task',
    json: renderCard('attendance-task', {
      kdnr: task.kdnr,
      appointment: visit ? weekdayDateDe(visit.appointmentDate) : '',
      delivery: visit?.outcome === 'angetroffen' ? 'von der AB persönlich übergeben' : 'von der AB mit Kunden-Paket in den Briefkasten geworfen',
      open: task.status === 'offen',
      offerStop: answer === 'nein' && !view.paymentStopRecorded,
      status: answer && task.completedBy && task.completedAt ? `✔ ${answer === 'ja' ? 'Erschienen' : 'Nicht erschienen'} – erfasst von ${staffName(ctx, task.completedBy)} am ${dateTimeDe(task.completedAt)}` : '',
      taskId: task.id,
      version: task.version
    })
  };
}
