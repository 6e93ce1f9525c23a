import { readFileSync } from 'node:fs';
import { startPeer } from './child-process.js';
import type { Figure } from './due-list.js';
import { measureConcurrent, percentile } from './stats.js';
import { BENCH_HB } from './synthetic.js';

const N = 2_000;
const C = 50;

/** The bot's customers, and where they are: lowdb seeds them in the bot; PostgreSQL has them in the schema already. */
export interface InboundSetup {
  readonly customers: number;
  /** Customers the benchmark's HB (Anna Berg) may read and flag. */
  readonly kdnrs: readonly string[];
  /** The bot's store settings (AB_LOTSE_STORE, DATABASE_URL, DATABASE_SCHEMA), empty for lowdb. */
  readonly storeEnv: Record<string, string>;
}

/** Resident set size of a process (Linux), in MB. */
function residentMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

interface Run {
  readonly p50: number;
  readonly p99: number;
  /** Requests per second over the whole run. */
  readonly throughput: number;
}

/** `N` requests from `C` concurrent callers; each call's round trip and the run's throughput. */
async function run(call: (i: number) => Promise<void>): Promise<Run> {
  const started = performance.now();
  const times = await measureConcurrent(N, C, call);
  const seconds = (performance.now() - started) / 1000;
  return { p50: percentile(times, 50), p99: percentile(times, 99), throughput: N / seconds };
}

/**
 * (a) Round trips over HTTP with 50 concurrent callers and the setup's customers in the store: `/kunde` and `/vormerken`
 * (the bot answers once its reply reached the connector) beside two floors — a bare restify echo route, and a relay
 * that posts one reply to the connector. Load generator (this process), bot, floor server and connector each run in
 * a process of their own. `BENCH_PROFILE=<folder>` writes a CPU profile of the bot to that folder.
 */
export async function benchInbound(setup: InboundSetup): Promise<Figure[]> {
  const profileDir = process.env.BENCH_PROFILE;
  const connector = await startPeer('connector-sink');
  const floor = await startPeer('floor-server');
  const bot = await startPeer('bench-bot', { BENCH_CUSTOMERS: String(setup.customers), ...setup.storeEnv }, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const serviceUrl = `http://127.0.0.1:${connector.port}`;
  const { kdnrs } = setup;

  let seq = 0;
  const activity = (text: string) =>
    JSON.stringify({
      type: 'message', text, channelId: 'msteams', serviceUrl, id: `in-${++seq}`,
      from: { id: '29:anna', aadObjectId: BENCH_HB }, recipient: { id: '28:bot' },
      conversation: { id: 'a:personal-anna', conversationType: 'personal', tenantId: 't' }
    });
  const post = async (url: string, body: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  };
  const botUrl = `http://127.0.0.1:${bot.port}/api/messages`;
  const echoUrl = `http://127.0.0.1:${floor.port}/echo`;
  const relayUrl = `http://127.0.0.1:${floor.port}/relay`;
  const kunde = (i: number) => activity(`/kunde ${kdnrs[(i * 7919) % kdnrs.length]}`);

  // Warm up every route (JIT, connection pools) before measuring.
  await measureConcurrent(400, C, (i) => post(botUrl, kunde(i)));
  await measureConcurrent(400, C, (i) => post(relayUrl, kunde(i)));
  await measureConcurrent(400, C, (i) => post(echoUrl, kunde(i)));

  const echo = await run((i) => post(echoUrl, kunde(i)));
  const relay = await run((i) => post(relayUrl, kunde(i)));
  const customer = await run((i) => post(botUrl, kunde(i)));
  const rss = residentMb(bot.process.pid!);
  // One flag per customer: a second one in the same week would be refused, which is not the write being measured.
  const flag = await run((i) => post(botUrl, activity(`/vormerken ${kdnrs[i % kdnrs.length]} postfach Reagiert seit Monaten nicht`)));

  await Promise.all([bot.stop(), floor.stop(), connector.stop()]);
  const line = (name: string, r: Run, targets = { p99: '', throughput: '' }): Figure[] => [
    { name: `${name} p50`, value: r.p50, unit: 'ms', note: `${(r.p50 / relay.p50).toFixed(2)}× relay p50` },
    { name: `${name} p99`, value: r.p99, unit: 'ms', note: `${(r.p99 / relay.p99).toFixed(2)}× relay p99${targets.p99}` },
    { name: `${name} throughput`, value: r.throughput, unit: 'req/s', note: `${(r.throughput / relay.throughput).toFixed(2)}× relay${targets.throughput}` }
  ];
  return [
    ...line('echo route (floor)', echo),
    ...line('relay: one reply to the connector (floor)', relay),
    ...line('/kunde', customer, { p99: ' (target ≤ 2×)', throughput: ' (target ≥ 0.6×)' }),
    ...line('/vormerken (durable write + queued AB task)', flag),
    { name: 'bot process resident (RSS) after the /kunde run', value: rss, unit: 'MB', note: 'target ≤ 300 MB on PostgreSQL at 500 000 customers' }
  ];
}
