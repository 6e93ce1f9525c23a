import { mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { aCustomer, at, attempt as anAttempt, STAFF, tempDir } from '../support/fixtures.js';
import { aFlag, aNotification, aTask } from './store-contract.js';

/** The next write of this file fails as a full or broken disk would make it fail: its temp file cannot be created. */
const breakWrites = (dir: string, file: string) => mkdirSync(join(dir, `${file}.tmp`));
const repairWrites = (dir: string, file: string) => rmdirSync(join(dir, `${file}.tmp`));

describe('the embedded store: a write that fails leaves no trace', () => {
  it('a customer change reported as failed is neither read back nor saved by the next write that succeeds', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    const before = aCustomer({ kdnr: '123D000001' });
    expect(await store.commit({ customers: [before] })).toEqual({ ok: true, queued: 0 });

    breakWrites(dir, 'customers.json');
    const moved = { ...before, hbId: STAFF.jonas, version: 2 };
    await expect(store.commit({ customers: [moved] })).rejects.toThrow();
    expect(await store.getCustomer(before.kdnr)).toEqual(before);
    // The HB index was put back too: the customer is still Anna's, not Jonas'.
    expect((await store.customersOfHb(STAFF.anna)).map((c) => c.kdnr)).toEqual([before.kdnr]);
    expect(await store.customersOfHb(STAFF.jonas)).toEqual([]);

    repairWrites(dir, 'customers.json');
    const other = aCustomer({ kdnr: '123D000002' });
    expect(await store.commit({ customers: [other] })).toEqual({ ok: true, queued: 0 });
    // The failed change can be made again from the stored version.
    expect(await store.commit({ customers: [{ ...before, group: 'marktnah', version: 2 }] })).toEqual({ ok: true, queued: 0 });
    await store.close();

    const reopened = await LowdbStore.open(dir);
    expect(await reopened.getCustomer(before.kdnr)).toMatchObject({ hbId: STAFF.anna, group: 'marktnah', version: 2 });
    expect(await reopened.getCustomer(other.kdnr)).toEqual(other);
    await reopened.close();
  });

  it('changes waiting for the failed write fail with it; none of them, nor their notifications, is stored later', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    const first = aFlag({ id: 'case-1', kdnr: '123D000001' });
    const second = aFlag({ id: 'case-2', kdnr: '123D000002' });
    breakWrites(dir, 'cases.json');
    // The first commit's write is under way when the second arrives: the second rides on the next write.
    const results = await Promise.allSettled([store.commit({ cases: [first] }), store.commit({ cases: [second] })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await store.getCase(first.id)).toBeUndefined();
    expect(await store.casesOfCustomer(second.kdnr)).toEqual([]);

    repairWrites(dir, 'cases.json');
    const third = aFlag({ id: 'case-3', kdnr: '123D000003' });
    expect(await store.commit({ cases: [third] })).toEqual({ ok: true, queued: 0 });
    // The keys of the failed commits are free: the same flag can be made again.
    expect(await store.commit({ cases: [first] })).toEqual({ ok: true, queued: 0 });
    await store.close();

    const reopened = await LowdbStore.open(dir);
    expect((await reopened.allCases()).map((c) => c.id).sort()).toEqual(['case-1', 'case-3']);
    await reopened.close();
  });

  it('a commit of a customer and cases (two files) fails whole when cases.json cannot be written', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    const anna = aCustomer({ kdnr: '123D000001' });
    await store.commit({ customers: [anna] });
    const flag = aFlag({ kdnr: anna.kdnr });

    breakWrites(dir, 'cases.json');
    await expect(store.commit({ customers: [{ ...anna, intensive: true, version: 2 }], cases: [flag] })).rejects.toThrow();
    expect(await store.getCustomer(anna.kdnr)).toEqual(anna);
    // A customers.json write that follows does not carry the failed change.
    const other = aCustomer({ kdnr: '123D000002' });
    expect(await store.commit({ customers: [other] })).toEqual({ ok: true, queued: 0 });
    repairWrites(dir, 'cases.json');
    await store.close();

    const reopened = await LowdbStore.open(dir);
    expect(await reopened.getCustomer(anna.kdnr)).toEqual(anna);
    expect(await reopened.getCase(flag.id)).toBeUndefined();
    await reopened.close();
  });

  it('once cases.json holds the commit, the customer is committed, even if customers.json fails and the process ends', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    const anna = aCustomer({ kdnr: '123D000001' });
    await store.commit({ customers: [anna] });
    const flag = aFlag({ kdnr: anna.kdnr });
    const decided = { ...anna, intensive: true, version: 2 };

    breakWrites(dir, 'customers.json');
    expect(await store.commit({ customers: [decided], cases: [flag] })).toEqual({ ok: true, queued: 0 });
    expect(await store.getCustomer(anna.kdnr)).toEqual(decided);
    await store.close();
    repairWrites(dir, 'customers.json');

    const reopened = await LowdbStore.open(dir);
    expect(await reopened.getCustomer(anna.kdnr)).toEqual(decided);
    expect(await reopened.getCase(flag.id)).toEqual(flag);
    expect(await reopened.commit({ customers: [{ ...decided, intensive: false, version: 3 }] })).toEqual({ ok: true, queued: 0 });
    await reopened.close();
    // Now in customers.json itself: cases.json no longer needs to carry it.
    expect(JSON.parse(readFileSync(join(dir, 'customers.json'), 'utf8')).customers[anna.kdnr]).toMatchObject({ intensive: false, version: 3 });
    expect(JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')).committedCustomers).toBeUndefined();
  });

  it('the sender neither sees nor claims a notification whose write is under way: its commit may still fail', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    const task = aTask();
    const card = aNotification(task, 'neu');
    breakWrites(dir, 'cases.json');
    const committing = store.commit({ tasks: [task], notifications: [card] });
    expect(await store.dueNotifications(new Date(at('2026-11-24 12:00')), 10)).toEqual([]);
    expect(await store.claimDelivery(card.id, 'sender')).toBeUndefined();
    await expect(committing).rejects.toThrow();
    expect(await store.getDelivery(card.id)).toBeUndefined();
    expect(await store.getNotification(card.id)).toBeUndefined();
    repairWrites(dir, 'cases.json');
    // Once on disk, it is the sender's.
    expect(await store.commit({ tasks: [task], notifications: [card] })).toEqual({ ok: true, queued: 1 });
    expect((await store.dueNotifications(new Date(at('2026-11-24 12:00')), 10)).map((d) => d.notification.id)).toEqual([card.id]);
    await store.close();
  });

  it('a commit of a customer and cases does not carry a customer change whose own write then fails', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    const anna = aCustomer({ kdnr: '123D000001' });
    await store.commit({ customers: [anna] });
    breakWrites(dir, 'customers.json');
    const attempt = { ...anna, attempts: [anAttempt('anruf', '2026-11-24 09:00')], version: 2 };
    const attempted = store.commit({ customers: [attempt] });
    // Built on the attempt, which is in memory but not on disk: it waits for it, then loses.
    const decided = store.commit({ customers: [{ ...attempt, intensive: true, version: 3 }], cases: [aFlag({ kdnr: anna.kdnr })] });
    await expect(attempted).rejects.toThrow();
    expect(await decided).toEqual({ ok: false, reason: 'konflikt' });
    repairWrites(dir, 'customers.json');
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(await reopened.getCustomer(anna.kdnr)).toEqual(anna);
    expect(await reopened.casesOfCustomer(anna.kdnr)).toEqual([]);
    await reopened.close();
  });

  it('when both files fail, a commit of a customer and cases leaves the customer as it was', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    const anna = aCustomer({ kdnr: '123D000001' });
    const other = aCustomer({ kdnr: '123D000002' });
    await store.commit({ customers: [anna, other] });
    breakWrites(dir, 'customers.json');
    breakWrites(dir, 'cases.json');
    // The other customer's write fails while the decision's cases.json write is still under way.
    const otherFirst = store.commit({ customers: [{ ...other, intensive: true, version: 2 }] });
    const decision = store.commit({ customers: [{ ...anna, intensive: true, version: 2 }], cases: [aFlag({ kdnr: anna.kdnr })] });
    const results = await Promise.allSettled([otherFirst, decision]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await store.getCustomer(anna.kdnr)).toEqual(anna);
    repairWrites(dir, 'customers.json');
    repairWrites(dir, 'cases.json');
    expect(await store.commit({ customers: [{ ...other, group: 'marktnah', version: 2 }] })).toEqual({ ok: true, queued: 0 });
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(await reopened.getCustomer(anna.kdnr)).toEqual(anna);
    await reopened.close();
  });
});
