import { answerAttendance } from '../../../app/attendance.js';
import { customerStatus } from '../../../app/customer-status.js';
import { flagCustomer, previewFlag } from '../../../app/flag-customer.js';
import { visitFormToRetry } from '../../../app/form-retry.js';
import { recordAttempt } from '../../../app/record-attempt.js';
import { recordPaymentStop } from '../../../app/record-payment-stop.js';
import { openCaseFor, recordVisitResult } from '../../../app/record-visit-result.js';
import { taskView } from '../../../app/task-view.js';
import { kdnrPayload } from '../../card-payloads.js';
import { withEntered } from '../../form-input.js';
import { attemptWhenDe, weekDe } from '../../format.js';
import { taskCard } from '../../task-card.js';
import { ATTEMPT_LABEL, TEXT } from '../../texts.js';
import { defineAction } from '../../turn.js';
import { attemptSubmitPayload, attendancePayload, flagSubmitPayload, visitFormRequestPayload, visitSubmitPayload } from './payloads.js';
import { customerStatusCard, flagFormCard, visitFormCard } from './views.js';

export const AB_FLAGGING_ACTIONS = [
  defineAction('versuch.absenden', attemptSubmitPayload, async (turn, data) => {
    const r = await recordAttempt(turn.deps, turn.actorId, data);
    const status = await customerStatus(turn.deps, turn.actorId, data.kdnr);
    if (!status.ok) return turn.no(r.ok ? status : r);
    if (!r.ok) return withEntered(customerStatusCard(turn.view, status, { text: turn.no(r), isError: true }), data);
    return customerStatusCard(turn.view, status, { text: TEXT.attemptRecorded(ATTEMPT_LABEL[r.attempt.kind], r.customer.kdnr, attemptWhenDe(r.attempt)), isError: false });
  }),

  defineAction('vormerken.formular', kdnrPayload, async (turn, data) => {
    const preview = await previewFlag(turn.deps, turn.actorId, data.kdnr);
    return preview.ok ? flagFormCard(turn.view, preview) : turn.no(preview);
  }),

  defineAction('vormerken.absenden', flagSubmitPayload, async (turn, data) => {
    const r = await flagCustomer(turn.deps, turn.actorId, { kdnr: data.kdnr, reason: data.reason, invitationInMailbox: data.postfach, confirmedDespiteRecentVisit: data.trotzdem });
    if (r.ok) return flagFormCard(turn.view, r.form, { error: '', done: TEXT.flagged(r.outreach.kdnr, weekDe(r.outreach.targetWeek)) }, true);
    // The form comes back with the reason for the refusal (re-reading the customer is a read of its own).
    const preview = await previewFlag(turn.deps, turn.actorId, data.kdnr);
    return preview.ok ? withEntered(flagFormCard(turn.view, preview, { error: turn.no(r) }), data) : turn.no(r);
  }),

  defineAction('ergebnis.formular', visitFormRequestPayload, async (turn, { newMessage, ...ref }) => {
    const r = await openCaseFor(turn.deps, turn.actorId, ref);
    if (!r.ok) return turn.no(r);
    if (!newMessage) return visitFormCard(turn.view, r.outreach);
    // The plan (or the task list) stays as it is: a text answer leaves the card untouched, the form follows below it.
    await turn.send(visitFormCard(turn.view, r.outreach));
    return TEXT.formBelow(r.outreach.kdnr);
  }),

  defineAction('ergebnis.absenden', visitSubmitPayload, async (turn, data) => {
    const { caseId, version, ...input } = data;
    const r = await recordVisitResult(turn.deps, turn.actorId, { caseId, version }, input);
    if (r.ok) return visitFormCard(turn.view, r.outreach, { done: TEXT.resultRecorded(r.outreach.kdnr) });
    const retry = await visitFormToRetry(turn.deps, caseId, version, r);
    return retry ? withEntered(visitFormCard(turn.view, retry, { error: turn.no(r) }), data) : turn.no(r);
  }),

  defineAction('erschienen.antwort', attendancePayload, async (turn, data) => {
    const r = await answerAttendance(turn.deps, turn.actorId, data.taskId, data.version, data.answer);
    return r.ok ? taskCard(turn.view, await taskView(turn.deps, r.task), turn.actorId).json : turn.no(r);
  }),

  defineAction('zahlungseinstellung.erfassen', kdnrPayload, async (turn, data) => {
    const r = await recordPaymentStop(turn.deps, turn.actorId, data.kdnr);
    return r.ok ? TEXT.paymentStopRecorded(r.stop.kdnr) : turn.no(r);
  })
];
