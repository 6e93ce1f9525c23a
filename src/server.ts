import restify from 'restify';
import type { TeamsAdapter, Application, TurnState } from '@microsoft/teams-ai';
import { readInboundActivity, type InboundRules } from './http/inbound-activity.js';
import type { Logger } from './log.js';
import type { metricsRoute } from './metrics/metrics-route.js';

/** The German answer for a fault of ours: botbuilder would put its internal error message in the body. */
const INTERNAL = 'Interner Fehler. Bitte versuchen Sie es später erneut.';

/**
 * restify: POST /api/messages into the bot, GET /healthz for the load balancer, GET /metrics for the operator's Prometheus. No restify
 * body parser runs: the body is read and checked here (JSON only, bounded) before botbuilder or the token check see it.
 */
export function createServer(adapter: TeamsAdapter, app: Application<TurnState>, logger: Logger, rules: InboundRules, metrics: ReturnType<typeof metricsRoute>): restify.Server {
  const server = restify.createServer({ name: 'ab-lotse' });

  server.post('/api/messages', async (req, res) => {
    const inbound = await readInboundActivity(req, rules);
    if (!inbound.ok) {
      logger.log('info', 'http.refused', { status: inbound.status });
      res.send(inbound.status, { error: inbound.message });
      return;
    }
    req.body = inbound.activity;
    await adapter.process(req, withoutInternals(res, logger), async (context) => {
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

/** botbuilder answers its own failures with `status(500)` + the error message: log the message, send a plain one. */
function withoutInternals(res: restify.Response, logger: Logger) {
  let status = 200;
  return {
    socket: res.socket,
    header: (name: string, value: unknown) => void res.header(name, value),
    status(code: number) {
      status = code;
      res.status(code);
    },
    send(body?: unknown) {
      if (status >= 500) {
        logger.log('error', 'http.turn.failed', { status, error: String((body as { message?: string })?.message ?? body ?? '').slice(0, 300) });
        res.send({ error: INTERNAL });
      } else res.send(body);
    },
    end(...args: unknown[]) {
      if (status >= 500) {
        logger.log('error', 'http.turn.failed', { status });
        res.end(JSON.stringify({ error: INTERNAL }));
      } else (res.end as (...a: unknown[]) => void)(...args);
    }
  };
}

export function listen(server: restify.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}
