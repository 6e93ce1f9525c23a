import { z } from 'zod';
import { ATTEMPT_KINDS } from '../../../domain/contact-attempt.js';
import { VISIT_OUTCOMES } from '../../../domain/visit-result.js';
import { caseRefPayload, isoDate, kdnrPayload, taskRefPayload, toggle, version } from '../../card-payloads.js';

export const flagSubmitPayload = z.object({
  kdnr: kdnrPayload.shape.kdnr,
  reason: z.string().max(2000).default(''),
  postfach: toggle,
  trotzdem: toggle
});

export const attemptSubmitPayload = z.object({
  kdnr: kdnrPayload.shape.kdnr,
  version,
  kind: z.enum(ATTEMPT_KINDS),
  date: isoDate,
  time: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)]).optional().transform((v) => v || undefined)
});

export const visitSubmitPayload = caseRefPayload.extend({
  outcome: z.enum(VISIT_OUTCOMES),
  meetAndWalk: toggle,
  lowThresholdInfo: toggle,
  verbisNoteWritten: toggle,
  complex: toggle,
  hintForBenefits: toggle,
  appointmentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
});

/** "Ergebnis erfassen": from a list (the week plan, the task list) the form comes as a message of its own. */
export const visitFormRequestPayload = caseRefPayload.extend({ newMessage: z.boolean().default(false) });

export const attendancePayload = taskRefPayload.extend({ answer: z.enum(['ja', 'nein']) });
