import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ROLES, type Directory } from '../domain/staff.js';
import { directorySchema } from './directory.js';
import { describeIssues } from './zod-errors.js';

/**
 * Which Entra users become which staff: a rule matches the `department` (and, if given, `jobTitle`) of the Entra admin
 * center's user export; the roles of all matching rules add up, the first rule with a team sets the team. `people`
 * adds what no department says (an AB's districts, part time), keyed by UPN. Users no rule matches are not staff.
 */
export const entraMappingSchema = z.object({
  teams: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), substitutes: z.array(z.string()).default([]) })).min(1),
  rules: z
    .array(
      z.object({
        department: z.string().min(1),
        jobTitle: z.string().min(1).optional(),
        roles: z.array(z.enum(ROLES)).min(1),
        team: z.string().min(1).optional(),
        districts: z.array(z.string()).default([])
      })
    )
    .min(1),
  people: z
    .record(
      z.string(),
      z.object({ roles: z.array(z.enum(ROLES)).optional(), team: z.string().optional(), districts: z.array(z.string()).optional(), partTime: z.boolean().optional() })
    )
    .default({})
});
export type EntraMapping = z.infer<typeof entraMappingSchema>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const rowSchema = z.object({
  id: z.string().regex(GUID, 'Objekt-ID (Spalte id oder objectId) fehlt oder ist keine GUID'),
  userPrincipalName: z.string().includes('@', { message: 'userPrincipalName fehlt oder ist keine Anmeldeadresse' }),
  displayName: z.string().min(1, 'displayName fehlt'),
  department: z.string().default(''),
  jobTitle: z.string().default(''),
  accountEnabled: z.string().default('True')
});

export type EntraImportResult =
  | { readonly ok: true; readonly directory: Directory; readonly staff: number; readonly skipped: number }
  | { readonly ok: false; readonly problems: readonly string[] };

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The directory file from an Entra user export (CSV) and a mapping; every bad row is reported, and then nothing is written. */
export function directoryFromEntra(csv: string, mapping: EntraMapping, districtIds: readonly string[]): EntraImportResult {
  let records: Array<Record<string, string>>;
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, delimiter: [',', ';'] });
  } catch (err) {
    return { ok: false, problems: [`Datei ist kein lesbares CSV: ${(err as Error).message}`] };
  }
  const problems: string[] = [];
  const staff: Array<Record<string, unknown>> = [];
  const seen = new Set<string>();
  let skipped = 0;
  records.forEach((raw, i) => {
    const line = i + 2; // the header is line 1
    const row = rowSchema.safeParse({ ...raw, id: raw.id ?? raw.objectId ?? '' });
    if (!row.success) return void problems.push(`Zeile ${line}: ${describeIssues(row.error).replace(/^[^:]*: /gm, '').split('\n').join('; ')}`);
    const user = row.data;
    const rules = mapping.rules.filter((r) => same(r.department, user.department) && (!r.jobTitle || same(r.jobTitle, user.jobTitle)));
    const person = Object.entries(mapping.people).find(([upn]) => same(upn, user.userPrincipalName))?.[1];
    if (same(user.accountEnabled, 'false') || (rules.length === 0 && !person?.roles)) return void skipped++;
    if (seen.has(user.id.toLowerCase())) return void problems.push(`Zeile ${line}: Objekt-ID ${user.id} kommt mehrfach vor`);
    seen.add(user.id.toLowerCase());
    const roles = person?.roles ?? [...new Set(rules.flatMap((r) => r.roles))];
    const team = person?.team ?? rules.find((r) => r.team)?.team;
    if (!team) return void problems.push(`Zeile ${line}: ${user.displayName}: keine Regel der Zuordnung nennt ein Team (Abteilung "${user.department}")`);
    const districts = person?.districts ?? [...new Set(rules.flatMap((r) => r.districts))];
    const unknown = districts.filter((d) => !districtIds.includes(d));
    if (unknown.length) return void problems.push(`Zeile ${line}: ${user.displayName}: unbekannte Bezirke ${unknown.join(', ')} (siehe Richtlinien-Datei)`);
    staff.push({ id: user.id, name: user.displayName, upn: user.userPrincipalName, roles, team, partTime: person?.partTime ?? false, districts });
  });
  if (problems.length) return { ok: false, problems };

  // Substitutes may be named by UPN in the mapping; the directory holds object ids.
  const idOf = (who: string) => staff.find((s) => same(String(s.upn), who) || same(String(s.id), who))?.id ?? who;
  const teams = mapping.teams.map((t) => ({ ...t, substitutes: t.substitutes.map(idOf) }));
  const parsed = directorySchema.safeParse({ teams, staff });
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error).split('\n') };
  return { ok: true, directory: parsed.data, staff: staff.length, skipped };
}
