import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/project-root.js';
import { benchDueList, benchDueListOfIfk, thousands, type Figure } from './due-list.js';
import { benchInbound } from './inbound.js';
import { benchDelivery } from './delivery.js';
import { benchDatabase, importCustomers, type Engine } from './postgres.js';
import { benchStore } from './store.js';
import { BENCH_HB, flaggableCustomers, kdnrsOfFirstHb, spreadHbs } from './synthetic.js';

type Section = (title: string, run: () => Promise<Figure[]>) => Promise<void>;

/** Today's figures on the embedded store (each section sets up its own data, 50 000 customers). */
async function lowdbSections(section: Section, want: (s: string) => boolean, root: string, customers: number): Promise<void> {
  if (want('a')) await section(`(a) inbound over HTTP, ${thousands(customers)} customers`, () => benchInbound({ customers, kdnrs: kdnrsOfFirstHb(customers, [BENCH_HB]), storeEnv: {} }));
  if (want('b')) await section('(b) contact density', () => benchDueList(root));
  if (want('c')) await section('(c) delivery through a connector enforcing Teams\' limits, 10 % 429', () => benchDelivery());
  if (want('d')) await section('(d) store', () => benchStore());
}

/**
 * The same figures on PostgreSQL: `customers` imported once into a schema of the bench's own (spread over HBs, see
 * `spreadHbs`), which (a), (b) and (d) share; (c) gets an outbox schema of its own. Both schemas are dropped at the end.
 */
async function postgresSections(section: Section, want: (s: string) => boolean, root: string, customers: number): Promise<void> {
  const db = benchDatabase('customers');
  const outbox = benchDatabase('outbox');
  const hbs = spreadHbs(customers);
  const n = thousands(customers);
  try {
    const store = await db.open();
    try {
      if (want('a') || want('b') || want('d')) {
        await section(`import into PostgreSQL (schema ${db.schema})`, async () => {
          const seconds = await importCustomers(store, customers, (start, end) => flaggableCustomers(end - start, hbs, start));
          return [{ name: `import of ${n} customers (saveCustomers, 5 000 per transaction)`, value: seconds, unit: 's', note: `${(await db.sizeMb()).toFixed(0)} MB in the schema; ${hbs.length} HBs` }];
        });
      }
      const storeEnv = { AB_LOTSE_STORE: 'postgres', DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema };
      if (want('a')) await section(`(a) inbound over HTTP, ${n} customers, PostgreSQL`, () => benchInbound({ customers, kdnrs: kdnrsOfFirstHb(customers, hbs), storeEnv }));
      if (want('b')) await section(`(b) contact density, ${n} customers, PostgreSQL`, () => benchDueListOfIfk(root, store, BENCH_HB, customers));
      if (want('c')) await section('(c) delivery through a connector enforcing Teams\' limits, 10 % 429, PostgreSQL', () => benchDelivery(() => outbox.open()));
      if (want('d')) await section(`(d) store, ${n} customers, PostgreSQL`, () => benchStore({ store, customers }));
    } finally {
      await store.close();
    }
  } finally {
    await db.drop();
    await outbox.drop();
  }
}

/**
 * `npm run bench [-- pg] [-- a|b|c|d]`: each benchmark prints its figures; all of them go to bench/results/<date>.json.
 * `pg` measures on PostgreSQL (`DATABASE_URL`, default the tests' local database); `BENCH_CUSTOMERS` sets the customers
 * of (a) on lowdb and of every section on PostgreSQL (default 50 000).
 */
async function main(): Promise<void> {
  const root = projectRoot();
  const figures: Figure[] = [];
  const section: Section = async (title, run) => {
    process.stdout.write(`\n${title}\n`);
    const result = await run();
    for (const f of result) process.stdout.write(`  ${f.name.padEnd(58)} ${f.value.toFixed(1).padStart(10)} ${f.unit.padEnd(6)} ${f.note}\n`);
    figures.push(...result);
  };
  const args = process.argv.slice(2);
  const engine: Engine = args.includes('pg') ? 'postgres' : 'lowdb';
  const only = args.find((a) => /^[a-d]$/.test(a));
  const want = (s: string) => !only || only === s;
  const customers = Number(process.env.BENCH_CUSTOMERS ?? 50_000);
  await (engine === 'postgres' ? postgresSections : lowdbSections)(section, want, root, customers);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', `${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}-${engine}.json`);
  writeFileSync(file, JSON.stringify({ node: process.version, engine, customers, figures }, null, 2));
  process.stdout.write(`\nresults: ${file}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
