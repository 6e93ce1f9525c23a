import { fixedClock } from '../../src/clock.js';
import { loadEnv } from '../../src/config/env.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { startRuntime } from '../../src/runtime.js';
import { at, DEMO_DIRECTORY, DEMO_POLICY, tempDir } from './fixtures.js';

export const personalConversation = (staffId: string) => `a:personal-${staffId}`;

let seq = 0;

/** An activity as Teams posts it from a staff member's personal chat; ids start with "in-" (see the fake connector). */
export function teamsActivity(serviceUrl: string, staffId: string, body: Record<string, unknown>) {
  return {
    channelId: 'msteams',
    serviceUrl,
    id: `in-${++seq}`,
    from: { id: `29:${staffId}`, name: 'x', aadObjectId: staffId },
    recipient: { id: '28:bot', name: 'AB-Lotse' },
    conversation: { id: personalConversation(staffId), conversationType: 'personal', tenantId: 'tenant-1' },
    ...body
  };
}

/** POST to the bot's /api/messages; the JSON body of the answer (an invoke response) if any. */
export async function postActivity(port: number, activity: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The whole bot in local mode on a fresh data folder, with a pinned clock and no scheduled jobs (they would add messages). */
export async function localBot(nowLocal: string, logger: Logger = silentLogger) {
  const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: tempDir(), DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY });
  return startRuntime(config, logger, { clock: fixedClock(at(nowLocal)), senderIntervalMs: 60_000, scheduler: false });
}
