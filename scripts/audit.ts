import { readAudit } from '../src/audit/file-audit-log.js';
import { loadCliEnv } from '../src/config/env.js';
import { runMain } from './run-main.js';

/** `npm run audit -- --kdnr <Kdnr>` or `--user <Entra object id>`: the audit entries, one JSON line each. */
async function main(): Promise<number> {
  const [flag, value] = [process.argv[2], process.argv[3]];
  if ((flag !== '--kdnr' && flag !== '--user') || !value) {
    process.stderr.write('Aufruf: npm run audit -- --kdnr <Kdnr>  |  npm run audit -- --user <Entra-Objekt-ID>\n');
    return 2;
  }
  const config = loadCliEnv(process.env);
  const entries = (await readAudit(config.AUDIT_DIR)).filter((e) => (flag === '--kdnr' ? e.kdnr === value.toUpperCase() : e.actor === value));
  for (const e of entries) process.stdout.write(`${JSON.stringify(e)}\n`);
  process.stderr.write(`${entries.length} Einträge.\n`);
  return 0;
}

runMain(main);
