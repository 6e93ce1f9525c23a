import { berlinDate } from '../domain/berlin-time.js';
import { mayWithdraw } from '../domain/correction.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { redrawSentCards } from './notify.js';
import { refused, type Refused } from './outcome.js';
import type { WithdrawInput } from './withdraw-attempt.js';

export type FlagWithdrawn = { ok: true; outreach: OutreachCase };

/**
 * `/korrektur vormerkung`: the IFK who flagged a customer for AB takes the flag back, the same or the next working
 * day and only until the AB has recorded a result (seed 000 §2: the result closes the case). The AB's task closes and
 * the cards already sent for it are redrawn without "Ergebnis erfassen"; the week plan no longer lists the flag.
 */
/** `shown`: the flag a card's button was drawn for; the button takes back that flag only, as it was then. */
export function withdrawFlag(deps: Deps, actorId: StaffId, input: WithdrawInput, shown?: { caseId: string; version: number }): Promise<FlagWithdrawn | Refused> {
  return audited(deps, actorId, 'korrektur.vormerkung', (decision) => withdraw(deps, decision, actorId, input, shown));
}

async function withdraw(deps: Deps, decision: Decision, actorId: StaffId, input: WithdrawInput, shown?: { caseId: string; version: number }): Promise<FlagWithdrawn | Refused> {
  const access = await customerFor(deps, decision, actorId, input.kdnr, 'korrektur');
  if (!access.ok) return access;
  if (input.reason.length > deps.policy.abFlagging.reasonMaxLength) return refused('begruendung-zu-lang');
  const cases = (await deps.store.casesOfCustomer(access.customer.kdnr)).filter((c) => c.flaggedBy === actorId).sort((a, b) => a.flaggedAt.localeCompare(b.flaggedAt));
  const latest = cases.at(-1);
  if (!latest || latest.status === 'zurueckgenommen') return refused('nichts-zurueckzunehmen');
  if (latest.status === 'besucht') return refused('fall-bereits-erledigt');
  if (shown && (shown.caseId !== latest.id || shown.version !== latest.version)) return refused('veraltet');
  const now = deps.clock.now();
  const allowed = mayWithdraw({ recordedBy: latest.flaggedBy, recordedOn: berlinDate(new Date(latest.flaggedAt)) }, actorId, berlinDate(now), input.reason, deps.calendar);
  if (!allowed.ok) return refused(allowed.reason);

  const outreach: OutreachCase = { ...latest, status: 'zurueckgenommen', withdrawn: { by: actorId, at: now.toISOString(), reason: input.reason.trim() }, version: latest.version + 1 };
  const open = (await deps.store.tasksOfCustomer(outreach.kdnr)).filter((t) => t.caseId === outreach.id && t.status === 'offen');
  const closed: Task[] = open.map((t) => ({ ...t, status: 'erledigt', completedBy: actorId, completedAt: now.toISOString(), version: t.version + 1 }));
  const redrawn = (await Promise.all(closed.map((t) => redrawSentCards(deps, t, 'zurueckgenommen', now)))).flat();
  const committed = await decision.commit({ cases: [outreach], tasks: closed, notifications: redrawn });
  return committed.ok ? { ok: true, outreach } : refused('veraltet');
}
