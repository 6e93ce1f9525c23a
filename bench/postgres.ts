import pg from 'pg';
import type { Customer } from '../src/domain/customer.js';
import type { Store } from '../src/ports.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';

/** Which store a bench run measures: `npm run bench` is lowdb, `npm run bench -- pg` PostgreSQL. */
export type Engine = 'lowdb' | 'postgres';

/**
 * A schema of the bench's own in the database of `DATABASE_URL` (default: the tests' local database), created by the
 * store's migrations on first open and dropped by `drop()`, so a run leaves nothing behind.
 */
export interface BenchDatabase {
  readonly url: string;
  readonly schema: string;
  open(poolSize?: number): Promise<PostgresStore>;
  /** Tables and indexes of the schema, in MB. */
  sizeMb(): Promise<number>;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function benchDatabase(purpose: string): BenchDatabase {
  const url = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const schema = `bench_${purpose}_${process.pid}`;
  return {
    url,
    schema,
    open: (poolSize) => PostgresStore.open({ url, schema, poolSize }),
    sizeMb: () =>
      withClient(url, async (client) => {
        const bytes = await client.query<{ n: string }>(
          "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r'",
          [schema]
        );
        return Number(bytes.rows[0]!.n) / 2 ** 20;
      }),
    drop: () => withClient(url, async (client) => void (await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)))
  };
}

/**
 * The import path at scale: `saveCustomers` (one transaction each) in chunks, so that neither the load generator nor
 * the database holds 500 000 documents in one statement. Returns the seconds it took.
 */
export async function importCustomers(store: Store, count: number, make: (start: number, end: number) => Customer[], chunk = 5_000): Promise<number> {
  const started = performance.now();
  for (let start = 0; start < count; start += chunk) {
    const result = await store.saveCustomers(make(start, Math.min(count, start + chunk)));
    if (!result.ok) throw new Error(`import of customers ${start}… failed: ${result.reason}`);
  }
  return (performance.now() - started) / 1000;
}
