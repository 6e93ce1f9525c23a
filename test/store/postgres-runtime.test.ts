import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixedClock } from '../../src/clock.js';
import { loadCliEnv, loadEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/log.js';
import { projectRoot } from '../../src/project-root.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { cardText } from '../support/bot-harness.js';
import { personalConversation, postActivity, teamsActivity } from '../support/bot-over-http.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { at, DEMO_DIRECTORY, DEMO_POLICY, fullAttempts, givenCustomer, STAFF, tempDir } from '../support/fixtures.js';
import { dropSchema, freshSchema, openPostgres, TEST_DATABASE_URL } from '../support/postgres.js';

const run = promisify(execFile);

describe('configuration of the store', () => {
  const base = { AB_LOTSE_MODE: 'local', DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY };
  it('stays on lowdb unless AB_LOTSE_STORE=postgres, which needs DATABASE_URL and a plain schema name', () => {
    expect(loadEnv(base)).toMatchObject({ AB_LOTSE_STORE: 'lowdb', DATABASE_SCHEMA: 'ab_lotse' });
    expect(() => loadEnv({ ...base, AB_LOTSE_STORE: 'postgres' })).toThrow(/DATABASE_URL: mit AB_LOTSE_STORE=postgres Pflicht/);
    expect(() => loadEnv({ ...base, AB_LOTSE_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: 'ab-lotse; DROP' })).toThrow(/DATABASE_SCHEMA: nur Kleinbuchstaben/);
    expect(() => loadCliEnv({ AB_LOTSE_STORE: 'postgres' })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ ...base, AB_LOTSE_STORE: 'mongodb' })).toThrow(/AB_LOTSE_STORE/);
  });
});

describe('the bot on PostgreSQL (AB_LOTSE_STORE=postgres)', () => {
  let schema: string;
  let runtime: Runtime | undefined;
  let db: PostgresStore | undefined;
  beforeEach(() => {
    schema = freshSchema();
  });
  afterEach(async () => {
    await runtime?.stop();
    await db?.close();
    runtime = db = undefined;
    await dropSchema(schema);
  });

  it('flags a customer over HTTP: the case is in the database and the AB gets the task card; no data files, no admin socket', async () => {
    const connector = await startFakeConnector();
    const dataDir = tempDir();
    const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: dataDir, DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY, AB_LOTSE_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
    runtime = await startRuntime(config, silentLogger, { clock: fixedClock(at('2026-11-24 10:00')), senderIntervalMs: 60_000, scheduler: false });
    try {
      await givenCustomer(runtime.deps, { attempts: fullAttempts() });
      const say = (staffId: string, text: string) => postActivity(runtime!.port, teamsActivity(connector.url, staffId, { type: 'message', text }));
      await say(STAFF.anna, '/hilfe');
      await say(STAFF.murat, '/hilfe');
      expect((await say(STAFF.anna, '/vormerken 123D456789 postfach Kunde reagiert seit drei Monaten nicht')).status).toBe(200);
      await connector.waitFor(() => connector.proactiveTo(personalConversation(STAFF.murat)).length === 1);
      expect(cardText(connector.proactiveTo(personalConversation(STAFF.murat))[0]!.activity.attachments![0]!.content)).toContain('Neue Vormerkung für die Aufsuchende Beratung');

      // Another process on the same schema sees it all.
      db = await openPostgres(schema);
      expect(await db.casesOfCustomer('123D456789')).toEqual([expect.objectContaining({ status: 'vorgemerkt', targetWeek: '2026-W49', flaggedBy: STAFF.anna })]);
      expect((await db.getStaffRef(STAFF.murat))?.conversationId).toBe(personalConversation(STAFF.murat));
      expect(await db.deliveriesWithStatus('sent')).toHaveLength(1);
      expect(runtime.adminSocket).toBeUndefined();
      expect(readdirSync(dataDir).filter((f) => f.endsWith('.json'))).toEqual([]);
    } finally {
      await connector.close();
    }
  });

  it('npm run import | export | erase | job work on the database directly, with no bot running', async () => {
    const dataDir = join(tempDir(), 'nie-angelegt');
    const env = { ...process.env, NODE_OPTIONS: '', AB_LOTSE_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, DATA_DIR: dataDir, AUDIT_DIR: tempDir(), DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY, CLOCK_FIXED: '2026-11-24T08:00:00+01:00' };
    const script = (name: string, ...args: string[]) => run(process.execPath, [join(projectRoot(), 'dist', 'scripts', `${name}.js`), ...args], { env });

    const imported = await script('import', join(projectRoot(), 'demo', 'kunden-beispiel.csv'));
    expect(imported.stdout).toMatch(/^Import abgeschlossen: \d+ Kunden neu, 0 aktualisiert\.\n$/);
    db = await openPostgres(schema);
    const customers = await db.allCustomers();
    expect(customers.length).toBeGreaterThan(3);

    const exported = await script('data-subject', 'export', '902E000001', '--von', 'Ida Admin');
    expect(JSON.parse(exported.stdout)).toMatchObject({ ok: true, customer: { kdnr: '902E000001' } });

    const job = await script('job', 'faellige-kontakte');
    expect(job.stdout).toMatch(/^Job faellige-kontakte ausgeführt: /);

    const erased = await script('data-subject', 'erase', '902E000001', '--von', 'Ida Admin', '--ja');
    expect(erased.stdout).toMatch(/^Kunde 902E000001 gelöscht/);
    expect(await db.getCustomer('902E000001')).toBeUndefined();
    expect((await db.allCustomers()).length).toBe(customers.length - 1);
    // The tools needed neither a running bot nor the data folder.
    expect(existsSync(dataDir)).toBe(false);
  });
});
