import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Customer } from '../../domain/customer.js';
import type { Changes, ConversationRef, DeliveryState } from '../../ports.js';
import { acquireLock } from '../data-dir-lock.js';
import { ensureDataFormat } from '../data-format.js';
import type { StoreSnapshot } from './postgres-store.js';
import { changeRows, type RecordRow } from './record-collections.js';

type FileOf<T> = Record<string, Record<string, T> | undefined>;

const readJson = <T>(dir: string, file: string): Partial<T> => (existsSync(join(dir, file)) ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as Partial<T>) : {});
const values = <T>(map: Record<string, T> | undefined): T[] => Object.values(map ?? {});

/** Unversioned records (references, presence, job runs) keep version 1, as the PostgreSQL store writes them. */
const plain = (collection: string, entries: Record<string, unknown> | undefined, doc: (value: never) => unknown = (v) => v): RecordRow[] =>
  Object.entries(entries ?? {}).map(([id, value]) => ({ collection, id, kdnr: null, guard: null, version: 1, doc: doc(value as never) }));

/**
 * The whole lowdb data folder as PostgreSQL rows. Taken under the folder's lock (a running bot holds it, so its data
 * cannot change underneath) and after the folder's format check.
 */
export async function readLowdbSnapshot(dir: string): Promise<StoreSnapshot> {
  const lock = await acquireLock(dir);
  try {
    await ensureDataFormat(dir);
    const customers = readJson<FileOf<Customer>>(dir, 'customers.json');
    const cases = readJson<{ [K in keyof Changes]: Record<string, NonNullable<Changes[K]>[number]> }>(dir, 'cases.json');
    const delivery = readJson<FileOf<DeliveryState>>(dir, 'delivery.json');
    const conversations = readJson<{ staff: Record<string, ConversationRef>; channels: Record<string, ConversationRef>; teamChannels: Record<string, string> }>(dir, 'conversations.json');
    const presence = readJson<{ absences: Record<string, unknown>; abDayStates: Record<string, unknown>; jobRuns: Record<string, string> }>(dir, 'presence.json');
    // A commit across both files may have left its customers in cases.json alone (the process died between the writes).
    const committed = values((cases as { committedCustomers?: Record<string, Customer> }).committedCustomers).filter((c) => (customers.customers?.[c.kdnr]?.version ?? 0) < c.version);
    const changes: Changes = {
      customers: [...values(customers.customers).filter((c) => !committed.some((n) => n.kdnr === c.kdnr)), ...committed],
      cases: values(cases.cases),
      missedCases: values(cases.missedCases),
      paymentStops: values(cases.paymentStops),
      tasks: values(cases.tasks),
      expenses: values(cases.expenses),
      newcomerCases: values(cases.newcomerCases),
      walkInQueues: values(cases.walkInQueues),
      sofoSlots: values(cases.sofoSlots),
      anonymousConsultations: values(cases.anonymousConsultations)
    };
    return {
      records: [
        ...changeRows(changes),
        ...plain('staffRefs', conversations.staff),
        ...plain('channelRefs', conversations.channels),
        ...plain('teamChannels', conversations.teamChannels, (channelId: string) => ({ channelId })),
        ...plain('absences', presence.absences),
        ...plain('abDayStates', presence.abDayStates),
        ...plain('jobRuns', presence.jobRuns, (slot: string) => ({ slot }))
      ],
      notifications: values(cases.notifications),
      deliveries: Object.entries(delivery.deliveries ?? {})
    };
  } finally {
    lock.release();
  }
}
