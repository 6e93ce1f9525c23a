import { OutboxSender } from '../../src/delivery/outbox-sender.js';
import type { SendOutcome, Transport } from '../../src/delivery/transport.js';
import { rerouteUnreachable } from '../../src/app/reroute-unreachable.js';
import { newTask } from '../../src/app/new-task.js';
import { notifyAssignees } from '../../src/app/notify.js';
import { silentLogger } from '../../src/log.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import type { ConversationRef } from '../../src/ports.js';
import { STAFF, testDeps } from '../support/fixtures.js';
import { virtualTime } from '../support/virtual-time.js';

type Deps = Awaited<ReturnType<typeof testDeps>>;
const ref = (conversationId: string): ConversationRef => ({ serviceUrl: 'https://smba.example/', channelId: 'msteams', conversationId, updatedAt: '' });

function recordingTransport(now: () => number = () => 0, answer: (n: number) => SendOutcome = (n) => ({ kind: 'sent', activityId: `act-${n}` })) {
  const sends: Array<{ conversationId: string; at: number }> = [];
  const transport: Transport = {
    async send(r) {
      sends.push({ conversationId: r.conversationId, at: now() });
      return answer(sends.length);
    },
    async update() {
      return { kind: 'sent', activityId: 'act-update' };
    }
  };
  return { transport, sends };
}

async function queueTasks(deps: Deps, staffId: string, count: number) {
  const tasks = [];
  for (let i = 0; i < count; i++) {
    const task = newTask(deps, 'ab-ergebnis', '123D456789', 'c1', [staffId]);
    await deps.store.commit({ tasks: [task], notifications: notifyAssignees(task, 'result-task', 'neu', deps.newId, deps.clock.now()) });
    tasks.push(task);
  }
  return tasks;
}

const render = async () => ({ type: 'AdaptiveCard' });

describe('the outbox sender', () => {
  it("keeps Teams' per-conversation limits under a burst (7 per second, 8 per 2 seconds)", async () => {
    const deps = await testDeps();
    await deps.store.saveStaffRef(STAFF.anna, ref('a:anna'));
    await queueTasks(deps, STAFF.anna, 20);
    const time = virtualTime();
    const { transport, sends } = recordingTransport(time.monotonicNow);
    const sender = new OutboxSender(deps.store, deps.clock, transport, render, silentLogger, { ...time, maxWaitMs: 60_000 });
    expect(await sender.drainOnce()).toBe(20);
    const at = sends.map((s) => s.at);
    const inWindow = (from: number, ms: number) => at.filter((t) => t >= from && t < from + ms).length;
    for (const t of at) {
      expect(inWindow(t, 1_000)).toBeLessThanOrEqual(7);
      expect(inWindow(t, 2_000)).toBeLessThanOrEqual(8);
    }
    // 20 messages at 8 per 2 s need a little over 4 seconds, not much more.
    expect(at[at.length - 1]!).toBeLessThan(6_000);
  });

  it('sends to many people in parallel within the app rate', async () => {
    const deps = await testDeps();
    for (const id of Object.values(STAFF)) {
      await deps.store.saveStaffRef(id, ref(`a:${id}`));
      await queueTasks(deps, id, 10);
    }
    const time = virtualTime();
    const { transport, sends } = recordingTransport(time.monotonicNow);
    const sender = new OutboxSender(deps.store, deps.clock, transport, render, silentLogger, { ...time, appPerSecond: 20, maxWaitMs: 60_000 });
    expect(await sender.drainOnce()).toBe(80);
    for (const s of sends) expect(sends.filter((o) => o.at >= s.at && o.at < s.at + 1_000).length).toBeLessThanOrEqual(20);
  });

  it('honours Retry-After on 429: the notification waits that long and the conversation gets nothing meanwhile', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await deps.store.saveStaffRef(STAFF.anna, ref('a:anna'));
    await queueTasks(deps, STAFF.anna, 2);
    const time = virtualTime();
    const { transport, sends } = recordingTransport(time.monotonicNow, (n) => (n === 1 ? { kind: 'retry', error: '429: throttled', retryAfterMs: 3_000 } : { kind: 'sent', activityId: `act-${n}` }));
    const sender = new OutboxSender(deps.store, deps.clock, transport, render, silentLogger, { ...time, maxWaitMs: 60_000 });
    await sender.drainOnce();
    expect(sends.map((s) => s.at)).toEqual([0, 3_000]); // the second one waited for Retry-After
    const throttled = (await deps.store.allDeliveries()).filter((d) => d.lastError);
    expect(throttled).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, nextAttemptAt: new Date(deps.clock.now().getTime() + 3_000).toISOString() })]);
    deps.clock.advance(3_000);
    expect(await sender.drainOnce()).toBe(1);
    expect(sends).toHaveLength(3);
  });

  it('does not retry 403/404: dead letter, reference forgotten, and the open task goes to the substitute', async () => {
    const deps = await testDeps();
    await deps.store.saveStaffRef(STAFF.anna, ref('a:anna'));
    const [task] = await queueTasks(deps, STAFF.anna, 1);
    const { transport, sends } = recordingTransport(undefined, () => ({ kind: 'permanent', error: '403 BotNotInConversationRoster', httpStatus: 403, recipientGone: true }));
    const sender = new OutboxSender(deps.store, deps.clock, transport, render, silentLogger, virtualTime(), (n) => rerouteUnreachable(deps, n).then(() => undefined));
    await sender.drainOnce();
    expect(sends).toHaveLength(1);
    expect((await deps.store.deliveriesWithStatus('dead')).map(([, d]) => d.lastError)).toEqual(['403 BotNotInConversationRoster']);
    expect(await deps.store.getStaffRef(STAFF.anna)).toBeUndefined();
    expect((await deps.store.getTask(task!.id))?.assigneeIds).toEqual([STAFF.anna, STAFF.jonas]);
    const pending = (await deps.store.dueNotifications(new Date('2100-01-01'), 10)).map((d) => d.notification.recipient);
    expect(pending).toEqual([{ kind: 'staff', staffId: STAFF.jonas }]);
  });

  it('gives up after the maximum number of attempts on transient errors', async () => {
    const deps = await testDeps();
    await deps.store.saveStaffRef(STAFF.anna, ref('a:anna'));
    await queueTasks(deps, STAFF.anna, 1);
    const { transport, sends } = recordingTransport(undefined, () => ({ kind: 'retry', error: '503: unavailable' }));
    const sender = new OutboxSender(deps.store, deps.clock, transport, render, silentLogger, { ...virtualTime(), maxAttempts: 3 });
    for (let i = 0; i < 5; i++) {
      await sender.drainOnce();
      deps.clock.advance(60 * 60_000);
    }
    expect(sends).toHaveLength(3);
    expect(await deps.store.deliveriesWithStatus('dead')).toHaveLength(1);
  });

  it('never sends twice after a restart between the send and its acknowledgement', async () => {
    const deps = await testDeps();
    await deps.store.saveStaffRef(STAFF.anna, ref('a:anna'));
    await queueTasks(deps, STAFF.anna, 1);
    let received = 0;
    // The connector takes the message, then the process dies before the answer is recorded.
    const dying: Transport = { send: () => (received++, new Promise<SendOutcome>(() => undefined)), update: async () => ({ kind: 'sent', activityId: 'act-update' }) };
    void new OutboxSender(deps.store, deps.clock, dying, render, silentLogger).drainOnce();
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toBe(1);

    // "Restart": a new store on the same files, a new sender.
    const restarted = await LowdbStore.open(deps.dataDir);
    const { transport, sends } = recordingTransport();
    const sender = new OutboxSender(restarted, deps.clock, transport, render, silentLogger);
    expect(await sender.recoverInterrupted()).toBe(1);
    await sender.drainOnce();
    expect(sends).toHaveLength(0);
    expect(await restarted.deliveriesWithStatus('unsicher')).toHaveLength(1);
  });

  it("counts a send cut off by a crash as made at the restart: 6 recorded calls and 1 interrupted fill Anna's second", async () => {
    const deps = await testDeps();
    await deps.store.saveStaffRef(STAFF.anna, ref('a:anna'));
    const tasks = await queueTasks(deps, STAFF.anna, 8);
    const ids = (await Promise.all(tasks.map((t) => deps.store.notificationsOfTask(t.id)))).map(([n]) => n!.id);
    // Machine time of the restart: the calls were made 900 to 400 ms before it; the 7th was under way when the process died.
    const restart = Date.parse('2026-12-03T21:00:00Z');
    for (const [i, id] of ids.slice(0, 6).entries()) {
      await deps.store.saveDelivery(id, { status: 'sent', attempts: 1, nextAttemptAt: deps.clock.now().toISOString(), calledAt: new Date(restart - 900 + i * 100).toISOString(), conversationId: 'a:anna' });
    }
    await deps.store.claimDelivery(ids[6]!, 'gestorben');
    const time = virtualTime();
    const { transport, sends } = recordingTransport(time.monotonicNow);
    const sender = new OutboxSender(deps.store, deps.clock, transport, render, silentLogger, { ...time, wallNow: () => restart });
    expect(await sender.recoverInterrupted()).toBe(1);
    expect(await sender.drainOnce()).toBe(1);
    // Seven in Anna's last second: the 8th waits until a second after the first recorded call (virtual 0 = the restart).
    expect(sends).toHaveLength(1);
    expect(sends[0]!.at).toBeGreaterThanOrEqual(100);
    expect(await deps.store.getDelivery(ids[7]!)).toMatchObject({ status: 'sent', conversationId: 'a:anna', calledAt: expect.any(String) });
  });

  it('waits for a person without the app and delivers once they are reachable', async () => {
    const deps = await testDeps();
    await queueTasks(deps, STAFF.anna, 1);
    const { transport, sends } = recordingTransport();
    const sender = new OutboxSender(deps.store, deps.clock, transport, render, silentLogger, virtualTime());
    await sender.drainOnce();
    expect(sends).toHaveLength(0);
    await deps.store.saveStaffRef(STAFF.anna, ref('a:anna'));
    await sender.recipientReachable(STAFF.anna);
    expect(sends).toHaveLength(1);
  });
});
