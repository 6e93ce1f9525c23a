import type { Clock, ConversationRef, DeliveryState, Notification, Store } from '../ports.js';
import type { Logger } from '../log.js';
import type { SendOutcome, Transport } from './transport.js';

export interface SenderOptions {
  /** After this many failed attempts the notification is a dead letter. */
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** A person who has not installed the app yet cannot be reached; look again after this long. */
  readonly noReferenceRetryMs: number;
  readonly batchSize: number;
  readonly random: () => number;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  maxAttempts: 8,
  baseBackoffMs: 2_000,
  maxBackoffMs: 15 * 60_000,
  noReferenceRetryMs: 10 * 60_000,
  batchSize: 50,
  random: Math.random
};

/** Renders the card a notification stands for, from the records as they are now. */
export type RenderNotification = (notification: Notification) => Promise<Record<string, unknown>>;

/**
 * Drains the outbox: every notification was stored in the same write as its cause; here it is sent, and its
 * delivery state kept apart from the data. A notification marked sent is never sent again.
 */
export class OutboxSender {
  private draining: Promise<number> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly transport: Transport,
    private readonly render: RenderNotification,
    private readonly logger: Logger,
    private readonly options: SenderOptions = DEFAULT_SENDER_OPTIONS
  ) {}

  /** Drain now; a call while draining runs one more pass afterwards, so nothing queued in between waits for the timer. */
  kick(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let sent = 0;
      do {
        this.again = false;
        sent += await this.drainOnce();
      } while (this.again);
      this.draining = null;
      return sent;
    })();
    return this.draining;
  }

  /** Someone just became reachable (installed the app, wrote to the bot): what waits for them goes out now. */
  async recipientReachable(staffId: string): Promise<void> {
    const now = this.clock.now().toISOString();
    const waiting = (await this.store.pendingNotificationsFor(staffId)).filter((p) => p.delivery.nextAttemptAt > now);
    for (const { notification, delivery } of waiting) await this.store.saveDelivery(notification.id, { ...delivery, nextAttemptAt: now });
    if (waiting.length) await this.kick();
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

  async drainOnce(): Promise<number> {
    const due = await this.store.dueNotifications(this.clock.now(), this.options.batchSize);
    let sent = 0;
    for (const { notification, delivery } of due) {
      if ((await this.deliver(notification, delivery)) === 'sent') sent++;
    }
    return sent;
  }

  /**
   * A new card is sent; an update replaces the card sent earlier. If that one has not gone out yet, there is nothing
   * to replace: it will show the current state when it is sent.
   */
  private async transmit(n: Notification, ref: ConversationRef): Promise<SendOutcome> {
    if (!n.updateOf) return this.transport.send(ref, await this.render(n));
    const original = await this.store.getDelivery(n.updateOf);
    if (!original?.activityId) return { kind: 'sent' };
    return this.transport.update(ref, original.activityId, await this.render(n));
  }

  private async deliver(n: Notification, before: DeliveryState): Promise<DeliveryState['status']> {
    const ref = n.recipient.kind === 'staff' ? await this.store.getStaffRef(n.recipient.staffId) : await this.store.getChannelRef(n.recipient.channelId);
    const attempts = before.attempts + 1;
    const at = (ms: number) => new Date(this.clock.now().getTime() + ms).toISOString();
    let state: DeliveryState;
    if (!ref) {
      state = attempts >= this.options.maxAttempts
        ? { status: 'dead', attempts, nextAttemptAt: before.nextAttemptAt, lastError: 'keine Konversation (App nicht installiert)' }
        : { status: 'pending', attempts, nextAttemptAt: at(this.options.noReferenceRetryMs), lastError: 'keine Konversation (App nicht installiert)' };
    } else {
      const outcome = await this.transmit(n, ref);
      if (outcome.kind === 'sent') state = { status: 'sent', attempts, nextAttemptAt: before.nextAttemptAt, sentAt: this.clock.now().toISOString(), activityId: outcome.activityId };
      else if (outcome.kind === 'permanent' || attempts >= this.options.maxAttempts) state = { status: 'dead', attempts, nextAttemptAt: before.nextAttemptAt, lastError: outcome.error };
      else state = { status: 'pending', attempts, nextAttemptAt: at(outcome.retryAfterMs ?? this.backoff(attempts)), lastError: outcome.error };
    }
    await this.store.saveDelivery(n.id, state);
    this.logger.log(state.status === 'dead' ? 'warn' : 'debug', 'outbox.delivery', { notification: n.id, status: state.status, attempts, error: state.lastError });
    return state.status;
  }
}
