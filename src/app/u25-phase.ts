import { berlinDate, type LocalDate } from '../domain/berlin-time.js';
import { decideExtension } from '../domain/u25-activation-phase.js';
import type { U25OutreachCase } from '../domain/u25-case.js';
import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';
import { u25CaseFor, type U25Ref } from './u25-access.js';

type CaseResult = Promise<{ ok: true; outreach: U25OutreachCase } | Refused>;

/**
 * seed 001: "der aB-pAp … thematisiert von Beginn an, dass der Kunde … wieder an den vorher zuständigen pAp überstellt
 * wird": the first contact is recorded with that tick; it closes the aB-pAp's handover task.
 */
export function recordFirstContact(deps: Deps, actorId: StaffId, ref: U25Ref, returnExplained: boolean): CaseResult {
  return audited(deps, actorId, 'u25.erstkontakt', (audit) => recordFirstContactDecided(deps, audit, actorId, ref, returnExplained));
}

async function recordFirstContactDecided(deps: Deps, audit: Decision, actorId: StaffId, ref: U25Ref, returnExplained: boolean): CaseResult {
  const found = await u25CaseFor(deps, audit, actorId, ref, 'u25.bearbeiten');
  if (!found.ok) return found;
  const c = found.outreach;
  if (c.status !== 'aktiv') return refused('fall-abgeschlossen');
  if (c.firstContact) return refused('erstkontakt-erfasst');
  if (!returnExplained) return refused('rueckkehr-nicht-angesprochen');
  const now = deps.clock.now();
  const outreach: U25OutreachCase = { ...c, firstContact: { on: berlinDate(now), returnExplained: true, by: actorId }, version: c.version + 1 };
  const open = (await deps.store.tasksOfCustomer(c.kdnr)).filter((t) => t.caseId === c.id && t.kind === 'u25-uebernahme' && t.status === 'offen');
  const closed: Task[] = open.map((t) => ({ ...t, status: 'erledigt', completedBy: actorId, completedAt: now.toISOString(), version: t.version + 1 }));
  const committed = await audit.commit({ cases: [outreach], tasks: closed });
  return committed.ok ? { ok: true, outreach } : refused('veraltet');
}

/** seed 001: "Ausnahmen sind möglich" — the aB-pAp extends the phase to a later end, with a reason the evaluation counts. */
export function extendActivation(deps: Deps, actorId: StaffId, ref: U25Ref, until: LocalDate, reason: string): CaseResult {
  return audited(deps, actorId, 'u25.verlaengern', (audit) => extendActivationDecided(deps, audit, actorId, ref, until, reason));
}

async function extendActivationDecided(deps: Deps, audit: Decision, actorId: StaffId, ref: U25Ref, until: LocalDate, reason: string): CaseResult {
  const found = await u25CaseFor(deps, audit, actorId, ref, 'u25.bearbeiten');
  if (!found.ok) return found;
  const c = found.outreach;
  const decision = decideExtension(c, until, reason, deps.policy.u25Outreach.reasonMaxLength);
  if (!decision.ok) return refused(decision.reason);
  const outreach: U25OutreachCase = { ...c, extensions: [...c.extensions, { until, reason: decision.reason, by: actorId, at: deps.clock.now().toISOString() }], version: c.version + 1 };
  const committed = await audit.commit({ cases: [outreach] });
  return committed.ok ? { ok: true, outreach } : refused('veraltet');
}
