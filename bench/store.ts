import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbStore } from '../src/store/lowdb-store.js';
import type { Figure } from './due-list.js';
import { syntheticCustomers } from './synthetic.js';

/**
 * (d) Sustained durable mutations per second with 50 000 customers: 50 callers each change a random customer (a recorded
 * contact) and wait until it is on disk (fsync), for 10 seconds. Writes are coalesced, so one file write carries many.
 */
export async function benchStore(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ab-lotse-bench-'));
  const store = await LowdbStore.open(dir);
  const customers = syntheticCustomers(50_000, ['a'], '2026-11-24');
  await store.saveCustomers(customers);
  const seconds = Number(process.env.BENCH_STORE_SECONDS ?? 10);
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let conflicts = 0;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (performance.now() < until) {
        const kdnr = customers[Math.floor(random() * customers.length)]!.kdnr;
        const c = (await store.getCustomer(kdnr))!;
        const r = await store.commit({ customers: [{ ...c, contacts: [...c.contacts, { kind: 'telefonisch', date: '2026-11-24', recordedBy: 'a' }], version: c.version + 1 }] });
        if (r.ok) done++;
        else conflicts++;
      }
    })
  );
  const elapsed = seconds;
  await store.close();
  return [{ name: 'durable customer mutations per second (50 000 customers)', value: done / elapsed, unit: '/s', note: `target ≥ 100; ${conflicts} version conflicts` }];
}
