import { importCustomers } from '../../src/app/import-customers.js';
import { givenCustomer, STAFF, testDeps } from '../support/fixtures.js';
import { snapshot } from '../support/store-snapshot.js';

const HEADER = 'Kundennummer;HB;Gruppe;Profil;Intensiv;Bezirk;Letzter Kontakt';

describe('customer base import (npm run import)', () => {
  it('imports every row, naming the HB by object id or UPN', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const csv = [HEADER, `100A000001;${STAFF.anna};u25;;nein;Nord;01.11.2026`, '100A000002;jonas.weber@jobcenter-demo.example;marktfern;Z;ja;süd;'].join('\n');
    expect(await importCustomers(deps, csv)).toEqual({ ok: true, created: 2, updated: 0 });
    expect(await deps.store.getCustomer('100A000001')).toMatchObject({ hbId: STAFF.anna, group: 'u25', profile: null, intensive: false, district: 'nord', lastContactImported: '2026-11-01', registeredOn: '2026-11-24' });
    expect(await deps.store.getCustomer('100A000002')).toMatchObject({ hbId: STAFF.jonas, profile: 'Z', intensive: true, district: 'sued', lastContactImported: null });
  });

  it('refuses the whole file if any row is wrong, reporting each problem by line in German', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const csv = [
      HEADER,
      `100A000001;${STAFF.anna};u25;;nein;Nord;01.11.2026`,
      `12345;${STAFF.anna};u25;;nein;Nord;`,
      `100A000003;unbekannt@example.org;senioren;X;vielleicht;Mond;31.02.2026`,
      `100A000004;${STAFF.murat};marktnah;;nein;Ost;01.12.2026`,
      `100A000001;${STAFF.anna};u25;;nein;Nord;`
    ].join('\n');
    const before = await snapshot(deps.store, deps.dataDir);
    const r = await importCustomers(deps, csv);
    expect(r.ok).toBe(false);
    expect(r.ok || r.problems).toEqual([
      { line: 3, message: 'Kundennummer „12345“ hat nicht das erwartete Format (z. B. 123D456789).' },
      { line: 4, message: 'Gruppe: erwartet u25, marktnah oder marktfern.' },
      { line: 4, message: 'Profil: erwartet I, Z oder leer.' },
      { line: 4, message: 'Intensiv: erwartet ja oder nein.' },
      { line: 4, message: 'HB „unbekannt@example.org“ ist im Mitarbeiterverzeichnis nicht bekannt (Entra-Objekt-ID oder UPN).' },
      { line: 4, message: 'Bezirk „Mond“ ist unbekannt (bekannt: Nord, Ost, Süd, West).' },
      { line: 4, message: 'Letzter Kontakt „31.02.2026“ ist kein gültiges Datum.' },
      { line: 5, message: `HB „${STAFF.murat}“ ist keine IFK.` },
      { line: 5, message: 'Letzter Kontakt 01.12.2026 liegt in der Zukunft.' },
      { line: 6, message: 'Kundennummer 100A000001 steht schon in Zeile 2.' }
    ]);
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });

  it('names missing and unknown columns', async () => {
    const deps = await testDeps();
    expect(await importCustomers(deps, 'Kundennummer;HB\n100A000001;x')).toEqual({ ok: false, problems: [{ line: 1, message: 'Es fehlen Spalten: Gruppe, Profil, Intensiv, Bezirk, Letzter Kontakt.' }] });
    expect(await importCustomers(deps, `${HEADER};Name\n`)).toMatchObject({ ok: false });
    expect(await importCustomers(deps, `${HEADER};Name\n100A000001;${STAFF.anna};u25;;nein;Nord;;Müller`)).toEqual({ ok: false, problems: [{ line: 1, message: 'Unbekannte Spalten: name.' }] });
  });

  it('updates on re-import and keeps what the bot recorded', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { kdnr: '100A000001', contacts: [{ kind: 'telefonisch', date: '2026-11-20', recordedBy: STAFF.anna }] });
    const r = await importCustomers(deps, `${HEADER};LZA\n100A000001,x`.replace(',x', `;${STAFF.jonas};marktnah;I;ja;West;15.11.2026;ja`));
    expect(r).toEqual({ ok: true, created: 0, updated: 1 });
    expect(await deps.store.getCustomer('100A000001')).toMatchObject({ hbId: STAFF.jonas, group: 'marktnah', profile: 'I', intensive: true, district: 'west', longTermUnemployed: true, contacts: [{ date: '2026-11-20' }], version: 2 });
    expect(await deps.store.customersOfHb(STAFF.anna)).toEqual([]);
  });

  it('reads comma-separated files with quotes and a byte order mark', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const csv = `\ufeffKundennummer,HB,Gruppe,Profil,Intensiv,Bezirk,Letzter Kontakt\n"100A000001","${STAFF.anna}","u25","","nein","Nord",""\n`;
    expect(await importCustomers(deps, csv)).toEqual({ ok: true, created: 1, updated: 0 });
  });
});
