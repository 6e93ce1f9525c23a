/** The Kundennummer is the only customer identifier the bot stores (pseudonymous; no names). */
export type CustomerNumber = string;

export type CustomerNumberCheck = { ok: true; value: CustomerNumber } | { ok: false; reason: 'kdnr-format' };

/**
 * Validates against the Jobcenter's configured pattern (default: 3 digits, 1 capital letter, 6 digits).
 * Typing habits are forgiven (spaces, a lower-case letter); the stored form is the canonical one.
 */
export function parseCustomerNumber(input: string, pattern: RegExp): CustomerNumberCheck {
  const candidate = input.replace(/\s+/g, '').toUpperCase();
  return pattern.test(candidate) ? { ok: true, value: candidate } : { ok: false, reason: 'kdnr-format' };
}
