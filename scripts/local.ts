import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDirectory } from '../src/config/directory.js';
import { loadEnv } from '../src/config/env.js';
import { loadPolicy } from '../src/config/policy.js';
import { seedDemo } from '../src/demo-data.js';
import { jsonLogger, logProcessFailures } from '../src/log.js';
import { projectRoot } from '../src/project-root.js';
import { startRuntime } from '../src/runtime.js';

/**
 * `npm run local`: the bot in local mode (no credentials, 127.0.0.1 only) on the embedded store with the demo
 * directory and demo customers, plus Microsoft's Agents Playground pointed at it. `--no-playground` starts the bot only.
 */
async function main(): Promise<void> {
  const root = projectRoot();
  const env = {
    AB_LOTSE_MODE: 'local',
    HOST: '127.0.0.1',
    PORT: '3978',
    DATA_DIR: join(root, '.local', 'data'),
    DIRECTORY_FILE: join(root, 'demo', 'directory.json'),
    POLICY_FILE: join(root, 'demo', 'policy.json'),
    LOG_LEVEL: 'info',
    ...process.env
  };
  const config = loadEnv(env);
  const logger = jsonLogger(config.LOG_LEVEL);
  logProcessFailures(logger);
  logger.log('warn', 'start', { mode: 'local', message: `LOKALER MODUS: keine Anmeldung, keine Token-Prüfung, nur ${config.HOST}` });
  let seeded = 0;
  const runtime = await startRuntime(config, logger, { prepare: async (deps) => (seeded = await seedDemo(deps)) });
  const botUrl = `http://${config.HOST}:${runtime.port}/api/messages`;
  process.stdout.write(`\nAB-Lotse läuft lokal: ${botUrl} (Demo-Kunden neu angelegt: ${seeded}; Daten in ${config.DATA_DIR})\n`);

  let playground: ChildProcess | undefined;
  const bin = join(root, 'node_modules', '.bin', 'agentsplayground');
  if (!process.argv.includes('--no-playground') && existsSync(bin)) {
    const port = process.env.PLAYGROUND_PORT ?? '56150';
    playground = spawn(bin, ['-e', botUrl, '-c', 'msteams', '--disable-telemetry', '-p', port], {
      cwd: join(root, 'demo', 'playground'),
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'ignore', 'inherit']
    });
    process.stdout.write(
      `\nÖffnen Sie im Browser:  http://localhost:${port}\n` +
        `Sie sind dort Anna Becker (IFK). Probieren Sie: /hilfe, /kunde 901D000001, /vormerken 901D000001\n`
    );
  }
  process.stdout.write(demoPeople(config.DIRECTORY_FILE, config.POLICY_FILE) + clockNote(config.CLOCK_FIXED));
  const stop = async () => {
    playground?.kill();
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Everyone in the demo directory with their roles: who one can switch to with `/als`. */
function demoPeople(directoryFile: string, policyFile: string): string {
  const directory = loadDirectory(directoryFile, loadPolicy(policyFile).districts.map((d) => d.id));
  const people = directory.staff.map((s) => `  ${s.name.padEnd(18)} ${s.roles.join(', ')}`).join('\n');
  return `\nDemo-Personen (wechseln mit /als VORNAME, z. B. /als Murat):\n${people}\n`;
}

function clockNote(fixed: string | undefined): string {
  return fixed
    ? `\nUhr festgehalten auf ${fixed} (CLOCK_FIXED); npm run job nutzt die Uhr dieses Bots.\n\n`
    : `\nUhr: echte Zeit. Für einen bestimmten Tag: CLOCK_FIXED=2026-11-26T09:00:00+01:00 npm run local\n\n`;
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
});
