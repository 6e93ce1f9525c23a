import { fixedClock } from '../../src/clock.js';
import { OutboxSender } from '../../src/delivery/outbox-sender.js';
import type { Transport } from '../../src/delivery/transport.js';
import { silentLogger } from '../../src/log.js';
import type { ConversationRef, Notification } from '../../src/ports.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { at, STAFF } from '../support/fixtures.js';
import { dropSchema, freshSchema, openPostgres } from '../support/postgres.js';
import { aTask } from './store-contract.js';

const ref = (conversationId: string): ConversationRef => ({ serviceUrl: 'https://smba.example/', channelId: 'msteams', conversationId, updatedAt: at('2026-11-24 08:00') });
const STAFF_IDS = [STAFF.anna, STAFF.jonas, STAFF.murat, STAFF.lena];

/** A connector that records which instance sent what. */
function connector() {
  const sends: Array<{ by: string; conversationId: string }> = [];
  const transport = (by: string): Transport => ({
    async send(r) {
      sends.push({ by, conversationId: r.conversationId });
      return { kind: 'sent', activityId: `act-${sends.length}` };
    },
    async update() {
      return { kind: 'sent', activityId: 'act-update' };
    }
  });
  return { sends, transport };
}

async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) if (await check()) return true;
  return false;
}

/** One sender at a time across instances, so Teams' limits (kept in the sender's memory) hold whatever the number of instances. */
describe('the sender lease on PostgreSQL', () => {
  let schema: string;
  let a: PostgresStore;
  let b: PostgresStore;
  beforeEach(async () => {
    schema = freshSchema();
    [a, b] = await Promise.all([openPostgres(schema), openPostgres(schema)]);
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await dropSchema(schema);
  });

  async function queue(count: number): Promise<Notification[]> {
    const task = aTask();
    const notifications = Array.from({ length: count }, (_, i): Notification => {
      const staffId = STAFF_IDS[i % STAFF_IDS.length]!;
      return { id: `n-${i}`, key: `${task.id}:${i}`, recipient: { kind: 'staff', staffId }, card: 'ab-task', subject: { kind: 'task', taskId: task.id }, createdAt: at('2026-11-24 10:00') };
    });
    for (const staffId of STAFF_IDS) await a.saveStaffRef(staffId, ref(`a:${staffId}`));
    await a.commit({ tasks: [task], notifications });
    return notifications;
  }

  const senderOn = (store: PostgresStore, name: string, transport: Transport) =>
    new OutboxSender(store, fixedClock(at('2026-11-24 10:00')), transport, async () => ({ type: 'AdaptiveCard' }), silentLogger, { owner: name, appPerSecond: 1_000, limitMargins: { conversationMs: 0, appMs: 0 } });

  it('two instances drain one outbox: one of them sends, every notification exactly once', async () => {
    const notifications = await queue(20);
    const { sends, transport } = connector();
    const [senderA, senderB] = [senderOn(a, 'a', transport('a')), senderOn(b, 'b', transport('b'))];
    await Promise.all([senderA.kick(), senderB.kick()]);
    await Promise.all([senderA.kick(), senderB.kick()]);
    expect(sends).toHaveLength(notifications.length);
    expect(new Set(sends.map((s) => s.by)).size).toBe(1);
    expect(await b.deliveriesWithStatus('sent')).toHaveLength(notifications.length);
  });

  it('when the sending instance dies, another takes the lease: what it had in flight is unsicher, the rest is sent', async () => {
    const notifications = await queue(8);
    expect(await a.holdSenderLease()).toBe(true);
    expect(await b.holdSenderLease()).toBe(false);
    // a marked one notification "sending" and died during the HTTP call.
    expect(await a.claimDelivery(notifications[0]!.id, 'a')).toMatchObject({ status: 'sending' });
    const { sends, transport } = connector();
    const senderB = senderOn(b, 'b', transport('b'));
    expect(await senderB.recoverInterrupted()).toBe(0); // a lives: its send is left alone
    expect(await b.getDelivery(notifications[0]!.id)).toMatchObject({ status: 'sending', owner: 'a' });
    await a.close();
    expect(await eventually(() => b.holdSenderLease())).toBe(true);
    await senderB.kick();
    expect(await b.getDelivery(notifications[0]!.id)).toMatchObject({ status: 'unsicher', lastError: 'Prozess während des Sendens beendet' });
    expect(sends.map((s) => s.by)).toEqual(Array(notifications.length - 1).fill('b'));
    a = await openPostgres(schema); // for afterEach
  });
});
