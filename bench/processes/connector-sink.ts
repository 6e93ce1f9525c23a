import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reportPort } from '../child-process.js';

/** A Bot Connector that only acknowledges every reply, as Teams does, with a message id. */
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"id":"x"}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => reportPort((server.address() as AddressInfo).port, () => void server.close()));
