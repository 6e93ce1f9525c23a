import restify from 'restify';
import { listen } from '../../src/server.js';
import { reportPort } from '../child-process.js';

interface Inbound {
  readonly id: string;
  readonly serviceUrl: string;
  readonly conversation: { readonly id: string };
}

/**
 * The floors a turn is measured against: `/echo` answers the body back; `/relay` does the least a bot must do — read the
 * activity, post one reply to the connector, answer 200 once the connector has it.
 */
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/echo', async (req, res) => {
  res.send(200, req.body);
});
server.post('/relay', async (req, res) => {
  const a = req.body as Inbound;
  const reply = await fetch(`${a.serviceUrl}/v3/conversations/${encodeURIComponent(a.conversation.id)}/activities/${encodeURIComponent(a.id)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'ok', replyToId: a.id, conversation: a.conversation })
  });
  await reply.arrayBuffer();
  res.send(200);
});
const port = await listen(server, 0, '127.0.0.1');
reportPort(port, () => server.close());
