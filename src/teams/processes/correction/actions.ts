import { z } from 'zod';
import { previewFlag } from '../../../app/flag-customer.js';
import { withdrawFlag } from '../../../app/withdraw-flag.js';
import { caseRefPayload, kdnrPayload } from '../../card-payloads.js';
import { withEntered } from '../../form-input.js';
import { weekDe } from '../../format.js';
import { defineAction } from '../../turn.js';
import { flagFormCard } from '../ab-flagging/views.js';
import { CORRECTION_TEXT } from './commands.js';

const withdrawFlagPayload = kdnrPayload.extend(caseRefPayload.shape).extend({ korrekturGrund: z.string().max(2000).default('') });

/** "Vormerkung zurücknehmen" on the confirmation of one's own flag: the same rule as `/korrektur vormerkung`. */
export const CORRECTION_ACTIONS = [
  defineAction('korrektur.vormerkung', withdrawFlagPayload, async (turn, data) => {
    const r = await withdrawFlag(turn.deps, turn.actorId, { kdnr: data.kdnr, reason: data.korrekturGrund }, { caseId: data.caseId, version: data.version });
    const preview = await previewFlag(turn.deps, turn.actorId, data.kdnr);
    if (!preview.ok) return turn.no(r.ok ? preview : r);
    if (r.ok) return flagFormCard(turn.view, preview, { done: CORRECTION_TEXT.flagWithdrawn(r.outreach.kdnr, weekDe(r.outreach.targetWeek)) });
    return withEntered(flagFormCard(turn.view, preview, { error: turn.no(r) }, true), data);
  })
];
