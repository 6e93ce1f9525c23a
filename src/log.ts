import { systemClock } from './clock.js';
import type { Clock } from './ports.js';

/** Structured logs, one JSON event per line. Never put a Kundennummer or a card payload into an info-level event. */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  log(level: Level, event: string, fields?: Record<string, unknown>): void;
}

/** Log lines carry the real time of the machine (systemClock), even when a demo pins the business clock. */
export function jsonLogger(min: Level, write: (line: string) => void = (l) => process.stdout.write(l + '\n'), clock: Clock = systemClock): Logger {
  return {
    log(level, event, fields = {}) {
      if (ORDER[level] < ORDER[min]) return;
      write(JSON.stringify({ time: clock.now().toISOString(), level, event, ...fields }));
    }
  };
}

export const silentLogger: Logger = { log() {} };

/** An error's fields for a log line; the stack is folded into one line ("frame | frame"), so no event spans lines. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const status = (err as { statusCode?: unknown }).statusCode;
  return {
    error: err.message,
    errorType: err.name,
    ...(typeof status === 'number' ? { status } : {}),
    stack: (err.stack ?? '')
      .split('\n')
      .slice(1)
      .map((frame) => frame.trim())
      .join(' | ')
  };
}

function consoleFields(args: readonly unknown[]): Record<string, unknown> {
  const err = args.find((a) => a instanceof Error);
  const text = args.filter((a) => !(a instanceof Error)).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return err ? { ...errorFields(err), ...(text ? { message: text } : {}) } : { message: text };
}

/**
 * For the long-running processes: a crash, an unhandled rejection, and what libraries print themselves (botbuilder
 * prints the stack of a refused token, the 401, with console.error) become one JSON line each. A crash ends the process
 * with exit code 1 (what Node does by default), so the service manager restarts it.
 */
export function logProcessFailures(logger: Logger): void {
  process.on('uncaughtException', (err) => {
    logger.log('error', 'process.uncaught-exception', errorFields(err));
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.log('error', 'process.unhandled-rejection', errorFields(reason));
    process.exit(1);
  });
  console.error = (...args: unknown[]) => logger.log('error', 'console.error', consoleFields(args));
  console.warn = (...args: unknown[]) => logger.log('warn', 'console.warn', consoleFields(args));
}
