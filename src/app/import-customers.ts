import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { customerNumberPattern } from '../config/policy.js';
import { atBerlin, berlinDate } from '../domain/berlin-time.js';
import { parseCustomerNumber } from '../domain/customer-number.js';
import { CUSTOMER_GROUPS, type Customer } from '../domain/customer.js';
import { hasRole } from '../domain/staff.js';
import type { Deps } from './deps.js';

export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; problems: ImportProblem[] };

/** The documented columns (README); headers are matched case-insensitively, `;` or `,` separated, UTF-8 (BOM allowed). */
const COLUMNS = ['kundennummer', 'hb', 'gruppe', 'profil', 'intensiv', 'bezirk', 'letzter_kontakt'] as const;
const OPTIONAL = ['lza'] as const;

const yesNo = z.enum(['ja', 'nein'], { error: 'erwartet ja oder nein' });
const rowSchema = z.object({
  kundennummer: z.string().min(1, 'fehlt'),
  hb: z.string().min(1, 'fehlt'),
  gruppe: z.enum(CUSTOMER_GROUPS, { error: 'erwartet u25, marktnah oder marktfern' }),
  profil: z.enum(['I', 'Z', ''], { error: 'erwartet I, Z oder leer' }),
  intensiv: yesNo,
  bezirk: z.string().min(1, 'fehlt'),
  letzter_kontakt: z.union([z.literal(''), z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{4}$/, 'erwartet TT.MM.JJJJ oder leer')]),
  lza: yesNo.optional()
});

const COLUMN_LABEL: Record<string, string> = { kundennummer: 'Kundennummer', hb: 'HB', gruppe: 'Gruppe', profil: 'Profil', intensiv: 'Intensiv', bezirk: 'Bezirk', letzter_kontakt: 'Letzter Kontakt', lza: 'LZA' };

function toIsoDate(ddmmyyyy: string): string | undefined {
  const [d, m, y] = ddmmyyyy.split('.').map(Number) as [number, number, number];
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const probe = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(probe.getTime()) && probe.toISOString().slice(0, 10) === iso ? iso : undefined;
}

const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * The customer base from a CSV export. Every row is checked; one bad row and nothing changes, with a German report of
 * every problem by line. Re-importing updates HB, group, profile, intensive, district and the last contact, and keeps
 * what the bot recorded itself (attempts, contacts).
 */
export async function importCustomers(deps: Deps, csv: string): Promise<ImportResult> {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(csv, { delimiter: [';', ','], columns: (header: string[]) => header.map(normaliseHeader), skip_empty_lines: true, trim: true, bom: true, info: true });
  } catch (err) {
    return { ok: false, problems: [{ line: (err as { lines?: number }).lines ?? 1, message: `Die Datei ist keine gültige CSV-Datei (${(err as Error).message}).` }] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (records.length === 0) return { ok: false, problems: [{ line: 1, message: 'Die Datei enthält keine Datenzeilen.' }] };
  if (missing.length) return { ok: false, problems: [{ line: 1, message: `Es fehlen Spalten: ${missing.map((c) => COLUMN_LABEL[c]).join(', ')}.` }] };
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h) && !(OPTIONAL as readonly string[]).includes(h));
  if (unknown.length) return { ok: false, problems: [{ line: 1, message: `Unbekannte Spalten: ${unknown.join(', ')}.` }] };

  const now = deps.clock.now();
  const today = berlinDate(now);
  const pattern = customerNumberPattern(deps.policy);
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const rows: Customer[] = [];
  let created = 0;

  for (const { record, info } of records) {
    const line = info.lines;
    const problem = (message: string) => problems.push({ line, message });
    const parsed = rowSchema.safeParse({ ...record, profil: (record.profil ?? '').toUpperCase(), intensiv: record.intensiv?.toLowerCase(), lza: record.lza ? record.lza.toLowerCase() : undefined, gruppe: record.gruppe?.toLowerCase() });
    if (!parsed.success) for (const issue of parsed.error.issues) problem(`${COLUMN_LABEL[String(issue.path[0])] ?? issue.path[0]}: ${issue.message}.`);
    // The references are checked on every row, so that one report names every problem of the file.
    const raw = (key: string) => (record[key] ?? '').trim();
    const kdnr = parseCustomerNumber(raw('kundennummer'), pattern);
    if (!kdnr.ok) problem(`Kundennummer „${raw('kundennummer')}“ hat nicht das erwartete Format (z. B. ${deps.policy.customerNumberExample}).`);
    else if (seen.has(kdnr.value)) problem(`Kundennummer ${kdnr.value} steht schon in Zeile ${seen.get(kdnr.value)}.`);
    else seen.set(kdnr.value, line);
    const hb = deps.directory.staff.find((s) => s.id.toLowerCase() === raw('hb').toLowerCase() || (s.upn ?? '').toLowerCase() === raw('hb').toLowerCase());
    if (!hb) problem(`HB „${raw('hb')}“ ist im Mitarbeiterverzeichnis nicht bekannt (Entra-Objekt-ID oder UPN).`);
    else if (!hasRole(hb, 'IFK')) problem(`HB „${raw('hb')}“ ist keine IFK.`);
    const district = deps.policy.districts.find((d) => d.id === raw('bezirk').toLowerCase() || d.name.toLowerCase() === raw('bezirk').toLowerCase());
    if (!district) problem(`Bezirk „${raw('bezirk')}“ ist unbekannt (bekannt: ${deps.policy.districts.map((d) => d.name).join(', ')}).`);
    const lastContact = raw('letzter_kontakt') ? toIsoDate(raw('letzter_kontakt')) : null;
    if (raw('letzter_kontakt') && /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(raw('letzter_kontakt'))) {
      if (lastContact === undefined) problem(`Letzter Kontakt „${raw('letzter_kontakt')}“ ist kein gültiges Datum.`);
      else if (lastContact && atBerlin(lastContact, '00:00').getTime() > now.getTime()) problem(`Letzter Kontakt ${raw('letzter_kontakt')} liegt in der Zukunft.`);
    }
    if (!parsed.success || !kdnr.ok || !hb || !hasRole(hb, 'IFK') || !district || lastContact === undefined || problems.some((p) => p.line === line)) continue;
    const row = parsed.data;

    const existing = await deps.store.getCustomer(kdnr.value);
    if (!existing) created++;
    rows.push({
      kdnr: kdnr.value,
      hbId: hb.id,
      group: row.gruppe,
      longTermUnemployed: row.lza === undefined ? (existing?.longTermUnemployed ?? false) : row.lza === 'ja',
      district: district.id,
      attempts: existing?.attempts ?? [],
      profile: row.profil === '' ? null : row.profil,
      intensive: row.intensiv === 'ja',
      contacts: existing?.contacts ?? [],
      lastContactImported: lastContact,
      registeredOn: existing?.registeredOn ?? today,
      version: (existing?.version ?? 0) + 1
    });
  }

  await deps.audit.record({ actor: 'system', action: 'import', outcome: problems.length ? 'abgelehnt' : 'ok', count: rows.length, ...(problems.length ? { reason: 'zeilenfehler' } : {}) });
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  const saved = await deps.store.saveCustomers(rows);
  if (!saved.ok) await deps.audit.record({ actor: 'system', action: 'import', outcome: 'konflikt', reason: 'veraltet', count: rows.length });
  if (!saved.ok) return { ok: false, problems: [{ line: 1, message: 'Während des Imports wurden Kunden geändert. Bitte den Import wiederholen.' }] };
  return { ok: true, created, updated: rows.length - created };
}
