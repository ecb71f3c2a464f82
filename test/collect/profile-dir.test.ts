import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { groupProfileFiles } from '../../src/collect/profile-dir.js';

const files = [
  { path: 'queue_stats/web_9f3a/snapshots/snapshot_2', text: 's2' },
  { path: 'queue_stats/web_9f3a/snapshots/snapshot_1', text: 's1' },
  { path: 'queue_stats/web_9f3a/diffs/diff_2', text: 'd2' },
  { path: 'queue_stats/web_9f3a/last-snapshot', text: 'pickle' },
  { path: 'queue_stats/91c0/snapshots/snapshot_1', text: 't1' },
];

describe('profile directory grouping (pure)', () => {
  it('groups an --m-dir by check and instance, in name (time) order, ignoring last-snapshot', () => {
    const dirs = groupProfileFiles('/m', files);
    assert.deepEqual(dirs, [
      {
        check: 'queue_stats',
        instanceDir: '/m/queue_stats/91c0',
        snapshots: [{ name: 'snapshot_1', text: 't1' }],
        diffs: [],
      },
      {
        check: 'queue_stats',
        instanceDir: '/m/queue_stats/web_9f3a',
        snapshots: [
          { name: 'snapshot_1', text: 's1' },
          { name: 'snapshot_2', text: 's2' },
        ],
        diffs: [{ name: 'diff_2', text: 'd2' }],
      },
    ]);
  });

  it('accepts a <check> directory or one instance directory as the root', () => {
    const inCheck = files.map((f) => ({ ...f, path: f.path.slice('queue_stats/'.length) }));
    assert.deepEqual(
      groupProfileFiles('/m/queue_stats', inCheck).map((d) => [d.check, d.instanceDir]),
      [
        ['queue_stats', '/m/queue_stats/91c0'],
        ['queue_stats', '/m/queue_stats/web_9f3a'],
      ],
    );
    const one = groupProfileFiles('/m/queue_stats/91c0', [{ path: 'snapshots/snapshot_1', text: 't1' }]);
    assert.deepEqual(one, [
      {
        check: 'queue_stats',
        instanceDir: '/m/queue_stats/91c0',
        snapshots: [{ name: 'snapshot_1', text: 't1' }],
        diffs: [],
      },
    ]);
    assert.deepEqual(groupProfileFiles('/m', [{ path: 'notes.txt', text: '' }]), []);
  });
});
