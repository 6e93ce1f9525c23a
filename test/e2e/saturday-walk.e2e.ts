import type { Page } from 'playwright-core';
import { chat, startDemoSession, type DemoSession } from './playground.js';

/**
 * A Saturday in the Agents Playground (clock pinned to Sa. 28.11.2026): the welcome and the help card, a flag that
 * lands in the week after next and is on the AB's plan, an AB who cannot declare a field day, and a callback that is
 * booked for Monday — never "taggleich".
 */
describe('a Saturday in the Agents Playground', () => {
  let session: DemoSession;
  let page: Page;

  beforeAll(async () => {
    session = await startDemoSession('2026-11-28T10:00:00+01:00');
    ({ page } = session);
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('greets, helps, flags for the week after next, and books the callback for the next working day', async () => {
    const me = chat(page, process.env.E2E_SCREENSHOTS);

    // The playground installs the app for Anna: the welcome names her role and what she will use most.
    await me.sees('Willkommen bei AB-Lotse, Anna Becker');
    await me.shot('20-willkommen');
    await me.send('/hilfe');
    await me.sees('Hilfe: was AB-Lotse für Sie tut');
    await me.sees('Kunden und Aufsuchende Beratung');
    await me.shot('21-hilfe-karte');

    // Saturday is past Thursday's deadline: the flag counts for the week after next.
    await me.send('/vormerken 901D000001');
    await me.sees('Zielwoche: KW 50/2026 (07.12.–11.12.)');
    await page.getByPlaceholder('Kurz und sachlich – bitte keine Gesundheitsdaten').last().fill('Reagiert seit drei Monaten weder auf Post noch auf Anrufe.');
    await page.getByLabel('Einladung des HB mit RFB liegt im AB-Postfach').last().check();
    await me.press('Vormerken');
    await me.sees('ist für die Aufsuchende Beratung in KW 50/2026 (07.12.–11.12.) vorgemerkt');

    // The AB's plan on Saturday shows it, with the week's dates.
    await me.send('/als Murat');
    await me.send('/ab-plan');
    await me.sees('für KW 50/2026 (07.12.–11.12.)');
    await me.shot('22-samstag-ab-plan');
    await me.send('/ab verfuegbar');
    await me.sees('Heute ist kein Arbeitstag');

    // Reception books a callback on a Saturday: the next working day, and the bot says so.
    await me.send('/als Sabine');
    await me.send('/rueckruf 901D000005');
    await me.sees('nächster Arbeitstag');
    await me.shot('23-samstag-rueckruf');
    expect(await page.getByText('Taggleicher Rückruf gebucht').count()).toBe(0);
  });
});
