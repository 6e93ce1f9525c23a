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

/** How the connector answers one call instead of taking the activity. */
export type Fault =
  /** An HTTP error as Teams sends it: status, optional Teams error code in the body, optional headers (Retry-After). */
  | { readonly status: number; readonly code?: string; readonly headers?: Record<string, string>; readonly delayMs?: number }
  /** 2xx, but no message id in the body. */
  | { readonly noId: true }
  /** The connection is closed without an answer. */
  | { readonly drop: true }
  /** The request is read and never answered. */
  | { readonly hang: true };

/** Teams' limits for a bot's proactive messages, per conversation (windows in ms) and per app and second. */
const TEAMS_WINDOWS = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 }
];

export interface ConnectorOptions {
  /**
   * Enforce Teams' limits on proactive messages (what the outbox sends; replies to what a person wrote come at the
   * person's pace): a call that would exceed a conversation's window, or the app's per-second budget, is answered
   * 429 with Retry-After and counted in `throttled`. Measured on arrival, as Teams does.
   */
  readonly teamsLimits?: { readonly appPerSecond: number };
}

/**
 * A stand-in for the Bot Framework connector on 127.0.0.1: records every activity the bot sends, replies and
 * proactive messages alike, and answers like Teams does when something goes wrong: `fault(conversation, …)` queues
 * answers for the next calls into that conversation; `refuseConnections()` closes the port until `acceptConnections()`.
 */
export async function startFakeConnector(options: ConnectorOptions = {}) {
  const received: Received[] = [];
  /** Every 429 the limits forced, with what was exceeded. */
  const throttled: Array<{ conversationId: string; limit: string }> = [];
  const accepted = new Map<string, number[]>();
  const appAccepted: number[] = [];
  /** Which limit a proactive call now would exceed, if any; otherwise the call is counted. */
  const exceeded = (conversationId: string, replyToId: string | undefined): string | undefined => {
    if (!options.teamsLimits || replyToId?.startsWith('in-')) return undefined;
    const now = performance.now();
    const times = accepted.get(conversationId) ?? [];
    for (const w of TEAMS_WINDOWS) if (times.filter((t) => t > now - w.ms).length >= w.max) return `${w.max} pro ${w.ms} ms`;
    if (appAccepted.filter((t) => t > now - 1_000).length >= options.teamsLimits.appPerSecond) return `App: ${options.teamsLimits.appPerSecond} pro Sekunde`;
    accepted.set(conversationId, [...times, now]);
    appAccepted.push(now);
    return undefined;
  };
  const faults = new Map<string, Fault[]>();
  /** Every call that reached the connector, answered or not: how often botbuilder's HTTP client tried. */
  const calls: Array<{ method: string; conversationId: string; replyToId?: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      let path = '';
      try {
        path = decodeURIComponent(req.url ?? '');
      } catch {
        // A malformed path is answered 404 below.
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (!((req.method === 'POST' || req.method === 'PUT') && m)) {
        res.writeHead(404);
        return void res.end();
      }
      const conversationId = m[1]!;
      calls.push({ method: req.method, conversationId, replyToId: m[2] });
      const limit = exceeded(conversationId, m[2]);
      if (limit) throttled.push({ conversationId, limit });
      const fault: Fault | undefined = limit ? { status: 429, code: 'TooManyRequests', headers: { 'Retry-After': '1' } } : faults.get(conversationId)?.shift();
      if (fault && 'hang' in fault) return;
      if (fault && 'drop' in fault) return void req.socket.destroy();
      const answer = () => {
        if (fault && 'status' in fault) {
          res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
          return res.end(JSON.stringify({ error: { code: fault.code ?? 'Error', message: 'fake connector' } }));
        }
        const responseId = `act-${received.length + 1}`;
        received.push({ method: req.method as 'POST' | 'PUT', conversationId, replyToId: m[2], responseId, activity: JSON.parse(body) });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(fault && 'noId' in fault ? {} : { id: responseId }));
      };
      if (fault && 'status' in fault && fault.delayMs) setTimeout(answer, fault.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    received,
    calls,
    throttled,
    fault: (conversationId: string, ...next: Fault[]) => faults.set(conversationId, [...(faults.get(conversationId) ?? []), ...next]),
    refuseConnections: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
    acceptConnections: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    /**
     * Proactive messages into one conversation: not replies to an inbound activity. Tests give inbound activities
     * ids starting with "in-"; a proactive send answers nothing.
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
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections()))
  };
}
