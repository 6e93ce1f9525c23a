import { fixedClock } from '../../src/clock.js';
import { loadEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/log.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { teamsTransport } from '../../src/teams/teams-transport.js';
import { cardText } from '../support/bot-harness.js';
import { startFakeConnector, type Fault } from '../support/fake-connector.js';
import { personalConversation as conv, postActivity, teamsActivity } from '../support/bot-over-http.js';
import { at, DEMO_DIRECTORY, DEMO_POLICY, fullAttempts, givenCustomer, STAFF, tempDir } from '../support/fixtures.js';

/**
 * The outbox against a connector that answers like Teams when something goes wrong, through botbuilder's real HTTP
 * client: Anna flags a customer of district Nord, so Murat (AB Nord) is owed the task card; his conversation fails.
 */
describe('delivery through the Bot Connector when Teams refuses or fails', () => {
  let runtime: Runtime;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const clock = fixedClock(at('2026-11-24 10:00'));
  const murat = conv(STAFF.murat);

  beforeEach(async () => {
    clock.set(at('2026-11-24 10:00'));
    connector = await startFakeConnector();
    const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: tempDir(), DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY });
    runtime = await startRuntime(config, silentLogger, {
      clock,
      senderIntervalMs: 60_000,
      scheduler: false,
      // The real transport, with a short timeout so that a hung connection costs the test one second.
      transport: (adapter, botAppId) => teamsTransport(adapter, botAppId, 1_000)
    });
    await givenCustomer(runtime.deps, { attempts: fullAttempts() });
    for (const who of [STAFF.anna, STAFF.murat, STAFF.lena, STAFF.ida]) await say(who, '/hilfe');
  });

  afterEach(async () => {
    await runtime.stop();
    await connector.close();
  });

  const say = (staffId: string, text: string) => postActivity(runtime.port, teamsActivity(connector.url, staffId, { type: 'message', text }));
  const flag = () => say(STAFF.anna, '/vormerken 123D456789 postfach Kunde reagiert seit drei Monaten nicht');
  const abTask = async () => (await runtime.deps.store.tasksOfCustomer('123D456789')).find((t) => t.kind === 'ab-besuch')!;
  const deliveryToMurat = async () => {
    const [n] = (await runtime.deps.store.notificationsOfTask((await abTask()).id)).filter((x) => x.recipient.kind === 'staff' && x.recipient.staffId === STAFF.murat);
    return { notification: n!, state: await runtime.deps.store.getDelivery(n!.id) };
  };
  /** Proactive calls (not replies to what the person wrote), answered or not: how often botbuilder's client tried. */
  const callsTo = (conversationId: string) => connector.calls.filter((c) => c.conversationId === conversationId && !c.replyToId?.startsWith('in-')).length;
  const zustellung = async () => {
    await say(STAFF.ida, '/zustellung');
    return connector.received.filter((r) => r.conversationId === conv(STAFF.ida)).at(-1)!.activity.text!;
  };
  /** The sender's next pass, after the business clock has moved past every wait. */
  const laterPass = async (ms = 16 * 60_000) => {
    clock.advance(ms);
    await runtime.sender.kick();
  };

  it.each(['BotNotInConversationRoster', 'ConversationBlockedByUser', 'BotDisabledByAdmin', 'NotEnoughPermissions'])(
    '403 %s: the card is given up, Murat is no longer reachable, the task goes to his substitute, /zustellung shows it',
    async (code) => {
      connector.fault(murat, { status: 403, code });
      await flag();
      await connector.waitFor(() => connector.proactiveTo(conv(STAFF.lena)).length === 1);
      await runtime.sender.kick();

      expect((await deliveryToMurat()).state).toMatchObject({ status: 'dead', lastHttpStatus: 403, lastError: `403 ${code}` });
      expect(callsTo(murat)).toBe(1);
      expect(await runtime.deps.store.getStaffRef(STAFF.murat)).toBeUndefined();
      expect((await abTask()).assigneeIds).toContain(STAFF.lena);
      expect(cardText(connector.proactiveTo(conv(STAFF.lena))[0]!.activity.attachments![0]!.content)).toContain('Neue Vormerkung für die Aufsuchende Beratung');
      expect(await zustellung()).toContain(`403 ${code} (dead)`);
      expect(connector.proactiveTo(murat)).toHaveLength(0);
    }
  );

  it('404 ConversationNotFound: given up and re-routed like a 403', async () => {
    connector.fault(murat, { status: 404, code: 'ConversationNotFound' });
    await flag();
    await connector.waitFor(() => connector.proactiveTo(conv(STAFF.lena)).length === 1);
    await runtime.sender.kick();
    expect((await deliveryToMurat()).state).toMatchObject({ status: 'dead', lastError: '404 ConversationNotFound' });
    expect(await zustellung()).toContain('404 ConversationNotFound (dead)');
  });

  it('429 once: botbuilder retries after Retry-After by itself, the card arrives once', async () => {
    connector.fault(murat, { status: 429, code: 'Throttled', headers: { 'Retry-After': '1' } });
    await flag();
    await connector.waitFor(() => connector.proactiveTo(murat).length === 1);
    await runtime.sender.kick(); // the connector has the card before the sender has recorded it
    const { state } = await deliveryToMurat();
    expect(state).toMatchObject({ status: 'sent', attempts: 1, activityId: connector.proactiveTo(murat)[0]!.responseId });
    expect(callsTo(murat)).toBe(2);
  });

  it('429 until the library gives up: the outbox waits for Retry-After, then delivers exactly once', async () => {
    const throttled: Fault = { status: 429, code: 'Throttled', headers: { 'Retry-After': '1' } };
    connector.fault(murat, throttled, throttled, throttled, throttled);
    await flag();
    await connector.waitFor(() => callsTo(murat) === 4, 10_000);
    await runtime.sender.kick();
    const { state } = await deliveryToMurat();
    expect(state).toMatchObject({ status: 'pending', attempts: 1, lastHttpStatus: 429, lastError: '429 Throttled' });
    expect(Date.parse(state!.nextAttemptAt) - clock.now().getTime()).toBe(1_000);
    expect(await zustellung()).toContain('429 Throttled (pending)');

    await laterPass(1_000);
    expect(connector.proactiveTo(murat)).toHaveLength(1);
    expect((await deliveryToMurat()).state).toMatchObject({ status: 'sent', attempts: 2 });
    await laterPass();
    expect(connector.proactiveTo(murat)).toHaveLength(1);
  }, 20_000);

  it('412 is not retried by the library: the outbox retries after its backoff and delivers once', async () => {
    connector.fault(murat, { status: 412, code: 'PreconditionFailed' });
    await flag();
    await connector.waitFor(() => callsTo(murat) === 1);
    await runtime.sender.kick();
    expect((await deliveryToMurat()).state).toMatchObject({ status: 'pending', lastError: '412 PreconditionFailed' });
    await laterPass();
    expect(connector.proactiveTo(murat)).toHaveLength(1);
    expect(callsTo(murat)).toBe(2);
  });

  it('502 four times: botbuilder gives up after its retries, the outbox delivers later, once', async () => {
    const bad: Fault = { status: 502, code: 'BadGateway' };
    connector.fault(murat, bad, bad, bad, bad);
    await flag();
    await connector.waitFor(() => callsTo(murat) === 4, 15_000);
    await runtime.sender.kick();
    expect((await deliveryToMurat()).state).toMatchObject({ status: 'pending', lastHttpStatus: 502 });
    await laterPass();
    expect(connector.proactiveTo(murat)).toHaveLength(1);
  }, 25_000);

  it.each([503, 504])('%i once: retried by botbuilder, delivered once', async (status) => {
    connector.fault(murat, { status, code: 'ServiceUnavailable' });
    await flag();
    await connector.waitFor(() => connector.proactiveTo(murat).length === 1, 10_000);
    await runtime.sender.kick(); // the connector has the card before the sender has recorded it
    expect((await deliveryToMurat()).state).toMatchObject({ status: 'sent', attempts: 1 });
    expect(callsTo(murat)).toBe(2);
  });

  it('a refused connection: pending until the connector is back, then delivered once', async () => {
    await connector.refuseConnections();
    await flag();
    await runtime.sender.kick();
    const { state } = await deliveryToMurat();
    expect(state).toMatchObject({ status: 'pending', lastError: 'keine Antwort ECONNREFUSED' });
    await connector.acceptConnections();
    await laterPass();
    expect(connector.proactiveTo(murat)).toHaveLength(1);
    expect((await deliveryToMurat()).state!.status).toBe('sent');
  }, 20_000);

  it('a dropped connection, every time the library tries: pending, then delivered once', async () => {
    connector.fault(murat, { drop: true }, { drop: true }, { drop: true }, { drop: true });
    await flag();
    await connector.waitFor(() => callsTo(murat) === 4, 15_000);
    await runtime.sender.kick();
    expect((await deliveryToMurat()).state).toMatchObject({ status: 'pending', lastError: 'keine Antwort ECONNRESET' });
    await laterPass();
    expect(connector.proactiveTo(murat)).toHaveLength(1);
  }, 25_000);

  it('a hung connection times out: pending, then delivered once (the hung call never counts)', async () => {
    connector.fault(murat, { hang: true });
    await flag();
    await connector.waitFor(() => callsTo(murat) === 1);
    await runtime.sender.kick();
    expect((await deliveryToMurat()).state).toMatchObject({ status: 'pending', lastError: 'keine Antwort TIMEOUT' });
    await laterPass();
    expect(connector.proactiveTo(murat)).toHaveLength(1);
  });

  it('an answer without a message id is "unsicher", shown in /zustellung and never sent again', async () => {
    connector.fault(murat, { noId: true });
    await flag();
    await connector.waitFor(() => callsTo(murat) === 1);
    await runtime.sender.kick();
    expect((await deliveryToMurat()).state).toMatchObject({ status: 'unsicher', lastError: 'angenommen, aber ohne Nachrichten-ID' });
    expect(await zustellung()).toContain('1 unsicher');
    await laterPass();
    expect(callsTo(murat)).toBe(1);
  });

  it('a refused in-place update loses only the update: Murat stays reachable, nothing is re-routed', async () => {
    // Both AB are available; the EZ reports a Meldeversäumnis; Lena takes it, so Murat's card is to be replaced in place.
    await say(STAFF.murat, '/ab verfuegbar');
    await say(STAFF.lena, '/ab verfuegbar');
    await say(STAFF.sabine, '/meldeversaeumnis 123D456789');
    await connector.waitFor(() => connector.proactiveTo(murat).length === 1 && connector.proactiveTo(conv(STAFF.lena)).length === 1);
    const task = (await runtime.deps.store.tasksOfCustomer('123D456789')).find((t) => t.status === 'offen')!;
    connector.fault(murat, { status: 404, code: 'ActivityNotFoundInConversation' });
    await postActivity(runtime.port, teamsActivity(connector.url, STAFF.lena, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'aufgabe.uebernehmen', data: { taskId: task.id, version: 1 } } } }));
    await connector.waitFor(() => connector.calls.some((c) => c.method === 'PUT' && c.conversationId === murat));
    await runtime.sender.kick();

    const update = (await runtime.deps.store.notificationsOfTask(task.id)).find((n) => n.updateOf && n.recipient.kind === 'staff' && n.recipient.staffId === STAFF.murat)!;
    expect(await runtime.deps.store.getDelivery(update.id)).toMatchObject({ status: 'dead', lastError: '404 ActivityNotFoundInConversation' });
    expect(await runtime.deps.store.getStaffRef(STAFF.murat)).toBeDefined();
    expect(connector.updatesTo(murat)).toHaveLength(0);
  });
});
