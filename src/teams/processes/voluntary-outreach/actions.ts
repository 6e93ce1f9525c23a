import { z } from 'zod';
import { previewVoluntary, readVoluntaryCase } from '../../../app/voluntary-access.js';
import { planVoluntary } from '../../../app/voluntary-plan.js';
import { recordVoluntaryResult } from '../../../app/voluntary-result.js';
import { dateDe } from '../../format.js';
import { VOLUNTARY_APPROACHES, VOLUNTARY_OUTCOMES } from '../../../domain/voluntary-case.js';
import { caseRefPayload, kdnrPayload, toggle } from '../../card-payloads.js';
import { defineAction } from '../../turn.js';
import { APPROACH_LABEL, VOLUNTARY_TEXT } from './texts.js';
import { planCard, resultFormCard } from './views.js';

const staffChoice = z.string().max(64).optional().transform((v) => v || undefined);

const planPayload = kdnrPayload.extend({
  approach: z.enum(VOLUNTARY_APPROACHES),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  secondPerson: staffChoice,
  aloneReason: z.string().max(1000).optional(),
  substitute: staffChoice,
  meetingPointAgreed: toggle,
  reachabilityAgreed: toggle,
  bufferPlanned: toggle,
  thirdParty: z.string().max(40).optional().transform((v) => v || undefined),
  accompanimentConsent: toggle,
  joinTalkConsent: toggle
});

const resultPayload = caseRefPayload.extend({
  outcome: z.union([z.literal(''), z.enum(VOLUNTARY_OUTCOMES)]).optional().transform((v) => v || undefined),
  endedBy: z.union([z.literal(''), z.enum(['kunde', 'mitarbeitende'])]).optional().transform((v) => v || undefined),
  endedAtDoor: toggle,
  writtenConsent: toggle,
  publicSpaceRisksTold: toggle,
  acquainted: toggle,
  recognitionSignAgreed: toggle,
  idBrought: toggle,
  othersPresent: toggle,
  othersConsent: toggle,
  placeUnsuitable: toggle,
  newAppointmentAgreed: toggle,
  talkInAbsence: toggle,
  confidentialityRelease: toggle,
  tookPartInTalk: toggle,
  joinTalkConsentOnSite: toggle,
  substituteWent: toggle,
  customerCalledBeforehand: toggle,
  reasonsDiscussed: toggle,
  reachabilityDiscussed: toggle,
  followUpAgreed: toggle,
  hbAppointmentWanted: toggle
});

export const VOLUNTARY_OUTREACH_ACTIONS = [
  // From the colleague's appointment task: the result card of that appointment.
  defineAction('freiwillig.ergebnisformular', caseRefPayload, async (turn, d) => {
    const r = await readVoluntaryCase(turn.deps, turn.actorId, { caseId: d.caseId, version: d.version });
    return r.ok ? resultFormCard(turn.view, r.outreach) : turn.no(r);
  }),

  defineAction('freiwillig.planen', planPayload, async (turn, d) => {
    const r = await planVoluntary(turn.deps, turn.actorId, d.kdnr, {
      approach: d.approach,
      date: d.date,
      time: d.time,
      secondPersonId: d.secondPerson,
      aloneReason: d.aloneReason,
      substituteId: d.substitute,
      meetingPointAgreed: d.meetingPointAgreed,
      reachabilityAgreed: d.reachabilityAgreed,
      bufferPlanned: d.bufferPlanned,
      thirdParty: d.thirdParty,
      accompanimentConsent: d.accompanimentConsent,
      joinTalkConsent: d.joinTalkConsent
    });
    const preview = await previewVoluntary(turn.deps, turn.actorId, d.kdnr, d.approach);
    if (!preview.ok) return turn.no(r.ok ? preview : r);
    const base = { customer: preview.customer, approach: d.approach, date: d.date, time: d.time, plannerId: turn.actorId };
    if (!r.ok) return planCard(turn.view, base, d, { text: turn.no(r), isError: true });
    const text = VOLUNTARY_TEXT.planned(APPROACH_LABEL[d.approach], r.outreach.kdnr, `${dateDe(d.date)}, ${d.time} Uhr`, r.letters.length > 0);
    return planCard(turn.view, { ...base, planned: r.outreach }, d, { text, isError: false });
  }),

  defineAction('freiwillig.ergebnis', resultPayload, async (turn, d) => {
    const { caseId, version, outcome, ...boxes } = d;
    if (!outcome) {
      const shown = await readVoluntaryCase(turn.deps, turn.actorId, { caseId, version });
      return shown.ok ? resultFormCard(turn.view, shown.outreach, d, { text: VOLUNTARY_TEXT.outcomeMissing, isError: true }) : turn.no(shown);
    }
    const r = await recordVoluntaryResult(turn.deps, turn.actorId, { caseId, version }, { ...boxes, outcome });
    if (r.ok) return resultFormCard(turn.view, r.outreach, {}, { text: VOLUNTARY_TEXT.resultSaved(r.contactRecorded, r.hbTask !== undefined), isError: false });
    // The card comes back with what was entered, and says which box is open.
    const shown = await readVoluntaryCase(turn.deps, turn.actorId, { caseId, version });
    return shown.ok ? resultFormCard(turn.view, shown.outreach, d, { text: turn.no(r), isError: true }) : turn.no(r);
  })
];
