import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { prAncestry } from '../../src/app/pr-ancestry.js';

const sha = (n: number) => n.toString(16).padStart(40, '0');

/** A GitHub API stand-in: compare gives the merge-base, git/commits walks first parents 9 → 1. */
function api(fail = false) {
  const calls: string[] = [];
  const client = {
    async request(route: string, params: Record<string, unknown>) {
      calls.push(route);
      if (fail) throw new Error('HttpError: Server Error (502)');
      if (route.includes('/compare/')) return { data: { merge_base_commit: { sha: sha(9) } } };
      const n = parseInt(String(params.commit_sha), 16);
      return { data: { sha: sha(n), parents: n > 1 ? [{ sha: sha(n - 1) }] : [] } };
    },
  };
  return { calls, api: { client, owner: 'o', repo: 'r' } };
}

describe('the PR ancestry that picks the baseline', () => {
  it('falls back to the GitHub API when the clone cannot answer (shallow checkout)', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'memgate-noclone-'));
    const warnings: string[] = [];
    const { calls, api: a } = api();
    const got = await prAncestry(
      { base: sha(12), head: sha(20), cwd, api: a, max: 4 },
      {
        warn: (m) => warnings.push(m),
      },
    );
    assert.deepEqual(got, [sha(9), sha(8), sha(7), sha(6)]);
    assert.equal(calls.filter((c) => c.includes('/compare/')).length, 1);
    assert.deepEqual(warnings, []);
  });

  it('warns once and uses the newest baseline when neither can answer', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'memgate-noclone-'));
    const warnings: string[] = [];
    const got = await prAncestry(
      { base: sha(12), head: sha(20), cwd, api: api(true).api },
      {
        warn: (m) => warnings.push(m),
      },
    );
    assert.equal(got, undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /cannot find the merge-base .*local git: .*GitHub API: .*502.*fetch-depth: 0/);
  });
});
