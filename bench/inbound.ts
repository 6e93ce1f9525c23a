import restify from 'restify';
import { loadEnv } from '../src/config/env.js';
import { silentLogger } from '../src/log.js';
import { listen } from '../src/server.js';
import { startRuntime } from '../src/runtime.js';
import { fixedClock } from '../src/clock.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Figure } from './due-list.js';
import { measureConcurrent, percentile } from './stats.js';
import { syntheticCustomers } from './synthetic.js';

const ANNA = '00000000-0000-0000-0000-0000000000020';

/** A connector that only acknowledges: the bot's replies go here. */
async function sinkConnector(): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      // restify, loaded in this process, patches writeHead so it no longer returns the response: two statements.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"x"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/**
 * (a) Round trips of /kunde and /vormerken over HTTP (the bot answers after its reply reached the connector) with 50
 * concurrent callers and 50 000 customers in the store, beside a bare restify echo route in the same run (the floor).
 */
export async function benchInbound(root: string): Promise<Figure[]> {
  const sink = await sinkConnector();
  const dataDir = mkdtempSync(join(tmpdir(), 'ab-lotse-bench-'));
  const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', ADMIN_PORT: '0', DATA_DIR: dataDir, DIRECTORY_FILE: `${root}/demo/directory.json`, POLICY_FILE: `${root}/demo/policy.json` });
  const customers = syntheticCustomers(50_000, [ANNA], '2026-11-24').map((c) => ({
    ...c,
    attempts: [
      { kind: 'einladung' as const, at: '2026-10-01T08:00:00.000Z', timeGiven: true, recordedBy: ANNA, recordedAt: '2026-10-01T08:00:00.000Z' },
      { kind: 'nicht-erschienen' as const, at: '2026-10-08T08:00:00.000Z', timeGiven: true, recordedBy: ANNA, recordedAt: '2026-10-08T08:00:00.000Z' },
      { kind: 'einladung-rfb' as const, at: '2026-10-12T08:00:00.000Z', timeGiven: true, recordedBy: ANNA, recordedAt: '2026-10-12T08:00:00.000Z' },
      { kind: 'nicht-erschienen' as const, at: '2026-10-19T08:00:00.000Z', timeGiven: true, recordedBy: ANNA, recordedAt: '2026-10-19T08:00:00.000Z' },
      { kind: 'anruf' as const, at: '2026-10-21T07:15:00.000Z', timeGiven: true, recordedBy: ANNA, recordedAt: '2026-10-21T07:15:00.000Z' },
      { kind: 'anruf' as const, at: '2026-10-23T12:30:00.000Z', timeGiven: true, recordedBy: ANNA, recordedAt: '2026-10-23T12:30:00.000Z' }
    ]
  }));
  const runtime = await startRuntime(config, silentLogger, {
    clock: fixedClock('2026-11-24T10:00:00+01:00'),
    scheduler: false,
    senderIntervalMs: 3_600_000,
    prepare: (deps) => deps.store.saveCustomers(customers)
  });

  const echo = restify.createServer();
  echo.use(restify.plugins.bodyParser());
  echo.post('/echo', async (req, res) => {
    res.send(200, req.body);
  });
  const echoPort = await listen(echo, 0, '127.0.0.1');

  let seq = 0;
  const activity = (text: string) =>
    JSON.stringify({
      type: 'message', text, channelId: 'msteams', serviceUrl: sink.url, id: `in-${++seq}`,
      from: { id: '29:anna', aadObjectId: ANNA }, recipient: { id: '28:bot' },
      conversation: { id: 'a:personal-anna', conversationType: 'personal', tenantId: 't' }
    });
  const post = async (url: string, body: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  };
  const N = 2_000;
  const C = 50;
  const bot = `http://127.0.0.1:${runtime.port}/api/messages`;
  await measureConcurrent(200, C, () => post(bot, activity('/hilfe'))); // warm up
  const echoTimes = await measureConcurrent(N, C, () => post(`http://127.0.0.1:${echoPort}/echo`, activity('/kunde 900B000001')));
  const kunde = await measureConcurrent(N, C, (i) => post(bot, activity(`/kunde ${customers[(i * 7919) % customers.length]!.kdnr}`)));
  const flag = await measureConcurrent(N, C, (i) => post(bot, activity(`/vormerken ${customers[i]!.kdnr} postfach Reagiert seit Monaten nicht`)));

  await runtime.stop();
  echo.close();
  sink.close();
  const p = (xs: number[], q: number) => percentile(xs, q);
  return [
    { name: 'echo route p50 / p99 (the floor)', value: p(echoTimes, 50), unit: 'ms', note: `p99 ${p(echoTimes, 99).toFixed(1)} ms` },
    { name: '/kunde round trip p50', value: p(kunde, 50), unit: 'ms', note: `${N} requests, ${C} concurrent` },
    { name: '/kunde round trip p99', value: p(kunde, 99), unit: 'ms', note: `${(p(kunde, 99) / p(echoTimes, 99)).toFixed(1)}× echo p99 (target ≤ 10×)` },
    { name: '/vormerken round trip p50', value: p(flag, 50), unit: 'ms', note: 'durable write + queued AB task' },
    { name: '/vormerken round trip p99', value: p(flag, 99), unit: 'ms', note: `${(p(flag, 99) / p(echoTimes, 99)).toFixed(1)}× echo p99 (target ≤ 10×)` }
  ];
}
