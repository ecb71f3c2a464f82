/**
 * Row 17 of issue 15: a corrupt event payload is one clear line naming the event file, never a
 * stack trace from @actions/github (which parses the payload while being imported). Through the
 * unbundled entry point and through dist/index.js, as the runner starts it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { readEventContext, readEventPayload } from '../../src/github/context.js';
import { MemgateError } from '../../src/errors.js';
import { ROOT, RUNNER_NODE } from '../e2e/harness.js';

function start(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(args[0], args.slice(1), { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('corrupt event payloads', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'memgate-event-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const cases: [string, string, RegExp][] = [
    ['truncated', '{"pull_request": {"number": 1', /is not valid JSON/],
    ['null', 'null', /is not a JSON object/],
    ['array', '[1, 2]', /is not a JSON object/],
    ['binary', '\u0000\u0001\u0002', /is not valid JSON/],
  ];

  for (const [name, text, why] of cases) {
    it(`${name}: readEventContext throws one MemgateError naming the file`, async () => {
      const path = join(dir, `${name}.json`);
      await writeFile(path, text);
      assert.throws(
        () => readEventContext({ GITHUB_EVENT_PATH: path }),
        (err: unknown) => err instanceof MemgateError && err.where === path && why.test(err.message),
      );
    });
  }

  it('a UTF-8 BOM before valid JSON is accepted', async () => {
    const path = join(dir, 'bom.json');
    await writeFile(path, '\uFEFF{"number": 7}');
    assert.deepEqual(readEventPayload({ GITHUB_EVENT_PATH: path }), { number: 7 });
  });

  it('a missing event file names it', () => {
    const path = join(dir, 'nope.json');
    assert.throws(
      () => readEventContext({ GITHUB_EVENT_PATH: path }),
      (err: unknown) =>
        err instanceof MemgateError && err.line === `${path}: cannot read the event payload (ENOENT)`,
    );
  });

  for (const [entry, args] of [
    ['src/main-entry.ts', [process.execPath, '--import', 'tsx', join(ROOT, 'src/main-entry.ts')]],
    ['dist/index.js', [RUNNER_NODE, join(ROOT, 'dist/index.js')]],
  ] as const) {
    it(`${entry}: one error annotation naming the file, exit 1, no stack trace`, async () => {
      const path = join(dir, 'corrupt.json');
      await writeFile(path, '{"action": "opened", "pull_request": ');
      const r = await start([...args], {
        GITHUB_EVENT_PATH: path,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_ACTIONS: 'true',
      });
      assert.equal(r.code, 1, r.stderr);
      const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
      assert.equal(errors.length, 1, r.stdout);
      assert.match(
        errors[0],
        new RegExp(
          `^::error::memgate: ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: the event payload is not valid JSON`,
        ),
      );
      assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at |SyntaxError:/);
    });
  }
});
