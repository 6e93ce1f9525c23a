import type { ContactAttempt } from '../src/domain/contact-attempt.js';
import type { Customer, CustomerGroup } from '../src/domain/customer.js';
import { shiftDate } from '../src/domain/berlin-time.js';

/** The Kundennummer of synthetic customer `i`. */
export const syntheticKdnr = (i: number) => `9${String(Math.floor(i / 1_000_000)).padStart(2, '0')}B${String(i % 1_000_000).padStart(6, '0')}`;

/**
 * Synthetic customers `first` … `first + count - 1` (Kundennummer-shaped ids, no names), spread over HBs (customer i
 * belongs to `hbIds[i % hbIds.length]`), groups and last-contact dates.
 */
export function syntheticCustomers(count: number, hbIds: readonly string[], today: string, first = 0): Customer[] {
  const groups: CustomerGroup[] = ['u25', 'marktnah', 'marktfern'];
  const out: Customer[] = [];
  for (let i = first; i < first + count; i++) {
    out.push({
      kdnr: syntheticKdnr(i),
      hbId: hbIds[i % hbIds.length]!,
      group: groups[i % 3]!,
      longTermUnemployed: i % 7 === 0,
      district: 'nord',
      attempts: [],
      profile: i % 17 === 0 ? 'Z' : i % 19 === 0 ? 'I' : null,
      intensive: i % 50 === 0,
      contacts: [],
      lastContactImported: shiftDate(today, -(i % 200)),
      registeredOn: '2025-01-01',
      version: 1
    });
  }
  return out;
}

/** The demo directory's Anna Berg: the HB whose customers the inbound benchmark asks about. */
export const BENCH_HB = '00000000-0000-0000-0000-0000000000020';

/** Customers per HB in the PostgreSQL runs: a generous caseload, so the due list of one IFK reads 2 000 customers. */
export const CUSTOMERS_PER_HB = 2_000;

/**
 * The HBs of `count` customers on PostgreSQL: Anna Berg first, then synthetic ids, `CUSTOMERS_PER_HB` each. (lowdb's
 * runs keep every customer with Anna Berg, as the figures of before PostgreSQL were measured.)
 */
export function spreadHbs(count: number): string[] {
  const hbs = Math.max(1, Math.round(count / CUSTOMERS_PER_HB));
  return [BENCH_HB, ...Array.from({ length: hbs - 1 }, (_, n) => `bench-hb-${n + 1}`)];
}

/** The Kundennummern of the first HB's customers (`hbIds[0]`) among `count`, in order. */
export function kdnrsOfFirstHb(count: number, hbIds: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i += hbIds.length) out.push(syntheticKdnr(i));
  return out;
}

const at = (iso: string, kind: ContactAttempt['kind']): ContactAttempt => ({ kind, at: iso, timeGiven: true, recordedBy: BENCH_HB, recordedAt: iso });

/** Customers whose contact attempts meet every prerequisite of an AB flag (seed 000 §2), so `/vormerken` stores one. */
export function flaggableCustomers(count: number, hbIds: readonly string[], first = 0): Customer[] {
  const attempts = [
    at('2026-10-01T08:00:00.000Z', 'einladung'),
    at('2026-10-08T08:00:00.000Z', 'nicht-erschienen'),
    at('2026-10-12T08:00:00.000Z', 'einladung-rfb'),
    at('2026-10-19T08:00:00.000Z', 'nicht-erschienen'),
    at('2026-10-21T07:15:00.000Z', 'anruf'),
    at('2026-10-23T12:30:00.000Z', 'anruf')
  ];
  return syntheticCustomers(count, hbIds, '2026-11-24', first).map((c) => ({ ...c, attempts }));
}
