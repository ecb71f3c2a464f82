/**
 * Issue 15: hostile --expvar-url / --telemetry-url / --pprof-url servers. A server that trickles its
 * answer, one that sends gigabytes, one that redirects in a loop, and one that answers with the
 * wrong content: each poll ends in bounded time and memory with a reason, never hangs or grows.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { parseExpvar } from '../../src/collect/expvar.js';
import { ParseError } from '../../src/errors.js';
import { httpGet } from '../../src/run/http-get.js';

describe('hostile endpoints', () => {
  let server: Server;
  let base: string;
  let bytesSent = 0;
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/trickle') {
        // Headers at once, then a byte every 50 ms forever: no idle timeout ever fires.
        res.writeHead(200, { 'content-type': 'application/json' });
        const t = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(t));
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) bytesSent += chunk.length;
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      } else if (req.url === '/declared-huge') {
        res.writeHead(200, { 'content-length': String(10 * 1024 ** 3) });
        res.write('{');
      } else if (req.url?.startsWith('/loop')) {
        res.writeHead(302, { location: `${base}/loop` }).end();
      } else if (req.url === '/html') {
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!DOCTYPE html><html><title>Login</title></html>');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('a trickling server is cut at the deadline of the whole exchange', async () => {
    const started = Date.now();
    await assert.rejects(httpGet(`${base}/trickle`, 300), { message: 'timed out' });
    const took = Date.now() - started;
    assert.ok(took < 2_000, `took ${took} ms`);
  });

  it('an endless body is cut at the size cap; a declared huge body is refused at once', async () => {
    await assert.rejects(httpGet(`${base}/huge`, 30_000, 8 * 1024 * 1024), {
      message: 'response is larger than 8 MiB',
    });
    assert.ok(bytesSent < 64 * 1024 * 1024, `server managed to send ${bytesSent} bytes`);
    await assert.rejects(httpGet(`${base}/declared-huge`, 5_000), {
      message: 'response of 10737418240 bytes is larger than 64 MiB',
    });
  });

  it('a redirect (loop) is not followed and says where it points', async () => {
    await assert.rejects(httpGet(`${base}/loop`, 1_000), {
      message: `HTTP 302 redirect to ${base}/loop (not followed: give the final URL)`,
    });
  });

  it('the wrong content is refused by the format parser, naming the URL', async () => {
    const text = (await httpGet(`${base}/html`, 1_000)).toString('utf8');
    assert.throws(
      () => parseExpvar(text, `${base}/html`),
      (err: unknown) => err instanceof ParseError && err.line.startsWith(`${base}/html: not JSON`),
    );
  });
});
