import { loadEnv } from './config/env.js';
import { jsonLogger } from './log.js';
import { startRuntime } from './runtime.js';

/** Production (and local) entry point: configuration errors stop the start with a message naming the setting. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadEnv(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const logger = jsonLogger(config.LOG_LEVEL);
  if (config.AB_LOTSE_MODE === 'local') {
    logger.log('warn', 'start', { mode: 'local', message: `LOKALER MODUS: keine Anmeldung, keine Token-Prüfung, nur ${config.HOST}` });
  } else {
    logger.log('info', 'start', { mode: 'production', tenants: config.ALLOWED_TENANTS.length });
  }
  try {
    const runtime = await startRuntime(config, logger);
    logger.log('info', 'listening', { host: config.HOST, port: runtime.port });
    const shutdown = async () => {
      await runtime.stop();
      process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
}

void main();
