import { TeamsAdapter } from '@microsoft/teams-ai';
import { fixedClock } from '../../src/clock.js';
import { OutboxSender } from '../../src/delivery/outbox-sender.js';
import type { Transport } from '../../src/delivery/transport.js';
import { silentLogger } from '../../src/log.js';
import type { ConversationRef, Notification } from '../../src/ports.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { teamsTransport } from '../../src/teams/teams-transport.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { at, STAFF } from '../support/fixtures.js';
import pg from 'pg';
import { dropSchema, freshSchema, openPostgres, TEST_DATABASE_URL } from '../support/postgres.js';
import { virtualTime } from '../support/virtual-time.js';
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

  it('when the database ends the holder\'s session, another instance takes the lease and the old holder knows it no longer sends', async () => {
    expect(await a.holdSenderLease()).toBe(true);
    expect(await b.holdSenderLease()).toBe(false);
    // The database ends the holder's lease session, as it does for a client it can no longer reach.
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const ended = await admin.query("SELECT pg_terminate_backend(pid) AS ok FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()");
      expect(ended.rows.length).toBe(1);
    } finally {
      await admin.end();
    }
    expect(await eventually(() => b.holdSenderLease())).toBe(true);
    // The old holder does not go on believing it holds the lease: one sender at a time.
    expect(await a.holdSenderLease()).toBe(false);
  });

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

  let teams: Awaited<ReturnType<typeof startFakeConnector>> | undefined;
  afterEach(() => teams?.close());

  it("the instance that takes over keeps the conversation's windows: after 7 sends into it within the last second, the 8th waits", async () => {
    teams = await startFakeConnector();
    const conversation = 'a:personal-murat';
    await a.saveStaffRef(STAFF.murat, { ...ref(conversation), serviceUrl: teams.url });
    const task = aTask();
    const notification = (i: number): Notification => ({ id: `m-${i}`, key: `${task.id}:${i}`, recipient: { kind: 'staff', staffId: STAFF.murat }, card: 'ab-task', subject: { kind: 'task', taskId: task.id }, createdAt: at('2026-11-24 10:00') });
    // Botbuilder's HTTP client (local mode: no token) against the fake teams.
    const viaConnector = (): Transport => teamsTransport(new TeamsAdapter({}), '', 5_000);
    const card = async () => ({ type: 'AdaptiveCard', version: '1.5', body: [] });
    const clock = fixedClock(at('2026-11-24 10:00'));

    // a sends 7 cards to Murat at once (7 per second is allowed), then dies.
    await a.commit({ tasks: [task], notifications: Array.from({ length: 7 }, (_, i) => notification(i)) });
    expect(await new OutboxSender(a, clock, viaConnector(), card, silentLogger, { owner: 'a' }).kick()).toBe(7);
    await a.close();
    expect(await eventually(() => b.holdSenderLease())).toBe(true);

    // b takes over 100 ms (machine time) after a's last send; an 8th card is owed.
    const calls = (await b.recentSends('1970-01-01T00:00:00.000Z')).map((s) => Date.parse(s.at));
    expect(calls).toHaveLength(7);
    await b.commit({ notifications: [notification(7)] });
    const takeover = calls[6]! + 100;
    const time = virtualTime();
    const sentAt: number[] = [];
    const transport = viaConnector();
    const timed: Transport = { send: (r, c) => (sentAt.push(time.monotonicNow()), transport.send(r, c)), update: transport.update };
    const senderB = new OutboxSender(b, clock, timed, card, silentLogger, { ...time, wallNow: () => takeover, owner: 'b' });
    expect(await senderB.kick()).toBe(1);

    // Virtual time starts at 0 at the takeover: the 8th waits until a second (and the margin) after a's first send.
    expect(sentAt).toHaveLength(1);
    expect(sentAt[0]!).toBeGreaterThanOrEqual(calls[0]! + 1_000 - takeover);
    expect(sentAt[0]!).toBeGreaterThan(0);
    expect(teams.proactiveTo(conversation)).toHaveLength(8);
    expect(teams.calls.filter((c) => c.conversationId === conversation)).toHaveLength(8);
    a = await openPostgres(schema); // for afterEach
  });
});
