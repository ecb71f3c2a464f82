import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { mayWriteBaseline } from '../../src/baseline/write-policy.js';

const MODES = ['auto', 'true', 'false'] as const;

describe('who may write a baseline', () => {
  it('a pull_request or pull_request_target event never writes, whatever the inputs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'pull_request',
          'pull_request_target',
          'pull_request_review',
          'pull_request_review_comment',
        ),
        fc.constantFrom(...MODES),
        fc.option(fc.constantFrom('refs/heads/main', 'refs/pull/1/merge', 'refs/heads/feature'), {
          nil: undefined,
        }),
        fc.option(fc.constantFrom('main', 'master'), { nil: undefined }),
        (name, mode, ref, defaultBranch) => {
          const d = mayWriteBaseline({ name, ref, defaultBranch }, mode);
          return d.write === false && d.reason.includes(name);
        },
      ),
    );
  });

  it('auto: only a push to the default branch', () => {
    assert.equal(
      mayWriteBaseline({ name: 'push', ref: 'refs/heads/main', defaultBranch: 'main' }, 'auto').write,
      true,
    );
    const other = mayWriteBaseline(
      { name: 'push', ref: 'refs/heads/feature', defaultBranch: 'main' },
      'auto',
    );
    assert.equal(other.write, false);
    assert.match(other.reason, /refs\/heads\/feature, not to the default branch refs\/heads\/main/);
    assert.equal(
      mayWriteBaseline({ name: 'push', ref: 'refs/tags/v1', defaultBranch: 'main' }, 'auto').write,
      false,
    );
    assert.equal(
      mayWriteBaseline({ name: 'push', ref: 'refs/heads/main' }, 'auto').write,
      false,
      'unknown default branch',
    );
    assert.equal(
      mayWriteBaseline({ name: 'schedule', ref: 'refs/heads/main', defaultBranch: 'main' }, 'auto').write,
      false,
    );
  });

  it('update-baseline true forces a write outside PRs; false never writes', () => {
    assert.equal(mayWriteBaseline({ name: 'workflow_dispatch', ref: 'refs/heads/x' }, 'true').write, true);
    assert.equal(
      mayWriteBaseline({ name: 'push', ref: 'refs/heads/main', defaultBranch: 'main' }, 'false').write,
      false,
    );
    assert.equal(
      mayWriteBaseline({ name: 'workflow_run', ref: 'refs/heads/main', defaultBranch: 'main' }, 'true').write,
      false,
    );
  });
});
