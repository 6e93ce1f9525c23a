import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/project-root.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/ports.js';
import { aCustomer, at, STAFF, tempDir } from '../support/fixtures.js';
import { dropSchema, freshSchema, openPostgres, TEST_DATABASE_URL } from '../support/postgres.js';
import { aFlag, aMissedCase, aNotification, aTask } from './store-contract.js';

const run = promisify(execFile);

/** Everything a use case can read, for comparing two stores. */
async function contents(store: Store) {
  const notifications = await store.allNotifications();
  return {
    customers: [...(await store.allCustomers())].sort((a, b) => a.kdnr.localeCompare(b.kdnr)),
    cases: await store.allCases(),
    missed: await store.allMissedCases(),
    tasks: await store.allTasks(),
    notifications,
    deliveries: await Promise.all(notifications.map((n) => store.getDelivery(n.id))),
    staffRef: await store.getStaffRef(STAFF.murat),
    teamChannel: await store.getTeamChannel('521'),
    absences: await store.absences(),
    jobRuns: await store.jobRuns(),
    paymentStop: await store.getPaymentStop('123D456789')
  };
}

describe('npm run migrate-store: a lowdb installation moves to PostgreSQL', () => {
  let schema: string;
  let target: PostgresStore | undefined;
  beforeEach(() => {
    schema = freshSchema();
  });
  afterEach(async () => {
    await target?.close();
    target = undefined;
    await dropSchema(schema);
  });

  it('copies every record with its version, and the bot on PostgreSQL carries on where lowdb stopped', async () => {
    const dataDir = tempDir();
    const lowdb = await LowdbStore.open(dataDir);
    const anna = aCustomer();
    await lowdb.commit({ customers: [anna] });
    await lowdb.commit({ customers: [{ ...anna, intensive: true, version: 2 }] });
    await lowdb.commit({ customers: [aCustomer({ kdnr: '987Z654321', hbId: STAFF.jonas })] });
    const task = aTask();
    const sent = aNotification(task, 'neu');
    await lowdb.commit({ cases: [aFlag()], missedCases: [aMissedCase()], tasks: [task], notifications: [sent, aNotification(task, 'erinnerung')], paymentStops: [{ kdnr: anna.kdnr, recordedBy: STAFF.anna, recordedAt: at('2026-11-24 09:00'), version: 1 }] });
    await lowdb.saveDelivery(sent.id, { status: 'sent', attempts: 1, nextAttemptAt: sent.createdAt, sentAt: at('2026-11-24 10:01'), activityId: 'act-1' });
    await lowdb.saveStaffRef(STAFF.murat, { serviceUrl: 'https://smba.example/', channelId: 'msteams', conversationId: 'a:murat', updatedAt: at('2026-11-24 08:00') });
    await lowdb.saveTeamChannel('521', '19:team521', { serviceUrl: 'https://smba.example/', channelId: 'msteams', conversationId: '19:team521', updatedAt: at('2026-11-24 08:00') });
    await lowdb.saveAbsence(STAFF.lena, { staffId: STAFF.lena, until: '2026-11-27', setAt: at('2026-11-24 08:00') });
    await lowdb.saveJobRun('faellige-kontakte', at('2026-11-24 07:30'));
    const before = await contents(lowdb);
    await lowdb.close();

    const env = { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
    const migrate = () => run(process.execPath, [join(projectRoot(), 'dist', 'scripts', 'migrate-store.js')], { env });
    const { stdout } = await migrate();
    expect(stdout).toContain(`Migriert nach Schema ${schema}: 2 Kunden,`);
    expect(stdout).toContain('2 Benachrichtigungen, 1 Zustellstände.');

    target = await openPostgres(schema);
    expect(await contents(target)).toEqual(before);
    // The versions came along: the next update of Anna is version 3, a stale version 2 is a konflikt.
    expect(await target.commit({ customers: [{ ...anna, version: 2 }] })).toEqual({ ok: false, reason: 'konflikt' });
    expect(await target.commit({ customers: [{ ...anna, intensive: false, version: 3 }] })).toEqual({ ok: true, queued: 0 });
    // The pending reminder is still owed, the sent card is not sent again, and the key still blocks a duplicate.
    expect((await target.dueNotifications(new Date(at('2026-11-24 11:00')), 10)).map((d) => d.notification.key)).toEqual([`${task.id}:erinnerung`]);
    expect(await target.commit({ notifications: [aNotification(task, 'neu')] })).toEqual({ ok: true, queued: 0 });

    // Run twice by mistake: the schema holds data now, so nothing is written and it says why.
    await expect(migrate()).rejects.toMatchObject({ stderr: expect.stringContaining(`Das Schema ${schema} enthält schon Daten: migriert wird nur in ein leeres Schema.`) });
  });

  it('a data folder with two open flags for one customer and week (written before lowdb guarded that) is refused clearly, and stays usable', async () => {
    const dataDir = tempDir();
    const lowdb = await LowdbStore.open(dataDir);
    const first = aFlag();
    await lowdb.commit({ cases: [first] });
    await lowdb.close();
    // As the race of two simultaneous flags left it in older versions.
    const file = join(dataDir, 'cases.json');
    const cases = JSON.parse(readFileSync(file, 'utf8'));
    cases.cases['legacy-twin'] = { ...first, id: 'legacy-twin' };
    writeFileSync(file, JSON.stringify(cases));

    const env = { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
    await expect(run(process.execPath, [join(projectRoot(), 'dist', 'scripts', 'migrate-store.js')], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining('Zwei offene Datensätze verletzen eine Regel (Key (collection, guard)=(cases, vormerkung:123D456789:2026-W49) already exists.): bitte einen davon vorher abschließen.')
    });
    target = await openPostgres(schema);
    expect(await target.allCases()).toEqual([]); // all or nothing

    // In lowdb both stay updatable, so the AB can record the visit and close one.
    const reopened = await LowdbStore.open(dataDir);
    expect(await reopened.commit({ cases: [{ ...first, status: 'besucht', version: 2 }] })).toMatchObject({ ok: true });
    await reopened.close();
  });
});
