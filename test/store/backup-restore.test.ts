import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { callRunningBot } from '../../scripts/offline-deps.js';
import { loadEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/log.js';
import { projectRoot } from '../../src/project-root.js';
import { startRuntime } from '../../src/runtime.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { aCustomer, DEMO_DIRECTORY, DEMO_POLICY, tempDir } from '../support/fixtures.js';
import { aFlag } from './store-contract.js';

const run = promisify(execFile);
const restore = (dataDir: string, ...args: string[]) =>
  run(process.execPath, [join(projectRoot(), 'dist', 'scripts', 'restore.js'), ...args], { env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir } });

describe('backup while the bot runs, and restore (embedded store)', () => {
  it('the running bot writes a consistent copy; a restore into its folder is refused, into an empty one it brings everything back', async () => {
    const dataDir = tempDir();
    const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: dataDir, DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY });
    const runtime = await startRuntime(config, silentLogger, { senderIntervalMs: 60_000, scheduler: false });
    let folder: string;
    try {
      await runtime.deps.store.commit({ customers: [aCustomer({ kdnr: '300C000001' })] });
      const flag = aFlag({ kdnr: '300C000001' });
      expect(await runtime.deps.store.commit({ cases: [flag] })).toMatchObject({ ok: true });
      // `npm run backup` asks the running bot through its admin socket.
      const answer = await callRunningBot(dataDir, '/backup', tempDir(), 'text/plain');
      expect(answer?.status).toBe(200);
      folder = (answer!.json as { folder: string }).folder;
      expect(readdirSync(join(folder, 'data')).sort()).toEqual(['cases.json', 'conversations.json', 'customers.json', 'delivery.json', 'format.json', 'presence.json']);

      // While the bot holds the folder, a restore into it changes nothing.
      await expect(restore(dataDir, folder)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('wird bereits von einem laufenden Prozess benutzt') });
    } finally {
      await runtime.stop();
    }

    const elsewhere = tempDir();
    expect((await restore(elsewhere, folder)).stdout).toContain(`Zurückgespielt nach ${elsewhere}.`);
    const restored = await LowdbStore.open(elsewhere);
    try {
      expect(await restored.getCustomer('300C000001')).toMatchObject({ kdnr: '300C000001', version: 1 });
      expect((await restored.casesOfCustomer('300C000001')).map((c) => c.status)).toEqual(['vorgemerkt']);
    } finally {
      await restored.close();
    }
    // A folder that holds data is not overwritten by mistake.
    await expect(restore(elsewhere, folder)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('enthält bereits Daten. Zum Ersetzen: --ueberschreiben') });
    expect((await restore(elsewhere, folder, '--ueberschreiben')).stdout).toContain('Zurückgespielt');
  });
});
