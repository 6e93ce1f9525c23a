import { botHarness, cardOf, cardText, TENANT } from '../support/bot-harness.js';
import { givenCustomer, STAFF, testDeps } from '../support/fixtures.js';
import { escalateDueCallbacks } from '../../src/app/escalate-callbacks.js';
import { taskView } from '../../src/app/task-view.js';
import { taskCard } from '../../src/teams/task-card.js';
import { viewContextAt } from '../../src/teams/view-context.js';

describe('Meldeversäumnis, callback and absence commands (TestAdapter)', () => {
  it('/hilfe shows reception the Meldeversäumnis and callback commands', async () => {
    const bot = botHarness(await testDeps());
    const text = cardText(cardOf((await bot.say(STAFF.sabine, '/hilfe'))[0]));
    expect(text).toContain('/meldeversaeumnis KDNR\n');
    expect(text).toContain('/rueckruf KDNR\n');
    expect(text).not.toContain('/vormerken');
  });

  it('/meldeversaeumnis names the informed AB when one is available, and accepts the umlaut spelling', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    await bot.say(STAFF.lena, '/ab unterwegs');
    const [reply] = await bot.say(STAFF.sabine, '/meldeversäumnis 123D456789');
    expect(reply?.text).toBe('Meldeversäumnis für Kunde 123D456789 gemeldet. Informiert (verfügbar): Murat Yılmaz. Sie erhalten eine Nachricht, sobald jemand übernimmt.');
    expect(bot.queuedCount()).toBe(1);
  });

  it('/rückruf after end of service books the next working day and says so', async () => {
    const deps = await testDeps('2026-11-27 12:30'); // Friday, end of service 12:00
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const [reply] = await bot.say(STAFF.sabine, '/rückruf 123D456789');
    expect(reply?.text).toBe('Rückruf gebucht: nächster Arbeitstag, Mo. 30.11.2026, 08:00–16:00 Uhr (außerhalb der Dienstzeit gebucht), Team 521 Markt & Integration. Informiert: Anna Becker, Jonas Weber.');
  });

  it('a callback booked on a Saturday is never called "taggleich", neither in the answer nor on the card', async () => {
    const deps = await testDeps('2026-11-28 10:00'); // Saturday
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const [reply] = await bot.say(STAFF.sabine, '/rückruf 123D456789');
    expect(reply?.text).toContain('Rückruf gebucht: nächster Arbeitstag, Mo. 30.11.2026, 08:00–16:00 Uhr');
    const [task] = await deps.store.openTasksOf(STAFF.jonas);
    const card = cardText(taskCard(viewContextAt(deps.directory, deps.policy, deps.clock.now()), await taskView(deps, task!), STAFF.jonas).json);
    expect(`${reply?.text}\n${card}`).not.toMatch(/taggleich/i);
    expect(card).toContain('Rückruf am nächsten Arbeitstag (Meldeversäumnis)');
  });

  it('a callback booked after its escalation time does not claim that nobody took it until then', async () => {
    const deps = await testDeps('2026-11-24 15:30'); // Tuesday: escalation 15:00, end of service 16:00
    await givenCustomer(deps);
    const bot = botHarness(deps);
    await bot.say(STAFF.sabine, '/rückruf 123D456789');
    await escalateDueCallbacks(deps);
    const [task] = (await deps.store.tasksOfCustomer('123D456789')).filter((t) => t.kind === 'rueckruf');
    const card = cardText(taskCard(viewContextAt(deps.directory, deps.policy, deps.clock.now()), await taskView(deps, task!), STAFF.jonas).json);
    expect(card).toContain('Eskaliert: Der Rückruf wurde nach 15:00 Uhr gebucht und ging deshalb sofort auch an Teamleitung und Vertretung.');
    expect(card).not.toContain('hat niemand übernommen');
  });

  it('AB set their day status and see everyone\'s', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.murat, '/ab unterwegs'))[0]?.text).toBe('Sie sind heute als unterwegs eingetragen: Meldeversäumnisse gehen an andere verfügbare AB.');
    expect((await bot.say(STAFF.lena, '/ab verfügbar'))[0]?.text).toBe('Sie sind heute als verfügbar eingetragen: Meldeversäumnisse in der Eingangszone erreichen Sie.');
    expect((await bot.say(STAFF.lena, '/ab status'))[0]?.text).toBe('AB jetzt:\n\n- Murat Yılmaz: unterwegs\n- Lena Hoffmann: verfügbar');
    expect((await bot.say(STAFF.anna, '/ab verfuegbar'))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
  });

  it('on a Saturday or a holiday, /ab verfuegbar and /ab unterwegs are refused with the reason and store nothing', async () => {
    for (const at of ['2026-11-28 10:00', '2026-12-25 10:00']) { // a Saturday; Christmas Day, a Friday
      const deps = await testDeps(at);
      const bot = botHarness(deps);
      for (const said of ['/ab verfuegbar', '/ab unterwegs']) {
        expect([at, (await bot.say(STAFF.murat, said))[0]?.text]).toEqual([at, 'Heute ist kein Arbeitstag (Wochenende oder Feiertag): In der Eingangszone ist kein Dienst, eine Verfügbarkeit für heute gibt es daher nicht. Es wurde nichts gespeichert.']);
      }
      expect(await deps.store.abDayStates()).toEqual([]);
    }
  });

  it('/abwesend and /anwesend', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, '/abwesend bis 27.11.2026'))[0]?.text).toBe('Sie sind bis einschließlich Fr. 27.11.2026 als abwesend eingetragen. Neue Aufgaben für Sie erhält in dieser Zeit Ihre Vertretung, tägliche Erinnerungen ruhen. Zurück melden Sie sich mit /anwesend.');
    expect((await bot.say(STAFF.anna, '/abwesend bis 31.11.2026'))[0]?.text).toBe('Den 31.11.2026 gibt es nicht im Kalender. Bitte prüfen Sie das Datum.');
    expect((await bot.say(STAFF.anna, '/abwesend morgen'))[0]?.text).toBe('So geht es: `/abwesend bis TT.MM.JJJJ`');
    expect((await bot.say(STAFF.anna, '/anwesend'))[0]?.text).toBe('Willkommen zurück. Sie sind wieder als anwesend eingetragen.');
    expect(await deps.store.absences()).toEqual([]);
  });

  it('/kanal hier works only in a channel, for a TL', async () => {
    const deps = await testDeps();
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.petra, '/kanal hier'))[0]?.text).toBe('Bitte schreiben Sie diesen Befehl im Kanal Ihres Teams, nicht im persönlichen Chat.');
    const channel = { conversation: { id: '19:abc@thread.tacv2', conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' }, channelData: { channel: { id: '19:abc@thread.tacv2' }, team: { id: '19:team' } } };
    expect((await bot.say(STAFF.petra, '/kanal hier', channel))[0]?.text).toBe('Dieser Kanal ist jetzt der Kanal von Team 521 Markt & Integration: Rückrufe des Teams und der Wochenrückblick erscheinen hier.');
    expect(await deps.store.getTeamChannel('team-521')).toMatchObject({ channelId: '19:abc@thread.tacv2' });
    expect((await bot.say(STAFF.anna, '/kanal hier', channel))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
  });

  it('the callback offer card books with one click', async () => {
    const deps = await testDeps('2026-11-25 10:00'); // field day
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const offer = cardOf((await bot.say(STAFF.sabine, '/meldeversaeumnis 123D456789'))[0]);
    expect(cardText(offer)).toContain('Zurzeit ist keine AB verfügbar.');
    const body = await bot.click(STAFF.sabine, 'rueckruf.buchen', { kdnr: '123D456789' });
    expect(cardText(body.value)).toContain('Taggleicher Rückruf gebucht: heute, 10:00–16:00 Uhr');
    expect(cardText(body.value)).not.toContain('Taggleichen Rückruf buchen');
    const again = await bot.click(STAFF.sabine, 'rueckruf.buchen', { kdnr: '123D456789' });
    expect(again.value).toBe('Für diesen Kunden ist heute bereits ein Meldeversäumnis offen. Es wurde nichts geändert.');
  });

  it('/zahlungseinstellung records the stop for the HB', async () => {
    const deps = await testDeps();
    await givenCustomer(deps);
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, '/zahlungseinstellung 123D456789'))[0]?.text).toBe('Vorläufige Zahlungseinstellung für Kunde 123D456789 erfasst. Nach dem Gespräch zu einem Meldeversäumnis wird die Aufhebung veranlasst.');
  });
});

describe('the AB talk through its cards', () => {
  it('claim → result form → a follow-up outside service hours is refused on the form → saved', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    await bot.say(STAFF.sabine, '/meldeversaeumnis 123D456789');
    const [task] = await deps.store.tasksOfCustomer('123D456789');
    const claimed = await bot.click(STAFF.murat, 'aufgabe.uebernehmen', { taskId: task!.id, version: 1 });
    expect(cardText(claimed.value)).toContain('Meldeversäumnis – Kunde wartet in der Eingangszone');
    const [missed] = await deps.store.missedCasesOfCustomer('123D456789');
    const form = await bot.click(STAFF.murat, 'gespraech.formular', { caseId: missed!.id, version: missed!.version });
    expect(cardText(form.value)).toContain('Folgetermin (1 Stunde) beim HB');
    const submit = { caseId: missed!.id, version: missed!.version, reasonsCleared: 'true', motivated: 'true', verbisNoteWritten: 'true' };
    const late = await bot.click(STAFF.murat, 'gespraech.absenden', { ...submit, followUpDate: '2026-11-26', followUpTime: '15:30' });
    expect(cardText(late.value)).toContain('Der Folgetermin (1 Stunde) muss innerhalb der Dienstzeit liegen.');
    expect(await bot.click(STAFF.lena, 'gespraech.absenden', { ...submit, followUpDate: '2026-11-26', followUpTime: '09:00' })).toMatchObject({
      value: 'Dieses Gespräch hat jemand anderes übernommen; nur diese Person erfasst das Ergebnis. Es wurde nichts geändert.'
    });
    const done = await bot.click(STAFF.murat, 'gespraech.absenden', { ...submit, followUpDate: '2026-11-26', followUpTime: '09:00' });
    expect(cardText(done.value)).toContain('Ergebnis gespeichert. Der Folgetermin ist als Aufgabe beim HB eingetragen, bei Abwesenheit bei der Vertretung.');
    const [followUp] = await deps.store.openTasksOf(STAFF.anna);
    expect(followUp?.kind).toBe('folgetermin-hb');
  });
});
