import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../log.js';
import { noMetrics, type DeliveryMetrics } from '../metrics/metrics.js';
import type { Clock, ConversationRef, DeliveryState, Notification, Store } from '../ports.js';
import { RateLimiter, TEAMS_CONVERSATION_WINDOWS } from './rate-limiter.js';
import type { SendOutcome, Transport } from './transport.js';

export interface SenderOptions {
  /** After this many failed attempts the notification is a dead letter. */
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** A person who has not installed the app yet cannot be reached; look again after this long. */
  readonly noReferenceRetryMs: number;
  readonly batchSize: number;
  /** Sends in flight at once (never two into the same conversation). */
  readonly concurrency: number;
  /** Teams allows about 50 requests per second per app and tenant. */
  readonly appPerSecond: number;
  /** Safety margins on the rate-limit windows (see RateLimiter). */
  readonly limitMargins: { readonly conversationMs: number; readonly appMs: number };
  /** A pass waits at most this long for a rate-limit slot; what is left goes in the next pass. */
  readonly maxWaitMs: number;
  readonly random: () => number;
  /** Rate limiting runs on a monotonic timer, not on the business clock (which tests and demos pin). */
  readonly monotonicNow: () => number;
  /** The machine's real time (ms since the epoch): what other instances can read of this one's sends. */
  readonly wallNow: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly metrics: DeliveryMetrics;
  /** Who claims a send (one id per process): with several instances on one store, a claim tells whose attempt it is. */
  readonly owner: string;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  maxAttempts: 8,
  baseBackoffMs: 2_000,
  maxBackoffMs: 15 * 60_000,
  noReferenceRetryMs: 10 * 60_000,
  batchSize: 500,
  concurrency: 16,
  appPerSecond: 50,
  // 400 ms: a loaded host (two instances taking over from each other) delays single calls by more than 150 ms.
  limitMargins: { conversationMs: 400, appMs: 20 },
  maxWaitMs: 5_000,
  random: Math.random,
  monotonicNow: () => performance.now(),
  wallNow: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  metrics: noMetrics,
  owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
};

/** Renders the card a notification stands for, from the records as they are now. */
export type RenderNotification = (notification: Notification) => Promise<Record<string, unknown>>;

/** Called when Teams says a person cannot be reached (403/404): their task goes to a substitute. */
export type OnUnreachable = (notification: Notification) => Promise<void>;

interface Item {
  readonly notification: Notification;
  readonly ref?: ConversationRef;
}

/** Filled in when an attempt passes the rate-limit gate, i.e. when it calls the connector. */
interface Call {
  at?: string;
}

/**
 * Drains the outbox. Every notification was stored in the same write as its cause; here it is sent within Teams' limits,
 * and its delivery state is kept apart from the data. Before the HTTP call the notification is durably marked
 * "sending": a restart never sends it a second time (it becomes "unsicher" instead; its task stays in /aufgaben).
 */
export class OutboxSender {
  private draining: Promise<number> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private limiter: RateLimiter;
  private readonly options: SenderOptions;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly transport: Transport,
    private readonly render: RenderNotification,
    private readonly logger: Logger,
    options: Partial<SenderOptions> = {},
    private readonly onUnreachable: OnUnreachable = async () => undefined
  ) {
    this.options = { ...DEFAULT_SENDER_OPTIONS, ...options };
    this.limiter = this.emptyLimiter();
  }

  private emptyLimiter(): RateLimiter {
    return new RateLimiter(TEAMS_CONVERSATION_WINDOWS, this.options.appPerSecond, this.options.limitMargins, true);
  }

  /** Whether this process held the sender lease at its last look (see Store.holdSenderLease). */
  private leaseHeld = false;

  /**
   * When this process becomes the sender (at start, or when it takes over from an instance that died): sends cut off by
   * a crash have an unknown outcome. Not resending them is what keeps "never twice". Only the lease holder sends, so
   * every `sending` mark it finds is of a holder that is gone — never of a live instance.
   */
  async recoverInterrupted(): Promise<number> {
    if (!(await this.store.holdSenderLease())) return 0;
    this.leaseHeld = true;
    this.logger.log('info', 'outbox.lease.taken', { owner: this.options.owner });
    const interrupted = await this.store.deliveriesWithStatus('sending');
    for (const [id, state] of interrupted) await this.store.saveDelivery(id, { ...state, status: 'unsicher', lastError: 'Prozess während des Sendens beendet' });
    if (interrupted.length) this.logger.log('warn', 'outbox.interrupted', { count: interrupted.length });
    await this.seedLimiter(interrupted.map(([id]) => id));
    return interrupted.length;
  }

  /**
   * The new sender does not start with an empty limiter: the calls of the last hour, by whichever instance made them,
   * still count in Teams' windows. A call cut off by a crash (`interrupted`) is counted as made just now, the latest it
   * can have been made. Times are mapped from machine time onto this process's monotonic timer.
   */
  private async seedLimiter(interrupted: readonly string[]): Promise<void> {
    const limiter = this.emptyLimiter();
    const wallNow = this.options.wallNow();
    const now = this.options.monotonicNow();
    const memoryMs = Math.max(...TEAMS_CONVERSATION_WINDOWS.map((w) => w.ms)) + this.options.limitMargins.conversationMs;
    const sends = await this.store.recentSends(new Date(wallNow - memoryMs).toISOString());
    // Another machine's clock may run a little ahead: no call lies in the future.
    for (const s of sends) limiter.record(s.conversationId, Math.min(now, now - (wallNow - Date.parse(s.at))));
    for (const id of interrupted) {
      const notification = await this.store.getNotification(id);
      const ref = notification && (await this.refOf(notification));
      if (ref) limiter.record(ref.conversationId, now);
    }
    this.limiter = limiter;
    if (sends.length || interrupted.length) this.logger.log('info', 'outbox.limiter.seeded', { sends: sends.length, interrupted: interrupted.length });
  }

  private refOf(n: Notification): Promise<ConversationRef | undefined> {
    return n.recipient.kind === 'staff' ? this.store.getStaffRef(n.recipient.staffId) : this.store.getChannelRef(n.recipient.channelId);
  }

  /** Drain now; a call while draining runs one more pass afterwards, so nothing queued in between waits for the timer. */
  kick(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let sent = 0;
      try {
        do {
          this.again = false;
          sent += await this.drainOnce();
        } while (this.again);
      } finally {
        this.draining = null;
      }
      return sent;
    })();
    return this.draining;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.kick().catch((e: Error) => this.logger.log('error', 'outbox.drain.failed', { error: e.message })), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }

  private backoff(attempts: number): number {
    const exp = Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** (attempts - 1));
    return Math.round(exp / 2 + (exp / 2) * this.options.random());
  }

  /** One pass over what is due: per conversation in order, within the limits, `concurrency` at a time. */
  async drainOnce(): Promise<number> {
    if (!(await this.store.holdSenderLease())) {
      this.leaseHeld = false;
      return 0;
    }
    if (!this.leaseHeld) await this.recoverInterrupted();
    const due = await this.store.dueNotifications(this.clock.now(), this.options.batchSize);
    const queues = new Map<string, Item[]>();
    for (const { notification } of due) {
      const ref = await this.refOf(notification);
      const key = ref ? ref.conversationId : `unreachable:${notification.id}`;
      let q = queues.get(key);
      if (!q) queues.set(key, (q = []));
      q.push({ notification, ref });
    }

    let sent = 0;
    const inflight = new Set<Promise<void>>();
    const busy = new Set<string>();
    const waitStarted = this.options.monotonicNow();
    while (queues.size || inflight.size) {
      const now = this.options.monotonicNow();
      let earliest = Infinity;
      for (const [key, q] of queues) {
        if (inflight.size >= this.options.concurrency) break;
        if (busy.has(key)) continue;
        const at = q[0]!.ref ? this.limiter.nextAllowed(key, now) : now;
        if (at > now) {
          earliest = Math.min(earliest, at);
          continue;
        }
        const item = q.shift()!;
        if (q.length === 0) queues.delete(key);
        busy.add(key);
        const p: Promise<void> = this.deliver(item, key)
          .then((status) => void (status === 'sent' && sent++))
          .catch((e: Error) => this.logger.log('error', 'outbox.delivery.failed', { notification: item.notification.id, error: e.message }))
          .finally(() => {
            busy.delete(key);
            inflight.delete(p);
          });
        inflight.add(p);
      }
      if (inflight.size >= this.options.concurrency || (inflight.size && earliest === Infinity)) await Promise.race(inflight);
      else if (inflight.size) await Promise.race([...inflight, this.options.sleep(earliest - now)]);
      else if (queues.size) {
        // Only rate-limited conversations left: wait for the next slot, unless that is longer than a pass may wait.
        if (earliest - waitStarted > this.options.maxWaitMs && earliest - now > 1_000) break;
        await this.options.sleep(earliest - now);
      }
    }
    return sent;
  }

  /**
   * A new card is sent; an update replaces the card sent earlier. If that one never reached anyone (still pending, dead,
   * unsicher), there is nothing to replace: a pending card shows the current state when it goes out.
   */
  private async transmit(n: Notification, ref: ConversationRef, conversation: string, call: Call): Promise<SendOutcome | 'entfallen'> {
    const original = n.updateOf ? await this.store.getDelivery(n.updateOf) : undefined;
    if (n.updateOf && !original?.activityId) return 'entfallen';
    const card = await this.render(n);
    await this.gate(conversation);
    call.at = new Date(this.options.wallNow()).toISOString();
    return original?.activityId ? this.transport.update(ref, original.activityId, card) : this.transport.send(ref, card);
  }

  /** Wait for a slot within every limit, then take it; check and record happen in one tick, right before the call. */
  private async gate(conversation: string): Promise<void> {
    for (;;) {
      const now = this.options.monotonicNow();
      const at = this.limiter.nextAllowed(conversation, now);
      if (at <= now) {
        this.limiter.record(conversation, now);
        return;
      }
      await this.options.sleep(at - now);
    }
  }

  private async deliver(item: Item, conversation: string): Promise<DeliveryState['status']> {
    const n = item.notification;
    // "Still pending?" — another pass, or a retried drain, may have handled it meanwhile.
    const current: DeliveryState = (await this.store.getDelivery(n.id)) ?? { status: 'pending', attempts: 0, nextAttemptAt: n.createdAt };
    if (current.status !== 'pending') return current.status;
    const at = (ms: number) => new Date(this.clock.now().getTime() + ms).toISOString();
    const lastAttemptAt = this.clock.now().toISOString();
    let state: DeliveryState;
    let attempts = current.attempts + 1;
    if (!item.ref) {
      const error = 'keine Konversation (App nicht installiert)';
      state = attempts >= this.options.maxAttempts ? { ...current, status: 'dead', attempts, lastError: error } : { ...current, status: 'pending', attempts, nextAttemptAt: at(this.options.noReferenceRetryMs), lastError: error };
    } else {
      // The durable mark "sending" is an atomic claim: of two senders (here or in another instance) only one calls Teams.
      const before = await this.store.claimDelivery(n.id, this.options.owner);
      if (!before) return 'sending';
      attempts = before.attempts;
      // The transport reports every connector answer as an outcome; an error here came before the HTTP call.
      const call: Call = {};
      const outcome = await this.transmit(n, item.ref, conversation, call).catch((e: Error): SendOutcome => ({ kind: 'retry', error: `vor dem Senden: ${e.message.slice(0, 120)}` }));
      state = this.stateAfter(outcome, before, attempts, conversation);
      // Teams counts the call whatever its answer: a later sender's limiter must see it (recentSends).
      if (call.at) state = { ...state, calledAt: call.at, conversationId: conversation };
      if (outcome !== 'entfallen' && outcome.kind === 'permanent' && outcome.recipientGone) {
        if (n.recipient.kind === 'staff') await this.store.forgetStaff(n.recipient.staffId);
        await this.onUnreachable(n);
      }
    }
    state = { ...state, lastAttemptAt };
    await this.store.saveDelivery(n.id, state);
    this.options.metrics.delivery(state);
    this.logger.log(state.status === 'dead' || state.status === 'unsicher' ? 'warn' : 'debug', 'outbox.delivery', { notification: n.id, status: state.status, attempts, httpStatus: state.lastHttpStatus, error: state.lastError });
    return state.status;
  }

  /** What the connector's answer means for this notification; only an answer with a message id counts as sent. */
  private stateAfter(outcome: SendOutcome | 'entfallen', before: DeliveryState, attempts: number, conversation: string): DeliveryState {
    const now = this.clock.now();
    if (outcome === 'entfallen') return { status: 'entfallen', attempts, nextAttemptAt: before.nextAttemptAt };
    switch (outcome.kind) {
      case 'sent':
        // The owner stays: which instance sent it is what an operator looks for after a failover.
        return { status: 'sent', attempts, nextAttemptAt: before.nextAttemptAt, sentAt: now.toISOString(), activityId: outcome.activityId, owner: before.owner };
      case 'unknown':
        return { ...before, status: 'unsicher', attempts, lastError: outcome.error, lastHttpStatus: outcome.httpStatus };
      case 'permanent':
        return { ...before, status: 'dead', attempts, lastError: outcome.error, lastHttpStatus: outcome.httpStatus };
      case 'retry': {
        if (outcome.retryAfterMs !== undefined) this.limiter.block(conversation, this.options.monotonicNow() + outcome.retryAfterMs);
        const failed = { ...before, attempts, lastError: outcome.error, lastHttpStatus: outcome.httpStatus };
        if (attempts >= this.options.maxAttempts) return { ...failed, status: 'dead' };
        const wait = outcome.retryAfterMs ?? this.backoff(attempts);
        return { ...failed, status: 'pending', nextAttemptAt: new Date(now.getTime() + wait).toISOString() };
      }
    }
  }

  /** Someone just became reachable (installed the app, wrote to the bot): what waits for them goes out now. */
  async recipientReachable(staffId: string): Promise<void> {
    const now = this.clock.now().toISOString();
    const waiting = (await this.store.pendingNotificationsFor(staffId)).filter((p) => p.delivery.nextAttemptAt > now);
    for (const { notification, delivery } of waiting) await this.store.saveDelivery(notification.id, { ...delivery, nextAttemptAt: now });
    if (waiting.length) await this.kick();
  }
}
