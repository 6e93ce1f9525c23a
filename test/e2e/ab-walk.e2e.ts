import type { Page } from 'playwright-core';
import type { Runtime } from '../../src/runtime.js';
import { chat, startDemoSession, type DemoSession } from './playground.js';
import { STAFF } from '../support/fixtures.js';

/**
 * The demo walk of seed 000 §2 in Microsoft's Agents Playground, as a person would do it:
 * IFK flags → AB sees the week plan and records the result → the HB acknowledges the task card.
 * With E2E_SCREENSHOTS=<dir> (npm run docs:demo) it leaves a screenshot of every step there.
 */
describe('the AB flagging slice in the Agents Playground', () => {
  let session: DemoSession;
  let runtime: Runtime;
  let page: Page;

  beforeAll(async () => {
    session = await startDemoSession('2026-11-24T09:00:00+01:00');
    ({ runtime, page } = session);
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('walks from the flag to the acknowledged HB task', async () => {
    const me = chat(page, process.env.E2E_SCREENSHOTS);

    // 1. The IFK tries a customer with a missing prerequisite: the bot names it, nothing is stored.
    await me.send('/vormerken 901D000002');
    await me.sees('Vormerkung nicht möglich. Es fehlt: Zweiter dokumentierter Anrufversuch');
    await me.shot('01-ifk-voraussetzung-fehlt');
    expect(await runtime.deps.store.casesOfCustomer('901D000002')).toEqual([]);

    // 2. A ready customer: checklist, target week, reason, mailbox box, "Vormerken".
    await me.send('/vormerken 901D000001');
    await me.sees('Zielwoche: KW 49/2026 (30.11.–04.12.)');
    await page.getByPlaceholder('Kurz und sachlich – bitte keine Gesundheitsdaten').last().fill('Reagiert seit drei Monaten weder auf Post noch auf Anrufe.');
    await page.getByLabel('Einladung des HB mit RFB liegt im AB-Postfach').last().check();
    await me.shot('02-ifk-vormerkung-ausgefuellt');
    await me.press('Vormerken');
    await me.sees('ist für die Aufsuchende Beratung in KW 49/2026 (30.11.–04.12.) vorgemerkt');
    await me.shot('03-ifk-vorgemerkt');

    // 3. The AB (demo switch) receives the task card and sees the week plan under the district.
    await me.send('/als Murat');
    await me.sees('[Demo] Sie handeln jetzt als Murat Yılmaz (AB)');
    await me.sees('Neue Vormerkung für die Aufsuchende Beratung');
    await me.shot('04-ab-aufgabe');
    await me.send('/ab-plan');
    await me.sees('AB-Wochenplan KW 48/2026 (23.11.–27.11.)');
    await me.sees('Mit den schon vorgemerkten Kunden der Folgewochen bis KW 49/2026 (30.11.–04.12.)');
    await me.sees('Bezirk Nord (Ihr Bezirk)');
    await me.shot('05-ab-wochenplan');

    // 4. The AB records the result from the plan: the form comes below the plan, which stays as it is.
    await me.press('Ergebnis erfassen');
    await me.sees('AB-Wochenplan KW 48/2026 (23.11.–27.11.)');
    await me.sees('Besuchsergebnis · Kunde 901D000001');
    await page.getByLabel('Nicht angetroffen – Einladung und Kunden-Paket in den Briefkasten').last().check();
    await page.getByLabel('Termin laut Einladung').last().fill('2026-12-01');
    await page.getByLabel('Verbis-Vermerk ist erstellt').last().check();
    await me.shot('06-ab-ergebnis-ausgefuellt');
    await me.press('Ergebnis speichern und HB informieren');
    await me.sees('Ergebnis für Kunde 901D000001 erfasst. Der HB ist per Aufgabe informiert.');

    // 5. The HB's task card arrives; as the HB, "Zur Kenntnis genommen" updates it in place.
    await me.sees('Aufgabe: Ergebnis der Aufsuchenden Beratung');
    await me.send('/als Anna');
    await me.sees('[Demo] Sie handeln jetzt als Anna Becker (IFK)');
    await me.shot('07-hb-aufgabe');
    await me.press('Zur Kenntnis genommen');
    await me.sees('✔ Zur Kenntnis genommen von Anna Becker');
    await me.shot('08-hb-zur-kenntnis-genommen');
    expect(await runtime.deps.store.openTasksOf(STAFF.anna)).toEqual([]);
  });

  it('walks a Meldeversäumnis without an AB: callback booked by the EZ, claimed and recorded by an IFK', async () => {
    const me = chat(page, process.env.E2E_SCREENSHOTS);

    // Both AB are out today.
    await me.send('/als Murat');
    await me.send('/ab unterwegs');
    await me.sees('Sie sind heute als unterwegs eingetragen');
    await me.send('/als Lena');
    await me.send('/ab unterwegs');
    await me.send('/ab status');
    await me.sees('Lena Hoffmann: unterwegs');

    // Reception reports the Meldeversäumnis; no AB is available; one click books the callback.
    await me.send('/als Sabine');
    await me.sees('[Demo] Sie handeln jetzt als Sabine Krüger (EZ)');
    await me.send('/meldeversaeumnis 901D000003');
    await me.sees('Zurzeit ist keine AB verfügbar.');
    await me.shot('10-ez-keine-ab-verfuegbar');
    await me.press('Taggleichen Rückruf buchen');
    await me.sees('Taggleicher Rückruf gebucht: heute');
    await me.shot('11-ez-rueckruf-gebucht');

    // Jonas (same placement team as the HB) takes it.
    await me.send('/als Jonas');
    await me.sees('[Demo] Sie handeln jetzt als Jonas Weber (IFK)');
    await me.sees('Taggleicher Rückruf (Meldeversäumnis)');
    await me.shot('12-ifk-rueckruf-karte');
    await me.press('Übernehmen');
    await me.sees('Von Ihnen übernommen am');
    await me.press('Ergebnis erfassen');
    await me.sees('Rückruf zum Meldeversäumnis · Kunde 901D000003');
    await page.getByLabel('Gründe für das Meldeversäumnis geklärt').last().check();
    await page.getByLabel('Kunde motiviert, Zusammenarbeit vereinbart').last().check();
    await page.getByLabel('Verbis-Vermerk über den Gesprächsinhalt ist erstellt').last().check();
    await me.shot('13-ifk-rueckruf-ergebnis');
    await me.press('Ergebnis speichern');
    await me.sees('Ergebnis gespeichert. Ihre Aufgabe: einen persönlichen Termin beim HB buchen');
    await me.sees('Aufgabe: Persönlichen Termin beim HB buchen');
    await me.shot('14-ifk-aufgabe-termin-beim-hb');
    expect((await runtime.deps.store.openTasksOf(STAFF.jonas)).map((t) => t.kind)).toEqual(['termin-beim-hb-buchen']);
  });
});
