import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { policySchema } from '../src/config/policy.js';
import { projectRoot } from '../src/project-root.js';

/** A bot id that marks a package built without one (for the playground or a schema check only). */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

/** What the app package says about the Jobcenter that runs it: from the policy's `app` section or `npm run package` flags. */
export const appDetailsSchema = policySchema.shape.app.unwrap().required().extend({ jobcenter: z.string().min(1).max(88) });
export type AppDetails = z.infer<typeof appDetailsSchema>;

/** Placeholders until a Jobcenter sets its own (the manifest schema requires all of them). */
export const DEFAULT_APP_DETAILS: AppDetails = {
  jobcenter: 'Jobcenter',
  developerName: 'Jobcenter (Betreiber)',
  websiteUrl: 'https://www.jobcenter-ge.de',
  privacyUrl: 'https://www.jobcenter-ge.de/datenschutz',
  termsOfUseUrl: 'https://www.jobcenter-ge.de/impressum',
  version: '1.0.0'
};

const PLACEHOLDERS: Record<string, keyof AppDetails> = {
  JOBCENTER: 'jobcenter',
  DEVELOPER_NAME: 'developerName',
  WEBSITE_URL: 'websiteUrl',
  PRIVACY_URL: 'privacyUrl',
  TERMS_URL: 'termsOfUseUrl',
  VERSION: 'version'
};

/** The manifest with the bot's app id and the Jobcenter's details filled in, as Teams reads it. */
export function filledManifest(botId: string, app: AppDetails = DEFAULT_APP_DETAILS): Record<string, unknown> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(botId)) throw new Error(`MICROSOFT_APP_ID ist keine GUID: ${botId}`);
  let template = readFileSync(join(projectRoot(), 'manifest', 'manifest.template.json'), 'utf8').replaceAll('${{BOT_ID}}', botId);
  // Inside a JSON string: escaped as JSON, so a quote in a name cannot break the file.
  for (const [name, key] of Object.entries(PLACEHOLDERS)) template = template.replaceAll(`\${{${name}}}`, JSON.stringify(app[key]).slice(1, -1));
  return JSON.parse(template) as Record<string, unknown>;
}
