import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.js';
import { loadEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/log.js';
import { projectRoot } from '../../src/project-root.js';
import { startRuntime } from '../../src/runtime.js';
import { reportPort } from '../child-process.js';
import { BENCH_HB, flaggableCustomers } from '../synthetic.js';

/**
 * The bot as in production (local mode), with a fixed clock. On lowdb it seeds the benchmark's customers itself; on
 * PostgreSQL (`AB_LOTSE_STORE=postgres`) the load generator has imported them into the schema before, as an operator's
 * import would, so the bot's memory holds only what its turns read.
 */
const root = projectRoot();
const dataDir = mkdtempSync(join(tmpdir(), 'ab-lotse-bench-'));
const postgres = process.env.AB_LOTSE_STORE === 'postgres';
const store = postgres ? { AB_LOTSE_STORE: 'postgres', DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: process.env.DATABASE_SCHEMA } : {};
const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: dataDir, DIRECTORY_FILE: `${root}/demo/directory.json`, POLICY_FILE: `${root}/demo/policy.json`, ...store });
const runtime = await startRuntime(config, silentLogger, {
  clock: fixedClock('2026-11-24T10:00:00+01:00'),
  scheduler: false,
  senderIntervalMs: 3_600_000,
  prepare: postgres ? undefined : (deps) => deps.store.saveCustomers(flaggableCustomers(Number(process.env.BENCH_CUSTOMERS ?? 50_000), [BENCH_HB])).then(() => undefined)
});
reportPort(runtime.port, async () => {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}-audit`, { recursive: true, force: true });
});
