import { atBerlin } from '../../src/domain/berlin-time.js';
import type { ContactAttempt } from '../../src/domain/contact-attempt.js';
import { decideVoluntaryPlan, letterState, letterWindows, type VoluntaryPlanFacts, type VoluntaryPlanRequest } from '../../src/domain/voluntary-plan.js';
import { decideVoluntaryResult, resultTooEarly, type VoluntaryResultInput } from '../../src/domain/voluntary-result.js';

const rule = { minFailedCalls: 2, noticeWeeks: { from: 4, to: 3 }, reminderWeeks: { from: 2, to: 1 } };
const call = (at: string): ContactAttempt => ({ kind: 'anruf', at, timeGiven: true, recordedBy: 'anna', recordedAt: at });
const facts = (over: Partial<VoluntaryPlanFacts> = {}): VoluntaryPlanFacts => ({
  offered: ['hausbesuch', 'walk-and-talk', 'begleitung'],
  planner: 'anna',
  attempts: [call('2026-11-02T09:00:00Z'), call('2026-11-04T13:00:00Z')],
  isKnownStaff: (id) => ['anna', 'jonas', 'petra'].includes(id),
  now: atBerlin('2026-11-24', '10:00'),
  rule,
  maxReasonLength: 50,
  ...over
});
const visit = (over: Partial<VoluntaryPlanRequest> = {}): VoluntaryPlanRequest => ({ approach: 'hausbesuch', date: '2026-12-21', time: '10:00', secondPersonId: 'jonas', substituteId: 'petra', ...over });
const today = '2026-11-24';

describe('seed 002 planning rules', () => {
  it.each([
    ['not offered by this Jobcenter', visit(), facts({ offered: [] }), 'ansatz-nicht-angeboten'],
    ['in the past', visit({ date: '2026-11-24', time: '09:00' }), facts(), 'termin-vergangen'],
    ['only one failed call', visit(), facts({ attempts: [call('2026-11-02T09:00:00Z')] }), 'anrufversuche-fehlen'],
    ['two calls, one of them withdrawn as a slip', visit(), facts({ attempts: [call('2026-11-02T09:00:00Z'), { ...call('2026-11-03T14:00:00Z'), withdrawn: { by: 'x', at: '2026-11-03T15:00:00Z', reason: 'Versehen' } }] }), 'anrufversuche-fehlen'],
    ['20 days ahead: the notice cannot go out 3 weeks before', visit({ date: '2026-12-14' }), facts(), 'ankuendigung-zu-knapp'],
    ['neither a second colleague nor a reason', visit({ secondPersonId: undefined }), facts(), 'zweite-person-fehlt'],
    ['the planner as the second colleague', visit({ secondPersonId: 'anna' }), facts(), 'zweite-person-unbekannt'],
    ['a reason too long', visit({ secondPersonId: undefined, aloneReason: 'x'.repeat(51) }), facts(), 'begruendung-zu-lang'],
    ['no substitute', visit({ substituteId: undefined }), facts(), 'vertretung-fehlt'],
    ['an unknown substitute', visit({ substituteId: 'nobody' }), facts(), 'vertretung-unbekannt'],
    ['walk and talk without an agreed meeting point', { approach: 'walk-and-talk', date: '2026-11-26', time: '10:00', substituteId: 'petra', reachabilityAgreed: true, bufferPlanned: true }, facts(), 'treffpunkt-fehlt'],
    ['walk and talk without mutual reachability', { approach: 'walk-and-talk', date: '2026-11-26', time: '10:00', substituteId: 'petra', meetingPointAgreed: true, bufferPlanned: true }, facts(), 'erreichbarkeit-fehlt'],
    ['walk and talk without a time buffer', { approach: 'walk-and-talk', date: '2026-11-26', time: '10:00', substituteId: 'petra', meetingPointAgreed: true, reachabilityAgreed: true }, facts(), 'zeitpuffer-fehlt'],
    ['Begleitung to a third party not on the list', { approach: 'begleitung', date: '2026-11-26', time: '10:00', substituteId: 'petra', thirdParty: 'Dr. Müller', accompanimentConsent: true }, facts(), 'dritter-fehlt'],
    ['Begleitung without the customer’s consent', { approach: 'begleitung', date: '2026-11-26', time: '10:00', substituteId: 'petra', thirdParty: 'facharzt' }, facts(), 'einverstaendnis-begleitung-fehlt']
  ] as const)('refuses %s', (_story, request, f, reason) => {
    expect(decideVoluntaryPlan(request, f, today)).toEqual({ ok: false, reason });
  });

  it('plans a Hausbesuch 21 days ahead by two, or alone with a reason', () => {
    expect(decideVoluntaryPlan(visit({ date: '2026-12-15' }), facts(), today)).toEqual({ ok: true, secondPersonId: 'jonas', substituteId: 'petra' });
    expect(decideVoluntaryPlan(visit({ secondPersonId: undefined, aloneReason: ' Kollegin krank ' }), facts(), today)).toEqual({ ok: true, aloneReason: 'Kollegin krank', substituteId: 'petra' });
  });

  it('needs no failed calls and no three weeks for Walk and Talk or Begleitung; stores the kind of third party only', () => {
    const walk = decideVoluntaryPlan({ approach: 'walk-and-talk', date: '2026-11-25', time: '10:00', substituteId: 'petra', meetingPointAgreed: true, reachabilityAgreed: true, bufferPlanned: true }, facts({ attempts: [] }), today);
    expect(walk).toEqual({ ok: true, substituteId: 'petra', walk: { meetingPointAgreed: true, reachabilityAgreed: true, bufferPlanned: true } });
    const begleitung = decideVoluntaryPlan({ approach: 'begleitung', date: '2026-11-25', time: '10:00', substituteId: 'petra', thirdParty: 'facharzt', accompanimentConsent: true }, facts({ attempts: [] }), today);
    expect(begleitung).toEqual({ ok: true, substituteId: 'petra', accompaniment: { thirdParty: 'facharzt', accompanimentConsent: true, joinTalkConsent: false } });
  });

  it('puts the notice 4→3 and the reminder 2→1 weeks before the visit; a window already open starts today', () => {
    expect(letterWindows('2026-12-31', today, rule)).toEqual({ notice: { dueFrom: '2026-12-03', dueTo: '2026-12-10' }, reminder: { dueFrom: '2026-12-17', dueTo: '2026-12-24' } });
    // 25 days ahead: the notice window (4 weeks before = 21.11.) opened already
    expect(letterWindows('2026-12-19', today, rule)).toEqual({ notice: { dueFrom: today, dueTo: '2026-11-28' }, reminder: { dueFrom: '2026-12-05', dueTo: '2026-12-12' } });
  });

  it('tells a letter task as later, due or overdue', () => {
    const w = { dueFrom: '2026-12-03', dueTo: '2026-12-10' };
    expect([letterState(w, '2026-12-02'), letterState(w, '2026-12-03'), letterState(w, '2026-12-10'), letterState(w, '2026-12-11')]).toEqual(['spaeter', 'faellig', 'faellig', 'ueberfaellig']);
  });
});

const boxes = (over: Partial<VoluntaryResultInput> = {}): VoluntaryResultInput => ({
  outcome: 'stattgefunden', endedAtDoor: false, writtenConsent: false, publicSpaceRisksTold: false, acquainted: true, recognitionSignAgreed: false, idBrought: false,
  othersPresent: false, othersConsent: false, placeUnsuitable: false, newAppointmentAgreed: false, talkInAbsence: false, confidentialityRelease: false,
  tookPartInTalk: false, substituteWent: false, customerCalledBeforehand: false, reasonsDiscussed: false, reachabilityDiscussed: false, followUpAgreed: false, hbAppointmentWanted: false,
  ...over
});
const now = new Date('2026-12-21T12:00:00Z');
const hb = { approach: 'hausbesuch' as const };
const walk = { approach: 'walk-and-talk' as const };
const beg = (joinTalkConsent = false) => ({ approach: 'begleitung' as const, accompaniment: { thirdParty: 'facharzt' as const, accompanimentConsent: true as const, joinTalkConsent } });

describe('seed 002 result rules', () => {
  it.each([
    ['a Hausbesuch that went inside without the written consent', hb, boxes(), ['einverstaendniserklaerung']],
    ['a Hausbesuch ended early inside without consent, not saying by whom', hb, boxes({ outcome: 'vorzeitig-beendet' }), ['einverstaendniserklaerung', 'beendet-durch']],
    ['a Walk and Talk without telling the risks of public space', walk, boxes(), ['gefahren-oeffentlicher-raum']],
    ['strangers without recognition sign and ID', walk, boxes({ publicSpaceRisksTold: true, acquainted: false }), ['erkennungszeichen', 'ausweis']],
    ['another person present without consent', walk, boxes({ publicSpaceRisksTold: true, othersPresent: true }), ['einverstaendnis-weitere-personen']],
    ['an unsuitable place without a new appointment', walk, boxes({ publicSpaceRisksTold: true, placeUnsuitable: true }), ['neuer-termin']],
    ['a talk with the third party in the customer’s absence without Schweigepflichtentbindung', beg(), boxes({ talkInAbsence: true }), ['schweigepflichtentbindung']],
    ['a talk with the third party although the customer did not come, without Schweigepflichtentbindung', beg(), boxes({ outcome: 'nicht-angetroffen', talkInAbsence: true }), ['schweigepflichtentbindung']],
    ['taking part in the talk without the customer’s consent to it', beg(), boxes({ tookPartInTalk: true }), ['einverstaendnis-teilnahme']],
    ['a substitute who went without calling the customer first', beg(), boxes({ outcome: 'abgesagt', substituteWent: true }), ['kunde-vorab-angerufen']]
  ] as const)('will not save %s, and names the box', (_story, c, input, missing) => {
    expect(decideVoluntaryResult(c, input, 'anna', now)).toEqual({ ok: false, missing });
  });

  it('saves a Hausbesuch that ended at the door without consent, and counts it as a contact', () => {
    const r = decideVoluntaryResult(hb, boxes({ endedAtDoor: true, reasonsDiscussed: true }), 'anna', now);
    expect(r).toMatchObject({ ok: true, countsAsContact: true, result: { outcome: 'stattgefunden', endedAtDoor: true, recordedBy: 'anna', recordedAt: now.toISOString() } });
  });

  it('saves with the Schweigepflichtentbindung, and with the consent to take part', () => {
    expect(decideVoluntaryResult(beg(true), boxes({ talkInAbsence: true, confidentialityRelease: true, tookPartInTalk: true }), 'anna', now)).toMatchObject({ ok: true });
    // Consent to taking part not given at planning but asked for on the spot: recorded on the result card, no dead end.
    expect(decideVoluntaryResult(beg(), boxes({ tookPartInTalk: true, joinTalkConsentOnSite: true }), 'anna', now)).toMatchObject({ ok: true });
  });

  it('takes a result only once the appointment has begun; a cancellation at any time', () => {
    const c = { date: '2026-12-21', time: '13:00' };
    expect(resultTooEarly(c, 'stattgefunden', new Date('2026-12-21T11:59:59Z'))).toBe(true); // 12:59:59 in Berlin
    expect(resultTooEarly(c, 'stattgefunden', now)).toBe(false); // 13:00 in Berlin: begun
    expect(resultTooEarly(c, 'abgesagt', new Date('2026-12-20T09:00:00Z'))).toBe(false);
  });

  it('treats ending early as a normal result and "nicht angetroffen" as no contact, with no box required', () => {
    expect(decideVoluntaryResult(walk, boxes({ outcome: 'vorzeitig-beendet', endedBy: 'kunde', publicSpaceRisksTold: true }), 'anna', now)).toMatchObject({ ok: true, countsAsContact: true });
    const notMet = decideVoluntaryResult(hb, boxes({ outcome: 'nicht-angetroffen', hbAppointmentWanted: true }), 'anna', now);
    expect(notMet).toMatchObject({ ok: true, countsAsContact: false, result: { hbAppointmentWanted: false } });
  });
});
