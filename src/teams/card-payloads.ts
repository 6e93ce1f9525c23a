import { z } from 'zod';
import { ATTEMPT_KINDS } from '../domain/contact-attempt.js';
import { CONTACT_KINDS } from '../domain/contact.js';
import { VISIT_OUTCOMES } from '../domain/visit-result.js';

/**
 * Card payloads can be forged: only opaque ids and form values are read, every one parsed here, and
 * authorisation happens on the server from the stored records. Oversize values are refused outright.
 */
const toggle = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

export const flagSubmitPayload = z.object({
  kdnr: z.string().min(1).max(40),
  reason: z.string().max(2000).default(''),
  postfach: toggle
});

const id = z.string().min(1).max(64);
const version = z.coerce.number().int().min(1).max(1_000_000);
const kdnr = z.string().min(1).max(40);
export const kdnrPayload = z.object({ kdnr });

export const attemptSubmitPayload = z.object({
  kdnr,
  version,
  kind: z.enum(ATTEMPT_KINDS),
  date: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).optional().transform((v) => v || undefined),
  time: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)]).optional().transform((v) => v || undefined)
});

export const caseRefPayload = z.object({ caseId: id, version });

export const visitSubmitPayload = caseRefPayload.extend({
  outcome: z.enum(VISIT_OUTCOMES),
  meetAndWalk: toggle,
  lowThresholdInfo: toggle,
  verbisNoteWritten: toggle,
  complex: toggle,
  hintForBenefits: toggle,
  appointmentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
});

export const completeTaskPayload = z.object({ taskId: id, version, from: z.enum(['liste']).optional() });

export const taskRefPayload = z.object({ taskId: id, version });
export const taskIdPayload = z.object({ taskId: id });

/** The due list has one form per customer; its inputs are named after the customer (`kind_<Kdnr>`), since ids must be unique on a card. */
export const contactSubmitPayload = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const data = raw as Record<string, unknown>;
    return { ...data, kind: data[`kind_${String(data.kdnr)}`] ?? data.kind, date: data[`date_${String(data.kdnr)}`] ?? data.date };
  },
  z.object({
    kdnr,
    version,
    kind: z.enum(CONTACT_KINDS),
    date: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).optional().transform((v) => v || undefined)
  })
);

export const intensiveDecisionPayload = taskRefPayload.extend({ approve: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const attendancePayload = taskRefPayload.extend({ answer: z.enum(['ja', 'nein']) });

export const talkSubmitPayload = caseRefPayload.extend({
  reasonsCleared: toggle,
  motivated: toggle,
  verbisNoteWritten: toggle,
  followUpDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).optional().transform((v) => v || undefined),
  followUpTime: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)]).optional().transform((v) => v || undefined)
});

/** Teams sends at most 28 KB per card; a payload far beyond any form's size is refused before parsing. */
export const MAX_PAYLOAD_CHARS = 8_000;
