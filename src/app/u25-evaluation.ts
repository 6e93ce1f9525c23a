import { berlinDate } from '../domain/berlin-time.js';
import { countingContacts } from '../domain/contact.js';
import { findStaff, hasRole, type StaffId } from '../domain/staff.js';
import { evaluateU25, type QuarterCounts } from '../domain/u25-evaluation.js';
import type { Notification } from '../ports.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/** The counts per quarter, computed from the records as they are now (no Kundennummer leaves it). */
export async function u25Counts(deps: Deps): Promise<QuarterCounts[]> {
  const cases = await deps.store.allU25Cases();
  const customers = await deps.store.customersByNumbers(cases.map((c) => c.kdnr));
  const contactDates = new Map(customers.map((c) => [c.kdnr, countingContacts(c.contacts).map((k) => k.date)]));
  return evaluateU25(cases, contactDates, berlinDate(deps.clock.now()));
}

/**
 * `/auswertung`: seed 001 — "aus sozialdatenschutzrechtlichen Gründen nur für die aB-pAp einsehbar". Everyone else is
 * refused, and the refusal is in the audit log like every read.
 */
export function u25Evaluation(deps: Deps, actorId: StaffId): Promise<{ ok: true; quarters: QuarterCounts[] } | Refused> {
  return audited(deps, actorId, 'auswertung.lesen', async (): Promise<{ ok: true; quarters: QuarterCounts[] } | Refused> => {
    const who = actorFor(deps, actorId, 'auswertung.lesen');
    if (!who.ok) return who;
    return { ok: true, quarters: await u25Counts(deps) };
  });
}

/** seed 001: "Die Übersicht wird den TL bei Bedarf zur Verfügung gestellt" — an aB-pAp sends it to a named team lead. */
export function sendEvaluationToLead(deps: Deps, actorId: StaffId, leadId: StaffId): Promise<{ ok: true; leadId: StaffId } | Refused> {
  return audited(deps, actorId, 'auswertung.senden', (audit) => send(deps, audit, actorId, leadId));
}

async function send(deps: Deps, audit: Decision, actorId: StaffId, leadId: StaffId): Promise<{ ok: true; leadId: StaffId } | Refused> {
  const who = actorFor(deps, actorId, 'auswertung.lesen');
  const lead = findStaff(deps.directory, leadId);
  const result: { ok: true; leadId: StaffId } | Refused = !who.ok ? who : !lead || !hasRole(lead, 'TL') ? refused('keine-teamleitung') : { ok: true, leadId };
  if (!result.ok) return result;
  const now = deps.clock.now();
  const today = berlinDate(now);
  const notification: Notification = {
    id: deps.newId(),
    key: `u25-evaluation:${leadId}:${today}:${actorId}`,
    recipient: { kind: 'staff', staffId: leadId },
    card: 'u25-evaluation',
    subject: { kind: 'u25-evaluation', sentBy: actorId, date: today },
    createdAt: now.toISOString()
  };
  const committed = await audit.commit({ notifications: [notification] });
  return committed.ok ? result : refused('veraltet');
}
