import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, describeIssues } from './zod-errors.js';

/** Reads and validates a JSON configuration file; any problem stops the start with a message naming file and field. */
export function readJsonFile<T extends z.ZodType>(path: string, schema: T, what: string): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${what} ${path}`, `Datei nicht lesbar oder kein gültiges JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${what} ${path}`, describeIssues(parsed.error));
  return parsed.data;
}
