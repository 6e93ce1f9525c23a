import { flagCustomer } from '../../src/app/flag-customer.js';
import type { StaffMember } from '../../src/domain/staff.js';
import { actionOf, botHarness, cardOf, cardText } from '../support/bot-harness.js';
import { fullAttempts, givenCustomer, STAFF, testDeps } from '../support/fixtures.js';

/** What the inputs of a card hold, by id: what the user sees in the fields when the card comes back. */
function inputs(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

const REASON = 'Kunde reagiert seit drei Monaten nicht auf Einladungen.';

describe('a refused form comes back with everything the user entered and the German reason', () => {
  it('the flag form keeps the reason text when the mailbox tick is missing', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    const form = cardOf((await bot.say(STAFF.anna, '/vormerken 123D456789'))[0]);
    const body = await bot.click(STAFF.anna, 'vormerken.absenden', { ...actionOf(form, 'vormerken.absenden'), reason: REASON, postfach: 'false' });
    expect(cardText(body.value)).toContain('Bitte legen Sie die ausgedruckte Einladung des HB mit RFB in das AB-Postfach und bestätigen Sie das.');
    expect(inputs(body.value)).toEqual({ reason: REASON, postfach: 'false' });
    expect(await deps.store.casesOfCustomer('123D456789')).toEqual([]);
  });

  it('the visit result form keeps the outcome, the ticks and the date when the Verbis note is not confirmed', async () => {
    const deps = await testDeps('2026-11-17 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const flagged = await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: REASON, invitationInMailbox: true });
    if (!flagged.ok) throw new Error(flagged.reason);
    deps.clock.set('2026-11-23T07:00:00Z');
    const bot = botHarness(deps);
    const body = await bot.click(STAFF.murat, 'ergebnis.absenden', {
      caseId: flagged.outreach.id, version: 1, outcome: 'angetroffen', meetAndWalk: 'true', lowThresholdInfo: 'true', verbisNoteWritten: 'false', complex: 'false', hintForBenefits: 'true', appointmentDate: '2026-12-01'
    });
    expect(cardText(body.value)).toContain('Bitte erstellen Sie zuerst den Verbis-Vermerk und bestätigen Sie das.');
    expect(inputs(body.value)).toEqual({
      outcome: 'angetroffen', meetAndWalk: 'true', lowThresholdInfo: 'true', verbisNoteWritten: 'false', complex: 'false', hintForBenefits: 'true', appointmentDate: '2026-12-01'
    });
    expect((await deps.store.getCase(flagged.outreach.id))?.status).toBe('vorgemerkt');
  });

  it('the talk result form keeps the ticks, the date and the time of a follow-up outside service hours', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    await bot.say(STAFF.sabine, '/meldeversaeumnis 123D456789');
    const [task] = await deps.store.tasksOfCustomer('123D456789');
    await bot.click(STAFF.murat, 'aufgabe.uebernehmen', { taskId: task!.id, version: 1 });
    const [missed] = await deps.store.missedCasesOfCustomer('123D456789');
    const body = await bot.click(STAFF.murat, 'gespraech.absenden', {
      caseId: missed!.id, version: missed!.version, reasonsCleared: 'true', motivated: 'false', verbisNoteWritten: 'true', followUpDate: '2026-11-26', followUpTime: '15:30'
    });
    expect(cardText(body.value)).toContain('Der Folgetermin (1 Stunde) muss innerhalb der Dienstzeit liegen.');
    expect(inputs(body.value)).toMatchObject({ reasonsCleared: 'true', motivated: 'false', verbisNoteWritten: 'true', followUpDate: '2026-11-26', followUpTime: '15:30' });
  });

  it('the attempt form on the status card keeps kind and date of a call entered without a time', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const body = await bot.click(STAFF.anna, 'versuch.absenden', { kdnr: '123D456789', version: 1, kind: 'anruf', date: '2026-11-23', time: '' });
    expect(cardText(body.value)).toContain('Bitte geben Sie beim Anrufversuch auch die Uhrzeit an (HH:MM)');
    expect(inputs(body.value)).toMatchObject({ kind: 'anruf', date: '2026-11-23' });
  });

  it('the due-contacts form keeps the chosen kind for the customer it was refused for', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25', lastContactImported: '2026-09-01' });
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.anna, '/faellig'))[0]);
    const body = await bot.click(STAFF.anna, 'kontakt.absenden', { ...actionOf(card, 'kontakt.absenden'), kind_123D456789: 'gruppe', date_123D456789: '2026-11-23' });
    expect(cardText(body.value)).toContain('Eine Gruppeninformation zählt für die Kontaktdichte nur bei marktfernen Kunden');
    expect(inputs(body.value)).toMatchObject({ kind_123D456789: 'gruppe', date_123D456789: '2026-11-23' });
  });

  it('the U25 handover form keeps form, target group and the chosen aB-pAp without the handover talk', async () => {
    const MIRIAM = '00000000-0000-0000-0000-0000000000028';
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25' });
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.anna, '/u25-uebergabe 123D456789'))[0]);
    const body = await bot.click(STAFF.anna, 'u25.uebergeben', { ...actionOf(card, 'u25.uebergeben'), handoverTalk: 'false', form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPap: MIRIAM });
    expect(cardText(body.value)).toContain('Übergabe nicht möglich: Vor der Übergabe findet grundsätzlich ein Gespräch zwischen pAp und aB-pAp statt.');
    expect(inputs(body.value)).toEqual({ handoverTalk: 'false', form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPap: MIRIAM });
    expect(await deps.store.allU25Cases()).toEqual([]);
  });

  describe('Sofortvermittlung', () => {
    const SOFO_CLARA = '00000000-0000-0000-0000-000000000401';
    const U25_IFK: StaffMember = { id: '00000000-0000-0000-0000-000000000406', name: 'Uwe Franke', roles: ['IFK'], team: 'team-521', partTime: false, districts: [], specialisation: 'u25' };
    const answers = {
      firstApplication: 'nein', benefitsEndedOn: '', age: '41', completedTraining: 'true', yearsOfExperience: '12', speaksGerman: 'true', placementOfficerAssigned: 'false',
      reha: 'false', profile: 'Z', alg1EndsOn: '', onlyForSperrzeit: 'false', selfEmployedOrEmployed: 'false', district: 'nord', householdMember: 'true'
    };
    async function setup() {
      const base = await testDeps('2026-11-24 09:00');
      const deps = { ...base, directory: { ...base.directory, staff: [...base.directory.staff, U25_IFK] } };
      return { deps, bot: botHarness(deps) };
    }

    it('the routing form keeps every answer when the end of the earlier benefits is missing', async () => {
      const { deps, bot } = await setup();
      const body = await bot.click(STAFF.sabine, 'neukunde.weiterleiten', { kdnr: '500S000001', ...answers });
      expect(cardText(body.value)).toContain('Bei einem erneuten Antrag brauche ich den letzten Tag des früheren Leistungsbezugs');
      expect(inputs(body.value)).toMatchObject({ ...answers, benefitsEndedOn: undefined, alg1EndsOn: undefined, age: 41, yearsOfExperience: 12 });
      expect(await deps.store.newcomerCasesOfCustomer('500S000001')).toEqual([]);
    });

    it('the first talk form keeps the ticks, the measure and the reason when the checklist is incomplete', async () => {
      const { deps, bot } = await setup();
      await givenCustomer(deps, { kdnr: '500S000001', hbId: STAFF.jonas });
      await bot.click(STAFF.sabine, 'neukunde.weiterleiten', { kdnr: '500S000001', ...answers, firstApplication: 'ja', age: '30', yearsOfExperience: '1', profile: 'keine', householdMember: 'false', completedTraining: 'false' });
      const c = (await deps.store.newcomerCasesOfCustomer('500S000001'))[0]!;
      const ticks = { 'rechte-pflichten': 'true', eingliederungsvereinbarung: 'false', beratungsvermerk: 'true', 'jobboerse-login': 'false', antragsunterlagen: 'true' };
      const body = await bot.click(SOFO_CLARA, 'erstgespraech.absenden', {
        caseId: c.id, version: String(c.version), ...ticks, measure: 'keine', reason: 'Arbeitsaufnahme zum 01.12.', ammPotential: 'true', ifkId: STAFF.anna
      });
      expect(cardText(body.value)).toContain('Das Erstgespräch ist noch nicht vollständig.');
      expect(inputs(body.value)).toMatchObject({ ...ticks, measure: 'keine', reason: 'Arbeitsaufnahme zum 01.12.', ammPotential: 'true', ifkId: STAFF.anna });
    });
  });
});
