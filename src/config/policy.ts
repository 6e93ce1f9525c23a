import { z } from 'zod';
import type { FlagDeadlineRule } from '../domain/ab-deadline.js';
import type { AvailabilityRule } from '../domain/ab-availability.js';
import type { CallRule } from '../domain/ab-prerequisites.js';
import type { CallbackRule } from '../domain/callback-booking.js';
import type { ContactDensityRule } from '../domain/contact-density.js';
import type { FollowUpRule } from '../domain/talk-result.js';
import type { ActivationPhaseRule } from '../domain/u25-activation-phase.js';
import type { HomeVisitRule } from '../domain/voluntary-plan.js';
import type { FieldTime, StaffMember } from '../domain/staff.js';
import { isoWeekday, type LocalDate } from '../domain/berlin-time.js';
import { readJsonFile } from './read-json-file.js';

const BUNDESLAENDER = ['BB', 'BE', 'BW', 'BY', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit im Format HH:MM erwartet');
const interval = z
  .object({ months: z.number().int().min(1).max(24).optional(), weeks: z.number().int().min(1).max(52).optional() })
  .refine((i) => (i.months ?? 0) + (i.weeks ?? 0) > 0, 'months oder weeks angeben');

/**
 * Each seed is one Jobcenter's local rule, so the numbers live here, per Jobcenter, with the seeds' values as defaults.
 * The policy file only needs what differs.
 */
export const policySchema = z.object({
  jobcenter: z.string().min(1).default('Jobcenter'),
  /** Public holidays of this Bundesland are not working days. */
  bundesland: z.enum(BUNDESLAENDER).default('BW'),
  /** Dienstschluss; `endOfServiceByWeekday` overrides it per ISO weekday ("5" = Friday). */
  endOfService: time.default('16:00'),
  endOfServiceByWeekday: z.partialRecord(z.enum(['1', '2', '3', '4', '5']), time).default({}),
  /** Start of service; callbacks and follow-up appointments lie between it and end of service. */
  officeStart: time.default('08:00'),
  /** Kundennummer format (regular expression source); default: 3 digits, 1 capital letter, 6 digits. */
  customerNumberPattern: z.string().default('^[0-9]{3}[A-Z][0-9]{6}$'),
  customerNumberExample: z.string().default('123D456789'),
  /** The districts of the Landkreis by which AB plans its route. */
  districts: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/, 'nur a-z, 0-9 und -'), name: z.string().min(1) })).min(1),
  abFlagging: z
    .object({
      /** seed 000 §2: flags until Thursday (ISO weekday 4), end of service, for the following week. */
      deadlineWeekday: z.number().int().min(1).max(5).default(4),
      /** seed 000 §2: "zu verschiedenen Uhrzeiten" — how far apart the two calls' clock times must lie. */
      minMinutesBetweenCallTimes: z.number().int().min(1).max(600).default(120),
      /** Sinnhaftigkeit is a short statement, not a case history. */
      reasonMaxLength: z.number().int().min(20).max(1000).default(300),
      /** issue 16: a new flag within this many days of an AB visit shows that visit's result and needs a confirmation. */
      recentVisitDays: z.number().int().min(0).max(365).default(28)
    })
    .prefault({}),
  abAvailability: z
    .object({
      /** Default times AB staff are out visiting (ISO weekday, from, to); `/ab verfuegbar` overrides them for a day. */
      fieldTimes: z.array(z.object({ weekday: z.number().int().min(1).max(5), from: time, to: time })).default([])
    })
    .prefault({}),
  callback: z
    .object({
      /** seed 000 §3 says "taggleich": an unclaimed callback escalates to TL and substitute this long before end of service. */
      escalateMinutesBeforeEndOfService: z.number().int().min(0).max(480).default(60)
    })
    .prefault({}),
  /** seed 000 §3: "Folgetermin (1h) beim HB". */
  followUpMinutes: z.number().int().min(15).max(240).default(60),
  contactDensity: z
    .object({
      // seed 003: U25 monthly, marktnah every 2 months, marktfern every 4 months
      byGroup: z.object({ u25: interval, marktnah: interval, marktfern: interval }).default({ u25: { months: 1 }, marktnah: { months: 2 }, marktfern: { months: 4 } }),
      // seed 003 Sondertatbestände: profile Z and I at least every 6 months
      byProfile: z.object({ I: interval, Z: interval }).default({ I: { months: 6 }, Z: { months: 6 } }),
      // seed 003: intensive customers at least every 2 weeks
      intensive: interval.default({ weeks: 2 }),
      // seed 003: for marktfern customers group information may ensure the contact density
      groupInfoCountsFor: z.array(z.enum(['u25', 'marktnah', 'marktfern'])).default(['marktfern']),
      // seed 003: 3 intensive customers per IFK, 2 for part-time staff
      intensiveQuota: z.object({ fullTime: z.number().int().min(0).max(20), partTime: z.number().int().min(0).max(20) }).default({ fullTime: 3, partTime: 2 }),
      /** Reminders list what falls due within this many working days. */
      remindWithinWorkingDays: z.number().int().min(0).max(20).default(5)
    })
    .prefault({}),
  /** seed 001: outreach for under-25s (aB-pAp). */
  u25Outreach: z
    .object({
      /** seed 001: "die Aktivierungsphase soll in der Regel 6 Monate nicht überschreiten". */
      maxActivationMonths: z.number().int().min(1).max(24).default(6),
      /** The aB-pAp is reminded this many months before the phase ends (and again when it ends). */
      remindMonthsBefore: z.number().int().min(1).max(6).default(1),
      /** seed 001: "ein Budget von bis zu 20 Euro pro Monat", per aB-pAp, in cents. */
      budgetCentsPerMonth: z.number().int().min(0).max(100_000).default(2000),
      /** seed 001: the virtual worker in Verbis the customer moves to on a Fallübergabe. */
      virtualWorkerId: z.string().min(1).max(40).default('VM-U25-aB'),
      /** seed 001 "Arbeitseinteilung": Wednesday all day (+ 1–2 afternoons per person in the directory). */
      fieldTimes: z.array(z.object({ weekday: z.number().int().min(1).max(5), from: time, to: time })).default([{ weekday: 3, from: '08:00', to: '16:00' }]),
      /** Reasons (extension, early return, visit alone) are short statements, no health data. */
      reasonMaxLength: z.number().int().min(20).max(1000).default(300),
      /** issue 16: a new flag within this many days of an AB visit shows that visit's result and needs a confirmation. */
      recentVisitDays: z.number().int().min(0).max(365).default(28)
    })
    .prefault({}),
  /** Sofortvermittlung of new customers (seed 004). */
  sofortvermittlung: z
    .object({
      // seed 004 Neukundendefinition: a new application after an interruption of at least 182 days
      newCustomerGapDays: z.number().int().min(1).max(3650).default(182),
      // seed 004 Kurzübersicht: SGB III stays responsible while ALG I lasts more than four more weeks
      alg1RemainingWeeks: z.number().int().min(0).max(52).default(4),
      // seed 004 Zugangssteuerung / Schnittstellen U25: under 25
      u25BelowAge: z.number().int().min(15).max(30).default(25),
      // seed 004 AMM: age 25–55, completed training or degree or at least 3 years' work experience
      amm: z
        .object({ minAge: z.number().int().min(15).max(70).default(25), maxAge: z.number().int().min(15).max(70).default(55), minYearsExperience: z.number().min(0).max(40).default(3) })
        .prefault({}),
      // seed 004 Schnittstellen Reha/U25: Sofortzugang to the specialised IFKs 10:00–12:30
      specialistAccess: z.object({ from: time.default('10:00'), to: time.default('12:30') }).prefault({}),
      // seed 004 Ohne Termin: 10 places, 9:00–11:45, 45 minutes per talk (incl. preparation and follow-up)
      walkIn: z
        .object({ places: z.number().int().min(1).max(50).default(10), from: time.default('09:00'), lastStart: time.default('11:45'), talkMinutes: z.number().int().min(10).max(180).default(45) })
        .prefault({}),
      // seed 004 Mit Termin: per officer 3 afternoon slots (13:30–15:45) and 1 morning slot (8:00–9:00)
      slots: z
        .object({
          afternoon: z.object({ from: time.default('13:30'), to: time.default('15:45'), count: z.number().int().min(0).max(12).default(3) }).prefault({}),
          morning: z.object({ from: time.default('08:00'), to: time.default('09:00'), count: z.number().int().min(0).max(12).default(1) }).prefault({}),
          /** How many working days ahead the next free slot is searched. */
          searchWorkingDays: z.number().int().min(1).max(60).default(20)
        })
        .prefault({}),
      // seed 004 Sofortmaßnahmen: Orientierungscenter one week; S+K Check two weeks, first appointment on a Monday
      measures: z
        .object({
          orientierungscenter: z.object({ weeks: z.number().int().min(1).max(12).default(1) }).prefault({}),
          skCheck: z.object({ weeks: z.number().int().min(1).max(12).default(2), startWeekday: z.number().int().min(1).max(5).default(1) }).prefault({})
        })
        .prefault({}),
      // seed 004 Nach erfolgtem Erstgespräch: follow-up invitation within 2–4 weeks after the measure (Absolventenmanagement)
      followUpWeeks: z.object({ from: z.number().int().min(0).max(12).default(2), to: z.number().int().min(1).max(26).default(4) }).prefault({}),
      /** "keine Maßnahmenzuweisung" needs a short reason, not a case history. */
      reasonMaxLength: z.number().int().min(20).max(1000).default(300),
      /** issue 16: a new flag within this many days of an AB visit shows that visit's result and needs a confirmation. */
      recentVisitDays: z.number().int().min(0).max(365).default(28)
    })
    .prefault({}),
  /** seed 002: the voluntary approaches. A Jobcenter working like seed 000 offers none of them (the default). */
  voluntaryOutreach: z
    .object({
      approaches: z.array(z.enum(['hausbesuch', 'walk-and-talk', 'begleitung'])).default([]),
      homeVisit: z
        .object({
          // seed 002 §4.2: "nach mehreren telefonischen vergeblichen Anrufversuchen"
          minFailedCalls: z.number().int().min(1).max(10).default(2),
          // seed 002 §4.2: the written notice "ca. drei bis vier Wochen vor dem Hausbesuch", the reminder "ca. ein bis zwei Wochen vor"
          noticeWeeks: z.object({ from: z.number().int().min(1).max(12).default(4), to: z.number().int().min(1).max(12).default(3) }).prefault({}),
          reminderWeeks: z.object({ from: z.number().int().min(1).max(12).default(2), to: z.number().int().min(0).max(12).default(1) }).prefault({})
        })
        .prefault({}),
      /** A reason to go alone is a short statement. */
      reasonMaxLength: z.number().int().min(20).max(1000).default(300)
    })
    .prefault({}),
  /** The Jobcenter's deletion concept (Löschkonzept) sets these; the defaults are placeholders to be decided there. */
  retention: z
    .object({
      /** Closed cases, their tasks and notifications are deleted this many days after they closed. */
      closedCaseDays: z.number().int().min(1).max(3650).default(180),
      /** The audit log keeps whole months for this long. */
      auditMonths: z.number().int().min(1).max(120).default(24)
    })
    .prefault({}),
  /** What the Teams app package shows about the operator (`npm run package`); flags override it, defaults are placeholders. */
  app: z
    .object({
      developerName: z.string().min(1).max(32).optional(),
      websiteUrl: z.url({ protocol: /^https$/, error: 'https-Adresse erwartet' }).optional(),
      privacyUrl: z.url({ protocol: /^https$/, error: 'https-Adresse erwartet' }).optional(),
      termsOfUseUrl: z.url({ protocol: /^https$/, error: 'https-Adresse erwartet' }).optional(),
      /** The app package's version; Teams wants a higher one for every update. */
      version: z.string().regex(/^\d+\.\d+\.\d+$/, 'Version im Format 1.2.3 erwartet').optional()
    })
    .prefault({}),
  /** When the scheduled jobs run (Berlin time, working days only). */
  schedule: z
    .object({
      dueContacts: time.default('07:30'),
      flagReminder: time.default('08:00'),
      attendanceCheck: time.default('08:15'),
      weeklyDigest: time.default('07:00'),
      retention: time.default('06:00'),
      /** seed 001: reminders of the activation phase's end. */
      u25Reminders: time.default('07:45'),
      /** seed 001: the month's expense statement, on the last working day of the month. */
      u25BudgetStatement: time.default('14:00'),
      /** seed 002 §4.2: the Hausbesuch's letter tasks — reminded when their window opens, marked when it closes. */
      voluntaryLetters: time.default('07:50')
    })
    .prefault({})
});
export type Policy = z.infer<typeof policySchema>;

export function loadPolicy(path: string): Policy {
  const policy = readJsonFile(path, policySchema, 'Richtlinien-Datei');
  new RegExp(policy.customerNumberPattern); // throws early on a broken pattern
  return policy;
}

export function endOfServiceOn(policy: Policy, date: LocalDate): string {
  return policy.endOfServiceByWeekday[String(isoWeekday(date)) as '1'] ?? policy.endOfService;
}

export function flagDeadlineRule(policy: Policy): FlagDeadlineRule {
  return { deadlineWeekday: policy.abFlagging.deadlineWeekday, endOfService: (date) => endOfServiceOn(policy, date) };
}

export function availabilityRule(policy: Policy): AvailabilityRule {
  return { officeStart: policy.officeStart, endOfService: (date) => endOfServiceOn(policy, date), fieldTimes: policy.abAvailability.fieldTimes };
}

export function callbackRule(policy: Policy): CallbackRule {
  return { officeStart: policy.officeStart, endOfService: (date) => endOfServiceOn(policy, date), escalateMinutesBeforeEnd: policy.callback.escalateMinutesBeforeEndOfService };
}

export function followUpRule(policy: Policy): FollowUpRule {
  return { officeStart: policy.officeStart, endOfService: (date) => endOfServiceOn(policy, date), durationMinutes: policy.followUpMinutes };
}

export function contactDensityRule(policy: Policy): ContactDensityRule {
  return policy.contactDensity;
}

export function callRule(policy: Policy): CallRule {
  return { minMinutesBetweenCallTimes: policy.abFlagging.minMinutesBetweenCallTimes };
}

export function customerNumberPattern(policy: Policy): RegExp {
  return new RegExp(policy.customerNumberPattern);
}

export function districtName(policy: Policy, id: string): string {
  return policy.districts.find((d) => d.id === id)?.name ?? id;
}

export function activationPhaseRule(policy: Policy): ActivationPhaseRule {
  return { maxActivationMonths: policy.u25Outreach.maxActivationMonths, remindMonthsBefore: policy.u25Outreach.remindMonthsBefore };
}

/** An aB-pAp's field times: their own from the directory, else the policy's. */
export function u25FieldTimes(policy: Policy, member: StaffMember): readonly FieldTime[] {
  return member.fieldTimes ?? policy.u25Outreach.fieldTimes;
}

export function homeVisitRule(policy: Policy): HomeVisitRule {
  return policy.voluntaryOutreach.homeVisit;
}
