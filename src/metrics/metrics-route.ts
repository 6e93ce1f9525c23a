import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { Logger } from '../log.js';
import type { Metrics } from './metrics.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics. Without METRICS_TOKEN only a scraper on the same machine is answered. With a token every scrape must
 * present it as a Bearer token, loopback included: a reverse proxy on the same machine would otherwise make the
 * metrics public.
 */
export function metricsRoute(metrics: Metrics, logger: Logger, token: string | undefined) {
  return async (req: Request, res: Response): Promise<void> => {
    const peer = req.socket.remoteAddress ?? '';
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const allowed = token ? bearer !== undefined && sameSecret(bearer, token) : LOOPBACK.has(peer);
    if (!allowed) {
      logger.log('warn', 'metrics.refused', { status: 403, peer, why: token ? 'token' : 'not-loopback' });
      res.send(403, { error: 'forbidden' });
      return;
    }
    const body = await metrics.text();
    res.writeHead(200, { 'Content-Type': metrics.contentType });
    res.end(body);
  };
}
