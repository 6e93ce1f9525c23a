/**
 * Teams' limits for a bot, per conversation: 7 messages per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour; and about 50
 * requests per second per app and tenant (configurable). Sliding windows over the times of past sends.
 */
export interface Window {
  readonly ms: number;
  readonly max: number;
}

export const TEAMS_CONVERSATION_WINDOWS: readonly Window[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 }
];

export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly appSent: number[] = [];
  private readonly blockedUntil = new Map<string, number>();

  /**
   * Margins widen the windows: a send timed exactly at a window's edge by our clock may arrive early by Teams' clock
   * (network jitter) and be answered 429, which costs more than the margin. A conversation's windows can afford a wide
   * margin (the app rate, not one conversation, is what limits a burst); the app's pacing only a narrow one.
   */
  constructor(
    private readonly conversationWindows: readonly Window[],
    private readonly appPerSecond: number,
    private readonly margins: { readonly conversationMs: number; readonly appMs: number } = { conversationMs: 0, appMs: 0 },
    /** Space the app's sends evenly (the sender does; Teams itself only counts windows). */
    private readonly pace = false
  ) {}

  /** The earliest time (ms) at which one more send into `conversation` keeps every limit; `now` if at once. */
  nextAllowed(conversation: string, now: number): number {
    let at = Math.max(now, this.blockedUntil.get(conversation) ?? 0);
    const times = this.sent.get(conversation) ?? [];
    for (const w of this.conversationWindows) at = Math.max(at, this.windowFree(times, { ms: w.ms + this.margins.conversationMs, max: w.max }, at));
    // Per app, sends are paced evenly rather than let through in bursts: a burst straddling the edge of Teams' window
    // (by Teams' clock, after network jitter) is answered 429.
    const paced = this.pace && this.appSent.length ? this.appSent[this.appSent.length - 1]! + (1_000 + this.margins.appMs) / this.appPerSecond : at;
    return Math.max(at, paced, this.windowFree(this.appSent, { ms: 1_000 + this.margins.appMs, max: this.appPerSecond }, at));
  }

  /** Record a send now (counted against every window). */
  record(conversation: string, now: number): void {
    let times = this.sent.get(conversation);
    if (!times) this.sent.set(conversation, (times = []));
    times.push(now);
    this.appSent.push(now);
    this.prune(times, now);
    this.prune(this.appSent, now, 1_000 + this.margins.appMs);
  }

  /** Teams answered 429: nothing more into this conversation before Retry-After has passed. */
  block(conversation: string, until: number): void {
    this.blockedUntil.set(conversation, Math.max(until, this.blockedUntil.get(conversation) ?? 0));
  }

  /** Given sorted send times, when does `w` allow one more send at or after `at`? */
  private windowFree(times: readonly number[], w: Window, at: number): number {
    const inWindow = times.filter((t) => t > at - w.ms);
    return inWindow.length < w.max ? at : inWindow[inWindow.length - w.max]! + w.ms;
  }

  private prune(times: number[], now: number, keepMs = this.conversationWindows.reduce((m, w) => Math.max(m, w.ms), 0) + this.margins.conversationMs): void {
    while (times.length && times[0]! <= now - keepMs) times.shift();
  }
}
