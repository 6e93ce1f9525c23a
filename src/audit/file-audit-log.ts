import { mkdirSync } from 'node:fs';
import { open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../ports.js';
import type { AuditEntry, AuditLog } from './audit-log.js';

/**
 * Append-only JSON lines, one file per month (`audit-2026-11.jsonl`) in its own folder, so that the log has its own
 * retention. Entries are appended in batches and flushed to disk (fdatasync) before the caller continues.
 */
export class FileAuditLog implements AuditLog {
  private queue: string[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private pending: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly component: AuditEntry['component'] = 'teams',
    private readonly shared?: FileAuditLog
  ) {
    mkdirSync(dir, { recursive: true });
  }

  read(): Promise<AuditEntry[]> {
    return readAudit(this.dir);
  }

  prune(months: number): Promise<string[]> {
    return pruneAudit(this.dir, this.clock.now(), months);
  }

  as(component: AuditEntry['component']): AuditLog {
    return new FileAuditLog(this.dir, this.clock, component, this.shared ?? this);
  }

  record(entry: Omit<AuditEntry, 'ts' | 'component'>): Promise<void> {
    const line = JSON.stringify({ ts: this.clock.now().toISOString(), ...entry, component: this.component } satisfies AuditEntry);
    return (this.shared ?? this).enqueue(line);
  }

  private enqueue(line: string): Promise<void> {
    this.queue.push(line);
    if (!this.pending) {
      this.pending = this.flushing.catch(() => undefined).then(() => {
        this.pending = null;
        const lines = this.queue;
        this.queue = [];
        this.flushing = this.append(lines);
        return this.flushing;
      });
    }
    return this.pending;
  }

  private async append(lines: string[]): Promise<void> {
    const month = this.clock.now().toISOString().slice(0, 7);
    const file = await open(join(this.dir, `audit-${month}.jsonl`), 'a');
    try {
      await file.appendFile(lines.map((l) => `${l}\n`).join(''), 'utf8');
      await file.datasync();
    } finally {
      await file.close();
    }
  }
}

/** Every entry, oldest first (for `npm run audit`, the export, and tests). */
export async function readAudit(dir: string): Promise<AuditEntry[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /^audit-\d{4}-\d{2}\.jsonl$/.test(f)).sort();
  } catch {
    return [];
  }
  const entries: AuditEntry[] = [];
  for (const f of files) for (const line of (await readFile(join(dir, f), 'utf8')).split('\n')) if (line.trim()) entries.push(JSON.parse(line) as AuditEntry);
  return entries;
}

/** The log's own retention: whole months older than `months` are deleted. Returns the files removed. */
export async function pruneAudit(dir: string, now: Date, months: number): Promise<string[]> {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1)).toISOString().slice(0, 7);
  const removed: string[] = [];
  for (const f of await readdir(dir)) {
    const m = /^audit-(\d{4}-\d{2})\.jsonl$/.exec(f);
    if (m && m[1]! < cutoff) {
      await unlink(join(dir, f));
      removed.push(f);
    }
  }
  return removed;
}
