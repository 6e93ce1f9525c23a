import { z } from 'zod';
import type { FlagDeadlineRule } from '../domain/ab-deadline.js';
import type { CallRule } from '../domain/ab-prerequisites.js';
import { isoWeekday, type LocalDate } from '../domain/berlin-time.js';
import { readJsonFile } from './read-json-file.js';

const BUNDESLAENDER = ['BB', 'BE', 'BW', 'BY', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit im Format HH:MM erwartet');

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
      reasonMaxLength: z.number().int().min(20).max(1000).default(300)
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

export function callRule(policy: Policy): CallRule {
  return { minMinutesBetweenCallTimes: policy.abFlagging.minMinutesBetweenCallTimes };
}

export function customerNumberPattern(policy: Policy): RegExp {
  return new RegExp(policy.customerNumberPattern);
}

export function districtName(policy: Policy, id: string): string {
  return policy.districts.find((d) => d.id === id)?.name ?? id;
}
