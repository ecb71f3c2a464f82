/** Real webhook payloads, as GitHub sends them, from @octokit/webhooks-examples. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Webhook payloads are deep, loosely typed JSON that tests read and edit in place.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Payload = Record<string, any>;

let cache: { name: string; examples: Payload[] }[] | undefined;

/** A deep copy of the first example of `name` that `pick` accepts; throws when there is none. */
export function webhookExample(name: string, pick: (e: Payload) => boolean = () => true): Payload {
  if (!cache) {
    const require = createRequire(import.meta.url);
    cache = JSON.parse(
      readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
    ) as { name: string; examples: Payload[] }[];
  }
  const found = cache.find((e) => e.name === name)?.examples.find(pick);
  if (!found) throw new Error(`no ${name} webhook example`);
  return structuredClone(found);
}
