import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';

/** The database the PostgreSQL tests use (scripts/ensure-postgres.sh makes it exist); each test works in its own schema. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

export function openPostgres(schema: string): Promise<PostgresStore> {
  return PostgresStore.open({ url: TEST_DATABASE_URL, schema, poolSize: 4 });
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
