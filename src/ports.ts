import type { LocalDate } from './domain/berlin-time.js';
import type { ContactDensityCustomer, Customer } from './domain/customer.js';
import type { MissedAppointmentCase, PaymentStop } from './domain/missed-appointment.js';
import type { AbDayState, Absence } from './domain/presence.js';
import type { CustomerNumber } from './domain/customer-number.js';
import type { OutreachCase, OutreachCaseVariant } from './domain/outreach-case.js';
import type { Expense } from './domain/u25-budget.js';
import type { U25OutreachCase } from './domain/u25-case.js';
import type { VoluntaryOutreachCase } from './domain/voluntary-case.js';
import type { AnonymousConsultation } from './domain/anonymous-consultation.js';
import type { StaffId } from './domain/staff.js';
import type { Task, TaskKind } from './domain/task.js';
import type { NewcomerCase } from './domain/newcomer-case.js';
import type { SofoSlot } from './domain/sofo-slots.js';
import type { WalkInQueue } from './domain/walk-in-queue.js';

/** Time is injected everywhere; nothing reads the system clock directly. */
export interface Clock {
  now(): Date;
}

/** The card templates in `cards/`, by file name. */
export type CardName =
  | 'ab-task'
  | 'ab-plan'
  | 'customer-status'
  | 'flag-form'
  | 'result-task'
  | 'task-list'
  | 'visit-form'
  | 'follow-up-task'
  | 'claim-task'
  | 'talk-form'
  | 'callback-offer'
  | 'due-contacts'
  | 'flag-reminder'
  | 'digest'
  | 'attendance-task'
  | 'intensive-task'
  | 'u25-handover-form'
  | 'u25-task'
  | 'u25-case'
  | 'u25-reminder'
  | 'u25-budget-statement'
  | 'u25-evaluation'
  | 'newcomer-form'
  | 'newcomer-route'
  | 'walk-in-queue'
  | 'first-talk-form'
  | 'help'
  | 'voluntary-task'
  | 'voluntary-result-form'
  | 'voluntary-plan';

export type Recipient = { readonly kind: 'staff'; readonly staffId: StaffId } | { readonly kind: 'channel'; readonly channelId: string };

export type NotificationSubject =
  | { readonly kind: 'task'; readonly taskId: string }
  /** The daily reminder of due and overdue contacts (seed 003) of one IFK. */
  | { readonly kind: 'due-contacts'; readonly staffId: StaffId; readonly date: LocalDate }
  /** Thursday morning: flags for AB until end of service today (seed 000 §2). */
  | { readonly kind: 'flag-reminder'; readonly date: LocalDate }
  /** Monday morning: last week's digest for one team's channel. */
  | { readonly kind: 'digest'; readonly teamId: string; readonly week: string }
  /** seed 001: the activation phase of a U25 case ends in a month (vorwarnung) or now (ende). */
  | { readonly kind: 'u25-reminder'; readonly caseId: string; readonly stage: 'vorwarnung' | 'ende'; readonly end: LocalDate }
  /** seed 001: an aB-pAp's expenses of one month (YYYY-MM), to submit with the receipts. */
  | { readonly kind: 'u25-budget-statement'; readonly staffId: StaffId; readonly month: string }
  /** seed 001: the evaluation an aB-pAp sent to a team lead ("den TL bei Bedarf zur Verfügung gestellt"). */
  | { readonly kind: 'u25-evaluation'; readonly sentBy: StaffId; readonly date: LocalDate }
  /** seed 004: the day's walk-in queue of the Sofortvermittlung, one card updated in place. */
  | { readonly kind: 'walk-in-queue'; readonly date: LocalDate };

/** A message the bot owes someone; stored in the same write as the change that caused it. */
export interface Notification {
  readonly id: string;
  /** Derived from the cause (e.g. task id + event): the same cause never yields two notifications. */
  readonly key: string;
  readonly recipient: Recipient;
  readonly card: CardName;
  /** What the card is about, by id only; the sender renders it from the current records when it sends. */
  readonly subject: NotificationSubject;
  readonly createdAt: string;
  /** Set for an in-place update: the notification whose sent card this one replaces (e.g. "übernommen von …"). */
  readonly updateOf?: string;
}

export interface DeliveryState {
  /**
   * pending: owed; sending: the HTTP call is under way; sent; dead: given up (permanent error or too many attempts);
   * unsicher: it is not known whether Teams got it (the process died during the call, or Teams answered without a
   * message id) — never sent again; entfallen: an update whose card never reached anyone, so there is nothing to replace.
   */
  readonly status: 'pending' | 'sending' | 'sent' | 'dead' | 'unsicher' | 'entfallen';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError?: string;
  /** The HTTP status of the last failed attempt (none when no answer came). */
  readonly lastHttpStatus?: number;
  readonly lastAttemptAt?: string;
  readonly sentAt?: string;
  /** The id Teams gave the sent message, so that it can be updated in place later. */
  readonly activityId?: string;
  /** The sender instance that claimed the last attempt (several bot instances may drain one outbox). */
  readonly owner?: string;
  /**
   * When the last attempt called the connector (the machine's real time, not the business clock) and into which
   * conversation: Teams counts that call against the conversation's and the app's limits, whatever its answer, so a
   * sender that takes over seeds its limiter from these (Outbox.recentSends).
   */
  readonly calledAt?: string;
  readonly conversationId?: string;
}

/** One call to the connector, as the rate limits count it. */
export interface RecordedSend {
  readonly conversationId: string;
  /** ISO instant, machine time. */
  readonly at: string;
}

/** Where the bot can reach a person or a channel proactively: only what a send needs. */
export interface ConversationRef {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly conversationId: string;
  readonly conversationType?: string;
  readonly tenantId?: string;
  readonly botId?: string;
  readonly updatedAt: string;
}

/** Everything one use case changes, committed in one write, all or nothing. */
export interface Changes {
  /** New records carry version 1; an update carries the next version and must find the previous one stored. */
  readonly customers?: readonly Customer[];
  readonly cases?: readonly OutreachCaseVariant[];
  readonly missedCases?: readonly MissedAppointmentCase[];
  readonly paymentStops?: readonly PaymentStop[];
  readonly tasks?: readonly Task[];
  readonly notifications?: readonly Notification[];
  /** seed 001: aB-pAp expenses (new records only). */
  readonly expenses?: readonly Expense[];
  /** seed 004: new customers' cases, the day's walk-in queue (by date) and booked appointments (by slot id). */
  readonly newcomerCases?: readonly NewcomerCase[];
  readonly walkInQueues?: readonly WalkInQueue[];
  readonly sofoSlots?: readonly SofoSlot[];
  /** seed 002 §6: anonymous consultations, counted only (new records only, no Kundennummer). */
  readonly anonymousConsultations?: readonly AnonymousConsultation[];
}

export interface PurgeIds {
  readonly cases?: readonly string[];
  readonly missedCases?: readonly string[];
  readonly tasks?: readonly string[];
  readonly notifications?: readonly string[];
  /** By Kundennummer. */
  readonly paymentStops?: readonly string[];
  /** seed 004: new customers' cases and their booked appointments (by slot id). */
  readonly newcomerCases?: readonly string[];
  readonly sofoSlots?: readonly string[];
  /** seed 001: aB-pAp expenses. */
  readonly expenses?: readonly string[];
}

/** One customer and the records a per-customer command reads first, from one read. */
export interface CustomerRecords {
  readonly customer: Customer;
  /** Every outreach case of the customer, all variants (AB visit, U25, voluntary). */
  readonly cases: readonly OutreachCaseVariant[];
  readonly tasks: readonly Task[];
}

/** `queued`: notifications new to the outbox (one whose key was queued before is not queued again). */
export type CommitResult = { ok: true; queued: number } | { ok: false; reason: 'konflikt' };

/**
 * Runs once the changes are known to fit (versions match, and no other commit for the same records is under way) and
 * before anything is written: the decision's audit line is made durable here. If it throws, nothing is written.
 */
export type BeforeWrite = () => Promise<void>;

/**
 * The store, by concern. A use case reads through the repositories and writes everything it changes with one `commit`;
 * both adapters (lowdb, PostgreSQL) keep the same promises (test/store/store-contract.ts). Reads return copies.
 */
export interface Store extends CustomerRepository, CaseRepository, Outbox, ConversationDirectory, JobSchedule, PresenceBook {
  /**
   * One durable write: every record a use case changes (customers included) and the notifications they cause, all or
   * nothing. The invariants of invariants.ts are checked inside it (a rival commit loses with `konflikt`).
   */
  commit(changes: Changes, beforeWrite?: BeforeWrite): Promise<CommitResult>;
  /**
   * Delete records for good (retention, erasure): from the case file, and their delivery states. Idempotent: what is
   * already gone is skipped, so an interrupted purge is simply run again.
   */
  purge(ids: PurgeIds): Promise<void>;
  close(): Promise<void>;
}

export interface CustomerRepository {
  getCustomer(kdnr: CustomerNumber): Promise<Customer | undefined>;
  /** The import: many customers in one durable write, all or nothing (a use case commits with `commit`). */
  saveCustomers(customers: readonly Customer[]): Promise<CommitResult>;
  /** One HB's customers (the due list). */
  customersOfHb(hbId: StaffId): Promise<readonly Customer[]>;
  /**
   * One HB's customers as the due list reads them (no contact attempts), in no particular order: the due list of every
   * IFK is computed daily and on `/faellig`, and attempts are most of a customer in the AB process.
   */
  contactDensityCustomersOfHb(hbId: StaffId): Promise<readonly ContactDensityCustomer[]>;
  /** Several customers by Kundennummer in one read (a list shows one row per customer); unknown ones are left out. */
  customersByNumbers(kdnrs: readonly CustomerNumber[]): Promise<Customer[]>;
  /** Every customer (export, retention, migration: not for a command's turn). */
  allCustomers(): Promise<readonly Customer[]>;
  /**
   * Copies of one customer with their outreach cases and tasks, undefined for an unknown customer. Every per-customer
   * command (the status card first) starts here: on PostgreSQL one round trip instead of one per kind of record.
   */
  customerRecords(kdnr: CustomerNumber): Promise<CustomerRecords | undefined>;
  /** Delete a customer record (erasure on request). */
  deleteCustomer(kdnr: CustomerNumber): Promise<void>;
}

/** The cases of every process, their tasks, and what belongs to them (payment stops, expenses, queues, slots). */
export interface CaseRepository {
  /** The AB visit cases (approach 'ab-besuch'); the U25 variant has its own readers below. */
  getCase(id: string): Promise<OutreachCase | undefined>;
  /** Several outreach cases by id in one read; unknown ids are left out. */
  casesByIds(ids: readonly string[]): Promise<OutreachCase[]>;
  casesOfCustomer(kdnr: CustomerNumber): Promise<OutreachCase[]>;
  /** Cases still to be visited whose target week is this one or earlier, and those visited in this week. */
  casesForWeek(weekKey: string): Promise<OutreachCase[]>;

  /** seed 001: the U25 variant of the outreach case. */
  getU25Case(id: string): Promise<U25OutreachCase | undefined>;
  u25CasesOfCustomer(kdnr: CustomerNumber): Promise<U25OutreachCase[]>;
  /** Every U25 case (a few hundred at most: the reminders and the evaluation run over them). */
  allU25Cases(): Promise<U25OutreachCase[]>;
  /** seed 002: the voluntary variants (Hausbesuch, Walk and Talk, Begleitung zu Dritten). */
  getVoluntaryCase(id: string): Promise<VoluntaryOutreachCase | undefined>;
  voluntaryCasesOfCustomer(kdnr: CustomerNumber): Promise<VoluntaryOutreachCase[]>;
  allVoluntaryCases(): Promise<VoluntaryOutreachCase[]>;
  /** seed 002 §6: the anonymous consultations counted in one ISO week (storage key, e.g. `2026-W48`). */
  anonymousConsultations(week: string): Promise<AnonymousConsultation[]>;
  /** One aB-pAp's expenses whose date lies in the month (YYYY-MM). */
  expensesOf(staffId: StaffId, month: string): Promise<Expense[]>;
  /** Every aB-pAp's expenses dated before the day (retention). */
  expensesBefore(date: LocalDate): Promise<Expense[]>;

  getTask(id: string): Promise<Task | undefined>;
  openTasksOf(staffId: StaffId): Promise<Task[]>;
  /** Every open task of these kinds (the daily reminder jobs). */
  openTasksOfKinds(kinds: readonly TaskKind[]): Promise<Task[]>;
  tasksOfCustomer(kdnr: CustomerNumber): Promise<Task[]>;
  allTasks(): Promise<readonly Task[]>;

  /** Every AB case and every Meldeversäumnis case (retention, data-subject requests). */
  allCases(): Promise<readonly OutreachCase[]>;
  allMissedCases(): Promise<readonly MissedAppointmentCase[]>;
  /** The AB cases of these HBs (a team's weekly digest). */
  casesOfHbs(hbIds: readonly StaffId[]): Promise<OutreachCase[]>;
  /** seed 000 §2: visited cases whose invitation's appointment lies before `today` and whose HB was not yet asked. */
  casesAwaitingAttendance(today: LocalDate): Promise<OutreachCase[]>;
  /** The callbacks booked for a team between two instants (ISO, from inclusive, to exclusive). */
  callbacksOfTeam(teamId: string, from: string, to: string): Promise<MissedAppointmentCase[]>;
  getMissedCase(id: string): Promise<MissedAppointmentCase | undefined>;
  missedCasesOfCustomer(kdnr: CustomerNumber): Promise<MissedAppointmentCase[]>;
  /** Callbacks not yet claimed, for the escalation job. */
  unclaimedCallbacks(): Promise<MissedAppointmentCase[]>;
  getPaymentStop(kdnr: CustomerNumber): Promise<PaymentStop | undefined>;

  getNewcomerCase(id: string): Promise<NewcomerCase | undefined>;
  newcomerCasesOfCustomer(kdnr: CustomerNumber): Promise<NewcomerCase[]>;
  /** Every new customer's case, for the digest's counts. */
  allNewcomerCases(): Promise<readonly NewcomerCase[]>;
  getWalkInQueue(date: LocalDate): Promise<WalkInQueue | undefined>;
  allWalkInQueues(): Promise<readonly WalkInQueue[]>;
  /** The walk-in queues of the Berlin days from `from` up to (not including) `to`. */
  walkInQueuesBetween(from: LocalDate, to: LocalDate): Promise<WalkInQueue[]>;
  /** Appointments booked on this day or later. */
  sofoSlotsFrom(date: LocalDate): Promise<SofoSlot[]>;
  /** Every appointment booked for one customer, past ones included (data-subject requests). */
  sofoSlotsOfCustomer(kdnr: CustomerNumber): Promise<SofoSlot[]>;
}

/** The notifications owed and how their delivery stands; several instances may drain it, one sender at a time. */
export interface Outbox {
  /** Called after every commit that queued new notifications: the outbox signals itself, so the sender drains at once. */
  onNotificationsQueued(listener: () => void): void;
  getNotification(id: string): Promise<Notification | undefined>;
  allNotifications(): Promise<readonly Notification[]>;
  getDelivery(id: string): Promise<DeliveryState | undefined>;
  /** The notifications sent or owed for one task. */
  notificationsOfTask(taskId: string): Promise<Notification[]>;
  /** Notifications due for sending at `now`, oldest first. */
  dueNotifications(now: Date, limit: number): Promise<Array<{ notification: Notification; delivery: DeliveryState }>>;
  saveDelivery(id: string, state: DeliveryState): Promise<void>;
  /**
   * Compare-and-set pending → sending for `owner`, with the attempt counted: the claimed state, or undefined when the
   * notification is not pending (another sender, in this or another instance, has it). Of two claimers exactly one wins.
   */
  claimDelivery(id: string, owner: string): Promise<DeliveryState | undefined>;
  deliveriesWithStatus(status: DeliveryState['status']): Promise<Array<[string, DeliveryState]>>;
  /** The connector calls recorded at or after `since` (ISO instant), oldest first: what a new sender's limiter starts from. */
  recentSends(since: string): Promise<RecordedSend[]>;
  /**
   * Whether this process may send now. One sender at a time across all instances keeps Teams' per-conversation and
   * per-app limits (the limiter lives in the sender's memory); a holder that dies loses the lease, and another takes over.
   */
  holdSenderLease(): Promise<boolean>;
  /** Counts by status and the latest errors, for ADMIN (/zustellung). */
  allDeliveries(): Promise<ReadonlyArray<DeliveryState>>;
  /** How many notifications stand in each delivery state (never attempted = pending), and the oldest pending one's time. */
  outboxSummary(): Promise<{ counts: Readonly<Record<DeliveryState['status'], number>>; oldestPendingAt?: string }>;
  /** seed 004: the cards sent for one day's walk-in queue (they are updated in place). */
  notificationsOfWalkInQueue(date: LocalDate): Promise<Notification[]>;
  /** Pending notifications to one person, e.g. to send them at once when that person installs the app. */
  pendingNotificationsFor(staffId: StaffId): Promise<Array<{ notification: Notification; delivery: DeliveryState }>>;
}

/** Where the bot can reach people and channels proactively. */
export interface ConversationDirectory {
  getStaffRef(staffId: StaffId): Promise<ConversationRef | undefined>;
  saveStaffRef(staffId: StaffId, ref: ConversationRef): Promise<void>;
  /** Teams said 403/404: the reference is stale; the person is unreachable until they write or install again. */
  forgetStaff(staffId: StaffId): Promise<void>;
  getChannelRef(channelId: string): Promise<ConversationRef | undefined>;
  saveChannelRef(channelId: string, ref: ConversationRef): Promise<void>;
  /** The channel a placement team registered for its callbacks and digests (`/kanal hier`). */
  getTeamChannel(teamId: string): Promise<{ channelId: string; ref: ConversationRef } | undefined>;
  saveTeamChannel(teamId: string, channelId: string, ref: ConversationRef): Promise<void>;
  /** On uninstall: forget every reference into this conversation. */
  forgetConversation(conversationId: string): Promise<void>;
}

/** When each scheduled job last ran (the slot it ran for), so a restart neither skips nor repeats a run. */
export interface JobSchedule {
  jobRuns(): Promise<Record<string, string>>;
  saveJobRun(job: string, slot: string): Promise<void>;
  /** Records `slot` as the job's run if no later or equal slot is recorded: true for exactly one of several instances. */
  claimJobRun(job: string, slot: string): Promise<boolean>;
  /** A claimed run that failed: back to `previous` (if `slot` is still the recorded one), so the next tick tries again. */
  releaseJobRun(job: string, slot: string, previous: string | undefined): Promise<void>;
}

/** Who is away, and the AB team's state of the day. */
export interface PresenceBook {
  absences(): Promise<Absence[]>;
  /** Replace (until set) or end (until undefined) someone's absence. */
  saveAbsence(staffId: StaffId, absence: Absence | undefined): Promise<void>;
  abDayStates(): Promise<AbDayState[]>;
  saveAbDayState(state: AbDayState): Promise<void>;
}
