import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { directoryFromEntra, entraMappingSchema } from '../../src/config/entra-import.js';
import { projectRoot } from '../../src/project-root.js';
import { demoPolicy } from '../support/fixtures.js';

const demo = (file: string) => readFileSync(join(projectRoot(), 'demo', file), 'utf8');
const mapping = entraMappingSchema.parse(JSON.parse(demo('entra-mapping.json')));
const districts = demoPolicy().districts.map((d) => d.id);

describe('the staff directory from an Entra user export', () => {
  it('maps departments to roles and teams, adds districts by UPN, and leaves out disabled and unmapped users', () => {
    const result = directoryFromEntra(demo('entra-users.csv'), mapping, districts);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.skipped).toBe(2);
    const murat = result.directory.staff.find((s) => s.name === 'Murat Yılmaz');
    expect(murat).toMatchObject({ roles: ['AB'], team: 'team-ab', districts: ['nord', 'ost'] });
    expect(result.directory.staff.find((s) => s.name === 'Petra Schulz')?.roles).toEqual(['IFK', 'TL']);
    expect(result.directory.staff.some((s) => s.name === 'Tom Alt' || s.name === 'Kim Extern')).toBe(false);
    // Substitutes named by UPN in the mapping become object ids.
    expect(result.directory.teams.find((t) => t.id === 'team-ab')?.substitutes).toEqual([murat?.id]);
  });

  it('names every bad row by line, and builds nothing', () => {
    const csv = [
      'objectId;userPrincipalName;displayName;department',
      '5b7c0d4e-1a2b-4c3d-8e9f-000000000101;anna.becker@jobcenter-demo.example;Anna Becker;Team 521',
      'keine-guid;jonas.weber@jobcenter-demo.example;Jonas Weber;Team 521',
      '5b7c0d4e-1a2b-4c3d-8e9f-000000000101;anna.b@jobcenter-demo.example;Anna B.;Team 521'
    ].join('\n');
    const result = directoryFromEntra(csv, mapping, districts);
    expect(result).toEqual({
      ok: false,
      problems: ['Zeile 3: Objekt-ID (Spalte id oder objectId) fehlt oder ist keine GUID', 'Zeile 4: Objekt-ID 5b7c0d4e-1a2b-4c3d-8e9f-000000000101 kommt mehrfach vor']
    });
  });
});
