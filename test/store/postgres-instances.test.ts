import pg from 'pg';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { at } from '../support/fixtures.js';
import { dropSchema, freshSchema, openPostgres, TEST_DATABASE_URL } from '../support/postgres.js';
import { aFlag, aNotification, aTask } from './store-contract.js';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The promise's value, or 'timeout' after `ms` (the timer is cleared either way, so jest exits at once). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Two bot instances on one schema: what one process got for free from its event loop must now hold across processes. */
describe('two PostgreSQL store instances on one schema', () => {
  let schema: string;
  let a: PostgresStore;
  let b: PostgresStore;
  beforeEach(async () => {
    schema = freshSchema();
    // Both start at once: the migrations run once, under the advisory lock.
    [a, b] = await Promise.all([openPostgres(schema), openPostgres(schema)]);
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await dropSchema(schema);
  });

  it('two clicks on the same task version (claim card on two instances): exactly one commit wins, every time', async () => {
    for (let round = 0; round < 20; round++) {
      const task = aTask();
      await a.commit({ tasks: [task] });
      const audits: string[] = [];
      // Each audit line takes a moment, so both commits are under way at once.
      const claim = (store: PostgresStore, by: string) =>
        store.commit({ tasks: [{ ...task, assigneeIds: [by], version: 2 }], notifications: [aNotification(task, `uebernommen-${by}`)] }, async () => {
          audits.push(by);
          await pause(5);
        });
      const results = await Promise.all([claim(a, 'murat'), claim(b, 'lena')]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      // Only the winner's audit line was written: the loser waited and then found the task changed.
      expect(audits).toHaveLength(1);
      expect((await b.getTask(task.id))?.assigneeIds).toEqual([audits[0]]);
      expect(await a.notificationsOfTask(task.id)).toHaveLength(1);
    }
  });

  it('two flags for one customer and week from two instances at once: one is stored, the other is a konflikt', async () => {
    for (let round = 0; round < 10; round++) {
      const kdnr = `${100 + round}A000000`;
      const results = await Promise.all([a.commit({ cases: [aFlag({ kdnr })] }, () => pause(3)), b.commit({ cases: [aFlag({ kdnr })] }, () => pause(3))]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(await a.casesOfCustomer(kdnr)).toHaveLength(1);
    }
  });

  it('two requests for intensive care of one customer from two instances at once: one is stored, the other is a konflikt', async () => {
    for (let round = 0; round < 10; round++) {
      const kdnr = `${200 + round}A000000`;
      const request = () => aTask({ kind: 'intensiv-aufnehmen', kdnr, assigneeIds: ['petra'] });
      const results = await Promise.all([a.commit({ tasks: [request()] }, () => pause(3)), b.commit({ tasks: [request()] }, () => pause(3))]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(await a.tasksOfCustomer(kdnr)).toHaveLength(1);
    }
  });

  it('both senders reach for the same notification: exactly one claims it', async () => {
    const task = aTask();
    const notifications = Array.from({ length: 30 }, (_, i) => aNotification(task, `n${i}`));
    await a.commit({ tasks: [task], notifications });
    const claims = await Promise.all(notifications.flatMap((n) => [a.claimDelivery(n.id, 'a'), b.claimDelivery(n.id, 'b')]));
    expect(claims.filter((c) => c !== undefined)).toHaveLength(notifications.length);
    expect(await a.deliveriesWithStatus('sending')).toHaveLength(notifications.length);
  });

  it('each job slot runs on exactly one instance', async () => {
    const slots = Array.from({ length: 25 }, (_, i) => new Date(Date.UTC(2026, 10, 1 + i, 6, 30)).toISOString());
    let won = 0;
    for (const slot of slots) {
      const claims = await Promise.all([a.claimJobRun('faellige-kontakte', slot), b.claimJobRun('faellige-kontakte', slot)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      won += claims.filter(Boolean).length;
    }
    expect(won).toBe(slots.length);
    expect(await b.jobRuns()).toEqual({ 'faellige-kontakte': slots.at(-1) });
  });

  it('a notification queued on one instance wakes the sender of the other (LISTEN/NOTIFY)', async () => {
    const woken = new Promise<string>((resolve) => b.onNotificationsQueued(() => resolve('b')));
    let selfWakes = 0;
    a.onNotificationsQueued(() => selfWakes++);
    const task = aTask();
    await a.commit({ tasks: [task], notifications: [aNotification(task, 'neu', at('2026-11-24 10:00'))] });
    expect(await within(woken, 3_000)).toBe('b');
    await pause(100);
    // Its own commit wakes it once (directly), not a second time through its own NOTIFY.
    expect(selfWakes).toBe(1);
  });

  it('listens again when its connection is cut, and is woken by the next NOTIFY', async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      // Cut both instances' LISTEN connections, as a restart of the database would.
      const cut = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1', [`LISTEN ${schema}_outbox`]);
      expect(cut.rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    await pause(1_500);
    const woken = new Promise<string>((resolve) => b.onNotificationsQueued(() => resolve('b')));
    const task = aTask();
    await a.commit({ tasks: [task], notifications: [aNotification(task, 'neu')] });
    expect(await within(woken, 3_000)).toBe('b');
  });
});
