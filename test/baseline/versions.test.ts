import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  ageDays,
  compareVersions,
  describeProvenance,
  foundProvenance,
  pickVersion,
} from '../../src/baseline/versions.js';

describe('baseline version selection', () => {
  it('takes the exact version when stored', () => {
    assert.deepEqual(pickVersion('1.3.0', ['1.2.0', '1.3.0', '2.0.0']), {
      version: '1.3.0',
      status: 'exact',
    });
  });

  it('else the highest lower version, by semver', () => {
    assert.deepEqual(pickVersion('1.10.1', ['1.9.0', '1.10.0', '1.2.0', '1.11.0']), {
      version: '1.10.0',
      status: 'fallback',
    });
    assert.deepEqual(pickVersion('2.0.0', ['2.0.0-rc.1', '1.0.0']), {
      version: '2.0.0-rc.1',
      status: 'fallback',
    });
    assert.equal(pickVersion('0.1.0', ['1.0.0', '0.2.0']), undefined, 'never a higher version');
    assert.equal(pickVersion('1.0.0', []), undefined);
  });

  it('by string order when a version is not semver', () => {
    assert.deepEqual(pickVersion('2024-06', ['2024-01', '2024-05', '2024-07']), {
      version: '2024-05',
      status: 'fallback',
    });
    assert.ok(compareVersions('abc', 'abd') < 0);
    assert.ok(compareVersions('1.10.0', '1.9.0') > 0);
  });

  it('provenance says where the baseline came from, with age', () => {
    const now = new Date('2026-03-11T12:00:00Z');
    const p = foundProvenance(
      { version: '1.2.0', status: 'fallback' },
      '1.3.0',
      { commits: ['abcdef1234567890', 'x'], date: '2026-03-01T00:00:00Z', samples: 8, entries: 4 },
      now,
    );
    assert.equal(p.ageDays, 10);
    assert.equal(p.commit, 'abcdef1234567890');
    assert.equal(
      p.message,
      "compared with 1.2.0's baseline (no baseline for 1.3.0 yet) at abcdef123456 and 1 earlier commit(s), 10 days old, 8 runs",
    );
    assert.equal(
      describeProvenance({ status: 'none', requestedVersion: '1.3.0' }),
      'no baseline: this run becomes the first for 1.3.0',
    );
    assert.equal(ageDays('garbage', now), undefined);
    assert.equal(ageDays('2026-03-12T00:00:00Z', now), 0, 'a date in the future is 0 days old');
  });
});
