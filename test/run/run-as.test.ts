/**
 * The seed runs the Agent as its own user (`sudo -u dd-agent -- datadog-agent check … -m`): the
 * `--m-dir` memgate creates must be writable by that user. Here the simulator runs under another
 * uid through `setpriv` (the same drop of privileges as `sudo -u`, with no account to create).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

import { runCheck } from '../../src/run/runner.js';
import { AGENT_SIM } from '../agent-sim/sim-support.js';
import { which } from '../support/tools.js';

const OTHER_UID = 4242;

/** Why this machine cannot run a command as a second user, or false when it can. */
function cannotSwitchUser(): string | false {
  if (process.getuid?.() !== 0) return 'not root: cannot run a command as a second user';
  if (!which('setpriv')) return 'setpriv not installed';
  const probe = spawnSync(
    'setpriv',
    [`--reuid=${OTHER_UID}`, `--regid=${OTHER_UID}`, '--clear-groups', '--', 'python3', '-c', ''],
    {
      env: { ...process.env, PATH: `/usr/bin:/bin:${process.env.PATH ?? ''}` },
    },
  );
  return probe.status === 0 ? false : 'python3 cannot run as a second user here';
}

describe('the Agent as a second user', { skip: cannotSwitchUser() }, () => {
  it('writes its profile files into the --m-dir memgate created, and memgate reads them', async () => {
    const { report } = await runCheck({
      check: 'retaining',
      agentBin: `setpriv --reuid=${OTHER_UID} --regid=${OTHER_UID} --clear-groups -- ${AGENT_SIM}`,
      repeat: 1,
      checkTimes: 3,
      timeoutMs: 60_000,
      sampleIntervalMs: 100,
      extraArgs: ['--delay', '0'],
      // The second user cannot reach an interpreter under /root: the system one comes first.
      env: { ...process.env, PATH: `/usr/bin:/bin:${process.env.PATH ?? ''}` },
    });
    const c = report.checks[0];
    assert.equal(c.metrics['python.check_run_alloc'].runs[0].series.length, 3);
    assert.ok(
      c.sites.some((s) => s.key.startsWith('retaining/check.py:')),
      'the tracemalloc files the other user wrote were read',
    );
  });
});
