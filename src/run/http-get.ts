/**
 * One GET of a local endpoint, body as bytes. The sampler polls every few hundred milliseconds for
 * the whole run, and `fetch` costs about twice the CPU of node:http per request here
 * (bench/sampling-client.ts), which alone broke the 2%-of-a-core budget for sampling.
 */
import http from 'node:http';
import https from 'node:https';

import { MAX_RESPONSE_BYTES, mib } from '../limits.js';

export class HttpGetError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HttpGetError';
  }
}

/**
 * GET `url` with a deadline for the whole exchange (a server that trickles a byte a second never
 * trips a socket idle timeout) and a size cap (a hostile or broken endpoint can send gigabytes).
 * Redirects are not followed: an endpoint that redirects is named with where it points.
 */
export function httpGet(url: string, timeoutMs: number, maxBytes = MAX_RESPONSE_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, { timeout: timeoutMs }, (res) => {
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        res.resume();
        const where = status >= 300 && status < 400 && res.headers.location;
        reject(
          new HttpGetError(
            where
              ? `HTTP ${status} redirect to ${where} (not followed: give the final URL)`
              : `HTTP ${status}`,
          ),
        );
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (declared > maxBytes) {
        req.destroy(new HttpGetError(`response of ${declared} bytes is larger than ${mib(maxBytes)}`));
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      res.on('data', (c: Buffer) => {
        total += c.length;
        if (total > maxBytes) req.destroy(new HttpGetError(`response is larger than ${mib(maxBytes)}`));
        else chunks.push(c);
      });
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', (err) => reject(toHttpGetError(err)));
    });
    const deadline = setTimeout(() => req.destroy(new HttpGetError('timed out')), timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy(new HttpGetError('timed out')));
    req.on('error', (err) => reject(toHttpGetError(err)));
  });
}

function toHttpGetError(err: Error): HttpGetError {
  return err instanceof HttpGetError
    ? err
    : new HttpGetError(err.message, (err as NodeJS.ErrnoException).code);
}
