import { renderNotification } from '../../src/teams/render-notification.js';
import { shiftDate } from '../../src/domain/berlin-time.js';
import { botHarness, cardOf, cardText, TENANT } from '../support/bot-harness.js';
import { givenCustomer, STAFF, testDeps } from '../support/fixtures.js';
import { snapshot } from '../support/store-snapshot.js';
import type { StaffMember } from '../../src/domain/staff.js';

const SOFO = {
  clara: '00000000-0000-0000-0000-000000000401', // SOFO
  david: '00000000-0000-0000-0000-000000000402', // SOFO
  tanja: '00000000-0000-0000-0000-000000000403', // TL of the Sofortvermittlung
  heiko: '00000000-0000-0000-0000-000000000404', // AMM
} as const;

/** Specialised IFKs (seed 004 Schnittstellen), added for these stories only: the demo directory's IFK counts stay as other suites expect. */
const SPECIALISTS: StaffMember[] = [
  { id: '00000000-0000-0000-0000-000000000405', name: 'Rita Kaiser', roles: ['IFK'], team: 'team-521', partTime: false, districts: [], specialisation: 'reha' },
  { id: '00000000-0000-0000-0000-000000000406', name: 'Uwe Franke', roles: ['IFK'], team: 'team-521', partTime: false, districts: [], specialisation: 'u25' }
];
const CHANNEL = { conversation: { id: '19:sofo@thread.tacv2', conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' }, channelData: { channel: { id: '19:sofo@thread.tacv2' }, team: { id: '19:team' } } };

/** What the EZ's form sends for a plain new customer of the Sofortvermittlung (first application, 30, no training). */
const answers = (over: Record<string, string> = {}) => ({
  firstApplication: 'ja',
  benefitsEndedOn: '',
  age: '30',
  completedTraining: 'false',
  yearsOfExperience: '1',
  speaksGerman: 'true',
  placementOfficerAssigned: 'false',
  reha: 'false',
  profile: 'keine',
  alg1EndsOn: '',
  onlyForSperrzeit: 'false',
  selfEmployedOrEmployed: 'false',
  district: 'nord',
  householdMember: 'false',
  ...over
});
const kdnr = (n: number) => `500S${String(n).padStart(6, '0')}`;

async function setup(now = '2026-11-24 09:00') {
  const base = await testDeps(now);
  const deps = { ...base, directory: { ...base.directory, staff: [...base.directory.staff, ...SPECIALISTS] } };
  const bot = botHarness(deps);
  const route = async (k: string, over: Record<string, string> = {}) => (await bot.click(STAFF.sabine, 'neukunde.weiterleiten', { kdnr: k, ...answers(over) })).value;
  return { deps, bot, route };
}

describe('Sofortvermittlung: the Eingangszone routes a new customer (seed 004 Zugangssteuerung)', () => {
  it('/neukunde opens the routing card for the EZ; a bad number or another role gets a German sentence', async () => {
    const { bot } = await setup();
    const card = cardOf((await bot.say(STAFF.sabine, '/neukunde 500S000001'))[0]);
    expect(cardText(card)).toContain('Neukunde 500S000001 – Zugangssteuerung');
    expect(cardText(card)).toContain('Neukunde ab 182 Tagen Unterbrechung');
    expect((await bot.say(STAFF.sabine, '/neukunde 12345'))[0]?.text).toBe('Die Kundennummer hat nicht das erwartete Format. Erwartet wird z. B. 123D456789.');
    expect((await bot.say(STAFF.anna, '/neukunde 500S000001'))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
  });

  it('puts a new customer on the queue with number 1 and sends each Sofortvermittler the queue card', async () => {
    const { deps, route } = await setup();
    const card = await route(kdnr(1));
    expect(cardText(card)).toContain('Neukunde 500S000001: Sofortvermittlung');
    expect(cardText(card)).toContain('Wartenummer\n1');
    expect(cardText(card)).toContain('Beginn etwa\n09:00 Uhr');
    const cards = (await deps.store.allNotifications()).filter((n) => n.card === 'walk-in-queue');
    expect(cards.map((n) => n.recipient)).toEqual([{ kind: 'staff', staffId: SOFO.clara }, { kind: 'staff', staffId: SOFO.david }]);
    expect(cardText(await renderNotification(deps, cards[0]!))).toContain('Nr. 1 · Kunde 500S000001 · wartet');
  });

  it('the 182-day boundary: 182 days after the last benefits a new customer, 181 days the regular IFK', async () => {
    const { deps, route } = await setup();
    const at182 = await route(kdnr(1), { firstApplication: 'nein', benefitsEndedOn: shiftDate('2026-11-24', -182) });
    expect(cardText(at182)).toContain(': Sofortvermittlung');
    const at181 = await route(kdnr(2), { firstApplication: 'nein', benefitsEndedOn: shiftDate('2026-11-24', -181) });
    expect(cardText(at181)).toContain('Neukunde 500S000002: zuständige IFK (kein Sofortvermittlungsfall)');
    expect(cardText(at181)).toContain('Grund: kein Neukunde: Der frühere Leistungsbezug endete vor weniger als 182 Tagen');
    expect((await deps.store.getWalkInQueue('2026-11-24'))?.entries.map((e) => e.kdnr)).toEqual([kdnr(1)]);
    const missing = await route(kdnr(3), { firstApplication: 'nein' });
    expect(cardText(missing)).toContain('Bei einem erneuten Antrag brauche ich den letzten Tag des früheren Leistungsbezugs');
  });

  it('each exclusion routes where the seed says, and says with whom', async () => {
    const { deps, route } = await setup();
    const reha = cardText(await route(kdnr(1), { reha: 'true' }));
    expect(reha).toContain('Sofortzugang zu den Reha-IFK');
    expect(reha).toContain('Sofortzugang\n10:00–12:30 Uhr\nbei\nRita Kaiser');
    expect(reha).toContain('Bitte buchen Sie den Kunden in ATV direkt bei der zuständigen IFK ein.');
    expect(cardText(await route(kdnr(2), { age: '22' }))).toContain('Sofortzugang zu den U25-IFK\nGrund: unter 25 ohne abgeschlossene Ausbildung\nBezirk\nNord\nSofortzugang\n10:00–12:30 Uhr\nbei\nUwe Franke');
    expect(cardText(await route(kdnr(3), { profile: 'I' }))).toContain('Grund: Profillage I (Anlage 3)');
    expect(cardText(await route(kdnr(4), { profile: 'Z' }))).toContain('Grund: Profillage Z, § 10 SGB II (Anlage 3)');
    expect(cardText(await route(kdnr(5), { alg1EndsOn: '2026-12-31' }))).toContain('Zuständigkeit SGB III (Agentur für Arbeit)\nGrund: ALG-I-Anspruch noch länger als vier Wochen');
    expect(cardText(await route(kdnr(6), { onlyForSperrzeit: 'true' }))).toContain('Grund: ALG II nur für die Dauer einer Sperrzeit');
    const amm = cardText(await route(kdnr(7), { age: '40', completedTraining: 'true', district: 'sued' }));
    expect(amm).toContain('Neukunde 500S000007: Arbeitsmarktmanagement (AMM)');
    expect(amm).toContain('Aufgabe an\nHeiko Brandt');
    const [ammTask] = await deps.store.tasksOfCustomer(kdnr(7));
    expect(ammTask).toMatchObject({ kind: 'neukunde-amm', assigneeIds: [SOFO.heiko], status: 'offen' });
    expect(ammTask?.dueFrom).toBeUndefined();
    // Nobody but the plain new customer... nobody at all here went onto the queue.
    expect(await deps.store.getWalkInQueue('2026-11-24')).toBeUndefined();
  });

  it('the 11th walk-in gets today\'s first free afternoon slot with Rechtsfolgenbelehrung; the same customer is not routed twice', async () => {
    const { deps, bot, route } = await setup('2026-11-24 08:30');
    for (let n = 1; n <= 10; n++) {
      // Each talk is over before the next customer arrives, so the morning could still serve them: the places run out first.
      await route(kdnr(n));
      await bot.click(SOFO.clara, 'warteschlange.naechster', { date: '2026-11-24' });
      await bot.click(SOFO.clara, 'warteschlange.beendet', { date: '2026-11-24', number: String(n) });
    }
    const eleventh = cardText(await route(kdnr(11)));
    expect(eleventh).toContain('Termin\nheute, 13:30–14:15 Uhr bei Clara Vogt');
    expect(eleventh).toContain('Warum ein Termin\nalle 10 Plätze ohne Termin sind heute vergeben');
    expect(eleventh).toContain('Bitte händigen Sie dem Kunden den Termin mit Rechtsfolgenbelehrung persönlich aus.');
    expect(cardText(await route(kdnr(12)))).toContain('Termin\nheute, 13:30–14:15 Uhr bei David Roth');
    expect(cardText(await route(kdnr(11)))).toContain('Dieser Kunde wurde heute bereits weitergeleitet.');
    expect((await deps.store.sofoSlotsFrom('2026-11-24')).map((s) => [s.kdnr, s.from, s.officerId])).toEqual([
      [kdnr(11), '13:30', SOFO.clara],
      [kdnr(12), '13:30', SOFO.david]
    ]);
  });

  it('an officer\'s 4th slot is the next working day\'s 8:00; a household member gets an appointment at once', async () => {
    const { route } = await setup('2026-11-24 12:00');
    await route(kdnr(1)); // past 11:45: no walk-in start possible any more → appointment
    const seen: string[] = [];
    for (let n = 1; n <= 7; n++) seen.push(cardText(await route(kdnr(n + 1), { householdMember: 'true' })));
    expect(seen[0]).toContain('Warum ein Termin\nBG-Mitglied, bei der Antragstellung nicht anwesend');
    // 13:30 ×2, 14:15 ×2, 15:00 ×2 → Clara's 4th: Wednesday 8:00
    expect(seen[5]).toContain('Termin\nMi. 25.11.2026, 08:00–09:00 Uhr bei Clara Vogt');
    expect(seen[6]).toContain('Termin\nMi. 25.11.2026, 08:00–09:00 Uhr bei David Roth');
  });
});

describe('Sofortvermittlung: the live walk-in queue card', () => {
  it('is one card in the team channel, updated in place; after "Beratung beendet" it never shows that Kundennummer again', async () => {
    const { deps, bot, route } = await setup();
    await bot.say(SOFO.tanja, '/kanal hier', CHANNEL);
    await route(kdnr(1));
    await route(kdnr(2));
    const original = (await deps.store.allNotifications()).filter((n) => n.card === 'walk-in-queue' && !n.updateOf);
    expect(original.map((n) => n.recipient)).toEqual([{ kind: 'channel', channelId: '19:sofo@thread.tacv2' }]);

    const taken = await bot.click(SOFO.clara, 'warteschlange.naechster', { date: '2026-11-24' });
    expect(cardText(taken.value)).toContain('Nr. 1 · Kunde 500S000001 · in Bearbeitung: Clara Vogt');
    expect(cardText(taken.value)).toContain('Nr. 2 · Kunde 500S000002 · wartet');
    const done = await bot.click(SOFO.clara, 'warteschlange.beendet', { date: '2026-11-24', number: '1' });
    expect(cardText(done.value)).not.toContain('500S000001');
    expect(cardText(done.value)).toContain('Beraten\n1');

    const updates = (await deps.store.allNotifications()).filter((n) => n.updateOf === original[0]!.id);
    expect(updates).toHaveLength(3); // the second walk-in, the claim, the end of the talk
    const latest = updates.at(-1)!;
    expect(latest.recipient).toEqual({ kind: 'channel', channelId: '19:sofo@thread.tacv2' });
    const channelCard = cardText(await renderNotification(deps, latest));
    expect(channelCard).not.toContain('500S000001');
    expect(channelCard).toContain('Nr. 2 · Kunde 500S000002 · wartet');
    expect(JSON.stringify(await deps.store.getWalkInQueue('2026-11-24'))).not.toContain('500S000001');
  });

  it('refuses "Beratung beendet" by another officer, a stale card and the EZ, and changes nothing', async () => {
    const { deps, bot, route } = await setup();
    await route(kdnr(1));
    await bot.click(SOFO.clara, 'warteschlange.naechster', { date: '2026-11-24' });
    expect(cardText((await bot.click(SOFO.david, 'warteschlange.beendet', { date: '2026-11-24', number: '1' })).value)).toContain('Diese Beratung führt jemand anderes');
    expect(cardText((await bot.click(SOFO.david, 'warteschlange.naechster', { date: '2026-11-23' })).value)).toContain('Diese Karte ist nicht mehr aktuell');
    expect((await bot.click(STAFF.sabine, 'warteschlange.naechster', { date: '2026-11-24' })).value).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
    expect((await bot.click(SOFO.david, 'warteschlange.beendet', { date: '2026-11-24', number: 'eins' })).value).toBe('Die Angaben der Karte sind unvollständig oder ungültig. Es wurde nichts geändert.');
    const before = await deps.store.getWalkInQueue('2026-11-24');
    expect(before?.entries).toEqual([expect.objectContaining({ number: 1, status: 'in-bearbeitung', officerId: SOFO.clara })]);
    expect(before?.version).toBe(2);
  });
});

describe('Sofortvermittlung: the first talk (seed 004 Anlage 2, Sofortmaßnahmen)', () => {
  async function talked(over: Record<string, unknown> = {}) {
    const { deps, bot, route } = await setup();
    await givenCustomer(deps, { kdnr: kdnr(1), hbId: STAFF.jonas });
    await route(kdnr(1));
    const form = cardOf((await bot.say(SOFO.clara, `/erstgespraech ${kdnr(1)}`))[0]);
    const c = (await deps.store.newcomerCasesOfCustomer(kdnr(1)))[0]!;
    const all = { 'rechte-pflichten': 'true', eingliederungsvereinbarung: 'true', beratungsvermerk: 'true', 'jobboerse-login': 'true', antragsunterlagen: 'true' };
    const submit = (data: Record<string, unknown>) => bot.click(SOFO.clara, 'erstgespraech.absenden', { caseId: c.id, version: String(c.version), ...all, ammPotential: 'false', ifkId: STAFF.anna, ...data });
    return { deps, bot, form, c, submit, over };
  }

  it('shows the checklist and proposes the customer\'s HB as the future IFK', async () => {
    const { form } = await talked();
    expect(cardText(form)).toContain('Erstgespräch Sofortvermittlung · Kunde 500S000001');
    expect(cardText(form)).toContain('Beratungsvermerk zur Standortermittlung mit Integrationsprognose erstellt');
    expect(JSON.stringify(form)).toContain(`"value":"${STAFF.jonas}"`);
  });

  it('the S+K Check starts on a Monday; the IFK\'s task falls due 2–4 weeks after the measure ends', async () => {
    const { deps, submit } = await talked();
    const tuesday = await submit({ measure: 'sk-check', start: '2026-12-01' });
    expect(cardText(tuesday.value)).toContain('Der S+K Check beginnt an einem Montag');
    expect(await deps.store.tasksOfCustomer(kdnr(1))).toEqual([]);
    const monday = await submit({ measure: 'sk-check', start: '2026-11-30' });
    expect(cardText(monday.value)).toContain('Erstgespräch gespeichert. Der Kunde ist Anna Becker zugewiesen.');
    expect(cardText(monday.value)).toContain('(fällig 27.12.2026 bis 10.01.2027)');
    const [task] = await deps.store.tasksOfCustomer(kdnr(1));
    expect(task).toMatchObject({ kind: 'neukunde-folgeeinladung', assigneeIds: [STAFF.anna], dueFrom: '2026-12-27', dueTo: '2027-01-10' });
    const stored = (await deps.store.newcomerCasesOfCustomer(kdnr(1)))[0]!;
    expect(stored).toMatchObject({ ifkId: STAFF.anna, firstTalk: { measure: { kind: 'sk-check', start: '2026-11-30', end: '2026-12-13' } } });
    const [n] = (await deps.store.allNotifications()).filter((x) => x.subject.kind === 'task');
    expect(n?.recipient).toEqual({ kind: 'staff', staffId: STAFF.anna });
    expect(cardText(await renderNotification(deps, n!))).toContain('Bitte laden Sie den Kunden zwischen 27.12.2026 und 10.01.2027 ein');
  });

  it('names what the checklist misses, and never assigns the customer to a Sofortvermittler', async () => {
    const { deps, submit, bot } = await talked();
    const incomplete = await submit({ measure: 'orientierungscenter', start: '2026-11-25', 'jobboerse-login': 'false', antragsunterlagen: 'false' });
    expect(cardText(incomplete.value)).toContain('Das Erstgespräch ist noch nicht vollständig. Es fehlt: Jobbörse-Login ausgehändigt; Antragsunterlagen ausgehändigt. Es wurde nichts gespeichert.');
    const toSofo = await submit({ measure: 'orientierungscenter', start: '2026-11-25', ifkId: SOFO.david });
    expect(cardText(toSofo.value)).toContain('Der Kunde wird ihr zugewiesen, nicht der Sofortvermittlung.');
    const fromEz = await bot.click(STAFF.sabine, 'erstgespraech.absenden', { caseId: 'x', version: '1', measure: 'keine', ifkId: STAFF.anna });
    expect(fromEz.value).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
    expect(await deps.store.tasksOfCustomer(kdnr(1))).toEqual([]);
    expect((await deps.store.newcomerCasesOfCustomer(kdnr(1)))[0]?.firstTalk).toBeUndefined();
  });

  it('no measure needs a reason and gives the IFK "Neukunde – keine Maßnahmenzuweisung"; AMM potential gives the AMM a task', async () => {
    const { deps, submit } = await talked();
    expect(cardText((await submit({ measure: 'keine', reason: '' })).value)).toContain('Bitte begründen Sie kurz, warum keine Maßnahme zugewiesen wird.');
    const ok = await submit({ measure: 'keine', reason: 'Arbeitsaufnahme zum 01.12. *fest*', ammPotential: 'true' });
    expect(cardText(ok.value)).toContain('Neukunde – keine Maßnahmenzuweisung → Anna Becker');
    expect(cardText(ok.value)).toContain('Neukunde mit Potential für das Arbeitsmarktmanagement → Heiko Brandt');
    const tasks = await deps.store.tasksOfCustomer(kdnr(1));
    expect(tasks.map((t) => [t.kind, t.assigneeIds])).toEqual([
      ['neukunde-keine-massnahme', [STAFF.anna]],
      ['neukunde-amm', [SOFO.heiko]]
    ]);
    const n = (await deps.store.allNotifications()).find((x) => x.recipient.kind === 'staff' && x.recipient.staffId === STAFF.anna)!;
    expect(cardText(await renderNotification(deps, n))).toContain('Begründung: Arbeitsaufnahme zum 01.12. \\*fest\\*');
    const again = await submit({ measure: 'keine', reason: 'noch einmal', version: '2' });
    expect(cardText(again.value)).toContain('Das Erstgespräch dieses Kunden ist bereits erfasst.');
  });

  it('a household member who does not come to the appointment gives the IFK a task; not before the appointment', async () => {
    const { deps, bot, route } = await setup('2026-11-24 12:00');
    await route(kdnr(9), { householdMember: 'true' });
    const c = (await deps.store.newcomerCasesOfCustomer(kdnr(9)))[0]!;
    const form = cardOf((await bot.say(SOFO.clara, `/erstgespraech ${kdnr(9)}`))[0]);
    expect(cardText(form)).toContain('BG-Mitglied nicht erschienen');
    const early = await bot.click(SOFO.clara, 'erstgespraech.nicht-erschienen', { caseId: c.id, version: String(c.version), ifkId: STAFF.anna });
    expect(cardText(early.value)).toContain('Der Termin hat noch nicht begonnen.');
    deps.clock.set('2026-11-24T13:00:00.000Z'); // 14:00 in Berlin, after 13:30
    const late = await bot.click(SOFO.clara, 'erstgespraech.nicht-erschienen', { caseId: c.id, version: String(c.version), ifkId: STAFF.anna });
    expect(cardText(late.value)).toContain('BG-Mitglied nicht erschienen: Folgeeinladung innerhalb der Mindeststandards → Anna Becker');
    expect((await deps.store.tasksOfCustomer(kdnr(9))).map((t) => t.kind)).toEqual(['bg-folgeeinladung']);
  });

  it('a forged first talk for a customer routed elsewhere is refused and changes nothing', async () => {
    const { deps, bot, route } = await setup();
    await route(kdnr(4), { reha: 'true' });
    const c = (await deps.store.newcomerCasesOfCustomer(kdnr(4)))[0]!;
    expect((await bot.say(SOFO.clara, `/erstgespraech ${kdnr(4)}`))[0]?.text).toBe('Für diese Kundennummer ist kein Erstgespräch in der Sofortvermittlung offen.');
    const before = await snapshot(deps.store, deps.dataDir);
    const forged = await bot.click(SOFO.clara, 'erstgespraech.absenden', { caseId: c.id, version: '1', measure: 'keine', reason: 'x', ifkId: STAFF.anna });
    expect(forged.value).toBe('Dafür fehlt Ihnen die Berechtigung: Sie sind für diesen Kunden nicht zuständig.');
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });
});

