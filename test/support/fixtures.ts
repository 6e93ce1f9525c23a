import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FileAuditLog } from '../../src/audit/file-audit-log.js';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../src/app/deps.js';
import { fixedClock } from '../../src/clock.js';
import { loadDirectory } from '../../src/config/directory.js';
import { loadPolicy, type Policy } from '../../src/config/policy.js';
import { atBerlin } from '../../src/domain/berlin-time.js';
import type { AttemptKind, ContactAttempt } from '../../src/domain/contact-attempt.js';
import type { Customer } from '../../src/domain/customer.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { projectRoot } from '../../src/project-root.js';

/** The synthetic demo directory (demo/directory.json) doubles as the test directory. */
export const STAFF = {
  anna: '00000000-0000-0000-0000-0000000000020', // IFK, team 521 — HB of most test customers
  jonas: '00000000-0000-0000-0000-0000000000021', // IFK part-time, team 521
  petra: '00000000-0000-0000-0000-0000000000022', // TL team 521
  murat: '00000000-0000-0000-0000-0000000000023', // AB, districts nord + ost
  lena: '00000000-0000-0000-0000-0000000000024', // AB, districts sued + west
  sabine: '00000000-0000-0000-0000-0000000000025', // EZ
  thomas: '00000000-0000-0000-0000-0000000000026', // LSB
  ida: '00000000-0000-0000-0000-0000000000027' // ADMIN
} as const;
export const STRANGER = '99999999-9999-9999-9999-999999999999';

export const DEMO_POLICY = join(projectRoot(), 'demo', 'policy.json');
export const DEMO_DIRECTORY = join(projectRoot(), 'demo', 'directory.json');

export function demoPolicy(): Policy {
  return loadPolicy(DEMO_POLICY);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ab-lotse-test-'));
}

/** Berlin wall-clock time → ISO instant, e.g. at('2026-11-19 09:15'). */
export function at(local: string): string {
  const [date, time] = local.split(' ') as [string, string | undefined];
  return atBerlin(date, time ?? '10:00').toISOString();
}

export function attempt(kind: AttemptKind, local: string): ContactAttempt {
  return { kind, at: at(local), timeGiven: true, recordedBy: STAFF.anna, recordedAt: at(local) };
}

/** The full sequence of seed 000 §2, ending with two calls on different days and times. */
export function fullAttempts(): ContactAttempt[] {
  return [
    attempt('einladung', '2026-10-01 10:00'),
    attempt('nicht-erschienen', '2026-10-08 10:00'),
    attempt('einladung-rfb', '2026-10-12 10:00'),
    attempt('nicht-erschienen', '2026-10-19 10:00'),
    attempt('anruf', '2026-10-21 09:15'),
    attempt('anruf', '2026-10-23 14:30')
  ];
}

export function aCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    kdnr: '123D456789',
    hbId: STAFF.anna,
    group: 'marktfern',
    longTermUnemployed: false,
    district: 'nord',
    attempts: [],
    profile: null,
    intensive: false,
    contacts: [],
    lastContactImported: null,
    registeredOn: '2026-09-01',
    version: 1,
    ...overrides
  };
}

export async function testDeps(nowLocal = '2026-11-24 10:00'): Promise<Deps & { clock: ReturnType<typeof fixedClock>; store: LowdbStore; dataDir: string; auditDir: string }> {
  const policy = demoPolicy();
  const dataDir = tempDir();
  const auditDir = join(dataDir, '..', `${basename(dataDir)}-audit`);
  const clock = fixedClock(at(nowLocal));
  return {
    store: await LowdbStore.open(dataDir),
    clock,
    audit: new FileAuditLog(auditDir, clock),
    auditDir,
    directory: loadDirectory(DEMO_DIRECTORY, policy.districts.map((d) => d.id)),
    policy,
    calendar: workingCalendar(policy.bundesland),
    newId: randomUUID,
    dataDir
  };
}

/** Store a customer directly (arrange step), bypassing the use cases. */
export async function givenCustomer(deps: Deps, overrides: Partial<Customer> = {}): Promise<Customer> {
  const c = aCustomer(overrides);
  const r = await deps.store.commit({ customers: [c] });
  if (!r.ok) throw new Error('arrange failed');
  return c;
}
