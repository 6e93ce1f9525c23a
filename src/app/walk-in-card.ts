import { sofoTeamOf, sofortvermittler } from '../domain/newcomer-assignees.js';
import type { StaffId } from '../domain/staff.js';
import type { WalkInQueue } from '../domain/walk-in-queue.js';
import type { Notification, Recipient } from '../ports.js';
import type { Deps } from './deps.js';

const recipientKey = (r: Recipient) => (r.kind === 'channel' ? `kanal:${r.channelId}` : r.staffId);

/**
 * seed 004 / issue: the day's queue is one card in the Sofortvermittlung team's channel (or one per Sofortvermittler),
 * updated in place on every change. The first change of the day sends it; every later one replaces what was sent.
 * The card is rendered when it goes out, from the queue as it is then. `except`: someone whose own card the answer to
 * their click replaces already.
 */
export async function queueCardNotifications(deps: Deps, queue: WalkInQueue, now: Date, except?: StaffId): Promise<Notification[]> {
  const subject = { kind: 'walk-in-queue', date: queue.date } as const;
  const sent = (await deps.store.notificationsOfWalkInQueue(queue.date)).filter((n) => !n.updateOf);
  if (sent.length === 0) {
    const team = sofoTeamOf(deps.directory);
    const channel = team ? await deps.store.getTeamChannel(team) : undefined;
    const recipients: Recipient[] = channel ? [{ kind: 'channel', channelId: channel.channelId }] : sofortvermittler(deps.directory).map((staffId) => ({ kind: 'staff', staffId }));
    return recipients.map((recipient) => ({ id: deps.newId(), key: `warteschlange:${queue.date}:${recipientKey(recipient)}`, recipient, card: 'walk-in-queue', subject, createdAt: now.toISOString() }));
  }
  return sent
    .filter((n) => !(n.recipient.kind === 'staff' && n.recipient.staffId === except))
    .map((n) => ({ id: deps.newId(), key: `warteschlange:${queue.date}:v${queue.version}:${n.id}`, recipient: n.recipient, card: 'walk-in-queue', subject, createdAt: now.toISOString(), updateOf: n.id }));
}
