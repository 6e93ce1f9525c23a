import { countAnonymous } from '../../src/app/anonymous-count.js';
import { eraseCustomer, exportCustomer } from '../../src/app/data-subject.js';
import { applyRetention } from '../../src/app/retention.js';
import { planVoluntary } from '../../src/app/voluntary-plan.js';
import { cancelVoluntary, recordVoluntaryResult } from '../../src/app/voluntary-result.js';
import { weeklyDigest } from '../../src/app/weekly-digest.js';
import type { Deps } from '../../src/app/deps.js';
import { completeTask } from '../../src/app/complete-task.js';
import type { VoluntaryPlanRequest } from '../../src/domain/voluntary-plan.js';
import type { VoluntaryResultInput } from '../../src/domain/voluntary-result.js';
import { jobCatalogue } from '../../src/jobs/job-catalogue.js';
import { at, attempt, givenCustomer, STAFF, testDeps } from '../support/fixtures.js';

const KDNR = '123D456789';
const calls = [attempt('anruf', '2026-11-02 09:00'), attempt('anruf', '2026-11-05 14:30')];
const hausbesuch = (date: string, over: Partial<VoluntaryPlanRequest> = {}): VoluntaryPlanRequest => ({ approach: 'hausbesuch', date, time: '10:00', secondPersonId: STAFF.jonas, substituteId: STAFF.petra, ...over });
const boxes = (over: Partial<VoluntaryResultInput> = {}): VoluntaryResultInput => ({
  outcome: 'stattgefunden', endedAtDoor: false, writtenConsent: false, publicSpaceRisksTold: false, acquainted: true, recognitionSignAgreed: false, idBrought: false,
  othersPresent: false, othersConsent: false, placeUnsuitable: false, newAppointmentAgreed: false, talkInAbsence: false, confidentialityRelease: false,
  tookPartInTalk: false, substituteWent: false, customerCalledBeforehand: false, reasonsDiscussed: true, reachabilityDiscussed: true, followUpAgreed: false, hbAppointmentWanted: false,
  ...over
});
const runJob = (deps: Deps, name: string) => jobCatalogue(deps).find((j) => j.name === name)!.run(deps);
const sentTo = async (deps: Deps) => (await deps.store.allNotifications()).map((n) => (n.recipient.kind === 'staff' ? n.recipient.staffId : n.recipient.channelId));

/** The planner confirms both letters on their tasks. */
async function sendLetters(deps: Deps): Promise<void> {
  for (const t of await deps.store.openTasksOf(STAFF.anna)) {
    if (t.kind === 'freiwillig-ankuendigung' || t.kind === 'freiwillig-erinnerung') expect((await completeTask(deps, STAFF.anna, t.id, t.version)).ok).toBe(true);
  }
}

describe('Hausbesuch (seed 002 §4)', () => {
  it('planned 25 days ahead: the notice task is due now until 3 weeks before, the reminder from 2 to 1 weeks before; TL, substitute and colleague informed', async () => {
    const deps = await testDeps('2026-11-23 10:00'); // Monday
    await givenCustomer(deps, { attempts: calls });
    const r = await planVoluntary(deps, STAFF.anna, KDNR, hausbesuch('2026-12-18'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.outreach).toMatchObject({ approach: 'hausbesuch', status: 'geplant', secondPersonId: STAFF.jonas, substituteId: STAFF.petra, teamLeadIds: [STAFF.petra] });
    expect(r.letters.map((t) => [t.kind, t.assigneeIds, t.dueFrom, t.dueTo])).toEqual([
      ['freiwillig-ankuendigung', [STAFF.anna], '2026-11-23', '2026-11-27'],
      ['freiwillig-erinnerung', [STAFF.anna], '2026-12-04', '2026-12-11']
    ]);
    const tasks = await deps.store.tasksOfCustomer(KDNR);
    expect(tasks.find((t) => t.kind === 'freiwillig-termin')?.assigneeIds).toEqual([STAFF.jonas]);
    expect(tasks.find((t) => t.kind === 'freiwillig-info')?.assigneeIds).toEqual([STAFF.petra]);
    // The notice window is open: Anna hears of it now; the reminder's window opens later.
    expect((await sentTo(deps)).sort()).toEqual([STAFF.anna, STAFF.jonas, STAFF.petra].sort());

    // 04.12.: the reminder window opens → Anna is reminded; a second run sends nothing again.
    deps.clock.set(at('2026-12-04 07:50'));
    expect(await runJob(deps, 'hausbesuch-briefe')).toBe(2); // the reminder opens; the notice (not done) is overdue
    expect(await runJob(deps, 'hausbesuch-briefe')).toBe(0);
    const notice = r.letters[0]!;
    expect(await completeTask(deps, STAFF.anna, notice.id, 1)).toMatchObject({ ok: true });
    // 14.12.: the reminder's window closed without "erledigt" → overdue, once.
    deps.clock.set(at('2026-12-14 07:50'));
    expect(await runJob(deps, 'hausbesuch-briefe')).toBe(1);
  });

  it('is refused 20 days ahead with the reason, and after only one failed call; nothing is stored', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps, { attempts: calls });
    expect(await planVoluntary(deps, STAFF.anna, KDNR, hausbesuch('2026-12-13'))).toEqual({ ok: false, reason: 'ankuendigung-zu-knapp' });
    expect(await deps.store.voluntaryCasesOfCustomer(KDNR)).toEqual([]);
    expect(await deps.store.allTasks()).toEqual([]);
    expect(await deps.store.allNotifications()).toEqual([]);
    // The second person and the substitute must be able to record the result: an AB colleague cannot, nor can a forged id.
    expect(await planVoluntary(deps, STAFF.anna, KDNR, { ...hausbesuch('2026-12-18'), secondPersonId: STAFF.murat })).toEqual({ ok: false, reason: 'zweite-person-unbekannt' });
    expect(await planVoluntary(deps, STAFF.anna, KDNR, { ...hausbesuch('2026-12-18'), substituteId: STAFF.sabine })).toEqual({ ok: false, reason: 'vertretung-unbekannt' });
    const oneCall = await testDeps('2026-11-23 10:00');
    await givenCustomer(oneCall, { attempts: calls.slice(0, 1) });
    expect(await planVoluntary(oneCall, STAFF.anna, KDNR, hausbesuch('2026-12-18'))).toEqual({ ok: false, reason: 'anrufversuche-fehlen' });
  });

  it('is not offered by a Jobcenter that keeps only the unannounced visit (seed 000)', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps, { attempts: calls });
    const seed000 = { ...deps, policy: { ...deps.policy, voluntaryOutreach: { ...deps.policy.voluntaryOutreach, approaches: [] } } };
    expect(await planVoluntary(seed000, STAFF.anna, KDNR, hausbesuch('2026-12-18'))).toEqual({ ok: false, reason: 'ansatz-nicht-angeboten' });
    expect(await countAnonymous(seed000, STAFF.anna, 'walk-and-talk')).toEqual({ ok: false, reason: 'ansatz-nicht-angeboten' });
  });

  it('a visit that ended at the door saves without consent; one that went inside does not, and nothing is stored', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps, { attempts: calls });
    const planned = await planVoluntary(deps, STAFF.anna, KDNR, hausbesuch('2026-12-18'));
    if (!planned.ok) throw new Error(planned.reason);
    const ref = { caseId: planned.outreach.id, version: 1 };
    expect(await recordVoluntaryResult(deps, STAFF.jonas, ref, boxes({ endedAtDoor: true }))).toEqual({ ok: false, reason: 'ergebnis-zu-frueh' });
    deps.clock.set(at('2026-12-18 13:00'));
    // Not announced in writing (the notice task is open): the visit cannot be recorded as made.
    expect(await recordVoluntaryResult(deps, STAFF.jonas, ref, boxes({ endedAtDoor: true }))).toEqual({ ok: false, reason: 'ankuendigung-offen' });
    await sendLetters(deps);
    const inside = await recordVoluntaryResult(deps, STAFF.jonas, ref, boxes());
    expect(inside).toEqual({ ok: false, reason: 'pflichtangaben-fehlen', missingBoxes: ['einverstaendniserklaerung'] });
    expect((await deps.store.getVoluntaryCase(planned.outreach.id))?.status).toBe('geplant');

    const door = await recordVoluntaryResult(deps, STAFF.jonas, ref, boxes({ endedAtDoor: true, hbAppointmentWanted: true }));
    if (!door.ok) throw new Error(door.reason);
    expect(door).toMatchObject({ contactRecorded: true, outreach: { status: 'abgeschlossen', result: { outcome: 'stattgefunden', endedAtDoor: true, writtenConsent: false, hbAppointmentWanted: true } } });
    // seed 003: the talk counts as a personal contact; seed 002 §6: the HB (Anna) gets the outcome as a task.
    expect((await deps.store.getCustomer(KDNR))?.contacts).toEqual([{ kind: 'persoenlich', date: '2026-12-18', recordedBy: STAFF.jonas, recordedAt: '2026-12-18T12:00:00.000Z' }]);
    expect(door.hbTask).toMatchObject({ kind: 'freiwillig-ergebnis', assigneeIds: [STAFF.anna] });
    // Every open task of the visit closes: the colleague's appointment, the letters, the TL's note.
    const open = (await deps.store.tasksOfCustomer(KDNR)).filter((t) => t.status === 'offen').map((t) => t.kind);
    expect(open).toEqual(['freiwillig-ergebnis']);
  });

  it('the customer cancels: open tasks close, the colleague is told, no follow-up question', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps, { attempts: calls });
    await planVoluntary(deps, STAFF.anna, KDNR, hausbesuch('2026-12-18'));
    const r = await cancelVoluntary(deps, STAFF.anna, { kdnr: KDNR, approach: 'hausbesuch' });
    expect(r).toMatchObject({ ok: true, outreach: { status: 'abgesagt' }, told: [STAFF.jonas, STAFF.petra] });
    const tasks = await deps.store.tasksOfCustomer(KDNR);
    expect(tasks.filter((t) => t.status === 'offen').map((t) => t.kind)).toEqual(['freiwillig-abgesagt']);
    expect(tasks.some((t) => t.kind === 'erschienen-pruefen' || t.kind === 'zahlungseinstellung-hb')).toBe(false);
    expect(await cancelVoluntary(deps, STAFF.anna, { kdnr: KDNR, approach: 'hausbesuch' })).toEqual({ ok: false, reason: 'kein-geplanter-termin' });
  });

  it('refuses someone outside the appointment recording its result', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps, { attempts: calls });
    const planned = await planVoluntary(deps, STAFF.anna, KDNR, hausbesuch('2026-12-18'));
    if (!planned.ok) throw new Error(planned.reason);
    expect(await recordVoluntaryResult(deps, STAFF.thomas, { caseId: planned.outreach.id, version: 1 }, boxes({ endedAtDoor: true }))).toEqual({ ok: false, reason: 'nicht-zustaendig' });
    expect(await recordVoluntaryResult(deps, STAFF.jonas, { caseId: planned.outreach.id, version: 7 }, boxes({ endedAtDoor: true }))).toEqual({ ok: false, reason: 'veraltet' });
  });
});

describe('Begleitung zu Dritten and Walk and Talk (seed 002 §§2, 3, 5)', () => {
  it('a Begleitung with a talk in the customer’s absence is refused without the Schweigepflichtentbindung', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps);
    const planned = await planVoluntary(deps, STAFF.anna, KDNR, { approach: 'begleitung', date: '2026-11-26', time: '09:30', substituteId: STAFF.jonas, thirdParty: 'facharzt', accompanimentConsent: true });
    if (!planned.ok) throw new Error(planned.reason);
    expect(planned.outreach.accompaniment).toEqual({ thirdParty: 'facharzt', accompanimentConsent: true, joinTalkConsent: false });
    deps.clock.set(at('2026-11-26 12:00'));
    const ref = { caseId: planned.outreach.id, version: 1 };
    expect(await recordVoluntaryResult(deps, STAFF.anna, ref, boxes({ talkInAbsence: true }))).toEqual({ ok: false, reason: 'pflichtangaben-fehlen', missingBoxes: ['schweigepflichtentbindung'] });
    const saved = await recordVoluntaryResult(deps, STAFF.anna, ref, boxes({ talkInAbsence: true, confidentialityRelease: true }));
    // The HB held it herself: no task to herself.
    expect(saved).toMatchObject({ ok: true, contactRecorded: true });
    expect(saved.ok && saved.hbTask).toBeUndefined();
  });

  it('a Walk and Talk stores only that a meeting point was agreed; ended early by the customer is a normal result', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps);
    const request: VoluntaryPlanRequest = { approach: 'walk-and-talk', date: '2026-11-24', time: '14:00', substituteId: STAFF.jonas, meetingPointAgreed: true, reachabilityAgreed: true, bufferPlanned: true };
    const planned = await planVoluntary(deps, STAFF.anna, KDNR, request);
    if (!planned.ok) throw new Error(planned.reason);
    expect(planned.outreach.walk).toEqual({ meetingPointAgreed: true, reachabilityAgreed: true, bufferPlanned: true });
    expect(await planVoluntary(deps, STAFF.anna, KDNR, request)).toEqual({ ok: false, reason: 'bereits-geplant' });
    deps.clock.set(at('2026-11-24 16:00'));
    const r = await recordVoluntaryResult(deps, STAFF.anna, { kdnr: KDNR, approach: 'walk-and-talk' }, boxes({ outcome: 'vorzeitig-beendet', endedBy: 'kunde', publicSpaceRisksTold: true }));
    expect(r).toMatchObject({ ok: true, contactRecorded: true, outreach: { result: { outcome: 'vorzeitig-beendet', endedBy: 'kunde' } } });
  });
});

describe('anonymous consultations (seed 002 §6)', () => {
  it('/anonym adds one to this week’s count of the team, stores no Kundennummer, and the digest shows the counts per approach', async () => {
    const deps = await testDeps('2026-11-24 10:00'); // KW 48
    expect(await countAnonymous(deps, STAFF.anna, 'walk-and-talk')).toEqual({ ok: true, week: '2026-W48', counts: { 'walk-and-talk': 1, begleitung: 0 } });
    expect(await countAnonymous(deps, STAFF.jonas, 'walk-and-talk')).toMatchObject({ counts: { 'walk-and-talk': 2 } });
    expect(await countAnonymous(deps, STAFF.murat, 'begleitung')).toMatchObject({ counts: { begleitung: 1, 'walk-and-talk': 0 } }); // another team
    // At the customer's own door there is no anonymity.
    expect(await countAnonymous(deps, STAFF.anna, 'hausbesuch')).toEqual({ ok: false, reason: 'hausbesuch-nicht-anonym' });
    expect(await countAnonymous(deps, STAFF.ida, 'walk-and-talk')).toEqual({ ok: false, reason: 'rolle-fehlt' });
    const stored = await deps.store.anonymousConsultations('2026-W48');
    expect(stored).toHaveLength(3);
    expect(stored.every((a) => Object.keys(a).sort().join() === 'approach,id,team,version,week')).toBe(true);
    const digest = await weeklyDigest(deps, 'team-521', { year: 2026, week: 48 });
    expect(digest.voluntary).toEqual([
      { approach: 'hausbesuch', held: 0, anonymous: 0 },
      { approach: 'walk-and-talk', held: 0, anonymous: 2 },
      { approach: 'begleitung', held: 0, anonymous: 0 }
    ]);
  });
});

describe('retention, export and erasure include the voluntary cases', () => {
  it('deletes a closed appointment after the configured period; export and erasure name it', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps);
    const planned = await planVoluntary(deps, STAFF.anna, KDNR, { approach: 'walk-and-talk', date: '2026-11-24', time: '14:00', substituteId: STAFF.jonas, meetingPointAgreed: true, reachabilityAgreed: true, bufferPlanned: true });
    if (!planned.ok) throw new Error(planned.reason);
    expect(await exportCustomer(deps, KDNR, 'ida')).toMatchObject({ ok: true, voluntaryCases: [{ id: planned.outreach.id }] });
    deps.clock.set(at('2026-11-24 16:00'));
    await recordVoluntaryResult(deps, STAFF.anna, { kdnr: KDNR, approach: 'walk-and-talk' }, boxes({ publicSpaceRisksTold: true }));
    const info = (await deps.store.tasksOfCustomer(KDNR)).find((t) => t.kind === 'freiwillig-info')!;
    expect(info.status).toBe('erledigt'); // the result closes every open task of the appointment
    deps.clock.set(at('2027-05-20 10:00'));
    expect(await applyRetention(deps)).toBe(0);
    deps.clock.set(at('2027-05-25 10:00')); // 180 days after 24.11.
    expect(await applyRetention(deps)).toBe(1);
    expect(await deps.store.getVoluntaryCase(planned.outreach.id)).toBeUndefined();
  });

  it('erases the customer’s voluntary cases on request', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps, { attempts: calls });
    await planVoluntary(deps, STAFF.anna, KDNR, hausbesuch('2026-12-18'));
    expect(await eraseCustomer(deps, KDNR, 'ida')).toMatchObject({ ok: true });
    expect(await deps.store.voluntaryCasesOfCustomer(KDNR)).toEqual([]);
    expect(await deps.store.tasksOfCustomer(KDNR)).toEqual([]);
  });
});
