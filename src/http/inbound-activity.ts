import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { z } from 'zod';

/** What arrives at /api/messages: an activity, or the HTTP answer that refuses it (German, no internals). */
export type Inbound = { ok: true; activity: Record<string, unknown> } | { ok: false; status: number; message: string };

export interface InboundRules {
  readonly maxBytes: number;
  /** Local mode: no token is checked, so replies may only go to this machine, and no web page may post. */
  readonly local: boolean;
}

/** The invoke the bot answers (Universal Actions); anything else is refused here rather than answered 501 by the adapter. */
const cardActionInvoke = z.object({
  name: z.literal('adaptiveCard/action'),
  value: z.looseObject({ action: z.looseObject({ type: z.literal('Action.Execute'), verb: z.string().min(1).max(128) }) })
});

/** The envelope every activity needs before botbuilder sees it; the bot checks commands and card payloads itself. */
const activityEnvelope = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  from: z.looseObject({ id: z.string().min(1).max(512), aadObjectId: z.string().max(128).optional() }),
  recipient: z.looseObject({ id: z.string().min(1).max(512) }).optional(),
  conversation: z.looseObject({ id: z.string().min(1).max(1024), conversationType: z.string().max(64).optional(), tenantId: z.string().max(128).optional() }),
  text: z.string().max(20_000).optional(),
  name: z.string().max(128).optional(),
  action: z.string().max(64).optional()
});

const refuse = (status: number, message: string): Inbound => ({ ok: false, status, message });

/** 127.0.0.0/8, ::1 and localhost: the only places a local-mode bot may send to. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1');
}

/**
 * Reads and checks one POST to /api/messages before botbuilder parses anything: only `application/json`, no
 * Content-Encoding (a small gzip body must not inflate into a large one), at most `maxBytes` read, valid JSON, an
 * activity envelope. What a web page could send without a CORS preflight (form, multipart, text/plain) is refused
 * by the content type; in local mode also anything a browser marks as cross-site.
 */
export async function readInboundActivity(req: IncomingMessage, rules: InboundRules): Promise<Inbound> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/.test(type)) return refuse(415, 'Nur application/json wird angenommen.');
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') return refuse(415, 'Komprimierte Anfragen werden nicht angenommen.');
  if (rules.local && (req.headers['sec-fetch-site'] === 'cross-site' || req.headers['sec-fetch-site'] === 'same-site' || (req.headers.origin && !isLoopbackUrl(req.headers.origin)))) {
    return refuse(403, 'Anfragen aus Webseiten werden im lokalen Modus nicht angenommen.');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > rules.maxBytes) return refuse(413, 'Die Anfrage ist zu groß.');

  const chunks: Buffer[] = [];
  let size = 0;
  // Past the limit the rest is read and dropped, not buffered: stopping early would reset the connection before the 413.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= rules.maxBytes) chunks.push(chunk);
  }
  if (size > rules.maxBytes) return refuse(413, 'Die Anfrage ist zu groß.');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return refuse(400, 'Die Anfrage ist kein gültiges JSON.');
  }
  const parsed = activityEnvelope.safeParse(json);
  if (!parsed.success) return refuse(400, 'Die Anfrage ist keine gültige Aktivität.');
  const activity = parsed.data;
  if (activity.type === 'invoke' && !cardActionInvoke.safeParse(activity).success) return refuse(400, 'Unbekannte Aktion.');
  if (rules.local && !isLoopbackUrl(activity.serviceUrl)) return refuse(403, 'Im lokalen Modus antwortet der Bot nur an Adressen auf diesem Rechner.');
  return { ok: true, activity };
}
