import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { aCustomer, STAFF, tempDir } from '../support/fixtures.js';
import { aFlag } from './store-contract.js';

/** The next write of this file fails as a full or broken disk would make it fail: its temp file cannot be created. */
const breakWrites = (dir: string, file: string) => mkdirSync(join(dir, `${file}.tmp`));
const repairWrites = (dir: string, file: string) => rmdirSync(join(dir, `${file}.tmp`));

describe('the embedded store: a write that fails leaves no trace', () => {
  it('a customer change reported as failed is neither read back nor saved by the next write that succeeds', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    const before = aCustomer({ kdnr: '123D000001' });
    expect(await store.saveCustomer(before)).toEqual({ ok: true });

    breakWrites(dir, 'customers.json');
    const moved = { ...before, hbId: STAFF.jonas, version: 2 };
    await expect(store.saveCustomer(moved)).rejects.toThrow();
    expect(await store.getCustomer(before.kdnr)).toEqual(before);
    // The HB index was put back too: the customer is still Anna's, not Jonas'.
    expect((await store.customersOfHb(STAFF.anna)).map((c) => c.kdnr)).toEqual([before.kdnr]);
    expect(await store.customersOfHb(STAFF.jonas)).toEqual([]);

    repairWrites(dir, 'customers.json');
    const other = aCustomer({ kdnr: '123D000002' });
    expect(await store.saveCustomer(other)).toEqual({ ok: true });
    // The failed change can be made again from the stored version.
    expect(await store.saveCustomer({ ...before, group: 'marktnah', version: 2 })).toEqual({ ok: true });
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
    const results = await Promise.allSettled([store.commitCases({ cases: [first] }), store.commitCases({ cases: [second] })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await store.getCase(first.id)).toBeUndefined();
    expect(await store.casesOfCustomer(second.kdnr)).toEqual([]);

    repairWrites(dir, 'cases.json');
    const third = aFlag({ id: 'case-3', kdnr: '123D000003' });
    expect(await store.commitCases({ cases: [third] })).toEqual({ ok: true, queued: 0 });
    // The keys of the failed commits are free: the same flag can be made again.
    expect(await store.commitCases({ cases: [first] })).toEqual({ ok: true, queued: 0 });
    await store.close();

    const reopened = await LowdbStore.open(dir);
    expect((await reopened.allCases()).map((c) => c.id).sort()).toEqual(['case-1', 'case-3']);
    await reopened.close();
  });
});
