import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/project-root.js';

/** A bot id that marks a package built without one (for the playground or a schema check only). */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

/** The manifest with the bot's app id filled in, as Teams reads it. */
export function filledManifest(botId: string): Record<string, unknown> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(botId)) throw new Error(`MICROSOFT_APP_ID ist keine GUID: ${botId}`);
  const template = readFileSync(join(projectRoot(), 'manifest', 'manifest.template.json'), 'utf8');
  return JSON.parse(template.replaceAll('${{BOT_ID}}', botId)) as Record<string, unknown>;
}
