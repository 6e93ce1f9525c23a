import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { jest } from '@jest/globals';
import { callRunningBot } from '../../scripts/offline-deps.js';
import { loadEnv } from '../../src/config/env.js';
import { jsonLogger, silentLogger } from '../../src/log.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { cardText } from '../support/bot-harness.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { localBot, personalConversation, postActivity, teamsActivity } from '../support/bot-over-http.js';
import { at, DEMO_DIRECTORY, DEMO_POLICY, fullAttempts, givenCustomer, STAFF, tempDir } from '../support/fixtures.js';

const conv = personalConversation;
const activity = teamsActivity;
const post = postActivity;

describe('over real HTTP with a fake Bot Connector', () => {
  let runtime: Runtime;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeEach(async () => {
    connector = await startFakeConnector();
    runtime = await localBot('2026-11-24 10:00');
  });

  afterEach(async () => {
    await runtime.stop();
    await connector.close();
  });

  it('GET /healthz answers ok', async () => {
    const res = await fetch(`http://127.0.0.1:${runtime.port}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('flag → AB task → visit result → the HB receives the task card and acknowledging it updates the card', async () => {
    await givenCustomer(runtime.deps, { attempts: fullAttempts() });
    const say = (staffId: string, text: string) => post(runtime.port, activity(connector.url, staffId, { type: 'message', text }));

    // Both have the app installed: their first message tells the bot where to reach them.
    await say(STAFF.anna, '/hilfe');
    await say(STAFF.murat, '/hilfe');

    expect((await say(STAFF.anna, '/vormerken 123D456789 postfach Kunde reagiert seit drei Monaten nicht')).status).toBe(200);
    const reply = connector.received.find((r) => r.conversationId === conv(STAFF.anna) && r.replyToId?.startsWith('in-') && r.activity.text?.includes('vorgemerkt'));
    expect(reply?.activity.text).toBe('Kunde 123D456789 ist für die Aufsuchende Beratung in KW 49/2026 (30.11.–04.12.) vorgemerkt. Die AB des Bezirks ist informiert.');

    await connector.waitFor(() => connector.proactiveTo(conv(STAFF.murat)).length === 1);
    const abTask = cardText(connector.proactiveTo(conv(STAFF.murat))[0]!.activity.attachments![0]!.content);
    expect(abTask).toContain('Neue Vormerkung für die Aufsuchende Beratung');
    expect(abTask).toContain('KW 49/2026 (30.11.–04.12.)');
    expect(abTask).toContain('Ergebnis erfassen');

    await say(STAFF.murat, '/ergebnis 123D456789 angetroffen 01.12.2026 vermerk meet-and-walk komplex');
    await connector.waitFor(() => connector.proactiveTo(conv(STAFF.anna)).length === 2 && connector.proactiveTo(conv(STAFF.murat)).length === 2 && connector.updatesTo(conv(STAFF.murat)).length === 1);
    // The AB task card Murat received is redrawn in place as done: its "Ergebnis erfassen" button is gone.
    const [abTaskNow] = connector.updatesTo(conv(STAFF.murat));
    expect(abTaskNow!.replyToId).toBe(connector.proactiveTo(conv(STAFF.murat))[0]!.responseId);
    expect(JSON.stringify(abTaskNow!.activity.attachments![0]!.content)).not.toContain('Ergebnis erfassen');

    const toAnna = connector.proactiveTo(conv(STAFF.anna)).map((r) => cardText(r.activity.attachments![0]!.content));
    expect(toAnna[0]).toContain('Aufgabe: Ergebnis der Aufsuchenden Beratung');
    expect(toAnna[0]).toContain('persönlich vor der Haustür übergeben');
    expect(toAnna[0]).toContain('Meet and Walk auf Wunsch des Kunden');
    expect(toAnna[0]).toContain('01.12.2026');
    expect(toAnna[0]).toContain('Zur Kenntnis genommen');
    expect(toAnna[1]).toContain('Aufgabe: Persönliches Gespräch AB–HB (komplexer Sachverhalt)');
    expect(cardText(connector.proactiveTo(conv(STAFF.murat))[1]!.activity.attachments![0]!.content)).toContain('Persönliches Gespräch AB–HB');
    // Nobody else heard anything.
    expect(new Set(connector.received.map((r) => r.conversationId))).toEqual(new Set([conv(STAFF.anna), conv(STAFF.murat)]));

    // The HB presses "Zur Kenntnis genommen" on the card: the card is replaced in place.
    const [resultTask] = (await runtime.deps.store.openTasksOf(STAFF.anna)).filter((t) => t.kind === 'ab-ergebnis');
    const ack = await post(
      runtime.port,
      activity(connector.url, STAFF.anna, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'aufgabe.erledigen', data: { taskId: resultTask!.id, version: 1 } } } })
    );
    expect(ack.status).toBe(200);
    expect(ack.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(ack.body.value)).toContain('✔ Zur Kenntnis genommen von Anna Becker am 24.11.2026, 10:00 Uhr');
    expect(JSON.stringify(ack.body.value)).not.toContain('aufgabe.erledigen');

    // A later drain sends nothing twice.
    const count = connector.received.length;
    await runtime.sender.kick();
    expect(connector.received.length).toBe(count);
  });

  it('keeps a notification for someone who has not installed the app yet, and delivers it as soon as they have', async () => {
    await givenCustomer(runtime.deps, { attempts: fullAttempts() });
    await post(runtime.port, activity(connector.url, STAFF.anna, { type: 'message', text: '/vormerken 123D456789 postfach Kunde reagiert nicht' }));
    await runtime.sender.kick();
    expect(connector.proactiveTo(conv(STAFF.murat))).toHaveLength(0);
    const [pending] = await runtime.deps.store.dueNotifications(new Date(at('2026-11-24 11:00')), 10);
    expect(pending?.delivery).toMatchObject({ status: 'pending', attempts: 1, lastError: 'keine Konversation (App nicht installiert)' });

    // Murat installs the app and writes to the bot: the task that waited for him arrives at once, not after the retry delay.
    await post(runtime.port, activity(connector.url, STAFF.murat, { type: 'message', text: '/hilfe' }));
    await connector.waitFor(() => connector.proactiveTo(conv(STAFF.murat)).length === 1);
    expect(cardText(connector.proactiveTo(conv(STAFF.murat))[0]!.activity.attachments![0]!.content)).toContain('Neue Vormerkung für die Aufsuchende Beratung');
  });
});

describe('logs', () => {
  it('carry no Kundennummer and no card payload at info level, through a whole flag → result → acknowledgement', async () => {
    const lines: string[] = [];
    const connector = await startFakeConnector();
    const runtime = await localBot('2026-11-24 10:00', jsonLogger('info', (l) => lines.push(l)));
    try {
      await givenCustomer(runtime.deps, { attempts: fullAttempts() });
      for (const who of [STAFF.anna, STAFF.murat]) await post(runtime.port, activity(connector.url, who, { type: 'message', text: '/kunde 123D456789' }));
      await post(runtime.port, activity(connector.url, STAFF.anna, { type: 'message', text: '/vormerken 123D456789 postfach Reagiert nicht' }));
      await post(runtime.port, activity(connector.url, STAFF.murat, { type: 'message', text: '/ergebnis 123D456789 angetroffen 01.12.2026 vermerk' }));
      const [task] = await runtime.deps.store.openTasksOf(STAFF.anna);
      await post(runtime.port, activity(connector.url, STAFF.anna, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'aufgabe.erledigen', data: { taskId: task!.id, version: 1 } } } }));
      await runtime.sender.kick();
    } finally {
      await runtime.stop();
      await connector.close();
    }
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['outbox.lease.taken', 'command', 'command', 'command', 'command', 'card.action']);
    expect(lines.filter((l) => /[0-9]{3}[A-Z][0-9]{6}/.test(l) || l.includes('Reagiert nicht'))).toEqual([]);
  });
});

describe('production mode', () => {
  it('answers a POST without a valid token with 401 and does nothing', async () => {
    const config = loadEnv({
      MICROSOFT_APP_ID: '11111111-1111-1111-1111-111111111111', MICROSOFT_APP_PASSWORD: 'not-a-real-secret', MICROSOFT_APP_TENANT_ID: 'tenant-1',
      HOST: '127.0.0.1', PORT: '0', DATA_DIR: tempDir(), DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY
    });
    const runtime = await startRuntime(config, silentLogger, { senderIntervalMs: 60_000, scheduler: false });
    // botbuilder prints each refused request to console.error; expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const connector = await startFakeConnector();
      const res = await post(runtime.port, activity(connector.url, STAFF.anna, { type: 'message', text: '/hilfe' }));
      expect(res.status).toBe(401);
      const forged = await post(runtime.port, activity(connector.url, STAFF.anna, { type: 'message', text: '/hilfe' }), { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' });
      expect(forged.status).toBe(401);
      expect(connector.received).toEqual([]);
      expect(await runtime.deps.store.getStaffRef(STAFF.anna)).toBeUndefined();
      await connector.close();
    } finally {
      quiet.mockRestore();
      await runtime.stop();
    }
  });
});

describe('the command-line tools through the running bot', () => {
  it('accepts a CSV on the admin socket (mode 0600, no TCP port) and answers a rejected file with the German report', async () => {
    const runtime = await localBot('2026-11-24 10:00');
    try {
      expect(statSync(runtime.adminSocket!).mode & 0o777).toBe(0o600);
      const dataDir = dirname(runtime.adminSocket!);
      const post = (csv: string) => callRunningBot(dataDir, '/import', csv, 'text/csv');
      const header = 'Kundennummer;HB;Gruppe;Profil;Intensiv;Bezirk;Letzter Kontakt';
      const ok = await post(`${header}\n100A000001;anna.becker@jobcenter-demo.example;u25;;nein;Nord;01.11.2026\n`);
      expect(ok).toEqual({ status: 200, json: { ok: true, created: 1, updated: 0 } });
      const bad = await post(`${header}\n100A000002;anna.becker@jobcenter-demo.example;u25;;nein;Atlantis;\n`);
      expect(bad).toEqual({ status: 422, json: { ok: false, problems: [{ line: 2, message: 'Bezirk „Atlantis“ ist unbekannt (bekannt: Nord, Ost, Süd, West).' }] } });
      expect(await runtime.deps.store.getCustomer('100A000002')).toBeUndefined();
      const job = await callRunningBot(dataDir, '/jobs/faellige-kontakte', '', 'application/json');
      expect(job?.json).toMatchObject({ job: 'faellige-kontakte', ran: true, count: 1 });

      // An export names who gave it; without a name nothing is exported.
      expect(await callRunningBot(dataDir, '/export/100A000001', '', 'application/json')).toEqual({ status: 400, json: { error: 'Wer die Auskunft erteilt, fehlt (--von).' } });
      expect((await callRunningBot(dataDir, '/export/100A000001?von=Ida%20Neumann', '', 'application/json'))?.status).toBe(200);
      expect((await runtime.deps.audit.read()).filter((e) => e.action === 'auskunft').map((e) => [e.actor, e.component])).toEqual([['Ida Neumann', 'cli']]);
    } finally {
      await runtime.stop();
    }
  });
});
