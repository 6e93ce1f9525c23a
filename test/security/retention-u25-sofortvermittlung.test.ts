import { completeTask } from '../../src/app/complete-task.js';
import { eraseCustomer, exportCustomer } from '../../src/app/data-subject.js';
import { recordFirstTalk } from '../../src/app/first-talk.js';
import { applyRetention } from '../../src/app/retention.js';
import { routeNewcomerCustomer, type RouteInput } from '../../src/app/route-newcomer.js';
import { recordExpense } from '../../src/app/u25-expense.js';
import { handOverToAbPap } from '../../src/app/u25-handover.js';
import { arrangeJointTalk, returnToPap } from '../../src/app/u25-return.js';
import { remindU25PhaseEnds } from '../../src/app/u25-notices.js';
import { finishWalkIn, takeNextWalkIn } from '../../src/app/walk-in-queue.js';
import { FIRST_TALK_ITEMS } from '../../src/domain/first-talk.js';
import { at, givenCustomer, STAFF, testDeps } from '../support/fixtures.js';

type Deps = Awaited<ReturnType<typeof testDeps>>;

const MIRIAM = '00000000-0000-0000-0000-0000000000028'; // aB-pAp
const CLARA = '00000000-0000-0000-0000-000000000401'; // Sofortvermittlerin
const ok = <T extends { ok: boolean; reason?: string }>(r: T): T & { ok: true } => {
  if (!r.ok) throw new Error(`arrange: ${r.reason}`);
  return r as T & { ok: true };
};
const deletionsOf = async (deps: Deps, action: string) => (await deps.audit.read()).filter((e) => e.action === action).map((e) => e.kdnr);
const stored = async (deps: Deps) => JSON.stringify(await Promise.all([deps.store.allU25Cases(), deps.store.allTasks(), deps.store.allNotifications(), deps.store.allNewcomerCases(), deps.store.allWalkInQueues(), deps.store.sofoSlotsFrom('2000-01-01')]));

/** Anna hands her under-25 customer to Miriam; the phase ends with the joint talk and the return; Anna reads the result. */
async function returnedU25Case(deps: Deps, kdnr: string) {
  await givenCustomer(deps, { kdnr, group: 'u25' });
  const handed = ok(await handOverToAbPap(deps, STAFF.anna, kdnr, { handoverTalkHeld: true, form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPapId: MIRIAM }));
  deps.clock.set(at('2027-04-26 07:45')); // a month before the phase ends: the reminder names the case
  await remindU25PhaseEnds(deps);
  ok(await arrangeJointTalk(deps, MIRIAM, { kdnr }, '2027-04-28', '10:00'));
  deps.clock.set(at('2027-04-28 11:00'));
  const back = ok(await returnToPap(deps, MIRIAM, { kdnr }, { early: false }));
  ok(await completeTask(deps, STAFF.anna, back.task.id, back.task.version));
  return handed.outreach;
}

const newcomer = (kdnr: string, answers: Partial<RouteInput['answers']> = {}, householdMember = false): RouteInput => ({
  kdnr,
  district: 'nord',
  householdMember,
  answers: { firstApplicationHere: true, age: 30, completedTraining: false, yearsOfExperience: 1, speaksGerman: true, placementOfficerAssigned: false, reha: false, profile: null, onlyForSperrzeit: false, selfEmployedOrEmployed: false, ...answers }
});

describe('retention of U25 cases and the aB-pAp expenses (seed 001)', () => {
  it('deletes a returned U25 case with its tasks, cards and phase reminders 180 days after it closed, audited; an active case and recent expenses stay', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { kdnr: '200U000002', group: 'u25' });
    ok(await handOverToAbPap(deps, STAFF.anna, '200U000002', { handoverTalkHeld: true, form: 'einzelauftrag', targetGroup: 'individuell', abPapId: MIRIAM }));
    ok(await recordExpense(deps, MIRIAM, { amountCents: 450, date: '2026-11-20', receiptPresent: true }));
    const returned = await returnedU25Case(deps, '200U000001');
    ok(await recordExpense(deps, MIRIAM, { amountCents: 380, date: '2027-04-27', receiptPresent: true }));
    expect((await deps.store.allNotifications()).some((n) => n.subject.kind === 'u25-reminder' && n.subject.caseId === returned.id)).toBe(true);

    deps.clock.set(at('2027-10-22 06:00')); // 177 days after the return: not yet
    await applyRetention(deps);
    expect(await deps.store.getU25Case(returned.id)).toBeDefined();
    expect((await deps.store.expensesBefore('2027-01-01')).map((e) => e.date)).toEqual([]); // November's closed more than 180 days ago
    expect((await deps.store.expensesOf(MIRIAM, '2027-04')).map((e) => e.amountCents)).toEqual([380]);

    deps.clock.set(at('2027-10-26 06:00')); // 180 days and more
    expect(await applyRetention(deps)).toBe(1);
    expect(await deps.store.u25CasesOfCustomer('200U000001')).toEqual([]);
    expect(await deps.store.tasksOfCustomer('200U000001')).toEqual([]);
    expect((await deps.store.allNotifications()).some((n) => n.subject.kind === 'u25-reminder' && n.subject.caseId === returned.id)).toBe(false);
    expect(await deps.store.u25CasesOfCustomer('200U000002')).toHaveLength(1); // the Einzelauftrag is still open
    expect(await deletionsOf(deps, 'loeschung.frist')).toEqual(['200U000001']);
    expect(await stored(deps)).not.toContain('200U000001');

    deps.clock.set(at('2027-11-01 06:00')); // April ended 184 days ago
    await applyRetention(deps);
    expect(await deps.store.expensesBefore('2100-01-01')).toEqual([]);
  });
});

describe('retention of new customers, appointments and the walk-in queue (seed 004)', () => {
  it('clears a past day\'s queue of Kundennummern (the counts stay) and deletes the new customers\' cases, tasks and appointments 180 days after they closed', async () => {
    const deps = await testDeps('2026-11-24 09:00');
    const talked = ok(await routeNewcomerCustomer(deps, STAFF.sabine, newcomer('500S000001')));
    ok(await routeNewcomerCustomer(deps, STAFF.sabine, newcomer('500S000002'))); // waits, and goes home
    const elsewhere = ok(await routeNewcomerCustomer(deps, STAFF.sabine, newcomer('500S000003', { reha: true })));
    const appointment = ok(await routeNewcomerCustomer(deps, STAFF.sabine, newcomer('500S000004', {}, true)));
    expect(appointment.newcomer.access).toMatchObject({ kind: 'termin', date: '2026-11-24', from: '13:30' });

    ok(await takeNextWalkIn(deps, CLARA, '2026-11-24'));
    const talk = ok(await recordFirstTalk(deps, CLARA, { caseId: talked.newcomer.id, version: 1, ifkId: STAFF.anna, items: [...FIRST_TALK_ITEMS], measure: { kind: 'keine', reason: 'Kunde nimmt eine Arbeit auf.' }, ammPotential: false }));
    ok(await finishWalkIn(deps, CLARA, '2026-11-24', 1));
    expect((await deps.store.getWalkInQueue('2026-11-24'))?.entries.map((e) => e.kdnr)).toEqual(['500S000002']);

    deps.clock.set(at('2026-11-25 06:00')); // the next morning's pass
    await applyRetention(deps);
    expect(await deps.store.getWalkInQueue('2026-11-24')).toMatchObject({ entries: [], issued: 2, served: 1 });
    expect(await deletionsOf(deps, 'loeschung.warteschlange')).toEqual(['500S000002']);
    expect(await deps.store.allNewcomerCases()).toHaveLength(4); // the cases themselves are kept for now

    deps.clock.set(at('2027-05-24 06:00')); // 181 days after the routing; the IFK's task is still open
    expect(await applyRetention(deps)).toBe(3);
    expect((await deps.store.allNewcomerCases()).map((c) => c.kdnr)).toEqual(['500S000001']);
    expect(await deps.store.sofoSlotsOfCustomer('500S000004')).toEqual([]);
    expect(await deletionsOf(deps, 'loeschung.frist')).toEqual(expect.arrayContaining(['500S000002', '500S000003', '500S000004']));
    expect(await deps.store.getNewcomerCase(elsewhere.newcomer.id)).toBeUndefined();

    ok(await completeTask(deps, STAFF.anna, talk.tasks[0]!.id, talk.tasks[0]!.version));
    deps.clock.set(at('2027-11-22 06:00')); // 180 days after the task was done
    expect(await applyRetention(deps)).toBe(1);
    expect(await stored(deps)).not.toMatch(/500S00000[1-4]/);
  });

  it('deletes an appointment nobody recorded 180 days after its day, not 180 days after the routing', async () => {
    const deps = await testDeps('2026-11-24 16:00');
    ok(await routeNewcomerCustomer(deps, STAFF.sabine, newcomer('500S000005', {}, true)));
    expect(await deps.store.sofoSlotsOfCustomer('500S000005')).toEqual([expect.objectContaining({ date: '2026-11-25', from: '08:00' })]);
    deps.clock.set(at('2027-05-24 06:00')); // 180 days after the routing, 179 after the appointment's day
    expect(await applyRetention(deps)).toBe(0);
    expect(await deps.store.sofoSlotsOfCustomer('500S000005')).toHaveLength(1);
    deps.clock.set(at('2027-05-26 06:00'));
    expect(await applyRetention(deps)).toBe(1);
    expect(await deps.store.sofoSlotsOfCustomer('500S000005')).toEqual([]);
    expect(await deps.store.newcomerCasesOfCustomer('500S000005')).toEqual([]);
  });
});

describe('data-subject requests for U25 and new customers', () => {
  it('exports a customer the Eingangszone routed (no customer record) with case, appointment and place in the queue', async () => {
    const deps = await testDeps('2026-11-24 09:00');
    ok(await routeNewcomerCustomer(deps, STAFF.sabine, newcomer('500S000001')));
    const r = ok(await exportCustomer(deps, '500s000001', 'Ida Neumann'));
    expect(r.customer).toBeNull();
    expect(r.newcomerCases).toEqual([expect.objectContaining({ kdnr: '500S000001', route: 'sofortvermittlung' })]);
    expect(r.walkInEntries).toEqual([expect.objectContaining({ date: '2026-11-24', number: 1, kdnr: '500S000001', status: 'wartend' })]);
    expect(r.sofoSlots).toEqual([]);
    expect(r.audit.map((e) => e.action)).toEqual(expect.arrayContaining(['neukunde.weiterleiten', 'auskunft']));

    deps.clock.set(at('2026-11-24 12:00'));
    ok(await routeNewcomerCustomer(deps, STAFF.sabine, newcomer('500S000002', {}, true)));
    expect(ok(await exportCustomer(deps, '500S000002', 'Ida Neumann')).sofoSlots).toEqual([expect.objectContaining({ kdnr: '500S000002', date: '2026-11-24', from: '13:30', officerId: CLARA })]);
  });

  it('erases a new customer everywhere — case, appointment, place in the queue (the counts stay) — and a U25 case with its phase reminders', async () => {
    const deps = await testDeps('2026-11-24 09:00');
    ok(await routeNewcomerCustomer(deps, STAFF.sabine, newcomer('500S000001')));
    ok(await routeNewcomerCustomer(deps, STAFF.sabine, newcomer('500S000002')));
    expect(await eraseCustomer(deps, '500S000001', 'Ida Neumann')).toMatchObject({ ok: true, kdnr: '500S000001' });
    expect(await deps.store.newcomerCasesOfCustomer('500S000001')).toEqual([]);
    expect(await deps.store.getWalkInQueue('2026-11-24')).toMatchObject({ issued: 2, entries: [expect.objectContaining({ number: 2, kdnr: '500S000002' })] });
    expect(await stored(deps)).not.toContain('500S000001');
    expect(await exportCustomer(deps, '500S000001', 'Ida Neumann')).toMatchObject({ ok: false, reason: 'kunde-unbekannt' });

    deps.clock.set(at('2026-11-24 10:00'));
    const returned = await returnedU25Case(deps, '200U000001');
    const exported = ok(await exportCustomer(deps, '200U000001', 'Ida Neumann'));
    expect(exported.notifications).toEqual(expect.arrayContaining([expect.objectContaining({ subject: expect.objectContaining({ kind: 'u25-reminder', caseId: returned.id }) })]));
    ok(await recordExpense(deps, MIRIAM, { amountCents: 450, date: '2027-04-27', receiptPresent: true }));
    expect(await eraseCustomer(deps, '200U000001', 'Ida Neumann')).toMatchObject({ ok: true });
    expect(await stored(deps)).not.toContain('200U000001');
    expect(await stored(deps)).not.toContain(returned.id);
    // The aB-pAp's expenses name no customer: they are hers to settle and stay.
    expect(await deps.store.expensesOf(MIRIAM, '2027-04')).toHaveLength(1);
  });
});
