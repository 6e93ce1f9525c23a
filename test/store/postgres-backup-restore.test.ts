import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { aCustomer, at, tempDir } from '../support/fixtures.js';
import { dropSchema, freshSchema, openPostgres, TEST_DATABASE_URL } from '../support/postgres.js';
import { aFlag, aNotification, aTask } from './store-contract.js';

const run = promisify(execFile);

describe('PostgreSQL: backup and restore with the standard tools, as the README says', () => {
  it('pg_dump of the schema while the bot runs, pg_restore after the schema was lost: every record, version and delivery state is back', async () => {
    const schema = freshSchema();
    const dump = join(tempDir(), 'ab-lotse.dump');
    const anna = aCustomer();
    const flag = aFlag();
    const task = aTask({ caseId: flag.id });
    const sent = aNotification(task, 'neu');
    const owed = aNotification(task, 'erinnerung');
    try {
      const store = await openPostgres(schema);
      await store.commit({ customers: [anna], cases: [flag], tasks: [task], notifications: [sent, owed] });
      await store.saveDelivery(sent.id, { status: 'sent', attempts: 1, nextAttemptAt: sent.createdAt, sentAt: at('2026-11-24 10:01'), activityId: 'a-1' });
      // The dump is taken while the store is open (pg_dump reads one consistent snapshot).
      await run('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, TEST_DATABASE_URL]);
      await store.close();

      await dropSchema(schema);
      await run('pg_restore', ['--clean', '--if-exists', `--dbname=${TEST_DATABASE_URL}`, dump]);

      const restored = await openPostgres(schema);
      try {
        expect(await restored.getCustomer(anna.kdnr)).toEqual(anna);
        expect(await restored.getCase(flag.id)).toEqual(flag);
        expect(await restored.getDelivery(sent.id)).toMatchObject({ status: 'sent', activityId: 'a-1' });
        // The owed reminder still goes out; the card that was sent does not go out again.
        expect((await restored.dueNotifications(new Date(at('2026-11-24 12:00')), 10)).map((d) => d.notification.id)).toEqual([owed.id]);
        // Versions and idempotency keys came back too: a stale write is a konflikt, a known key queues nothing.
        expect(await restored.commit({ customers: [anna] })).toEqual({ ok: false, reason: 'konflikt' });
        expect(await restored.commit({ notifications: [aNotification(task, 'neu')] })).toEqual({ ok: true, queued: 0 });
        expect(await restored.commit({ customers: [{ ...anna, intensive: true, version: 2 }] })).toEqual({ ok: true, queued: 0 });
      } finally {
        await restored.close();
      }
    } finally {
      await dropSchema(schema);
    }
  });
});
