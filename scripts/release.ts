import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../src/project-root.js';
import { runMain } from './run-main.js';

/**
 * `npm run release`: build/ab-lotse-<version>.tgz, what a server needs and nothing to compile: the built code, the card
 * templates, the manifest, the demo files as examples, package.json and the lockfile. On the server:
 * `tar xzf …; cd ab-lotse-<version>; npm ci --omit=dev; npm start`. (`npm pack` would leave the lockfile out.)
 */
const CONTENT = ['dist/src', 'dist/scripts', 'scripts/require-build.mjs', 'cards', 'manifest', 'demo', 'package.json', 'package-lock.json', 'README.md'];

async function main(): Promise<number> {
  const root = projectRoot();
  const { version } = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  const name = `ab-lotse-${version}`;
  const stage = join(root, 'build', 'release');
  rmSync(stage, { recursive: true, force: true });
  for (const path of CONTENT) {
    if (!existsSync(join(root, path))) throw new Error(`${path} fehlt – erst npm run build.`);
    mkdirSync(join(stage, name, path, '..'), { recursive: true });
    cpSync(join(root, path), join(stage, name, path), { recursive: true, filter: (f) => !f.includes(`${join('demo', 'playground')}`) });
  }
  const tarball = join(root, 'build', `${name}.tgz`);
  const tar = spawnSync('tar', ['-czf', tarball, '-C', stage, name], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error('tar fehlgeschlagen');
  rmSync(stage, { recursive: true, force: true });
  process.stdout.write(`${tarball}\n`);
  return 0;
}

runMain(main);
