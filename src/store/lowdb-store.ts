import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContactDensityCustomer, Customer } from '../domain/customer.js';
import type { MissedAppointmentCase, PaymentStop } from '../domain/missed-appointment.js';
import type { AbDayState, Absence } from '../domain/presence.js';
import { isAbVisitCase, isU25Case, isVoluntaryCase, type OutreachCaseVariant } from '../domain/outreach-case.js';
import type { AnonymousConsultation } from '../domain/anonymous-consultation.js';
import type { Expense } from '../domain/u25-budget.js';
import type { Task, TaskKind } from '../domain/task.js';
import type { NewcomerCase } from '../domain/newcomer-case.js';
import type { SofoSlot } from '../domain/sofo-slots.js';
import type { WalkInQueue } from '../domain/walk-in-queue.js';
import type { BeforeWrite, Changes, CommitResult, ConversationRef, DeliveryState, Notification, PurgeIds, RecordedSend, Store } from '../ports.js';
import { CoalescedDocument } from './coalesced-document.js';
import { writeDurably } from './durable-json-adapter.js';
import { acquireLock } from './data-dir-lock.js';
import { ensureDataFormat } from './data-format.js';
import { ByCustomer } from './by-customer.js';
import { guardOf } from './invariants.js';
import { noMetrics, type StoreMetrics } from '../metrics/metrics.js';

interface CustomersFile {
  customers: Record<string, Customer>;
}
interface CasesFile {
  /** Every variant of the outreach case, by id. */
  cases: Record<string, OutreachCaseVariant>;
  missedCases: Record<string, MissedAppointmentCase>;
  /** By Kundennummer. */
  paymentStops: Record<string, PaymentStop>;
  tasks: Record<string, Task>;
  notifications: Record<string, Notification>;
  /** Idempotency keys of notifications ever created → their id. */
  notificationKeys: Record<string, string>;
  /** seed 001: aB-pAp expenses by id (absent in files written before it). */
  expenses?: Record<string, Expense>;
  /** seed 004; absent in data folders written before it, hence filled in at open. */
  newcomerCases: Record<string, NewcomerCase>;
  /** By Berlin date. */
  walkInQueues: Record<string, WalkInQueue>;
  /** By slot id (date|time|officer). */
  sofoSlots: Record<string, SofoSlot>;
  /** seed 002 §6: counts only, by id (absent in files written before it). */
  anonymousConsultations?: Record<string, AnonymousConsultation>;
  /** Customers changed by a commit that also changed cases, until customers.json has them (see commitAcrossFiles). */
  committedCustomers?: Record<string, Customer>;
}
interface DeliveryFile {
  deliveries: Record<string, DeliveryState>;
}
interface ConversationsFile {
  staff: Record<string, ConversationRef>;
  channels: Record<string, ConversationRef>;
  /** Directory team id → its registered channel. */
  teamChannels: Record<string, string>;
}
interface PresenceFile {
  absences: Record<string, Absence>;
  abDayStates: Record<string, AbDayState>;
  jobRuns: Record<string, string>;
}

const copy = <T>(value: T): T => structuredClone(value);
const CONFLICT = { ok: false, reason: 'konflikt' } as const;

/** A new record must not exist; an update must find the version just before its own. */
function versionFits(stored: { version: number } | undefined, next: { version: number }): boolean {
  return next.version === 1 ? stored === undefined : stored?.version === next.version - 1;
}

/** No two records of the collection, as it would be after the change, share a guard key (see invariants.ts). */
/** `peers`: the stored records that could hold the same key (a key names its customer: that customer's records). */
function guardsHold<T extends { id: string }>(stored: Record<string, T>, changed: readonly T[], guard: (r: T) => string | undefined, peers: (r: T) => readonly T[]): boolean {
  const after = new Map<string, string>();
  const changedIds = new Set(changed.map((r) => r.id));
  for (const r of changed) {
    const key = guard(r);
    // A record that already holds its key keeps it: data written before the store guarded it must stay updatable.
    if (key === undefined || (stored[r.id] && guard(stored[r.id]!) === key)) continue;
    if (after.has(key)) return false;
    after.set(key, r.id);
  }
  if (after.size === 0) return true;
  return !changed.some((c) => peers(c).some((r) => !changedIds.has(r.id) && after.has(guard(r) ?? '')));
}

/**
 * The embedded store: several small JSON files so that the churn of one (delivery state) never rewrites
 * another (customers). Each use case writes exactly one file, so each commit is one durable write.
 */
export class LowdbStore implements Store {
  private constructor(
    private readonly customers: CoalescedDocument<CustomersFile>,
    private readonly casesDoc: CoalescedDocument<CasesFile>,
    private readonly delivery: CoalescedDocument<DeliveryFile>,
    private readonly conversations: CoalescedDocument<ConversationsFile>,
    private readonly presence: CoalescedDocument<PresenceFile>,
    private readonly lock: { release(): void },
    private readonly dir: string
  ) {}

  /** Index HB → Kundennummern, kept in step with every customer write. */
  private byHb = new Map<string, Set<string>>();
  /** Per-customer reads (the status card, a flag's checks) look their records up here instead of scanning them all. */
  private byCustomer = { cases: new ByCustomer(), missedCases: new ByCustomer(), tasks: new ByCustomer(), newcomerCases: new ByCustomer() };

  private indexCases(changes: Pick<Changes, 'cases' | 'missedCases' | 'tasks' | 'newcomerCases'>): void {
    for (const c of changes.cases ?? []) this.byCustomer.cases.add(c.kdnr, c.id);
    for (const c of changes.missedCases ?? []) this.byCustomer.missedCases.add(c.kdnr, c.id);
    for (const t of changes.tasks ?? []) this.byCustomer.tasks.add(t.kdnr, t.id);
    for (const c of changes.newcomerCases ?? []) this.byCustomer.newcomerCases.add(c.kdnr, c.id);
  }

  private index(c: Customer, previousHb?: string) {
    if (previousHb && previousHb !== c.hbId) this.byHb.get(previousHb)?.delete(c.kdnr);
    let set = this.byHb.get(c.hbId);
    if (!set) this.byHb.set(c.hbId, (set = new Set()));
    set.add(c.kdnr);
  }

  /** At open, and after a failed write put memory back to the file: the indexes are rebuilt from what is there. */
  private indexCustomers(file: CustomersFile): void {
    this.applyCommittedCustomers(file);
    this.byHb = new Map();
    for (const c of Object.values(file.customers)) this.index(c);
  }

  private indexCaseFile(cases: CasesFile): void {
    // Absent in data folders written before these collections existed.
    cases.newcomerCases ??= {};
    cases.walkInQueues ??= {};
    cases.sofoSlots ??= {};
    this.byCustomer = { cases: new ByCustomer(), missedCases: new ByCustomer(), tasks: new ByCustomer(), newcomerCases: new ByCustomer() };
    this.indexCases({ cases: Object.values(cases.cases), missedCases: Object.values(cases.missedCases), tasks: Object.values(cases.tasks), newcomerCases: Object.values(cases.newcomerCases) });
  }

  static async open(dir: string, metrics: StoreMetrics = noMetrics): Promise<LowdbStore> {
    const lock = await acquireLock(dir);
    try {
      await ensureDataFormat(dir);
    } catch (err) {
      lock.release();
      throw err;
    }
    // The indexes live on the store, which exists once its documents are open (a rollback comes later still).
    const store: LowdbStore = new LowdbStore(
      await CoalescedDocument.open<CustomersFile>(join(dir, 'customers.json'), { customers: {} }, metrics, (d) => store.indexCustomers(d)),
      await CoalescedDocument.open<CasesFile>(join(dir, 'cases.json'), { cases: {}, missedCases: {}, paymentStops: {}, tasks: {}, notifications: {}, notificationKeys: {}, newcomerCases: {}, walkInQueues: {}, sofoSlots: {} }, metrics, (d) => store.indexCaseFile(d)),
      await CoalescedDocument.open<DeliveryFile>(join(dir, 'delivery.json'), { deliveries: {} }, metrics),
      await CoalescedDocument.open<ConversationsFile>(join(dir, 'conversations.json'), { staff: {}, channels: {}, teamChannels: {} }, metrics),
      await CoalescedDocument.open<PresenceFile>(join(dir, 'presence.json'), { absences: {}, abDayStates: {}, jobRuns: {} }, metrics),
      lock,
      dir
    );
    store.indexCaseFile(store.casesDoc.data);
    store.indexCustomers(store.customers.data);
    if (Object.keys(store.casesDoc.data.committedCustomers ?? {}).length) {
      await store.customers.change(() => undefined);
      await store.casesDoc.change((d) => delete d.committedCustomers);
    }
    return store;
  }

  async getCustomer(kdnr: string) {
    const c = this.customers.data.customers[kdnr];
    return c && copy(c);
  }

  saveCustomers(customers: readonly Customer[]): Promise<CommitResult> {
    return this.commit({ customers });
  }

  /** Customers into memory, with the HB index; the previous records, to undo it. */
  private putCustomers(customers: readonly Customer[]): Array<Customer | undefined> {
    const all = this.customers.data.customers;
    return customers.map((c) => {
      const previous = all[c.kdnr];
      all[c.kdnr] = copy(c);
      this.index(c, previous?.hbId);
      return previous;
    });
  }

  async customersOfHb(hbId: string) {
    const all = this.customers.data.customers;
    return [...(this.byHb.get(hbId) ?? [])].map((k) => copy(all[k]!));
  }

  /** The same read-only views as customersOfHb: the attempts are there, but the type does not offer them. */
  /** Copies without the attempts, which the rule never reads and which are most of a customer in the AB process. */
  async contactDensityCustomersOfHb(hbId: string): Promise<ContactDensityCustomer[]> {
    const all = this.customers.data.customers;
    return [...(this.byHb.get(hbId) ?? [])].map((k) => {
      const { attempts: _attempts, ...rest } = all[k]!;
      return copy(rest);
    });
  }

  async customersByNumbers(kdnrs: readonly string[]) {
    const all = this.customers.data.customers;
    return [...new Set(kdnrs)].flatMap((k) => (all[k] ? [copy(all[k])] : []));
  }

  async allCustomers() {
    return Object.values(this.customers.data.customers).map(copy);
  }

  async customerRecords(kdnr: string) {
    const customer = this.customers.data.customers[kdnr];
    if (!customer) return undefined;
    const { cases, tasks } = this.casesDoc.data;
    return { customer: copy(customer), cases: this.byCustomer.cases.of(kdnr, cases).map(copy), tasks: this.byCustomer.tasks.of(kdnr, tasks).map(copy) };
  }

  /** The AB visit variant only: the readers of the AB process never see a U25 case. */
  private abCases() {
    return Object.values(this.casesDoc.data.cases).filter(isAbVisitCase);
  }

  async getCase(id: string) {
    const c = this.casesDoc.data.cases[id];
    return c && isAbVisitCase(c) ? copy(c) : undefined;
  }

  async casesByIds(ids: readonly string[]) {
    const all = this.casesDoc.data.cases;
    return [...new Set(ids)].flatMap((id) => (all[id] && isAbVisitCase(all[id]) ? [copy(all[id])] : []));
  }

  async casesOfCustomer(kdnr: string) {
    return this.byCustomer.cases.of(kdnr, this.casesDoc.data.cases).filter(isAbVisitCase).map(copy);
  }

  async getU25Case(id: string) {
    const c = this.casesDoc.data.cases[id];
    return c && isU25Case(c) ? copy(c) : undefined;
  }

  async u25CasesOfCustomer(kdnr: string) {
    return this.byCustomer.cases.of(kdnr, this.casesDoc.data.cases).filter(isU25Case).map(copy);
  }

  async allU25Cases() {
    return Object.values(this.casesDoc.data.cases).filter(isU25Case).map(copy);
  }

  async getVoluntaryCase(id: string) {
    const c = this.casesDoc.data.cases[id];
    return c && isVoluntaryCase(c) ? copy(c) : undefined;
  }

  async voluntaryCasesOfCustomer(kdnr: string) {
    return this.byCustomer.cases.of(kdnr, this.casesDoc.data.cases).filter(isVoluntaryCase).map(copy);
  }

  async allVoluntaryCases() {
    return Object.values(this.casesDoc.data.cases).filter(isVoluntaryCase).map(copy);
  }

  async anonymousConsultations(week: string) {
    return Object.values(this.casesDoc.data.anonymousConsultations ?? {}).filter((a) => a.week === week).map(copy);
  }

  async expensesOf(staffId: string, month: string) {
    return Object.values(this.casesDoc.data.expenses ?? {}).filter((e) => e.staffId === staffId && e.date.startsWith(`${month}-`)).map(copy);
  }

  async expensesBefore(date: string) {
    return Object.values(this.casesDoc.data.expenses ?? {}).filter((e) => e.date < date).map(copy);
  }

  async casesForWeek(weekKey: string) {
    return this.abCases()
      .filter((c) => (c.status === 'vorgemerkt' ? c.targetWeek <= weekKey : c.targetWeek === weekKey))
      .map(copy);
  }

  async getTask(id: string) {
    const t = this.casesDoc.data.tasks[id];
    return t && copy(t);
  }

  async openTasksOf(staffId: string) {
    return Object.values(this.casesDoc.data.tasks)
      .filter((t) => t.status === 'offen' && t.assigneeIds.includes(staffId))
      .map(copy);
  }

  async openTasksOfKinds(kinds: readonly TaskKind[]) {
    return Object.values(this.casesDoc.data.tasks)
      .filter((t) => t.status === 'offen' && kinds.includes(t.kind))
      .map(copy);
  }

  async tasksOfCustomer(kdnr: string) {
    return this.byCustomer.tasks.of(kdnr, this.casesDoc.data.tasks).map(copy);
  }

  async allCases() {
    return this.abCases().map(copy);
  }

  async casesOfHbs(hbIds: readonly string[]) {
    const hbs = new Set(hbIds);
    return this.abCases().filter((c) => hbs.has(c.hbId)).map(copy);
  }

  async casesAwaitingAttendance(today: string) {
    return this.abCases().filter((c) => c.visit && !c.attendance && c.visit.appointmentDate < today).map(copy);
  }

  async callbacksOfTeam(teamId: string, from: string, to: string) {
    return Object.values(this.casesDoc.data.missedCases)
      .filter((c) => c.kind === 'rueckruf' && c.team === teamId && c.reportedAt >= from && c.reportedAt < to)
      .map(copy);
  }

  async allMissedCases() {
    return Object.values(this.casesDoc.data.missedCases).map(copy);
  }

  async getMissedCase(id: string) {
    const c = this.casesDoc.data.missedCases[id];
    return c && copy(c);
  }

  async missedCasesOfCustomer(kdnr: string) {
    return this.byCustomer.missedCases.of(kdnr, this.casesDoc.data.missedCases).map(copy);
  }

  async unclaimedCallbacks() {
    return Object.values(this.casesDoc.data.missedCases).filter((c) => c.kind === 'rueckruf' && c.status === 'offen').map(copy);
  }

  async getPaymentStop(kdnr: string) {
    const p = this.casesDoc.data.paymentStops[kdnr];
    return p && copy(p);
  }

  async getNewcomerCase(id: string) {
    const c = this.casesDoc.data.newcomerCases[id];
    return c && copy(c);
  }

  async newcomerCasesOfCustomer(kdnr: string) {
    return this.byCustomer.newcomerCases.of(kdnr, this.casesDoc.data.newcomerCases).map(copy);
  }

  async allNewcomerCases() {
    return Object.values(this.casesDoc.data.newcomerCases).map(copy);
  }

  async getWalkInQueue(date: string) {
    const q = this.casesDoc.data.walkInQueues[date];
    return q && copy(q);
  }

  async walkInQueuesBetween(from: string, to: string) {
    return Object.values(this.casesDoc.data.walkInQueues).filter((q) => q.date >= from && q.date < to).map(copy);
  }

  async allWalkInQueues() {
    return Object.values(this.casesDoc.data.walkInQueues).map(copy);
  }

  async sofoSlotsFrom(date: string) {
    return Object.values(this.casesDoc.data.sofoSlots).filter((s) => s.date >= date).map(copy);
  }

  async sofoSlotsOfCustomer(kdnr: string) {
    return Object.values(this.casesDoc.data.sofoSlots).filter((s) => s.kdnr === kdnr).map(copy);
  }

  private readonly queuedListeners: Array<() => void> = [];

  onNotificationsQueued(listener: () => void): void {
    this.queuedListeners.push(listener);
  }

  /**
   * Records a commit has checked and is about to write while its `beforeWrite` runs, with the moment it is done. A commit
   * that touches one of them waits for that, then loses (the record has changed): a use case that retries reads the
   * winner's state instead of spinning on the old one.
   */
  private readonly reserved = new Map<string, Promise<void>>();

  /**
   * What memory holds but disk may not yet: a failed write takes it back (CoalescedDocument). The sender must not send a
   * notification whose commit may still fail, and a commit across files must not carry a customer change that may.
   */
  private readonly unwritten = { notifications: new Set<string>(), customers: new Map<string, Promise<void>>(), committedCustomers: new Set<string>() };

  /** Track `ids` in `set` until `write` has settled, whatever its outcome. */
  private untilWritten(write: Promise<void>, add: () => void, remove: () => void): void {
    add();
    write.then(remove, remove);
  }

  /** Check, reserve, run `beforeWrite`, then apply synchronously: nothing else can write those records in between. */
  private async checked(keys: readonly string[], fits: () => boolean, beforeWrite: BeforeWrite | undefined, apply: () => Promise<void>): Promise<{ ok: true } | { ok: false; reason: 'konflikt' }> {
    const busy = keys.flatMap((k) => this.reserved.get(k) ?? []);
    if (busy.length) {
      await Promise.all(busy);
      return CONFLICT;
    }
    if (!fits()) return CONFLICT;
    if (!beforeWrite) return apply().then(() => ({ ok: true }));
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    for (const k of keys) this.reserved.set(k, done);
    let applied: Promise<void>;
    try {
      await beforeWrite();
      // A purge does not reserve; if one removed a record meanwhile, the change no longer fits.
      if (!fits()) return CONFLICT;
      applied = apply();
    } finally {
      // A commit across two files holds its customers' keys longer (see commitAcrossFiles).
      for (const k of keys) if (this.reserved.get(k) === done) this.reserved.delete(k);
      release();
    }
    await applied;
    return { ok: true };
  }

  private casesFit(changes: Changes): boolean {
    const d = this.casesDoc.data;
    return (
      (changes.cases ?? []).every((c) => versionFits(d.cases[c.id], c)) &&
      (changes.missedCases ?? []).every((c) => versionFits(d.missedCases[c.id], c)) &&
      (changes.paymentStops ?? []).every((p) => versionFits(d.paymentStops[p.kdnr], p)) &&
      (changes.tasks ?? []).every((t) => versionFits(d.tasks[t.id], t)) &&
      (changes.expenses ?? []).every((e) => versionFits(d.expenses?.[e.id], e)) &&
      (changes.newcomerCases ?? []).every((c) => versionFits(d.newcomerCases[c.id], c)) &&
      // A claim on the walk-in queue is a compare-and-set on its version: of two clicks on the same version one wins.
      (changes.walkInQueues ?? []).every((q) => versionFits(d.walkInQueues[q.date], q)) &&
      // A slot is created once (version 1): a second booking of the same slot is a conflict, never a double booking.
      (changes.sofoSlots ?? []).every((slot) => versionFits(d.sofoSlots[slot.id], slot)) &&
      (changes.anonymousConsultations ?? []).every((a) => versionFits(d.anonymousConsultations?.[a.id], a)) &&
      guardsHold(d.cases, changes.cases ?? [], guardOf.cases, (c) => this.byCustomer.cases.of(c.kdnr, d.cases)) &&
      guardsHold(d.missedCases, changes.missedCases ?? [], guardOf.missedCases, (c) => this.byCustomer.missedCases.of(c.kdnr, d.missedCases)) &&
      guardsHold(d.newcomerCases, changes.newcomerCases ?? [], guardOf.newcomerCases, (c) => this.byCustomer.newcomerCases.of(c.kdnr, d.newcomerCases)) &&
      guardsHold(d.tasks, changes.tasks ?? [], guardOf.tasks, (t) => this.byCustomer.tasks.of(t.kdnr, d.tasks))
    );
  }

  async commit(changes: Changes, beforeWrite?: BeforeWrite): Promise<CommitResult> {
    const customers = changes.customers ?? [];
    const customerKeys = customers.map((c) => `customer:${c.kdnr}`);
    const keys = [
      ...customerKeys,
      ...(changes.cases ?? []).map((c) => `case:${c.id}`),
      ...(changes.missedCases ?? []).map((c) => `missed:${c.id}`),
      ...(changes.paymentStops ?? []).map((p) => `stop:${p.kdnr}`),
      ...(changes.tasks ?? []).map((t) => `task:${t.id}`),
      ...(changes.expenses ?? []).map((e) => `expense:${e.id}`),
      ...(changes.newcomerCases ?? []).map((c) => `newcomer:${c.id}`),
      // Two desks routing the same customer on the same day reserve the same key: the second waits, then loses.
      ...(changes.newcomerCases ?? []).filter((c) => c.version === 1).map((c) => guardOf.newcomerCases(c)),
      // Likewise two requests for intensive care of one customer.
      ...(changes.tasks ?? []).flatMap((t) => guardOf.tasks(t) ?? []),
      ...(changes.walkInQueues ?? []).map((q) => `queue:${q.date}`),
      ...(changes.sofoSlots ?? []).map((slot) => `slot:${slot.id}`),
      ...(changes.anonymousConsultations ?? []).map((a) => `anonymous:${a.id}`)
    ];
    const touchesCaseFile = keys.length > customerKeys.length || (changes.notifications ?? []).length > 0;
    const fits = () => customers.every((c) => versionFits(this.customers.data.customers[c.kdnr], c)) && this.casesFit(changes);
    let queued = 0;
    // All or nothing: `apply` changes memory synchronously, so no other commit sees half of it.
    if (touchesCaseFile && customers.length) {
      // A customer change not yet on disk may still fail; cases.json must not carry it meanwhile. Wait, then lose.
      const unwritten = customers.flatMap((c) => this.unwritten.customers.get(c.kdnr) ?? []);
      if (unwritten.length) return Promise.allSettled(unwritten).then(() => CONFLICT);
    }
    const result = await this.checked(keys, fits, beforeWrite, async () => {
      if (!touchesCaseFile) {
        const written = this.customers.change(() => void this.putCustomers(customers));
        for (const c of customers) {
          this.untilWritten(written, () => this.unwritten.customers.set(c.kdnr, written), () => this.unwritten.customers.get(c.kdnr) === written && this.unwritten.customers.delete(c.kdnr));
        }
        return written;
      }
      const fresh = (changes.notifications ?? []).filter((n) => this.casesDoc.data.notificationKeys[n.key] === undefined);
      queued = fresh.length;
      const written = this.casesDoc.change((data) => this.applyToCaseFile(data, changes, fresh));
      for (const n of fresh) this.untilWritten(written, () => this.unwritten.notifications.add(n.id), () => this.unwritten.notifications.delete(n.id));
      for (const c of customers) this.untilWritten(written, () => this.unwritten.committedCustomers.add(c.kdnr), () => this.unwritten.committedCustomers.delete(c.kdnr));
      await (customers.length ? this.commitAcrossFiles(customerKeys, customers, written) : written);
      if (fresh.length) for (const listener of this.queuedListeners) listener();
    });
    return result.ok ? { ok: true, queued } : result;
  }

  private applyToCaseFile(data: CasesFile, changes: Changes, fresh: readonly Notification[]): void {
    for (const c of changes.cases ?? []) data.cases[c.id] = copy(c);
    for (const c of changes.missedCases ?? []) data.missedCases[c.id] = copy(c);
    for (const p of changes.paymentStops ?? []) data.paymentStops[p.kdnr] = copy(p);
    for (const t of changes.tasks ?? []) data.tasks[t.id] = copy(t);
    for (const e of changes.expenses ?? []) (data.expenses ??= {})[e.id] = copy(e);
    for (const c of changes.newcomerCases ?? []) data.newcomerCases[c.id] = copy(c);
    for (const q of changes.walkInQueues ?? []) data.walkInQueues[q.date] = copy(q);
    for (const slot of changes.sofoSlots ?? []) data.sofoSlots[slot.id] = copy(slot);
    for (const a of changes.anonymousConsultations ?? []) (data.anonymousConsultations ??= {})[a.id] = copy(a);
    for (const c of changes.customers ?? []) (data.committedCustomers ??= {})[c.kdnr] = copy(c);
    this.indexCases(changes);
    for (const n of fresh) {
      data.notifications[n.id] = copy(n);
      data.notificationKeys[n.key] = n.id;
    }
  }

  /**
   * Customers and cases live in two files, and a commit must be one write. Its commit point is cases.json, which carries
   * the changed customers too (`committedCustomers`); only once it is durable do they enter customers.json. Until then
   * their keys stay reserved, so no other commit builds on a customer that may yet fail. Should customers.json fail, its
   * rollback puts them back from cases.json; should the process die, the next start does (`applyCommittedCustomers`).
   */
  private async commitAcrossFiles(customerKeys: readonly string[], customers: readonly Customer[], caseFileWritten: Promise<void>): Promise<void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    for (const k of customerKeys) this.reserved.set(k, held);
    try {
      await caseFileWritten;
      this.putCustomers(customers);
    } finally {
      for (const k of customerKeys) if (this.reserved.get(k) === held) this.reserved.delete(k);
      release();
    }
    try {
      await this.customers.change(() => undefined);
    } catch {
      return; // committed all the same: cases.json holds them, and the rollback of customers.json put them back
    }
    await this.casesDoc
      .change((d) => {
        for (const c of customers) if (d.committedCustomers?.[c.kdnr]?.version === c.version) delete d.committedCustomers[c.kdnr];
      })
      .catch(() => undefined); // left for the next start, which applies only what is newer
  }

  /** Customers committed with cases but not yet in customers.json (a crash, a failed write) go in now. */
  private applyCommittedCustomers(file: CustomersFile): void {
    for (const c of Object.values(this.casesDoc.data.committedCustomers ?? {})) {
      // Only what cases.json holds on disk is committed; an entry whose write is under way may yet fail.
      if (this.unwritten.committedCustomers.has(c.kdnr)) continue;
      if ((file.customers[c.kdnr]?.version ?? 0) < c.version) file.customers[c.kdnr] = copy(c);
    }
  }

  async allNotifications() {
    return Object.values(this.casesDoc.data.notifications).map(copy);
  }

  async allTasks() {
    return Object.values(this.casesDoc.data.tasks).map(copy);
  }

  async purge(ids: PurgeIds) {
    await this.casesDoc.change((d) => {
      const drop = <T extends { kdnr: string }>(all: Record<string, T>, index: ByCustomer, list: readonly string[] = []) => {
        for (const id of list) {
          if (all[id]) index.remove(all[id].kdnr, id);
          delete all[id];
        }
      };
      drop(d.cases, this.byCustomer.cases, ids.cases);
      drop(d.missedCases, this.byCustomer.missedCases, ids.missedCases);
      drop(d.tasks, this.byCustomer.tasks, ids.tasks);
      for (const k of ids.paymentStops ?? []) delete d.paymentStops[k];
      drop(d.newcomerCases, this.byCustomer.newcomerCases, ids.newcomerCases);
      for (const id of ids.sofoSlots ?? []) delete d.sofoSlots[id];
      for (const id of ids.expenses ?? []) delete d.expenses?.[id];
      for (const id of ids.notifications ?? []) {
        const n = d.notifications[id];
        if (n) delete d.notificationKeys[n.key];
        delete d.notifications[id];
      }
    });
    await this.delivery.change((d) => {
      for (const id of ids.notifications ?? []) delete d.deliveries[id];
    });
  }

  async deleteCustomer(kdnr: string) {
    // A commit of this customer under way finishes first, so that it cannot bring the erased record back.
    for (let busy = this.reserved.get(`customer:${kdnr}`); busy; busy = this.reserved.get(`customer:${kdnr}`)) await busy;
    // Erased means erased: also from a commit that cases.json still carries for customers.json.
    if (this.casesDoc.data.committedCustomers?.[kdnr]) await this.casesDoc.change((d) => delete d.committedCustomers?.[kdnr]);
    await this.customers.change((d) => {
      const c = d.customers[kdnr];
      if (c) this.byHb.get(c.hbId)?.delete(kdnr);
      delete d.customers[kdnr];
    });
  }

  async getNotification(id: string) {
    const n = this.casesDoc.data.notifications[id];
    return n && copy(n);
  }

  async getDelivery(id: string) {
    const d = this.delivery.data.deliveries[id];
    return d && copy(d);
  }

  async notificationsOfTask(taskId: string) {
    return Object.values(this.casesDoc.data.notifications).filter((n) => n.subject.kind === 'task' && n.subject.taskId === taskId).map(copy);
  }

  private pending(filter: (n: Notification, d: DeliveryState) => boolean) {
    const found: Array<{ notification: Notification; delivery: DeliveryState }> = [];
    for (const n of Object.values(this.casesDoc.data.notifications)) {
      if (this.unwritten.notifications.has(n.id)) continue; // its commit may still fail
      const delivery: DeliveryState = this.delivery.data.deliveries[n.id] ?? { status: 'pending', attempts: 0, nextAttemptAt: n.createdAt };
      if (delivery.status === 'pending' && filter(n, delivery)) found.push({ notification: copy(n), delivery: copy(delivery) });
    }
    return found.sort((a, b) => a.notification.createdAt.localeCompare(b.notification.createdAt));
  }

  async dueNotifications(now: Date, limit: number) {
    const at = now.toISOString();
    return this.pending((_n, d) => d.nextAttemptAt <= at).slice(0, limit);
  }

  async pendingNotificationsFor(staffId: string) {
    return this.pending((n) => n.recipient.kind === 'staff' && n.recipient.staffId === staffId);
  }

  async saveDelivery(id: string, state: DeliveryState) {
    await this.delivery.change((d) => {
      d.deliveries[id] = copy(state);
    });
  }

  async claimDelivery(id: string, owner: string) {
    if (this.unwritten.notifications.has(id)) return undefined; // its commit may still fail
    const n = this.casesDoc.data.notifications[id];
    const before = this.delivery.data.deliveries[id] ?? (n && { status: 'pending' as const, attempts: 0, nextAttemptAt: n.createdAt });
    if (before?.status !== 'pending') return undefined;
    const claimed: DeliveryState = { ...before, status: 'sending', attempts: before.attempts + 1, owner };
    // Check and set in one synchronous step: no other claim in this process runs in between.
    await this.delivery.change((d) => {
      d.deliveries[id] = claimed;
    });
    return copy(claimed);
  }

  /** The data folder has one owner (its lock): that process is always the one sender. */
  async holdSenderLease() {
    return true;
  }

  async deliveriesWithStatus(status: DeliveryState['status']) {
    return Object.entries(this.delivery.data.deliveries).filter(([, d]) => d.status === status).map(([id, d]) => [id, copy(d)] as [string, DeliveryState]);
  }

  async allDeliveries() {
    return Object.values(this.delivery.data.deliveries).map(copy);
  }

  async outboxSummary() {
    const counts = { pending: 0, sending: 0, sent: 0, dead: 0, unsicher: 0, entfallen: 0 };
    let oldestPendingAt: string | undefined;
    for (const n of Object.values(this.casesDoc.data.notifications)) {
      const status = this.delivery.data.deliveries[n.id]?.status ?? 'pending';
      counts[status]++;
      if (status === 'pending' && (oldestPendingAt === undefined || n.createdAt < oldestPendingAt)) oldestPendingAt = n.createdAt;
    }
    return { counts, ...(oldestPendingAt ? { oldestPendingAt } : {}) };
  }

  async notificationsOfWalkInQueue(date: string) {
    return Object.values(this.casesDoc.data.notifications)
      .filter((n) => n.subject.kind === 'walk-in-queue' && n.subject.date === date)
      .map(copy);
  }

  async recentSends(since: string) {
    const sends: RecordedSend[] = [];
    for (const d of Object.values(this.delivery.data.deliveries)) if (d.calledAt && d.conversationId && d.calledAt >= since) sends.push({ conversationId: d.conversationId, at: d.calledAt });
    return sends.sort((a, b) => a.at.localeCompare(b.at));
  }

  async forgetStaff(staffId: string) {
    await this.conversations.change((d) => {
      delete d.staff[staffId];
    });
  }

  async getStaffRef(staffId: string) {
    const r = this.conversations.data.staff[staffId];
    return r && copy(r);
  }

  async saveStaffRef(staffId: string, ref: ConversationRef) {
    await this.conversations.change((d) => {
      d.staff[staffId] = copy(ref);
    });
  }

  async getChannelRef(channelId: string) {
    const r = this.conversations.data.channels[channelId];
    return r && copy(r);
  }

  async saveChannelRef(channelId: string, ref: ConversationRef) {
    await this.conversations.change((d) => {
      d.channels[channelId] = copy(ref);
    });
  }

  async getTeamChannel(teamId: string) {
    const channelId = this.conversations.data.teamChannels[teamId];
    const ref = channelId ? this.conversations.data.channels[channelId] : undefined;
    return channelId && ref ? { channelId, ref: copy(ref) } : undefined;
  }

  async saveTeamChannel(teamId: string, channelId: string, ref: ConversationRef) {
    await this.conversations.change((d) => {
      d.channels[channelId] = copy(ref);
      d.teamChannels[teamId] = channelId;
    });
  }

  async jobRuns() {
    return { ...this.presence.data.jobRuns };
  }

  async saveJobRun(job: string, slot: string) {
    await this.presence.change((d) => {
      d.jobRuns[job] = slot;
    });
  }

  async claimJobRun(job: string, slot: string) {
    const recorded = this.presence.data.jobRuns[job];
    if (recorded !== undefined && recorded >= slot) return false;
    await this.presence.change((d) => {
      d.jobRuns[job] = slot;
    });
    return true;
  }

  async releaseJobRun(job: string, slot: string, previous: string | undefined) {
    if (this.presence.data.jobRuns[job] !== slot) return;
    await this.presence.change((d) => {
      if (previous === undefined) delete d.jobRuns[job];
      else d.jobRuns[job] = previous;
    });
  }

  async absences() {
    return Object.values(this.presence.data.absences).map(copy);
  }

  async saveAbsence(staffId: string, absence: Absence | undefined) {
    await this.presence.change((d) => {
      if (absence) d.absences[staffId] = copy(absence);
      else delete d.absences[staffId];
    });
  }

  async abDayStates() {
    return Object.values(this.presence.data.abDayStates).map(copy);
  }

  async saveAbDayState(state: AbDayState) {
    await this.presence.change((d) => {
      d.abDayStates[state.staffId] = copy(state);
    });
  }

  async forgetConversation(conversationId: string) {
    const d = this.conversations.data;
    // An uninstall of a conversation we never knew rewrites nothing.
    if (![...Object.values(d.staff), ...Object.values(d.channels)].some((r) => r.conversationId === conversationId)) return;
    await this.conversations.change((d) => {
      for (const [k, r] of Object.entries(d.staff)) if (r.conversationId === conversationId) delete d.staff[k];
      for (const [k, r] of Object.entries(d.channels)) if (r.conversationId === conversationId) delete d.channels[k];
    });
  }

  /**
   * A consistent copy of the data folder while the bot runs (`npm run backup`): every document is serialised in one
   * synchronous step, and commits change memory synchronously, so no commit falls between two files. Written with
   * fsync; the format marker comes along.
   */
  async snapshotTo(folder: string): Promise<void> {
    // Only what is on disk: a change whose write is under way may still fail and be taken back.
    await this.settled();
    const files: Array<[string, string]> = [
      ['customers.json', JSON.stringify(this.customers.data)],
      ['cases.json', JSON.stringify(this.casesDoc.data)],
      ['delivery.json', JSON.stringify(this.delivery.data)],
      ['conversations.json', JSON.stringify(this.conversations.data)],
      ['presence.json', JSON.stringify(this.presence.data)]
    ];
    await mkdir(folder, { recursive: true, mode: 0o700 });
    for (const [name, text] of files) await writeDurably(join(folder, name), text);
    await copyFile(join(this.dir, 'format.json'), join(folder, 'format.json'));
  }

  private documents() {
    return [this.customers, this.casesDoc, this.delivery, this.conversations, this.presence];
  }

  /** Until no document has a change that is not on disk (a busy bot gets a short quiet moment between writes). */
  private async settled(): Promise<void> {
    while (this.documents().some((d) => !d.isWritten)) await Promise.all(this.documents().map((d) => d.flushed()));
  }

  async close() {
    await Promise.all([this.customers.flushed(), this.casesDoc.flushed(), this.delivery.flushed(), this.conversations.flushed(), this.presence.flushed()]);
    this.lock.release();
  }
}
