import { createCustomer } from './app/create-customer.js';
import type { Deps } from './app/deps.js';
import { recordAttempt } from './app/record-attempt.js';
import { recordContact } from './app/record-contact.js';
import { handOverToAbPap } from './app/u25-handover.js';
import { recordFirstContact } from './app/u25-phase.js';
import { atBerlin } from './domain/berlin-time.js';
import { berlinDate, shiftDate } from './domain/berlin-time.js';
import type { AttemptKind } from './domain/contact-attempt.js';
import type { CustomerGroup } from './domain/customer.js';

/** Synthetic demo customers (no real Kundennummern, no names), dated relative to today, entered through the use cases. */
const ANNA = '00000000-0000-0000-0000-0000000000020';
const JONAS = '00000000-0000-0000-0000-0000000000021';
const MIRIAM = '00000000-0000-0000-0000-0000000000028';

interface DemoCustomer {
  kdnr: string;
  hb: string;
  group: CustomerGroup;
  district: string;
  lza?: boolean;
  attempts: Array<[AttemptKind, number, string?]>; // kind, days ago, time
  /** Days since the last personal contact (contact density, seed 003); none: due since registration. */
  lastContactDaysAgo?: number;
}

const DEMO_CUSTOMERS: DemoCustomer[] = [
  // Every prerequisite met: ready for /vormerken.
  { kdnr: '901D000001', hb: ANNA, group: 'marktfern', district: 'nord', lastContactDaysAgo: 150, attempts: [['einladung', 42], ['nicht-erschienen', 35], ['einladung-rfb', 28], ['nicht-erschienen', 21], ['anruf', 8, '09:15'], ['anruf', 6, '14:30']] },
  // Both calls on the same day: the second call on another day is missing.
  { kdnr: '901D000002', hb: ANNA, group: 'marktnah', district: 'sued', lastContactDaysAgo: 58, attempts: [['einladung', 40], ['nicht-erschienen', 33], ['einladung-rfb', 26], ['nicht-erschienen', 19], ['anruf', 5, '09:00'], ['anruf', 5, '15:00']] },
  // Long-term unemployed under 25: the first invitation already carried the RFB.
  { kdnr: '901D000003', hb: ANNA, group: 'u25', district: 'ost', lza: true, lastContactDaysAgo: 40, attempts: [['einladung-rfb', 30], ['nicht-erschienen', 23], ['anruf', 9, '08:45'], ['anruf', 7, '13:10']] },
  // Only the first round so far.
  { kdnr: '901D000004', hb: ANNA, group: 'u25', district: 'west', lastContactDaysAgo: 10, attempts: [['einladung', 12], ['nicht-erschienen', 5]] },
  // Another IFK's customer, nothing recorded yet.
  { kdnr: '901D000005', hb: JONAS, group: 'marktnah', district: 'nord', lastContactDaysAgo: 20, attempts: [] },
  // Under 25, handed over to the aB-pAp Miriam Vogt about five months ago (seed 001): in the activation phase.
  { kdnr: '901D000006', hb: ANNA, group: 'u25', district: 'sued', lastContactDaysAgo: 12, attempts: [['einladung-rfb', 170], ['nicht-erschienen', 163]] },
  // seed 002: reacts to nothing; two failed calls documented — suited for a Hausbesuch (/hausbesuch, at least 3 weeks ahead).
  { kdnr: '901D000013', hb: ANNA, group: 'marktfern', district: 'west', lastContactDaysAgo: 130, attempts: [['anruf', 12, '09:30'], ['anruf', 9, '15:00']] }
];

/** The demo's U25 activation: handed over and first contact made in the past, through the use cases at that time. */
async function seedU25Demo(deps: Deps, today: string): Promise<void> {
  const past = (daysAgo: number): Deps => ({ ...deps, clock: { now: () => atBerlin(shiftDate(today, -daysAgo), '10:00') } });
  const handover = await handOverToAbPap(past(155), ANNA, '901D000006', { handoverTalkHeld: true, form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPapId: MIRIAM });
  if (!handover.ok) throw new Error(`demo U25 handover: ${handover.reason}`);
  const contact = await recordFirstContact(past(148), MIRIAM, { kdnr: '901D000006' }, true);
  if (!contact.ok) throw new Error(`demo U25 first contact: ${contact.reason}`);
}

export async function seedDemo(deps: Deps): Promise<number> {
  let created = 0;
  const today = berlinDate(deps.clock.now());
  for (const c of DEMO_CUSTOMERS) {
    if (await deps.store.getCustomer(c.kdnr)) continue;
    const r = await createCustomer(deps, c.hb, { kdnr: c.kdnr, group: c.group, district: c.district, longTermUnemployed: c.lza ?? false });
    if (!r.ok) throw new Error(`demo customer ${c.kdnr}: ${r.reason}`);
    for (const [kind, daysAgo, time] of c.attempts) {
      const a = await recordAttempt(deps, c.hb, { kdnr: c.kdnr, kind, date: shiftDate(today, -daysAgo), time: time ?? '10:00' });
      if (!a.ok) throw new Error(`demo attempt ${c.kdnr}: ${a.reason}`);
    }
    if (c.lastContactDaysAgo !== undefined) {
      const k = await recordContact(deps, c.hb, { kdnr: c.kdnr, kind: 'persoenlich', date: shiftDate(today, -c.lastContactDaysAgo) });
      if (!k.ok) throw new Error(`demo contact ${c.kdnr}: ${k.reason}`);
    }
    if (c.kdnr === '901D000006') await seedU25Demo(deps, today);
    created++;
  }
  return created;
}
