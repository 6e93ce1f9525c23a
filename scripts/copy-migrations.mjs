// Part of `npm run build`: tsc compiles only TypeScript, but the PostgreSQL store reads its numbered SQL migrations from
// the folder beside its compiled module (dist/src/store/postgres/migrations).
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const to = join(root, 'dist', 'src', 'store', 'postgres', 'migrations');
// A migration removed from src must not linger in dist.
rmSync(to, { recursive: true, force: true });
cpSync(join(root, 'src', 'store', 'postgres', 'migrations'), to, { recursive: true });
