import { completeTask } from '../../src/app/complete-task.js';
import { customerStatus } from '../../src/app/customer-status.js';
import { flagCustomer } from '../../src/app/flag-customer.js';
import { myTasks } from '../../src/app/my-tasks.js';
import { recordAttempt } from '../../src/app/record-attempt.js';
import { recordVisitResult } from '../../src/app/record-visit-result.js';
import { setAbsent } from '../../src/app/presence.js';
import { taskView } from '../../src/app/task-view.js';
import { weekPlan } from '../../src/app/week-plan.js';
import { taskCard } from '../../src/teams/task-card.js';
import { viewContextAt } from '../../src/teams/view-context.js';
import { cardText } from '../support/bot-harness.js';
import type { VisitResultInput } from '../../src/domain/visit-result.js';
import { at, attempt, fullAttempts, givenCustomer, STAFF, STRANGER, testDeps } from '../support/fixtures.js';
import { snapshot } from '../support/store-snapshot.js';

const REASON = 'Kunde reagiert seit drei Monaten nicht; Wohnsituation unklar.';
const visit: VisitResultInput = { outcome: 'nicht-angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-12-08' };

async function flaggedCustomer(deps: Awaited<ReturnType<typeof testDeps>>, overrides = {}) {
  await givenCustomer(deps, { attempts: fullAttempts(), ...overrides });
  const r = await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: REASON, invitationInMailbox: true });
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('flagging a customer for AB (seed 000 §2)', () => {
  it('stores the flag for next week and gives the AB of the district a task', async () => {
    const deps = await testDeps('2026-11-24 10:00'); // Tuesday of KW 48
    const r = await flaggedCustomer(deps);
    expect(r.outreach).toMatchObject({ targetWeek: '2026-W49', district: 'nord', reason: REASON, status: 'vorgemerkt', invitationInMailbox: true });
    expect(r.task.assigneeIds).toEqual([STAFF.murat]); // Murat plans Nord; Lena does not
    const due = await deps.store.dueNotifications(deps.clock.now(), 10);
    expect(due.map((d) => d.notification.recipient)).toEqual([{ kind: 'staff', staffId: STAFF.murat }]);
  });

  it('names what is missing and stores nothing when a prerequisite is missing', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: fullAttempts().slice(0, 5) });
    const before = await snapshot(deps.store, deps.dataDir);
    const r = await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: REASON, invitationInMailbox: true });
    expect(r).toMatchObject({ ok: false, reason: 'voraussetzungen-fehlen' });
    expect(r.ok || r.checklist?.filter((e) => e.status === 'fehlt').map((e) => e.item)).toEqual(['zweiter-anruf']);
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });

  it('requires the reason and the invitation in the AB mailbox', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: fullAttempts() });
    expect(await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: '   ', invitationInMailbox: true })).toMatchObject({ reason: 'begruendung-fehlt' });
    expect(await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: 'x'.repeat(301), invitationInMailbox: true })).toMatchObject({ reason: 'begruendung-zu-lang' });
    expect(await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: REASON, invitationInMailbox: false })).toMatchObject({ reason: 'postfach-fehlt' });
    expect(await deps.store.casesOfCustomer('123D456789')).toEqual([]);
  });

  it('refuses a second flag while one is open', async () => {
    const deps = await testDeps();
    await flaggedCustomer(deps);
    expect(await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: REASON, invitationInMailbox: true })).toMatchObject({ ok: false, reason: 'bereits-vorgemerkt', weekKey: '2026-W49' });
  });

  it('refuses an unknown customer, a malformed Kundennummer, an AB and someone not in the directory', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: fullAttempts() });
    const input = { reason: REASON, invitationInMailbox: true };
    expect(await flagCustomer(deps, STAFF.anna, { kdnr: '999Z999999', ...input })).toMatchObject({ reason: 'kunde-unbekannt' });
    expect(await flagCustomer(deps, STAFF.anna, { kdnr: '12-345', ...input })).toMatchObject({ reason: 'kdnr-format' });
    expect(await flagCustomer(deps, STAFF.murat, { kdnr: '123D456789', ...input })).toMatchObject({ reason: 'rolle-fehlt' });
    expect(await flagCustomer(deps, STRANGER, { kdnr: '123D456789', ...input })).toMatchObject({ reason: 'unbekannte-person' });
  });

  it('sends a flag from a district nobody covers to every AB', async () => {
    const deps = await testDeps();
    const noCover = { ...deps, policy: { ...deps.policy, districts: [...deps.policy.districts, { id: 'insel', name: 'Insel' }] } };
    const r = await flaggedCustomer(noCover, { district: 'insel' });
    expect([...r.task.assigneeIds].sort()).toEqual([STAFF.murat, STAFF.lena].sort());
  });
});

describe('recording contact attempts', () => {
  it('records an attempt with date and time in Berlin time', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    const r = await recordAttempt(deps, STAFF.anna, { kdnr: '123d456789', kind: 'anruf', date: '2026-11-23', time: '14:30' });
    expect(r).toMatchObject({ ok: true, attempt: { kind: 'anruf', at: at('2026-11-23 14:30'), timeGiven: true } });
    expect((await deps.store.getCustomer('123D456789'))?.attempts).toHaveLength(1);
  });

  it('uses now when no date is given, and refuses future dates and calls without time', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    expect(await recordAttempt(deps, STAFF.anna, { kdnr: '123D456789', kind: 'einladung' })).toMatchObject({ ok: true, attempt: { at: at('2026-11-24 10:00') } });
    expect(await recordAttempt(deps, STAFF.anna, { kdnr: '123D456789', kind: 'einladung', date: '2026-11-25' })).toMatchObject({ reason: 'datum-in-zukunft' });
    expect(await recordAttempt(deps, STAFF.anna, { kdnr: '123D456789', kind: 'anruf', date: '2026-11-23' })).toMatchObject({ reason: 'uhrzeit-fehlt' });
    expect((await deps.store.getCustomer('123D456789'))?.attempts).toHaveLength(1);
  });

  it('lets the HB\'s team stand in but refuses an IFK outside it', async () => {
    const deps = await testDeps();
    await givenCustomer(deps);
    expect((await recordAttempt(deps, STAFF.jonas, { kdnr: '123D456789', kind: 'einladung' })).ok).toBe(true);
    await givenCustomer(deps, { kdnr: '111A111111', hbId: STAFF.lena });
    expect(await recordAttempt(deps, STAFF.anna, { kdnr: '111A111111', kind: 'einladung' })).toMatchObject({ reason: 'nicht-zustaendig' });
  });
});

describe('the AB week plan', () => {
  it('groups next week\'s flags by district, the AB\'s own districts first, and keeps unvisited flags of earlier weeks', async () => {
    const deps = await testDeps('2026-11-17 10:00'); // KW 47: flags for KW 48
    await givenCustomer(deps, { kdnr: '100A000001', district: 'nord', attempts: fullAttempts() });
    await givenCustomer(deps, { kdnr: '100A000002', district: 'sued', attempts: fullAttempts() });
    for (const kdnr of ['100A000001', '100A000002']) expect((await flagCustomer(deps, STAFF.anna, { kdnr, reason: REASON, invitationInMailbox: true })).ok).toBe(true);
    deps.clock.set(at('2026-11-24 08:00')); // KW 48; flagged now → KW 49
    await givenCustomer(deps, { kdnr: '100A000003', district: 'nord', attempts: fullAttempts() });
    expect((await flagCustomer(deps, STAFF.anna, { kdnr: '100A000003', reason: REASON, invitationInMailbox: true })).ok).toBe(true);

    // Without a week: this week's visits and the flags already made for the coming weeks, own districts first.
    const plan = await weekPlan(deps, STAFF.lena);
    if (!plan.ok) throw new Error(plan.reason);
    expect([plan.week, plan.aheadUntil]).toEqual([{ year: 2026, week: 48 }, { year: 2026, week: 49 }]);
    expect(plan.districts.map((d) => [d.districtName, d.own, d.cases.map((c) => [c.kdnr, c.targetWeek])])).toEqual([
      ['Süd', true, [['100A000002', '2026-W48']]],
      ['Nord', false, [['100A000001', '2026-W48'], ['100A000003', '2026-W49']]]
    ]);
    const only48 = await weekPlan(deps, STAFF.lena, { year: 2026, week: 48 });
    expect(only48.ok && only48.districts.flatMap((d) => d.cases.map((c) => c.kdnr)).sort()).toEqual(['100A000001', '100A000002']);
    const next = await weekPlan(deps, STAFF.murat, { year: 2026, week: 49 });
    expect(next.ok && next.districts.flatMap((d) => d.cases.map((c) => c.kdnr)).sort()).toEqual(['100A000001', '100A000002', '100A000003']);
  });

  it('is for AB staff only', async () => {
    const deps = await testDeps();
    expect(await weekPlan(deps, STAFF.anna)).toMatchObject({ ok: false, reason: 'rolle-fehlt' });
  });
});

describe('the visit result and the HB task', () => {
  it('counts meeting the customer as a personal contact (seed 003); a closed door is no contact', async () => {
    const deps = await testDeps();
    const { outreach } = await flaggedCustomer(deps);
    await recordVisitResult(deps, STAFF.murat, { caseId: outreach.id, version: 1 }, { ...visit, outcome: 'angetroffen' });
    expect((await deps.store.getCustomer('123D456789'))?.contacts).toEqual([{ kind: 'persoenlich', date: '2026-11-24', recordedBy: STAFF.murat, recordedAt: expect.any(String) }]);
    await givenCustomer(deps, { kdnr: '100A000009', attempts: fullAttempts() });
    const other = await flagCustomer(deps, STAFF.anna, { kdnr: '100A000009', reason: REASON, invitationInMailbox: true });
    if (!other.ok) throw new Error(other.reason);
    await recordVisitResult(deps, STAFF.murat, { caseId: other.outreach.id, version: 1 }, visit);
    expect((await deps.store.getCustomer('100A000009'))?.contacts).toEqual([]);
  });

  it('closes the AB task, informs the HB by task and records the result', async () => {
    const deps = await testDeps();
    const { outreach } = await flaggedCustomer(deps);
    const r = await recordVisitResult(deps, STAFF.murat, { caseId: outreach.id, version: 1 }, visit);
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks.map((t) => [t.kind, t.assigneeIds])).toEqual([['ab-ergebnis', [STAFF.anna]]]);
    expect(await deps.store.getCase(outreach.id)).toMatchObject({ status: 'besucht', visit: { outcome: 'nicht-angetroffen', recordedBy: STAFF.murat } });
    const murat = await myTasks(deps, STAFF.murat);
    expect(murat.ok && murat.tasks).toEqual([]);
    const anna = await myTasks(deps, STAFF.anna);
    expect(anna.ok && anna.tasks.map((t) => t.kind)).toEqual(['ab-ergebnis']);
    // Her own task: no substitution line.
    expect(cardText(taskCard(viewContextAt(deps.directory, deps.policy, deps.clock.now()), await taskView(deps, r.tasks[0]!), STAFF.anna).json)).not.toContain('In Vertretung');
  });

  it('while the HB is away the substitute gets the result task, and its card says for whom and who the HB is', async () => {
    const deps = await testDeps();
    const { outreach } = await flaggedCustomer(deps);
    await setAbsent(deps, STAFF.anna, '2026-12-04');
    const r = await recordVisitResult(deps, STAFF.murat, { caseId: outreach.id, version: 1 }, visit);
    if (!r.ok) throw new Error(r.reason);
    const [task] = r.tasks;
    // The substitute gets it now; the HB keeps it and sees it on return.
    expect(task!.assigneeIds).toEqual([STAFF.jonas, STAFF.anna]);
    const card = cardText(taskCard(viewContextAt(deps.directory, deps.policy, deps.clock.now()), await taskView(deps, task!), STAFF.jonas).json);
    expect(card).toContain('In Vertretung für Anna Becker (HB des Kunden, abwesend).');
  });

  it('adds the talk AB–HB for a complex case and a task for the Leistungsabteilung for a hint', async () => {
    const deps = await testDeps();
    const { outreach } = await flaggedCustomer(deps);
    const r = await recordVisitResult(deps, STAFF.murat, { kdnr: '123D456789' }, { ...visit, complex: true, hintForBenefits: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks.map((t) => [t.kind, t.assigneeIds])).toEqual([
      ['ab-ergebnis', [STAFF.anna]],
      ['gespraech-ab-hb', [STAFF.anna, STAFF.murat]],
      ['hinweis-leistung', [STAFF.thomas]]
    ]);
    const recipients = (await deps.store.dueNotifications(deps.clock.now(), 50)).filter((d) => d.notification.subject.kind === "task" && r.tasks.some((t) => d.notification.subject.kind === "task" && t.id === d.notification.subject.taskId));
    expect(recipients.map((d) => d.notification.recipient.kind === 'staff' && d.notification.recipient.staffId).sort()).toEqual([STAFF.anna, STAFF.anna, STAFF.murat, STAFF.thomas].sort());
    expect(outreach.id).toBe(r.outreach.id);
  });

  it('refuses an IFK posting a result and changes nothing', async () => {
    const deps = await testDeps();
    const { outreach } = await flaggedCustomer(deps);
    const before = await snapshot(deps.store, deps.dataDir);
    expect(await recordVisitResult(deps, STAFF.anna, { caseId: outreach.id, version: 1 }, visit)).toMatchObject({ ok: false, reason: 'rolle-fehlt' });
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });

  it('refuses a second result and a stale card', async () => {
    const deps = await testDeps();
    const { outreach } = await flaggedCustomer(deps);
    expect((await recordVisitResult(deps, STAFF.murat, { caseId: outreach.id, version: 1 }, visit)).ok).toBe(true);
    expect(await recordVisitResult(deps, STAFF.lena, { caseId: outreach.id, version: 1 }, visit)).toMatchObject({ reason: 'fall-bereits-erledigt' });
    expect(await recordVisitResult(deps, STAFF.lena, { kdnr: '123D456789' }, visit)).toMatchObject({ reason: 'kein-offener-fall' });
  });

  it('lets only the HB acknowledge the result task, once', async () => {
    const deps = await testDeps();
    const { outreach } = await flaggedCustomer(deps);
    const r = await recordVisitResult(deps, STAFF.murat, { caseId: outreach.id, version: 1 }, visit);
    if (!r.ok) throw new Error(r.reason);
    const task = r.tasks[0]!;
    const before = await snapshot(deps.store, deps.dataDir);
    expect(await completeTask(deps, STAFF.jonas, task.id, 1)).toMatchObject({ ok: false, reason: 'nicht-ihre-aufgabe' });
    expect(await completeTask(deps, STAFF.murat, task.id, 1)).toMatchObject({ ok: false, reason: 'nicht-ihre-aufgabe' });
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
    expect(await completeTask(deps, STAFF.anna, task.id, 1)).toMatchObject({ ok: true, task: { status: 'erledigt', completedBy: STAFF.anna } });
    expect(await completeTask(deps, STAFF.anna, task.id, 1)).toMatchObject({ ok: false, reason: 'aufgabe-erledigt' });
  });

  it('does not let an AB close the visit task by a click: it closes with the result', async () => {
    const deps = await testDeps();
    const { task } = await flaggedCustomer(deps);
    expect(await completeTask(deps, STAFF.murat, task.id, 1)).toMatchObject({ ok: false, reason: 'aufgabe-schliesst-mit-ergebnis' });
  });
});

describe('the customer status', () => {
  it('shows HB, attempts, the open flag and open tasks to those who may read it', async () => {
    const deps = await testDeps();
    await flaggedCustomer(deps);
    const s = await customerStatus(deps, STAFF.petra, '123D456789');
    if (!s.ok) throw new Error(s.reason);
    expect(s.customer.attempts).toHaveLength(6);
    expect(s.latestCase).toMatchObject({ status: 'vorgemerkt', targetWeek: '2026-W49' });
    expect(s.openTasks.map((t) => t.kind)).toEqual(['ab-besuch']);
    expect(await customerStatus(deps, STAFF.sabine, '123D456789')).toMatchObject({ ok: false, reason: 'rolle-fehlt' });
  });

  it('keeps the attempt order of the record, whatever order they were entered in', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: [attempt('anruf', '2026-10-23 14:30'), ...fullAttempts().slice(0, 5)] });
    const s = await customerStatus(deps, STAFF.anna, '123D456789');
    expect(s.ok && s.check.ok).toBe(true);
  });
});
