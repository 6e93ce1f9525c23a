import { RateLimiter, TEAMS_CONVERSATION_WINDOWS } from '../../src/delivery/rate-limiter.js';

describe("Teams' rate limits", () => {
  it('allows 7 sends into one conversation within a second, the 8th only after the first leaves the 1 s window', () => {
    const l = new RateLimiter(TEAMS_CONVERSATION_WINDOWS, 50);
    for (let i = 0; i < 7; i++) {
      expect(l.nextAllowed('c', i * 10)).toBe(i * 10);
      l.record('c', i * 10);
    }
    expect(l.nextAllowed('c', 70)).toBe(1_000);
  });

  it('allows at most 8 in 2 seconds and 60 in 30 seconds', () => {
    const l = new RateLimiter(TEAMS_CONVERSATION_WINDOWS, 50);
    let t = 0;
    for (let i = 0; i < 8; i++) {
      t = l.nextAllowed('c', t);
      l.record('c', t);
    }
    expect(t).toBe(1_000); // 7 at once, the 8th after a second
    expect(l.nextAllowed('c', t)).toBe(2_000); // the 9th waits for the 2 s window
    for (let i = 8; i < 60; i++) {
      t = l.nextAllowed('c', t);
      l.record('c', t);
    }
    expect(l.nextAllowed('c', t)).toBeGreaterThanOrEqual(30_000);
  });

  it('keeps the per-app rate across conversations, evenly paced', () => {
    const l = new RateLimiter(TEAMS_CONVERSATION_WINDOWS, 50, { conversationMs: 0, appMs: 0 }, true);
    let t = 0;
    for (let i = 0; i < 50; i++) {
      t = l.nextAllowed(`c${i}`, t);
      l.record(`c${i}`, t);
    }
    expect(t).toBe(49 * 20); // one every 20 ms, not 50 at once
    expect(l.nextAllowed('another', t)).toBe(1_000);
  });

  it('honours a Retry-After block for that conversation only', () => {
    const l = new RateLimiter(TEAMS_CONVERSATION_WINDOWS, 50);
    l.block('c', 5_000);
    expect(l.nextAllowed('c', 100)).toBe(5_000);
    expect(l.nextAllowed('d', 100)).toBe(100);
  });
});
