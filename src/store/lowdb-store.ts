import { join } from 'node:path';
import type { Customer } from '../domain/customer.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import type { Task } from '../domain/task.js';
import type { CaseChanges, CommitResult, ConversationRef, DeliveryState, Notification, Store, Versioned } from '../ports.js';
import { CoalescedDocument } from './coalesced-document.js';

interface CustomersFile {
  customers: Record<string, Customer>;
}
interface CasesFile {
  cases: Record<string, OutreachCase>;
  tasks: Record<string, Task>;
  notifications: Record<string, Notification>;
  /** Idempotency keys of notifications ever created → their id. */
  notificationKeys: Record<string, string>;
}
interface DeliveryFile {
  deliveries: Record<string, DeliveryState>;
}
interface ConversationsFile {
  staff: Record<string, ConversationRef>;
  channels: Record<string, ConversationRef>;
}

const copy = <T>(value: T): T => structuredClone(value);
const CONFLICT: CommitResult = { ok: false, reason: 'konflikt' };

/** A new record must not exist; an update must find the version just before its own. */
function versionFits(stored: Versioned | undefined, next: Versioned): boolean {
  return next.version === 1 ? stored === undefined : stored?.version === next.version - 1;
}
const customerVersion = (c: Customer | undefined): Versioned | undefined => c && { id: c.kdnr, version: c.version };

/**
 * The embedded store: several small JSON files so that the churn of one (delivery state) never rewrites
 * another (customers). Each use case writes exactly one file, so each commit is one durable write.
 */
export class LowdbStore implements Store {
  private constructor(
    private readonly customers: CoalescedDocument<CustomersFile>,
    private readonly casesDoc: CoalescedDocument<CasesFile>,
    private readonly delivery: CoalescedDocument<DeliveryFile>,
    private readonly conversations: CoalescedDocument<ConversationsFile>
  ) {}

  static async open(dir: string): Promise<LowdbStore> {
    return new LowdbStore(
      await CoalescedDocument.open<CustomersFile>(join(dir, 'customers.json'), { customers: {} }),
      await CoalescedDocument.open<CasesFile>(join(dir, 'cases.json'), { cases: {}, tasks: {}, notifications: {}, notificationKeys: {} }),
      await CoalescedDocument.open<DeliveryFile>(join(dir, 'delivery.json'), { deliveries: {} }),
      await CoalescedDocument.open<ConversationsFile>(join(dir, 'conversations.json'), { staff: {}, channels: {} })
    );
  }

  async getCustomer(kdnr: string) {
    const c = this.customers.data.customers[kdnr];
    return c && copy(c);
  }

  async saveCustomer(customer: Customer): Promise<CommitResult> {
    const all = this.customers.data.customers;
    if (!versionFits(customerVersion(all[customer.kdnr]), customerVersion(customer)!)) return CONFLICT;
    await this.customers.change((d) => {
      d.customers[customer.kdnr] = copy(customer);
    });
    return { ok: true };
  }

  async getCase(id: string) {
    const c = this.casesDoc.data.cases[id];
    return c && copy(c);
  }

  async casesOfCustomer(kdnr: string) {
    return Object.values(this.casesDoc.data.cases).filter((c) => c.kdnr === kdnr).map(copy);
  }

  async casesForWeek(weekKey: string) {
    return Object.values(this.casesDoc.data.cases)
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

  async tasksOfCustomer(kdnr: string) {
    return Object.values(this.casesDoc.data.tasks).filter((t) => t.kdnr === kdnr).map(copy);
  }

  async commitCases(changes: CaseChanges): Promise<CommitResult> {
    const d = this.casesDoc.data;
    // Check everything first, then apply everything: all or nothing, with no await in between.
    if (!(changes.cases ?? []).every((c) => versionFits(d.cases[c.id], c))) return CONFLICT;
    if (!(changes.tasks ?? []).every((t) => versionFits(d.tasks[t.id], t))) return CONFLICT;
    const fresh = (changes.notifications ?? []).filter((n) => d.notificationKeys[n.key] === undefined);
    await this.casesDoc.change((data) => {
      for (const c of changes.cases ?? []) data.cases[c.id] = copy(c);
      for (const t of changes.tasks ?? []) data.tasks[t.id] = copy(t);
      for (const n of fresh) {
        data.notifications[n.id] = copy(n);
        data.notificationKeys[n.key] = n.id;
      }
    });
    return { ok: true };
  }

  async getNotification(id: string) {
    const n = this.casesDoc.data.notifications[id];
    return n && copy(n);
  }

  private pending(filter: (n: Notification, d: DeliveryState) => boolean) {
    const found: Array<{ notification: Notification; delivery: DeliveryState }> = [];
    for (const n of Object.values(this.casesDoc.data.notifications)) {
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

  async forgetConversation(conversationId: string) {
    await this.conversations.change((d) => {
      for (const [k, r] of Object.entries(d.staff)) if (r.conversationId === conversationId) delete d.staff[k];
      for (const [k, r] of Object.entries(d.channels)) if (r.conversationId === conversationId) delete d.channels[k];
    });
  }

  async close() {
    await Promise.all([this.customers.flushed(), this.casesDoc.flushed(), this.delivery.flushed(), this.conversations.flushed()]);
  }
}
