import restify from 'restify';
import type { Deps } from './app/deps.js';
import { eraseCustomer, exportCustomer } from './app/data-subject.js';
import { importCustomers } from './app/import-customers.js';
import { jobCatalogue, JOB_NAMES, type JobName } from './jobs/job-catalogue.js';
import type { Logger } from './log.js';
import { listen } from './server.js';

/**
 * The command-line tools talk to a running bot here, so that only one process writes the store. It listens on
 * 127.0.0.1 only, whatever HOST says: anyone who can reach it is already on the machine.
 */
export async function startAdminApi(botDeps: Deps, logger: Logger, port: number, afterChange: () => void): Promise<{ server: restify.Server; port: number }> {
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
    const job = jobCatalogue(deps).find((j) => j.name === name)!;
    const count = await job.run(deps);
    logger.log('info', 'job.ran', { job: name, manual: true, count });
    afterChange();
    res.send(200, { job: name, count });
  });

  server.post('/import', async (req, res) => {
    const result = await importCustomers(deps, Buffer.isBuffer(req.body) ? req.body.toString('utf8') : String(req.body ?? ''));
    logger.log('info', 'import', { ok: result.ok, rows: result.ok ? result.created + result.updated : 0, problems: result.ok ? 0 : result.problems.length });
    res.send(result.ok ? 200 : 422, result);
  });

  server.post('/export/:kdnr', async (req, res) => {
    const result = await exportCustomer(deps, String(req.params.kdnr));
    res.send(result.ok ? 200 : 404, result);
  });

  server.post('/erase/:kdnr', async (req, res) => {
    const result = await eraseCustomer(deps, String(req.params.kdnr));
    logger.log('info', 'erase', { ok: result.ok });
    res.send(result.ok ? 200 : 404, result);
  });

  return { server, port: await listen(server, port, '127.0.0.1') };
}
