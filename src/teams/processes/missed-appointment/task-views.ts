import type { TaskView } from '../../../app/task-view.js';
import { berlinTime } from '../../../domain/berlin-time.js';
import type { MissedAppointmentCase } from '../../../domain/missed-appointment.js';
import type { StaffId } from '../../../domain/staff.js';
import { isClaimable, type Task } from '../../../domain/task.js';
import type { CardName } from '../../../ports.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { dateTimeDe, weekdayDateDe } from '../../format.js';
import { statusLine } from '../../task-status.js';
import { TASK_TITLE, TEXT } from '../../texts.js';
import { staffName, teamName, type ViewContext } from '../../view-context.js';
import { slotDe, unreachedText } from './views.js';

function claimStatus(ctx: ViewContext, task: Task, missed: MissedAppointmentCase, viewerId?: StaffId): string {
  if (missed.status === 'erledigt' && missed.talk) return `✔ Erledigt von ${staffName(ctx, missed.talk.recordedBy)} am ${dateTimeDe(missed.talk.recordedAt)}`;
  if (!task.claimedBy || !task.claimedAt) return missed.status === 'offen' ? unreachedText(ctx, missed) : '';
  return task.claimedBy === viewerId ? `Von Ihnen übernommen am ${dateTimeDe(task.claimedAt)}` : `Übernommen von ${staffName(ctx, task.claimedBy)} am ${dateTimeDe(task.claimedAt)}`;
}

function followUpText(ctx: ViewContext, task: Task, missed: MissedAppointmentCase): string {
  const followUp = missed.talk?.followUp;
  switch (task.kind) {
    case 'folgetermin-hb':
      return followUp
        ? `Nach dem Meldeversäumnis hat ${staffName(ctx, missed.talk!.recordedBy)} mit dem Kunden einen Folgetermin (1 Stunde) beim HB vereinbart: ${weekdayDateDe(followUp.date)}, ${followUp.time} Uhr. Der Termin wurde dem Kunden ausgehändigt.`
        : '';
    case 'termin-beim-hb-buchen':
      if (!missed.talk && missed.unreached?.length)
        return `Der Kunde war beim Rückruf nach dem Meldeversäumnis nicht zu erreichen (${missed.unreached.length}× versucht, zuletzt von ${staffName(ctx, missed.unreached.at(-1)!.by)}). Bitte laden Sie ihn zu einem persönlichen Termin ein.`;
      return `Sie haben den Rückruf geführt. Bitte buchen Sie einen persönlichen Termin beim HB (${staffName(ctx, missed.hbId)}).`;
    case 'aufhebung-zahlungseinstellung':
      return 'Der Kunde hat nach dem Meldeversäumnis mitgewirkt. Der Verbis-Vermerk zur Aufhebung der vorläufigen Zahlungseinstellung wird per E-Akte weitergeleitet: Bitte veranlassen Sie die Zahlungen wieder.';
    case 'zahlungseinstellung-hb':
      return 'Nach dem Gespräch zum Meldeversäumnis ist die Aufhebung der vorläufigen Zahlungseinstellung bei der Leistungsabteilung veranlasst (Vermerk per E-Akte).';
    default:
      return '';
  }
}

/** The urgent claim card (first claim wins) and the follow-up tasks after the talk or callback (seed 000 §3). */
export function missedAppointmentTaskCard(ctx: ViewContext, view: Extract<TaskView, { kind: 'missed-appointment' }>, viewerId?: StaffId): { card: CardName; json: AdaptiveCardJson } {
  const { task, missed } = view;
  if (isClaimable(task.kind)) {
    const callback = missed.kind === 'rueckruf' && missed.slot;
    return {
      card: 'claim-task',
      json: renderCard('claim-task', {
        // A callback booked outside service hours is not "taggleich": it is for the next working day.
        title: callback && callback.nextWorkingDay ? TEXT.callbackNextWorkingDayTitle : TASK_TITLE[task.kind],
        escalated: missed.escalatedAt !== undefined && !task.claimedBy,
        escalatedText: missed.slot ? TEXT.callbackEscalated(`${berlinTime(new Date(missed.slot.escalateAt))} Uhr`, missed.reportedAt >= missed.slot.escalateAt) : '',
        kdnr: missed.kdnr,
        hb: staffName(ctx, missed.hbId),
        team: teamName(ctx, missed.team),
        whenTitle: callback ? 'Rückruf' : 'Gemeldet',
        when: callback ? slotDe(ctx, callback) : dateTimeDe(missed.reportedAt),
        reportedBy: staffName(ctx, missed.reportedBy),
        hint: callback
          ? 'Rufen Sie den Kunden zurück: Gründe für das Meldeversäumnis klären, motivieren. Danach buchen Sie einen persönlichen Termin beim HB.'
          : 'Der Kunde wartet in der Eingangszone. Gründe aufnehmen, motivieren; vor dem Verlassen des Hauses einen Folgetermin (1 Stunde) beim HB vereinbaren.',
        open: task.status === 'offen' && !task.claimedBy,
        mine: task.claimedBy !== undefined && task.claimedBy === viewerId && missed.status === 'uebernommen',
        status: claimStatus(ctx, task, missed, viewerId),
        taskId: task.id,
        version: task.version,
        caseId: missed.id,
        caseVersion: missed.version
      })
    };
  }
  return {
    card: 'follow-up-task',
    json: renderCard('follow-up-task', {
      title: TASK_TITLE[task.kind],
      kdnr: task.kdnr,
      from: staffName(ctx, missed.talk?.recordedBy ?? missed.unreached?.at(-1)?.by ?? missed.reportedBy),
      createdAt: dateTimeDe(task.createdAt),
      text: followUpText(ctx, task, missed),
      taskId: task.id,
      version: task.version,
      open: task.status === 'offen',
      status: statusLine(ctx, task, 'Erledigt')
    })
  };
}
