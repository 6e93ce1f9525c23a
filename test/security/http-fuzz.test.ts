import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fixedClock } from '../../src/clock.js';
import { loadEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/log.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { teamsActivity } from '../support/bot-over-http.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { at, DEMO_DIRECTORY, DEMO_POLICY, STAFF, STRANGER, tempDir } from '../support/fixtures.js';

/** A small seeded generator, so that a failing request can be reproduced from its number. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function folderFingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const stat = statSync(p);
      if (stat.isDirectory()) walk(p);
      else if (stat.isFile()) out[p] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

interface Req {
  readonly body: string | Buffer;
  readonly headers: Record<string, string>;
}

const weird: unknown[] = [null, 0, -1, 1e308, true, '', ' ', '\u0000', '\u202e', 'ä'.repeat(5000), [], [1, 2], {}, { a: { b: { c: {} } } }, '<script>alert(1)</script>', '[hier](http://evil.example)', '&lt;b&gt;'];

/** 4 KB of gzip that inflate to 4 MB, and smaller ones. */
const COMPRESSED = [4_000_000, 32_000, 100].map((n) => gzipSync(Buffer.alloc(n, 0x20)));

/** Hostile or malformed requests, each kind a generator of many variants. */
function hostileRequests(count: number, LOOPBACK: string): Req[] {
  const rnd = prng(20261121);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const json = (v: unknown, extra: Record<string, string> = {}): Req => ({ body: JSON.stringify(v), headers: { 'Content-Type': 'application/json', ...extra } });
  // Known staff in what the edge must refuse; a stranger where the activity may get through (nothing is stored for them).
  const base = () => teamsActivity(LOOPBACK, pick([STAFF.anna, STAFF.murat, STAFF.sabine, STAFF.ida]), { type: 'message', text: '/hilfe' }) as Record<string, unknown>;
  const stranger = () => teamsActivity(LOOPBACK, STRANGER, { type: 'message', text: '/hilfe' }) as Record<string, unknown>;
  const fieldPaths = ['type', 'text', 'id', 'channelId', 'serviceUrl', 'from', 'conversation', 'recipient', 'value', 'name', 'channelData', 'entities', 'attachments', 'replyToId', 'locale', 'timestamp'];
  const kinds: Array<() => Req> = [
    // Content types a web page can send without a preflight, and other non-JSON types.
    () => ({ body: `text=${encodeURIComponent('/kunde 123D456789')}`, headers: { 'Content-Type': pick(['application/x-www-form-urlencoded', 'text/plain', 'text/html', 'application/xml', '']) } }),
    () => {
      const boundary = `----x${Math.floor(rnd() * 1e9)}`;
      const file = 'A'.repeat(Math.floor(rnd() * 200_000));
      return { body: `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${file}\r\n--${boundary}--\r\n`, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
    },
    // Compressed bodies: a small gzip that would inflate to megabytes.
    () => ({ body: pick(COMPRESSED), headers: { 'Content-Type': 'application/json', 'Content-Encoding': pick(['gzip', 'deflate', 'br', 'GZIP']) } }),
    // Broken JSON.
    () => {
      const good = JSON.stringify(base());
      return { body: pick([good.slice(0, Math.floor(rnd() * good.length)), good + '}', `{"type":"message"${','.repeat(50)}}`, '[' .repeat(5000), 'null', '42', '"text"', '\u0000\u0001', Buffer.from([0xff, 0xfe, 0xfd]).toString('latin1')]), headers: { 'Content-Type': 'application/json' } };
    },
    // A valid activity with one field replaced by something of the wrong kind.
    () => {
      const a = stranger();
      a[pick(fieldPaths)] = pick(weird);
      return json(a);
    },
    // A nested field of the wrong kind.
    () => {
      const a = stranger();
      const host = pick(['from', 'conversation', 'recipient']);
      a[host] = { ...(a[host] as object), [pick(['id', 'aadObjectId', 'tenantId', 'conversationType', 'name'])]: pick(weird) };
      return json(a);
    },
    // Replies to somewhere else than this machine (local mode), or to no URL at all.
    () => json({ ...base(), serviceUrl: pick(['http://evil.example', 'https://10.0.0.1/x', 'http://169.254.169.254/', 'javascript:alert(1)', 'file:///etc/passwd', 'ftp://127.0.0.1', 'http://127.0.0.1.evil.example', 'http://[::ffff:10.0.0.1]/', '']) }),
    // Invokes Teams never sends to this bot, and card actions with unknown verbs or forged data.
    () =>
      json({
        ...stranger(),
        type: 'invoke',
        name: pick(['adaptiveCard/action', 'composeExtension/query', 'task/fetch', 'signin/verifyState', '', 'x'.repeat(200)]),
        value: pick([{ action: { type: 'Action.Execute', verb: pick(['gibtsnicht', 'vormerken.absenden', 'aufgabe.erledigen', '__proto__', '']), data: pick(weird) } }, pick(weird)])
      }),
    // Other activity types.
    () => json({ ...stranger(), type: pick(['conversationUpdate', 'installationUpdate', 'messageReaction', 'typing', 'event', 'endOfConversation', 'x', '']), action: pick(['add', 'remove', weird[0]]) }),
    // Too large.
    () => json({ ...base(), text: 'x'.repeat(300_000) }),
    // Cross-site requests a browser would mark.
    () => json(base(), pick<Record<string, string>>([{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'null' }])),
    // A stranger who is not in the directory, writing well-formed messages and card actions.
    () => json(teamsActivity(LOOPBACK, STRANGER, pick([{ type: 'message', text: pick(['/hilfe', '/kunde 123D456789', 'hallo']) }, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'vormerken.absenden', data: { kdnr: '123D456789' } } } }])))
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!());
}

describe('the HTTP edge under hostile input', () => {
  let runtime: Runtime;
  const savedTmp = process.env.TMPDIR;
  let tmp: string;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const dataDir = tempDir();

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ab-lotse-fuzz-tmp-'));
    connector = await startFakeConnector();
    const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: dataDir, DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY });
    runtime = await startRuntime(config, silentLogger, { clock: fixedClock(at('2026-11-24 10:00')), senderIntervalMs: 60_000, scheduler: false });
    // Anything the server would spool to the temp folder (multipart uploads) lands in this one, which must stay empty.
    process.env.TMPDIR = tmp;
  });

  afterAll(async () => {
    process.env.TMPDIR = savedTmp;
    await runtime.stop();
    await connector.close();
  });

  it('answers 2 400 malformed or hostile requests with 4xx or a plain answer: no 5xx, no internals, nothing stored', async () => {
    await new Promise((r) => setTimeout(r, 200));
    const before = folderFingerprint(dataDir);
    const statuses = new Map<number, number>();
    const bad: string[] = [];
    const started = Date.now();
    for (const [i, req] of hostileRequests(2_400, connector.url).entries()) {
      const res = await fetch(`http://127.0.0.1:${runtime.port}/api/messages`, { method: 'POST', signal: AbortSignal.timeout(10_000), headers: req.headers, body: typeof req.body === 'string' ? req.body : new Uint8Array(req.body) }).catch((e: Error) => e);
      if (res instanceof Error) {
        bad.push(`#${i} ${res.name}: ${String(req.body).slice(0, 160)}`);
        continue;
      }
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500 || /TypeError|ReferenceError|at .+\(.+:\d+:\d+\)|botbuilder|`req\.body`/.test(text)) bad.push(`#${i} ${res.status} ${text.slice(0, 120)}`);
    }
    process.stdout.write(`fuzz: 2400 requests in ${Date.now() - started} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    await new Promise((r) => setTimeout(r, 200));
    expect(bad).toEqual([]);
    expect(folderFingerprint(dataDir)).toEqual(before);
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(`${dataDir}-audit`) ? readdirSync(`${dataDir}-audit`) : []).toEqual([]);
    // Most are refused at the edge; the well-formed ones from strangers get the German "not registered" answer.
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect((statuses.get(415) ?? 0) + (statuses.get(400) ?? 0) + (statuses.get(403) ?? 0) + (statuses.get(413) ?? 0)).toBeGreaterThan(1_500);
  }, 120_000);
});
