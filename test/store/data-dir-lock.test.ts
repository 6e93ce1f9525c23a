import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/project-root.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { tempDir } from '../support/fixtures.js';

/** A process that takes the data folder's lock (the built code, as the bot and the admin tools take it) and keeps it. */
function contender(dir: string): { child: ChildProcess; outcome: Promise<string> } {
  const lockModule = pathToFileURL(join(projectRoot(), 'dist', 'src', 'store', 'data-dir-lock.js')).href;
  const script = `import { acquireLock } from ${JSON.stringify(lockModule)};
    acquireLock(${JSON.stringify(dir)}).then(() => console.log('held'), (e) => console.log('refused: ' + e.message));
    setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const outcome = new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
  });
  return { child, outcome };
}

/** The PID of a process that has ended: what a kill -9 leaves in `.lock`. */
function pidOfEndedProcess(): number {
  return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGKILL'))));

describe('the data folder has one owner', () => {
  it('of two processes starting at once on a folder left locked by a crash, exactly one takes it over', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = tempDir();
      writeFileSync(join(dir, '.lock'), String(pidOfEndedProcess()));
      const both = [contender(dir), contender(dir)];
      const outcomes = await Promise.all(both.map((c) => c.outcome));
      await Promise.all(both.map((c) => stop(c.child)));
      expect(outcomes.filter((o) => o === 'held')).toHaveLength(1);
      expect(outcomes.find((o) => o !== 'held')).toMatch(/^refused: Das Datenverzeichnis .* wird bereits von einem laufenden Prozess benutzt/);
    }
  });

  it('is free again the moment its owner is killed with kill -9, and names the owner while it lives', async () => {
    const dir = tempDir();
    const owner = contender(dir);
    expect(await owner.outcome).toBe('held');
    await expect(LowdbStore.open(dir)).rejects.toThrow(`Das Datenverzeichnis ${dir} wird bereits von einem laufenden Prozess benutzt (PID ${owner.child.pid}).`);
    await stop(owner.child);
    const store = await LowdbStore.open(dir);
    await store.close();
  });

  it('can be opened again in the same process after it was closed', async () => {
    const dir = tempDir();
    await (await LowdbStore.open(dir)).close();
    const again = await LowdbStore.open(dir);
    await again.close();
    const other = contender(dir);
    expect(await other.outcome).toBe('held');
    await stop(other.child);
  });
});
