import { answerAttendance, askAttendance } from '../../src/app/attendance.js';
import { myDueContacts } from '../../src/app/due-contacts.js';
import { decideIntensive, requestIntensive } from '../../src/app/intensive.js';
import { recordContact } from '../../src/app/record-contact.js';
import { recordVisitResult } from '../../src/app/record-visit-result.js';
import { flagCustomer } from '../../src/app/flag-customer.js';
import { remindDueContacts, remindFlagDeadline, sendWeeklyDigests } from '../../src/app/scheduled-notices.js';
import { bookCallback } from '../../src/app/book-callback.js';
import { setAbsent, setPresent } from '../../src/app/presence.js';
import { escalateDueCallbacks } from '../../src/app/escalate-callbacks.js';
import { renderNotification } from '../../src/teams/render-notification.js';
import { jobCatalogue } from '../../src/jobs/job-catalogue.js';
import { runDueJobs } from '../../src/jobs/scheduler.js';
import { silentLogger } from '../../src/log.js';
import { cardText } from '../support/bot-harness.js';
import { at, fullAttempts, givenCustomer, STAFF, testDeps } from '../support/fixtures.js';

type Deps = Awaited<ReturnType<typeof testDeps>>;
const due = async (deps: Deps) => (await deps.store.dueNotifications(new Date('2100-01-01'), 500)).map((d) => d.notification);
const KDNR_PATTERN = /[0-9]{3}[A-Z][0-9]{6}/;

describe('recording contacts', () => {
  it('records a contact and moves the due date', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25' });
    const r = await recordContact(deps, STAFF.anna, { kdnr: '123D456789', kind: 'telefonisch', date: '2026-11-23' });
    expect(r.ok && r.customer.contacts).toEqual([{ kind: 'telefonisch', date: '2026-11-23', recordedBy: STAFF.anna, recordedAt: '2026-11-24T09:00:00.000Z' }]);
  });

  it('refuses a group information for a marktnah customer and stores nothing', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { group: 'marktnah' });
    expect(await recordContact(deps, STAFF.anna, { kdnr: '123D456789', kind: 'gruppe' })).toMatchObject({ ok: false, reason: 'gruppe-zaehlt-nicht' });
    expect((await deps.store.getCustomer('123D456789'))?.contacts).toEqual([]);
  });
});

describe('the daily reminder of due contacts', () => {
  it('reaches each IFK with something due, with the German card, and nobody with nothing due', async () => {
    const deps = await testDeps('2026-11-24 07:30');
    // Anna: one overdue (u25, last contact 3 months ago), one due on Friday (marktnah), one fine.
    await givenCustomer(deps, { kdnr: '100A000001', group: 'u25', lastContactImported: '2026-08-20' });
    await givenCustomer(deps, { kdnr: '100A000002', group: 'marktnah', lastContactImported: '2026-09-27' });
    await givenCustomer(deps, { kdnr: '100A000003', group: 'marktfern', lastContactImported: '2026-11-01' });
    // Jonas: nothing due.
    await givenCustomer(deps, { kdnr: '100A000004', hbId: STAFF.jonas, group: 'marktnah', lastContactImported: '2026-11-20' });
    expect(await remindDueContacts(deps)).toBe(1);
    const [n] = await due(deps);
    expect(n?.recipient).toEqual({ kind: 'staff', staffId: STAFF.anna });
    const text = cardText(await renderNotification(deps, n!));
    expect(text).toContain('Kontaktdichte: 1 überfällig, 1 in den nächsten 5 Arbeitstagen fällig');
    // One month after 20.08. is Sunday 20.09.: due, and overdue since, the Friday before.
    expect(text).toContain('🔴 Kunde 100A000001 · unter 25 · überfällig seit 18.09.2026 (67 Tage)');
    expect(text).toContain('🟡 Kunde 100A000002 · ab 25, marktnah · fällig am Fr. 27.11.2026');
    expect(text).not.toContain('100A000003');
    expect(text).toContain('Kontakt erfassen');
    // A second run the same day sends nothing twice.
    await remindDueContacts(deps);
    expect(await due(deps)).toHaveLength(1);
  });

  it('skips someone who is away, and on return sends the one reminder of what fell due meanwhile', async () => {
    const deps = await testDeps('2026-11-23 10:00'); // Monday
    await givenCustomer(deps, { kdnr: '100A000001', group: 'u25', lastContactImported: '2026-10-26' }); // due Thursday 26.11.
    await setAbsent(deps, STAFF.anna, '2026-11-27');
    for (const day of ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) {
      deps.clock.set(at(`${day} 07:30`));
      await remindDueContacts(deps);
      await remindFlagDeadline(deps); // Thursday: the flag deadline reminder also spares her
    }
    const forAnna = async () => (await due(deps)).filter((n) => n.recipient.kind === 'staff' && n.recipient.staffId === STAFF.anna);
    expect(await forAnna()).toEqual([]);
    // Back early on Friday afternoon: one card with the overdue contact; Friday's job later sends nothing twice.
    deps.clock.set(at('2026-11-27 13:00'));
    expect(await setPresent(deps, STAFF.anna)).toMatchObject({ ok: true });
    await remindDueContacts(deps);
    const [reminder, ...more] = await forAnna();
    expect(more).toEqual([]);
    expect(cardText(await renderNotification(deps, reminder!))).toContain('🔴 Kunde 100A000001 · unter 25 · überfällig seit 26.11.2026 (1 Tag)');
  });

  it('/faellig lists the same for the IFK now', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { kdnr: '100A000001', group: 'u25', lastContactImported: '2026-08-20' });
    const r = await myDueContacts(deps, STAFF.anna);
    expect(r.ok && r.overdue.map((e) => e.customer.kdnr)).toEqual(['100A000001']);
    expect(await myDueContacts(deps, STAFF.murat)).toMatchObject({ ok: false, reason: 'rolle-fehlt' });
  });
});

describe('Thursday morning: flags until end of service today', () => {
  it('reminds every IFK on the deadline day only', async () => {
    const deps = await testDeps('2026-11-25 08:00'); // Wednesday
    expect(await remindFlagDeadline(deps)).toBe(0);
    deps.clock.set(at('2026-11-26 08:00')); // Thursday
    expect(await remindFlagDeadline(deps)).toBe(2);
    const [n] = await due(deps);
    expect(cardText(await renderNotification(deps, n!))).toContain('Kunden, die Sie bis heute, 16:00 Uhr für die Aufsuchende Beratung vormerken, besucht die AB in KW 49/2026 (30.11.–04.12.). Spätere Vormerkungen gelten für KW 50/2026 (07.12.–11.12.).');
  });

  it('moves to Wednesday when Thursday is a public holiday', async () => {
    const deps = await testDeps('2026-05-13 08:00');
    expect(await remindFlagDeadline(deps)).toBe(2);
  });
});

describe('"Ist der Kunde erschienen?" (seed 000 §2)', () => {
  async function visited(deps: Deps) {
    await givenCustomer(deps, { attempts: fullAttempts() });
    await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: 'Reagiert nicht.', invitationInMailbox: true });
    deps.clock.set(at('2026-11-30 10:00'));
    const r = await recordVisitResult(deps, STAFF.murat, { kdnr: '123D456789' }, { outcome: 'nicht-angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-12-04' });
    if (!r.ok) throw new Error(r.reason);
    return r.outreach;
  }

  it('asks the HB on the working day after the appointment, once; "nein" offers to record the payment stop', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await visited(deps);
    deps.clock.set(at('2026-12-04 08:15')); // the appointment day itself
    expect(await askAttendance(deps)).toBe(0);
    deps.clock.set(at('2026-12-07 08:15')); // Monday after the Friday appointment
    expect(await askAttendance(deps)).toBe(1);
    expect(await askAttendance(deps)).toBe(0);
    const [task] = (await deps.store.openTasksOf(STAFF.anna)).filter((t) => t.kind === 'erschienen-pruefen');
    const n = (await due(deps)).find((x) => x.subject.kind === 'task' && x.subject.taskId === task!.id)!;
    expect(cardText(await renderNotification(deps, n))).toContain('Aufgabe: Ist der Kunde zum Termin erschienen?');
    expect(await answerAttendance(deps, STAFF.jonas, task!.id, 1, 'nein')).toMatchObject({ ok: false, reason: 'nicht-ihre-aufgabe' });
    const answered = await answerAttendance(deps, STAFF.anna, task!.id, 1, 'nein');
    expect(answered).toMatchObject({ ok: true, outreach: { attendance: { answer: 'nein' } } });
    const text = cardText(await renderNotification(deps, n));
    expect(text).toContain('✔ Nicht erschienen');
    expect(text).toContain('Vorläufige Zahlungseinstellung veranlasst');
  });
});

describe('"erschienen?" after downtime over a weekend', () => {
  it('a question missed on Friday is not asked on Saturday but on Monday morning, once', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: 'Reagiert nicht.', invitationInMailbox: true });
    deps.clock.set(at('2026-11-30 10:00'));
    await recordVisitResult(deps, STAFF.murat, { kdnr: '123D456789' }, { outcome: 'nicht-angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-12-03' });
    const jobs = jobCatalogue(deps).filter((j) => j.name === 'erschienen-nachfrage');
    deps.clock.set(at('2026-12-03 12:00')); // Thursday, the appointment day: the job runs, nothing to ask yet
    expect(await runDueJobs(deps, silentLogger, jobs)).toEqual(['erschienen-nachfrage']);
    const asked = async () => (await deps.store.openTasksOf(STAFF.anna)).filter((t) => t.kind === 'erschienen-pruefen');
    deps.clock.set(at('2026-12-05 10:00')); // down all Friday, back on Saturday
    expect(await runDueJobs(deps, silentLogger, jobs)).toEqual([]);
    expect(await asked()).toEqual([]);
    deps.clock.set(at('2026-12-07 06:00')); // Monday, before the job's time: Friday's missed run is owed
    expect(await runDueJobs(deps, silentLogger, jobs)).toEqual(['erschienen-nachfrage']);
    expect(await asked()).toHaveLength(1);
  });
});

describe('intensive customers (seed 003)', () => {
  it('asks the TL, tells the IFK the quota, and changes the customer only on confirmation', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { kdnr: '100A000001', intensive: true });
    await givenCustomer(deps, { kdnr: '100A000002' });
    const r = await requestIntensive(deps, STAFF.anna, '100A000002');
    expect(r).toMatchObject({ ok: true, add: true, after: { count: 2, quota: 3, state: 'unter' } });
    expect(await requestIntensive(deps, STAFF.anna, '100A000002')).toMatchObject({ ok: false, reason: 'intensiv-angefragt' });
    const [task] = await deps.store.openTasksOf(STAFF.petra);
    expect(task?.kind).toBe('intensiv-aufnehmen');
    expect((await deps.store.getCustomer('100A000002'))?.intensive).toBe(false);
    expect(await decideIntensive(deps, STAFF.anna, task!.id, 1, true)).toMatchObject({ ok: false, reason: 'rolle-fehlt' });
    expect(await decideIntensive(deps, STAFF.petra, task!.id, 1, true)).toMatchObject({ ok: true, approved: true, customer: { intensive: true } });
    expect(await decideIntensive(deps, STAFF.petra, task!.id, 1, true)).toMatchObject({ ok: false, reason: 'aufgabe-erledigt' });
  });

  it('a declined request leaves the customer unchanged; a part-time IFK has a quota of 2', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { kdnr: '100A000001', hbId: STAFF.jonas, intensive: true });
    await givenCustomer(deps, { kdnr: '100A000002', hbId: STAFF.jonas, intensive: true });
    await givenCustomer(deps, { kdnr: '100A000003', hbId: STAFF.jonas });
    const r = await requestIntensive(deps, STAFF.jonas, '100A000003');
    expect(r).toMatchObject({ ok: true, after: { count: 3, quota: 2, state: 'ueber' } });
    const [task] = await deps.store.openTasksOf(STAFF.petra);
    expect(await decideIntensive(deps, STAFF.petra, task!.id, 1, false)).toMatchObject({ ok: true, approved: false, customer: { intensive: false } });
  });
});

describe('the weekly digest', () => {
  it('counts last week\'s flags, visits, callbacks, overdue contacts and the quota — and carries no Kundennummer', async () => {
    const deps = await testDeps('2026-11-17 10:00'); // KW 47
    await givenCustomer(deps, { kdnr: '100A000001', attempts: fullAttempts(), lastContactImported: '2026-11-10' });
    await givenCustomer(deps, { kdnr: '100A000002', group: 'u25', lastContactImported: '2026-08-01' });
    await givenCustomer(deps, { kdnr: '100A000003', hbId: STAFF.jonas, intensive: true, lastContactImported: '2026-11-16' });
    await flagCustomer(deps, STAFF.anna, { kdnr: '100A000001', reason: 'Reagiert nicht.', invitationInMailbox: true });
    await recordVisitResult(deps, STAFF.murat, { kdnr: '100A000001' }, { outcome: 'angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-11-20' });
    await bookCallback(deps, STAFF.sabine, '100A000002');
    deps.clock.set(at('2026-11-17 15:00'));
    expect(await escalateDueCallbacks(deps)).toBe(1);
    await deps.store.saveTeamChannel('team-521', '19:c521', { serviceUrl: 'x', channelId: 'msteams', conversationId: '19:c521', updatedAt: '' });

    deps.clock.set(at('2026-11-23 07:00')); // Monday of KW 48
    expect(await sendWeeklyDigests(deps)).toBe(1);
    const digest = (await due(deps)).find((n) => n.subject.kind === 'digest')!;
    expect(digest.recipient).toEqual({ kind: 'channel', channelId: '19:c521' });
    const card = await renderNotification(deps, digest);
    const text = cardText(card);
    expect(text).toContain('Wochenrückblick KW 47/2026 (16.11.–20.11.) · Team 521 Markt & Integration');
    expect(text).toMatch(/Vormerkungen\n1\nBesuche: angetroffen\n1\nBesuche: nicht angetroffen\n0/);
    expect(text).toMatch(/gebucht\n1\nübernommen\n0\neskaliert\n1/);
    expect(text).toMatch(/Anna Becker\n1\nJonas Weber\n0/);
    expect(text).toMatch(/Anna Becker\n0 von 3 \(unter Soll\)\nJonas Weber\n1 von 2 \(unter Soll\)/);
    expect(JSON.stringify(card)).not.toMatch(KDNR_PATTERN);
    expect(await sendWeeklyDigests(deps)).toBe(0); // a rerun queues nothing new
    expect((await due(deps)).filter((n) => n.subject.kind === 'digest')).toHaveLength(1);
  });
});
