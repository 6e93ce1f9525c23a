import type { Request, Response } from 'restify';
import { loadEnv } from '../../src/config/env.js';
import { newTask } from '../../src/app/new-task.js';
import { notifyAssignees } from '../../src/app/notify.js';
import type { Deps } from '../../src/app/deps.js';
import { runDueJobs } from '../../src/jobs/scheduler.js';
import type { Job } from '../../src/jobs/job-catalogue.js';
import { jsonLogger, silentLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { metricsRoute } from '../../src/metrics/metrics-route.js';
import { fixedClock } from '../../src/clock.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { localBot, postActivity, teamsActivity } from '../support/bot-over-http.js';
import { DEMO_DIRECTORY, DEMO_POLICY, fullAttempts, givenCustomer, STAFF, tempDir, testDeps } from '../support/fixtures.js';
import type { Transport } from '../../src/delivery/transport.js';

const scrape = (port: number, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}/metrics`, { headers });

/** A task for `staffId` and its notification, queued the way a use case queues it. */
async function queueNotification(deps: Deps, staffId: string) {
  const task = newTask(deps, 'ab-ergebnis', '123D456789', 'c1', [staffId]);
  await deps.store.commit({ tasks: [task], notifications: notifyAssignees(task, 'result-task', 'neu', deps.newId, deps.clock.now()) });
}

describe('GET /metrics', () => {
  let runtime: Runtime;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeEach(async () => {
    connector = await startFakeConnector();
    runtime = await localBot('2026-11-24 10:00');
  });

  afterEach(async () => {
    await runtime.stop();
    await connector.close();
  });

  it('shows the outbox depth by state and the age of the oldest pending notification, read from the store', async () => {
    // Queued 90 seconds ago by the pinned clock, to people who have not installed the app: both stay pending.
    const earlier = { ...runtime.deps, clock: fixedClock(new Date(runtime.deps.clock.now().getTime() - 90_000).toISOString()) };
    await queueNotification(earlier, STAFF.murat);
    await queueNotification(runtime.deps, STAFF.lena);

    const res = await scrape(runtime.port);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('ab_lotse_outbox_depth{state="pending"} 2');
    expect(text).toContain('ab_lotse_outbox_depth{state="dead"} 0');
    expect(text).toContain('ab_lotse_outbox_oldest_pending_age_seconds 90');
  });

  it('counts turns by command and outcome with their latency, and the durable writes they caused', async () => {
    const say = (text: string) => postActivity(runtime.port, teamsActivity(connector.url, STAFF.anna, { type: 'message', text }));
    await say('/hilfe');
    await say('/hilfe');
    await say('/aufgaben');

    const text = await (await scrape(runtime.port)).text();
    expect(text).toContain('ab_lotse_turns_total{command="hilfe",outcome="ok"} 2');
    expect(text).toContain('ab_lotse_turns_total{command="aufgaben",outcome="ok"} 1');
    expect(text).toContain('ab_lotse_turn_duration_seconds_count{command="hilfe"} 2');
    // The first message stores where Anna can be reached.
    expect(text).toMatch(/ab_lotse_store_write_duration_seconds_count\{file="conversations\.json"\} [1-9]/);
  });

  it("counts sends by Teams' answer and a 403 as a dead letter", async () => {
    // Teams refuses every proactive send with 403 (the app was blocked); replies to a message still go out.
    const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: tempDir(), DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY });
    const refusing: Transport = { send: async () => ({ kind: 'permanent', error: '403 ConversationBlockedByUser', httpStatus: 403, recipientGone: true }), update: async () => ({ kind: 'permanent', error: '403 ConversationBlockedByUser', httpStatus: 403, recipientGone: false }) };
    const bot = await startRuntime(config, silentLogger, { clock: runtime.deps.clock, transport: () => refusing, senderIntervalMs: 60_000, scheduler: false });
    try {
      await givenCustomer(bot.deps, { attempts: fullAttempts() });
      const say = (staffId: string, text: string) => postActivity(bot.port, teamsActivity(connector.url, staffId, { type: 'message', text }));
      await say(STAFF.murat, '/hilfe');
      await say(STAFF.anna, '/vormerken 123D456789 postfach Kunde reagiert seit drei Monaten nicht');
      await bot.sender.kick();

      const text = await (await scrape(bot.port)).text();
      expect(text).toContain('ab_lotse_sends_total{status="403"} 1');
      expect(text).toContain('ab_lotse_dead_letters_total 1');
      expect(text).toContain('ab_lotse_outbox_depth{state="dead"} 1');
    } finally {
      await bot.stop();
    }
  });
});

describe('who may scrape', () => {
  it('with METRICS_TOKEN set, refuses a scrape without the token with 403 and one JSON log line, and answers one with it', async () => {
    const lines: string[] = [];
    const token = 'a-long-random-metrics-token-0123456789';
    const config = loadEnv({
      AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: tempDir(), DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY, METRICS_TOKEN: token
    });
    const runtime = await startRuntime(config, jsonLogger('info', (l) => lines.push(l)), { senderIntervalMs: 60_000, scheduler: false });
    try {
      expect((await scrape(runtime.port)).status).toBe(403);
      expect((await scrape(runtime.port, { Authorization: 'Bearer wrong' })).status).toBe(403);
      const ok = await scrape(runtime.port, { Authorization: `Bearer ${token}` });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('ab_lotse_turns_total');
      const refused = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.event === 'metrics.refused');
      expect(refused).toHaveLength(2);
      expect(refused[0]).toMatchObject({ level: 'warn', status: 403, why: 'token' });
      expect(lines.join('')).not.toContain(token);
    } finally {
      await runtime.stop();
    }
  });

  it('without a token, refuses a scraper on another machine', async () => {
    const lines: string[] = [];
    const route = metricsRoute(createMetrics(), jsonLogger('info', (l) => lines.push(l)), undefined);
    const sent: number[] = [];
    const req = { socket: { remoteAddress: '10.1.2.3' }, headers: {} } as unknown as Request;
    const res = { send: (status: number) => sent.push(status), writeHead: () => sent.push(200), end: () => undefined } as unknown as Response;
    await route(req, res);
    expect(sent).toEqual([403]);
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'metrics.refused', peer: '10.1.2.3', why: 'not-loopback' });
  });
});

describe('job metrics', () => {
  it('counts job runs by outcome with their duration', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const metrics = createMetrics();
    const jobs: Job[] = [
      { name: 'faellige-kontakte', when: { kind: 'every-minute' }, run: async () => 3 },
      { name: 'aufbewahrung', when: { kind: 'every-minute' }, run: async () => Promise.reject(new Error('disk full')) }
    ];
    await expect(runDueJobs(deps, silentLogger, jobs, metrics)).rejects.toThrow('disk full');
    const text = await metrics.text();
    expect(text).toContain('ab_lotse_job_runs_total{job="faellige-kontakte",outcome="ok"} 1');
    expect(text).toContain('ab_lotse_job_runs_total{job="aufbewahrung",outcome="error"} 1');
    expect(text).toContain('ab_lotse_job_duration_seconds_count{job="faellige-kontakte"} 1');
  });
});
