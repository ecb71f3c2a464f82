/**
 * One GET of a local endpoint, body as bytes. The sampler polls every few hundred milliseconds for
 * the whole run, and `fetch` costs about twice the CPU of node:http per request here
 * (bench/sampling-client.ts), which alone broke the 2%-of-a-core budget for sampling.
 */
import http from 'node:http';
import https from 'node:https';

export class HttpGetError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HttpGetError';
  }
}

export function httpGet(url: string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, { timeout: timeoutMs }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new HttpGetError(`HTTP ${res.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', (err) => reject(new HttpGetError(err.message, (err as NodeJS.ErrnoException).code)));
    });
    req.on('timeout', () => req.destroy(new HttpGetError('timed out')));
    req.on('error', (err) =>
      reject(
        err instanceof HttpGetError
          ? err
          : new HttpGetError(err.message, (err as NodeJS.ErrnoException).code),
      ),
    );
  });
}
