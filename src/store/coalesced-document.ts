import { basename } from 'node:path';
import { Low } from 'lowdb';
import { noMetrics, type StoreMetrics } from '../metrics/metrics.js';
import { DurableJsonAdapter, writeDurably } from './durable-json-adapter.js';

/** The callers whose changes ride on one write. */
interface Batch {
  readonly done: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  done.catch(() => undefined); // a caller that did not wait for its write must not crash the process
  return { done, resolve, reject };
}

/**
 * One JSON file held in memory. Changes apply synchronously (so no read-modify-write spans an await);
 * writes are coalesced: every change made while a write is under way rides on the next one, and each
 * caller's promise resolves once a write that contains its change is durable.
 *
 * A write that fails leaves no trace: memory is put back to what the file holds, and every change not yet on disk
 * (the failed write's and those waiting for the next) is reported failed. Otherwise a change reported as failed would
 * be saved by the next write that succeeds.
 */
export class CoalescedDocument<T> {
  private writing: Promise<void> = Promise.resolve();
  /** Changes applied to memory that no write has taken yet. */
  private waiting: Batch | null = null;

  private constructor(
    private readonly db: Low<T>,
    private readonly path: string,
    /** The text of the last write that succeeded (or of the file as read): what a failed write goes back to. */
    private lastWritten: string,
    private readonly metrics: StoreMetrics,
    /** Called after memory was put back, so that indexes over it are rebuilt. */
    private readonly onRollback: (data: T) => void
  ) {}

  static async open<T>(path: string, defaults: T, metrics: StoreMetrics = noMetrics, onRollback: (data: T) => void = () => undefined): Promise<CoalescedDocument<T>> {
    const db = new Low<T>(new DurableJsonAdapter<T>(path), structuredClone(defaults));
    await db.read();
    return new CoalescedDocument(db, path, JSON.stringify(db.data), metrics, onRollback);
  }

  get data(): T {
    return this.db.data;
  }

  /** Apply `change` now; resolve when it is on disk. */
  change(change: (data: T) => void): Promise<void> {
    change(this.db.data);
    if (this.waiting) return this.waiting.done;
    const batch = (this.waiting = newBatch());
    this.writing = this.writing.then(() => this.write(batch));
    return batch.done;
  }

  private async write(batch: Batch): Promise<void> {
    if (this.waiting !== batch) return; // already failed with the write before it
    this.waiting = null;
    this.writingNow = true;
    const started = performance.now();
    try {
      const text = JSON.stringify(this.db.data); // exactly the changes made until now
      await writeDurably(this.path, text);
      this.lastWritten = text;
      this.metrics.storeWrite(basename(this.path), performance.now() - started);
      batch.resolve();
    } catch (err) {
      const later = this.waiting as Batch | null; // changes made while this write was under way
      this.waiting = null;
      this.rollBack();
      batch.reject(err);
      later?.reject(err);
    } finally {
      this.writingNow = false;
    }
  }

  private writingNow = false;

  /** No change in memory that is not on disk. */
  get isWritten(): boolean {
    return !this.waiting && !this.writingNow;
  }

  /**
   * Synchronously, so that no change is made between the failure and the state it is put back to. From the last write
   * that succeeded, not from the file: a write can fail after its rename (the folder's fsync), leaving the file newer
   * than what was confirmed; the next write that succeeds replaces it.
   */
  private rollBack(): void {
    this.db.data = JSON.parse(this.lastWritten) as T;
    this.onRollback(this.db.data);
  }

  async flushed(): Promise<void> {
    await this.writing;
  }
}
