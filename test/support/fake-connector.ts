import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  /** POST: a new message (or reply); PUT: an in-place update of the message `replyToId`. */
  readonly method: 'POST' | 'PUT';
  readonly conversationId: string;
  readonly replyToId?: string;
  /** The id this connector answered with (what the bot later updates). */
  readonly responseId: string;
  readonly activity: { type: string; text?: string; attachments?: Array<{ content: unknown }> };
}

/**
 * A stand-in for the Bot Framework connector on 127.0.0.1: records every activity the bot sends, replies and
 * proactive messages alike. `failNext` makes the next sends fail with a status (and Retry-After).
 */
export async function startFakeConnector() {
  const received: Received[] = [];
  const failures: Array<{ status: number; retryAfter?: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(decodeURIComponent(req.url ?? ''));
      if ((req.method === 'POST' || req.method === 'PUT') && m) {
        const failure = failures.shift();
        if (failure) {
          res.writeHead(failure.status, failure.retryAfter ? { 'Retry-After': failure.retryAfter, 'Content-Type': 'application/json' } : { 'Content-Type': 'application/json' });
          return res.end(JSON.stringify({ error: { code: 'Throttled', message: 'fake' } }));
        }
        const responseId = `act-${received.length + 1}`;
        received.push({ method: req.method, conversationId: m[1]!, replyToId: m[2], responseId, activity: JSON.parse(body) });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ id: responseId }));
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    received,
    failNext: (status: number, retryAfter?: string) => failures.push({ status, retryAfter }),
    /**
     * Proactive messages into one conversation: not replies to an inbound activity. Tests give inbound activities
     * ids starting with "in-"; botbuilder gives a proactive send a replyToId of its own continuation activity.
     */
    proactiveTo: (conversationId: string) => received.filter((r) => r.method === 'POST' && r.conversationId === conversationId && !r.replyToId?.startsWith('in-')),
    /** In-place updates of cards sent earlier into one conversation. */
    updatesTo: (conversationId: string) => received.filter((r) => r.method === 'PUT' && r.conversationId === conversationId),
    async waitFor(predicate: () => boolean, ms = 5000) {
      const until = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > until) throw new Error('timed out waiting for the connector');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
