import { flagCustomer } from '../../src/app/flag-customer.js';
import { actionOf, botHarness, cardOf, cardText, TENANT } from '../support/bot-harness.js';
import { at, attempt, fullAttempts, givenCustomer, STAFF, STRANGER, testDeps } from '../support/fixtures.js';
import { snapshot } from '../support/store-snapshot.js';

const REASON = 'Kunde reagiert seit drei Monaten nicht.';

describe('chatting with the bot (TestAdapter)', () => {
  it('/hilfe is a card for an IFK, grouped by process, with placeholders that survive Teams (no angle brackets)', async () => {
    const bot = botHarness(await testDeps());
    const [reply] = await bot.say(STAFF.anna, '/hilfe');
    const text = cardText(cardOf(reply));
    expect(text).toContain('Sie sind angemeldet als Anna Becker (IFK)');
    expect(text).toContain('Kunden und Aufsuchende Beratung');
    expect(text).toContain('/vormerken KDNR [postfach BEGRÜNDUNG]\nfür die Aufsuchende Beratung vormerken');
    expect(text).not.toMatch(/[<>]|&lt;|&gt;/);
    expect(text).not.toContain('/ab-plan');
    expect(text).not.toContain('/als');
    // A process none of whose commands she may use has no heading.
    expect(text).not.toContain('Sofortvermittlung');
  });

  it('/hilfe shows AB staff the week plan and the result, not the flag', async () => {
    const bot = botHarness(await testDeps());
    const text = cardText(cardOf((await bot.say(STAFF.murat, '/hilfe'))[0]));
    expect(text).toContain('/ab-plan');
    expect(text).toContain('/ergebnis');
    expect(text).not.toContain('/vormerken');
  });

  it('answers a typo with the closest command it may use, then the whole help', async () => {
    const bot = botHarness(await testDeps());
    const [hint, help] = await bot.say(STAFF.anna, '/vormerkn 123D456789');
    expect(hint?.text).toBe('Diesen Befehl kenne ich nicht. Meinten Sie `/vormerken KDNR [postfach BEGRÜNDUNG]`? Alle Befehle, die Ihnen zur Verfügung stehen:');
    expect(cardText(cardOf(help))).toContain('Sie sind angemeldet als Anna Becker');
    // The start of a command is enough; an AB is never pointed to /vormerken, which ABs cannot use.
    expect((await bot.say(STAFF.anna, '/faell'))[0]?.text).toContain('Meinten Sie `/faellig`');
    expect((await bot.say(STAFF.murat, '/vormerkn 123D456789'))[0]?.text).not.toContain('/vormerken');
  });

  it('answers a word far from every command with the help, without a guess', async () => {
    const bot = botHarness(await testDeps());
    const [lead, help] = await bot.say(STAFF.anna, '/kaffee');
    expect(lead?.text).toBe('Diesen Befehl kenne ich nicht. Hier sind alle Befehle, die Ihnen zur Verfügung stehen:');
    expect(cardText(cardOf(help))).toContain('Sie sind angemeldet als Anna Becker');
  });

  it('greets a person by role when the app is installed, with the commands they will use most', async () => {
    const bot = botHarness(await testDeps());
    const installed = { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:bot', name: 'AB-Lotse' }] };
    const [anna] = await bot.say(STAFF.anna, '', installed);
    expect(anna?.text).toMatch(/^Willkommen bei AB-Lotse, Anna Becker\. Sie sind als IFK eingetragen/);
    expect(anna?.text).toContain('- `/kunde KDNR` – Status eines Kunden');
    expect(anna?.text).toContain('`/faellig`');
    const [murat] = await bot.say(STAFF.murat, '', installed);
    expect(murat?.text).toContain('`/ab-plan [KW]`');
    expect(murat?.text).not.toContain('/vormerken');
    // Someone else joining a chat the bot is already in gets no greeting.
    expect(await bot.say(STAFF.anna, '', { ...installed, membersAdded: [{ id: '29:someone', name: 'x' }] })).toEqual([]);
    expect((await bot.say(STRANGER, '', installed))[0]?.text).toBe('Sie sind im Mitarbeiterverzeichnis von AB-Lotse nicht eingetragen. Bitte wenden Sie sich an Ihre Teamleitung oder die IT.');
  });

  it('tells a team channel what it will receive, who registers it, and to address the bot with @AB-Lotse', async () => {
    const bot = botHarness(await testDeps());
    const [hello] = await bot.say(STAFF.petra, '', {
      type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:bot', name: 'AB-Lotse' }],
      conversation: { id: '19:channel-521', conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' }
    });
    expect(hello?.text).toContain('Sobald die Teamleitung diesen Kanal mit „@AB-Lotse kanal hier“ für ihr Team festlegt');
    expect(hello?.text).toContain('montags der Wochenrückblick – nur Zahlen, keine Kundennummern');
    expect(hello?.text).toContain('Im Kanal sprechen Sie mich mit @AB-Lotse an');
  });

  it('tells someone outside the directory to contact the team lead or IT', async () => {
    const bot = botHarness(await testDeps());
    const [reply] = await bot.say(STRANGER, '/hilfe');
    expect(reply?.text).toBe('Sie sind im Mitarbeiterverzeichnis von AB-Lotse nicht eingetragen. Bitte wenden Sie sich an Ihre Teamleitung oder die IT.');
  });

  it('drops activities from a tenant that is not allowed, and from other channels', async () => {
    const deps = await testDeps();
    const bot = botHarness(deps);
    expect(await bot.say(STAFF.anna, '/hilfe', { conversation: { id: 'x', conversationType: 'personal', tenantId: 'evil-tenant', isGroup: false, name: '' } })).toEqual([]);
    expect(await bot.say(STAFF.anna, '/hilfe', { channelId: 'webchat' })).toEqual([]);
    expect(await deps.store.getStaffRef(STAFF.anna)).toBeUndefined();
  });

  it('remembers where to reach a person, and forgets it on uninstall', async () => {
    const deps = await testDeps();
    const bot = botHarness(deps);
    await bot.say(STAFF.anna, '/hilfe');
    expect(await deps.store.getStaffRef(STAFF.anna)).toMatchObject({ conversationId: `a:personal-${STAFF.anna}`, tenantId: TENANT, serviceUrl: 'https://smba.example/' });
    await bot.say(STAFF.anna, '', { type: 'installationUpdate', action: 'remove', text: undefined });
    expect(await deps.store.getStaffRef(STAFF.anna)).toBeUndefined();
  });

  it('records a contact attempt and confirms it in German', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const [reply] = await bot.say(STAFF.anna, '/versuch 123D456789 anruf 23.11.2026 14:30');
    expect(reply?.text).toBe('Anrufversuch für Kunde 123D456789 am 23.11.2026, 14:30 Uhr erfasst.');
  });

  it('explains a malformed Kundennummer with an example, and a wrong date', async () => {
    const deps = await testDeps();
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, '/versuch 12345 anruf'))[0]?.text).toBe('Die Kundennummer hat nicht das erwartete Format. Erwartet wird z. B. 123D456789.');
    expect((await bot.say(STAFF.anna, '/versuch 123D456789 anruf 30.02.2026 10:00'))[0]?.text).toBe('Den 30.02.2026 gibt es nicht im Kalender. Bitte prüfen Sie das Datum.');
    expect((await bot.say(STAFF.anna, '/versuch 123D456789'))[0]?.text).toBe('So geht es: `/versuch KDNR einladung|einladung-rfb|nicht-erschienen|anruf [TT.MM.JJJJ [HH:MM]]`');
  });

  it('answers a date written another way about the date, and proposes the one meant; a time only where a time is typed', async () => {
    const deps = await testDeps('2026-12-01 10:00');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const before = await snapshot(deps.store, deps.dataDir);
    expect((await bot.say(STAFF.anna, '/versuch 123D456789 einladung 2026-11-30'))[0]?.text).toBe('„2026-11-30“ ist kein Datum im Format TT.MM.JJJJ. Meinten Sie 30.11.2026?');
    expect((await bot.say(STAFF.anna, '/kontakt 123D456789 telefonisch 1.12.26'))[0]?.text).toBe('„1.12.26“ ist kein Datum im Format TT.MM.JJJJ. Meinten Sie 01.12.2026?');
    expect((await bot.say(STAFF.anna, '/abwesend bis 31.11.2026'))[0]?.text).not.toContain('HH:MM');
    expect((await bot.say(STAFF.anna, '/versuch 123D456789 anruf 30.11.2026 25:10'))[0]?.text).toBe('„25:10“ ist keine gültige Uhrzeit. Bitte im Format HH:MM angeben, z. B. 09:30.');
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });

  it('/kunde shows the status card to the HB and refuses reception', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    const text = cardText(cardOf((await bot.say(STAFF.anna, '/kunde 123D456789'))[0]));
    expect(text).toContain('Kunde 123D456789');
    expect(text).toContain('Anna Becker');
    expect(text).toContain('ab 25, marktfern');
    expect(text).toContain('21.10.2026, 09:15 Uhr: Anrufversuch');
    expect(text).toContain('nicht vorgemerkt');
    expect((await bot.say(STAFF.sabine, '/kunde 123D456789'))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
  });
});

describe('flagging through the card', () => {
  it('/vormerken with a missing prerequisite names it and offers no form; nothing is stored', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: [...fullAttempts().slice(0, 4), attempt('anruf', '2026-10-21 09:00'), attempt('anruf', '2026-10-21 15:00')] });
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.anna, '/vormerken 123D456789'))[0]);
    const text = cardText(card);
    expect(text).toContain('Vormerkung nicht möglich. Es fehlt: Zweiter dokumentierter Anrufversuch an einem anderen Tag und zu einer anderen Uhrzeit (Die erfassten Anrufe liegen alle am selben Tag.). Es wurde nichts gespeichert.');
    expect(text).toContain('❌ Zweiter dokumentierter Anrufversuch');
    expect(text).toContain('✅ Einladung mit RFB');
    expect(() => actionOf(card, 'vormerken.absenden')).toThrow();
    expect(await deps.store.casesOfCustomer('123D456789')).toEqual([]);
  });

  it('shows the checklist and the target week, and flags on submit; the AB task is queued', async () => {
    const deps = await testDeps('2026-11-26 15:59'); // Thursday, one minute before end of service
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.anna, '/vormerken 123D456789'))[0]);
    expect(cardText(card)).toContain('Zielwoche: KW 49/2026 (30.11.–04.12.)');
    expect(cardText(card)).toContain('Vormerkungen bis Do. 26.11.2026, 16:00 Uhr gelten für die kommende Woche.');
    expect(cardText(card)).toContain('Einladung des HB mit RFB liegt im AB-Postfach');
    const data = actionOf(card, 'vormerken.absenden');

    const body = await bot.click(STAFF.anna, 'vormerken.absenden', { ...data, reason: REASON, postfach: 'true' });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Kunde 123D456789 ist für die Aufsuchende Beratung in KW 49/2026 (30.11.–04.12.) vorgemerkt. Die AB des Bezirks ist informiert.');
    expect(bot.queuedCount()).toBe(1);
    expect((await deps.store.casesOfCustomer('123D456789'))[0]).toMatchObject({ targetWeek: '2026-W49', reason: REASON });
  });

  it('a flag two minutes later, at 16:01, targets the week after', async () => {
    const deps = await testDeps('2026-11-26 16:01');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    const [reply] = await bot.say(STAFF.anna, `/vormerken 123D456789 postfach ${REASON}`);
    expect(reply?.text).toBe('Kunde 123D456789 ist für die Aufsuchende Beratung in KW 50/2026 (07.12.–11.12.) vorgemerkt. Die AB des Bezirks ist informiert.');
  });

  it('keeps the form with a German error when the mailbox box is not ticked', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    const body = await bot.click(STAFF.anna, 'vormerken.absenden', { kdnr: '123D456789', reason: REASON, postfach: 'false' });
    expect(cardText(body.value)).toContain('Bitte legen Sie die ausgedruckte Einladung des HB mit RFB in das AB-Postfach und bestätigen Sie das.');
    expect(actionOf(body.value, 'vormerken.absenden')).toEqual({ kdnr: '123D456789' });
    expect(await deps.store.casesOfCustomer('123D456789')).toEqual([]);
  });

  it('refuses a forged flag for another team\'s customer and a malformed payload, storing nothing', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { kdnr: '111A111111', hbId: STAFF.lena, attempts: fullAttempts() });
    const bot = botHarness(deps);
    const before = await snapshot(deps.store, deps.dataDir);
    expect((await bot.click(STAFF.anna, 'vormerken.absenden', { kdnr: '111A111111', reason: REASON, postfach: 'true' })).value).toBe(
      'Dafür fehlt Ihnen die Berechtigung: Sie sind für diesen Kunden nicht zuständig.'
    );
    expect((await bot.click(STAFF.anna, 'vormerken.absenden', { kdnr: ['111A111111'], postfach: 'ja' })).value).toBe('Die Angaben der Karte sind unvollständig oder ungültig. Es wurde nichts geändert.');
    expect((await bot.click(STAFF.anna, 'vormerken.absenden', { kdnr: '111A111111', reason: 'x'.repeat(9000) })).value).toBe('Die Angaben der Karte sind unvollständig oder ungültig. Es wurde nichts geändert.');
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });
});

describe('AB: week plan and visit result', () => {
  async function flagged(now = '2026-11-17 10:00') {
    const deps = await testDeps(now);
    await givenCustomer(deps, { attempts: fullAttempts() });
    const r = await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: REASON, invitationInMailbox: true });
    if (!r.ok) throw new Error(r.reason);
    deps.clock.set('2026-11-23T07:00:00Z'); // Monday of KW 48, the target week
    return { deps, bot: botHarness(deps), outreach: r.outreach };
  }

  it('/ab-plan shows the week\'s flags under their district with "Ergebnis erfassen"', async () => {
    const { bot } = await flagged();
    const card = cardOf((await bot.say(STAFF.murat, '/ab-plan'))[0]);
    const text = cardText(card);
    expect(text).toContain('AB-Wochenplan KW 48/2026 (23.11.–27.11.)');
    expect(text).toContain('Bezirk Nord (Ihr Bezirk)');
    expect(text).toContain('Kunde 123D456789 · ab 25, marktfern · HB Anna Becker');
    expect(text).toContain('Ergebnis erfassen');
    expect((await bot.say(STAFF.murat, '/ab-plan 47'))[0]?.text).toBe('Für KW 47/2026 (16.11.–20.11.) ist niemand für die Aufsuchende Beratung vorgemerkt.');
    expect((await bot.say(STAFF.anna, '/ab-plan'))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
  });

  it('shows a flag made this week at once, for next week, with the dates of each week', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    await bot.say(STAFF.anna, `/vormerken 123D456789 postfach ${REASON}`);
    const text = cardText(cardOf((await bot.say(STAFF.murat, '/ab-plan'))[0]));
    expect(text).toContain('AB-Wochenplan KW 48/2026 (23.11.–27.11.)');
    expect(text).toContain('Mit den schon vorgemerkten Kunden der Folgewochen bis KW 49/2026 (30.11.–04.12.).');
    expect(text).toContain('Kunde 123D456789 · ab 25, marktfern · HB Anna Becker · für KW 49/2026 (30.11.–04.12.)');
  });

  it('on a Saturday lists the flag made on Friday for the week after next', async () => {
    const deps = await testDeps('2026-11-27 10:00'); // Friday: past Thursday's deadline → KW 50
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, `/vormerken 123D456789 postfach ${REASON}`))[0]?.text).toContain('in KW 50/2026 (07.12.–11.12.) vorgemerkt');
    deps.clock.set(at('2026-11-28 11:00'));
    const text = cardText(cardOf((await bot.say(STAFF.murat, '/ab-plan'))[0]));
    expect(text).not.toContain('niemand');
    expect(text).toContain('Kunde 123D456789 · ab 25, marktfern · HB Anna Becker · für KW 50/2026 (07.12.–11.12.)');
    expect(text).toContain('Eine bestimmte Woche: /ab-plan 50');
  });

  it('names the weeks with their dates when nobody is flagged, and reads a week number of January in December', async () => {
    const bot = botHarness(await testDeps('2026-12-19 11:00'));
    expect((await bot.say(STAFF.murat, '/ab-plan'))[0]?.text).toBe('Für KW 51/2026 (14.12.–18.12.) und die Folgewochen bis KW 53/2026 (28.12.–01.01.) ist niemand für die Aufsuchende Beratung vorgemerkt.');
    expect((await bot.say(STAFF.murat, '/ab-plan 2'))[0]?.text).toBe('Für KW 2/2027 (11.01.–15.01.) ist niemand für die Aufsuchende Beratung vorgemerkt.');
  });

  it('opens the result form from the plan as a message of its own, leaving the plan card as it is, and records the result', async () => {
    const { deps, bot, outreach } = await flagged();
    const plan = cardOf((await bot.say(STAFF.murat, '/ab-plan'))[0]);
    const { body, messages: [formMessage] } = await bot.clickWithMessages(STAFF.murat, 'ergebnis.formular', actionOf(plan, 'ergebnis.formular'));
    // The invoke answers with a message, which leaves the plan card untouched; the form arrives below it.
    expect(body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Das Formular für Kunde 123D456789 steht unten im Chat.' });
    const form = { value: cardOf(formMessage) };
    expect(cardText(form.value)).toContain('Angetroffen – Einladung persönlich vor der Haustür übergeben');
    expect(cardText(form.value)).toContain('Nicht angetroffen – Einladung und Kunden-Paket in den Briefkasten');
    const submit = actionOf(form.value, 'ergebnis.absenden');
    const done = await bot.click(STAFF.murat, 'ergebnis.absenden', {
      ...submit, outcome: 'angetroffen', meetAndWalk: 'true', lowThresholdInfo: 'false', verbisNoteWritten: 'true', complex: 'false', hintForBenefits: 'false', appointmentDate: '2026-12-01'
    });
    expect(cardText(done.value)).toContain('Ergebnis für Kunde 123D456789 erfasst. Der HB ist per Aufgabe informiert.');
    expect(await deps.store.getCase(outreach.id)).toMatchObject({ status: 'besucht', visit: { outcome: 'angetroffen', meetAndWalk: true, appointmentDate: '2026-12-01' } });
    expect(bot.queuedCount()).toBe(1);
  });

  it('keeps the form with a German error when the Verbis note is not confirmed', async () => {
    const { deps, bot, outreach } = await flagged();
    const body = await bot.click(STAFF.murat, 'ergebnis.absenden', { caseId: outreach.id, version: 1, outcome: 'nicht-angetroffen', appointmentDate: '2026-12-01' });
    expect(cardText(body.value)).toContain('Bitte erstellen Sie zuerst den Verbis-Vermerk und bestätigen Sie das.');
    expect((await deps.store.getCase(outreach.id))?.status).toBe('vorgemerkt');
  });

  it('refuses an IFK posting the result card action and changes nothing', async () => {
    const { deps, bot, outreach } = await flagged();
    const before = await snapshot(deps.store, deps.dataDir);
    const body = await bot.click(STAFF.anna, 'ergebnis.absenden', {
      caseId: outreach.id, version: 1, outcome: 'angetroffen', verbisNoteWritten: 'true', appointmentDate: '2026-12-01'
    });
    expect(body.value).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });

  it('records a result typed as a command', async () => {
    const { bot } = await flagged();
    const [reply] = await bot.say(STAFF.murat, '/ergebnis 123D456789 nicht-angetroffen 01.12.2026 vermerk');
    expect(reply?.text).toBe('Ergebnis für Kunde 123D456789 erfasst. Der HB ist per Aufgabe informiert.');
  });
});

describe('tasks', () => {
  async function withResultTask() {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    await bot.say(STAFF.anna, `/vormerken 123D456789 postfach ${REASON}`);
    await bot.say(STAFF.murat, '/ergebnis 123D456789 nicht-angetroffen 01.12.2026 vermerk');
    return { deps, bot };
  }

  it('/aufgaben lists the HB\'s result task with "Zur Kenntnis genommen"; acknowledging it updates the list', async () => {
    const { deps, bot } = await withResultTask();
    const list = cardOf((await bot.say(STAFF.anna, '/aufgaben'))[0]);
    expect(cardText(list)).toContain('Ihre offenen Aufgaben (1)');
    expect(cardText(list)).toContain('Ergebnis der Aufsuchenden Beratung');
    expect(cardText(list)).toContain('Besuch: nicht angetroffen, Termin laut Einladung 01.12.2026');
    const body = await bot.click(STAFF.anna, 'aufgabe.erledigen', actionOf(list, 'aufgabe.erledigen'));
    expect(cardText(body.value)).toContain('Ihre offenen Aufgaben (0)');
    expect((await deps.store.openTasksOf(STAFF.anna))).toEqual([]);
    expect((await bot.say(STAFF.anna, '/aufgaben'))[0]?.text).toBe('Sie haben keine offenen Aufgaben.');
  });

  it('refuses acknowledging someone else\'s task and changes nothing', async () => {
    const { deps, bot } = await withResultTask();
    const [task] = await deps.store.openTasksOf(STAFF.anna);
    const before = await snapshot(deps.store, deps.dataDir);
    const body = await bot.click(STAFF.jonas, 'aufgabe.erledigen', { taskId: task!.id, version: task!.version });
    expect(body.value).toBe('Diese Aufgabe ist nicht Ihnen zugewiesen. Es wurde nichts geändert.');
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });

  it('answers a second click on an acknowledged task without changing anything', async () => {
    const { deps, bot } = await withResultTask();
    const [task] = await deps.store.openTasksOf(STAFF.anna);
    const first = await bot.click(STAFF.anna, 'aufgabe.erledigen', { taskId: task!.id, version: task!.version });
    expect(cardText(first.value)).toContain('✔ Zur Kenntnis genommen von Anna Becker am 24.11.2026, 10:00 Uhr');
    const second = await bot.click(STAFF.anna, 'aufgabe.erledigen', { taskId: task!.id, version: task!.version });
    expect(second.value).toBe('Diese Aufgabe ist bereits erledigt. Es wurde nichts geändert.');
  });
});

describe('acting from the status card', () => {
  it('offers the HB "Kontaktversuch erfassen" and "Für AB vormerken", and records an attempt from the card', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts().slice(0, 5) });
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.anna, '/kunde 123D456789'))[0]);
    expect(cardText(card)).toContain('Kontaktversuch erfassen');
    const body = await bot.click(STAFF.anna, 'versuch.absenden', { ...actionOf(card, 'versuch.absenden'), kind: 'anruf', date: '2026-11-23', time: '15:30' });
    expect(cardText(body.value)).toContain('Anrufversuch für Kunde 123D456789 am 23.11.2026, 15:30 Uhr erfasst.');
    expect(cardText(body.value)).toContain('AB-Voraussetzungen\nerfüllt');
    const form = await bot.click(STAFF.anna, 'vormerken.formular', actionOf(body.value, 'vormerken.formular'));
    expect(cardText(form.value)).toContain('Zielwoche: KW 49/2026 (30.11.–04.12.)');
  });

  it('shows the card without actions to AB staff, and refuses a forged attempt from them', async () => {
    const deps = await testDeps();
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.murat, '/kunde 123D456789'))[0]);
    expect(() => actionOf(card, 'versuch.absenden')).toThrow();
    const before = await snapshot(deps.store, deps.dataDir);
    const body = await bot.click(STAFF.murat, 'versuch.absenden', { kdnr: '123D456789', version: 1, kind: 'anruf' });
    expect(cardText(body.value)).toContain('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });

  it('keeps the card with a German error for a call dated without a time', async () => {
    const deps = await testDeps();
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const body = await bot.click(STAFF.anna, 'versuch.absenden', { kdnr: '123D456789', version: 1, kind: 'anruf', date: '2026-11-23', time: '' });
    expect(cardText(body.value)).toContain('Bitte geben Sie beim Anrufversuch auch die Uhrzeit an (HH:MM)');
    expect((await deps.store.getCustomer('123D456789'))?.attempts).toEqual([]);
  });
});
