import { TestAdapter, type Activity } from 'botbuilder';
import type { Deps } from '../../src/app/deps.js';
import { silentLogger } from '../../src/log.js';
import { createBot } from '../../src/teams/bot.js';
import { teamsIdentity } from '../../src/teams/identity.js';

export const TENANT = 'tenant-jobcenter';

/** Drives the real teams-ai Application through botbuilder's TestAdapter, one turn at a time. */
export function botHarness(deps: Deps) {
  let queued = 0;
  deps.store.onNotificationsQueued(() => queued++);
  const app = createBot({ deps, identity: teamsIdentity, allowedTenants: [TENANT], requireTeamsChannel: true, logger: silentLogger });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });

  const base = (staffId: string): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    from: { id: `29:${staffId}`, name: 'x', aadObjectId: staffId },
    recipient: { id: '28:bot', name: 'AB-Lotse' },
    conversation: { id: `a:personal-${staffId}`, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' }
  });

  async function turn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(activity);
    return adapter.activeQueue.splice(0);
  }

  return {
    app,
    queuedCount: () => queued,
    /** A message from a staff member; returns the bot's replies. */
    say: (staffId: string, text: string, extra: Partial<Activity> = {}) => turn({ ...base(staffId), type: 'message', text, ...extra }),
    /** An Action.Execute from a card; returns the invoke response body. */
    async click(staffId: string, verb: string, data: Record<string, unknown>) {
      return (await this.clickWithMessages(staffId, verb, data)).body;
    },
    /** An Action.Execute from a card: the invoke response body, and the messages the bot sent besides it. */
    async clickWithMessages(staffId: string, verb: string, data: Record<string, unknown>) {
      const replies = await turn({ ...base(staffId), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });
      const invoke = replies.find((r) => r.type === 'invokeResponse');
      return { body: (invoke?.value as { body: { statusCode: number; type: string; value: unknown } }).body, messages: replies.filter((r) => r.type === 'message') };
    }
  };
}

/** All text a card shows (TextBlocks, facts, choice and toggle titles, buttons), for asserting what a user reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value', 'label']) if (typeof o[key] === 'string') out.push(o[key] as string);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}

export function cardOf(reply: Partial<Activity> | undefined): Record<string, unknown> {
  const attachment = reply?.attachments?.[0];
  if (!attachment) throw new Error(`expected a card, got: ${reply?.text}`);
  return attachment.content as Record<string, unknown>;
}

/** The first Action.Execute with this verb anywhere in the card, with its data. */
export function actionOf(card: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === verb) found = o.data as Record<string, unknown>;
      else Object.values(o).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error(`no action ${verb}`);
  return found;
}
