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
