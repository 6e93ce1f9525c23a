import restify from 'restify';
import type { TeamsAdapter, Application, TurnState } from '@microsoft/teams-ai';
import type { Logger } from './log.js';
import type { metricsRoute } from './metrics/metrics-route.js';

/** restify: POST /api/messages into the bot, GET /healthz for the load balancer, GET /metrics for the operator's Prometheus. */
export function createServer(adapter: TeamsAdapter, app: Application<TurnState>, logger: Logger, metrics: ReturnType<typeof metricsRoute>): restify.Server {
  const server = restify.createServer({ name: 'ab-lotse' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/metrics', metrics);

  server.on('restifyError', (_req, _res, err, callback) => {
    logger.log('warn', 'http.error', { error: err.message });
    return callback();
  });
  return server;
}

export function listen(server: restify.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}
