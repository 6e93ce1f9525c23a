import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/project-root.js';
import { benchDueList, type Figure } from './due-list.js';
import { benchInbound } from './inbound.js';
import { benchDelivery } from './delivery.js';
import { benchStore } from './store.js';

/** `npm run bench`: each benchmark prints its figures; all of them go to bench/results/<date>.json. */
async function main(): Promise<void> {
  const root = projectRoot();
  const figures: Figure[] = [];
  const section = async (title: string, run: () => Promise<Figure[]>) => {
    process.stdout.write(`\n${title}\n`);
    const result = await run();
    for (const f of result) process.stdout.write(`  ${f.name.padEnd(58)} ${f.value.toFixed(1).padStart(10)} ${f.unit.padEnd(6)} ${f.note}\n`);
    figures.push(...result);
  };
  const only = process.argv[2];
  if (!only || only === 'a') await section('(a) inbound over HTTP, 50 000 customers', () => benchInbound());
  if (!only || only === 'b') await section('(b) contact density', () => benchDueList(root));
  if (!only || only === 'c') await section('(c) delivery through a connector enforcing Teams\' limits, 10 % 429', () => benchDelivery());
  if (!only || only === 'd') await section('(d) store', () => benchStore());
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', `${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ node: process.version, figures }, null, 2));
  process.stdout.write(`\nresults: ${file}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
