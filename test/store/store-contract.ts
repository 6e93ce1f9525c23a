import type { MissedAppointmentCase } from '../../src/domain/missed-appointment.js';
import type { OutreachCase } from '../../src/domain/outreach-case.js';
import type { Task } from '../../src/domain/task.js';
import type { U25OutreachCase } from '../../src/domain/u25-case.js';
import type { ConversationRef, Notification, Store } from '../../src/ports.js';
import type { Customer } from '../../src/domain/customer.js';
import { aCustomer, at, attempt, STAFF } from '../support/fixtures.js';

export interface OpenedStore {
  readonly store: Store;
  /** Closes the store and removes what the test created (folder, schema). */
  cleanup(): Promise<void>;
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export function aFlag(overrides: Partial<OutreachCase> = {}): OutreachCase {
  return {
    id: nextId('case'),
    approach: 'ab-besuch',
    kdnr: '123D456789',
    district: 'nord',
    hbId: STAFF.anna,
    flaggedBy: STAFF.anna,
    flaggedAt: at('2026-11-24 10:00'),
    targetWeek: '2026-W49',
    reason: 'Kontakt seit Monaten abgebrochen',
    invitationInMailbox: true,
    status: 'vorgemerkt',
    version: 1,
    ...overrides
  };
}

export function aU25Case(overrides: Partial<U25OutreachCase> = {}): U25OutreachCase {
  return {
    id: nextId('u25'),
    approach: 'u25-aktivierung',
    kdnr: '123D456789',
    hbId: STAFF.anna,
    abPapId: STAFF.murat,
    form: 'falluebergabe',
    targetGroup: 'schwer-erreichbar',
    handoverTalkHeld: true,
    virtualWorkerId: 'VM-U25-aB',
    handedOverAt: at('2026-11-24 10:00'),
    phaseStart: '2026-11-24',
    phaseEnd: '2027-05-24',
    extensions: [],
    visits: [],
    missedAppointments: [],
    status: 'aktiv',
    version: 1,
    ...overrides
  };
}

export function aTask(overrides: Partial<Task> = {}): Task {
  return { id: nextId('task'), kind: 'ab-besuch', kdnr: '123D456789', caseId: 'case-x', assigneeIds: [STAFF.murat], createdAt: at('2026-11-24 10:00'), status: 'offen', version: 1, ...overrides };
}

export function aMissedCase(overrides: Partial<MissedAppointmentCase> = {}): MissedAppointmentCase {
  return { id: nextId('missed'), kind: 'ab-gespraech', kdnr: '123D456789', hbId: STAFF.anna, team: '521', reportedBy: STAFF.sabine, reportedAt: at('2026-11-24 09:00'), status: 'offen', version: 1, ...overrides };
}

export function aNotification(task: Task, event: string, createdAt = at('2026-11-24 10:00')): Notification {
  return { id: nextId('n'), key: `${task.id}:${event}`, recipient: { kind: 'staff', staffId: STAFF.murat }, card: 'ab-task', subject: { kind: 'task', taskId: task.id }, createdAt };
}

const ref = (conversationId: string): ConversationRef => ({ serviceUrl: 'https://smba.example/', channelId: 'msteams', conversationId, updatedAt: at('2026-11-24 10:00') });

/**
 * What every store promises behind the port, run against each adapter: a use case must not be able to tell them apart.
 * `open` gives a fresh, empty store; `reopen` a second handle on the same data after the first is closed.
 */
export function describeStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`the ${name} store keeps the promises of the Store port`, () => {
    let opened: OpenedStore;
    let store: Store;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.cleanup());

    it('stores a customer and updates it only from the version it read (a stale save is a konflikt)', async () => {
      const anna = aCustomer();
      expect(await store.commit({ customers: [anna] })).toEqual({ ok: true, queued: 0 });
      expect(await store.commit({ customers: [anna] })).toEqual({ ok: false, reason: 'konflikt' }); // version 1 again: exists
      expect(await store.commit({ customers: [{ ...anna, intensive: true, version: 2 }] })).toEqual({ ok: true, queued: 0 });
      expect(await store.commit({ customers: [{ ...anna, hbId: STAFF.jonas, version: 2 }] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.getCustomer(anna.kdnr)).toMatchObject({ intensive: true, hbId: STAFF.anna, version: 2 });
      expect((await store.customersOfHb(STAFF.anna)).map((c) => c.kdnr)).toEqual([anna.kdnr]);
      expect(await store.customersOfHb(STAFF.jonas)).toEqual([]);
      expect((await store.customersByNumbers([anna.kdnr, '999X999999', anna.kdnr])).map((c) => c.kdnr)).toEqual([anna.kdnr]);
      await store.deleteCustomer(anna.kdnr);
      expect(await store.getCustomer(anna.kdnr)).toBeUndefined();
    });

    it('commits a customer and cases in one write: all of it, or none of it', async () => {
      const anna = aCustomer();
      await store.commit({ customers: [anna] });
      const flag = aFlag();
      const task = aTask({ caseId: flag.id });
      const decided = { ...anna, intensive: true, version: 2 };
      // A stale case fails the whole commit: the customer is not changed either.
      expect(await store.commit({ customers: [decided], cases: [{ ...flag, version: 2 }] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.getCustomer(anna.kdnr)).toEqual(anna);
      // A stale customer: neither the case nor its task nor its notification is stored.
      expect(await store.commit({ customers: [{ ...anna, version: 3 }], cases: [flag], tasks: [task], notifications: [aNotification(task, 'neu')] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.getCase(flag.id)).toBeUndefined();
      expect(await store.getTask(task.id)).toBeUndefined();
      expect(await store.dueNotifications(new Date(at('2026-11-24 12:00')), 10)).toEqual([]);
      expect(await store.commit({ customers: [decided], cases: [flag], tasks: [task], notifications: [aNotification(task, 'neu')] })).toEqual({ ok: true, queued: 1 });
      expect(await store.getCustomer(anna.kdnr)).toEqual(decided);
      expect(await store.getCase(flag.id)).toEqual(flag);
      // The next change builds on the committed customer.
      expect(await store.commit({ customers: [{ ...decided, intensive: false, version: 3 }] })).toEqual({ ok: true, queued: 0 });
    });

    it('answers the purpose-built queries: open tasks of some kinds, the outbox in numbers, the cards of one day\'s queue', async () => {
      const letter = aTask({ kind: 'freiwillig-ankuendigung' });
      const visit = aTask({ kind: 'ab-besuch' });
      const doneReminder = aTask({ kind: 'freiwillig-erinnerung', status: 'erledigt' });
      const sentFirst = aNotification(letter, 'neu', at('2026-11-24 09:00'));
      const stillOwed = aNotification(visit, 'neu', at('2026-11-24 09:30'));
      const queueCard = (date: string): Notification => ({ id: nextId('n'), key: `warteschlange:${date}`, recipient: { kind: 'channel', channelId: '19:sofo' }, card: 'walk-in-queue', subject: { kind: 'walk-in-queue', date }, createdAt: at('2026-11-24 10:00') });
      const today = queueCard('2026-11-24');
      await store.commit({ tasks: [letter, visit, doneReminder], notifications: [sentFirst, stillOwed, today, queueCard('2026-11-23')] });
      await store.saveDelivery(sentFirst.id, { status: 'sent', attempts: 1, nextAttemptAt: sentFirst.createdAt, sentAt: at('2026-11-24 09:01') });

      expect((await store.openTasksOfKinds(['freiwillig-ankuendigung', 'freiwillig-erinnerung'])).map((t) => t.id)).toEqual([letter.id]);
      expect(await store.outboxSummary()).toEqual({ counts: { pending: 3, sending: 0, sent: 1, dead: 0, unsicher: 0, entfallen: 0 }, oldestPendingAt: stillOwed.createdAt });
      expect((await store.notificationsOfWalkInQueue('2026-11-24')).map((n) => n.id)).toEqual([today.id]);
    });

    it('hands out copies from its lists too (customersOfHb, all*): changing what a list returned changes nothing stored', async () => {
      const anna = aCustomer();
      const flag = aFlag();
      const task = aTask();
      await store.commit({ customers: [anna], cases: [flag], tasks: [task], notifications: [aNotification(task, 'neu')] });
      const reads = [await store.customersOfHb(STAFF.anna), await store.allCustomers(), await store.allCases(), await store.allTasks(), await store.allNotifications()];
      for (const list of reads) for (const record of list) Object.assign(record, { version: 99, kdnr: 'verändert' });
      expect(await store.getCustomer(anna.kdnr)).toEqual(anna);
      expect(await store.allCases()).toEqual([flag]);
      expect(await store.allTasks()).toEqual([task]);
      expect((await store.allNotifications())[0]).toMatchObject({ key: `${task.id}:neu` });
    });

    it('answers the purpose-built queries of the jobs: cases of some HBs, attendance to ask, a team\'s callbacks, queues of some days', async () => {
      const visit = (appointmentDate: string) => ({ outcome: 'nicht-angetroffen' as const, meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate, recordedBy: STAFF.murat, recordedAt: at('2026-11-24 11:00') });
      const annas = aFlag({ kdnr: '111A111111', status: 'besucht', visit: visit('2026-11-30') });
      const asked = aFlag({ kdnr: '222B222222', status: 'besucht', visit: visit('2026-11-27'), attendance: { askedAt: at('2026-11-30 08:00') } });
      const jonas = aFlag({ kdnr: '333C333333', hbId: STAFF.jonas });
      const callback = (team: string, reportedAt: string) => aMissedCase({ kind: 'rueckruf', team, reportedAt, kdnr: `${team}D000001` });
      const inWeek = callback('521', at('2026-11-24 09:00'));
      const queue = (date: string) => ({ date, entries: [], issued: 3, served: 2, version: 1 });
      await store.commit({
        cases: [annas, asked, jonas],
        missedCases: [inWeek, callback('521', at('2026-11-30 09:00')), callback('522', at('2026-11-24 09:00')), aMissedCase({ kind: 'ab-gespraech', team: '521', reportedAt: at('2026-11-24 09:00') })],
        walkInQueues: [queue('2026-11-23'), queue('2026-11-24'), queue('2026-11-30')]
      });

      expect((await store.casesOfHbs([STAFF.anna])).map((c) => c.id).sort()).toEqual([annas.id, asked.id].sort());
      expect((await store.casesOfHbs([STAFF.anna, STAFF.jonas])).length).toBe(3);
      // The day after the appointment, not on it; a case asked about once is not asked again.
      expect(await store.casesAwaitingAttendance('2026-11-30')).toEqual([]);
      expect(await store.casesAwaitingAttendance('2026-12-01')).toEqual([annas]);
      expect(await store.callbacksOfTeam('521', at('2026-11-23 00:00'), at('2026-11-30 00:00'))).toEqual([inWeek]);
      expect((await store.walkInQueuesBetween('2026-11-23', '2026-11-30')).map((q) => q.date).sort()).toEqual(['2026-11-23', '2026-11-24']);
    });

    it('reads one HB\'s customers for the due list with everything the rule needs, and nobody else\'s', async () => {
      const a = aCustomer({ kdnr: '111A111111', attempts: [attempt('anruf', '2026-11-20 09:00')], contacts: [{ kind: 'telefonisch', date: '2026-11-20', recordedBy: STAFF.anna }] });
      const b = aCustomer({ kdnr: '222B222222', intensive: true });
      await store.saveCustomers([a, b, aCustomer({ kdnr: '333C333333', hbId: STAFF.jonas })]);
      const withoutAttempts = ({ attempts: _attempts, ...rest }: Customer) => rest;
      const read = [...(await store.contactDensityCustomersOfHb(STAFF.anna))].sort((x, y) => x.kdnr.localeCompare(y.kdnr));
      expect(read).toEqual([expect.objectContaining(withoutAttempts(a)), expect.objectContaining(withoutAttempts(b))]);
      expect(await store.contactDensityCustomersOfHb(STAFF.lena)).toEqual([]);
    });

    it('imports several customers all or nothing', async () => {
      const a = aCustomer({ kdnr: '111A111111' });
      expect(await store.saveCustomers([a])).toEqual({ ok: true, queued: 0 });
      const b = aCustomer({ kdnr: '222B222222' });
      expect(await store.saveCustomers([b, { ...a, version: 1 }])).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.getCustomer(b.kdnr)).toBeUndefined();
      expect((await store.allCustomers()).map((c) => c.kdnr)).toEqual([a.kdnr]);
    });

    it('commits a case, its task and the notifications in one write, and reads them back by every reader', async () => {
      const flag = aFlag();
      const task = aTask({ caseId: flag.id });
      const result = await store.commit({ cases: [flag], tasks: [task], notifications: [aNotification(task, 'neu')] });
      expect(result).toEqual({ ok: true, queued: 1 });
      expect(await store.getCase(flag.id)).toEqual(flag);
      expect(await store.casesByIds([flag.id, 'unknown'])).toEqual([flag]);
      expect(await store.casesOfCustomer(flag.kdnr)).toEqual([flag]);
      expect(await store.casesForWeek('2026-W50')).toEqual([flag]); // still to visit: shown in later weeks too
      expect(await store.casesForWeek('2026-W48')).toEqual([]);
      expect(await store.getU25Case(flag.id)).toBeUndefined(); // the AB visit is not a U25 case
      expect(await store.getTask(task.id)).toEqual(task);
      expect(await store.openTasksOf(STAFF.murat)).toEqual([task]);
      expect(await store.openTasksOf(STAFF.lena)).toEqual([]);
      expect(await store.tasksOfCustomer(flag.kdnr)).toEqual([task]);
      expect((await store.notificationsOfTask(task.id)).map((n) => n.key)).toEqual([`${task.id}:neu`]);
    });

    it('reads one customer with every case variant and task of theirs in one call, as copies, and nobody else\'s', async () => {
      const anna = aCustomer();
      const other = aCustomer({ kdnr: '999Z999999' });
      await store.saveCustomers([anna, other]);
      const flag = aFlag();
      const u25 = aU25Case();
      const task = aTask({ caseId: flag.id });
      await store.commit({ cases: [flag, u25, aFlag({ kdnr: other.kdnr })], tasks: [task, aTask({ kdnr: other.kdnr })], missedCases: [aMissedCase()] });
      const records = (await store.customerRecords(anna.kdnr))!;
      expect(records.customer).toEqual(anna);
      expect([...records.cases].sort((a, b) => a.id.localeCompare(b.id))).toEqual([flag, u25].sort((a, b) => a.id.localeCompare(b.id)));
      expect(records.tasks).toEqual([task]);
      (records.customer.contacts as unknown[]).push('changed');
      (records.tasks[0]!.assigneeIds as string[]).push(STAFF.lena);
      expect((await store.customerRecords(anna.kdnr))!.customer.contacts).toEqual([]);
      expect(await store.getTask(task.id)).toEqual(task);
      expect(await store.customerRecords('000X000000')).toBeUndefined();
      expect((await store.customerRecords(other.kdnr))!.cases).toHaveLength(1);
    });

    it('refuses a whole commit when one record is stale: nothing of it is written, nothing queued', async () => {
      const task = aTask();
      await store.commit({ tasks: [task] });
      expect(await store.commit({ tasks: [{ ...task, status: 'erledigt', version: 2 }] })).toEqual({ ok: true, queued: 0 });
      const flag = aFlag();
      const stale = { ...task, assigneeIds: [STAFF.lena], version: 2 };
      expect(await store.commit({ cases: [flag], tasks: [stale], notifications: [aNotification(task, 'stale')] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.getCase(flag.id)).toBeUndefined();
      expect(await store.getTask(task.id)).toMatchObject({ status: 'erledigt', assigneeIds: [STAFF.murat] });
      expect(await store.allNotifications()).toEqual([]);
    });

    it('queues a notification once per idempotency key, however often its cause is committed', async () => {
      const task = aTask();
      await store.commit({ tasks: [task], notifications: [aNotification(task, 'neu')] });
      const again = await store.commit({ tasks: [{ ...task, version: 2 }], notifications: [aNotification(task, 'neu'), aNotification(task, 'erinnerung')] });
      expect(again).toEqual({ ok: true, queued: 1 });
      expect((await store.allNotifications()).map((n) => n.key).sort()).toEqual([`${task.id}:erinnerung`, `${task.id}:neu`]);
    });

    it('wakes its listeners only when a commit queued something new', async () => {
      let woken = 0;
      store.onNotificationsQueued(() => woken++);
      const task = aTask();
      await store.commit({ tasks: [task], notifications: [aNotification(task, 'neu')] });
      await store.commit({ tasks: [{ ...task, version: 2 }], notifications: [aNotification(task, 'neu')] });
      expect(woken).toBe(1);
    });

    it('keeps one open AB flag per customer and week (seed 000 §2): a second is a konflikt, a visited one frees the week', async () => {
      const first = aFlag();
      expect(await store.commit({ cases: [first] })).toMatchObject({ ok: true });
      expect(await store.commit({ cases: [aFlag()] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.commit({ cases: [aFlag({ kdnr: '987Z654321' })] })).toMatchObject({ ok: true }); // another customer
      expect(await store.commit({ cases: [{ ...first, status: 'besucht', version: 2 }] })).toMatchObject({ ok: true });
      expect(await store.commit({ cases: [aFlag()] })).toMatchObject({ ok: true });
      expect((await store.casesOfCustomer(first.kdnr)).filter((c) => c.status === 'vorgemerkt')).toHaveLength(1);
      // The holder itself stays updatable while it keeps its key.
      const [open] = (await store.casesOfCustomer(first.kdnr)).filter((c) => c.status === 'vorgemerkt');
      expect(await store.commit({ cases: [{ ...open!, attendance: { askedAt: at('2026-12-03 10:00') }, version: open!.version + 1 }] })).toMatchObject({ ok: true });
    });

    it('keeps one open Meldeversäumnis per customer and day (seed 000 §3); a done one or another day does not count', async () => {
      const first = aMissedCase();
      expect(await store.commit({ missedCases: [first] })).toMatchObject({ ok: true });
      expect(await store.commit({ missedCases: [aMissedCase({ kind: 'rueckruf', reportedAt: at('2026-11-24 15:00') })] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.commit({ missedCases: [aMissedCase({ reportedAt: at('2026-11-25 09:00') })] })).toMatchObject({ ok: true });
      expect(await store.commit({ missedCases: [{ ...first, status: 'erledigt', version: 2 }] })).toMatchObject({ ok: true });
      expect(await store.commit({ missedCases: [aMissedCase({ kind: 'rueckruf' })] })).toMatchObject({ ok: true });
      expect(await store.unclaimedCallbacks()).toHaveLength(1);
    });

    it('keeps one open request for intensive care per customer (seed 003): a second is a konflikt, a decided one frees it', async () => {
      const request = aTask({ kind: 'intensiv-aufnehmen', assigneeIds: [STAFF.petra] });
      expect(await store.commit({ tasks: [request] })).toMatchObject({ ok: true });
      expect(await store.commit({ tasks: [aTask({ kind: 'intensiv-beenden', assigneeIds: [STAFF.petra] })] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.commit({ tasks: [aTask({ kind: 'intensiv-aufnehmen', kdnr: '999X999999' })] })).toMatchObject({ ok: true });
      expect(await store.commit({ tasks: [{ ...request, status: 'erledigt', version: 2 }] })).toMatchObject({ ok: true });
      expect(await store.commit({ tasks: [aTask({ kind: 'intensiv-beenden', assigneeIds: [STAFF.petra] })] })).toMatchObject({ ok: true });
    });

    it('writes nothing when beforeWrite throws, and runs it only for a commit that fits', async () => {
      const task = aTask();
      const calls: string[] = [];
      await expect(
        store.commit({ tasks: [task], notifications: [aNotification(task, 'neu')] }, async () => {
          calls.push('audit');
          throw new Error('Audit-Protokoll nicht schreibbar');
        })
      ).rejects.toThrow('Audit-Protokoll nicht schreibbar');
      expect(await store.getTask(task.id)).toBeUndefined();
      expect(await store.allNotifications()).toEqual([]);
      expect(await store.commit({ tasks: [{ ...task, version: 2 }] }, async () => void calls.push('stale'))).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.commit({ tasks: [task] }, async () => void calls.push('fits'))).toEqual({ ok: true, queued: 0 });
      expect(calls).toEqual(['audit', 'fits']);
    });

    it('hands out copies: changing what a reader returned changes nothing stored', async () => {
      const anna = aCustomer();
      await store.commit({ customers: [anna] });
      const task = aTask();
      await store.commit({ tasks: [task], notifications: [aNotification(task, 'neu')] });
      const read = (await store.getCustomer(anna.kdnr)) as { hbId: string };
      read.hbId = STAFF.jonas;
      const readTask = (await store.getTask(task.id)) as unknown as { assigneeIds: string[] };
      readTask.assigneeIds.push(STAFF.lena);
      const due = await store.dueNotifications(new Date(at('2026-11-24 11:00')), 10);
      (due[0]!.delivery as { status: string }).status = 'sent';
      expect((await store.getCustomer(anna.kdnr))?.hbId).toBe(STAFF.anna);
      expect((await store.getTask(task.id))?.assigneeIds).toEqual([STAFF.murat]);
      expect(await store.dueNotifications(new Date(at('2026-11-24 11:00')), 10)).toHaveLength(1);
    });

    it('lists due notifications oldest first, up to the limit, leaving out those not due or not pending', async () => {
      const task = aTask();
      const [late, early, middle, future] = [aNotification(task, 'c', at('2026-11-24 10:30')), aNotification(task, 'a', at('2026-11-24 08:00')), aNotification(task, 'b', at('2026-11-24 09:00')), aNotification(task, 'd', at('2026-11-24 12:00'))];
      await store.commit({ tasks: [task], notifications: [late!, early!, middle!, future!] });
      const now = new Date(at('2026-11-24 11:00'));
      expect((await store.dueNotifications(now, 10)).map((d) => d.notification.key)).toEqual([early!.key, middle!.key, late!.key]);
      expect((await store.dueNotifications(now, 2)).map((d) => d.notification.key)).toEqual([early!.key, middle!.key]);
      await store.saveDelivery(early!.id, { status: 'sent', attempts: 1, nextAttemptAt: early!.createdAt, sentAt: at('2026-11-24 08:00') });
      await store.saveDelivery(middle!.id, { status: 'pending', attempts: 1, nextAttemptAt: at('2026-11-24 11:30') });
      expect((await store.dueNotifications(now, 10)).map((d) => d.notification.key)).toEqual([late!.key]);
      expect((await store.pendingNotificationsFor(STAFF.murat)).map((d) => d.notification.key)).toEqual([middle!.key, late!.key, future!.key]);
      expect(await store.deliveriesWithStatus('sent')).toEqual([[early!.id, expect.objectContaining({ status: 'sent' })]]);
    });

    it('lets exactly one claim take a pending notification, counting the attempt and naming the owner', async () => {
      const task = aTask();
      const n = aNotification(task, 'neu');
      await store.commit({ tasks: [task], notifications: [n] });
      expect(await store.claimDelivery(n.id, 'instanz-a')).toMatchObject({ status: 'sending', attempts: 1, owner: 'instanz-a' });
      expect(await store.claimDelivery(n.id, 'instanz-b')).toBeUndefined();
      expect(await store.getDelivery(n.id)).toMatchObject({ status: 'sending', owner: 'instanz-a' });
      await store.saveDelivery(n.id, { status: 'pending', attempts: 1, nextAttemptAt: at('2026-11-24 10:05'), lastError: '503' });
      expect(await store.claimDelivery(n.id, 'instanz-b')).toMatchObject({ status: 'sending', attempts: 2, owner: 'instanz-b', lastError: '503' });
      expect(await store.claimDelivery('unbekannt', 'instanz-a')).toBeUndefined();
    });

    it('lists the connector calls since a moment, oldest first, whatever their answer (what a new sender seeds its limiter from)', async () => {
      const task = aTask();
      const [first, second, third, never] = ['a', 'b', 'c', 'd'].map((e) => aNotification(task, e));
      await store.commit({ tasks: [task], notifications: [first!, second!, third!, never!] });
      const call = (calledAt: string, conversationId: string) => ({ calledAt, conversationId, attempts: 1, nextAttemptAt: at('2026-11-24 10:00') });
      await store.saveDelivery(second!.id, { status: 'sent', ...call('2026-12-03T21:00:01.500Z', 'a:murat') });
      await store.saveDelivery(first!.id, { status: 'pending', lastHttpStatus: 429, ...call('2026-12-03T21:00:01.000Z', 'a:lena') });
      await store.saveDelivery(third!.id, { status: 'sent', ...call('2026-12-03T20:00:00.000Z', 'a:murat') });
      // A notification that never reached the gate was not counted by Teams.
      await store.saveDelivery(never!.id, { status: 'dead', attempts: 1, nextAttemptAt: at('2026-11-24 10:00'), lastError: 'vor dem Senden: render' });
      expect(await store.recentSends('2026-12-03T21:00:00.000Z')).toEqual([
        { conversationId: 'a:lena', at: '2026-12-03T21:00:01.000Z' },
        { conversationId: 'a:murat', at: '2026-12-03T21:00:01.500Z' }
      ]);
      expect(await store.recentSends('2026-12-03T21:00:01.500Z')).toEqual([{ conversationId: 'a:murat', at: '2026-12-03T21:00:01.500Z' }]);
    });

    it('lets a lone instance hold the sender lease', async () => {
      expect(await store.holdSenderLease()).toBe(true);
      expect(await store.holdSenderLease()).toBe(true);
    });

    it('lets a job slot be claimed once, never an earlier one, and gives a failed run back', async () => {
      expect(await store.claimJobRun('faellige-kontakte', '2026-11-24T06:30:00.000Z')).toBe(true);
      expect(await store.claimJobRun('faellige-kontakte', '2026-11-24T06:30:00.000Z')).toBe(false);
      expect(await store.claimJobRun('faellige-kontakte', '2026-11-23T06:30:00.000Z')).toBe(false);
      expect(await store.jobRuns()).toEqual({ 'faellige-kontakte': '2026-11-24T06:30:00.000Z' });
      expect(await store.claimJobRun('faellige-kontakte', '2026-11-25T06:30:00.000Z')).toBe(true);
      await store.releaseJobRun('faellige-kontakte', '2026-11-25T06:30:00.000Z', '2026-11-24T06:30:00.000Z');
      expect(await store.jobRuns()).toEqual({ 'faellige-kontakte': '2026-11-24T06:30:00.000Z' });
      expect(await store.claimJobRun('digest', '2026-11-23T06:00:00.000Z')).toBe(true);
      await store.releaseJobRun('digest', '2026-11-23T06:00:00.000Z', undefined);
      expect(await store.claimJobRun('digest', '2026-11-23T06:00:00.000Z')).toBe(true);
    });

    it('purges cases, tasks, notifications and their delivery states for good, and a second purge is harmless', async () => {
      const flag = aFlag();
      const task = aTask({ caseId: flag.id });
      const n = aNotification(task, 'neu');
      await store.commit({ cases: [flag], tasks: [task], notifications: [n], missedCases: [aMissedCase()] });
      await store.saveDelivery(n.id, { status: 'sent', attempts: 1, nextAttemptAt: n.createdAt });
      const ids = { cases: [flag.id], tasks: [task.id], notifications: [n.id], missedCases: (await store.allMissedCases()).map((c) => c.id) };
      await store.purge(ids);
      await store.purge(ids);
      expect(await store.getCase(flag.id)).toBeUndefined();
      expect(await store.getTask(task.id)).toBeUndefined();
      expect(await store.getNotification(n.id)).toBeUndefined();
      expect(await store.getDelivery(n.id)).toBeUndefined();
      expect(await store.allMissedCases()).toEqual([]);
      // The key went with it: the same cause may notify again.
      expect(await store.commit({ tasks: [task], notifications: [n] })).toEqual({ ok: true, queued: 1 });
    });

    it('keeps conversation references, team channels, absences and AB day states, and forgets an uninstalled conversation', async () => {
      await store.saveStaffRef(STAFF.murat, ref('a:murat'));
      await store.saveTeamChannel('521', '19:channel', ref('19:channel'));
      expect(await store.getStaffRef(STAFF.murat)).toEqual(ref('a:murat'));
      expect(await store.getTeamChannel('521')).toEqual({ channelId: '19:channel', ref: ref('19:channel') });
      await store.forgetConversation('19:channel');
      expect(await store.getTeamChannel('521')).toBeUndefined();
      await store.forgetStaff(STAFF.murat);
      expect(await store.getStaffRef(STAFF.murat)).toBeUndefined();

      await store.saveAbsence(STAFF.lena, { staffId: STAFF.lena, until: '2026-11-27', setAt: at('2026-11-24 08:00') });
      await store.saveAbDayState({ staffId: STAFF.murat, state: 'unterwegs', date: '2026-11-24' });
      expect(await store.absences()).toEqual([{ staffId: STAFF.lena, until: '2026-11-27', setAt: at('2026-11-24 08:00') }]);
      expect(await store.abDayStates()).toEqual([{ staffId: STAFF.murat, state: 'unterwegs', date: '2026-11-24' }]);
      await store.saveAbsence(STAFF.lena, undefined);
      expect(await store.absences()).toEqual([]);
    });
  });
}
