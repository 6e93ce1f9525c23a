import { z } from 'zod';

/**
 * Card payloads can be forged: only opaque ids and form values are read, every one parsed by zod (the shared pieces
 * here, each process's forms beside its handlers), and authorisation happens on the server from the stored records.
 * Oversize values are refused outright.
 */
export const toggle = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

const id = z.string().min(1).max(64);
export const version = z.coerce.number().int().min(1).max(1_000_000);
const kdnr = z.string().min(1).max(40);
export const kdnrPayload = z.object({ kdnr });
export const isoDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).optional().transform((v) => v || undefined);

export const caseRefPayload = z.object({ caseId: id, version });
export const taskRefPayload = z.object({ taskId: id, version });
export const taskIdPayload = z.object({ taskId: id });

/** Teams sends at most 28 KB per card; a payload far beyond any form's size is refused before parsing. */
export const MAX_PAYLOAD_CHARS = 8_000;
