import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../src/ports.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { thousands, type Figure } from './due-list.js';
import { syntheticCustomers, syntheticKdnr } from './synthetic.js';

/** lowdb in a fresh folder with 50 000 customers, as the figures before PostgreSQL were measured. */
async function freshLowdb(): Promise<{ store: Store; customers: number }> {
  const store = await LowdbStore.open(mkdtempSync(join(tmpdir(), 'ab-lotse-bench-')));
  await store.saveCustomers(syntheticCustomers(50_000, ['a'], '2026-11-24'));
  return { store, customers: 50_000 };
}

/**
 * (d) Sustained durable mutations per second: 50 callers each change a random customer (a recorded contact, as
 * `/kontakt` and `/versuch` do) and wait until the store reports it durable (lowdb: fsync of a coalesced file write;
 * PostgreSQL: the committed transaction), for 10 seconds. `target` is a store that holds synthetic customers
 * 0 … customers - 1; without it a fresh lowdb store is used.
 */
export async function benchStore(target?: { store: Store; customers: number }): Promise<Figure[]> {
  const { store, customers } = target ?? (await freshLowdb());
  const seconds = Number(process.env.BENCH_STORE_SECONDS ?? 10);
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let conflicts = 0;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (performance.now() < until) {
        const c = (await store.getCustomer(syntheticKdnr(Math.floor(random() * customers))))!;
        const r = await store.commit({ customers: [{ ...c, contacts: [...c.contacts, { kind: 'telefonisch', date: '2026-11-24', recordedBy: 'a' }], version: c.version + 1 }] });
        if (r.ok) done++;
        else conflicts++;
      }
    })
  );
  if (!target) await store.close();
  return [{ name: `durable customer mutations per second (${thousands(customers)} customers)`, value: done / seconds, unit: '/s', note: `target ≥ 100 (PostgreSQL at 500 000: ≥ 300); ${conflicts} version conflicts` }];
}
