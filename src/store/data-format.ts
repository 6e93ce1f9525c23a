import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DurableJsonAdapter } from './durable-json-adapter.js';

/** One step of the data folder's format: it turns a folder of format `to - 1` into format `to`. */
export interface Migration {
  readonly to: number;
  readonly what: string;
  run(dir: string): Promise<void>;
}

/**
 * Every format the code has known, in order. The last one is the format this code writes. A step is never changed
 * once released: a Jobcenter may upgrade across several versions at once.
 */
export const MIGRATIONS: readonly Migration[] = [
  // Data folders from before the marker existed are format 1 as they are: the step only records that.
  { to: 1, what: 'Versionsmarke format.json', run: async () => undefined }
];

const MARKER = 'format.json';
const markerSchema = z.object({ format: z.number().int().min(1) });

export class DataFormatError extends Error {
  override readonly name = 'DataFormatError';
}

export type FormatCheck = { readonly found: number | 'neu'; readonly format: number; readonly migrated: readonly number[] };

function readMarker(dir: string): number | undefined {
  const path = join(dir, MARKER);
  if (!existsSync(path)) return undefined;
  const parsed = markerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new DataFormatError(`${path}: keine gültige Versionsmarke (erwartet { "format": <Zahl> }).`);
  return parsed.data.format;
}

const writeMarker = (dir: string, format: number) => new DurableJsonAdapter<{ format: number }>(join(dir, MARKER)).write({ format });

/**
 * At start, before the store opens its files: a new folder gets the current marker; an older folder is migrated step
 * by step (the marker is written after each step, so an interrupted upgrade resumes where it stopped); a folder newer
 * than this code stops the start, because older code would silently drop what it does not know.
 */
export async function ensureDataFormat(dir: string, migrations: readonly Migration[] = MIGRATIONS): Promise<FormatCheck> {
  const format = migrations.at(-1)!.to;
  const marked = readMarker(dir);
  const hasData = readdirSync(dir).some((f) => f.endsWith('.json'));
  if (marked === undefined && !hasData) {
    await writeMarker(dir, format);
    return { found: 'neu', format, migrated: [] };
  }
  const found = marked ?? 0;
  if (found > format)
    throw new DataFormatError(
      `Das Datenverzeichnis ${dir} hat das Datenformat ${found}, diese Version von AB-Lotse kennt nur bis Format ${format}. ` +
        'Bitte die neuere Version installieren oder die Sicherung von vor dem Upgrade zurückspielen; es wurde nichts geändert.'
    );
  const migrated: number[] = [];
  for (const step of migrations.filter((m) => m.to > found)) {
    await step.run(dir);
    await writeMarker(dir, step.to);
    migrated.push(step.to);
  }
  return { found: marked ?? 0, format, migrated };
}
