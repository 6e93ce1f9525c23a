import { z } from 'zod';
import { taskView } from '../../../app/task-view.js';
import { sendEvaluationToLead, u25Counts } from '../../../app/u25-evaluation.js';
import { handOverToAbPap, previewHandover } from '../../../app/u25-handover.js';
import { recordFirstContact } from '../../../app/u25-phase.js';
import { U25_FORMS, U25_TARGET_GROUPS } from '../../../domain/u25-case.js';
import { caseRefPayload, kdnrPayload, toggle } from '../../card-payloads.js';
import { dateDe } from '../../format.js';
import { withEntered } from '../../form-input.js';
import { defineAction } from '../../turn.js';
import { U25_TEXT, FORM_LABEL } from './texts.js';
import { evaluationCard, handoverFormCard, u25TaskCard } from './views.js';

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.literal(''), z.enum(values)]).optional().transform((v) => v || undefined);

const handoverPayload = kdnrPayload.extend({
  handoverTalk: toggle,
  form: optionalChoice(U25_FORMS),
  targetGroup: optionalChoice(U25_TARGET_GROUPS),
  abPap: z.string().max(64).optional().transform((v) => (v && v !== 'automatisch' ? v : undefined))
});

const firstContactPayload = caseRefPayload.extend({ taskId: z.string().min(1).max(64), returnExplained: toggle });

const sendEvaluationPayload = z.object({ lead: z.string().max(64).optional().transform((v) => v ?? '') });

export const U25_OUTREACH_ACTIONS = [
  defineAction('u25.uebergeben', handoverPayload, async (turn, data) => {
    const r = await handOverToAbPap(turn.deps, turn.actorId, data.kdnr, { handoverTalkHeld: data.handoverTalk, form: data.form, targetGroup: data.targetGroup, abPapId: data.abPap });
    const preview = await previewHandover(turn.deps, turn.actorId, data.kdnr);
    if (!preview.ok) return turn.no(r.ok ? preview : r);
    if (!r.ok) return withEntered(handoverFormCard(turn.view, preview, { text: turn.no(r), isError: true }), { ...data, abPap: data.abPap ?? 'automatisch' });
    const name = turn.view.directory.staff.find((s) => s.id === r.outreach.abPapId)?.name ?? 'die aB-pAp';
    return handoverFormCard(turn.view, preview, { text: `✔ ${U25_TEXT.handedOver(r.outreach.kdnr, name, FORM_LABEL[r.outreach.form], dateDe(r.outreach.phaseEnd))}`, isError: false });
  }),

  defineAction('u25.erstkontakt', firstContactPayload, async (turn, data) => {
    const r = await recordFirstContact(turn.deps, turn.actorId, { caseId: data.caseId, version: data.version }, data.returnExplained);
    const task = await turn.deps.store.getTask(data.taskId);
    if (!task || task.caseId !== data.caseId || !task.assigneeIds.includes(turn.actorId)) return turn.no(r.ok ? { ok: false, reason: 'aufgabe-unbekannt' } : r);
    const view = await taskView(turn.deps, task);
    if (view.kind !== 'u25') return turn.no({ ok: false, reason: 'aufgabe-unbekannt' });
    return r.ok ? u25TaskCard(turn.view, view, '').json : withEntered(u25TaskCard(turn.view, view, turn.no(r)).json, data);
  }),

  defineAction('auswertung.senden', sendEvaluationPayload, async (turn, data) => {
    const r = await sendEvaluationToLead(turn.deps, turn.actorId, data.lead);
    if (!r.ok && r.reason === 'rolle-fehlt') return turn.no(r);
    const lead = turn.view.directory.staff.find((s) => s.id === data.lead)?.name ?? '';
    return evaluationCard(turn.view, await u25Counts(turn.deps), { canSend: true, notice: r.ok ? { text: U25_TEXT.evaluationSent(lead), isError: false } : { text: turn.no(r), isError: true } });
  })
];
