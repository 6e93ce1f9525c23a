import { z } from 'zod';
import { bookCallback } from '../../../app/book-callback.js';
import { recordCallbackUnreached } from '../../../app/callback-unreached.js';
import { claimTask } from '../../../app/claim-task.js';
import { talkFormToRetry } from '../../../app/form-retry.js';
import { abStatuses } from '../../../app/presence.js';
import { claimedCaseFor, recordTalk } from '../../../app/record-talk.js';
import { taskView } from '../../../app/task-view.js';
import { UNREACHED_NEXT } from '../../../domain/callback-unreached.js';
import { caseRefPayload, isoDate, kdnrPayload, taskRefPayload, toggle } from '../../card-payloads.js';
import { withEntered } from '../../form-input.js';
import { taskCard } from '../../task-card.js';
import { TEXT } from '../../texts.js';
import { defineAction } from '../../turn.js';
import { staffName } from '../../view-context.js';
import { callbackBookedText, talkRecordedText } from './commands.js';
import { callbackOfferCard, talkFormCard } from './views.js';

const talkSubmitPayload = caseRefPayload.extend({
  reasonsCleared: toggle,
  motivated: toggle,
  verbisNoteWritten: toggle,
  followUpDate: isoDate,
  followUpTime: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)]).optional().transform((v) => v || undefined)
});

const unreachedPayload = caseRefPayload.extend({ next: z.enum(UNREACHED_NEXT) });

export const MISSED_APPOINTMENT_ACTIONS = [
  defineAction('aufgabe.uebernehmen', taskRefPayload, async (turn, data) => {
    const r = await claimTask(turn.deps, turn.actorId, data.taskId, data.version);
    if (!r.ok) return r.reason === 'bereits-uebernommen' && r.claimedBy ? TEXT.alreadyClaimedBy(staffName(turn.view, r.claimedBy)) : turn.no(r);
    return taskCard(turn.view, await taskView(turn.deps, r.task), turn.actorId).json;
  }),

  defineAction('rueckruf.buchen', kdnrPayload, async (turn, data) => {
    const r = await bookCallback(turn.deps, turn.actorId, data.kdnr);
    if (!r.ok) return turn.no(r);
    return callbackOfferCard(turn.view, { kdnr: r.kdnr, team: r.team, statuses: await abStatuses(turn.deps) }, { done: callbackBookedText(turn, r) });
  }),

  defineAction('gespraech.formular', caseRefPayload, async (turn, data) => {
    const r = await claimedCaseFor(turn.deps, turn.actorId, data);
    return r.ok ? talkFormCard(turn.view, r.missed) : turn.no(r);
  }),

  defineAction('gespraech.absenden', talkSubmitPayload, async (turn, data) => {
    const { caseId, version, followUpDate, followUpTime, ...rest } = data;
    const followUp = followUpDate && followUpTime ? { date: followUpDate, time: followUpTime } : undefined;
    const r = await recordTalk(turn.deps, turn.actorId, { caseId, version }, { ...rest, followUp });
    if (r.ok) return talkFormCard(turn.view, r.missed, { done: talkRecordedText(r.missed.kind, r.tasks) });
    const retry = await talkFormToRetry(turn.deps, turn.actorId, caseId, version);
    return retry ? withEntered(talkFormCard(turn.view, retry, { error: turn.no(r) }), data) : turn.no(r);
  }),

  defineAction('rueckruf.nicht-erreicht', unreachedPayload, async (turn, data) => {
    const r = await recordCallbackUnreached(turn.deps, turn.actorId, data, data.next);
    if (!r.ok) return turn.no(r);
    const tries = r.missed.unreached?.length ?? 0;
    const done = r.hbTask
      ? TEXT.callbackUnreachedToHb(r.hbTask.assigneeIds.map((id) => staffName(turn.view, id)).join(', '))
      : TEXT.callbackUnreachedRetry(tries);
    return talkFormCard(turn.view, r.missed, { done });
  })
];
