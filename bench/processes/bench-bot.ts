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

/** The bot as in production (local mode, embedded store), with the benchmark's customers and a fixed clock. */
const root = projectRoot();
const dataDir = mkdtempSync(join(tmpdir(), 'ab-lotse-bench-'));
const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: dataDir, DIRECTORY_FILE: `${root}/demo/directory.json`, POLICY_FILE: `${root}/demo/policy.json` });
const customers = flaggableCustomers(Number(process.env.BENCH_CUSTOMERS ?? 50_000), [BENCH_HB]);
const runtime = await startRuntime(config, silentLogger, {
  clock: fixedClock('2026-11-24T10:00:00+01:00'),
  scheduler: false,
  senderIntervalMs: 3_600_000,
  prepare: (deps) => deps.store.saveCustomers(customers).then(() => undefined)
});
reportPort(runtime.port, async () => {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}-audit`, { recursive: true, force: true });
});
