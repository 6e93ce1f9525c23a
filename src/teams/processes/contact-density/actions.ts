import { z } from 'zod';
import { myDueContacts } from '../../../app/due-contacts.js';
import { decideIntensive } from '../../../app/intensive.js';
import { recordContact } from '../../../app/record-contact.js';
import { taskView } from '../../../app/task-view.js';
import { CONTACT_KINDS } from '../../../domain/contact.js';
import { isoDate, kdnrPayload, taskRefPayload, version } from '../../card-payloads.js';
import { taskCard } from '../../task-card.js';
import { withEntered } from '../../form-input.js';
import { defineAction } from '../../turn.js';
import { contactRecordedText } from './commands.js';
import { dueContactsCard } from './views.js';

/** The due list has one form per customer; its inputs are named after the customer (`kind_<Kdnr>`), since ids must be unique on a card. */
const contactSubmitPayload = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const data = raw as Record<string, unknown>;
    return { ...data, kind: data[`kind_${String(data.kdnr)}`] ?? data.kind, date: data[`date_${String(data.kdnr)}`] ?? data.date };
  },
  z.object({ kdnr: kdnrPayload.shape.kdnr, version, kind: z.enum(CONTACT_KINDS), date: isoDate })
);

const intensiveDecisionPayload = taskRefPayload.extend({ approve: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const CONTACT_DENSITY_ACTIONS = [
  defineAction('kontakt.absenden', contactSubmitPayload, async (turn, data) => {
    const r = await recordContact(turn.deps, turn.actorId, data);
    const list = await myDueContacts(turn.deps, turn.actorId);
    if (!list.ok) return turn.no(r.ok ? list : r);
    if (r.ok) return dueContactsCard(turn.view, list, { text: contactRecordedText(r, data.kind), isError: false });
    return withEntered(dueContactsCard(turn.view, list, { text: turn.no(r), isError: true }), data, { kind: `kind_${data.kdnr}`, date: `date_${data.kdnr}` });
  }),

  defineAction('intensiv.entscheiden', intensiveDecisionPayload, async (turn, data) => {
    const r = await decideIntensive(turn.deps, turn.actorId, data.taskId, data.version, data.approve);
    return r.ok ? taskCard(turn.view, await taskView(turn.deps, r.task), turn.actorId).json : turn.no(r);
  })
];
