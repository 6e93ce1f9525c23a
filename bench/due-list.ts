import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { dueListFor, dueListOf } from '../src/app/due-contacts.js';
import type { Deps } from '../src/app/deps.js';
import { fixedClock } from '../src/clock.js';
import { loadDirectory } from '../src/config/directory.js';
import { loadPolicy } from '../src/config/policy.js';
import { addMonths } from 'date-fns';
import { workingCalendar } from '../src/domain/working-days.js';
import type { Store } from '../src/ports.js';
import { noAudit } from '../src/audit/audit-log.js';
import { syntheticCustomers } from './synthetic.js';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note: string;
}

export const thousands = (n: number) => n.toLocaleString('en').replace(/,/g, ' ');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * (b) The due list over 50 000 customers (every rule: precedence, month arithmetic on Berlin dates, working-day window)
 * beside a plain loop over the same records that only adds months to a Date: the floor of any implementation.
 */
function benchDeps(root: string, store: Store): Deps {
  const policy = loadPolicy(`${root}/demo/policy.json`);
  const directory = loadDirectory(`${root}/demo/directory.json`, policy.districts.map((d) => d.id));
  return { store, clock: fixedClock('2026-11-24T09:00:00+01:00'), directory, policy, calendar: workingCalendar(policy.bundesland), newId: randomUUID, audit: noAudit };
}

export async function benchDueList(root: string): Promise<Figure[]> {
  const today = '2026-11-24';
  const customers = syntheticCustomers(50_000, ['a'], today);
  const deps = benchDeps(root, {} as Store);
  dueListOf(deps, customers, today); // warm up (holiday tables, JIT)
  const rule = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    dueListOf(deps, customers, today);
    rule.push(performance.now() - t);
  }
  const plain = [];
  const now = new Date('2026-11-24T12:00:00Z');
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    let overdue = 0;
    for (const c of customers) if (addMonths(new Date(`${c.lastContactImported}T12:00:00Z`), 2) < now) overdue++;
    plain.push(performance.now() - t);
    if (overdue < 0) throw new Error('unreachable');
  }
  return [
    { name: 'due list, 50 000 customers (median of 7)', value: median(rule), unit: 'ms', note: 'target ≤ 200 ms' },
    { name: 'plain loop over the same records', value: median(plain), unit: 'ms', note: 'the floor' }
  ];
}

/**
 * (b) on a store: the due list of one IFK as `/faellig` and the daily reminder compute it — that IFK's customers read
 * through the store (`customersOfHb`, the U25 cases), then every rule. `customers` are in the store, spread
 * over HBs as `spreadHbs` does it.
 */
export async function benchDueListOfIfk(root: string, store: Store, ifkId: string, customers: number): Promise<Figure[]> {
  const deps = benchDeps(root, store);
  const first = await dueListFor(deps, ifkId); // warm up (holiday tables, JIT, the database's cache)
  const times = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    await dueListFor(deps, ifkId);
    times.push(performance.now() - t);
  }
  const listed = first.overdue.length + first.dueSoon.length;
  const own = (await store.customersOfHb(ifkId)).length;
  return [
    { name: `due list of one IFK (${thousands(own)} of ${thousands(customers)} customers), median of 15`, value: median(times), unit: 'ms', note: `target ≤ 50 ms; ${listed} listed` },
    { name: 'due list of one IFK, slowest of 15', value: Math.max(...times), unit: 'ms', note: '' }
  ];
}
