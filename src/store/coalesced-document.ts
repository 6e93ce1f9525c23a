import { basename } from 'node:path';
import { Low } from 'lowdb';
import { noMetrics, type StoreMetrics } from '../metrics/metrics.js';
import { DurableJsonAdapter } from './durable-json-adapter.js';

/**
 * One JSON file held in memory. Changes apply synchronously (so no read-modify-write spans an await);
 * writes are coalesced: every change made while a write is under way rides on the next one, and each
 * caller's promise resolves once a write that contains its change is durable.
 */
export class CoalescedDocument<T> {
  private inFlight: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly db: Low<T>,
    private readonly name: string,
    private readonly metrics: StoreMetrics
  ) {}

  static async open<T>(path: string, defaults: T, metrics: StoreMetrics = noMetrics): Promise<CoalescedDocument<T>> {
    const db = new Low<T>(new DurableJsonAdapter<T>(path), defaults);
    await db.read();
    return new CoalescedDocument(db, basename(path), metrics);
  }

  get data(): T {
    return this.db.data;
  }

  /** Apply `change` now; resolve when it is on disk. */
  change(change: (data: T) => void): Promise<void> {
    change(this.db.data);
    return this.persist();
  }

  persist(): Promise<void> {
    if (!this.queued) {
      this.queued = this.inFlight.catch(() => undefined).then(() => {
        this.queued = null;
        const started = performance.now();
        this.inFlight = this.db.write().then(() => this.metrics.storeWrite(this.name, performance.now() - started));
        return this.inFlight;
      });
    }
    return this.queued;
  }

  async flushed(): Promise<void> {
    await this.inFlight;
    if (this.queued) await this.queued;
  }
}
