import { z } from 'zod';
import { ConfigError, describeIssues } from './zod-errors.js';

const csv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []));

/** Which store holds the data (issue 12): lowdb files in DATA_DIR, or a PostgreSQL schema that several instances share. */
const storeFields = {
  AB_LOTSE_STORE: z.enum(['lowdb', 'postgres']).default('lowdb'),
  /** postgres://user:password@host:5432/database — only with AB_LOTSE_STORE=postgres. */
  DATABASE_URL: z.string().optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'nur Kleinbuchstaben, Ziffern und _ (höchstens 63 Zeichen)')
    .default('ab_lotse')
};

function requireDatabaseUrl(env: { AB_LOTSE_STORE: string; DATABASE_URL?: string }, ctx: z.RefinementCtx): void {
  if (env.AB_LOTSE_STORE === 'postgres' && !env.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'mit AB_LOTSE_STORE=postgres Pflicht (postgres://…)' });
}

const envSchema = z
  .object({
    ...storeFields,
    /** Local mode only by this explicit setting; anything else is production. */
    AB_LOTSE_MODE: z.enum(['production', 'local']).default('production'),
    MICROSOFT_APP_ID: z.string().optional(),
    MICROSOFT_APP_PASSWORD: z.string().optional(),
    MICROSOFT_APP_TENANT_ID: z.string().optional(),
    /** Tenants whose activities are accepted; defaults to the app's own tenant. */
    ALLOWED_TENANTS: csv,
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    DATA_DIR: z.string().default('data'),
    /** The audit log lives apart from the data, with its own retention. */
    AUDIT_DIR: z.string().optional(),
    DIRECTORY_FILE: z.string({ error: 'Pflichtangabe fehlt (Pfad zum Mitarbeiterverzeichnis)' }).min(1),
    POLICY_FILE: z.string({ error: 'Pflichtangabe fehlt (Pfad zur Richtlinien-Datei)' }).min(1),
    /** Pins the clock (ISO instant) for demos and tests; never in production. */
    CLOCK_FIXED: z.iso.datetime({ offset: true }).optional(),
    /** Starts the clock at this instant (ISO), from where it runs; local mode only. */
    CLOCK_START: z.iso.datetime({ offset: true }).optional(),
    /** How often the scheduler looks for due jobs. */
    SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** Without it /metrics answers only scrapers on this machine; with it every scrape must present it as a Bearer token. */
    METRICS_TOKEN: z.string().min(24, 'mindestens 24 Zeichen (z. B. openssl rand -hex 32)').optional()
  })
  .superRefine((env, ctx) => {
    requireDatabaseUrl(env, ctx);
    if (env.CLOCK_FIXED && env.CLOCK_START) ctx.addIssue({ code: 'custom', path: ['CLOCK_START'], message: 'nicht zusammen mit CLOCK_FIXED' });
    if (env.AB_LOTSE_MODE === 'production') {
      for (const key of ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'im Produktionsbetrieb Pflicht (Single-Tenant-Bot)' });
      }
      for (const key of ['CLOCK_FIXED', 'CLOCK_START'] as const) if (env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'nur im lokalen Modus erlaubt' });
    } else if (!['127.0.0.1', 'localhost', '::1'].includes(env.HOST)) {
      ctx.addIssue({ code: 'custom', path: ['HOST'], message: 'der lokale Modus lauscht nur auf 127.0.0.1' });
    }
  });

export type EnvConfig = Omit<z.infer<typeof envSchema>, 'HOST' | 'AUDIT_DIR'> & { HOST: string; AUDIT_DIR?: string };

export function loadEnv(env: NodeJS.ProcessEnv): EnvConfig {
  const input = { ...env };
  // Local mode binds to loopback unless told otherwise; a non-loopback HOST is refused above.
  if (input.AB_LOTSE_MODE === 'local' && !input.HOST) input.HOST = '127.0.0.1';
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError('Umgebungsvariablen', describeIssues(parsed.error));
  const config = parsed.data;
  if (config.AB_LOTSE_MODE === 'production' && config.ALLOWED_TENANTS.length === 0) config.ALLOWED_TENANTS = [config.MICROSOFT_APP_TENANT_ID!];
  config.AUDIT_DIR ??= `${config.DATA_DIR.replace(/\/+$/, '')}-audit`;
  return config;
}

const cliSchema = z
  .object({
    ...storeFields,
    DATA_DIR: z.string().default('.local/data'),
    AUDIT_DIR: z.string().optional(),
    DIRECTORY_FILE: z.string().default('demo/directory.json'),
    POLICY_FILE: z.string().default('demo/policy.json'),
    CLOCK_FIXED: z.iso.datetime({ offset: true }).optional()
  })
  .superRefine(requireDatabaseUrl);
export type CliConfig = z.infer<typeof cliSchema> & { AUDIT_DIR: string };

/** The command-line tools need no bot credentials; without settings they work on the local demo's data. */
export function loadCliEnv(env: NodeJS.ProcessEnv): CliConfig {
  const parsed = cliSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError('Umgebungsvariablen', describeIssues(parsed.error));
  return { ...parsed.data, AUDIT_DIR: parsed.data.AUDIT_DIR ?? `${parsed.data.DATA_DIR.replace(/\/+$/, '')}-audit` };
}
