import { berlinDate } from '../domain/berlin-time.js';
import type { StaffId } from '../domain/staff.js';
import { emptyQueue, finishTalk, takeNext, type QueueStep, type WalkInEntry, type WalkInQueue } from '../domain/walk-in-queue.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';
import { queueCardNotifications } from './walk-in-card.js';

export type QueueChanged = { ok: true; queue: WalkInQueue; entry: WalkInEntry };

/** Two clicks meeting on the same version: the loser decides again on the queue as the winner left it. */
const ATTEMPTS = 5;

/**
 * One step on today's queue as a compare-and-set: read the queue, decide, and commit it with its card updates only if
 * nobody changed it meanwhile (the store checks the version). Two simultaneous "Nächster Kunde" never take the same
 * customer: the second sees the first's claim and takes the next number.
 */
function changeQueue(deps: Deps, actorId: StaffId, action: string, cardDate: string, step: (queue: WalkInQueue) => QueueStep): Promise<QueueChanged | Refused> {
  return audited(deps, actorId, action, (audit) => change(deps, audit, actorId, cardDate, step));
}

async function change(deps: Deps, audit: Decision, actorId: StaffId, cardDate: string, step: (queue: WalkInQueue) => QueueStep): Promise<QueueChanged | Refused> {
  const who = actorFor(deps, actorId, 'warteschlange.bearbeiten');
  let result: QueueChanged | Refused = refused('veraltet');
  if (!who.ok) result = who;
  // A card from an earlier day acts on nothing: each day has its own queue.
  else if (cardDate !== berlinDate(deps.clock.now())) result = refused('veraltet');
  else
    for (let i = 0; i < ATTEMPTS; i++) {
      const now = deps.clock.now();
      const today = berlinDate(now);
      const decided = step((await deps.store.getWalkInQueue(today)) ?? emptyQueue(today));
      if (!decided.ok) {
        result = refused(decided.reason);
        break;
      }
      const notifications = await queueCardNotifications(deps, decided.queue, now, actorId);
      audit.concerns(decided.entry.kdnr);
      if ((await audit.commit({ walkInQueues: [decided.queue], notifications })).ok) {
        result = { ok: true, queue: decided.queue, entry: decided.entry };
        break;
      }
    }
  return result;
}

/** seed 004: "Nächster Kunde" — the lowest waiting number becomes "in Bearbeitung" by the clicking officer. */
export const takeNextWalkIn = (deps: Deps, actorId: StaffId, cardDate: string) => changeQueue(deps, actorId, 'warteschlange.naechster', cardDate, (q) => takeNext(q, actorId));

/** seed 004: "Beratung beendet" — the customer leaves the queue; only the count of served walk-ins stays. */
export const finishWalkIn = (deps: Deps, actorId: StaffId, cardDate: string, number: number) => changeQueue(deps, actorId, 'warteschlange.beendet', cardDate, (q) => finishTalk(q, number, actorId));

/** `/warteschlange`: today's queue as the card shows it. */
export async function todaysQueue(deps: Deps, actorId: StaffId): Promise<{ ok: true; queue: WalkInQueue } | Refused> {
  const who = actorFor(deps, actorId, 'warteschlange.bearbeiten');
  if (!who.ok) return who;
  const today = berlinDate(deps.clock.now());
  return { ok: true, queue: (await deps.store.getWalkInQueue(today)) ?? emptyQueue(today) };
}
