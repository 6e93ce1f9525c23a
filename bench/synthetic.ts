import type { ContactAttempt } from '../src/domain/contact-attempt.js';
import type { Customer, CustomerGroup } from '../src/domain/customer.js';
import { shiftDate } from '../src/domain/berlin-time.js';

/** Synthetic customers (Kundennummer-shaped ids, no names), spread over HBs, groups and last-contact dates. */
export function syntheticCustomers(count: number, hbIds: readonly string[], today: string): Customer[] {
  const groups: CustomerGroup[] = ['u25', 'marktnah', 'marktfern'];
  const out: Customer[] = [];
  for (let i = 0; i < count; i++) {
    out.push({
      kdnr: `9${String(Math.floor(i / 1_000_000)).padStart(2, '0')}B${String(i % 1_000_000).padStart(6, '0')}`,
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

/** The demo directory's Anna Berg, HB of every benchmark customer. */
export const BENCH_HB = '00000000-0000-0000-0000-0000000000020';

const at = (iso: string, kind: ContactAttempt['kind']): ContactAttempt => ({ kind, at: iso, timeGiven: true, recordedBy: BENCH_HB, recordedAt: iso });

/** Customers whose contact attempts meet every prerequisite of an AB flag (seed 000 §2), so `/vormerken` stores one. */
export function flaggableCustomers(count: number, hbIds: readonly string[]): Customer[] {
  const attempts = [
    at('2026-10-01T08:00:00.000Z', 'einladung'),
    at('2026-10-08T08:00:00.000Z', 'nicht-erschienen'),
    at('2026-10-12T08:00:00.000Z', 'einladung-rfb'),
    at('2026-10-19T08:00:00.000Z', 'nicht-erschienen'),
    at('2026-10-21T07:15:00.000Z', 'anruf'),
    at('2026-10-23T12:30:00.000Z', 'anruf')
  ];
  return syntheticCustomers(count, hbIds, '2026-11-24').map((c) => ({ ...c, attempts }));
}
