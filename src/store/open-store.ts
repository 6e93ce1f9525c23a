import type { Store } from '../ports.js';
import { noMetrics, type StoreMetrics } from '../metrics/metrics.js';
import { LowdbStore } from './lowdb-store.js';
import { PostgresStore } from './postgres/postgres-store.js';

export interface StoreConfig {
  readonly AB_LOTSE_STORE: 'lowdb' | 'postgres';
  readonly DATA_DIR: string;
  readonly DATABASE_URL?: string;
  readonly DATABASE_SCHEMA: string;
}

/** The configured store: lowdb in DATA_DIR (one process), or PostgreSQL (any number of instances on one schema). */
export function openStore(config: StoreConfig, metrics: StoreMetrics = noMetrics): Promise<Store> {
  if (config.AB_LOTSE_STORE === 'postgres') return PostgresStore.open({ url: config.DATABASE_URL!, schema: config.DATABASE_SCHEMA });
  return LowdbStore.open(config.DATA_DIR, metrics);
}
