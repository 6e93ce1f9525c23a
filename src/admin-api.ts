import { chmodSync, rmSync } from 'node:fs';
import restify from 'restify';
import { adminSocketPath } from './admin-socket.js';
import type { Deps } from './app/deps.js';
import { eraseCustomer, exportCustomer } from './app/data-subject.js';
import { importCustomers } from './app/import-customers.js';
import { JOB_NAMES, type JobName } from './jobs/job-catalogue.js';
import { runJobByHand } from './jobs/manual-run.js';
import type { Logger } from './log.js';
import { z } from 'zod';
import { writeBackup } from './backup.js';

/** Export and erase name the person who ran them (`--von`), for the audit log. */
const byWhom = z.string().trim().min(2).max(200);

/**
 * The command-line tools talk to a running bot here, so that only one process writes the store: a Unix socket in the
 * data folder that only the bot's OS user may open (see admin-socket.ts).
 */
/** The embedded store's consistent copy of itself, and the audit folder that a backup takes along. */
export interface BackupSource {
  snapshot(folder: string): Promise<void>;
  readonly auditDir: string;
}

export async function startAdminApi(botDeps: Deps, logger: Logger, dataDir: string, afterChange: () => void, backup: BackupSource): Promise<{ server: restify.Server; socketPath: string }> {
  const deps: Deps = { ...botDeps, audit: botDeps.audit.as('cli') };
  const server = restify.createServer({ name: 'ab-lotse-admin' });
  // The raw body only: restify's bodyParser would parse text/csv itself.
  server.use(restify.plugins.bodyReader({ maxBodySize: 20 * 1024 * 1024 }));

  server.post('/jobs/:name', async (req, res) => {
    const name = req.params.name as JobName;
    if (!JOB_NAMES.includes(name)) {
      res.send(404, { error: `Unbekannter Job. Bekannt: ${JOB_NAMES.join(', ')}` });
      return;
    }
    const run = await runJobByHand(deps, name);
    logger.log('info', 'job.ran', { job: name, manual: true, ...run });
    if (run.ran) afterChange();
    res.send(200, { job: name, ...run });
  });

  server.post('/import', async (req, res) => {
    const result = await importCustomers(deps, Buffer.isBuffer(req.body) ? req.body.toString('utf8') : String(req.body ?? ''));
    logger.log('info', 'import', { ok: result.ok, rows: result.ok ? result.created + result.updated : 0, problems: result.ok ? 0 : result.problems.length });
    res.send(result.ok ? 200 : 422, result);
  });

  server.post('/export/:kdnr', async (req, res) => {
    const by = byWhom.safeParse(new URL(req.url ?? '', 'http://admin').searchParams.get('von'));
    if (!by.success) return void res.send(400, { error: 'Wer die Auskunft erteilt, fehlt (--von).' });
    const result = await exportCustomer(deps, String(req.params.kdnr), by.data);
    res.send(result.ok ? 200 : 404, result);
  });

  server.post('/erase/:kdnr', async (req, res) => {
    const by = byWhom.safeParse(new URL(req.url ?? '', 'http://admin').searchParams.get('von'));
    if (!by.success) return void res.send(400, { error: 'Wer löscht, fehlt (--von).' });
    const result = await eraseCustomer(deps, String(req.params.kdnr), by.data);
    logger.log('info', 'erase', { ok: result.ok });
    res.send(result.ok ? 200 : 404, result);
  });

  // `npm run backup` while the bot runs: the bot writes the copy itself, so it is consistent across the files.
  server.post('/backup', async (req, res) => {
    const target = z.string().min(1).max(4096).safeParse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : req.body);
    if (!target.success) return void res.send(400, { error: 'Zielordner fehlt.' });
    const folder = await writeBackup(target.data, backup, botDeps.clock.now());
    logger.log('info', 'backup', { consistent: true });
    res.send(200, { folder });
  });

  const socketPath = adminSocketPath(dataDir);
  // The data-folder lock says no other bot owns this folder: a socket file left by a killed process is stale.
  rmSync(socketPath, { force: true });
  const previous = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(previous);
  }
  chmodSync(socketPath, 0o600);
  return { server, socketPath };
}
