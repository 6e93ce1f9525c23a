import { routeNewcomerCustomer, type RouteInput } from '../../src/app/route-newcomer.js';
import { takeNextWalkIn } from '../../src/app/walk-in-queue.js';
import { digestPreview } from '../../src/app/weekly-digest.js';
import type { Deps } from '../../src/app/deps.js';
import type { Store } from '../../src/ports.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { REFUSAL } from '../../src/teams/refusal-catalogue.js';
import { STAFF, testDeps } from '../support/fixtures.js';

const CLARA = '00000000-0000-0000-0000-000000000401';
const DAVID = '00000000-0000-0000-0000-000000000402';
const TANJA = '00000000-0000-0000-0000-000000000403';

const plain: RouteInput['answers'] = {
  firstApplicationHere: true,
  age: 30,
  completedTraining: false,
  yearsOfExperience: 1,
  speaksGerman: true,
  placementOfficerAssigned: false,
  reha: false,
  profile: null,
  onlyForSperrzeit: false,
  selfEmployedOrEmployed: false
};
const walkIn = async (deps: Deps, kdnr: string, answers: Partial<RouteInput['answers']> = {}) => {
  const r = await routeNewcomerCustomer(deps, STAFF.sabine, { kdnr, district: 'nord', householdMember: false, answers: { ...plain, ...answers } });
  if (!r.ok) throw new Error(r.reason);
  return r;
};

/** Both claims read the queue before either writes: the store's version check alone must keep them apart. */
function bothReadFirst(store: Store): Store {
  let waiting: Array<() => void> = [];
  let reads = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'getWalkInQueue') return Reflect.get(target, prop, receiver);
      return async (date: string) => {
        const q = await target.getWalkInQueue(date);
        if (++reads <= 2) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) (waiting.forEach((w) => w()), (waiting = []));
          });
        }
        return q;
      };
    }
  });
}

/** A second Eingangszone desk (only in these tests): a colleague of Sabine's at the other counter. */
const SECOND_DESK = '00000000-0000-0000-0000-000000000499';
const withSecondDesk = (deps: Deps): Deps => {
  const sabine = deps.directory.staff.find((s) => s.id === STAFF.sabine)!;
  return { ...deps, directory: { ...deps.directory, staff: [...deps.directory.staff, { ...sabine, id: SECOND_DESK, name: 'Ömer Aydın' }] } };
};

/** Both desks look for an earlier routing of the customer before either writes: only the store can keep them apart. */
function bothLookFirst(store: Store): Store {
  let waiting: Array<() => void> = [];
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'newcomerCasesOfCustomer') return Reflect.get(target, prop, receiver);
      return async (kdnr: string) => {
        const found = await target.newcomerCasesOfCustomer(kdnr);
        if (waiting.length < 2 && found.length === 0) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) waiting.forEach((w) => w());
          });
        }
        return found;
      };
    }
  });
}

describe('Sofortvermittlung use cases', () => {
  it.each([
    ['the walk-in queue', {}],
    ['the regular IFK (kein Neukunde)', { firstApplicationHere: false, benefitsEndedOn: '2026-10-01' }],
    ['the AMM', { completedTraining: true }]
  ] as const)('routes a customer once when two Eingangszone desks route them at the same moment (%s): the other desk is refused', async (_route, answers) => {
    const deps = withSecondDesk(await testDeps('2026-11-24 09:00'));
    const racing = { ...deps, store: bothLookFirst(deps.store) };
    const input = (kdnr: string): RouteInput => ({ kdnr, district: 'nord', householdMember: false, answers: { ...plain, ...answers } });
    const [a, b] = await Promise.all([routeNewcomerCustomer(racing, STAFF.sabine, input('500S000001')), routeNewcomerCustomer(racing, SECOND_DESK, input('500s000001'))]);

    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, reason: 'bereits-weitergeleitet' });
    expect(REFUSAL['bereits-weitergeleitet']).toBe('Dieser Kunde wurde heute bereits weitergeleitet. Es wurde nichts geändert.');
    expect(await deps.store.newcomerCasesOfCustomer('500S000001')).toHaveLength(1);
    // One queue number, one AMM task at most: nothing of the refused routing is stored.
    expect((await deps.store.getWalkInQueue('2026-11-24'))?.issued ?? 0).toBeLessThanOrEqual(1);
    expect((await deps.store.tasksOfCustomer('500S000001')).length).toBeLessThanOrEqual(1);
    const lines = (await deps.audit.read()).filter((e) => e.action === 'neukunde.weiterleiten');
    expect(lines.map((e) => e.outcome).sort()).toEqual(['konflikt', 'ok']);
    expect(lines.find((e) => e.outcome === 'konflikt')).toMatchObject({ reason: 'bereits-weitergeleitet', kdnr: '500S000001' });
  });

  it('the store itself refuses a second new-customer case for the same customer on the same Berlin day, and accepts it the next day', async () => {
    const deps = await testDeps('2026-11-24 23:30');
    const first = await walkIn(deps, '500S000001', { reha: true });
    const again = { ...first.newcomer, id: 'zweiter-fall', routedAt: new Date('2026-11-24T22:45:00.000Z').toISOString() }; // 23:45 in Berlin
    expect(await deps.store.commit({ newcomerCases: [again] })).toEqual({ ok: false, reason: 'konflikt' });
    const nextDay = { ...again, routedAt: new Date('2026-11-24T23:05:00.000Z').toISOString() }; // 00:05 on 25.11. in Berlin
    expect(await deps.store.commit({ newcomerCases: [nextDay] })).toEqual({ ok: true, queued: 0 });
  });


  it('two simultaneous "Nächster Kunde" clicks take two different customers', async () => {
    const deps = await testDeps('2026-11-24 09:00');
    await walkIn(deps, '500S000001');
    await walkIn(deps, '500S000002');
    const racing = { ...deps, store: bothReadFirst(deps.store) };
    const [a, b] = await Promise.all([takeNextWalkIn(racing, CLARA, '2026-11-24'), takeNextWalkIn(racing, DAVID, '2026-11-24')]);
    expect(a.ok && b.ok).toBe(true);
    const taken = [a, b].map((r) => (r.ok ? r.entry.kdnr : ''));
    expect(new Set(taken).size).toBe(2);
    const queue = await deps.store.getWalkInQueue('2026-11-24');
    expect(queue?.entries.map((e) => [e.number, e.status, e.officerId]).sort()).toEqual([
      [1, 'in-bearbeitung', expect.any(String)],
      [2, 'in-bearbeitung', expect.any(String)]
    ]);
    expect(new Set(queue?.entries.map((e) => e.officerId))).toEqual(new Set([CLARA, DAVID]));
  });

  it('refuses a stale version in the store: a claim on a queue someone changed meanwhile is a conflict', async () => {
    const deps = await testDeps('2026-11-24 09:00');
    await walkIn(deps, '500S000001');
    const q = (await deps.store.getWalkInQueue('2026-11-24'))!;
    const first = { ...q, version: q.version + 1 };
    expect(await deps.store.commit({ walkInQueues: [first] })).toEqual({ ok: true, queued: 0 });
    expect(await deps.store.commit({ walkInQueues: [{ ...q, version: q.version + 1 }] })).toEqual({ ok: false, reason: 'konflikt' });
  });

  it('keeps new customers\' cases, queues and slots across a restart (round trip through the files)', async () => {
    const deps = await testDeps('2026-11-24 12:00');
    const walked = await walkIn(deps, '500S000001');
    const routedElsewhere = await walkIn(deps, '500S000002', { reha: true });
    await deps.store.close();
    const reopened = await LowdbStore.open(deps.dataDir);
    expect(await reopened.getNewcomerCase(walked.newcomer.id)).toEqual(walked.newcomer);
    expect(await reopened.getNewcomerCase(routedElsewhere.newcomer.id)).toEqual(routedElsewhere.newcomer);
    expect((await reopened.sofoSlotsFrom('2026-11-24')).map((s) => [s.kdnr, s.date, s.from, s.officerId, s.version])).toEqual([['500S000001', '2026-11-24', '13:30', CLARA, 1]]);
    expect(await reopened.sofoSlotsFrom('2026-11-25')).toEqual([]);
    await reopened.close();
  });

  it('gives the team lead counts only: served walk-ins, appointments, measures, routed elsewhere by reason', async () => {
    const deps = await testDeps('2026-11-24 09:00');
    await walkIn(deps, '500S000001');
    await walkIn(deps, '500S000002', { reha: true });
    await walkIn(deps, '500S000003', { age: 20 });
    await takeNextWalkIn(deps, CLARA, '2026-11-24');
    deps.clock.set('2026-11-30T08:00:00.000Z'); // the following Monday: last week is KW 48
    const digest = await digestPreview(deps, TANJA);
    if (!digest.ok) throw new Error(digest.reason);
    expect(digest.sofortvermittlung).toEqual({
      week: { walkIns: 1, served: 0, appointments: 0, measures: { orientierungscenter: 0, 'sk-check': 0, keine: 0 }, elsewhere: { reha: 1, 'u25-ohne-ausbildung': 1 } },
      today: { walkIns: 0, served: 0, appointments: 0, measures: { orientierungscenter: 0, 'sk-check': 0, keine: 0 }, elsewhere: {} }
    });
    expect(JSON.stringify(digest)).not.toContain('500S');
  });
});
