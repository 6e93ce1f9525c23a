import type { ConversationRef } from '../ports.js';

/** What a send attempt came to: Teams' throttling and transient errors are retried, 403/404 never. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly activityId?: string }
  | { readonly kind: 'retry'; readonly error: string; readonly retryAfterMs?: number }
  | { readonly kind: 'permanent'; readonly error: string };

/** The provider port: deliver one card into one conversation, or replace a card sent earlier. */
export interface Transport {
  send(ref: ConversationRef, card: Record<string, unknown>): Promise<SendOutcome>;
  update(ref: ConversationRef, activityId: string, card: Record<string, unknown>): Promise<SendOutcome>;
}

/** HTTP status → what to do (Teams: 429 throttled; 412/502/503/504 transient; 403/404 permanent). */
export function classifyStatus(status: number | undefined, error: string, retryAfterMs?: number): SendOutcome {
  if (status === 403 || status === 404) return { kind: 'permanent', error };
  if (status !== undefined && status >= 400 && status < 500 && status !== 429 && status !== 412 && status !== 408) return { kind: 'permanent', error };
  return { kind: 'retry', error, retryAfterMs };
}
