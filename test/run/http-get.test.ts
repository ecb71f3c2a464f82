import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { httpGet } from '../../src/run/http-get.js';
import { freePort } from '../support/cli.js';

describe('httpGet', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ok') res.end('{"rtloader": {}}');
      else if (req.url === '/fail') {
        res.statusCode = 500;
        res.end('boom');
      } else if (req.url === '/binary') res.end(Buffer.from([0x1f, 0x8b, 0x00, 0xff]));
      // '/hang' never answers
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('returns the body, bytes intact', async () => {
    assert.equal((await httpGet(`${base}/ok`, 1000)).toString('utf8'), '{"rtloader": {}}');
    assert.deepEqual([...(await httpGet(`${base}/binary`, 1000))], [0x1f, 0x8b, 0x00, 0xff]);
  });

  it('names what went wrong: status, timeout, refused connection', async () => {
    await assert.rejects(httpGet(`${base}/fail`, 1000), /^HttpGetError: HTTP 500$/);
    await assert.rejects(httpGet(`${base}/hang`, 100), (e: Error) => e.message === 'timed out');
    const closed = await freePort();
    await assert.rejects(
      httpGet(`http://127.0.0.1:${closed}/`, 1000),
      (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED',
    );
  });
});
