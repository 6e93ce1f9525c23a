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
      expect(await store.saveCustomer(anna)).toEqual({ ok: true });
      expect(await store.saveCustomer(anna)).toEqual({ ok: false, reason: 'konflikt' }); // version 1 again: exists
      expect(await store.saveCustomer({ ...anna, intensive: true, version: 2 })).toEqual({ ok: true });
      expect(await store.saveCustomer({ ...anna, hbId: STAFF.jonas, version: 2 })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.getCustomer(anna.kdnr)).toMatchObject({ intensive: true, hbId: STAFF.anna, version: 2 });
      expect((await store.customersOfHb(STAFF.anna)).map((c) => c.kdnr)).toEqual([anna.kdnr]);
      expect(await store.customersOfHb(STAFF.jonas)).toEqual([]);
      expect((await store.customersByNumbers([anna.kdnr, '999X999999', anna.kdnr])).map((c) => c.kdnr)).toEqual([anna.kdnr]);
      await store.deleteCustomer(anna.kdnr);
      expect(await store.getCustomer(anna.kdnr)).toBeUndefined();
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
      expect(await store.saveCustomers([a])).toEqual({ ok: true });
      const b = aCustomer({ kdnr: '222B222222' });
      expect(await store.saveCustomers([b, { ...a, version: 1 }])).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.getCustomer(b.kdnr)).toBeUndefined();
      expect((await store.allCustomers()).map((c) => c.kdnr)).toEqual([a.kdnr]);
    });

    it('commits a case, its task and the notifications in one write, and reads them back by every reader', async () => {
      const flag = aFlag();
      const task = aTask({ caseId: flag.id });
      const result = await store.commitCases({ cases: [flag], tasks: [task], notifications: [aNotification(task, 'neu')] });
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
      await store.commitCases({ cases: [flag, u25, aFlag({ kdnr: other.kdnr })], tasks: [task, aTask({ kdnr: other.kdnr })], missedCases: [aMissedCase()] });
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
      await store.commitCases({ tasks: [task] });
      expect(await store.commitCases({ tasks: [{ ...task, status: 'erledigt', version: 2 }] })).toEqual({ ok: true, queued: 0 });
      const flag = aFlag();
      const stale = { ...task, assigneeIds: [STAFF.lena], version: 2 };
      expect(await store.commitCases({ cases: [flag], tasks: [stale], notifications: [aNotification(task, 'stale')] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.getCase(flag.id)).toBeUndefined();
      expect(await store.getTask(task.id)).toMatchObject({ status: 'erledigt', assigneeIds: [STAFF.murat] });
      expect(await store.allNotifications()).toEqual([]);
    });

    it('queues a notification once per idempotency key, however often its cause is committed', async () => {
      const task = aTask();
      await store.commitCases({ tasks: [task], notifications: [aNotification(task, 'neu')] });
      const again = await store.commitCases({ tasks: [{ ...task, version: 2 }], notifications: [aNotification(task, 'neu'), aNotification(task, 'erinnerung')] });
      expect(again).toEqual({ ok: true, queued: 1 });
      expect((await store.allNotifications()).map((n) => n.key).sort()).toEqual([`${task.id}:erinnerung`, `${task.id}:neu`]);
    });

    it('wakes its listeners only when a commit queued something new', async () => {
      let woken = 0;
      store.onNotificationsQueued(() => woken++);
      const task = aTask();
      await store.commitCases({ tasks: [task], notifications: [aNotification(task, 'neu')] });
      await store.commitCases({ tasks: [{ ...task, version: 2 }], notifications: [aNotification(task, 'neu')] });
      expect(woken).toBe(1);
    });

    it('keeps one open AB flag per customer and week (seed 000 §2): a second is a konflikt, a visited one frees the week', async () => {
      const first = aFlag();
      expect(await store.commitCases({ cases: [first] })).toMatchObject({ ok: true });
      expect(await store.commitCases({ cases: [aFlag()] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.commitCases({ cases: [aFlag({ kdnr: '987Z654321' })] })).toMatchObject({ ok: true }); // another customer
      expect(await store.commitCases({ cases: [{ ...first, status: 'besucht', version: 2 }] })).toMatchObject({ ok: true });
      expect(await store.commitCases({ cases: [aFlag()] })).toMatchObject({ ok: true });
      expect((await store.casesOfCustomer(first.kdnr)).filter((c) => c.status === 'vorgemerkt')).toHaveLength(1);
      // The holder itself stays updatable while it keeps its key.
      const [open] = (await store.casesOfCustomer(first.kdnr)).filter((c) => c.status === 'vorgemerkt');
      expect(await store.commitCases({ cases: [{ ...open!, attendance: { askedAt: at('2026-12-03 10:00') }, version: open!.version + 1 }] })).toMatchObject({ ok: true });
    });

    it('keeps one open Meldeversäumnis per customer and day (seed 000 §3); a done one or another day does not count', async () => {
      const first = aMissedCase();
      expect(await store.commitCases({ missedCases: [first] })).toMatchObject({ ok: true });
      expect(await store.commitCases({ missedCases: [aMissedCase({ kind: 'rueckruf', reportedAt: at('2026-11-24 15:00') })] })).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.commitCases({ missedCases: [aMissedCase({ reportedAt: at('2026-11-25 09:00') })] })).toMatchObject({ ok: true });
      expect(await store.commitCases({ missedCases: [{ ...first, status: 'erledigt', version: 2 }] })).toMatchObject({ ok: true });
      expect(await store.commitCases({ missedCases: [aMissedCase({ kind: 'rueckruf' })] })).toMatchObject({ ok: true });
      expect(await store.unclaimedCallbacks()).toHaveLength(1);
    });

    it('writes nothing when beforeWrite throws, and runs it only for a commit that fits', async () => {
      const task = aTask();
      const calls: string[] = [];
      await expect(
        store.commitCases({ tasks: [task], notifications: [aNotification(task, 'neu')] }, async () => {
          calls.push('audit');
          throw new Error('Audit-Protokoll nicht schreibbar');
        })
      ).rejects.toThrow('Audit-Protokoll nicht schreibbar');
      expect(await store.getTask(task.id)).toBeUndefined();
      expect(await store.allNotifications()).toEqual([]);
      expect(await store.commitCases({ tasks: [{ ...task, version: 2 }] }, async () => void calls.push('stale'))).toEqual({ ok: false, reason: 'konflikt' });
      expect(await store.commitCases({ tasks: [task] }, async () => void calls.push('fits'))).toEqual({ ok: true, queued: 0 });
      expect(calls).toEqual(['audit', 'fits']);
    });

    it('hands out copies: changing what a reader returned changes nothing stored', async () => {
      const anna = aCustomer();
      await store.saveCustomer(anna);
      const task = aTask();
      await store.commitCases({ tasks: [task], notifications: [aNotification(task, 'neu')] });
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
      await store.commitCases({ tasks: [task], notifications: [late!, early!, middle!, future!] });
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
      await store.commitCases({ tasks: [task], notifications: [n] });
      expect(await store.claimDelivery(n.id, 'instanz-a')).toMatchObject({ status: 'sending', attempts: 1, owner: 'instanz-a' });
      expect(await store.claimDelivery(n.id, 'instanz-b')).toBeUndefined();
      expect(await store.getDelivery(n.id)).toMatchObject({ status: 'sending', owner: 'instanz-a' });
      await store.saveDelivery(n.id, { status: 'pending', attempts: 1, nextAttemptAt: at('2026-11-24 10:05'), lastError: '503' });
      expect(await store.claimDelivery(n.id, 'instanz-b')).toMatchObject({ status: 'sending', attempts: 2, owner: 'instanz-b', lastError: '503' });
      expect(await store.claimDelivery('unbekannt', 'instanz-a')).toBeUndefined();
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
      await store.commitCases({ cases: [flag], tasks: [task], notifications: [n], missedCases: [aMissedCase()] });
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
      expect(await store.commitCases({ tasks: [task], notifications: [n] })).toEqual({ ok: true, queued: 1 });
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
