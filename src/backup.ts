import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupSource } from './admin-api.js';

/**
 * A backup folder named by the time, `<target>/ab-lotse-<time>/` with `data/` (the store's consistent copy) and
 * `audit/` (the audit log, append-only, copied as it is). Returns the folder.
 */
export async function writeBackup(target: string, source: BackupSource, now: Date): Promise<string> {
  const folder = join(target, `ab-lotse-${now.toISOString().replace(/[:.]/g, '-')}`);
  await source.snapshot(join(folder, 'data'));
  if (existsSync(source.auditDir)) cpSync(source.auditDir, join(folder, 'audit'), { recursive: true });
  return folder;
}
