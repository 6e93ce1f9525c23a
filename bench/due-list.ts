import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { dueListOf } from '../src/app/due-contacts.js';
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * (b) The due list over 50 000 customers (every rule: precedence, month arithmetic on Berlin dates, working-day window)
 * beside a plain loop over the same records that only adds months to a Date: the floor of any implementation.
 */
export async function benchDueList(root: string): Promise<Figure[]> {
  const policy = loadPolicy(`${root}/demo/policy.json`);
  const directory = loadDirectory(`${root}/demo/directory.json`, policy.districts.map((d) => d.id));
  const today = '2026-11-24';
  const customers = syntheticCustomers(50_000, ['a'], today);
  const deps = { store: {} as Store, clock: fixedClock('2026-11-24T09:00:00+01:00'), directory, policy, calendar: workingCalendar(policy.bundesland), newId: randomUUID, audit: noAudit } satisfies Deps;
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
