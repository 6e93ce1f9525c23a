import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { adminSocketPath } from '../src/admin-socket.js';
import type { Deps } from '../src/app/deps.js';
import { fixedClock, systemClock } from '../src/clock.js';
import { loadDirectory } from '../src/config/directory.js';
import type { CliConfig } from '../src/config/env.js';
import { loadPolicy } from '../src/config/policy.js';
import { workingCalendar } from '../src/domain/working-days.js';
import { openStore } from '../src/store/open-store.js';
import { FileAuditLog } from '../src/audit/file-audit-log.js';

/** For the command-line tools when no bot is running: the same rules and store, no Teams. */
export async function offlineDeps(config: CliConfig): Promise<Deps> {
  const policy = loadPolicy(config.POLICY_FILE);
  const clock = config.CLOCK_FIXED ? fixedClock(config.CLOCK_FIXED) : systemClock;
  return {
    store: await openStore(config),
    clock,
    directory: loadDirectory(config.DIRECTORY_FILE, policy.districts.map((d) => d.id)),
    policy,
    calendar: workingCalendar(policy.bundesland),
    newId: randomUUID,
    audit: new FileAuditLog(config.AUDIT_DIR, clock, 'cli')
  };
}

/**
 * lowdb: the running bot does it (one writer per data folder). PostgreSQL: undefined, so the tool writes the database
 * itself — any number of processes may, and no socket is needed.
 */
export function viaRunningBot(config: CliConfig, path: string, body: string, contentType: string): Promise<{ status: number; json: unknown } | undefined> {
  return config.AB_LOTSE_STORE === 'postgres' ? Promise.resolve(undefined) : callRunningBot(config.DATA_DIR, path, body, contentType);
}

/**
 * POST to the running bot through its admin socket; undefined when no bot runs on this data folder. Only the bot's OS
 * user may open the socket: anyone else is told so instead of falling back to the data files (which are the bot's too).
 */
export function callRunningBot(dataDir: string, path: string, body: string, contentType: string): Promise<{ status: number; json: unknown } | undefined> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: adminSocketPath(dataDir), path, method: 'POST', headers: { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') resolve(undefined);
      else if (err.code === 'EACCES') reject(new Error('Keine Berechtigung für den laufenden Bot: bitte als Benutzer des Bot-Dienstes aufrufen.'));
      else reject(err);
    });
    req.end(body);
  });
}
