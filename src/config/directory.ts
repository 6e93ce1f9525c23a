import { z } from 'zod';
import { ROLES, SPECIALISATIONS, type Directory } from '../domain/staff.js';
import { readJsonFile } from './read-json-file.js';

const staffSchema = z.object({
  /** Entra object id (aadObjectId) of the person. */
  id: z.string().min(1),
  name: z.string().min(1),
  /** Optional UPN, so that imports may name staff by e-mail address. */
  upn: z.string().optional(),
  roles: z.array(z.enum(ROLES)).min(1),
  team: z.string().min(1),
  partTime: z.boolean().default(false),
  districts: z.array(z.string()).default([]),
  /** aB-pAp only (seed 001): Wednesday all day plus one or two afternoons; without it the policy's u25Outreach.fieldTimes. */
  fieldTimes: z.array(z.object({ weekday: z.number().int().min(1).max(5), from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) })).optional(),
  /** seed 004: an IFK specialised in Reha or U25 customers. */
  specialisation: z.enum(SPECIALISATIONS).optional()
});

export const directorySchema = z
  .object({
    teams: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), substitutes: z.array(z.string()).default([]) })).min(1),
    staff: z.array(staffSchema).min(1)
  })
  .superRefine((dir, ctx) => {
    const ids = new Set<string>();
    dir.staff.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'id'], message: `doppelte Id ${s.id}` });
      ids.add(s.id);
      if (!dir.teams.some((t) => t.id === s.team)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'team'], message: `unbekanntes Team ${s.team}` });
      if (s.roles.includes('AB') && s.districts.length === 0)
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'districts'], message: 'AB-Mitarbeitende brauchen mindestens einen Bezirk' });
      if (s.roles.includes('AMM') && s.districts.length === 0)
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'districts'], message: 'Arbeitsmarktmanager brauchen mindestens einen Bezirk' });
      if (s.specialisation && !s.roles.includes('IFK'))
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'specialisation'], message: 'eine Spezialisierung (reha, u25) gibt es nur für IFK' });
    });
    dir.teams.forEach((t, i) =>
      t.substitutes.forEach((id, j) => {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['teams', i, 'substitutes', j], message: `unbekannte Person ${id}` });
      })
    );
  });

export function loadDirectory(path: string, districtIds: readonly string[]): Directory {
  const directory = readJsonFile(path, directorySchema, 'Mitarbeiterverzeichnis');
  directory.staff.forEach((s) =>
    s.districts.forEach((d) => {
      if (!districtIds.includes(d)) throw new Error(`Mitarbeiterverzeichnis ${path}: ${s.name} hat den unbekannten Bezirk "${d}" (siehe Richtlinien-Datei, districts).`);
    })
  );
  return directory;
}
