import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ContactDensityCustomer, Customer } from '../../domain/customer.js';
import type { MissedAppointmentCase, PaymentStop } from '../../domain/missed-appointment.js';
import type { AbDayState, Absence } from '../../domain/presence.js';
import { isAbVisitCase, isU25Case, isVoluntaryCase, type OutreachCaseVariant } from '../../domain/outreach-case.js';
import type { AnonymousConsultation } from '../../domain/anonymous-consultation.js';
import type { Expense } from '../../domain/u25-budget.js';
import type { Task, TaskKind } from '../../domain/task.js';
import type { NewcomerCase } from '../../domain/newcomer-case.js';
import type { SofoSlot } from '../../domain/sofo-slots.js';
import type { WalkInQueue } from '../../domain/walk-in-queue.js';
import type { BeforeWrite, Changes, CommitResult, ConversationRef, DeliveryState, Notification, PurgeIds, RecordedSend, Store } from '../../ports.js';
import { checkedSchema, migrate } from './migrate.js';
import { changeRows, type RecordRow } from './record-collections.js';

export interface PostgresOptions {
  readonly url: string;
  readonly schema: string;
  readonly poolSize?: number;
}

type Queryable = pg.Pool | pg.PoolClient;

/** Everything a store holds, as rows (see record-collections.ts): what `npm run migrate-store` moves. */
export interface StoreSnapshot {
  readonly records: readonly RecordRow[];
  readonly notifications: readonly Notification[];
  readonly deliveries: ReadonlyArray<readonly [string, DeliveryState]>;
}
type Pending = { notification: Notification; delivery: DeliveryState };

/** The commit found a record changed, created or guarded by someone else: the use case reads again. */
class Conflict extends Error {}
const CONFLICT = { ok: false, reason: 'konflikt' } as const;
/** unique_violation, serialization_failure, deadlock_detected: another writer got there first. */
const LOST_RACE = new Set(['23505', '40001', '40P01']);

const pendingOf = (n: Notification, d: DeliveryState | null): DeliveryState => d ?? { status: 'pending', attempts: 0, nextAttemptAt: n.createdAt };

/**
 * The store for several bot instances: every record is a row of `records` (key columns, a jsonb document, a version),
 * the outbox and delivery states have their own tables. Every read parses fresh rows, so only copies cross the port.
 * Commits are transactions whose version checks and invariants hold across processes (row locks, unique indexes).
 */
export class PostgresStore implements Store {
  /** Tells this instance's own NOTIFY apart from those of other instances. */
  private readonly instance = randomUUID();
  private readonly queuedListeners: Array<() => void> = [];
  /** The connection that holds (or tries for) the sender lease. */
  private lease: { client: pg.Client; held: boolean } | undefined;
  /** The connection that LISTENs for other instances' NOTIFY. */
  private listener: pg.Client | undefined;
  private closing = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly connection: pg.ClientConfig
  ) {}

  static async open(options: PostgresOptions): Promise<PostgresStore> {
    const schema = checkedSchema(options.schema);
    const config = { connectionString: options.url, options: `-c search_path=${schema}` };
    const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
    // An idle connection that breaks must not crash the process; the next query gets a fresh one.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool, schema, config);
    try {
      await migrate(pool, schema);
      await store.listen();
    } catch (err) {
      await pool.end();
      throw new Error(`PostgreSQL (${redacted(options.url)}, Schema ${schema}) nicht erreichbar oder nicht migrierbar: ${(err as Error).message}`);
    }
    return store;
  }

  /**
   * Another instance queued notifications: wake this instance's sender. A lost connection is opened again after a second,
   * and the sender is woken then for what it may have missed (it also polls, so a gap only delays).
   */
  private async listen(): Promise<void> {
    const client = new pg.Client(this.connection);
    client.on('error', () => undefined);
    client.on('notification', (msg) => {
      if (msg.payload !== this.instance) this.wake();
    });
    await client.connect();
    try {
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.listener = client;
    client.on('end', () => {
      if (this.listener === client) this.listener = undefined;
      if (!this.closing) this.listenAgain();
    });
  }

  private listenAgain(): void {
    setTimeout(() => {
      if (this.closing) return;
      this.listen().then(
        () => this.wake(),
        () => this.listenAgain()
      );
    }, 1_000).unref();
  }

  private get channel(): string {
    return `${this.schema}_outbox`;
  }

  private wake() {
    for (const listener of this.queuedListeners) listener();
  }

  private async docs<T>(where: string, params: unknown[] = [], db: Queryable = this.pool): Promise<T[]> {
    return (await db.query<{ doc: T }>(prepared(`SELECT doc FROM records WHERE ${where}`, params))).rows.map((r) => r.doc);
  }

  private async one<T>(collection: string, id: string): Promise<T | undefined> {
    return (await this.docs<T>('collection = $1 AND id = $2', [collection, id]))[0];
  }

  /** Unversioned records (references, presence, job runs): the last write wins. */
  private async put(collection: string, id: string, doc: unknown, db: Queryable = this.pool): Promise<void> {
    await db.query('INSERT INTO records (collection, id, version, doc) VALUES ($1, $2, 1, $3) ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, version = records.version + 1', [collection, id, JSON.stringify(doc)]);
  }

  private async remove(collection: string, ids: readonly string[], db: Queryable = this.pool): Promise<void> {
    if (ids.length) await db.query('DELETE FROM records WHERE collection = $1 AND id = ANY($2)', [collection, ids]);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * Check, then `beforeWrite`, then write, in one transaction. The rows to update are locked by the check; new ids and
   * guard keys are held by transaction-scoped advisory locks while `beforeWrite` runs, so a rival commit waits and then
   * loses. The writes are conditional again (version in the WHERE clause, unique indexes), so the database has the last word.
   */
  private async commitRows(rows: readonly RecordRow[], notifications: readonly Notification[], beforeWrite: BeforeWrite | undefined): Promise<CommitResult> {
    try {
      const queued = await this.transaction(async (client) => {
        if (beforeWrite) {
          const keys = [...new Set(rows.flatMap((r) => [`${r.collection}:${r.id}`, ...(r.guard ? [`guard:${r.collection}:${r.guard}`] : [])]))].sort();
          await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1 || k, 0)) FROM unnest($2::text[]) AS k', [`${this.schema}:`, keys]);
        }
        await this.check(client, rows);
        await beforeWrite?.();
        await this.write(client, rows);
        return this.queue(client, notifications);
      });
      if (queued) this.wake();
      return { ok: true, queued };
    } catch (err) {
      if (err instanceof Conflict || LOST_RACE.has((err as { code?: string }).code ?? '')) return CONFLICT;
      throw err;
    }
  }

  private async check(client: pg.PoolClient, rows: readonly RecordRow[]): Promise<void> {
    if (!rows.length) return;
    const stored = await client.query<{ collection: string; id: string; version: number; guard: string | null }>(
      'SELECT r.collection, r.id, r.version, r.guard FROM records r JOIN unnest($1::text[], $2::text[]) AS k(collection, id) USING (collection, id) FOR UPDATE OF r',
      [rows.map((r) => r.collection), rows.map((r) => r.id)]
    );
    const found = new Map(stored.rows.map((r) => [`${r.collection}:${r.id}`, r]));
    for (const r of rows) {
      const version = found.get(`${r.collection}:${r.id}`)?.version;
      if (r.version === 1 ? version !== undefined : version !== r.version - 1) throw new Conflict();
    }
    // Only a record that takes a key it did not hold can collide with another holder.
    const guarded = rows.filter((r) => r.guard !== null && found.get(`${r.collection}:${r.id}`)?.guard !== r.guard);
    if (!guarded.length) return;
    if (new Set(guarded.map((r) => `${r.collection}:${r.guard}`)).size < guarded.length) throw new Conflict();
    const holders = await client.query<{ collection: string; id: string }>(
      'SELECT r.collection, r.id FROM records r JOIN unnest($1::text[], $2::text[]) AS k(collection, guard) USING (collection, guard)',
      [guarded.map((r) => r.collection), guarded.map((r) => r.guard)]
    );
    const changing = new Set(rows.map((r) => `${r.collection}:${r.id}`));
    if (holders.rows.some((h) => !changing.has(`${h.collection}:${h.id}`))) throw new Conflict();
  }

  private async write(client: pg.PoolClient, rows: readonly RecordRow[]): Promise<void> {
    const columns = (list: readonly RecordRow[]) => [list.map((r) => r.collection), list.map((r) => r.id), list.map((r) => r.kdnr), list.map((r) => r.guard), list.map((r) => r.version), list.map((r) => JSON.stringify(r.doc))];
    const source = 'unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS u(collection, id, kdnr, guard, version, doc)';
    const created = rows.filter((r) => r.version === 1);
    const updated = rows.filter((r) => r.version !== 1);
    await this.insert(client, created);
    if (updated.length) {
      const result = await client.query(
        `UPDATE records r SET kdnr = u.kdnr, guard = u.guard, version = u.version, doc = u.doc::jsonb FROM ${source} WHERE r.collection = u.collection AND r.id = u.id AND r.version = u.version - 1`,
        columns(updated)
      );
      if (result.rowCount !== updated.length) throw new Conflict();
    }
  }

  private async insert(client: pg.PoolClient, rows: readonly RecordRow[]): Promise<void> {
    if (!rows.length) return;
    await client.query(
      'INSERT INTO records (collection, id, kdnr, guard, version, doc) SELECT collection, id, kdnr, guard, version, doc::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS u(collection, id, kdnr, guard, version, doc)',
      [rows.map((r) => r.collection), rows.map((r) => r.id), rows.map((r) => r.kdnr), rows.map((r) => r.guard), rows.map((r) => r.version), rows.map((r) => JSON.stringify(r.doc))]
    );
  }

  /**
   * Fills an empty schema with another store's records as they are, versions included (`npm run migrate-store`), in one
   * transaction: a failed migration leaves the schema empty, and a schema that holds data is never written.
   */
  async loadSnapshot(snapshot: StoreSnapshot): Promise<void> {
    await this.transaction(async (client) => {
      const held = await client.query<{ n: string }>('SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM notifications) + (SELECT count(*) FROM deliveries) AS n');
      if (Number(held.rows[0]!.n) > 0) throw new Error(`Das Schema ${this.schema} enthält schon Daten: migriert wird nur in ein leeres Schema.`);
      await this.insert(client, snapshot.records).catch((err: { code?: string; constraint?: string; detail?: string }) => {
        // Two open records under one invariant key (written before lowdb guarded it): the operator decides which stays.
        if (err.code === '23505' && err.constraint === 'records_guard') throw new Error(`Zwei offene Datensätze verletzen eine Regel (${err.detail ?? 'records_guard'}): bitte einen davon vorher abschließen.`);
        throw err;
      });
      await this.queue(client, snapshot.notifications);
      for (const [id, state] of snapshot.deliveries) await this.saveDeliveryWith(client, id, state);
    });
  }

  /** New notifications by idempotency key: a key queued before (by any instance) is skipped. Returns how many are new. */
  private async queue(client: pg.PoolClient, notifications: readonly Notification[]): Promise<number> {
    if (!notifications.length) return 0;
    const inserted = await client.query(
      `INSERT INTO notifications (id, key, created_at, task_id, staff_id, doc)
       SELECT id, key, created_at, task_id, staff_id, doc::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, key, created_at, task_id, staff_id, doc)
       ON CONFLICT DO NOTHING`,
      [
        notifications.map((n) => n.id),
        notifications.map((n) => n.key),
        notifications.map((n) => n.createdAt),
        notifications.map((n) => (n.subject.kind === 'task' ? n.subject.taskId : null)),
        notifications.map((n) => (n.recipient.kind === 'staff' ? n.recipient.staffId : null)),
        notifications.map((n) => JSON.stringify(n))
      ]
    );
    const queued = inserted.rowCount ?? 0;
    // Delivered at COMMIT, to every instance listening on this schema.
    if (queued) await client.query('SELECT pg_notify($1, $2)', [this.channel, this.instance]);
    return queued;
  }

  getCustomer(kdnr: string) {
    return this.one<Customer>('customers', kdnr);
  }

  saveCustomers(customers: readonly Customer[]): Promise<CommitResult> {
    return this.commit({ customers });
  }

  customersOfHb(hbId: string) {
    return this.docs<Customer>("collection = 'customers' AND doc ->> 'hbId' = $1 ORDER BY id", [hbId]);
  }

  /** Without the attempts the database converts and sends a fraction of each document (jsonb output is the cost here). */
  async contactDensityCustomersOfHb(hbId: string) {
    const rows = await this.pool.query<{ doc: ContactDensityCustomer }>(prepared("SELECT doc - 'attempts' AS doc FROM records WHERE collection = 'customers' AND doc ->> 'hbId' = $1", [hbId]));
    return rows.rows.map((r) => r.doc);
  }

  customersByNumbers(kdnrs: readonly string[]) {
    return this.docs<Customer>("collection = 'customers' AND id = ANY($1) ORDER BY id", [[...kdnrs]]);
  }

  allCustomers() {
    return this.docs<Customer>("collection = 'customers' ORDER BY id");
  }

  /** One statement over the per-customer index (records_by_kdnr): the customer row carries its own number as kdnr. */
  async customerRecords(kdnr: string) {
    const rows = (await this.pool.query<{ collection: string; doc: unknown }>(prepared("SELECT collection, doc FROM records WHERE collection IN ('customers', 'cases', 'tasks') AND kdnr = $1", [kdnr]))).rows;
    const of = <T>(collection: string) => rows.filter((r) => r.collection === collection).map((r) => r.doc as T);
    const [customer] = of<Customer>('customers');
    return customer && { customer, cases: of<OutreachCaseVariant>('cases'), tasks: of<Task>('tasks') };
  }

  private async variants(where: string, params: unknown[] = []) {
    return this.docs<OutreachCaseVariant>(`collection = 'cases' AND ${where}`, params);
  }

  async getCase(id: string) {
    return (await this.variants('id = $1', [id])).filter(isAbVisitCase)[0];
  }

  async casesByIds(ids: readonly string[]) {
    return (await this.variants('id = ANY($1)', [[...ids]])).filter(isAbVisitCase);
  }

  async casesOfCustomer(kdnr: string) {
    return (await this.variants('kdnr = $1', [kdnr])).filter(isAbVisitCase);
  }

  async casesForWeek(weekKey: string) {
    const week = `doc ->> 'targetWeek' COLLATE "C"`;
    return (await this.variants(`doc ->> 'approach' = 'ab-besuch' AND CASE WHEN doc ->> 'status' = 'vorgemerkt' THEN ${week} <= $1 ELSE ${week} = $1 END`, [weekKey])).filter(isAbVisitCase);
  }

  async getU25Case(id: string) {
    return (await this.variants('id = $1', [id])).filter(isU25Case)[0];
  }

  async u25CasesOfCustomer(kdnr: string) {
    return (await this.variants('kdnr = $1', [kdnr])).filter(isU25Case);
  }

  async allU25Cases() {
    return (await this.variants("doc ->> 'approach' = 'u25-aktivierung'")).filter(isU25Case);
  }

  expensesOf(staffId: string, month: string) {
    return this.docs<Expense>("collection = 'expenses' AND doc ->> 'staffId' = $1 AND starts_with(doc ->> 'date', $2)", [staffId, `${month}-`]);
  }

  getTask(id: string) {
    return this.one<Task>('tasks', id);
  }

  openTasksOf(staffId: string) {
    return this.docs<Task>("collection = 'tasks' AND doc ->> 'status' = 'offen' AND doc -> 'assigneeIds' @> jsonb_build_array($1::text)", [staffId]);
  }

  openTasksOfKinds(kinds: readonly TaskKind[]) {
    return this.docs<Task>("collection = 'tasks' AND doc ->> 'status' = 'offen' AND doc ->> 'kind' = ANY($1)", [[...kinds]]);
  }

  tasksOfCustomer(kdnr: string) {
    return this.docs<Task>("collection = 'tasks' AND kdnr = $1", [kdnr]);
  }

  async allCases() {
    return (await this.variants("doc ->> 'approach' = 'ab-besuch'")).filter(isAbVisitCase);
  }

  async casesOfHbs(hbIds: readonly string[]) {
    return (await this.variants("doc ->> 'approach' = 'ab-besuch' AND doc ->> 'hbId' = ANY($1)", [[...hbIds]])).filter(isAbVisitCase);
  }

  async casesAwaitingAttendance(today: string) {
    const where = `doc ->> 'approach' = 'ab-besuch' AND doc -> 'visit' IS NOT NULL AND doc -> 'attendance' IS NULL AND doc -> 'visit' ->> 'appointmentDate' COLLATE "C" < $1`;
    return (await this.variants(where, [today])).filter(isAbVisitCase);
  }

  callbacksOfTeam(teamId: string, from: string, to: string) {
    const reported = `doc ->> 'reportedAt' COLLATE "C"`;
    return this.docs<MissedAppointmentCase>(`collection = 'missedCases' AND doc ->> 'kind' = 'rueckruf' AND doc ->> 'team' = $1 AND ${reported} >= $2 AND ${reported} < $3`, [teamId, from, to]);
  }

  allMissedCases() {
    return this.docs<MissedAppointmentCase>("collection = 'missedCases'");
  }

  getMissedCase(id: string) {
    return this.one<MissedAppointmentCase>('missedCases', id);
  }

  missedCasesOfCustomer(kdnr: string) {
    return this.docs<MissedAppointmentCase>("collection = 'missedCases' AND kdnr = $1", [kdnr]);
  }

  unclaimedCallbacks() {
    return this.docs<MissedAppointmentCase>("collection = 'missedCases' AND doc ->> 'kind' = 'rueckruf' AND doc ->> 'status' = 'offen'");
  }

  getPaymentStop(kdnr: string) {
    return this.one<PaymentStop>('paymentStops', kdnr);
  }

  getNewcomerCase(id: string) {
    return this.one<NewcomerCase>('newcomerCases', id);
  }

  newcomerCasesOfCustomer(kdnr: string) {
    return this.docs<NewcomerCase>("collection = 'newcomerCases' AND kdnr = $1", [kdnr]);
  }

  allNewcomerCases() {
    return this.docs<NewcomerCase>("collection = 'newcomerCases'");
  }

  getWalkInQueue(date: string) {
    return this.one<WalkInQueue>('walkInQueues', date);
  }

  walkInQueuesBetween(from: string, to: string) {
    return this.docs<WalkInQueue>(`collection = 'walkInQueues' AND id COLLATE "C" >= $1 AND id COLLATE "C" < $2`, [from, to]);
  }

  allWalkInQueues() {
    return this.docs<WalkInQueue>("collection = 'walkInQueues'");
  }

  sofoSlotsOfCustomer(kdnr: string) {
    return this.docs<SofoSlot>("collection = 'sofoSlots' AND kdnr = $1", [kdnr]);
  }

  async getVoluntaryCase(id: string) {
    return (await this.variants('id = $1', [id])).filter(isVoluntaryCase)[0];
  }

  async voluntaryCasesOfCustomer(kdnr: string) {
    return (await this.variants('kdnr = $1', [kdnr])).filter(isVoluntaryCase);
  }

  async allVoluntaryCases() {
    return (await this.variants("doc ->> 'approach' IN ('hausbesuch', 'walk-and-talk', 'begleitung')")).filter(isVoluntaryCase);
  }

  anonymousConsultations(week: string) {
    return this.docs<AnonymousConsultation>("collection = 'anonymousConsultations' AND doc ->> 'week' = $1", [week]);
  }

  expensesBefore(date: string) {
    return this.docs<Expense>(`collection = 'expenses' AND doc ->> 'date' COLLATE "C" < $1`, [date]);
  }

  sofoSlotsFrom(date: string) {
    return this.docs<SofoSlot>(`collection = 'sofoSlots' AND doc ->> 'date' COLLATE "C" >= $1`, [date]);
  }

  /** One transaction; deleting what is already gone is a no-op, so an interrupted purge is simply run again. */
  async purge(ids: PurgeIds) {
    await this.transaction(async (client) => {
      await this.remove('cases', ids.cases ?? [], client);
      await this.remove('missedCases', ids.missedCases ?? [], client);
      await this.remove('tasks', ids.tasks ?? [], client);
      await this.remove('paymentStops', ids.paymentStops ?? [], client);
      await this.remove('newcomerCases', ids.newcomerCases ?? [], client);
      await this.remove('sofoSlots', ids.sofoSlots ?? [], client);
      await this.remove('expenses', ids.expenses ?? [], client);
      if (ids.notifications?.length) {
        await client.query('DELETE FROM notifications WHERE id = ANY($1)', [ids.notifications]);
        await client.query('DELETE FROM deliveries WHERE id = ANY($1)', [ids.notifications]);
      }
    });
  }

  async deleteCustomer(kdnr: string) {
    await this.remove('customers', [kdnr]);
  }

  commit(changes: Changes, beforeWrite?: BeforeWrite): Promise<CommitResult> {
    return this.commitRows(changeRows(changes), changes.notifications ?? [], beforeWrite);
  }

  onNotificationsQueued(listener: () => void): void {
    this.queuedListeners.push(listener);
  }

  async getNotification(id: string) {
    return (await this.pool.query<{ doc: Notification }>('SELECT doc FROM notifications WHERE id = $1', [id])).rows[0]?.doc;
  }

  async allNotifications() {
    return (await this.pool.query<{ doc: Notification }>('SELECT doc FROM notifications ORDER BY created_at, seq')).rows.map((r) => r.doc);
  }

  allTasks() {
    return this.docs<Task>("collection = 'tasks'");
  }

  async getDelivery(id: string) {
    return (await this.pool.query<{ doc: DeliveryState }>('SELECT doc FROM deliveries WHERE id = $1', [id])).rows[0]?.doc;
  }

  async notificationsOfTask(taskId: string) {
    return (await this.pool.query<{ doc: Notification }>('SELECT doc FROM notifications WHERE task_id = $1 ORDER BY created_at, seq', [taskId])).rows.map((r) => r.doc);
  }

  /** Pending notifications (no delivery row yet counts as pending since creation), oldest first. */
  private async pending(where: string, params: unknown[], limit?: number): Promise<Pending[]> {
    const rows = await this.pool.query<{ n: Notification; d: DeliveryState | null }>(
      `SELECT n.doc AS n, d.doc AS d FROM notifications n LEFT JOIN deliveries d ON d.id = n.id
       WHERE coalesce(d.status, 'pending') = 'pending' AND ${where} ORDER BY n.created_at, n.seq ${limit === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(limit))}`}`,
      params
    );
    return rows.rows.map((r) => ({ notification: r.n, delivery: pendingOf(r.n, r.d) }));
  }

  dueNotifications(now: Date, limit: number) {
    return this.pending('coalesce(d.next_attempt_at, n.created_at) <= $1', [now.toISOString()], limit);
  }

  pendingNotificationsFor(staffId: string) {
    return this.pending('n.staff_id = $1', [staffId]);
  }

  saveDelivery(id: string, state: DeliveryState) {
    return this.saveDeliveryWith(this.pool, id, state);
  }

  private async saveDeliveryWith(db: Queryable, id: string, state: DeliveryState) {
    await db.query(
      'INSERT INTO deliveries (id, status, next_attempt_at, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, next_attempt_at = EXCLUDED.next_attempt_at, doc = EXCLUDED.doc',
      [id, state.status, state.nextAttemptAt, JSON.stringify(state)]
    );
  }

  /**
   * pending → sending as one statement: a first attempt inserts the row (a rival insert finds it and does nothing), a
   * retry updates it only while it is still pending. Exactly one of several claimers gets a row back.
   */
  async claimDelivery(id: string, owner: string) {
    const claimed = await this.pool.query<{ doc: DeliveryState }>(
      `INSERT INTO deliveries (id, status, next_attempt_at, doc)
         SELECT n.id, 'sending', n.created_at, jsonb_build_object('status', 'sending', 'attempts', 1, 'nextAttemptAt', n.created_at, 'owner', $2::text)
         FROM notifications n WHERE n.id = $1
       ON CONFLICT (id) DO UPDATE SET status = 'sending',
         doc = deliveries.doc || jsonb_build_object('status', 'sending', 'attempts', (deliveries.doc ->> 'attempts')::int + 1, 'owner', $2::text)
         WHERE deliveries.status = 'pending'
       RETURNING doc`,
      [id, owner]
    );
    return claimed.rows[0]?.doc;
  }

  /**
   * A session-level advisory lock on a connection of its own: held while this process lives and that connection stands.
   * When the holder dies (kill -9, network), PostgreSQL ends its session and the lock is free for the next instance.
   */
  async holdSenderLease(): Promise<boolean> {
    if (this.lease?.held) {
      // A session can end without a word (a network split, a restarted database): ask it before every pass.
      const lease = this.lease;
      const alive = await lease.client.query('SELECT 1').then(() => true, () => false);
      if (alive) return true;
      if (this.lease === lease) this.lease = undefined;
      void lease.client.end().catch(() => undefined);
      return false;
    }
    if (!this.lease) {
      // Keepalives both ways: a holder cut off from the database learns it within seconds, and the database frees the
      // lock of a holder it can no longer reach (otherwise after the kernel's two hours) so another instance takes over.
      const client = new pg.Client({ ...this.connection, keepAlive: true, keepAliveInitialDelayMillis: 10_000, query_timeout: 10_000 });
      const lease = { client, held: false };
      client.on('error', () => {
        if (this.lease === lease) this.lease = undefined;
      });
      await client.connect();
      await client.query('SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3; SET tcp_user_timeout = 20000');
      this.lease = lease;
    }
    const lease = this.lease;
    lease.held = (await lease.client.query<{ got: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got', [`${this.schema}:sender`])).rows[0]!.got;
    return lease.held;
  }

  async deliveriesWithStatus(status: DeliveryState['status']) {
    return (await this.pool.query<{ id: string; doc: DeliveryState }>('SELECT id, doc FROM deliveries WHERE status = $1', [status])).rows.map((r) => [r.id, r.doc] as [string, DeliveryState]);
  }

  async recentSends(since: string) {
    const rows = await this.pool.query<RecordedSend>(
      `SELECT doc ->> 'conversationId' AS "conversationId", doc ->> 'calledAt' AS at FROM deliveries
       WHERE (doc ->> 'calledAt') COLLATE "C" >= $1 AND doc ? 'conversationId' ORDER BY 2`,
      [since]
    );
    return rows.rows;
  }

  async outboxSummary() {
    const counts = { pending: 0, sending: 0, sent: 0, dead: 0, unsicher: 0, entfallen: 0 };
    const rows = await this.pool.query<{ status: DeliveryState['status']; n: string; oldest: string | null }>(
      `SELECT coalesce(d.status, 'pending') AS status, count(*) AS n, min(n.created_at) AS oldest
       FROM notifications n LEFT JOIN deliveries d ON d.id = n.id GROUP BY 1`
    );
    for (const r of rows.rows) counts[r.status] = Number(r.n);
    const oldestPendingAt = rows.rows.find((r) => r.status === 'pending')?.oldest ?? undefined;
    return { counts, ...(oldestPendingAt ? { oldestPendingAt } : {}) };
  }

  async notificationsOfWalkInQueue(date: string) {
    const found = await this.pool.query<{ doc: Notification }>("SELECT doc FROM notifications WHERE doc -> 'subject' ->> 'kind' = 'walk-in-queue' AND doc -> 'subject' ->> 'date' = $1 ORDER BY created_at, seq", [date]);
    return found.rows.map((r) => r.doc);
  }

  async allDeliveries() {
    return (await this.pool.query<{ doc: DeliveryState }>('SELECT doc FROM deliveries')).rows.map((r) => r.doc);
  }

  getStaffRef(staffId: string) {
    return this.one<ConversationRef>('staffRefs', staffId);
  }

  saveStaffRef(staffId: string, ref: ConversationRef) {
    return this.put('staffRefs', staffId, ref);
  }

  forgetStaff(staffId: string) {
    return this.remove('staffRefs', [staffId]);
  }

  getChannelRef(channelId: string) {
    return this.one<ConversationRef>('channelRefs', channelId);
  }

  saveChannelRef(channelId: string, ref: ConversationRef) {
    return this.put('channelRefs', channelId, ref);
  }

  async getTeamChannel(teamId: string) {
    const found = await this.pool.query<{ channel_id: string; ref: ConversationRef }>(
      "SELECT c.id AS channel_id, c.doc AS ref FROM records t JOIN records c ON c.collection = 'channelRefs' AND c.id = t.doc ->> 'channelId' WHERE t.collection = 'teamChannels' AND t.id = $1",
      [teamId]
    );
    const row = found.rows[0];
    return row && { channelId: row.channel_id, ref: row.ref };
  }

  async saveTeamChannel(teamId: string, channelId: string, ref: ConversationRef) {
    await this.transaction(async (client) => {
      await this.put('channelRefs', channelId, ref, client);
      await this.put('teamChannels', teamId, { channelId }, client);
    });
  }

  async forgetConversation(conversationId: string) {
    await this.pool.query("DELETE FROM records WHERE collection IN ('staffRefs', 'channelRefs') AND doc ->> 'conversationId' = $1", [conversationId]);
  }

  async jobRuns() {
    const rows = await this.pool.query<{ id: string; slot: string }>("SELECT id, doc ->> 'slot' AS slot FROM records WHERE collection = 'jobRuns'");
    return Object.fromEntries(rows.rows.map((r) => [r.id, r.slot]));
  }

  saveJobRun(job: string, slot: string) {
    return this.put('jobRuns', job, { slot });
  }

  /** One statement: the row is locked while the WHERE is decided, so of several instances exactly one moves the slot. */
  async claimJobRun(job: string, slot: string) {
    const claimed = await this.pool.query(
      `INSERT INTO records (collection, id, version, doc) VALUES ('jobRuns', $1, 1, jsonb_build_object('slot', $2::text))
       ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc, version = records.version + 1
       WHERE (records.doc ->> 'slot') COLLATE "C" < $2::text COLLATE "C"`,
      [job, slot]
    );
    return claimed.rowCount === 1;
  }

  async releaseJobRun(job: string, slot: string, previous: string | undefined) {
    if (previous === undefined) await this.pool.query("DELETE FROM records WHERE collection = 'jobRuns' AND id = $1 AND doc ->> 'slot' = $2", [job, slot]);
    else await this.pool.query("UPDATE records SET doc = jsonb_build_object('slot', $3::text), version = version + 1 WHERE collection = 'jobRuns' AND id = $1 AND doc ->> 'slot' = $2", [job, slot, previous]);
  }

  absences() {
    return this.docs<Absence>("collection = 'absences'");
  }

  async saveAbsence(staffId: string, absence: Absence | undefined) {
    if (absence) await this.put('absences', staffId, absence);
    else await this.remove('absences', [staffId]);
  }

  abDayStates() {
    return this.docs<AbDayState>("collection = 'abDayStates'");
  }

  saveAbDayState(state: AbDayState) {
    return this.put('abDayStates', state.staffId, state);
  }

  async close() {
    this.closing = true;
    await this.lease?.client.end().catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }
}

const statementNames = new Map<string, string>();

/**
 * A named statement: each pooled connection parses and plans it once and then only binds values, which saves the
 * database and the bot a parse per call on the hot reads (one or two per turn). The name stands for the text.
 */
function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `r${statementNames.size}`));
  return { name, text, values };
}

/** The connection string without its password, for error messages. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
