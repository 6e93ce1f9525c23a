import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { projectRoot } from '../../src/project-root.js';
import { cardText } from '../support/bot-harness.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { aCustomer, DEMO_DIRECTORY, DEMO_POLICY, fullAttempts, STAFF, tempDir } from '../support/fixtures.js';

/** The real bot (dist/src/main.js, built by npm test) as a child process that can be killed. */
async function startBot(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'src', 'main.js')], {
    env: { ...process.env, NODE_OPTIONS: '', AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: dataDir, DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY, CLOCK_FIXED: '2026-11-24T10:00:00+01:00', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"event":"listening".*?"port":(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bot exited with ${code}: ${out}`)));
  });
  return { child, port };
}

const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

describe('crash safety: kill -9 in the middle of a burst', () => {
  it('keeps every acknowledged command, and every notification reaches Teams once (never twice)', async () => {
    const dataDir = tempDir();
    const customers = Array.from({ length: 40 }, (_, i) => aCustomer({ kdnr: `500A${String(i).padStart(6, '0')}`, attempts: fullAttempts(), registeredOn: '2026-11-24', lastContactImported: '2026-11-20' }));
    const seed = await LowdbStore.open(dataDir);
    await seed.saveCustomers(customers);
    await seed.close();

    const connector = await startFakeConnector();
    let bot = await startBot(dataDir);
    let seq = 0;
    const post = (port: number, staffId: string, text: string) =>
      fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message', text, channelId: 'msteams', serviceUrl: connector.url, id: `in-${++seq}`,
          from: { id: `29:${staffId}`, aadObjectId: staffId }, recipient: { id: '28:bot' },
          conversation: { id: `a:personal-${staffId}`, conversationType: 'personal', tenantId: 't' }
        })
      });
    for (const who of [STAFF.anna, STAFF.murat]) expect((await post(bot.port, who, '/hilfe')).status).toBe(200);

    // The burst: flags (each queues an AB task card) and attempts, 40 at once; kill -9 after the 12th acknowledgement.
    const acknowledged: string[] = [];
    let killed = false;
    const burst = customers.map(async (c, i) => {
      const text = i % 2 === 0 ? `/vormerken ${c.kdnr} postfach Reagiert seit Monaten nicht` : `/versuch ${c.kdnr} anruf`;
      try {
        const res = await post(bot.port, STAFF.anna, text);
        if (res.status === 200) {
          acknowledged.push(text);
          if (acknowledged.length === 12 && !killed) {
            killed = true;
            bot.child.kill('SIGKILL');
          }
        }
      } catch {
        /* cut off by the kill: not acknowledged */
      }
    });
    await Promise.all(burst);
    await new Promise((r) => bot.child.exitCode !== null || bot.child.signalCode ? r(null) : bot.child.once('exit', r));
    expect(killed).toBe(true);

    // Restart on the same data folder; let it deliver what it owes, then stop it cleanly.
    bot = await startBot(dataDir);
    await new Promise((r) => setTimeout(r, 3_000));
    bot.child.kill('SIGTERM');
    await new Promise((r) => bot.child.once('exit', r));

    const cases = Object.values(readJson(dataDir, 'cases.json').cases) as Array<{ kdnr: string }>;
    const stored = readJson(dataDir, 'customers.json').customers as Record<string, { attempts: unknown[] }>;
    for (const text of acknowledged) {
      const kdnr = text.split(' ')[1]!;
      if (text.startsWith('/vormerken')) expect(cases.map((c) => c.kdnr)).toContain(kdnr);
      else expect(stored[kdnr]!.attempts).toHaveLength(7);
    }

    const notifications = Object.values(readJson(dataDir, 'cases.json').notifications) as Array<{ id: string; card: string; subject: { kind: string; taskId?: string } }>;
    const deliveries = readJson(dataDir, 'delivery.json').deliveries as Record<string, { status: string }>;
    const tasks = readJson(dataDir, 'cases.json').tasks as Record<string, { kdnr: string }>;
    const abCards = connector.received.filter((r) => !r.replyToId?.startsWith('in-')).map((r) => cardText(r.activity.attachments?.[0]?.content));
    for (const n of notifications.filter((x) => x.card === 'ab-task')) {
      const kdnr = tasks[n.subject.taskId!]!.kdnr;
      const times = abCards.filter((t) => t.includes('Neue Vormerkung') && t.includes(kdnr)).length;
      const status = deliveries[n.id]?.status;
      if (status === 'unsicher') expect(times).toBeLessThanOrEqual(1);
      else {
        expect(status).toBe('sent');
        expect(times).toBe(1);
      }
    }
    // No card, of any kind, twice.
    const all = connector.received.filter((r) => !r.replyToId?.startsWith('in-')).map((r) => JSON.stringify(r.activity.attachments));
    expect(new Set(all).size).toBe(all.length);
    await connector.close();
  }, 60_000);
});
