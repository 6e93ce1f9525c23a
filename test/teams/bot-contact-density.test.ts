import { botHarness, cardOf, cardText, actionOf } from '../support/bot-harness.js';
import { givenCustomer, STAFF, testDeps } from '../support/fixtures.js';

describe('contact density commands (TestAdapter)', () => {
  it('/kontakt records and names the next due date; a group information for marktnah is refused', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'marktnah' });
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, '/kontakt 123D456789 persönlich 23.11.2026'))[0]?.text).toBe('Kontakt (persönlich) für Kunde 123D456789 am 23.11.2026 erfasst. Nächster Kontakt fällig: Fr. 22.01.2027.');
    expect((await bot.say(STAFF.anna, '/kontakt 123D456789 gruppe'))[0]?.text).toBe('Eine Gruppeninformation zählt für die Kontaktdichte nur bei marktfernen Kunden (ab 25, nicht intensiv). Es wurde nichts erfasst.');
    expect((await bot.say(STAFF.anna, '/kontakt 123D456789 brief'))[0]?.text).toBe('So geht es: `/kontakt KDNR persoenlich|telefonisch|gruppe [TT.MM.JJJJ]`');
  });

  it('/kunde shows the contact interval and why, the last contact and the next due date', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { lastContactImported: '2026-08-10' });
    await givenCustomer(deps, { kdnr: '100A000002', group: 'marktnah', profile: 'Z', lastContactImported: '2026-05-01' });
    await givenCustomer(deps, { kdnr: '100A000003', intensive: true, contacts: [{ kind: 'telefonisch', date: '2026-11-20', recordedBy: STAFF.anna }] });
    const bot = botHarness(deps);
    const marktfern = cardText(cardOf((await bot.say(STAFF.anna, '/kunde 123D456789'))[0]));
    expect(marktfern).toContain('Kontaktdichte\nalle 4 Monate (ab 25, marktfern)');
    expect(marktfern).toContain('Letzter Kontakt\n10.08.2026');
    expect(marktfern).toContain('Nächster Kontakt\nDo. 10.12.2026');
    // 01.11.2026 is a Sunday: due the working day before, and that has passed.
    const profileZ = cardText(cardOf((await bot.say(STAFF.anna, '/kunde 100A000002'))[0]));
    expect(profileZ).toContain('alle 6 Monate (Profillage Z)');
    expect(profileZ).toContain('Nächster Kontakt\nFr. 30.10.2026, überfällig');
    const intensive = cardText(cardOf((await bot.say(STAFF.anna, '/kunde 100A000003'))[0]));
    expect(intensive).toContain('alle 2 Wochen (Intensivkunde)');
    expect(intensive).toContain('Nächster Kontakt\nFr. 04.12.2026');
  });

  it('shows an AB the missing prerequisites without pointing to /vormerken, which ABs cannot use', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    expect(cardText(cardOf((await bot.say(STAFF.anna, '/kunde 123D456789'))[0]))).toContain('6 offen, Einzelheiten mit /vormerken 123D456789');
    const ab = cardText(cardOf((await bot.say(STAFF.murat, '/kunde 123D456789'))[0]));
    expect(ab).toContain('AB-Voraussetzungen\n6 offen');
    expect(ab).not.toContain('/vormerken');
  });

  it('/faellig shows the due card and records a contact from it', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25', lastContactImported: '2026-09-01' });
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.anna, '/faellig'))[0]);
    expect(cardText(card)).toContain('Kontaktdichte: 1 überfällig, 0 in den nächsten 5 Arbeitstagen fällig');
    const body = await bot.click(STAFF.anna, 'kontakt.absenden', { ...actionOf(card, 'kontakt.absenden'), kind_123D456789: 'telefonisch', date_123D456789: '' });
    expect(cardText(body.value)).toContain('Kontakt (telefonisch) für Kunde 123D456789 am 24.11.2026 erfasst. Nächster Kontakt fällig: Do. 24.12.2026.');
    expect(cardText(body.value)).toContain('Kontaktdichte: 0 überfällig, 0 in den nächsten 5 Arbeitstagen fällig');
  });

  it('/intensiv asks the TL and reports the quota; the TL confirms on the card', async () => {
    const deps = await testDeps();
    await givenCustomer(deps);
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, '/intensiv 123D456789'))[0]?.text).toBe(
      'Die Teamleitung ist gebeten, die Intensivbetreuung für Kunde 123D456789 zu bestätigen. Danach betreuen Sie 1 von 3 Intensivkunden – bitte benennen Sie einen Nachrücker.'
    );
    const [task] = await deps.store.openTasksOf(STAFF.petra);
    const body = await bot.click(STAFF.petra, 'intensiv.entscheiden', { taskId: task!.id, version: 1, approve: 'true' });
    expect(cardText(body.value)).toContain('✔ Entschieden von Petra Schulz');
    expect((await deps.store.getCustomer('123D456789'))?.intensive).toBe(true);
  });

  it('/digest shows a TL the preview and refuses others', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const bot = botHarness(deps);
    const text = cardText(cardOf((await bot.say(STAFF.petra, '/digest'))[0]));
    expect(text).toContain('Wochenrückblick KW 47/2026 (16.11.–20.11.) · Team 521 Markt & Integration');
    expect((await bot.say(STAFF.anna, '/digest'))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
  });
});
