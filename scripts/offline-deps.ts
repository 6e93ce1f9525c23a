import { randomUUID } from 'node:crypto';
import type { Deps } from '../src/app/deps.js';
import { fixedClock, systemClock } from '../src/clock.js';
import { loadDirectory } from '../src/config/directory.js';
import type { CliConfig } from '../src/config/env.js';
import { loadPolicy } from '../src/config/policy.js';
import { workingCalendar } from '../src/domain/working-days.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { FileAuditLog } from '../src/audit/file-audit-log.js';

/** For the command-line tools when no bot is running: the same rules and store, no Teams. */
export async function offlineDeps(config: CliConfig): Promise<Deps & { store: LowdbStore }> {
  const policy = loadPolicy(config.POLICY_FILE);
  const clock = config.CLOCK_FIXED ? fixedClock(config.CLOCK_FIXED) : systemClock;
  return {
    store: await LowdbStore.open(config.DATA_DIR),
    clock,
    directory: loadDirectory(config.DIRECTORY_FILE, policy.districts.map((d) => d.id)),
    policy,
    calendar: workingCalendar(policy.bundesland),
    newId: randomUUID,
    audit: new FileAuditLog(config.AUDIT_DIR, clock, 'cli')
  };
}

/** POST to the running bot's admin port; undefined when no bot listens there. */
export async function callRunningBot(port: number, path: string, body: string, contentType: string): Promise<{ status: number; json: unknown } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    return { status: res.status, json: await res.json() };
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return undefined;
    throw err;
  }
}
