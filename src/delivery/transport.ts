import type { ConversationRef } from '../ports.js';

/**
 * What a send attempt came to, as the Bot Connector answered it:
 * - sent: Teams took the card and said under which id (an update keeps the id of the card it replaces);
 * - retry: throttled or transient; try again later (after Retry-After where Teams gave one);
 * - permanent: Teams refused for good; `recipientGone` when the person or channel cannot be reached any more;
 * - unknown: Teams accepted the request but returned no id, so whether and where the card arrived is not known.
 */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly activityId: string }
  | { readonly kind: 'retry'; readonly error: string; readonly httpStatus?: number; readonly retryAfterMs?: number }
  | { readonly kind: 'permanent'; readonly error: string; readonly httpStatus?: number; readonly recipientGone: boolean }
  | { readonly kind: 'unknown'; readonly error: string; readonly httpStatus?: number };

/** The provider port: deliver one card into one conversation, or replace a card sent earlier. */
export interface Transport {
  send(ref: ConversationRef, card: Record<string, unknown>): Promise<SendOutcome>;
  update(ref: ConversationRef, activityId: string, card: Record<string, unknown>): Promise<SendOutcome>;
}

/** A failed connector call, reduced to what decides the next step. */
export interface ConnectorFailure {
  /** undefined: no HTTP answer (refused, reset, timed out). */
  readonly status?: number;
  /** Teams' error code from the body (`BotNotInConversationRoster`, …) or the network error code (`ECONNREFUSED`). */
  readonly code?: string;
  readonly retryAfterMs?: number;
}

/**
 * Teams' status codes of the conversational APIs: 429 throttled; 408, 412, 5xx and no answer at all are transient;
 * 401 is our token, which an operator can fix, so it is retried until the attempts run out; 403 (bot blocked,
 * uninstalled, disabled by the admin) and 404 (conversation gone) are final for that recipient; other 4xx (400, 413
 * MessageSizeTooBig) are final for that card, but say nothing about the recipient. An update that Teams refuses only
 * loses the update: the card it was to replace had reached the recipient.
 */
export function classifyFailure(failure: ConnectorFailure, operation: 'send' | 'update'): SendOutcome {
  const { status, code, retryAfterMs } = failure;
  const error = `${status ?? 'keine Antwort'}${code ? ` ${code}` : ''}`;
  if (status === undefined || status === 401 || status === 408 || status === 412 || status === 429 || status >= 500) {
    return { kind: 'retry', error, httpStatus: status, retryAfterMs };
  }
  const gone = operation === 'send' && (status === 403 || status === 404);
  return { kind: 'permanent', error, httpStatus: status, recipientGone: gone };
}
