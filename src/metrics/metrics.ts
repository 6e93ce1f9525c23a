import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock, DeliveryState, Store } from '../ports.js';

/** How a turn ended: answered (a refusal is an answer too), or an exception that reached the adapter. */
export type TurnOutcome = 'ok' | 'error';

/** What the bot reports per turn; `time` wraps the dispatch so the command table itself needs no timing code. */
export interface TurnMetrics {
  time<T>(command: string, turn: () => Promise<T>): Promise<T>;
}

/** What the outbox sender reports each time it records a delivery state. */
export interface DeliveryMetrics {
  delivery(state: DeliveryState): void;
}

export interface JobMetrics {
  jobRun(job: string, outcome: 'ok' | 'error', ms: number): void;
}

export interface StoreMetrics {
  storeWrite(file: string, ms: number): void;
}

export interface Metrics extends TurnMetrics, DeliveryMetrics, JobMetrics, StoreMetrics {
  /** The Prometheus text exposition, computed now (outbox depth is read from the store at this moment). */
  text(): Promise<string>;
  readonly contentType: string;
  /** Outbox depth by state and the oldest pending age, read from the store at each scrape. */
  observeOutbox(store: Store, clock: Clock): void;
}

const DELIVERY_STATES: ReadonlyArray<DeliveryState['status']> = ['pending', 'sending', 'sent', 'dead', 'unsicher'];
const PREFIX = 'ab_lotse_';

/**
 * The label a recorded delivery is counted under: "sent", the HTTP status Teams answered ("429", "403", …), "network",
 * or "no-conversation" (the app is not installed for the person). The transport writes the status at the start of the
 * error text ("429: Too Many Requests"), so the sender needs no metrics-specific field.
 */
export function sendStatusLabel(state: DeliveryState): string {
  if (state.status === 'sent' || state.status === 'unsicher' || state.status === 'entfallen') return state.status;
  if (state.lastHttpStatus !== undefined) return String(state.lastHttpStatus);
  return state.lastError?.startsWith('keine Konversation') ? 'no-conversation' : 'no-answer';
}

/**
 * One registry per runtime (tests start several). Outbox depth by state and the oldest pending notification's age are
 * computed from the store when scraped, so they are right after a restart and need no bookkeeping in the sender.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const turns = new Counter({ name: `${PREFIX}turns_total`, help: 'Commands and card actions handled, by command and outcome', labelNames: ['command', 'outcome'], registers: [registry] });
  const turnSeconds = new Histogram({
    name: `${PREFIX}turn_duration_seconds`,
    help: 'Time from a command or card action to its answer',
    labelNames: ['command'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry]
  });
  const sends = new Counter({ name: `${PREFIX}sends_total`, help: 'Proactive send attempts by result: sent, HTTP status, network, no-conversation', labelNames: ['status'], registers: [registry] });
  const deadLetters = new Counter({ name: `${PREFIX}dead_letters_total`, help: 'Notifications given up (permanent error or too many attempts) since start', registers: [registry] });
  const jobRuns = new Counter({ name: `${PREFIX}job_runs_total`, help: 'Scheduled job runs by job and outcome', labelNames: ['job', 'outcome'], registers: [registry] });
  const jobSeconds = new Histogram({ name: `${PREFIX}job_duration_seconds`, help: 'Duration of scheduled job runs', labelNames: ['job'], buckets: [0.1, 0.5, 1, 5, 15, 60, 300], registers: [registry] });
  const writeSeconds = new Histogram({
    name: `${PREFIX}store_write_duration_seconds`,
    help: 'Durable writes of the data files (serialise, fsync, rename)',
    labelNames: ['file'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry]
  });

  return {
    contentType: registry.contentType,
    text: () => registry.metrics(),
    observeOutbox(store, clock) {
      new Gauge({
        name: `${PREFIX}outbox_depth`,
        help: 'Notifications in the outbox by delivery state',
        labelNames: ['state'],
        registers: [registry],
        async collect() {
          const { counts } = await store.outboxSummary();
          for (const state of DELIVERY_STATES) this.set({ state }, counts[state]);
        }
      });
      new Gauge({
        name: `${PREFIX}outbox_oldest_pending_age_seconds`,
        help: 'Age of the oldest notification still owed (0 when none is pending)',
        registers: [registry],
        async collect() {
          const oldest = (await store.outboxSummary()).oldestPendingAt;
          this.set(oldest === undefined ? 0 : Math.max(0, (clock.now().getTime() - Date.parse(oldest)) / 1000));
        }
      });
    },
    async time(command, turn) {
      const started = performance.now();
      const stop = () => turnSeconds.observe({ command }, (performance.now() - started) / 1000);
      try {
        const result = await turn();
        turns.inc({ command, outcome: 'ok' satisfies TurnOutcome });
        stop();
        return result;
      } catch (err) {
        turns.inc({ command, outcome: 'error' satisfies TurnOutcome });
        stop();
        throw err;
      }
    },
    delivery(state) {
      if (state.status === 'sending') return;
      sends.inc({ status: sendStatusLabel(state) });
      if (state.status === 'dead') deadLetters.inc();
    },
    jobRun(job, outcome, ms) {
      jobRuns.inc({ job, outcome });
      jobSeconds.observe({ job }, ms / 1000);
    },
    storeWrite(file, ms) {
      writeSeconds.observe({ file }, ms / 1000);
    }
  };
}

/** For wiring without a registry (tests that build a bot or sender alone, the command-line tools). */
export const noMetrics: TurnMetrics & DeliveryMetrics & JobMetrics & StoreMetrics = {
  time: (_command, turn) => turn(),
  delivery() {},
  jobRun() {},
  storeWrite() {}
};
