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
