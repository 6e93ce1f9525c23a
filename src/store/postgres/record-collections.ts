import type { Changes } from '../../ports.js';
import { guardOf } from '../invariants.js';

/** How a record of one collection sits in the `records` table: its id, its customer, its invariant key. */
export interface CollectionSpec<T> {
  readonly id: (record: T) => string;
  readonly kdnr?: (record: T) => string;
  readonly guard?: (record: T) => string | undefined;
}

type RecordCollections = Exclude<keyof Changes, 'notifications'>;

/**
 * Every record list of `Changes` and where it goes (customers first: one commit may change a customer and its cases). The mapped type makes a new `Changes` field a compile error
 * until it has its line here; it needs no migration (the table is keyed by collection name).
 */
export const RECORD_COLLECTIONS: { readonly [K in RecordCollections]-?: CollectionSpec<NonNullable<Changes[K]>[number]> } = {
  customers: { id: (c) => c.kdnr, kdnr: (c) => c.kdnr },
  cases: { id: (c) => c.id, kdnr: (c) => c.kdnr, guard: guardOf.cases },
  missedCases: { id: (c) => c.id, kdnr: (c) => c.kdnr, guard: guardOf.missedCases },
  paymentStops: { id: (p) => p.kdnr, kdnr: (p) => p.kdnr },
  tasks: { id: (t) => t.id, kdnr: (t) => t.kdnr, guard: guardOf.tasks },
  expenses: { id: (e) => e.id },
  newcomerCases: { id: (c) => c.id, kdnr: (c) => c.kdnr, guard: guardOf.newcomerCases },
  walkInQueues: { id: (q) => q.date },
  sofoSlots: { id: (s) => s.id, kdnr: (s) => s.kdnr },
  anonymousConsultations: { id: (a) => a.id }
};

/** One versioned record as written: the key columns and the document. */
export interface RecordRow {
  readonly collection: string;
  readonly id: string;
  readonly kdnr: string | null;
  readonly guard: string | null;
  readonly version: number;
  readonly doc: unknown;
}

export function rowOf<T extends { version: number }>(collection: string, spec: CollectionSpec<T>, record: T): RecordRow {
  return { collection, id: spec.id(record), kdnr: spec.kdnr?.(record) ?? null, guard: spec.guard?.(record) ?? null, version: record.version, doc: record };
}

export function changeRows(changes: Changes): RecordRow[] {
  return (Object.keys(RECORD_COLLECTIONS) as RecordCollections[]).flatMap((name) => {
    const spec = RECORD_COLLECTIONS[name] as CollectionSpec<{ version: number }>;
    return ((changes[name] ?? []) as ReadonlyArray<{ version: number }>).map((r) => rowOf(name, spec, r));
  });
}
