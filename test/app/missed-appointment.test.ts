import { bookCallback } from '../../src/app/book-callback.js';
import { claimTask } from '../../src/app/claim-task.js';
import { escalateDueCallbacks } from '../../src/app/escalate-callbacks.js';
import { setAbDayState, setAbsent, setPresent } from '../../src/app/presence.js';
import { recordPaymentStop } from '../../src/app/record-payment-stop.js';
import { recordTalk } from '../../src/app/record-talk.js';
import { reportMissedAppointment } from '../../src/app/report-missed-appointment.js';
import { recordVisitResult } from '../../src/app/record-visit-result.js';
import { flagCustomer } from '../../src/app/flag-customer.js';
import type { Notification } from '../../src/ports.js';
import { at, fullAttempts, givenCustomer, STAFF, testDeps } from '../support/fixtures.js';
import { snapshot } from '../support/store-snapshot.js';
import { cardText } from '../support/bot-harness.js';
import { renderNotification } from '../../src/teams/render-notification.js';

type Deps = Awaited<ReturnType<typeof testDeps>>;
const staffOf = (n: Notification) => (n.recipient.kind === 'staff' ? n.recipient.staffId : `channel:${n.recipient.channelId}`);
const dueTo = async (deps: Deps) => (await deps.store.dueNotifications(new Date('2100-01-01'), 500)).map((d) => d.notification);
const talk = { reasonsCleared: true, motivated: true, verbisNoteWritten: true };

async function reported(deps: Deps) {
  await givenCustomer(deps);
  const r = await reportMissedAppointment(deps, STAFF.sabine, '123D456789');
  if (!r.ok || r.outcome !== 'ab-informiert') throw new Error('expected AB informed');
  const [task] = (await deps.store.tasksOfCustomer('123D456789')).filter((t) => t.kind === 'meldeversaeumnis-ab');
  return { r, task: task! };
}

describe('Meldeversäumnis with an AB available (seed 000 §3)', () => {
  it('gives every available AB the urgent card; the first claim wins and the other cards are updated', async () => {
    const deps = await testDeps('2026-11-24 10:00'); // Tuesday: no field time
    const { r, task } = await reported(deps);
    expect(r.informed.sort()).toEqual([STAFF.murat, STAFF.lena].sort());
    const before = await dueTo(deps);
    expect(before.map(staffOf).sort()).toEqual([STAFF.murat, STAFF.lena].sort());

    const claim = await claimTask(deps, STAFF.murat, task.id, task.version);
    expect(claim).toMatchObject({ ok: true, task: { assigneeIds: [STAFF.murat], claimedBy: STAFF.murat }, missed: { status: 'uebernommen' } });
    const updates = (await dueTo(deps)).filter((n) => !before.some((b) => b.id === n.id));
    // Lena's card is replaced; Sabine (EZ) learns who took it.
    expect(updates.map((n) => [staffOf(n), n.updateOf !== undefined]).sort()).toEqual([[STAFF.lena, true], [STAFF.sabine, false]].sort());
    expect(await claimTask(deps, STAFF.lena, task.id, task.version)).toMatchObject({ ok: false, reason: 'bereits-uebernommen', claimedBy: STAFF.murat });
  });

  it('lets exactly one of two claims at the same moment win', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const { task } = await reported(deps);
    const results = await Promise.all([claimTask(deps, STAFF.murat, task.id, 1), claimTask(deps, STAFF.lena, task.id, 1)]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok)).toEqual([expect.objectContaining({ reason: 'bereits-uebernommen' })]);
    const stored = await deps.store.getTask(task.id);
    expect(stored?.assigneeIds).toHaveLength(1);
  });

  it('refuses a second click, a stale card and someone who was not asked, changing nothing', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const { task } = await reported(deps);
    const before = await snapshot(deps.store, deps.dataDir);
    expect(await claimTask(deps, STAFF.murat, task.id, 7)).toMatchObject({ ok: false, reason: 'veraltet' });
    expect(await claimTask(deps, STAFF.anna, task.id, 1)).toMatchObject({ ok: false, reason: 'nicht-ihre-aufgabe' });
    expect(await claimTask(deps, STAFF.sabine, task.id, 1)).toMatchObject({ ok: false, reason: 'rolle-fehlt' });
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
    expect((await claimTask(deps, STAFF.murat, task.id, 1)).ok).toBe(true);
    expect(await claimTask(deps, STAFF.murat, task.id, 1)).toMatchObject({ ok: false, reason: 'bereits-uebernommen' });
  });

  it('after the talk the HB gets the 1-hour follow-up', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const { task } = await reported(deps);
    await claimTask(deps, STAFF.murat, task.id, 1);
    const r = await recordTalk(deps, STAFF.murat, { kdnr: '123D456789' }, { ...talk, followUp: { date: '2026-11-26', time: '09:00' } });
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks.map((t) => [t.kind, t.assigneeIds])).toEqual([['folgetermin-hb', [STAFF.anna]]]);
    expect((await deps.store.getTask(task.id))?.status).toBe('erledigt');
    // seed 003: the talk in the Eingangszone is a personal contact.
    expect((await deps.store.getCustomer('123D456789'))?.contacts).toEqual([{ kind: 'persoenlich', date: '2026-11-24', recordedBy: STAFF.murat, recordedAt: expect.any(String) }]);
  });

  it('only EZ and LSB report, and a second report the same day is refused', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await reported(deps);
    expect(await reportMissedAppointment(deps, STAFF.anna, '123D456789')).toMatchObject({ ok: false, reason: 'rolle-fehlt' });
    expect(await reportMissedAppointment(deps, STAFF.thomas, '123D456789')).toMatchObject({ ok: false, reason: 'bereits-gemeldet' });
  });
});

describe('Meldeversäumnis without an AB: the same-day callback (seed 000 §3)', () => {
  it('stores nothing and says no AB is available when all AB are out', async () => {
    const deps = await testDeps('2026-11-25 10:00'); // Wednesday: the demo policy's field day
    await givenCustomer(deps);
    const before = await snapshot(deps.store, deps.dataDir);
    const r = await reportMissedAppointment(deps, STAFF.sabine, '123D456789');
    expect(r).toMatchObject({ ok: true, outcome: 'keine-ab' });
    expect(r.ok && r.outcome === 'keine-ab' && r.statuses.map((s) => s.status)).toEqual(['unterwegs', 'unterwegs']);
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });

  it('counts an AB who said "unterwegs" or is absent as not available', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    await setAbDayState(deps, STAFF.murat, 'unterwegs');
    await setAbsent(deps, STAFF.lena, '2026-11-24');
    expect(await reportMissedAppointment(deps, STAFF.sabine, '123D456789')).toMatchObject({ outcome: 'keine-ab' });
  });

  it('books the callback for today in the HB\'s team; the first claim wins; the IFK gets the task to book the HB appointment', async () => {
    const deps = await testDeps('2026-11-25 10:15');
    await givenCustomer(deps);
    const booked = await bookCallback(deps, STAFF.sabine, '123D456789');
    if (!booked.ok) throw new Error(booked.reason);
    expect(booked).toMatchObject({ team: 'team-521', viaChannel: false, slot: { date: '2026-11-25', from: '10:15', to: '16:00', nextWorkingDay: false } });
    expect([...booked.recipients].sort()).toEqual([STAFF.anna, STAFF.jonas].sort());
    const [task] = (await deps.store.tasksOfCustomer('123D456789')).filter((t) => t.kind === 'rueckruf');
    expect(await claimTask(deps, STAFF.murat, task!.id, 1)).toMatchObject({ ok: false, reason: 'nicht-zustaendig' }); // AB is not in the placement team
    expect((await claimTask(deps, STAFF.jonas, task!.id, 1)).ok).toBe(true);
    const r = await recordTalk(deps, STAFF.jonas, { kdnr: '123D456789' }, talk);
    expect(r.ok && r.tasks.map((t) => [t.kind, t.assigneeIds])).toEqual([['termin-beim-hb-buchen', [STAFF.jonas]]]);
    // seed 003: the callback is a contact by phone.
    expect((await deps.store.getCustomer('123D456789'))?.contacts).toEqual([{ kind: 'telefonisch', date: '2026-11-25', recordedBy: STAFF.jonas, recordedAt: expect.any(String) }]);
  });

  it('posts one card into the team channel when the team registered one', async () => {
    const deps = await testDeps('2026-11-25 10:15');
    await givenCustomer(deps);
    await deps.store.saveTeamChannel('team-521', '19:channel-521', { serviceUrl: 'x', channelId: 'msteams', conversationId: '19:channel-521', updatedAt: '' });
    const booked = await bookCallback(deps, STAFF.sabine, '123D456789');
    expect(booked).toMatchObject({ ok: true, viaChannel: true });
    expect((await dueTo(deps)).map(staffOf)).toEqual(['channel:19:channel-521']);
    // In the shared channel the card says whom it is for; the card a person gets in their own chat does not need to.
    const [notification] = await dueTo(deps);
    expect(cardText(await renderNotification(deps, notification!))).toContain('Für Team 521 Markt & Integration (Teamkanal)');
  });

  it('books after end of service for the next working day, across a public holiday', async () => {
    const deps = await testDeps('2026-05-13 16:30'); // Wednesday; Thursday 14.05.2026 is Christi Himmelfahrt
    await givenCustomer(deps);
    expect(await bookCallback(deps, STAFF.sabine, '123D456789')).toMatchObject({ ok: true, slot: { date: '2026-05-15', from: '08:00', nextWorkingDay: true } });
  });

  it('escalates to the TL and the substitute at the configured time, once', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    await bookCallback(deps, STAFF.sabine, '123D456789');
    deps.clock.set(at('2026-11-24 14:59'));
    expect(await escalateDueCallbacks(deps)).toBe(0);
    deps.clock.set(at('2026-11-24 15:00'));
    const before = (await dueTo(deps)).length;
    expect(await escalateDueCallbacks(deps)).toBe(1);
    const added = (await dueTo(deps)).slice(before);
    expect(added.map(staffOf).sort()).toEqual([STAFF.petra, STAFF.jonas].sort());
    expect(await escalateDueCallbacks(deps)).toBe(0);
    const [task] = (await deps.store.tasksOfCustomer('123D456789')).filter((t) => t.kind === 'rueckruf');
    expect((await claimTask(deps, STAFF.petra, task!.id, task!.version)).ok).toBe(true);
  });

  it('does not escalate a claimed callback', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    await bookCallback(deps, STAFF.sabine, '123D456789');
    const [task] = await deps.store.tasksOfCustomer('123D456789');
    await claimTask(deps, STAFF.anna, task!.id, 1);
    deps.clock.set(at('2026-11-24 15:30'));
    expect(await escalateDueCallbacks(deps)).toBe(0);
  });
});

describe('absences and the Vertretungsregelung', () => {
  it('sends the HB\'s follow-up to the substitute while the HB is absent; the HB sees it on return', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const { task } = await reported(deps);
    await setAbsent(deps, STAFF.anna, '2026-11-25');
    await claimTask(deps, STAFF.murat, task.id, 1);
    const before = (await dueTo(deps)).length;
    const r = await recordTalk(deps, STAFF.murat, { kdnr: '123D456789' }, { ...talk, followUp: { date: '2026-11-26', time: '09:00' } });
    expect(r.ok && r.tasks.map((t) => [t.kind, t.assigneeIds, t.onBehalfOf])).toEqual([['folgetermin-hb', [STAFF.jonas, STAFF.anna], STAFF.anna]]);
    expect((await dueTo(deps)).slice(before).map(staffOf)).toEqual([STAFF.jonas]);
    const back = await setPresent(deps, STAFF.anna);
    expect(back.ok && back.routedWhileAway.map((t) => t.kind)).toEqual(['folgetermin-hb']);
  });

  it('sends it to the TL when nobody on the substitute list is present', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const { task } = await reported(deps);
    await setAbsent(deps, STAFF.anna, '2026-11-30');
    await setAbsent(deps, STAFF.jonas, '2026-11-30');
    await claimTask(deps, STAFF.murat, task.id, 1);
    const r = await recordTalk(deps, STAFF.murat, { kdnr: '123D456789' }, { ...talk, followUp: { date: '2026-12-01', time: '09:00' } });
    expect(r.ok && r.tasks[0]?.assigneeIds).toEqual([STAFF.petra, STAFF.anna]);
  });

  it('routes the AB visit result to the substitute as well', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const flagged = await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: 'Reagiert nicht.', invitationInMailbox: true });
    if (!flagged.ok) throw new Error(flagged.reason);
    await setAbsent(deps, STAFF.anna, '2026-12-04');
    deps.clock.set(at('2026-12-01 10:00'));
    const r = await recordVisitResult(deps, STAFF.murat, { kdnr: '123D456789' }, { outcome: 'angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-12-08' });
    expect(r.ok && r.tasks.map((t) => [t.kind, t.assigneeIds])).toEqual([['ab-ergebnis', [STAFF.jonas, STAFF.anna]]]);
  });

  it('refuses an absence that ended in the past', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    expect(await setAbsent(deps, STAFF.anna, '2026-11-23')).toMatchObject({ ok: false, reason: 'datum-vergangen' });
  });
});

describe('provisional payment stop (seed 000 §2/§3)', () => {
  it('after the callback talk sends the lifting note task to the Leistungsabteilung and a task to the HB', async () => {
    const deps = await testDeps('2026-11-25 10:00');
    await givenCustomer(deps);
    expect((await recordPaymentStop(deps, STAFF.anna, '123D456789')).ok).toBe(true);
    expect(await recordPaymentStop(deps, STAFF.anna, '123D456789')).toMatchObject({ ok: false, reason: 'zahlungseinstellung-besteht' });
    await bookCallback(deps, STAFF.sabine, '123D456789');
    const [task] = await deps.store.tasksOfCustomer('123D456789');
    await claimTask(deps, STAFF.jonas, task!.id, 1);
    const r = await recordTalk(deps, STAFF.jonas, { kdnr: '123D456789' }, talk);
    expect(r.ok && r.tasks.map((t) => [t.kind, t.assigneeIds])).toEqual([
      ['termin-beim-hb-buchen', [STAFF.jonas]],
      ['aufhebung-zahlungseinstellung', [STAFF.thomas]],
      ['zahlungseinstellung-hb', [STAFF.anna]]
    ]);
    expect((await deps.store.getPaymentStop('123D456789'))?.liftRequestedAt).toBe(at('2026-11-25 10:00'));
  });
});
