import type { Runtime } from '../../src/runtime.js';
import { cardText } from '../support/bot-harness.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { localBot, personalConversation, postActivity, teamsActivity } from '../support/bot-over-http.js';
import { givenCustomer, STAFF } from '../support/fixtures.js';

const conv = personalConversation;

describe('Meldeversäumnis without an AB, over real HTTP: from the EZ to the IFK\'s task', () => {
  let runtime: Runtime;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeEach(async () => {
    connector = await startFakeConnector();
    // Wednesday 10:00: the demo policy's AB field day, so no AB is available.
    runtime = await localBot('2026-11-25 10:00');
  });

  afterEach(async () => {
    await runtime.stop();
    await connector.close();
  });

  const post = (staffId: string, body: Record<string, unknown>) => postActivity(runtime.port, teamsActivity(connector.url, staffId, body));
  const say = (staffId: string, text: string) => post(staffId, { type: 'message', text });
  const click = (staffId: string, verb: string, data: Record<string, unknown>) => post(staffId, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });
  const textOf = (r: { activity: { attachments?: Array<{ content: unknown }>; text?: string } }) => (r.activity.attachments ? cardText(r.activity.attachments[0]!.content) : r.activity.text ?? '');
  const replyTo = (staffId: string) => connector.received.filter((r) => r.conversationId === conv(staffId) && r.replyToId?.startsWith('in-')).at(-1)!;

  it('walks /meldeversaeumnis → callback → claim → talk → task, every message to the right person in German', async () => {
    await givenCustomer(runtime.deps);
    for (const who of [STAFF.sabine, STAFF.anna, STAFF.jonas, STAFF.murat, STAFF.lena]) await say(who, '/hilfe');

    // The EZ reports: no AB is available, the bot says so and offers the callback.
    await say(STAFF.sabine, '/meldeversaeumnis 123D456789');
    const offer = textOf(replyTo(STAFF.sabine));
    expect(offer).toContain('Zurzeit ist keine AB verfügbar.');
    expect(offer).toContain('Murat Yılmaz: unterwegs');
    expect(offer).toContain('Taggleichen Rückruf buchen');

    // One click books it; the present IFKs of the HB's team each get the callback card.
    const booked = await click(STAFF.sabine, 'rueckruf.buchen', { kdnr: '123D456789' });
    expect(cardText(booked.body.value)).toContain('Taggleicher Rückruf gebucht: heute, 10:00–16:00 Uhr, Team 521 Markt & Integration. Informiert: Anna Becker, Jonas Weber.');
    await connector.waitFor(() => connector.proactiveTo(conv(STAFF.anna)).length === 1 && connector.proactiveTo(conv(STAFF.jonas)).length === 1);
    for (const who of [STAFF.anna, STAFF.jonas]) {
      const card = textOf(connector.proactiveTo(conv(who))[0]!);
      expect(card).toContain('Taggleicher Rückruf (Meldeversäumnis)');
      expect(card).toContain('heute, 10:00–16:00 Uhr');
      expect(card).toContain('Übernehmen');
    }
    expect(connector.proactiveTo(conv(STAFF.murat))).toHaveLength(0);

    // Jonas claims. His card turns into "Von Ihnen übernommen" with "Ergebnis erfassen"; Anna's card is updated in place;
    // the EZ learns who took it.
    const [task] = await runtime.deps.store.tasksOfCustomer('123D456789');
    const claimed = await click(STAFF.jonas, 'aufgabe.uebernehmen', { taskId: task!.id, version: 1 });
    expect(cardText(claimed.body.value)).toContain('Von Ihnen übernommen am');
    expect(cardText(claimed.body.value)).toContain('Ergebnis erfassen');
    await connector.waitFor(() => connector.updatesTo(conv(STAFF.anna)).length === 1 && connector.proactiveTo(conv(STAFF.sabine)).length === 1);
    expect(textOf(connector.updatesTo(conv(STAFF.anna))[0]!)).toContain('Übernommen von Jonas Weber am 25.11.2026, 10:00 Uhr');
    expect(connector.updatesTo(conv(STAFF.anna))[0]!.replyToId).toBe(connector.proactiveTo(conv(STAFF.anna))[0]!.responseId);
    expect(textOf(connector.proactiveTo(conv(STAFF.sabine))[0]!)).toContain('Übernommen von Jonas Weber');

    // Anna clicks her (now updated) card too late: refused, nothing changes.
    const late = await click(STAFF.anna, 'aufgabe.uebernehmen', { taskId: task!.id, version: 1 });
    expect(late.body.value).toBe('Das hat bereits Jonas Weber übernommen. Es wurde nichts geändert.');

    // Jonas records the talk; he gets the task to book the personal appointment with the HB.
    await say(STAFF.jonas, '/gespraech 123D456789 vermerk gruende motiviert');
    expect(textOf(replyTo(STAFF.jonas))).toBe('Ergebnis gespeichert. Ihre Aufgabe: einen persönlichen Termin beim HB buchen (siehe /aufgaben).');
    await connector.waitFor(() => connector.proactiveTo(conv(STAFF.jonas)).length === 2);
    const jonasTask = textOf(connector.proactiveTo(conv(STAFF.jonas))[1]!);
    expect(jonasTask).toContain('Aufgabe: Persönlichen Termin beim HB buchen');
    expect(jonasTask).toContain('Bitte buchen Sie einen persönlichen Termin beim HB (Anna Becker).');

    // Nobody else was messaged proactively.
    const proactiveConversations = new Set(connector.received.filter((r) => !r.replyToId?.startsWith('in-')).map((r) => r.conversationId));
    expect(proactiveConversations).toEqual(new Set([conv(STAFF.anna), conv(STAFF.jonas), conv(STAFF.sabine)]));
  });
});
