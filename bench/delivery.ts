import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { systemClock } from '../src/clock.js';
import { OutboxSender } from '../src/delivery/outbox-sender.js';
import { RateLimiter, TEAMS_CONVERSATION_WINDOWS } from '../src/delivery/rate-limiter.js';
import { silentLogger } from '../src/log.js';
import type { Notification, Store } from '../src/ports.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { teamsTransport } from '../src/teams/teams-transport.js';
import type { Figure } from './due-list.js';

/**
 * A Bot Connector stand-in that enforces Teams' limits (per conversation and per app) with 429 + Retry-After: 1, and on
 * top answers 10 % of the sends it would accept with 429 as well (a seeded sequence, the same each run).
 */
async function throttlingConnector(appPerSecond: number) {
  const limiter = new RateLimiter(TEAMS_CONVERSATION_WINDOWS, appPerSecond);
  const accepted = new Map<string, number>();
  let requests = 0;
  let throttled = 0;
  let overLimits = 0;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests++;
      const conversation = decodeURIComponent(/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      const now = performance.now();
      const overLimit = limiter.nextAllowed(conversation, now) > now;
      if (overLimit || random() < 0.1) {
        throttled++;
        if (overLimit) overLimits++;
        res.writeHead(429, { 'Retry-After': '1', 'Content-Type': 'application/json' });
        res.end('{"error":{"code":"Throttled"}}');
        return;
      }
      limiter.record(conversation, now);
      const key = /"notification":"([^"]+)"/.exec(body)?.[1] ?? 'unknown';
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"id":"a${requests}"}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, accepted, stats: () => ({ requests, throttled, overLimits }), close: () => server.close() };
}

/** (c) 5 000 notifications to 500 people through the throttling connector: total time against the optimum, lost, duplicated. */
export async function benchDelivery(open: () => Promise<Store> = () => LowdbStore.open(mkdtempSync(join(tmpdir(), 'ab-lotse-bench-')))): Promise<Figure[]> {
  const total = Number(process.env.BENCH_DELIVERY_N ?? 5_000);
  const people = Math.max(1, Math.round(total / 10));
  const appPerSecond = Number(process.env.BENCH_APP_RPS ?? 50);
  const connector = await throttlingConnector(appPerSecond);
  const store = await open();
  const now = new Date().toISOString();
  for (let p = 0; p < people; p++) {
    await store.saveStaffRef(`u${p}`, { serviceUrl: connector.url, channelId: 'msteams', conversationId: `a:u${p}`, conversationType: 'personal', updatedAt: now });
  }
  const notifications: Notification[] = [];
  for (let i = 0; i < total; i++) {
    notifications.push({ id: `n${i}`, key: `n${i}`, recipient: { kind: 'staff', staffId: `u${i % people}` }, card: 'result-task', subject: { kind: 'task', taskId: `t${i}` }, createdAt: now });
  }
  await store.commit({ notifications });

  const adapter = new TeamsAdapter({});
  const render = async (n: Notification) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Aufgabe' }], notification: n.id });
  const sender = new OutboxSender(store, systemClock, teamsTransport(adapter, ''), render, silentLogger, { appPerSecond, batchSize: total, maxWaitMs: 10_000 });
  const started = performance.now();
  while ((await store.dueNotifications(new Date(Date.now() + 60_000), 1)).length) {
    await sender.drainOnce();
    if ((await store.dueNotifications(new Date(), 1)).length === 0) await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const { requests, throttled, overLimits } = connector.stats();
  const delivered = [...connector.accepted.keys()].filter((k) => k.startsWith('n')).length;
  const duplicated = [...connector.accepted.values()].reduce((n, c) => n + c - 1, 0);
  const optimum = total / appPerSecond;
  // 10 % of the sends Teams would accept are answered 429 anyway, and each 429 costs a request slot: at least
  // total / 0.9 requests are needed, so the optimum is total / 0.9 / rate.
  const forcedOptimum = total / 0.9 / appPerSecond;
  connector.close();
  await store.close();
  return [
    { name: `delivery of ${total} notifications to ${people} people`, value: seconds, unit: 's', note: `${requests} requests, ${throttled} answered 429 (${overLimits} for a limit)` },
    { name: 'rate-limit optimum incl. the forced 10 % 429s', value: forcedOptimum, unit: 's', note: `deliveries alone: ${optimum.toFixed(1)} s` },
    { name: 'total time ÷ optimum', value: seconds / forcedOptimum, unit: '×', note: `target ≤ 1.10 (÷ deliveries alone: ${(seconds / optimum).toFixed(2)}×)` },
    { name: 'lost', value: total - delivered, unit: '', note: 'target 0' },
    { name: 'duplicated', value: duplicated, unit: '', note: 'target 0' }
  ];
}
