import { loadEnv, type EnvConfig } from './config/env.js';
import { errorFields, jsonLogger, logProcessFailures } from './log.js';
import { startRuntime } from './runtime.js';

/** Production (and local) entry point: configuration errors stop the start with a message naming the setting (one JSON line). */
async function main(): Promise<void> {
  let config: EnvConfig;
  try {
    config = loadEnv(process.env);
  } catch (err) {
    jsonLogger('error').log('error', 'start.refused', { error: (err as Error).message });
    process.exitCode = 2;
    return;
  }
  const logger = jsonLogger(config.LOG_LEVEL);
  logProcessFailures(logger);
  if (config.AB_LOTSE_MODE === 'local') {
    logger.log('warn', 'start', { mode: 'local', message: `LOKALER MODUS: keine Anmeldung, keine Token-Prüfung, nur ${config.HOST}` });
  } else {
    logger.log('info', 'start', { mode: 'production', tenants: config.ALLOWED_TENANTS.length });
  }
  try {
    const runtime = await startRuntime(config, logger);
    logger.log('info', 'listening', { host: config.HOST, port: runtime.port });
    // On SIGINT/SIGTERM: finish the sends under way, flush the store, close the ports; the process then ends by itself.
    const shutdown = () => void runtime.stop().then(() => logger.log('info', 'stopped'));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (err) {
    logger.log('error', 'start.failed', errorFields(err));
    process.exitCode = 2;
  }
}

void main();
