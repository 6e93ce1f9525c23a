// Runs before `npm test` and `npm run local` (npm's pre… scripts), so a fresh clone needs no separate install step.
// Plain JavaScript with Node's built-ins only: nothing is installed or compiled yet when it runs.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = join(root, 'package-lock.json');
// npm writes this file at the end of every install: missing = never installed; older than the lockfile = stale.
const installed = join(root, 'node_modules', '.package-lock.json');

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lockfile).mtimeMs) {
  process.stderr.write('node_modules fehlt oder ist älter als package-lock.json: npm ci …\n');
  // Under npm, npm_execpath is the npm that runs this script; the same one installs.
  const npm = process.env.npm_execpath;
  const result = npm ? spawnSync(process.execPath, [npm, 'ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' }) : spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
